"""Shared bits of the API tests: URLs and body builders."""

from __future__ import annotations

from training_logs.tests.factories import PAST_MONDAY, at

MON = PAST_MONDAY
WORKOUTS = "/api/v1/logs/workouts/"
CUSTOM = "/api/v1/logs/custom-workout/"
SORENESS = "/api/v1/logs/soreness/"
RECOVERY_SIGNAL = "/api/v1/logs/recovery-signal/"
MUSCLE_RECOVERY = "/api/v1/logs/muscle-recovery/"
PRS = "/api/v1/logs/prs/"
E1RM = "/api/v1/logs/e1rm/"
ADHERENCE = "/api/v1/logs/adherence/"
WEEKLY_VOLUME = "/api/v1/logs/weekly-volume/"
ACTIVITY_LOG = "/api/v1/activities/log/"
ACTIVITIES = "/api/v1/activities/"
DEFINITIONS = "/api/v1/activities/definitions/"


def workout_url(pk: int) -> str:
    return f"{WORKOUTS}{pk}/"


def a_set(movement, load=100, reps=5, **extra) -> dict:
    return {"movement_id": movement.pk, "load": load, "reps": reps, **extra}


def custom_body(*sets, day=MON, **extra) -> dict:
    return {"performed_at": at(day).isoformat(), "sets": list(sets), **extra}
