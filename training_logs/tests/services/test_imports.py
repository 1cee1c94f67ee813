"""``workout_logs_import`` and ``workout_history_rebuild``: a batch written all
or nothing, derived per set like a single log, the history rebuilt once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from training_logs import clock
from training_logs.models import (
    PatternExposure,
    PersonalRecord,
    SetLog,
    TopSet,
    WorkoutLog,
)
from training_logs.services import (
    SetInput,
    WorkoutInput,
    workout_history_rebuild,
    workout_log_create,
    workout_logs_import,
)

pytestmark = pytest.mark.django_db

MONDAY = timezone.make_aware(dt.datetime(2026, 1, 5, 18, 0))


def squat_day(lifts, day: int, load: str) -> WorkoutInput:
    return WorkoutInput(
        performed_at=MONDAY + dt.timedelta(days=day),
        name=f"Day {day}",
        duration_minutes=50,
        sets=[
            SetInput(
                movement_id=lifts.squat.pk,
                reps=5,
                load_kg=Decimal(load),
                rpe=Decimal("8"),
            ),
            SetInput(movement_id=lifts.squat.pk, reps=5, load_kg=Decimal(load)),
            SetInput(movement_id=lifts.plank.pk, duration_seconds=60),
        ],
    )


def test_a_batch_is_derived_like_single_logs(user, lifts):
    batch = workout_logs_import(
        user=user, workouts=[squat_day(lifts, 0, "100"), squat_day(lifts, 2, "105")]
    )
    single = workout_log_create(
        user=user,
        performed_at=MONDAY + dt.timedelta(days=4),
        sets=list(squat_day(lifts, 4, "105").sets),
    )
    imported = batch[1].sets[0]
    logged = SetLog.objects.get(workout_log=single, set_number=1, movement=lifts.squat)
    assert (imported.e1rm_kg, imported.is_hard) == (logged.e1rm_kg, logged.is_hard)
    assert [len(w.sets) for w in batch] == [3, 3]
    assert TopSet.objects.filter(user=user, movement=lifts.squat).count() == 3


def test_the_history_is_rebuilt_only_when_asked(user, lifts):
    written = workout_logs_import(
        user=user, workouts=[squat_day(lifts, 0, "100"), squat_day(lifts, 2, "105")]
    )
    assert not PersonalRecord.objects.filter(user=user).exists()
    workout_history_rebuild(
        user=user,
        movement_ids={lifts.squat.pk, lifts.plank.pk},
        weeks={clock.local_week_start(w.workout_log.performed_at) for w in written},
    )
    best = PersonalRecord.objects.for_user(user).current().get(kind="E1RM")
    assert best.set_log.workout_log == written[1].workout_log
    assert (
        PatternExposure.objects.filter(user=user, pattern="squat").get().hard_sets == 4
    )


def test_one_bad_workout_writes_nothing_and_is_named(user, lifts):
    bad = WorkoutInput(
        performed_at=MONDAY,
        sets=[SetInput(movement_id=lifts.squat.pk)],  # neither reps nor time
    )
    future = squat_day(lifts, 0, "100")
    future = WorkoutInput(
        performed_at=timezone.now() + dt.timedelta(days=2), sets=future.sets
    )
    with pytest.raises(ValidationError) as exc:
        workout_logs_import(
            user=user, workouts=[squat_day(lifts, 0, "100"), bad, future]
        )
    messages = exc.value.message_dict["workouts"]
    assert [m.split(":")[0] for m in messages] == ["Workout 1", "Workout 2"]
    assert "Give reps or a duration." in messages[0]
    assert not WorkoutLog.objects.exists()
