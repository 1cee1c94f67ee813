"""Optimizer: relaxation order, hard rules under every step, SUBSTITUTE, PREFER,
skill level and Olympic lifts in MAIN."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programs.generation import generate_program
from programs.generation.heuristics import (
    PREFERENCE_DEVIATION_PCT,
    RELAXATION_STEPS,
    SCORER_WEIGHTS,
)
from programs.generation.library import build_index
from programs.generation.optimizer import free_weight_first, pick
from programs.generation.planner import MAIN_CAPABLE
from programs.generation.scorer import Context, Slot
from programs.generation.types import (
    ExerciseRole,
    ExperienceLevel,
    Goal,
    MovementLibrary,
    MovementRule,
    MovementRuleKind,
    SplitTemplate,
)

from .conftest import _ROWS, FULL_GYM, make_library, make_spec
from .helpers import COMMERCIAL_GYM, check_anatomy, is_lifting, matrix_case, planned

LIB = make_library()
NAME = {m.name: m.id for m in LIB.movements.values()}
ATHLETE = make_spec().athlete
GOALS = {Goal.STRENGTH: 6, Goal.HYPERTROPHY: 4}


def _ctx(targets=frozenset({"quadriceps"})) -> Context:
    return Context(intent=("squat",), focus_targets=targets, budget_seconds=3600)


def _without(predicate) -> MovementLibrary:
    return make_library([r for r in _ROWS if not predicate(r)])


def test_strict_step_when_possible():
    index = build_index(LIB, ATHLETE, GOALS)
    slot = Slot(
        "lift",
        ExerciseRole.MAIN,
        "squat",
        frozenset({"quadriceps"}),
        main=True,
        hard=True,
    )
    p = pick(index, slot, _ctx(), random.Random(1))
    assert p is not None
    assert p.step == 0
    assert p.facts.m.name == "Barbell Back Squat"
    assert set(p.dims) == set(SCORER_WEIGHTS)
    assert all(0 <= v <= 1 for v in p.dims.values())


def test_step_1_compatible_pattern():
    lib = _without(lambda r: r[1] == "squat")
    index = build_index(lib, ATHLETE, GOALS)
    slot = Slot(
        "lift",
        ExerciseRole.MAIN,
        "squat",
        frozenset({"quadriceps"}),
        main=True,
        hard=True,
    )
    p = pick(index, slot, _ctx(), random.Random(1))
    assert p.step == 1
    assert p.relaxation == RELAXATION_STEPS[1]
    assert p.facts.m.pattern == "lunge"
    assert p.dims["pattern_alignment"] == 0.8


def test_step_2_synergist_muscles():
    # No squat and no lunge; a hinge that trains the quadriceps as a prime
    # mover is the synergist pick (a jump, also quad-primary, is power work and
    # never fills a lift slot below emergency mode).
    rows = [r for r in _ROWS if r[1] not in ("squat", "lunge")]
    rows.append(
        ("Hex Bar Deadlift", "hinge", "compound", "pull", "barbell", 1, "ALL",
         "quadriceps glutes", "hamstrings", "", 0, 0)
    )  # fmt: skip
    lib = make_library(rows)
    index = build_index(lib, ATHLETE, GOALS)
    slot = Slot(
        "lift",
        ExerciseRole.MAIN,
        "squat",
        frozenset({"quadriceps"}),
        main=True,
        hard=True,
    )
    p = pick(index, slot, _ctx(), random.Random(1))
    assert p.step == 2
    assert p.facts.m.name == "Hex Bar Deadlift"


def test_step_4_isolation_only():
    # Every chest movement is isolation and nothing else trains the chest as prime mover.
    rows = [
        r
        for r in _ROWS
        if r[1] not in ("horizontal_push", "vertical_push") and "chest" not in r[7]
    ]
    rows.append(
        (
            "Pec Deck",
            "horizontal_push",
            "isolation",
            "push",
            "machine",
            1,
            "BODYBUILDING",
            "chest",
            "",
            "",
            0,
            0,
        )
    )
    index = build_index(make_library(rows), ATHLETE, GOALS)
    slot = Slot(
        "lift",
        ExerciseRole.MAIN,
        "horizontal_push",
        frozenset({"chest"}),
        main=True,
        hard=True,
    )
    p = pick(index, slot, _ctx(frozenset({"chest"})), random.Random(1))
    assert p.step == 4
    assert p.facts.m.name == "Pec Deck"


def _chest_slot() -> Slot:
    return Slot(
        "lift",
        ExerciseRole.ACCESSORY,
        "horizontal_push",
        frozenset({"chest"}),
        hard=True,
    )


def _throw_library() -> MovementLibrary:
    # No pressing at all; a medicine-ball chest throw (plyometric) and a chest
    # fly (isolation) are what trains the chest.
    rows = [
        r
        for r in _ROWS
        if r[1] not in ("horizontal_push", "vertical_push") and "chest" not in r[7]
    ]
    rows += [
        ("Medicine Ball Chest Pass", "plyometric", "compound", "push", "medicine_ball",
         1, "ALL", "chest", "triceps", "", 0, 0),
        ("Cable Fly", "isolation", "isolation", "push", "cable",
         1, "BODYBUILDING", "chest", "", "", 0, 0),
    ]  # fmt: skip
    return make_library(rows)


def test_a_throw_never_fills_a_hypertrophy_accessory_slot():
    # Reference §1a/§1e: power work is 1-6 fast reps, done fresh; 3×8-12 of a
    # chest throw at RPE 7.5 is not what a coach writes. The fly (step 4) wins
    # over the throw, which only emergency mode (step 6) may take.
    lib = _throw_library()
    gym = FULL_GYM | {"medicine_ball"}
    index = build_index(lib, make_spec(equipment=gym).athlete, GOALS)
    p = pick(index, _chest_slot(), _ctx(frozenset({"chest"})), random.Random(1))
    assert p is not None
    assert p.facts.m.name == "Cable Fly"


def test_a_throw_the_athlete_prefers_may_fill_it():
    lib = _throw_library()
    throw = next(m.id for m in lib.movements.values() if m.name.endswith("Pass"))
    rules = (MovementRule(throw, MovementRuleKind.PREFER),)
    athlete = make_spec(
        equipment=FULL_GYM | {"medicine_ball"}, athlete={"movement_rules": rules}
    ).athlete
    index = build_index(lib, athlete, GOALS)
    p = pick(index, _chest_slot(), _ctx(frozenset({"chest"})), random.Random(1))
    assert p is not None
    assert p.facts.m.name == "Medicine Ball Chest Pass"
    assert p.step < 6


def test_relaxation_step_recorded_in_sessions():
    lib = _without(lambda r: r[1] == "squat")
    prog = generate_program(make_spec(days=4), lib)
    steps = {
        e.rationale.relaxation_step
        for s in prog.sessions
        for e in s.exercises
        if e.role == ExerciseRole.MAIN and planned(prog, s).focus == "lower_a"
    }
    assert 1 in steps
    for s in prog.sessions:
        for e in s.exercises:
            assert (
                e.rationale.relaxation == RELAXATION_STEPS[e.rationale.relaxation_step]
            )
            assert set(e.rationale.scores) == set(SCORER_WEIGHTS)


def _banned(prog, library, hard_no, equipment):
    for s in prog.sessions:
        for e in s.exercises:
            m = library.movements[e.movement_id]
            assert e.movement_id not in hard_no, m.name
            assert m.equipment <= equipment, (m.name, m.equipment)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    banned=st.sets(st.sampled_from(sorted(LIB.movements)), max_size=60),
    equipment=st.sets(st.sampled_from(sorted(FULL_GYM))),
    days=st.integers(2, 7),
    minutes=st.sampled_from([30, 60, 90]),
)
def test_hard_no_and_equipment_never_selected(seed, banned, equipment, days, minutes):
    rules = tuple(MovementRule(mid, MovementRuleKind.HARD_NO) for mid in sorted(banned))
    spec = make_spec(
        ((Goal.HYPERTROPHY, 5), (Goal.FAT_LOSS, 5)), days=days, minutes=minutes, seed=seed,
        equipment=frozenset(equipment), athlete={"movement_rules": rules},
    )  # fmt: skip
    prog = generate_program(spec, LIB)
    _banned(prog, LIB, banned, frozenset(equipment))


def test_hard_rules_hold_in_emergency_mode():
    # Ban almost everything: whatever is built must come from the few survivors.
    keep = {
        NAME[n]
        for n in ("Push-Up", "Plank", "Brisk Walking", "Child's Pose", "Arm Circles")
    }
    banned = set(LIB.movements) - keep
    rules = tuple(MovementRule(mid, MovementRuleKind.HARD_NO) for mid in sorted(banned))
    prog = generate_program(make_spec(days=3, athlete={"movement_rules": rules}), LIB)
    _banned(prog, LIB, banned, FULL_GYM)
    steps = {e.rationale.relaxation_step for s in prog.sessions for e in s.exercises}
    assert 6 in steps  # emergency mode was needed, and still obeyed the rules
    assert len(prog.sessions) + len(prog.failures) == 24


def test_substitute_rule():
    squat, goblet = NAME["Barbell Back Squat"], NAME["Goblet Squat"]
    rules = (MovementRule(squat, MovementRuleKind.SUBSTITUTE, goblet),)
    prog = generate_program(make_spec(days=4, athlete={"movement_rules": rules}), LIB)
    used = [e for s in prog.sessions for e in s.exercises]
    assert squat not in {e.movement_id for e in used}
    subs = [e for e in used if e.movement_id == goblet and e.role == ExerciseRole.MAIN]
    assert subs
    assert all(
        "substituted for Barbell Back Squat (your rule)" in e.rationale.notes
        for e in subs
    )


def test_substitute_to_unavailable_drops_the_movement():
    squat, leg_press = NAME["Barbell Back Squat"], NAME["Leg Press"]
    rules = (MovementRule(squat, MovementRuleKind.SUBSTITUTE, leg_press),)
    spec = make_spec(
        days=4, equipment=FULL_GYM - {"machine"}, athlete={"movement_rules": rules}
    )
    prog = generate_program(spec, LIB)
    ids = {e.movement_id for s in prog.sessions for e in s.exercises}
    assert squat not in ids
    assert leg_press not in ids


def test_prefer_changes_selection_but_is_bounded():
    base = generate_program(make_spec(days=4), LIB)
    used = {e.movement_id for s in base.sessions for e in s.exercises}
    accessories = sorted(
        {
            e.movement_id
            for s in base.sessions
            for e in s.exercises
            if e.role == ExerciseRole.ACCESSORY
        }
    )
    changed = 0
    for acc in accessories:
        m = LIB.movements[acc]
        siblings = [
            o.id for o in LIB.movements.values()
            if o.pattern == m.pattern and o.primary_muscles == m.primary_muscles
            and o.id not in used and o.equipment <= FULL_GYM and o.level <= 3
        ]  # fmt: skip
        if not siblings:
            continue
        target = siblings[0]
        rules = (MovementRule(target, MovementRuleKind.PREFER),)
        prog = generate_program(
            make_spec(days=4, athlete={"movement_rules": rules}), LIB
        )
        chosen = [
            e for s in prog.sessions for e in s.exercises if e.movement_id == target
        ]
        changed += bool(chosen)
        for e in chosen:
            base_total = sum(
                SCORER_WEIGHTS[k] * v for k, v in e.rationale.scores.items()
            )
            note = next(
                n for n in e.rationale.notes if n.startswith("preferred movement +")
            )
            bonus = float(note.split("+")[1].split()[0])
            assert bonus <= PREFERENCE_DEVIATION_PCT * base_total + 1e-3
        check_anatomy(prog)
        if changed >= 2:
            break
    assert changed >= 2


def test_prefer_cannot_break_structure():
    curl = NAME["Dumbbell Curl"]
    rules = (MovementRule(curl, MovementRuleKind.PREFER),)
    prog = generate_program(make_spec(days=4, athlete={"movement_rules": rules}), LIB)
    for s in prog.sessions:
        for e in s.exercises:
            if e.movement_id == curl:
                assert e.role == ExerciseRole.ACCESSORY
                assert planned(prog, s).focus.startswith("upper")
    check_anatomy(prog)


def test_skill_level_limits():
    prog = generate_program(make_spec(days=4, experience=ExperienceLevel.BEGINNER), LIB)
    for s in prog.sessions:
        for e in s.exercises:
            level = LIB.movements[e.movement_id].level
            assert level <= 3 or (level == 4 and e.rationale.relaxation_step >= 5)


def _olympic_mains(prog):
    return [
        e
        for s in prog.sessions
        for e in s.exercises
        if e.role == ExerciseRole.MAIN
        and LIB.movements[e.movement_id].pattern == "olympic"
    ]


def test_olympic_lifts_in_main_only_with_experience():
    for exp in ExperienceLevel:
        prog = generate_program(make_spec(days=4, experience=exp), LIB)
        assert _olympic_mains(prog) == []
    spec = make_spec(
        days=4, experience=ExperienceLevel.ADVANCED,
        athlete={"discipline_experience": {"OLYMPIC_LIFTING": "ADVANCED"},
                 "discipline_priorities": {"OLYMPIC_LIFTING": 0.9}},
    )  # fmt: skip
    prog = generate_program(spec, LIB)
    assert _olympic_mains(prog)
    assert all(is_lifting(planned(prog, s)) for s in prog.sessions if s.exercises)


@pytest.mark.parametrize(
    "template", [SplitTemplate.FULL_BODY, SplitTemplate.UPPER_LOWER, SplitTemplate.PPL]
)
@pytest.mark.parametrize("level", list(ExperienceLevel))
def test_strength_main_lifts_are_free_weight_compounds(real_library, template, level):
    """A coach read an underhand cable pulldown as a 4 × 3 strength main lift.
    A STRENGTH-dominant session's main lift is a barbell, dumbbell, kettlebell
    or weighted-bodyweight compound whenever the library holds one of its
    pattern at the athlete's level; cable and machine lifts stay accessories."""
    goals = ((Goal.STRENGTH, 10),)
    spec = make_spec(
        goals, weeks=8, days=4, minutes=60, seed=3, equipment=COMMERCIAL_GYM,
        experience=level, request={"split_template": template},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    index = build_index(real_library, spec.athlete, dict(goals))
    mains = 0
    for s in program.sessions:
        p = planned(program, s)
        if p.dominant_goal != Goal.STRENGTH:
            continue
        for e in s.exercises:
            if e.role != ExerciseRole.MAIN or e.movement_id not in index.facts:
                continue
            f = index.facts[e.movement_id]
            if f.m.pattern not in MAIN_CAPABLE:
                continue
            mains += 1
            slot = Slot(
                "lift", ExerciseRole.MAIN, f.m.pattern, main=True, strength=True
            )
            assert not free_weight_first(f, slot, index), (
                s.microcycle_sequence,
                f.m.name,
            )
    assert mains


@pytest.mark.parametrize(
    ("level", "days", "minutes", "template"),
    [
        (ExperienceLevel.BEGINNER, 3, 60, SplitTemplate.FULL_BODY),
        (ExperienceLevel.INTERMEDIATE, 4, 75, SplitTemplate.UPPER_LOWER),
    ],
)
def test_strength_main_lifts_are_progressed_by_load(
    real_library, level, days, minutes, template
):
    """A coach read an inverted row and a barbell walking lunge as the main
    lifts of strength days: neither is loaded heavier week by week at low
    reps (the body on a bar; a travelling lunge). A STRENGTH-dominant
    session's main lift is a barbell, dumbbell, kettlebell or trap-bar lift,
    or a pull-up or dip a belt loads (NSCA: core, multi-joint, loadable;
    reference §1, §11)."""
    program, _ = matrix_case(
        real_library, ((Goal.STRENGTH, 10),), experience=level, days=days,
        minutes=minutes, template=template, seed=0,
    )  # fmt: skip
    free = {"barbell", "dumbbell", "kettlebell", "trap_bar", "ez_bar", "landmine"}
    mains = 0
    for s in program.sessions:
        if planned(program, s).dominant_goal != Goal.STRENGTH:
            continue
        for e in s.exercises:
            m = real_library.movements[e.movement_id]
            if e.role != ExerciseRole.MAIN or m.pattern not in MAIN_CAPABLE:
                continue
            mains += 1
            name = m.name.lower()
            assert "inverted row" not in name, m.name
            assert "walking" not in name, m.name
            belt = any(w in name for w in ("pull-up", "pullup", "chin", "dip"))
            assert m.equipment & free or belt, m.name
    assert mains
