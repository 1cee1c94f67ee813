"""Every bound is a 400 with field errors, and a 400 writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from movements.tests.factories import ActivityDefinitionFactory
from training_logs.models import (
    ActivityInstance,
    MuscleRecoveryState,
    PersonalRecord,
    RecoverySignal,
    SetLog,
    SorenessLog,
    WorkoutLog,
)
from training_logs.tests.api.helpers import (
    ACTIVITY_LOG,
    CUSTOM,
    E1RM,
    PRS,
    RECOVERY_SIGNAL,
    SORENESS,
    WORKOUTS,
    a_set,
    custom_body,
)

pytestmark = pytest.mark.django_db


def assert_nothing_written():
    for model in (WorkoutLog, SetLog, PersonalRecord, MuscleRecoveryState):
        assert not model.objects.exists(), model


@pytest.mark.parametrize(
    ("set_overrides", "field"),
    [
        ({"reps": 0}, "reps"),
        ({"load": -5}, "load"),
        ({"rpe": 11}, "rpe"),
        ({"rpe": 0.3}, "rpe"),
        ({"rpe": 8.3}, "rpe"),
        ({"rpe": 8.25}, "rpe"),
        ({"rir": 11}, "rir"),
        ({"rir": -1}, "rir"),
        ({"set_number": 0}, "set_number"),
        ({"duration_seconds": 0}, "duration_seconds"),
        ({"reps": None}, "non_field_errors"),
        ({"reps": "five"}, "reps"),
        ({"movement_id": None}, "movement_id"),
    ],
)
def test_bad_sets_are_400_and_write_nothing(auth_client, lifts, set_overrides, field):
    bad = {**a_set(lifts.squat), **set_overrides}
    response = auth_client.post(
        CUSTOM, custom_body(a_set(lifts.squat), bad), format="json"
    )
    assert response.status_code == 400, response.content
    errors = response.json()["sets"]  # DRF keys a list's errors by index
    assert field in (errors["1"] if isinstance(errors, dict) else errors[1])
    assert_nothing_written()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"enjoyment": 6}, "enjoyment"),
        ({"enjoyment": 0}, "enjoyment"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"duration_minutes": 601}, "duration_minutes"),
        ({"feedback_tags": ["BORED"]}, "feedback_tags"),
        ({"notes": "x" * 2001}, "notes"),
        ({"performed_at": "yesterday"}, "performed_at"),
        ({"sets": []}, "sets"),
    ],
)
def test_bad_workout_fields_are_400_and_write_nothing(
    auth_client, lifts, overrides, field
):
    body = {**custom_body(a_set(lifts.squat)), **overrides}
    response = auth_client.post(CUSTOM, body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert_nothing_written()


def test_domain_errors_from_the_service_are_400_with_field_errors(auth_client, lifts):
    unknown_movement = auth_client.post(
        CUSTOM, custom_body({"movement_id": 999_999, "reps": 5}), format="json"
    )
    assert unknown_movement.status_code == 400
    assert "sets" in unknown_movement.json()

    future = timezone.now() + dt.timedelta(days=1)
    in_future = auth_client.post(
        CUSTOM,
        {"performed_at": future.isoformat(), "sets": [a_set(lifts.squat)]},
        format="json",
    )
    assert in_future.status_code == 400
    assert "performed_at" in in_future.json()

    too_heavy = auth_client.post(
        CUSTOM, custom_body(a_set(lifts.squat, 4000)), format="json"
    )
    assert too_heavy.status_code == 400
    assert_nothing_written()


def test_planned_log_needs_a_session_id(auth_client):
    response = auth_client.post(WORKOUTS, {}, format="json")
    assert response.status_code == 400
    assert "session_id" in response.json()


@pytest.mark.parametrize(
    "body",
    [
        {"entries": []},
        {"entries": [{"muscle": "chest", "level": 11}]},
        {"entries": [{"muscle": "chest", "level": 0}]},
        {"entries": [{"muscle": "chest", "body_part": "CHEST", "level": 3}]},
        {"entries": [{"level": 3}]},
        {"entries": [{"body_part": "WINGS", "level": 3}]},
        {"entries": [{"muscle": "wings", "level": 3}]},
    ],
)
def test_bad_soreness_is_400(auth_client, muscles, body):
    response = auth_client.post(SORENESS, body, format="json")
    assert response.status_code == 400, response.content
    assert not SorenessLog.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"stress": 6},
        {"energy": 0},
        {"sleep_hours": 25},
        {"sleep_hours": -1},
        {"sleep_quality": 3, "nutrition": 9},
    ],
)
def test_bad_recovery_signals_are_400(auth_client, body):
    response = auth_client.post(RECOVERY_SIGNAL, body, format="json")
    assert response.status_code == 400, response.content
    assert not RecoverySignal.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"duration_minutes": None},
        {"duration_seconds": 60},  # both given
        {"duration_minutes": 0},
        {"enjoyment_rating": 6},
        {"perceived_difficulty": 0},
        {"distance_km": -1},
        {"activity_definition_id": 999_999},
    ],
)
def test_bad_activities_are_400(auth_client, overrides):
    running = ActivityDefinitionFactory()
    body = {"activity_definition_id": running.pk, "duration_minutes": 30, **overrides}
    response = auth_client.post(ACTIVITY_LOG, body, format="json")
    assert response.status_code == 400, response.content
    assert not ActivityInstance.objects.exists()


def test_bad_query_parameters_are_400(auth_client, lifts):
    assert auth_client.get(E1RM).status_code == 400  # movement is required
    assert auth_client.get(E1RM, {"movement": "squat"}).status_code == 400
    assert auth_client.get(E1RM, {"movement": 999_999}).status_code == 404
    assert auth_client.get(PRS, {"movement": "x"}).status_code == 400
    assert auth_client.get("/api/v1/logs/adherence/", {"weeks": 0}).status_code == 400
    assert (
        auth_client.get("/api/v1/logs/weekly-volume/", {"weeks": 99}).status_code == 400
    )
