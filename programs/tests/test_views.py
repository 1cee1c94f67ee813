"""Home, program and session pages through the Django test client: what they
show, who may see them (everyone else gets a 404) and how many queries they cost."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from programs.models import GenerationStatus, Program, Session, SessionType

pytestmark = pytest.mark.django_db

# Session + user (auth), then four reads at most; a GET opens no transaction
# (coach.middleware.UnsafeRequestTransactionMiddleware).
QUERIES = 6
# The program page's calendar card reads the feed token and the followed program.
PROGRAM_PAGE_QUERIES = QUERIES + 2


@pytest.fixture
def client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def program(user, create_program):
    """A generated 8-week, 4-day program that starts this Monday."""
    today = timezone.localdate()
    return create_program(user, start_date=today - dt.timedelta(days=today.weekday()))


def a_training_session(program: Program) -> Session:
    return (
        program.sessions.exclude(session_type=SessionType.RECOVERY)
        .order_by("date")
        .first()
    )


# ---------------------------------------------------------------------------
# Login and ownership
# ---------------------------------------------------------------------------
def page_urls(program: Program, session: Session) -> list[str]:
    return [
        reverse("programs:home"),
        program.get_absolute_url(),
        reverse("programs:progress", args=[program.pk]),
        reverse("programs:delete", args=[program.pk]),
        reverse("programs:coach-view", args=[program.pk]),
        session.get_absolute_url(),
    ]


def test_every_page_needs_a_login(client, program):
    client.logout()
    for url in page_urls(program, a_training_session(program)):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))


def test_another_athletes_program_is_a_404_everywhere(
    client, other_user, create_program
):
    theirs = create_program(other_user, generate=False)
    session = a_training_session(theirs)
    urls = page_urls(theirs, session)[1:]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "We couldn't find that page" in response.content.decode()
    for name in ("programs:retry", "programs:delete"):
        assert client.post(reverse(name, args=[theirs.pk])).status_code == 404
    assert Program.objects.filter(pk=theirs.pk).exists()


def test_a_session_under_the_wrong_program_is_a_404(client, user, create_program):
    first = create_program(user, generate=False)
    second = create_program(user, generate=False)
    session = a_training_session(second)
    url = reverse("programs:session", args=[first.pk, session.pk])
    assert client.get(url).status_code == 404


def test_home_lists_only_my_programs(client, program, other_user, create_program):
    create_program(other_user, generate=False, name="Not yours")
    html = client.get(reverse("programs:home")).content.decode()
    assert escape(program.name) in html
    assert "Not yours" not in html


# ---------------------------------------------------------------------------
# Home
# ---------------------------------------------------------------------------
def test_home_without_a_program_invites_to_the_wizard(client):
    html = client.get(reverse("programs:home")).content.decode()
    assert "Let's build your first program" in html
    assert reverse("programs:wizard") in html


def test_home_shows_this_week_and_the_next_session(
    client, program, django_assert_num_queries
):
    with django_assert_num_queries(QUERIES):
        response = client.get(reverse("programs:home"))
    html = response.content.decode()
    assert "Active program" in html
    assert "This week · week 1" in html
    assert "Next session" in html
    assert html.count('class="day ') == 7


# ---------------------------------------------------------------------------
# Program page
# ---------------------------------------------------------------------------
def test_program_page_shows_goals_dates_and_the_weeks_as_a_calendar(
    client, program, django_assert_num_queries
):
    with django_assert_num_queries(PROGRAM_PAGE_QUERIES):
        response = client.get(program.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Strength <b>$6</b>" in html
    assert "Hypertrophy <b>$4</b>" in html
    assert html.count('<details class="week') == 8
    assert "Deload" in html  # week 4 and 8 deload by default
    assert "This week" in html
    assert "All 32 training sessions are written." in html
    assert 'hx-trigger="every 2s"' not in html
    first = a_training_session(program)
    assert first.get_absolute_url() in html
    assert f"{first.estimated_minutes} min" in html


def test_program_page_query_count_does_not_grow_with_the_program(
    client, user, create_program, django_assert_num_queries
):
    big = create_program(user, duration_weeks=12, days_per_week=6)
    with django_assert_num_queries(PROGRAM_PAGE_QUERIES):
        client.get(big.get_absolute_url())


def test_while_generating_the_progress_partial_polls_every_two_seconds(
    client, user, create_program
):
    program = create_program(user, generate=False)
    html = client.get(program.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 2s"' in html
    assert reverse("programs:progress", args=[program.pk]) in html
    assert "Queued: starting shortly" in html
    assert '<progress max="100" value="0"' in html
    # Without JavaScript the page refreshes itself.
    assert '<meta http-equiv="refresh" content="5">' in html


def test_the_progress_partial_stops_polling_when_generation_is_over(
    client, user, create_program
):
    program = create_program(user, generate=False)
    url = reverse("programs:progress", args=[program.pk])
    htmx = {"HX-Request": "true"}
    running = client.get(url, headers=htmx)
    assert running.content.decode().lstrip().startswith('<section id="progress"')
    assert 'hx-trigger="every 2s"' in running.content.decode()
    assert "HX-Trigger" not in running
    assert "HX-Request" in running["Vary"]

    first = a_training_session(program)
    Session.objects.filter(pk=first.pk).update(
        generation_status=GenerationStatus.COMPLETED
    )
    Program.objects.filter(pk=program.pk).update(
        generation_status=GenerationStatus.IN_PROGRESS
    )
    html = client.get(url, headers=htmx).content.decode()
    assert "1 of 32 sessions ready" in html
    assert "Writing your sessions" in html

    Program.objects.filter(pk=program.pk).update(
        generation_status=GenerationStatus.COMPLETED
    )
    done = client.get(url, headers=htmx)
    assert 'hx-trigger="every 2s"' not in done.content.decode()
    assert json.loads(done["HX-Trigger"]) == {"program-ready": {}}


def test_the_progress_url_without_htmx_is_the_program_page(client, program):
    response = client.get(reverse("programs:progress", args=[program.pk]))
    assert response.status_code == 302
    assert response["Location"] == program.get_absolute_url()


def test_failed_sessions_show_why_and_a_retry_button(client, program):
    failed = a_training_session(program)
    Session.objects.filter(pk=failed.pk).update(
        generation_status=GenerationStatus.FAILED,
        generation_error="No movement fits the hinge slot with this equipment.",
    )
    Program.objects.filter(pk=program.pk).update(
        generation_status=GenerationStatus.FAILED,
        generation_error="1 session(s) could not be generated.",
    )
    html = client.get(program.get_absolute_url()).content.decode()
    assert "1 of 32 sessions could not be written" in html
    assert "No movement fits the hinge slot" in html
    assert "Retry failed sessions" in html
    session_html = client.get(failed.get_absolute_url()).content.decode()
    assert "This session could not be written" in session_html
    assert "No movement fits the hinge slot" in session_html

    response = client.post(reverse("programs:retry", args=[program.pk]))
    assert response["Location"] == program.get_absolute_url()
    failed.refresh_from_db()
    assert failed.generation_status == GenerationStatus.PENDING
    program.refresh_from_db()
    assert program.generation_status == GenerationStatus.PENDING


def test_retry_needs_a_post(client, program):
    assert client.get(reverse("programs:retry", args=[program.pk])).status_code == 405


def test_delete_asks_first_then_deletes(client, program):
    url = reverse("programs:delete", args=[program.pk])
    html = client.get(url).content.decode()
    assert f"Delete “{escape(program.name)}”?" in html
    assert Program.objects.filter(pk=program.pk).exists()
    response = client.post(url)
    assert response["Location"] == reverse("programs:home")
    assert not Program.objects.filter(pk=program.pk).exists()
    assert not Session.objects.filter(program_id=program.pk).exists()


# ---------------------------------------------------------------------------
# Session page
# ---------------------------------------------------------------------------
def test_session_page_shows_blocks_in_order_with_prescriptions_and_why(
    client, program, django_assert_num_queries
):
    session = a_training_session(program)
    with django_assert_num_queries(QUERIES):
        response = client.get(session.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    headings = [
        label
        for label in ("Warm-up", "Main", "Accessory", "Finisher", "Cool-down")
        if '<h2 id="block-' in html and f">{label}</h2>" in html
    ]
    positions = [html.index(f">{label}</h2>") for label in headings]
    assert positions == sorted(positions)
    assert {"Warm-up", "Main", "Cool-down"} <= set(headings)
    main = session.exercises.filter(role="MAIN").order_by("order").first()
    assert main.movement.name in html
    assert f"{main.sets} × " in html
    assert "Why this?" in html
    assert "Pattern alignment" in html
    assert "RPE" in html
    assert escape(session.coach_notes) in html
    assert "Time" in html


def test_session_page_query_count_is_flat(client, program, django_assert_num_queries):
    sessions = program.sessions.exclude(session_type=SessionType.RECOVERY)
    longest = max(sessions, key=lambda s: s.exercises.count())
    with django_assert_num_queries(QUERIES):
        client.get(longest.get_absolute_url())


def test_a_rest_day_page_says_rest(client, program):
    rest = program.sessions.filter(session_type=SessionType.RECOVERY).first()
    html = client.get(rest.get_absolute_url()).content.decode()
    assert "Rest day" in html


def test_a_program_that_starts_later_opens_on_its_first_week(
    client, user, create_program
):
    later = timezone.localdate() + dt.timedelta(days=30)
    program = create_program(user, generate=False, start_date=later)
    html = client.get(program.get_absolute_url()).content.decode()
    assert "This week" not in html
    assert (
        html.count('<details class="week" open>')
        + html.count('<details class="week week--deload" open>')
        == 1
    )
    home = client.get(reverse("programs:home")).content.decode()
    assert f"Week 1 · from {later:%a} {later.day} {later:%b}" in home


# ---------------------------------------------------------------------------
# Coach's view
# ---------------------------------------------------------------------------
#: Session + user, the program, then the review's reads:
#: regenerated variants, deload microcycles (deload-now), exercises, sessions, and
#: the library snapshot of the movements used (rows, muscle links, relationships,
#: circuits and their items).
COACH_VIEW_QUERIES = 12


def test_coach_view_reads_each_week_against_the_landmarks(
    client, program, django_assert_num_queries
):
    with django_assert_num_queries(COACH_VIEW_QUERIES):
        response = client.get(reverse("programs:coach-view", args=[program.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<details class="week') == 8
    assert "Chest" in html
    assert "Quadriceps" in html
    assert '<th scope="col">MEV</th>' in html
    assert "Main lifts" in html
    assert "@ RPE" in html
    assert "Picks: " in html
    assert " common" in html  # the test library leaves every tier at its default
    detail = client.get(program.get_absolute_url()).content.decode()
    assert reverse("programs:coach-view", args=[program.pk]) in detail


def test_coach_view_reads_a_beginner_against_scaled_landmarks(
    client, user, create_program
):
    beginner = create_program(user, experience_level="BEGINNER")
    html = client.get(reverse("programs:coach-view", args=[beginner.pk])).content
    html = html.decode()
    assert "Landmarks ×0.7" in html
    assert "<td>7</td><td>8.5–14</td><td>15.5</td>" in html  # chest
    assert "<td>10</td><td>12–20</td><td>22</td>" not in html


def test_coach_view_query_count_does_not_grow_with_the_program(
    client, user, create_program, django_assert_num_queries
):
    big = create_program(user, duration_weeks=12, days_per_week=6)
    with django_assert_num_queries(COACH_VIEW_QUERIES):
        response = client.get(reverse("programs:coach-view", args=[big.pk]))
    assert response.status_code == 200


def test_session_page_says_why_a_session_is_shorter_than_its_budget(client, program):
    session = a_training_session(program)
    why = "Shorter than the budget (50 of 60 min): weekly volume caps reached."
    session.rationale = {**session.rationale, "notes": [why]}
    session.save(update_fields=["rationale"])
    html = client.get(session.get_absolute_url()).content.decode()
    assert "Why this day looks like this" in html
    assert escape(why) in html
