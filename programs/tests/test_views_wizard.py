"""The program wizard through the Django test client: steps, bounds, Back, Create."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from programs import services
from programs.models import Program
from programs.views import WIZARD_SESSION_KEY

pytestmark = pytest.mark.django_db

GOALS = {"strength": "6", "hypertrophy": "4"}
SCHEDULE = {
    "duration_weeks": "8",
    "days_per_week": "3",
    "max_session_minutes": "60",
    "split_template": "",
    "start_date": "2026-01-05",
    "experience_level": "INTERMEDIATE",
}
COACH = {"persona_tone": "DIRECT", "persona_aggression": "BALANCED"}
LIKES = {
    "equipment_preset": "CUSTOM",
    "equipment": ["barbell", "rack", "bench", "dumbbell"],
}


def step_url(step: str) -> str:
    return reverse("programs:wizard-step", args=[step])


@pytest.fixture
def client(client, user):
    client.force_login(user)
    return client


def post_step(client, step: str, data: dict, action: str = "next"):
    return client.post(step_url(step), {**data, "action": action})


def complete(client, until: str = "likes", **overrides):
    """Walk the wizard with valid values up to and including ``until``."""
    steps = {"goals": GOALS, "schedule": SCHEDULE, "coach": COACH, "likes": LIKES}
    for step, data in steps.items():
        response = post_step(client, step, {**data, **overrides.get(step, {})})
        assert response.status_code == 302, response.content.decode()[:2000]
        if step == until:
            return response
    return response


def done_steps(client) -> list[str]:
    return client.session.get(WIZARD_SESSION_KEY, {}).get("done", [])


def test_the_wizard_needs_a_login(client):
    client.logout()
    response = client.get(reverse("programs:wizard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_wizard_starts_at_the_first_unfinished_step(client, library):
    assert client.get(reverse("programs:wizard"))["Location"] == step_url("goals")
    complete(client, until="schedule")
    assert client.get(reverse("programs:wizard"))["Location"] == step_url("coach")


def test_a_later_step_cannot_be_skipped_to(client):
    response = client.get(step_url("review"))
    assert response.status_code == 302
    assert response["Location"] == step_url("goals")


def test_an_unknown_step_is_a_404(client):
    assert client.get(step_url("payment")).status_code == 404


def test_the_goals_step_shows_the_live_budget(client):
    response = client.get(step_url("goals"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "$10 left" in html
    assert "data-budget-left" in html
    assert 'name="strength"' in html


# --- every bound: the step re-renders with the message and does not advance ---
BOUNDS = [
    ("goals", {"strength": "5", "hypertrophy": "4"}, "Your goals add up to $9"),
    ("goals", {"strength": "6", "hypertrophy": "5"}, "Your goals add up to $11"),
    ("goals", {}, "Pick at least one goal"),
    (
        "goals",
        {"strength": "4", "hypertrophy": "3", "mobility": "2", "skill": "1"},
        "Pick at most 3 goals",
    ),
    ("goals", {"strength": "11"}, "Use $0 to $10."),
    ("goals", {"strength": "-1", "hypertrophy": "10"}, "Use $0 to $10."),
    ("goals", {"strength": "5", "endurance": "5"}, "conflict heavily"),
    ("schedule", {**SCHEDULE, "duration_weeks": "9"}, "Choose 8, 10 or 12 weeks."),
    ("schedule", {**SCHEDULE, "duration_weeks": "14"}, "Choose 8, 10 or 12 weeks."),
    ("schedule", {**SCHEDULE, "days_per_week": "1"}, "Choose 2 to 7 days a week."),
    ("schedule", {**SCHEDULE, "days_per_week": "8"}, "Choose 2 to 7 days a week."),
    (
        "schedule",
        {**SCHEDULE, "max_session_minutes": "29"},
        "Sessions can be 30 to 120 minutes.",
    ),
    (
        "schedule",
        {**SCHEDULE, "max_session_minutes": "121"},
        "Sessions can be 30 to 120 minutes.",
    ),
    ("schedule", {**SCHEDULE, "start_date": "tomorrow"}, "Enter a date like"),
    (
        "schedule",
        {**SCHEDULE, "split_template": "BRO"},
        "Choose a split from the list.",
    ),
    (
        "schedule",
        {**SCHEDULE, "experience_level": "GURU"},
        "Choose your experience level.",
    ),
    ("coach", {**COACH, "persona_tone": "SARCASTIC"}, "Choose a tone."),
    ("coach", {**COACH, "persona_aggression": "MAX"}, "Choose how hard to push."),
    ("likes", {"equipment": ["jetpack"]}, "is not equipment Alloy knows"),
]


@pytest.mark.parametrize(("step", "data", "message"), BOUNDS)
def test_an_invalid_field_re_renders_its_step_with_the_message(
    client, library, step, data, message
):
    before = {"goals": None, "schedule": "goals", "coach": "schedule", "likes": "coach"}
    if before[step]:
        complete(client, until=before[step])
    response = post_step(client, step, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'class="errorlist' in html
    assert step not in done_steps(client)
    assert not Program.objects.exists()


def test_an_error_is_linked_to_its_field_for_screen_readers(client, library):
    complete(client, until="goals")
    response = post_step(client, "schedule", {**SCHEDULE, "days_per_week": "9"})
    html = response.content.decode()
    assert 'aria-describedby="id_days_per_week_error"' in html
    assert 'id="id_days_per_week_error"' in html


def test_a_swap_without_a_target_stays_on_the_likes_step(client, library):
    complete(client, until="coach")
    squat = library["Barbell Back Squat"]
    response = post_step(client, "likes", {**LIKES, f"rule_{squat.pk}": "SUBSTITUTE"})
    assert response.status_code == 200
    assert (
        "Choose what to do instead of Barbell Back Squat" in response.content.decode()
    )


def test_back_keeps_what_was_typed_even_when_it_was_not_valid(client, library):
    complete(client, until="goals")
    typed = {**SCHEDULE, "days_per_week": "5", "max_session_minutes": "200"}
    response = post_step(client, "schedule", typed, action="back")
    assert response["Location"] == step_url("goals")
    html = client.get(step_url("schedule")).content.decode()
    assert 'value="200"' in html
    assert 'id="id_days_per_week_3" required checked' in html
    # Shown again, not judged again: no error until Next.
    assert "errorlist" not in html
    goals_html = client.get(step_url("goals")).content.decode()
    assert 'name="strength" value="6"' in goals_html


def test_a_blocking_conflict_then_a_fix_moves_on(client, library):
    response = post_step(client, "goals", {"strength": "5", "endurance": "5"})
    assert response.status_code == 200
    response = post_step(client, "goals", {"strength": "7", "endurance": "3"})
    assert response["Location"] == step_url("schedule")


def test_review_shows_the_summary_and_goal_warnings_before_creating(client, library):
    complete(client)
    # Re-do goals with a pair that warns (strength + endurance below blocking).
    post_step(client, "goals", {"strength": "7", "endurance": "3"})
    response = client.get(step_url("review"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Before you create" in html
    assert "some conflict" in html
    assert "Strength <b>$7</b>" in html
    assert "3 a week, up to 60 min each" in html
    assert not Program.objects.exists()


def test_create_writes_the_program_and_clears_the_wizard(
    client, user, library, django_capture_on_commit_callbacks
):
    complete(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            step_url("review"), {"name": "Spring block", "action": "create"}
        )
    program = Program.objects.get()
    assert response.status_code == 302
    assert response["Location"] == program.get_absolute_url()
    assert program.user == user
    assert program.name == "Spring block"
    assert program.goals == [("STRENGTH", 6), ("HYPERTROPHY", 4)]
    assert program.days_per_week == 3
    assert program.persona_tone == "DIRECT"
    assert program.equipment == ["barbell", "bench", "dumbbell", "rack"]
    assert WIZARD_SESSION_KEY not in client.session
    page = client.get(response["Location"])
    assert "Spring block" in page.content.decode()


def test_create_revalidates_every_step_on_the_server(client, library):
    complete(client)
    # Tamper with the stored goals (as a stale or forged session would).
    session = client.session
    session[WIZARD_SESSION_KEY]["data"]["goals"] = {"strength": ["5"], "skill": ["4"]}
    session.save()
    response = client.post(step_url("review"), {"action": "create"})
    assert response.status_code == 200
    assert "Your goals add up to $9" in response.content.decode()
    assert not Program.objects.exists()


def test_a_service_error_lands_on_the_step_that_asks_for_the_field(
    client, library, monkeypatch
):
    from django.core.exceptions import ValidationError

    def refuse(**kwargs):
        raise ValidationError({"days_per_week": ["Too many days for this split."]})

    complete(client)
    monkeypatch.setattr(services, "program_create", refuse)
    response = client.post(step_url("review"), {"action": "create"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Too many days for this split." in html
    assert 'id="id_days_per_week_error"' in html
    assert 'action="/programs/new/schedule/"' in html
    assert not Program.objects.exists()


def test_start_over_forgets_every_step(client, library):
    complete(client, until="schedule")
    response = client.post(reverse("programs:wizard-reset"))
    assert response["Location"] == step_url("goals")
    assert WIZARD_SESSION_KEY not in client.session


# --- the coach step's samples (htmx) ---
def test_the_coach_step_shows_a_sample_note_for_each_choice(client, library):
    complete(client, until="schedule")
    html = client.get(step_url("coach")).content.decode()
    assert html.count('class="sample-note"') == 6


def test_changing_the_coach_redraws_the_samples_as_a_partial(client, library):
    complete(client, until="schedule")
    response = client.get(
        step_url("coach"),
        {"persona_tone": "DIRECT", "persona_aggression": "AGGRESSIVE"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith('<div id="coach-choices"')
    assert "Earn it. Every set to the cap." in html
    assert "HX-Request" in response["Vary"]


# --- the movement picker ---
def test_movement_search_answers_htmx_with_a_partial(client, library):
    squat = library["Barbell Back Squat"]
    response = client.get(
        reverse("programs:movement-search"),
        {"q": "squat", f"rule_{squat.pk}": "HARD_NO"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="movement-results"')
    assert "Goblet Squat" in html
    assert "Barbell Back Squat" not in html  # already has a rule
    assert "HX-Request" in response["Vary"]


def test_movement_search_without_htmx_is_the_likes_step(client, library):
    response = client.get(reverse("programs:movement-search"), {"q": "row"})
    assert response.status_code == 302
    assert response["Location"] == step_url("likes") + "?q=row#picker"


def test_the_picker_works_without_javascript(client, library):
    complete(client, until="coach")
    squat = library["Barbell Back Squat"]
    response = post_step(client, "likes", {**LIKES, "q": "squat"}, action="search")
    assert response["Location"] == step_url("likes") + "?q=squat#picker"
    html = client.get(response["Location"]).content.decode()
    assert f'value="{squat.pk}:HARD_NO"' in html
    response = client.post(
        step_url("likes"), {**LIKES, "q": "squat", "add": f"{squat.pk}:HARD_NO"}
    )
    assert response["Location"] == step_url("likes") + "?q=squat#rules"
    html = client.get(response["Location"]).content.decode()
    assert f'name="rule_{squat.pk}"' in html
    assert '<option value="HARD_NO" selected>' in html
    # The equipment ticked before searching is kept (bench yes, kettlebell no).
    assert re.search(r'value="bench"[^>]*checked', html)
    assert not re.search(r'value="kettlebell"[^>]*checked', html)
    response = post_step(client, "likes", {**LIKES, f"rule_{squat.pk}": "HARD_NO"})
    assert response["Location"] == step_url("review")
    assert "Avoid <strong>Barbell Back Squat</strong>" in (
        client.get(step_url("review")).content.decode()
    )
