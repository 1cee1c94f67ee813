"""Adherence, weekly volume, e1RM trend and list selectors against the DB."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from movements.tests.factories import ActivityDefinitionFactory
from programs.selectors import session_get_for_user
from training_logs import adherence, landmarks
from training_logs.selectors import (
    adherence_for_user,
    e1rm_trend,
    last_working_loads,
    weekly_muscle_volume,
    workout_log_list,
)
from training_logs.services import SetInput, activity_log_create, workout_log_create
from training_logs.tests.factories import (
    PAST_MONDAY,
    ProgramFactory,
    SessionFactory,
    at,
    program_weeks,
)

pytestmark = pytest.mark.django_db

MON = PAST_MONDAY


def lift(user, movement, day, load, reps=5, *, session=None, sets=1, rpe=None):
    return workout_log_create(
        user=user,
        session_id=session.pk if session else None,
        performed_at=at(day),
        sets=[
            SetInput(
                movement_id=movement.pk,
                load_kg=Decimal(load),
                reps=reps,
                rpe=None if rpe is None else Decimal(rpe),
            )
            for _ in range(sets)
        ],
    )


def test_adherence_across_weeks_with_workouts_and_an_activity(user, lifts):
    sessions = program_weeks(user, start=MON, weeks=3, training_days=(0, 6))
    training = [s for s in sessions if s.session_type != "RECOVERY"]
    # Week 1: Mon + Sun done. Week 2: Mon done, Sun done by a run. Week 3: Mon missed.
    for session in training[:3]:
        lift(user, lifts.squat, session.date, 100, session=session)
    activity_log_create(
        user=user,
        definition_id=ActivityDefinitionFactory().pk,
        session_id=training[3].pk,
        performed_start=at(training[3].date, 7),
        duration_seconds=1800,
    )
    lift(user, lifts.bench, MON + dt.timedelta(days=2), 80)  # ad hoc, week 1

    report = adherence_for_user(user=user, today=MON + dt.timedelta(days=16))
    summary = report.summary
    assert [w.status for w in summary.weeks] == [
        adherence.KEPT,
        adherence.KEPT,
        adherence.MISSED,
    ]
    assert summary.current_streak_weeks == 0
    assert summary.longest_streak_weeks == 2
    assert summary.longest_streak_sessions == 4
    assert (summary.completed, summary.missed) == (4, 1)
    assert report.unplanned[MON] == {"workouts": 1, "activities": 0}


def test_adherence_ignores_inactive_programs_unless_logged(user, lifts):
    old = program_weeks(user, start=MON, weeks=1, training_days=(0, 2))
    old[0].program.is_active = False
    old[0].program.save()
    lift(user, lifts.squat, MON, 100, session=old[0])
    summary = adherence_for_user(user=user, today=MON + dt.timedelta(days=10)).summary
    assert summary.completed == 1
    assert summary.missed == 0  # Wednesday of the inactive program is not counted


def test_adherence_is_per_athlete(user, other_user, lifts):
    program_weeks(other_user, start=MON, weeks=1)
    summary = adherence_for_user(user=user, today=MON).summary
    assert summary.weeks == ()


def test_weekly_volume_counts_fractional_sets_against_landmarks(user, lifts):
    lift(user, lifts.row, MON, 60, sets=4)
    lift(user, lifts.pullup, MON + dt.timedelta(days=2), 0, reps=8, sets=3)
    lift(user, lifts.squat, MON + dt.timedelta(days=7), 100, sets=5, rpe=5)  # not hard
    weeks = weekly_muscle_volume(user=user, today=MON + dt.timedelta(days=8), weeks=2)
    assert [w.week_start for w in weeks] == [MON, MON + dt.timedelta(days=7)]
    first = weeks[0]
    assert first.muscles["middle_back"] == 4 + 1.5
    assert first.muscles["lats"] == 2 + 3
    assert first.muscles["biceps"] == 3.5
    groups = {g.landmark.group: g for g in first.groups}
    assert groups["back"].hard_sets == 7  # 4 rows + 3 pull-ups, one set each
    assert groups["back"].zone == landmarks.BELOW_MEV
    assert sum(weeks[1].muscles.values()) == 0


def test_e1rm_trend_is_one_point_per_workout_from_top_sets(user, other_user, lifts):
    lift(user, lifts.squat, MON, 100)
    lift(user, lifts.squat, MON + dt.timedelta(days=2), 105)
    lift(user, lifts.bench, MON + dt.timedelta(days=2), 80)
    lift(other_user, lifts.squat, MON, 200)
    points = e1rm_trend(user=user, movement_id=lifts.squat.pk)
    assert [p.e1rm_kg for p in points] == [Decimal("116.667"), Decimal("122.500")]
    window = e1rm_trend(
        user=user, movement_id=lifts.squat.pk, date_from=MON + dt.timedelta(days=1)
    )
    assert len(window) == 1


def test_workout_log_list_filters_by_date_and_movement(user, other_user, lifts):
    first = lift(user, lifts.squat, MON, 100)
    second = lift(user, lifts.bench, MON + dt.timedelta(days=3), 80)
    lift(other_user, lifts.squat, MON, 100)
    assert list(workout_log_list(user=user)) == [second, first]
    assert list(workout_log_list(user=user, movement_id=lifts.squat.pk)) == [first]
    assert list(workout_log_list(user=user, date_from=MON + dt.timedelta(days=1))) == [
        second
    ]
    assert list(workout_log_list(user=user, date_to=MON)) == [first]


def test_last_working_loads_pick_the_latest_recorded_load(user, lifts):
    lift(user, lifts.squat, MON, 100)
    lift(user, lifts.squat, MON + dt.timedelta(days=2), 105)
    workout_log_create(
        user=user,
        performed_at=at(MON + dt.timedelta(days=3)),
        sets=[SetInput(movement_id=lifts.squat.pk, reps=5)],  # no load recorded
    )
    assert last_working_loads(
        user=user, movement_ids=[lifts.squat.pk, lifts.bench.pk]
    ) == {lifts.squat.pk: Decimal("105.000")}


def test_sessions_of_another_program_are_found_by_id_only_for_their_owner(user):
    session = SessionFactory(microcycle__program=ProgramFactory(user=user))
    assert session_get_for_user(user=user, session_id=session.pk) == session
