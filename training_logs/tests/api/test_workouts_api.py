"""Workout logging through the API: create, list, detail, delete, units, PRs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from coach.models import AthleteSettings
from programs.models import ExerciseRole
from training_logs.models import SetLog, WorkoutLog
from training_logs.signals import session_completed
from training_logs.tests.api.helpers import (
    CUSTOM,
    MON,
    PRS,
    WORKOUTS,
    a_set,
    custom_body,
    workout_url,
)
from training_logs.tests.factories import (
    SessionExerciseFactory,
    SessionFactory,
    at,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(user, lifts):
    session = SessionFactory(microcycle__program__user=user, date=MON)
    SessionExerciseFactory(
        session=session,
        movement=lifts.squat,
        role=ExerciseRole.MAIN,
        order=0,
        sets=3,
        reps_min=5,
        reps_max=5,
        target_rpe=Decimal("8"),
    )
    return session


def test_log_a_planned_session_as_prescribed(
    auth_client, session, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    session_completed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = auth_client.post(
                WORKOUTS,
                {"session_id": session.pk, "performed_at": at(MON).isoformat()},
                format="json",
            )
    finally:
        session_completed.disconnect(receiver)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["session_id"] == session.pk
    assert data["session_date"] == MON.isoformat()
    assert data["hard_sets"] == 3
    assert [(s["reps"], s["rpe"], s["load"]) for s in data["sets"]] == [
        (5, 8.0, None)
    ] * 3
    assert data["personal_records"] == []
    assert len(received) == 1


def test_log_a_planned_session_with_loads_celebrates_records(
    auth_client, session, lifts
):
    exercise = session.exercises.get()
    response = auth_client.post(
        WORKOUTS,
        {
            "session_id": session.pk,
            "performed_at": at(MON).isoformat(),
            "duration_minutes": 55,
            "enjoyment": 4,
            "feedback_tags": ["JUST_RIGHT"],
            "notes": "Moved well.",
            "sets": [
                a_set(lifts.squat, 60, 5, is_warmup=True),
                a_set(lifts.squat, 100, 5, rpe=8, session_exercise_id=exercise.pk),
                a_set(lifts.squat, 100, 5, rpe=8.5),
                a_set(lifts.squat, 100, 5, rpe=9),
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["unit"] == "KG"
    assert data["feedback_tags"] == ["JUST_RIGHT"]
    warmup, first, *_ = data["sets"]
    assert warmup["is_warmup"]
    assert warmup["e1rm"] is None
    assert first["e1rm"] == 123.33
    assert {r["kind"] for r in data["personal_records"]} == {
        "E1RM",
        "LOAD_AT_REPS",
        "REPS_AT_LOAD",
    }


def test_custom_workout_then_a_lighter_set_with_more_reps_is_an_e1rm_record(
    auth_client, lifts
):
    first = auth_client.post(
        CUSTOM, custom_body(a_set(lifts.squat, 100, 5), name="Garage"), format="json"
    )
    assert first.status_code == 201, first.content
    assert first.json()["name"] == "Garage"
    assert first.json()["session_id"] is None
    second = auth_client.post(
        CUSTOM,
        custom_body(a_set(lifts.squat, 95, 8), day=MON + dt.timedelta(days=2)),
        format="json",
    )
    records = {r["kind"]: r for r in second.json()["personal_records"]}
    assert records["E1RM"]["value"] == 120.33
    assert records["E1RM"]["previous_value"] == 116.67
    # the pages' headline rule: a best e1RM is news, a first 8-rep set is not
    assert records["E1RM"]["is_headline"] is True
    assert records["LOAD_AT_REPS"]["is_headline"] is False
    tie = auth_client.post(
        CUSTOM,
        custom_body(a_set(lifts.squat, 95, 8), day=MON + dt.timedelta(days=4)),
        format="json",
    )
    assert tie.json()["personal_records"] == []


def test_pounds_in_and_out(auth_client, user, lifts):
    AthleteSettings.objects.update_or_create(user=user, defaults={"units": "LB"})
    response = auth_client.post(
        CUSTOM,
        custom_body(a_set(lifts.bench, 225, 5), a_set(lifts.bench, 135, 10)),
        format="json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["unit"] == "LB"
    assert [s["load"] for s in data["sets"]] == [225.0, 135.0]
    stored = SetLog.objects.order_by("order").values_list("load_kg", flat=True)
    assert list(stored) == [Decimal("102.058"), Decimal("61.235")]
    assert data["sets"][0]["e1rm"] == pytest.approx(225 * (1 + 5 / 30), abs=0.01)

    records = auth_client.get(PRS, {"movement": lifts.bench.pk}).json()["results"]
    load_at_5 = next(
        r for r in records if r["kind"] == "LOAD_AT_REPS" and r["reps"] == 5
    )
    assert load_at_5["value"] == 225.0
    assert load_at_5["unit"] == "LB"
    reps_at_225 = next(
        r for r in records if r["kind"] == "REPS_AT_LOAD" and r["reps"] == 5
    )
    assert reps_at_225["value"] == 5
    assert reps_at_225["load"] == 225.0


def test_list_is_paginated_filtered_and_constant_in_queries(
    auth_client, lifts, django_assert_num_queries
):
    auth_client.post(CUSTOM, custom_body(a_set(lifts.squat)), format="json")

    def listing(**params):
        return auth_client.get(WORKOUTS, params)

    # count, logs, sets + movements, records + movements, athlete settings (a
    # read opens no transaction)
    with django_assert_num_queries(5):
        one = listing()
    for offset in (1, 2, 3):
        auth_client.post(
            CUSTOM,
            custom_body(
                a_set(lifts.bench, 80),
                a_set(lifts.squat, 100 + offset),
                day=MON + dt.timedelta(days=offset * 3),
            ),
            format="json",
        )
    with django_assert_num_queries(5):
        many = listing()
    assert one.json()["count"] == 1
    assert many.json()["count"] == 4
    assert len(many.json()["results"][0]["sets"]) == 2

    by_movement = listing(movement=lifts.bench.pk).json()
    assert by_movement["count"] == 3
    window = listing(
        date_from=(MON + dt.timedelta(days=3)).isoformat(),
        date_to=(MON + dt.timedelta(days=5)).isoformat(),
    ).json()
    assert window["count"] == 1
    assert listing(date_from="2026-13-01").status_code == 400
    assert (
        listing(
            date_from=MON.isoformat(), date_to=(MON - dt.timedelta(days=1)).isoformat()
        ).status_code
        == 400
    )


def test_detail_and_delete(auth_client, lifts):
    created = auth_client.post(
        CUSTOM, custom_body(a_set(lifts.squat)), format="json"
    ).json()
    url = workout_url(created["id"])
    detail = auth_client.get(url)
    assert detail.status_code == 200
    assert detail.json()["sets"][0]["movement"]["name"] == "Barbell Back Squat"
    assert auth_client.delete(url).status_code == 204
    assert auth_client.get(url).status_code == 404
    assert not WorkoutLog.objects.exists()
    assert auth_client.get(PRS).json()["count"] == 0


def test_a_session_logged_twice_is_a_400(auth_client, session):
    body = {"session_id": session.pk, "performed_at": at(MON).isoformat()}
    assert auth_client.post(WORKOUTS, body, format="json").status_code == 201
    again = auth_client.post(WORKOUTS, body, format="json")
    assert again.status_code == 400
    assert "session_id" in again.json()
    assert WorkoutLog.objects.count() == 1
