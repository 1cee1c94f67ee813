"""adapt_session: every operation and every rule of issue 9 §1 (no DB)."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from adaptation.engine import (
    CheckIn,
    LoggedSet,
    OpKind,
    ReadinessBand,
    ReadinessInputs,
    SessionPlan,
    adapt_session,
    load_targets,
    readiness,
)
from adaptation.engine.fit import window
from adaptation.engine.rules import RECOVERY_THRESHOLD
from programs.generation.types import (
    ExerciseRole,
    MovementRule,
    MovementRuleKind,
    SessionType,
)
from programs.generation.volume import MUSCLE_ROW, add_sets, mrv, set_credit

from .conftest import NEUTRAL, check_anatomy

HARD = (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)


def lifting(plans):
    return [
        p
        for p in plans
        if p.session_type in (SessionType.STRENGTH, SessionType.HYPERTROPHY)
        and not p.is_deload
    ]


@pytest.fixture(scope="module")
def squat_day(plans_60, lib):
    """A loading-week lifting day whose main lift loads the quads."""
    return next(
        p for p in lifting(plans_60)
        if any(e.role == ExerciseRole.MAIN
               and "quadriceps" in lib.movements[e.movement_id].primary_muscles
               for e in p.exercises)
    )  # fmt: skip


@pytest.fixture(scope="module")
def athlete(program_60):
    return program_60[0].athlete


def adapt(plan, lib, athlete, checkin=None, r=NEUTRAL, **kw):
    return adapt_session(plan, checkin or CheckIn(), library=lib, athlete=athlete,
                         readiness=r, **kw)  # fmt: skip


def hard_primary(adapted, lib):
    return [
        (e, set(lib.movements[e.movement_id].primary_muscles))
        for e in adapted.exercises if e.role in HARD
    ]  # fmt: skip


def test_nothing_to_change_changes_nothing(squat_day, lib, athlete):
    a = adapt(squat_day, lib, athlete)
    assert a.operations == ()
    assert [
        (e.movement_id, e.sets, e.target_rpe, e.rest_seconds) for e in a.exercises
    ] == [
        (e.movement_id, e.sets, e.target_rpe, e.rest_seconds)
        for e in squat_day.exercises
    ]
    assert [e.exercise_id for e in a.exercises] == [
        e.exercise_id for e in squat_day.exercises
    ]
    assert a.estimated_minutes == a.planned_minutes
    assert a.fits_time
    assert a.time_breakdown.total == a.estimated_minutes
    check_anatomy(a, lib)


def test_high_readiness_changes_nothing(squat_day, lib, athlete):
    high = readiness(ReadinessInputs(sleep_hours=9, energy=5, stress=1, nutrition=5))
    assert high.band == ReadinessBand.HIGH
    a = adapt(squat_day, lib, athlete, r=high)
    assert a.operations == ()
    assert len(a.exercises) == len(squat_day.exercises)


def test_hard_no_never_survives(squat_day, lib, athlete):
    main = next(e for e in squat_day.exercises if e.role == ExerciseRole.MAIN)
    never = replace(
        athlete,
        movement_rules=(MovementRule(main.movement_id, MovementRuleKind.HARD_NO),),
    )
    a = adapt(squat_day, lib, never)
    assert main.movement_id not in {e.movement_id for e in a.exercises}
    op = next(o for o in a.operations if o.exercise_id == main.exercise_id)
    assert op.kind in (OpKind.SWAP, OpKind.DROP)
    assert "never list" in op.reason
    if op.kind == OpKind.SWAP:
        swapped = next(e for e in a.exercises if e.exercise_id == main.exercise_id)
        assert swapped.movement_id == op.new_movement_id
        assert swapped.sets <= main.sets
    check_anatomy(a, lib)


def test_missing_equipment_never_survives(squat_day, lib, athlete):
    today = frozenset({"dumbbell", "bench"})
    a = adapt(squat_day, lib, athlete, CheckIn(equipment=today))
    for e in a.exercises:
        assert lib.movements[e.movement_id].equipment <= today
    gone = [
        e
        for e in squat_day.exercises
        if not lib.movements[e.movement_id].equipment <= today
    ]
    assert gone
    for e in gone:
        op = next(o for o in a.operations if o.exercise_id == e.exercise_id)
        assert op.kind in (OpKind.SWAP, OpKind.DROP)
        assert "not available today" in op.reason
    check_anatomy(a, lib)


def test_bodyweight_only_still_keeps_the_anatomy(squat_day, lib, athlete):
    a = adapt(squat_day, lib, athlete, CheckIn(equipment=frozenset()))
    assert all(not lib.movements[e.movement_id].equipment for e in a.exercises)
    check_anatomy(a, lib)


def test_substitute_rule_swaps(squat_day, lib, athlete):
    main = next(e for e in squat_day.exercises if e.role == ExerciseRole.MAIN)
    sub = next(i for i, m in lib.movements.items()
               if m.name == "Leg Press" and i not in {e.movement_id for e in squat_day.exercises})  # fmt: skip
    rules = (MovementRule(main.movement_id, MovementRuleKind.SUBSTITUTE, sub),)
    a = adapt(squat_day, lib, replace(athlete, movement_rules=rules))
    swapped = next(e for e in a.exercises if e.exercise_id == main.exercise_id)
    assert swapped.movement_id == sub
    op = next(o for o in a.operations if o.exercise_id == main.exercise_id)
    assert op.kind == OpKind.SWAP
    assert "Your rule" in op.reason
    assert (op.movement_id, op.new_movement_id) == (main.movement_id, sub)


def test_a_swap_names_the_movement_it_replaced_and_the_one_it_put_in(
    squat_day, lib, athlete
):
    """Every SWAP says from → to: ``movement_id`` is the planned movement of its
    exercise, ``new_movement_id`` what the adapted exercise now holds."""
    planned = {e.exercise_id: e.movement_id for e in squat_day.exercises}
    a = adapt(squat_day, lib, athlete, CheckIn(soreness={"quadriceps": 8}))
    adapted = {e.exercise_id: e.movement_id for e in a.exercises}
    swaps = [o for o in a.operations if o.kind == OpKind.SWAP]
    assert swaps
    for op in swaps:
        assert op.movement_id == planned[op.exercise_id]
        assert op.new_movement_id == adapted[op.exercise_id]
        assert op.movement_id != op.new_movement_id


def test_sore_muscle_under_threshold_is_spared_by_the_muscle_table(
    squat_day, lib, athlete
):
    a = adapt(squat_day, lib, athlete, CheckIn(soreness={"quadriceps": 8}))
    for e, primary in hard_primary(a, lib):
        assert "quadriceps" not in primary, lib.movements[e.movement_id].name
    swaps = [o for o in a.operations if o.kind == OpKind.SWAP]
    assert swaps
    assert all("quadriceps 2/10" in o.reason for o in swaps)
    check_anatomy(a, lib)


def test_soreness_above_threshold_changes_nothing(squat_day, lib, athlete):
    level = 10 - math.ceil(RECOVERY_THRESHOLD)  # soreness 6 → recovery 4
    a = adapt(squat_day, lib, athlete, CheckIn(soreness={"quadriceps": level}))
    assert a.operations == ()


def test_recovery_state_counts_like_soreness(squat_day, lib, athlete):
    a = adapt(squat_day, lib, athlete, recovery={"quadriceps": 1.5})
    assert all("quadriceps" not in p for _, p in hard_primary(a, lib))


def test_no_spare_exists_so_sets_are_halved(squat_day, lib, athlete):
    lower = {"quadriceps", "hamstrings", "glutes", "lower_back", "calves",
             "adductors", "abductors", "abdominals"}  # fmt: skip
    a = adapt(squat_day, lib, athlete, CheckIn(soreness=dict.fromkeys(lower, 9)))
    cuts = [o for o in a.operations if o.kind == OpKind.CUT_SETS]
    assert cuts
    planned = {e.exercise_id: e for e in squat_day.exercises}
    for o in cuts:
        kept = next(e for e in a.exercises if e.exercise_id == o.exercise_id)
        assert kept.sets == math.ceil(planned[o.exercise_id].sets / 2)
        assert "half the sets" in o.reason


def test_low_readiness_cuts_volume_and_effort_by_the_documented_steps(
    squat_day, lib, athlete
):
    low = readiness(ReadinessInputs(sleep_hours=5.5, energy=2))
    assert low.band == ReadinessBand.LOW
    a = adapt(squat_day, lib, athlete, r=low)
    planned = {e.exercise_id: e for e in squat_day.exercises}
    for e in a.exercises:
        p = planned.get(e.exercise_id)
        if p is None or p.role not in HARD:
            continue
        assert e.sets == max(1, p.sets - math.ceil(p.sets * 0.25))
        assert e.target_rpe == max(5.0, p.target_rpe - 1)
    kinds = [o.kind for o in a.operations]
    assert kinds.count(OpKind.EXTEND_WARMUP) == 2
    assert OpKind.LOWER_EFFORT in kinds
    warmups = [e for e in a.exercises if e.role == ExerciseRole.WARMUP]
    assert (
        len(warmups)
        == sum(e.role == ExerciseRole.WARMUP for e in squat_day.exercises) + 2
    )
    check_anatomy(a, lib)


def test_low_readiness_in_a_deload_week_cuts_nothing_more(squat_day, lib, athlete):
    low = readiness(ReadinessInputs(sleep_hours=5.5, energy=2))
    a = adapt(replace(squat_day, is_deload=True), lib, athlete, r=low)
    assert a.operations == ()
    assert "deload" in a.notes[0]


def test_very_low_readiness_proposes_a_recovery_session(squat_day, lib, athlete):
    very_low = readiness(ReadinessInputs(sleep_hours=4, energy=1, stress=5))
    assert very_low.band == ReadinessBand.VERY_LOW
    a = adapt(squat_day, lib, athlete, CheckIn(minutes_available=45), r=very_low)
    assert a.session_type == SessionType.MOBILITY
    assert [o.kind for o in a.operations] == [OpKind.CONVERT_TO_RECOVERY]
    assert all(e.role not in (ExerciseRole.ACCESSORY,) for e in a.exercises)
    assert all(
        lib.movements[e.movement_id].pattern in ("mobility", "cardio")
        for e in a.exercises
    )
    _, high = window(30)  # a recovery session lasts at most 30 min
    assert a.estimated_minutes * 60 <= high
    assert a.estimated_minutes >= 25
    check_anatomy(a, lib)


def test_sore_muscles_alone_never_make_a_recovery_day(squat_day, lib, athlete):
    r = readiness(ReadinessInputs(muscle_recovery={"quadriceps": 1}))
    assert r.band == ReadinessBand.VERY_LOW
    a = adapt(squat_day, lib, athlete, CheckIn(soreness={"quadriceps": 9}), r=r)
    assert a.session_type == squat_day.session_type
    assert OpKind.CONVERT_TO_RECOVERY not in {o.kind for o in a.operations}


def test_less_time_shrinks_in_the_coach_order(squat_day, lib, athlete):
    a = adapt(squat_day, lib, athlete, CheckIn(minutes_available=40))
    low, high = window(40)
    assert a.fits_time
    assert a.planned_minutes > 42
    assert low / 60 - 0.5 <= a.estimated_minutes <= high / 60 + 0.5
    kinds = [o.kind for o in a.operations]
    assert kinds[0] == OpKind.DROP  # accessories go first
    dropped = [o for o in a.operations if o.kind == OpKind.DROP]
    planned = {e.exercise_id: e for e in squat_day.exercises}
    assert all(planned[o.exercise_id].role == ExerciseRole.ACCESSORY for o in dropped)
    first_main = next(e for e in squat_day.exercises if e.role == ExerciseRole.MAIN)
    kept = next(e for e in a.exercises if e.exercise_id == first_main.exercise_id)
    assert kept.sets == first_main.sets  # main lifts last
    assert all("40 min" in o.reason for o in a.operations)
    check_anatomy(a, lib)


def test_very_little_time_still_fits_with_one_main_lift(squat_day, lib, athlete):
    a = adapt(squat_day, lib, athlete, CheckIn(minutes_available=20))
    assert a.fits_time, a.notes
    assert 19 <= a.estimated_minutes <= 21
    assert any(e.role == ExerciseRole.MAIN for e in a.exercises)
    check_anatomy(a, lib)


def test_impossible_time_says_so(squat_day, lib, athlete):
    a = adapt(squat_day, lib, athlete, CheckIn(minutes_available=5))
    assert not a.fits_time
    assert "shortest version" in a.notes[-1]
    check_anatomy(a, lib)


def test_weekly_cap_limits_a_swap(squat_day, lib, athlete):
    """Hamstrings already near MRV this week: swapping the squat for a hinge may
    not take them past it."""
    exp = athlete.experience_level
    week = {"hamstrings": mrv("hamstrings", exp) - 2, "glutes": mrv("glutes", exp) - 2}
    a = adapt(
        squat_day, lib, athlete, CheckIn(soreness={"quadriceps": 8}), week_sets=week
    )
    rows: dict[str, float] = {}
    planned_rows: dict[str, float] = {}
    for e in a.exercises:
        if e.role in HARD:
            add_sets(rows, set_credit(lib.movements[e.movement_id]), e.sets)
    for e in squat_day.exercises:
        if e.role in HARD:
            add_sets(planned_rows, set_credit(lib.movements[e.movement_id]), e.sets)
    for row in set(MUSCLE_ROW.values()):
        cap = max(min(mrv(row, exp) - week.get(row, 0), 12), planned_rows.get(row, 0))
        assert rows.get(row, 0) <= cap + 1e-9, row


def test_rest_day_comes_back_unchanged(lib, athlete):
    rest = SessionPlan(SessionType.RECOVERY, (), 60)
    low = readiness(ReadinessInputs(sleep_hours=4, energy=1))
    a = adapt(rest, lib, athlete, CheckIn(minutes_available=20), r=low)
    assert a.exercises == ()
    assert a.operations == ()


@pytest.mark.parametrize(
    ("checkin", "message"),
    [
        (CheckIn(soreness={"quadriceps": 0}), "1–10"),
        (CheckIn(soreness={"quadriceps": 11}), "1–10"),
        (CheckIn(soreness={"toes": 5}), "Unknown muscle"),
        (CheckIn(minutes_available=0), "at least 1"),
    ],
)
def test_bad_checkin_raises(squat_day, lib, athlete, checkin, message):
    with pytest.raises(ValueError, match=message):
        adapt(squat_day, lib, athlete, checkin)


def test_done_when_scenario(squat_day, lib, athlete):
    """Quads 8/10, slept 5 h, 35 min: spares the quads, fits 35 min ±5 %, keeps
    the anatomy, a load target on every weighted set, a reason for each change."""
    r = readiness(ReadinessInputs(sleep_hours=5, muscle_recovery={"quadriceps": 2}))
    a = adapt(
        squat_day,
        lib,
        athlete,
        CheckIn(soreness={"quadriceps": 8}, minutes_available=35),
        r=r,
    )
    assert a.session_type == squat_day.session_type
    assert all("quadriceps" not in p for _, p in hard_primary(a, lib))
    low, high = window(35)
    assert a.fits_time
    assert low / 60 - 0.5 <= a.estimated_minutes <= high / 60 + 0.5
    check_anatomy(a, lib)
    assert all(o.reason for o in a.operations)
    when = datetime(2026, 1, 5, tzinfo=UTC)
    history = [LoggedSet(e.movement_id, when, 60.0, 8, rpe=8) for e in a.exercises]
    targets = load_targets(a.exercises, history, library=lib)
    weighted = [
        (e.order, n)
        for e in a.exercises
        if e.role in HARD and e.reps_max and lib.movements[e.movement_id].equipment
        for n in range(1, e.sets + 1)
    ]
    got = {(t.exercise_order, t.set_number) for t in targets if t.load is not None}
    assert set(weighted) <= got


def test_cardio_with_sore_legs_moves_to_a_sparing_machine(program_mixed, lib):
    spec, plans = program_mixed
    day = next(p for p in plans if p.session_type == SessionType.CARDIO and any(
        "quadriceps" in lib.movements[e.movement_id].primary_muscles
        for e in p.exercises if e.role == ExerciseRole.MAIN))  # fmt: skip
    a = adapt(day, lib, spec.athlete, CheckIn(soreness={"quadriceps": 9}))
    main = [e for e in a.exercises if e.role == ExerciseRole.MAIN]
    assert main
    for e in main:
        primary = lib.movements[e.movement_id].primary_muscles
        if "quadriceps" in primary:  # nothing spared it: kept, with a note
            assert any("keep it easy" in n for n in a.notes)
    swaps = [o for o in a.operations if o.kind == OpKind.SWAP]
    assert swaps
    assert lib.movements[swaps[0].new_movement_id].pattern == "cardio"
    check_anatomy(a, lib)


def _one_lift_day(lib, rest=300, sets=5):
    from adaptation.engine import ExercisePlan

    from .conftest import mid

    return SessionPlan(SessionType.STRENGTH, (
        ExercisePlan(mid(lib, "Outdoor Running"), ExerciseRole.WARMUP, 1, 1,
                     duration_seconds=300, target_rpe=4.0, exercise_id=1),
        ExercisePlan(mid(lib, "Barbell Back Squat"), ExerciseRole.MAIN, 2, sets, 5, 5,
                     target_rpe=8.0, rest_seconds=rest, exercise_id=2),
        ExercisePlan(mid(lib, "Couch Stretch"), ExerciseRole.COOLDOWN, 3, 2,
                     duration_seconds=30, exercise_id=3),
    ), 60)  # fmt: skip


def test_shorten_rest_before_cutting_main_sets(lib, athlete):
    # 300 + (5·25 + 4·300 + 30 changeover + 120 ramp) + (60 + 60 walking) = 1895 s
    # ≈ 31.6 min. 30 min allows 1710–1890 s: one 15-s rest step (4 rests → 60 s)
    # is enough.
    day = _one_lift_day(lib)
    a = adapt(day, lib, athlete, CheckIn(minutes_available=30))
    assert [o.kind for o in a.operations] == [OpKind.SHORTEN_REST]
    op = a.operations[0]
    assert op.before.endswith("rest 300 s")
    assert op.after.endswith("rest 285 s")
    assert "30 min" in op.reason
    squat = next(e for e in a.exercises if e.exercise_id == 2)
    assert (squat.sets, squat.rest_seconds) == (5, 285)
    assert a.fits_time


def test_rest_never_below_the_floor(lib, athlete):
    a = adapt(_one_lift_day(lib, rest=90), lib, athlete, CheckIn(minutes_available=15))
    squat = next(e for e in a.exercises if e.exercise_id == 2)
    assert squat.rest_seconds >= 60  # fit.REST_FLOOR for main lifts (Grgic 2018)
    assert squat.sets >= 1


def test_hard_sets_by_row_counts_like_the_caps(squat_day, lib):
    from adaptation.engine import hard_sets_by_row

    rows = hard_sets_by_row(squat_day, lib)
    expected: dict[str, float] = {}
    for e in squat_day.exercises:
        if e.role in HARD:
            add_sets(expected, set_credit(lib.movements[e.movement_id]), e.sets)
    assert rows == expected
    assert rows["quadriceps"] >= 1
    rest = SessionPlan(SessionType.RECOVERY, (), 60)
    assert hard_sets_by_row(rest, lib) == {}
