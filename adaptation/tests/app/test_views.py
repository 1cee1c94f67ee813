"""The Today page, the check-in → proposal → accept/keep flow, the log page
pre-filled from an accepted adaptation, and the Swap list (STYLE C8)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from adaptation.models import AdaptationStatus, DailyCheckIn, SessionAdaptation
from programs.models import Session, SessionType

from .conftest import swappable_exercise

pytestmark = pytest.mark.django_db


@pytest.fixture
def web(client, user):
    client.force_login(user)
    return client


def day_url(day) -> str:
    return reverse("adaptation:day", args=[day.isoformat()])


def checkin_url(day) -> str:
    return reverse("adaptation:day-checkin", args=[day.isoformat()])


def test_home_links_to_today(web, program):
    response = web.get(reverse("programs:home"))
    assert reverse("adaptation:today").encode() in response.content


def test_today_without_a_program_says_so(web):
    response = web.get(reverse("adaptation:today"))
    assert response.status_code == 404
    assert b"No active program" in response.content


def test_today_shows_the_checkin_and_the_plan(web, program):
    response = web.get(reverse("adaptation:today"))
    assert response.status_code == 200
    content = response.content.decode()
    today = Session.objects.get(program=program, date=timezone.localdate())
    if today.is_rest_day:
        assert "Rest day" in content
    else:
        assert "Quick check-in" in content
        assert "Log this session" in content
        assert "data-readiness" in content


def test_today_page_query_count_is_flat(
    web, program, logged, quad_day, django_assert_num_queries
):
    web.get(day_url(quad_day.date))
    # Session + user, the plan's 12 reads, the logged check and the muscle list,
    # flat in the program's size.
    with django_assert_num_queries(16):
        response = web.get(day_url(quad_day.date))
    assert response.status_code == 200


def test_checkin_proposes_then_accept_makes_it_the_plan_and_the_log_prefill(
    web, user, program, logged, quad_day
):
    day = quad_day.date
    response = web.post(
        checkin_url(day),
        {"sleep_hours": "5", "minutes_available": "35", "sore_quadriceps": "8"},
    )
    assert response.status_code == 302
    adaptation = SessionAdaptation.objects.get()
    assert adaptation.status == AdaptationStatus.PROPOSED
    page = web.get(day_url(day)).content.decode()
    assert "What changed and why" in page
    assert adaptation.operations[0]["reason"] in page.replace("&#x27;", "'")

    web.post(reverse("adaptation:accept", args=[day.isoformat(), adaptation.pk]))
    adaptation.refresh_from_db()
    assert adaptation.status == AdaptationStatus.ACCEPTED
    page = web.get(day_url(day)).content.decode()
    assert "Your adapted session" in page

    log_page = web.get(reverse("training_logs:session-log", args=[quad_day.pk]))
    assert log_page.status_code == 200
    initial = log_page.context["formset"].initial
    adapted = adaptation.prescription["exercises"]
    assert [row["movement"] for row in initial] == [
        e["movement_id"] for e in adapted for _ in range(e["sets"])
    ]
    # Logged movements carry their target loads (the ramp otherwise).
    logged_movements = {s.movement_id for w in logged for s in w.sets.all()}
    loaded = [
        row
        for row in initial
        if row["movement"] in logged_movements and not row["is_warmup"]
    ]
    if loaded:
        assert all(row["load"] for row in loaded)


def test_keep_the_original(web, program, quad_day):
    day = quad_day.date
    web.post(checkin_url(day), {"minutes_available": "30"})
    adaptation = SessionAdaptation.objects.get()
    web.post(reverse("adaptation:reject", args=[day.isoformat(), adaptation.pk]))
    adaptation.refresh_from_db()
    assert adaptation.status == AdaptationStatus.REJECTED
    page = web.get(day_url(day)).content.decode()
    assert "The plan" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"minutes_available": "0"}, "Ensure this value is greater than"),
        ({"sore_quadriceps": "11"}, "Select a valid choice"),
    ],
)
def test_bad_checkin_reshows_the_form_and_writes_nothing(
    web, program, quad_day, data, message
):
    response = web.post(checkin_url(quad_day.date), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DailyCheckIn.objects.exists()


def test_another_athletes_adaptation_cannot_be_decided(
    web, client, other_user, program, quad_day
):
    web.post(checkin_url(quad_day.date), {"minutes_available": "30"})
    adaptation = SessionAdaptation.objects.get()
    client.force_login(other_user)
    response = client.post(
        reverse("adaptation:accept", args=[quad_day.date.isoformat(), adaptation.pk])
    )
    assert response.status_code == 404
    adaptation.refresh_from_db()
    assert adaptation.status == AdaptationStatus.PROPOSED


def test_a_rest_day_shows_the_next_session(web, program):
    rest = (
        Session.objects.filter(program=program, session_type=SessionType.RECOVERY)
        .order_by("date")
        .first()
    )
    page = web.get(day_url(rest.date)).content.decode()
    assert "Rest day" in page
    assert "Next session" in page


def test_a_day_outside_the_program_says_so(web, program):
    response = web.get(day_url(program.start_date - timedelta(days=3)))
    assert response.status_code == 400
    assert b"Outside your program" in response.content


# ---------------------------------------------------------------------------
# Swap
# ---------------------------------------------------------------------------
def swap_url(program, session, exercise) -> str:
    return reverse(
        "adaptation:exercise-swap", args=[program.pk, session.pk, exercise.pk]
    )


def test_session_page_has_a_swap_button_per_exercise(web, program, quad_day):
    page = web.get(quad_day.get_absolute_url()).content.decode()
    for exercise in quad_day.exercises.all():
        assert swap_url(program, quad_day, exercise) in page


def test_swap_lists_alternatives_and_swaps_without_js(web, program, quad_day):
    exercise, _ = swappable_exercise(quad_day)
    response = web.get(swap_url(program, quad_day, exercise))
    assert response.status_code == 200
    alternatives = response.context["alternatives"]
    assert alternatives
    assert alternatives[0].name in response.content.decode()
    response = web.post(
        swap_url(program, quad_day, exercise),
        {"movement": alternatives[0].movement_id},
    )
    assert response.status_code == 302
    exercise.refresh_from_db()
    assert exercise.movement_id == alternatives[0].movement_id


def test_swap_answers_htmx_with_the_list_alone(web, program, quad_day):
    exercise, _ = swappable_exercise(quad_day)
    response = web.get(swap_url(program, quad_day, exercise), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b"data-alternative" in response.content
    assert "HX-Request" in response["Vary"]


def test_another_athletes_swap_is_a_404(client, other_user, program, quad_day):
    client.force_login(other_user)
    exercise = quad_day.exercises.first()
    assert client.get(swap_url(program, quad_day, exercise)).status_code == 404


def test_log_page_reads_as_the_accepted_adapted_session(
    web, user, program, logged, quad_day
):
    """A swapped-in movement sits in its planned exercise's place (not under "Not
    in the plan"); exercises left out are marked dropped with the reason."""
    day = quad_day.date
    web.post(
        checkin_url(day),
        {"sleep_hours": "5", "minutes_available": "35", "sore_quadriceps": "8"},
    )
    adaptation = SessionAdaptation.objects.get()
    web.post(reverse("adaptation:accept", args=[day.isoformat(), adaptation.pk]))
    swaps = [o for o in adaptation.operations if o["kind"] == "SWAP"]
    assert swaps

    response = web.get(reverse("training_logs:session-log", args=[quad_day.pk]))
    blocks = response.context["blocks"]
    page = response.content.decode().replace("&#x27;", "'")
    assert "Not in the plan" not in page
    by_exercise = {b["exercise"].pk: b for b in blocks if b["exercise"]}
    kept = {e["source_exercise_id"] for e in adaptation.prescription["exercises"]}
    for op in swaps:
        block = by_exercise[op["exercise_id"]]
        if op["exercise_id"] not in kept:
            continue
        assert block["movement"].name != op["movement_name"]
        assert {r["movement"].value() for r in block["rows"]} == {block["movement"].pk}
        assert f"instead of {op['movement_name']}" in block["note"]
        assert block["note"] in page
    for exercise_id, block in by_exercise.items():
        if exercise_id in kept:
            assert block["rows"]
            assert not block["dropped"]
        else:
            assert block["dropped"]
            assert not block["rows"]
            assert block["note"].startswith("Dropped today: ")
    assert "Dropped today" in page or kept >= set(by_exercise)
