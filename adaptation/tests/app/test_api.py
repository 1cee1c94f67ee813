"""The daily-coach API: shapes, status codes, field errors, ownership 404s and
pinned query counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from adaptation.models import AdaptationStatus, DailyCheckIn, SessionAdaptation
from programs.models import Session, SessionType
from training_logs.models import SorenessLog

from .conftest import swappable_exercise

pytestmark = pytest.mark.django_db


def plan_url(day) -> str:
    return reverse("api:adaptation:day-plan", args=[str(day)])


def adapt_url(day) -> str:
    return reverse("api:adaptation:day-adapt", args=[str(day)])


def decide_url(day, adaptation_id: int, decision: str) -> str:
    return reverse(
        f"api:adaptation:adaptation-{decision}", args=[str(day), adaptation_id]
    )


# ---------------------------------------------------------------------------
# Plan
# ---------------------------------------------------------------------------
def test_plan_of_a_training_day(auth_client, program, quad_day):
    response = auth_client.get(plan_url(quad_day.date))
    assert response.status_code == 200
    body = response.json()
    assert body["rest_day"] is False
    assert body["session"]["id"] == quad_day.pk
    assert body["adapted"] is False
    assert body["readiness"]["score"] == 50
    assert body["readiness"]["defaulted"] is True
    assert body["time_breakdown"]["total"] == quad_day.estimated_minutes
    assert len(body["exercises"]) == quad_day.exercises.count()
    main = next(e for e in body["exercises"] if e["role"] == "MAIN")
    assert len(main["load_targets"]) == main["sets"]
    assert main["load_targets"][0]["basis"] == "NO_HISTORY"
    assert main["load_note"]


def test_today_plan_is_the_plan_of_the_local_date(auth_client, program):
    today = auth_client.get(reverse("api:adaptation:day-plan", args=["today"]))
    dated = auth_client.get(plan_url(timezone.localdate()))
    assert today.status_code == 200
    assert today.json() == dated.json()


def test_plan_of_a_rest_day_names_the_next_session(auth_client, program):
    rest = (
        Session.objects.filter(program=program, session_type=SessionType.RECOVERY)
        .order_by("date")
        .first()
    )
    body = auth_client.get(plan_url(rest.date)).json()
    assert body["rest_day"] is True
    assert body["exercises"] == []
    assert body["next_session"]["date"] > str(rest.date)
    assert body["next_session"]["session_type"] != "RECOVERY"


def test_plan_without_an_active_program_is_a_404_that_says_so(auth_client):
    response = auth_client.get(plan_url(timezone.localdate()))
    assert response.status_code == 404
    assert response.json()["code"] == "no_active_program"
    assert "no active program" in response.json()["detail"]


def test_plan_outside_the_program_or_a_bad_date_is_a_400(auth_client, program):
    before = program.start_date - timedelta(days=1)
    response = auth_client.get(plan_url(before))
    assert response.status_code == 400
    assert "date" in response.json()
    assert auth_client.get(plan_url("2026-02-30")).status_code == 400


def test_plan_needs_authentication(api_client, program):
    assert api_client.get(plan_url(timezone.localdate())).status_code == 401


def test_plan_query_count_is_flat(
    auth_client, user, program, logged, quad_day, django_assert_num_queries
):
    # Warm the athlete's settings row (created on first read). 12 reads (program
    # with the settings and the next deload's date, session, exercises, muscles,
    # check-ins (the day's and the readiness history in one), main lifts,
    # adaptations, logged sets (load targets and main-lift history in one),
    # recovery, signal, effort ×2), whatever the program's size; a read opens no
    # transaction.
    auth_client.get(plan_url(quad_day.date))
    with django_assert_num_queries(12):
        response = auth_client.get(plan_url(quad_day.date))
    assert response.status_code == 200


def test_adapted_plan_query_count_is_flat(
    auth_client, user, program, logged, quad_day, django_assert_num_queries
):
    body = auth_client.post(
        adapt_url(quad_day.date), {"minutes_available": 30}, format="json"
    ).json()
    auth_client.post(decide_url(quad_day.date, body["id"], "accept"))
    auth_client.get(plan_url(quad_day.date))
    # The check-in's stored readiness replaces the four readiness reads; the
    # adapted movements cost two (movements, muscles).
    with django_assert_num_queries(11):
        response = auth_client.get(plan_url(quad_day.date))
    assert response.json()["adapted"] is True


def test_adapt_statement_count_is_flat(
    auth_client, program, logged, quad_day, settings, django_assert_num_queries
):
    from programs import library_cache

    settings.LIBRARY_CACHE_SECONDS = 300
    settings.LIBRARY_CHECK_SECONDS = 300
    library_cache._library_cache.clear()
    body = {"sleep_hours": "7", "stress": 2, "energy": 4, "readapt": True}
    auth_client.post(adapt_url(quad_day.date), body, format="json")
    # With the library snapshot kept and checked a moment ago: 8 reads
    # (program, session, exercises — their muscles come from the snapshot —,
    # accepted adaptation, recovery, effort ×2, the week's other sessions), 4 writes
    # (signal, check-in with its readiness in the INSERT, superseding, the
    # proposal) and 6 savepoint statements (the service's transaction, the
    # check-in's and the signal's; the view runs outside a request transaction,
    # so the reads and the engine hold no write lock). Every statement is a round
    # trip that waits for a scheduler slot on a busy host (issue 13).
    with django_assert_num_queries(18):
        response = auth_client.post(adapt_url(quad_day.date), body, format="json")
    assert response.status_code == 201
    checkin = DailyCheckIn.objects.order_by("-id").first()
    assert checkin.readiness_score == response.json()["readiness_score"]
    assert checkin.readiness["score"] == checkin.readiness_score
    library_cache._library_cache.clear()


# ---------------------------------------------------------------------------
# Adapt, accept, reject, list
# ---------------------------------------------------------------------------
def test_adapt_reads_and_runs_the_engine_outside_the_request_transaction():
    # On SQLite (IMMEDIATE transactions) a request transaction held the write
    # lock through the snapshot reads and the engine; the service's own
    # transaction writes the check-in and the proposal.
    from django.urls import resolve

    view = resolve(adapt_url(date(2026, 1, 5))).func
    assert "default" in getattr(view, "_non_atomic_requests", set())


def test_adapt_returns_the_proposal_with_every_change_and_reason(
    auth_client, program, quad_day
):
    response = auth_client.post(
        adapt_url(quad_day.date),
        {
            "soreness": {"quadriceps": 8},
            "sleep_hours": "5",
            "energy": 2,
            "stress": 4,
            "minutes_available": 35,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "PROPOSED"
    assert body["session_id"] == quad_day.pk
    assert body["operations"]
    assert all(op["reason"] for op in body["operations"])
    assert body["prescription"]["minutes_available"] == 35
    assert body["readiness"]["components"]["sleep"] < 0.5


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"soreness": {"quadriceps": 0}}, "soreness"),
        ({"soreness": {"quadriceps": 11}}, "soreness"),
        ({"soreness": {"wings": 5}}, "soreness"),
        ({"minutes_available": 0}, "minutes_available"),
        ({"energy": 6}, "energy"),
        ({"equipment": ["jetpack"]}, "equipment"),
    ],
)
def test_bad_adapt_input_is_a_400_and_writes_nothing(
    auth_client, program, quad_day, payload, field
):
    response = auth_client.post(adapt_url(quad_day.date), payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not DailyCheckIn.objects.exists()
    assert not SorenessLog.objects.exists()
    assert not SessionAdaptation.objects.exists()


def test_adapt_a_date_outside_the_program_is_a_400(auth_client, program):
    end = program.start_date + timedelta(weeks=program.duration_weeks)
    response = auth_client.post(adapt_url(end), {}, format="json")
    assert response.status_code == 400
    assert "date" in response.json()
    assert not DailyCheckIn.objects.exists()


def test_accept_then_reject_and_list(auth_client, program, quad_day):
    day = quad_day.date
    first = auth_client.post(adapt_url(day), {"minutes_available": 40}, format="json")
    second = auth_client.post(adapt_url(day), {"minutes_available": 30}, format="json")
    accepted = auth_client.post(decide_url(day, second.json()["id"], "accept"))
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "ACCEPTED"
    # The superseded proposal can no longer be accepted.
    refused = auth_client.post(decide_url(day, first.json()["id"], "accept"))
    assert refused.status_code == 400
    # Re-adapting an accepted session needs readapt.
    again = auth_client.post(adapt_url(day), {"minutes_available": 45}, format="json")
    assert again.status_code == 400
    assert "readapt" in again.json()
    third = auth_client.post(
        adapt_url(day), {"minutes_available": 45, "readapt": True}, format="json"
    )
    assert third.status_code == 201
    rejected = auth_client.post(decide_url(day, third.json()["id"], "reject"))
    assert rejected.json()["status"] == "REJECTED"

    listed = auth_client.get(reverse("api:adaptation:day-adaptations", args=[day]))
    statuses = [a["status"] for a in listed.json()]
    assert statuses == ["REJECTED", "ACCEPTED", "SUPERSEDED"]
    plan = auth_client.get(plan_url(day)).json()
    assert plan["adaptation_id"] == second.json()["id"]


def test_another_athletes_adaptation_is_a_404(
    auth_client, other_client, program, quad_day
):
    day = quad_day.date
    mine = auth_client.post(adapt_url(day), {"minutes_available": 30}, format="json")
    adaptation_id = mine.json()["id"]
    for decision in ("accept", "reject"):
        response = other_client.post(decide_url(day, adaptation_id, decision))
        assert response.status_code == 404
    listed = other_client.get(reverse("api:adaptation:day-adaptations", args=[day]))
    assert listed.json() == []
    # Under another day's URL, my own adaptation is a 404 too.
    other_day = day + timedelta(days=1)
    assert (
        auth_client.post(decide_url(other_day, adaptation_id, "accept")).status_code
        == 404
    )
    assert SessionAdaptation.objects.get().status == AdaptationStatus.PROPOSED


def test_another_athletes_day_is_not_mine(auth_client, other_client, program, quad_day):
    """The other athlete has no program: my day is not theirs (404 that says so)."""
    response = other_client.get(plan_url(quad_day.date))
    assert response.status_code == 404
    response = other_client.post(adapt_url(quad_day.date), {}, format="json")
    assert response.status_code == 404
    assert not DailyCheckIn.objects.exists()


# ---------------------------------------------------------------------------
# Alternatives, swap, deload-now
# ---------------------------------------------------------------------------
def _exercise_url(name: str, program, session, exercise) -> str:
    return reverse(
        f"api:adaptation:exercise-{name}", args=[program.pk, session.pk, exercise.pk]
    )


def test_alternatives_and_swap(auth_client, program, quad_day):
    exercise, _ = swappable_exercise(quad_day)
    response = auth_client.get(
        _exercise_url("alternatives", program, quad_day, exercise)
    )
    assert response.status_code == 200
    alternatives = response.json()
    assert alternatives
    assert [a["rank"] for a in alternatives] == list(range(1, len(alternatives) + 1))
    easier = auth_client.get(
        _exercise_url("alternatives", program, quad_day, exercise) + "?easier=true"
    )
    assert easier.status_code == 200

    swap = auth_client.post(
        _exercise_url("swap", program, quad_day, exercise),
        {"movement": alternatives[0]["movement_id"]},
        format="json",
    )
    assert swap.status_code == 200
    assert swap.json()["movement_id"] == alternatives[0]["movement_id"]
    assert swap.json()["rationale"]["swaps"][0]["from_movement_id"] == (
        exercise.movement_id
    )


def test_swap_to_an_unknown_movement_is_a_400(auth_client, program, quad_day):
    exercise = quad_day.exercises.filter(role="MAIN").first()
    response = auth_client.post(
        _exercise_url("swap", program, quad_day, exercise),
        {"movement": 999999},
        format="json",
    )
    assert response.status_code == 400
    assert "movement" in response.json()
    exercise.refresh_from_db()
    assert "swaps" not in exercise.rationale


def test_another_athletes_exercise_is_a_404(other_client, program, quad_day):
    exercise = quad_day.exercises.first()
    assert (
        other_client.get(
            _exercise_url("alternatives", program, quad_day, exercise)
        ).status_code
        == 404
    )
    response = other_client.post(
        _exercise_url("swap", program, quad_day, exercise),
        {"movement": exercise.movement_id},
        format="json",
    )
    assert response.status_code == 404


def test_an_exercise_of_another_session_is_a_404(auth_client, program, quad_day):
    other = (
        Session.objects.filter(program=program)
        .exclude(pk=quad_day.pk)
        .exclude(session_type=SessionType.RECOVERY)
        .first()
    )
    exercise = other.exercises.first()
    response = auth_client.get(
        _exercise_url("alternatives", program, quad_day, exercise)
    )
    assert response.status_code == 404


def test_deload_now_is_202_and_another_athletes_program_is_a_404(
    auth_client, other_client, program
):
    url = reverse("api:adaptation:deload-now", args=[program.pk])
    assert other_client.post(url).status_code == 404
    response = auth_client.post(url)
    assert response.status_code == 202
    body = response.json()
    assert body["is_deload"] is True
    assert body["status_url"].endswith(f"/programs/{program.pk}/generation-status/")


@pytest.mark.parametrize("first", ["adapt", "swap", "deload"])
def test_adapt_swap_and_deload_now_share_the_expensive_throttle_per_athlete(
    first, auth_client, other_client, program, quad_day
):
    """Each is an engine run or a queued rewrite: one ``expensive`` budget per
    athlete (like regenerate); reads and other athletes are not counted."""
    from django.conf import settings
    from django.core.cache import cache
    from django.test import override_settings

    exercise = quad_day.exercises.filter(role="MAIN").first()
    urls = {
        "adapt": adapt_url(quad_day.date),
        "swap": _exercise_url("swap", program, quad_day, exercise),
        "deload": reverse("api:adaptation:deload-now", args=[program.pk]),
    }
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "expensive": "1/hour"}
    cache.clear()
    try:
        with override_settings(
            REST_FRAMEWORK={**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
        ):
            # An invalid body is still counted (400), so nothing is written.
            assert auth_client.post(urls[first], {"minutes_available": 0, "movement": "x"},
                                    format="json").status_code in (400, 202)  # fmt: skip
            codes = {
                name: auth_client.post(url, {}, format="json").status_code
                for name, url in urls.items()
            }
            other = other_client.post(
                adapt_url(quad_day.date), {"minutes_available": 0}, format="json"
            )
            plan = auth_client.get(plan_url(quad_day.date))
    finally:
        cache.clear()
    assert codes == {"adapt": 429, "swap": 429, "deload": 429}
    assert other.status_code != 429
    assert plan.status_code == 200


def test_schema_lists_every_daily_coach_operation(auth_client):
    response = auth_client.get("/api/schema/?format=json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/v1/days/{day}/plan/",
        "/api/v1/days/{day}/adapt/",
        "/api/v1/days/{day}/adaptations/",
        "/api/v1/days/{day}/adaptations/{adaptation_id}/accept/",
        "/api/v1/days/{day}/adaptations/{adaptation_id}/reject/",
        "/api/v1/programs/{program_id}/sessions/{session_id}/exercises/"
        "{exercise_id}/alternatives/",
        "/api/v1/programs/{program_id}/sessions/{session_id}/exercises/"
        "{exercise_id}/swap/",
        "/api/v1/programs/{program_id}/deload-now/",
    ):
        assert path in paths, path
    adapt = paths["/api/v1/days/{day}/adapt/"]["post"]
    assert "201" in adapt["responses"]
    assert "404" in adapt["responses"]
