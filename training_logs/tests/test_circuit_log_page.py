"""The session log page for a session built around a curated circuit: the score
form beside the athlete's best, the score recorded with the workout, and a
score that does not fit the circuit re-shown with nothing written."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from movements.models import CircuitScoring, CircuitType
from movements.tests.factories import CircuitFactory
from training_logs.adherence import week_start
from training_logs.models import CircuitScore, WorkoutLog
from training_logs.services import circuit_score_create
from training_logs.tests.factories import SessionExerciseFactory, SessionFactory, at

pytestmark = pytest.mark.django_db

LAST_MONDAY = week_start(timezone.localdate()) - dt.timedelta(weeks=1)


@pytest.fixture
def web(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def cindy(lifts):
    return CircuitFactory(
        name="Cindy",
        time_cap_seconds=1200,
        movements=[(lifts.pullup, {"reps": 5}), (lifts.squat, {"reps": 15})],
    )


@pytest.fixture
def fran(lifts):
    return CircuitFactory(
        name="Fran",
        circuit_type=CircuitType.METCON,
        rounds=1,
        time_cap_seconds=600,
        scoring=CircuitScoring.TIME,
        movements=[(lifts.squat, {"reps": 21}), (lifts.pullup, {"reps": 21})],
    )


@pytest.fixture
def conditioning(user, lifts, cindy, fran):
    """A conditioning day on Cindy with Fran as the finisher (rows as generated)."""
    session = SessionFactory(
        microcycle__program__user=user,
        microcycle__start_date=LAST_MONDAY,
        date=LAST_MONDAY,
        session_type="CONDITIONING",
        main_circuit=cindy,
        finisher_circuit=fran,
    )
    for order, movement in enumerate([lifts.pullup, lifts.squat]):
        SessionExerciseFactory(
            session=session,
            movement=movement,
            order=order,
            sets=1,
            reps_min=5,
            reps_max=5,
            superset_group=1,
        )
    return session


def body(**extra) -> dict:
    rows = [
        {"movement": "", "reps": "5", "load": "", "rpe": ""},
    ]
    data = {
        "sets-TOTAL_FORMS": "1",
        "sets-INITIAL_FORMS": "0",
        "sets-MIN_NUM_FORMS": "1",
        "sets-MAX_NUM_FORMS": "300",
        "performed_at": at(LAST_MONDAY).strftime("%Y-%m-%dT%H:%M"),
    }
    for key, value in rows[0].items():
        data[f"sets-0-{key}"] = value
    data.update(extra)
    return data


def test_the_page_shows_a_score_form_per_scored_circuit_and_the_best(
    web, user, conditioning, cindy
):
    circuit_score_create(
        user=user,
        circuit_id=cindy.pk,
        rounds=19,
        reps=3,
        performed_on=LAST_MONDAY - dt.timedelta(days=7),
    )

    response = web.get(reverse("training_logs:session-log", args=[conditioning.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Cindy: your score" in content
    assert "Your best: <strong>19 rounds + 3 reps</strong>" in content
    assert "Fran: your score" in content
    assert "Your first go" in content
    assert f'name="circuit-{cindy.pk}-rounds"' in content
    assert f'name="circuit-{conditioning.finisher_circuit_id}-minutes"' in content


def test_logging_records_the_scores_with_the_workout(
    web, user, lifts, conditioning, cindy, fran
):
    data = body(
        **{
            "sets-0-movement": str(lifts.squat.pk),
            f"circuit-{cindy.pk}-rounds": "21",
            f"circuit-{cindy.pk}-reps": "4",
            f"circuit-{fran.pk}-minutes": "5",
            f"circuit-{fran.pk}-seconds": "12",
        }
    )

    response = web.post(
        reverse("training_logs:session-log", args=[conditioning.pk]), data
    )

    assert response.status_code == 302
    workout = WorkoutLog.objects.get()
    detail = web.get(response.url).content.decode()
    assert "<strong>Cindy</strong>: 21 rounds + 4 reps" in detail
    assert "<strong>Fran</strong>: 5:12" in detail
    assert detail.count("Your best") == 2
    scores = {s.circuit.name: s for s in CircuitScore.objects.select_related("circuit")}
    assert scores["Cindy"].score_text() == "21 rounds + 4 reps"
    assert scores["Fran"].time_seconds == 312
    assert {s.workout_log_id for s in scores.values()} == {workout.pk}
    assert scores["Cindy"].performed_on == LAST_MONDAY


def test_a_blank_score_records_none(web, lifts, conditioning):
    data = body(**{"sets-0-movement": str(lifts.squat.pk)})

    response = web.post(
        reverse("training_logs:session-log", args=[conditioning.pk]), data
    )

    assert response.status_code == 302
    assert WorkoutLog.objects.count() == 1
    assert not CircuitScore.objects.exists()


def test_a_time_over_the_cap_is_shown_and_nothing_is_written(
    web, lifts, conditioning, fran
):
    data = body(
        **{
            "sets-0-movement": str(lifts.squat.pk),
            f"circuit-{fran.pk}-minutes": "11",
        }
    )

    response = web.post(
        reverse("training_logs:session-log", args=[conditioning.pk]), data
    )

    assert response.status_code == 200
    assert "Over the 10-minute cap" in response.content.decode()
    assert not WorkoutLog.objects.exists()
    assert not CircuitScore.objects.exists()
