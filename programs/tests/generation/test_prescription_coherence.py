"""Main-lift prescriptions a coach reads as possible: every (reps, RPE, %1RM)
triple of a loadable main lift agrees with the RTS chart (reference §5b) within
``COHERENCE_TOLERANCE_PP``, measured at the rep floor (``reps_min``), in loading
and deload weeks and for every progression style; a deload cuts sets, reps, load
and effort (reference §7, Rogerson 2024); a beginner's pull-ups and dips give
way to a loadable variant or fit a novice (ACSM novice, reference §2a/§2b).
Engine only, no database.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programs.generation import generate_program
from programs.generation.library import build_index
from programs.generation.prescription import (
    COHERENCE_TOLERANCE_PP,
    NOVICE_BODYWEIGHT_REPS,
    novice_bodyweight_lift,
    percent_1rm,
)
from programs.generation.types import (
    AthleteProfile,
    ExerciseRole,
    ExperienceLevel,
    Goal,
    MovementRule,
    MovementRuleKind,
    PersonaAggression,
    ProgressionStyle,
)

from .conftest import make_spec
from .helpers import COMMERCIAL_GYM, MATRIX_DRAWS

G = Goal
#: Reference §5b, transcribed row by row (reps 1–12 × RPE 10 … 6): the test's
#: own copy of the chart, so it does not check the engine against itself.
CHART_COLUMNS = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)
CHART_ROWS = {
    1: (100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3),
    2: (95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7),
    3: (92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1),
    4: (89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1, 79.9, 78.6),
    5: (86.3, 85.0, 83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2),
    6: (83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1, 73.9),
    7: (81.1, 79.9, 78.6, 77.4, 76.2, 75.1, 73.9, 72.3, 70.7),
    8: (78.6, 77.4, 76.2, 75.1, 73.9, 72.3, 70.7, 69.4, 68.0),
    9: (76.2, 75.1, 73.9, 72.3, 70.7, 69.4, 68.0, 66.7, 65.3),
    10: (73.9, 72.3, 70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6),
    11: (70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9),
    12: (68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6, 57.2),
}


#: Effective reps (reps + RIR) → the chart's %1RM: every cell of one diagonal
#: agrees (13 reps @ 9 would read as 12 @ 8), so the table collapses to one row.
BY_EFFECTIVE: dict[float, float] = {}
for _reps, _row in CHART_ROWS.items():
    for _rpe, _pct in zip(CHART_COLUMNS, _row, strict=True):
        assert BY_EFFECTIVE.setdefault(_reps + 10 - _rpe, _pct) == _pct


def chart(reps: int, rpe: float) -> float:
    """The chart's %1RM for (reps, RPE) by effective reps (a quarter RPE lies
    between two cells); past its 16 effective reps, ``percent_1rm``'s
    continuation, which the test below holds to continuity and order."""
    effective = reps + (10 - rpe)
    if effective > 16:
        return percent_1rm(reps, rpe)
    low = math.floor(effective * 2) / 2
    if low == effective:
        return BY_EFFECTIVE[low]
    high = BY_EFFECTIVE[low + 0.5]
    return BY_EFFECTIVE[low] + (high - BY_EFFECTIVE[low]) * (effective - low) * 2


def incoherent_mains(program, library) -> list[str]:
    """Every loadable main lift whose %1RM is off the chart for its rep floor."""
    bad = []
    for s in program.sessions:
        for e in s.exercises:
            if e.role != ExerciseRole.MAIN or e.load_percent_1rm is None:
                continue
            assert e.reps_min is not None
            assert e.target_rpe is not None
            want = chart(e.reps_min, e.target_rpe)
            if abs(e.load_percent_1rm - want) > COHERENCE_TOLERANCE_PP:
                name = library.movements[e.movement_id].name
                bad.append(
                    f"wk {s.microcycle_sequence} {name} {e.sets}×{e.reps_min}–"
                    f"{e.reps_max} RPE {e.target_rpe:g} @ {e.load_percent_1rm} % "
                    f"(chart {want:.1f} %)"
                )
    return bad


def deload_faults(program, library) -> list[str]:
    """A deload's main lift that does not come down from the week before in sets,
    reps (unless already 1), load and effort, or ends closer than 4 RIR."""
    faults = []
    by_key = {(s.microcycle_sequence, s.day_index): s for s in program.sessions}
    for mc in program.plan.microcycles:
        if not mc.is_deload or mc.sequence_number == 1:
            continue
        for s in (
            s for s in program.sessions if s.microcycle_sequence == mc.sequence_number
        ):
            last = by_key.get((mc.sequence_number - 1, s.day_index))
            if last is None:
                continue
            before = {
                e.movement_id: e for e in last.exercises if e.role == ExerciseRole.MAIN
            }
            for e in s.exercises:
                b = before.get(e.movement_id)
                if e.role != ExerciseRole.MAIN or b is None or e.reps_min is None:
                    continue
                if b.target_rpe is None or e.target_rpe is None:
                    continue
                name = library.movements[e.movement_id].name
                if e.sets >= b.sets and b.sets > 1:
                    faults.append(f"{name}: sets {b.sets} → {e.sets}")
                if e.reps_min >= b.reps_min and b.reps_min > 1:
                    faults.append(f"{name}: reps {b.reps_min} → {e.reps_min}")
                if e.target_rpe > 6.0 or e.target_rpe >= b.target_rpe:
                    faults.append(f"{name}: RPE {b.target_rpe:g} → {e.target_rpe:g}")
                if b.load_percent_1rm is not None and (
                    e.load_percent_1rm is None
                    or e.load_percent_1rm >= b.load_percent_1rm
                ):
                    faults.append(
                        f"{name}: %1RM {b.load_percent_1rm} → {e.load_percent_1rm}"
                    )
    return faults


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    **MATRIX_DRAWS,
    style=st.sampled_from(list(ProgressionStyle)),
    aggression=st.sampled_from(list(PersonaAggression)),
)
def test_every_main_lift_triple_agrees_with_the_rts_chart(
    real_library, goals, experience, days, minutes, template, style, aggression, seed
):
    spec = make_spec(
        goals, weeks=8, days=days, minutes=minutes, seed=seed, equipment=COMMERCIAL_GYM,
        experience=experience,
        request={"split_template": template, "progression_style": style},
        athlete={"persona_aggression": aggression},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    assert not program.failures
    assert incoherent_mains(program, real_library) == []
    assert deload_faults(program, real_library) == []


def _mains(program, library, day: int = 0) -> dict[int, list[tuple]]:
    """Week → (name, sets, reps_min, reps_max, RPE, %1RM) of one day's mains."""
    out: dict[int, list[tuple]] = {}
    for s in program.sessions:
        if s.day_index != day:
            continue
        out[s.microcycle_sequence] = [
            (library.movements[e.movement_id].name, e.sets, e.reps_min, e.reps_max,
             e.target_rpe, e.load_percent_1rm)
            for e in s.exercises
            if e.role == ExerciseRole.MAIN
        ]  # fmt: skip
    return out


