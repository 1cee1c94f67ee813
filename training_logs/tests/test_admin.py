"""Every training-log model has a working admin changelist (STYLE C19)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from training_logs.models import PersonalRecord, WorkoutLog
from training_logs.services import SetInput, workout_log_create
from training_logs.tests.factories import PAST_MONDAY, at

pytestmark = pytest.mark.django_db

MODELS = [
    "workoutlog",
    "personalrecord",
    "topset",
    "patternexposure",
    "musclerecoverystate",
    "sorenesslog",
    "recoverysignal",
    "activityinstance",
]


@pytest.fixture
def staff_client(client, django_user_model):
    admin_user = django_user_model.objects.create_superuser(
        email="staff@example.com", password="x-very-secret"
    )
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("model", MODELS)
def test_changelists_render(staff_client, user, lifts, model):
    workout_log_create(
        user=user,
        performed_at=at(PAST_MONDAY),
        sets=[SetInput(movement_id=lifts.squat.pk, load_kg=100, reps=5)],
    )
    response = staff_client.get(reverse(f"admin:training_logs_{model}_changelist"))
    assert response.status_code == 200


def test_deleting_a_workout_in_admin_goes_through_the_service(
    staff_client, user, lifts
):
    workout = workout_log_create(
        user=user,
        performed_at=at(PAST_MONDAY),
        sets=[SetInput(movement_id=lifts.squat.pk, load_kg=100, reps=5)],
    )
    url = reverse("admin:training_logs_workoutlog_delete", args=[workout.pk])
    response = staff_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not WorkoutLog.objects.exists()
    assert not PersonalRecord.objects.exists()
