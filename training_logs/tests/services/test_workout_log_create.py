"""workout_log_create: sets, e1RM, records, top sets, exposure, recovery, signal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from coach.models import AthleteSettings
from programs.models import ExerciseRole
from training_logs.models import (
    MuscleRecoveryState,
    PatternExposure,
    PersonalRecord,
    RecordKind,
    SetLog,
    TopSet,
    WorkoutLog,
)
from training_logs.services import SetInput, workout_log_create
from training_logs.signals import session_completed
from training_logs.tests.factories import (
    PAST_MONDAY,
    SessionExerciseFactory,
    SessionFactory,
    at,
    program_weeks,
)

pytestmark = pytest.mark.django_db

MON = PAST_MONDAY


def sets_of(movement, *specs, **common):
    """``(load, reps)`` or ``(load, reps, rpe)`` tuples → SetInputs."""
    out = []
    for spec in specs:
        load, reps, *rest = spec
        out.append(
            SetInput(
                movement_id=movement.pk,
                load_kg=Decimal(str(load)),
                reps=reps,
                rpe=Decimal(str(rest[0])) if rest else None,
                **common,
            )
        )
    return out


def log(user, day, sets, **kwargs):
    return workout_log_create(user=user, performed_at=at(day), sets=sets, **kwargs)


def test_sets_are_numbered_and_get_an_e1rm_by_the_athletes_formula(user, lifts):
    workout = log(user, MON, sets_of(lifts.squat, (100, 5), (100, 5, 8)))
    first, second = workout.sets.order_by("order")
    assert (first.set_number, second.set_number) == (1, 2)
    assert first.e1rm_kg == Decimal("116.667")  # Epley, 5 reps
    assert second.e1rm_kg == Decimal("123.333")  # RPE 8: 7 effective reps
    assert first.is_hard
    assert second.is_hard
    assert not first.e1rm_low_confidence

    athlete = AthleteSettings.for_user(user)
    athlete.e1rm_formula = "BRZYCKI"
    athlete.save()
    other = log(user, MON + dt.timedelta(days=1), sets_of(lifts.squat, (100, 5)))
    assert other.sets.get().e1rm_kg == Decimal("112.500")


def test_warmups_timed_and_unloaded_sets_have_no_e1rm(user, lifts):
    workout = log(
        user,
        MON,
        [
            SetInput(
                movement_id=lifts.squat.pk, load_kg=Decimal(60), reps=5, is_warmup=True
            ),
            SetInput(movement_id=lifts.plank.pk, duration_seconds=60),
            SetInput(movement_id=lifts.pullup.pk, reps=8),  # load not recorded
            SetInput(movement_id=lifts.curl.pk, load_kg=Decimal(15), reps=25),
        ],
    )
    warmup, plank, pullup, curl = workout.sets.order_by("order")
    assert warmup.e1rm_kg is None
    assert not warmup.is_hard
    assert plank.e1rm_kg is None
    assert not plank.is_hard
    assert pullup.e1rm_kg is None
    assert pullup.is_hard
    assert curl.e1rm_kg is not None
    assert curl.e1rm_low_confidence  # 25 reps is outside the valid range


def test_first_log_creates_records_with_their_sets(user, lifts):
    workout = log(user, MON, sets_of(lifts.squat, (100, 5), (105, 3)))
    records = PersonalRecord.objects.filter(user=user)
    kinds = sorted((r.kind, r.reps, float(r.value)) for r in records)
    assert kinds == [
        (RecordKind.E1RM, 5, 116.67),
        (RecordKind.LOAD_AT_REPS, 3, 105.0),
        (RecordKind.LOAD_AT_REPS, 5, 100.0),
        (RecordKind.REPS_AT_LOAD, 3, 3.0),
        (RecordKind.REPS_AT_LOAD, 5, 5.0),
    ]
    assert all(r.is_current and r.previous_value is None for r in records)
    assert {r.set_log.workout_log_id for r in records} == {workout.pk}


def test_a_lighter_set_with_more_reps_can_be_an_e1rm_record(user, lifts):
    log(user, MON, sets_of(lifts.squat, (100, 5)))
    lighter = log(user, MON + dt.timedelta(days=2), sets_of(lifts.squat, (95, 8)))
    record = PersonalRecord.objects.current().get(kind=RecordKind.E1RM)
    assert record.set_log.workout_log_id == lighter.pk
    assert record.previous_value == Decimal("116.670")
    assert PersonalRecord.objects.filter(kind=RecordKind.E1RM).count() == 2


def test_ties_are_not_records(user, lifts):
    log(user, MON, sets_of(lifts.squat, (100, 5)))
    repeat = log(user, MON + dt.timedelta(days=2), sets_of(lifts.squat, (100, 5)))
    assert not PersonalRecord.objects.filter(set_log__workout_log=repeat).exists()


def test_a_back_dated_log_takes_its_place_in_the_history(user, lifts):
    later = log(user, MON + dt.timedelta(days=4), sets_of(lifts.squat, (110, 5)))
    earlier = log(user, MON, sets_of(lifts.squat, (100, 5)))
    e1rm = PersonalRecord.objects.filter(kind=RecordKind.E1RM).order_by("achieved_at")
    assert [r.set_log.workout_log_id for r in e1rm] == [earlier.pk, later.pk]
    assert e1rm[1].previous_value == Decimal("116.670")
    assert e1rm[1].is_current


def test_top_set_per_movement(user, lifts):
    workout = log(
        user,
        MON,
        sets_of(lifts.squat, (60, 5), is_warmup=True)
        + sets_of(lifts.squat, (100, 5), (90, 8, 9))
        + sets_of(lifts.bench, (80, 5)),
    )
    tops = {t.movement_id: t for t in TopSet.objects.filter(workout_log=workout)}
    assert set(tops) == {lifts.squat.pk, lifts.bench.pk}
    assert (tops[lifts.squat.pk].load_kg, tops[lifts.squat.pk].reps) == (Decimal(90), 8)


def test_pattern_exposure_counts_hard_sets_per_pattern_per_week(user, lifts):
    log(user, MON, sets_of(lifts.squat, (100, 5), (100, 5), (60, 5, 5)))
    log(user, MON + dt.timedelta(days=6), sets_of(lifts.squat, (100, 5)))  # Sunday
    log(user, MON + dt.timedelta(days=7), sets_of(lifts.bench, (80, 5)))  # next week
    rows = {
        (e.week_start, e.pattern): (e.hard_sets, e.volume_load_kg)
        for e in PatternExposure.objects.filter(user=user)
    }
    assert rows == {
        (MON, "squat"): (3, Decimal("1500.000")),
        (MON + dt.timedelta(days=7), "horizontal_push"): (1, Decimal("400.000")),
    }


def test_recovery_falls_by_hard_sets_primary_one_secondary_half(user, lifts):
    log(user, MON, sets_of(lifts.squat, (100, 5), (100, 5), (100, 5), (100, 5)))
    levels = {
        s.muscle.slug: s.level
        for s in MuscleRecoveryState.objects.filter(user=user).select_related("muscle")
    }
    assert levels == {
        "quadriceps": Decimal("6.00"),
        "glutes": Decimal("8.00"),
        "hamstrings": Decimal("8.00"),
    }


def test_an_invalid_set_writes_nothing(user, lifts):
    with pytest.raises(ValidationError) as exc:
        log(
            user,
            MON,
            sets_of(lifts.squat, (100, 5))
            + [SetInput(movement_id=lifts.squat.pk, load_kg=Decimal(-5), reps=5)]
            + [SetInput(movement_id=999_999, reps=5)],
        )
    assert "Set 1" in str(exc.value)
    assert "Set 2" in str(exc.value)
    assert not WorkoutLog.objects.exists()
    assert not SetLog.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"reps": 0},
        {"reps": 5, "rpe": Decimal("11")},
        {"reps": 5, "rpe": Decimal("8.3")},
        {"reps": 5, "rir": 11},
        {},
    ],
)
def test_set_bounds_are_enforced_by_the_service(user, lifts, bad):
    with pytest.raises(ValidationError):
        log(user, MON, [SetInput(movement_id=lifts.squat.pk, **bad)])
    assert not WorkoutLog.objects.exists()


def test_performed_at_cannot_be_in_the_future(user, lifts):
    from django.utils import timezone

    with pytest.raises(ValidationError, match="future"):
        workout_log_create(
            user=user,
            performed_at=timezone.now() + dt.timedelta(hours=2),
            sets=sets_of(lifts.squat, (100, 5)),
        )


def test_an_ad_hoc_log_needs_sets(user):
    with pytest.raises(ValidationError, match="at least one set"):
        workout_log_create(user=user, performed_at=at(MON), sets=[])


# ---------------------------------------------------------------------------
# Planned sessions
# ---------------------------------------------------------------------------
@pytest.fixture
def planned(user, lifts):
    session = SessionFactory(microcycle__program__user=user, date=MON)
    SessionExerciseFactory(
        session=session,
        movement=lifts.pullup,
        role=ExerciseRole.WARMUP,
        order=0,
        sets=1,
        reps_min=5,
        reps_max=5,
        target_rpe=None,
    )
    SessionExerciseFactory(
        session=session, movement=lifts.squat, order=1, sets=3, reps_min=5, reps_max=6
    )
    SessionExerciseFactory(
        session=session,
        movement=lifts.plank,
        role=ExerciseRole.ACCESSORY,
        order=2,
        sets=2,
        reps_min=None,
        reps_max=None,
        duration_seconds=45,
        target_rpe=None,
    )
    return session


def test_a_session_without_sets_is_logged_as_prescribed(user, planned, lifts):
    workout = workout_log_create(user=user, session_id=planned.pk, performed_at=at(MON))
    rows = list(workout.sets.order_by("order"))
    assert [(r.movement_id, r.reps, r.duration_seconds) for r in rows] == [
        (lifts.pullup.pk, 5, None),
        (lifts.squat.pk, 6, None),
        (lifts.squat.pk, 6, None),
        (lifts.squat.pk, 6, None),
        (lifts.plank.pk, None, 45),
        (lifts.plank.pk, None, 45),
    ]
    assert rows[0].is_warmup
    assert all(r.load_kg is None and r.e1rm_kg is None for r in rows)
    assert [r.set_number for r in rows[1:4]] == [1, 2, 3]
    assert sum(r.is_hard for r in rows) == 3  # the three squat sets @ RPE 8
    assert all(r.session_exercise_id is not None for r in rows)
    assert not PersonalRecord.objects.exists()  # nothing measured, nothing claimed
    assert MuscleRecoveryState.objects.get(muscle__slug="quadriceps").level == 7


def test_given_sets_replace_the_prescription(user, planned, lifts):
    squat = planned.exercises.get(movement=lifts.squat)
    workout = workout_log_create(
        user=user,
        session_id=planned.pk,
        performed_at=at(MON),
        sets=[
            SetInput(
                movement_id=lifts.squat.pk,
                load_kg=Decimal(100),
                reps=5,
                session_exercise_id=squat.pk,
            )
        ],
    )
    assert workout.session == planned
    assert workout.sets.count() == 1


def test_a_prescription_of_another_session_is_refused(user, planned, lifts):
    other = SessionExerciseFactory(session__microcycle__program__user=user)
    with pytest.raises(ValidationError, match="not part of this session"):
        workout_log_create(
            user=user,
            session_id=planned.pk,
            performed_at=at(MON),
            sets=[
                SetInput(
                    movement_id=lifts.squat.pk, reps=5, session_exercise_id=other.pk
                )
            ],
        )


def test_another_athletes_session_is_404_and_writes_nothing(user, other_user, lifts):
    theirs = SessionFactory(microcycle__program__user=other_user)
    with pytest.raises(Http404):
        workout_log_create(
            user=user, session_id=theirs.pk, sets=sets_of(lifts.squat, (100, 5))
        )
    with pytest.raises(Http404):
        workout_log_create(user=user, session_id=987_654)
    assert not WorkoutLog.objects.exists()


def test_a_session_is_logged_once(user, planned):
    workout_log_create(user=user, session_id=planned.pk, performed_at=at(MON))
    with pytest.raises(ValidationError, match="already logged"):
        workout_log_create(user=user, session_id=planned.pk, performed_at=at(MON))
    assert WorkoutLog.objects.count() == 1


def test_a_rest_day_without_sets_has_nothing_to_log(user):
    sessions = program_weeks(user, start=MON, training_days=())
    with pytest.raises(ValidationError, match="no prescribed exercises"):
        workout_log_create(user=user, session_id=sessions[0].pk)


def test_session_completed_is_sent_once_on_commit(
    user, planned, lifts, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, **kwargs):
        received.append((sender, kwargs))

    session_completed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            workout = workout_log_create(
                user=user, session_id=planned.pk, performed_at=at(MON)
            )
        assert received == []  # nothing before commit
        for callback in callbacks:
            callback()
        with django_capture_on_commit_callbacks(execute=True):
            log(user, MON, sets_of(lifts.squat, (100, 5)))  # ad hoc: no signal
    finally:
        session_completed.disconnect(receiver)
    assert len(received) == 1
    sender, kwargs = received[0]
    assert sender is WorkoutLog
    assert kwargs["user_id"] == user.pk
    assert kwargs["session_id"] == planned.pk
    assert kwargs["log_id"] == workout.pk
