"""workout_log_delete rebuilds records, exposure and recovery."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from training_logs.models import (
    MuscleRecoveryState,
    PatternExposure,
    PersonalRecord,
    RecordKind,
    SetLog,
    TopSet,
)
from training_logs.services import SetInput, workout_log_create, workout_log_delete
from training_logs.tests.factories import PAST_MONDAY, at

pytestmark = pytest.mark.django_db

MON = PAST_MONDAY


def squat_log(user, lifts, day, load, reps=5):
    return workout_log_create(
        user=user,
        performed_at=at(MON + dt.timedelta(days=day)),
        sets=[SetInput(movement_id=lifts.squat.pk, load_kg=Decimal(load), reps=reps)],
    )


def test_deleting_a_record_restores_the_one_it_beat_and_promotes_later_bests(
    user, lifts
):
    squat_log(user, lifts, 0, 100)
    best = squat_log(user, lifts, 2, 120)
    runner_up = squat_log(user, lifts, 4, 110)  # not a record while 120 stands
    assert not PersonalRecord.objects.filter(
        set_log__workout_log=runner_up, kind=RecordKind.E1RM
    ).exists()

    workout_log_delete(workout_log=best)

    current = PersonalRecord.objects.current().get(kind=RecordKind.E1RM)
    assert current.set_log.workout_log_id == runner_up.pk
    assert current.previous_value == Decimal("116.670")
    assert not SetLog.objects.filter(workout_log_id=best.pk).exists()
    assert not TopSet.objects.filter(workout_log_id=best.pk).exists()


def test_deleting_the_only_log_clears_what_it_caused(user, lifts):
    only = squat_log(user, lifts, 0, 100)
    workout_log_delete(workout_log=only)
    assert not PersonalRecord.objects.exists()
    assert not PatternExposure.objects.exists()
    assert not MuscleRecoveryState.objects.exists()


def test_deleting_recomputes_recovery_and_the_weeks_exposure(user, lifts):
    squat_log(user, lifts, 0, 100)
    second = squat_log(user, lifts, 0, 100)
    assert MuscleRecoveryState.objects.get(muscle__slug="quadriceps").level == 8
    workout_log_delete(workout_log=second)
    assert MuscleRecoveryState.objects.get(muscle__slug="quadriceps").level == 9
    assert PatternExposure.objects.get(pattern="squat").hard_sets == 1
