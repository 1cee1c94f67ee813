"""Ownership: another athlete's log or session is a 404 on every endpoint, and
lists never show another athlete's rows (STYLE C6)."""

from __future__ import annotations

import pytest

from movements.tests.factories import ActivityDefinitionFactory
from training_logs.models import ActivityInstance, WorkoutLog
from training_logs.tests.api import helpers as h
from training_logs.tests.factories import (
    SessionExerciseFactory,
    SessionFactory,
    at,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs(other_client, other_user, lifts, muscles):
    """Everything another athlete has: a log with records, soreness, a session."""
    log = other_client.post(
        h.CUSTOM, h.custom_body(h.a_set(lifts.squat, 200, 3)), format="json"
    ).json()
    other_client.post(
        h.SORENESS, {"entries": [{"muscle": "chest", "level": 9}]}, format="json"
    )
    running = ActivityDefinitionFactory()
    other_client.post(
        h.ACTIVITY_LOG,
        {"activity_definition_id": running.pk, "duration_minutes": 30},
        format="json",
    )
    session = SessionFactory(microcycle__program__user=other_user, date=h.MON)
    exercise = SessionExerciseFactory(session=session, movement=lifts.squat)
    return {"log_id": log["id"], "session": session, "exercise": exercise}


def test_another_athletes_log_is_404_to_read_and_to_delete(auth_client, theirs):
    url = h.workout_url(theirs["log_id"])
    assert auth_client.get(url).status_code == 404
    assert auth_client.delete(url).status_code == 404
    assert WorkoutLog.objects.filter(pk=theirs["log_id"]).exists()
    assert auth_client.get(h.workout_url(987_654)).status_code == 404


def test_logging_another_athletes_session_is_404_and_writes_nothing(
    auth_client, theirs, lifts
):
    before = WorkoutLog.objects.count()
    response = auth_client.post(
        h.WORKOUTS,
        {"session_id": theirs["session"].pk, "sets": [h.a_set(lifts.squat)]},
        format="json",
    )
    assert response.status_code == 404
    assert WorkoutLog.objects.count() == before


def test_another_athletes_prescription_is_refused(auth_client, user, theirs, lifts):
    mine = SessionFactory(microcycle__program__user=user, date=h.MON)
    response = auth_client.post(
        h.WORKOUTS,
        {
            "session_id": mine.pk,
            "performed_at": at(h.MON).isoformat(),
            "sets": [h.a_set(lifts.squat, session_exercise_id=theirs["exercise"].pk)],
        },
        format="json",
    )
    assert response.status_code == 400
    assert not WorkoutLog.objects.filter(session=mine).exists()


def test_an_activity_for_another_athletes_session_is_404(auth_client, theirs):
    before = ActivityInstance.objects.count()
    response = auth_client.post(
        h.ACTIVITY_LOG,
        {
            "activity_definition_id": ActivityDefinitionFactory().pk,
            "duration_minutes": 20,
            "session_id": theirs["session"].pk,
        },
        format="json",
    )
    assert response.status_code == 404
    assert ActivityInstance.objects.count() == before


def test_lists_and_progress_show_only_the_athletes_own_rows(auth_client, theirs, lifts):
    assert auth_client.get(h.WORKOUTS).json()["count"] == 0
    assert auth_client.get(h.PRS, {"history": "true"}).json()["count"] == 0
    assert auth_client.get(h.ACTIVITIES).json()["count"] == 0
    assert auth_client.get(h.E1RM, {"movement": lifts.squat.pk}).json()["points"] == []
    recovery = auth_client.get(h.MUSCLE_RECOVERY).json()["muscles"]
    assert all(m["level"] == 10 for m in recovery)
    adherence = auth_client.get(h.ADHERENCE).json()
    assert adherence["completed"] == adherence["missed"] == 0
    assert all(w["planned"] == 0 for w in adherence["weeks"])
    volume = auth_client.get(h.WEEKLY_VOLUME, {"weeks": 12}).json()["weeks"]
    assert all(sum(w["muscles"].values()) == 0 for w in volume)


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", h.WORKOUTS),
        ("post", h.WORKOUTS),
        ("get", h.workout_url(1)),
        ("delete", h.workout_url(1)),
        ("post", h.CUSTOM),
        ("post", h.SORENESS),
        ("post", h.RECOVERY_SIGNAL),
        ("get", h.MUSCLE_RECOVERY),
        ("get", h.PRS),
        ("get", h.E1RM),
        ("get", h.ADHERENCE),
        ("get", h.WEEKLY_VOLUME),
        ("post", h.ACTIVITY_LOG),
        ("get", h.ACTIVITIES),
        ("get", h.DEFINITIONS),
    ],
)
def test_every_endpoint_needs_authentication(api_client, method, url):
    response = getattr(api_client, method)(url, {}, format="json")
    assert response.status_code == 401