def test_intermediate_strength_double_progression_and_its_deload(real_library):
    """The reported program (strength 10, intermediate, 4 × 75 min, 8 weeks,
    double progression): the bar weight stays while the rep floor climbs, so the
    RPE climbs one per rep (4 @ 7, 5 @ 8, 6 @ 9 at 81 %), and the deload is one
    rep fewer, half the sets, RPE 6 and a lighter bar (it was 2 × 6 @ RPE 6 at
    81 %, a set the chart reads as RPE 9)."""
    spec = make_spec(
        ((G.STRENGTH, 10),), weeks=8, days=4, minutes=75, equipment=COMMERCIAL_GYM,
        request={"progression_style": ProgressionStyle.DOUBLE_PROGRESSION},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    weeks = _mains(program, real_library)
    first = weeks[1][0]
    assert [w[0][2:5] for w in (weeks[1], weeks[2], weeks[3])] == [
        (4, 6, 7.0),
        (5, 6, 8.0),
        (6, 6, 9.0),
    ]
    assert {weeks[k][0][5] for k in (1, 2, 3)} == {81}  # same bar all mesocycle
    name, sets, reps_min, reps_max, rpe, pct = weeks[4][0]
    assert name == first[0]
    assert sets <= (weeks[3][0][1] + 1) // 2
    assert (reps_min, reps_max, rpe) == (5, 5, 6.0)
    assert pct == 76  # 5 reps @ RPE 6 = 76.2 %, down from 81 %
    assert incoherent_mains(program, real_library) == []


@pytest.mark.parametrize("style", list(ProgressionStyle))
@pytest.mark.parametrize(
    "experience", [ExperienceLevel.BEGINNER, ExperienceLevel.ADVANCED]
)
def test_deloads_cut_sets_reps_load_and_effort(real_library, style, experience):
    spec = make_spec(
        ((G.STRENGTH, 6), (G.HYPERTROPHY, 4)), weeks=8, days=3, minutes=60,
        equipment=COMMERCIAL_GYM, experience=experience, request={"progression_style": style},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    assert any(mc.is_deload for mc in program.plan.microcycles)
    assert deload_faults(program, real_library) == []
    assert incoherent_mains(program, real_library) == []


def test_double_progression_keeps_the_bar_for_the_mesocycle(real_library):
    spec = make_spec(
        ((G.HYPERTROPHY, 10),), weeks=8, days=4, minutes=60, equipment=COMMERCIAL_GYM,
        request={"progression_style": ProgressionStyle.DOUBLE_PROGRESSION},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    weeks = _mains(program, real_library)
    for meso in ((1, 2, 3), (5, 6, 7)):
        loads = {w[0][5] for w in (weeks[k] for k in meso)}
        reps = [weeks[k][0][2] for k in meso]
        assert max(loads) - min(loads) <= 1, loads
        assert reps == sorted(reps)
        assert reps[0] < reps[-1]


def test_percent_1rm_reads_effective_reps_and_falls_without_a_jump():
    # The chart is a function of reps + RIR: 13 reps @ 9 is 12 @ 8 (62.6 %).
    assert percent_1rm(13, 9.0) == 62.6
    assert percent_1rm(12, 8.0) == 62.6
    # One more rep at the same RPE is lighter, never heavier (it was 66.7 % for
    # 13 @ 8 against 62.6 % for 12 @ 8).
    assert percent_1rm(13, 8.0) < percent_1rm(12, 8.0)
    # Past the chart's 16 effective reps the curve continues from its last cell.
    assert percent_1rm(12, 6.0) == 57.2
    assert 56.0 < percent_1rm(12, 5.5) < 57.2
    # Effective reps 1, 1.5, 2, … 24.5: every half step is lighter, no jumps.
    values = [percent_1rm(r, rpe) for r in range(1, 25) for rpe in (10.0, 9.5)]
    steps = [a - b for a, b in zip(values, values[1:], strict=False)]
    assert all(0 < step < 2.5 for step in steps), steps


def _picks(program, library, role=None):
    return [
        (library.movements[e.movement_id], e)
        for s in program.sessions
        for e in s.exercises
        if e.role in (role or (ExerciseRole.MAIN, ExerciseRole.ACCESSORY))
    ]


@pytest.mark.parametrize("days", [2, 3, 4])
@pytest.mark.parametrize("goal", [G.STRENGTH, G.HYPERTROPHY])
def test_a_beginner_in_a_gym_pulls_down_instead_of_pulling_up(real_library, days, goal):
    spec = make_spec(
        ((goal, 10),), weeks=8, days=days, minutes=60, equipment=COMMERCIAL_GYM,
        experience=ExperienceLevel.BEGINNER,
    )  # fmt: skip
    program = generate_program(spec, real_library)
    picks = _picks(program, real_library)
    assert not [m.name for m, _ in picks if novice_bodyweight_lift(m)]
    assert any(
        m.pattern == "vertical_pull" and "cable" in m.equipment for m, _ in picks
    )


def test_a_beginner_with_only_a_bar_does_short_sets_of_pull_ups(real_library):
    home = frozenset({"pull_up_bar", "dumbbell", "bench"})
    spec = make_spec(
        ((G.STRENGTH, 10),), weeks=8, days=3, minutes=60, equipment=home,
        experience=ExperienceLevel.BEGINNER,
    )  # fmt: skip
    program = generate_program(spec, real_library)
    pulls = [e for m, e in _picks(program, real_library) if novice_bodyweight_lift(m)]
    assert pulls
    for e in pulls:
        assert e.reps_max <= NOVICE_BODYWEIGHT_REPS[1]


def test_the_swap_is_a_beginners_and_a_preference_keeps_the_pull_up(real_library):
    pullups = next(m.id for m in real_library.movements.values() if m.name == "Pullups")
    goals = {G.STRENGTH: 10}

    def index(level, rules=()):
        athlete = AthleteProfile(
            experience_level=level, equipment=COMMERCIAL_GYM, movement_rules=rules
        )
        return build_index(real_library, athlete, goals).facts

    assert pullups not in index(ExperienceLevel.BEGINNER)
    assert pullups in index(ExperienceLevel.INTERMEDIATE)
    prefer = (MovementRule(pullups, MovementRuleKind.PREFER),)
    assert pullups in index(ExperienceLevel.BEGINNER, prefer)


@pytest.mark.parametrize("style", list(ProgressionStyle))
def test_a_session_built_afresh_in_a_deload_week_is_a_deload(real_library, style):
    """A regenerated deload session (a variant) does not copy last week's: its
    main lifts still come from the last loading week, one rep fewer at RPE ≤ 6
    (double progression gave 6 reps @ RPE 9 here). Its sets start at half and
    the session's fitting may add some back, as on any day built afresh."""
    spec = make_spec(
        ((G.STRENGTH, 10),), weeks=8, days=4, minutes=75, equipment=COMMERCIAL_GYM,
        request={"progression_style": style}, variants={(4, 0): 1},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    weeks = _mains(program, real_library)
    assert weeks[4]
    floor = min(reps for _, _, reps, *_ in weeks[3])
    for name, _, reps_min, reps_max, rpe, _ in weeks[4]:
        assert rpe <= 6.0, name
        assert reps_min == reps_max, name
        assert reps_min < floor or reps_min == 1, name
    assert incoherent_mains(program, real_library) == []
