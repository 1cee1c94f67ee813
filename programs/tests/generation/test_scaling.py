"""Curated circuits scaled for a beginner (engine only, the shipped library and
circuits): single-unders for double-unders, rows for pull-ups, step-ups for
box jumps; no chipper or hero workout; a circuit with a movement that has no
scaling the athlete can do is not given.

Property: no BEGINNER program holds, in a finisher or a conditioning day's
circuit, a movement that needs coaching, a SPECIALTY/NOVELTY movement or a
staple a beginner scales (pull-ups, box jumps), unless the athlete asked for
it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programs.generation import generate_program
from programs.generation.library import build_index
from programs.generation.scaling import SCALINGS, UNCOMMON_TIERS
from programs.generation.types import (
    ExerciseRole,
    ExperienceLevel,
    Goal,
    MovementRule,
    MovementRuleKind,
    SessionType,
    SplitTemplate,
)
from programs.tests.generation.conftest import REAL_FIXTURE, make_spec
from programs.tests.generation.helpers import COMMERCIAL_GYM, planned
from programs.tests.generation.test_circuits import by_name, library, movement_id

pytestmark = pytest.mark.skipif(
    not REAL_FIXTURE.exists(), reason="fixtures/movements.json does not exist yet"
)

BEG = ExperienceLevel.BEGINNER
FAT_STRENGTH = ((Goal.FAT_LOSS, 6), (Goal.STRENGTH, 4))
#: Staples a beginner's circuit scales however common they are.
BEGINNER_SCALED = frozenset(slug for slug, s in SCALINGS.items() if s.beginner)


def usable(experience=BEG, rules=(), equipment=COMMERCIAL_GYM, **athlete):
    spec = make_spec(
        FAT_STRENGTH, equipment=equipment, experience=experience,
        athlete={"movement_rules": tuple(rules), **athlete},
    )  # fmt: skip
    index = build_index(library(), spec.athlete, dict(FAT_STRENGTH))
    return {c.name: c for c in index.circuits}


def rows(circuit):
    m = library().movements
    return [(m[i.movement_id].name, i.reps) for i in circuit.items]


def test_a_beginners_annie_is_single_unders_at_twice_the_reps():
    annie = usable()["Annie"]
    assert rows(annie) == [
        pair
        for reps in (50, 40, 30, 20, 10)
        for pair in (("Rope Jumping", 2 * reps), ("Sit-Up", reps))
    ]
    scaled = {i.scaled for i in annie.items} - {""}
    assert scaled == {
        "scaled for a beginner: single-unders for double-unders (2× reps)"
    }
    # The same time: the scaled piece keeps the written estimate.
    assert annie.estimated_seconds == by_name("Annie").estimated_seconds


def test_a_beginners_pull_ups_and_box_jumps_are_scaled_even_though_staples():
    got = usable()
    assert ("Inverted Row", 5) in rows(got["Cindy"])
    assert ("Pullups", 5) not in rows(got["Cindy"])
    assert ("Bodyweight Step-Up", 10) in rows(got["Burpee Box Eight"])
    assert ("Dumbbell Thruster", 21) in rows(got["Fran"])
    assert {i.load_hint for i in got["Fran"].items} == {"light dumbbells", ""}


def test_other_levels_do_the_circuits_as_written():
    for level in (ExperienceLevel.INTERMEDIATE, ExperienceLevel.ADVANCED):
        got = usable(level)
        assert got["Annie"] == by_name("Annie")
        assert all(not i.scaled for c in got.values() for i in c.items)


def test_a_beginner_gets_no_chipper_or_hero_workout():
    got = usable()
    assert not {"Angie", "Jackie", "Michael"} & set(got)
    assert "Angie" in usable(ExperienceLevel.INTERMEDIATE)


def test_a_beginner_who_prefers_double_unders_gets_them():
    rule = MovementRule(movement_id("Double-Unders"), MovementRuleKind.PREFER)
    annie = usable(rules=[rule])["Annie"]
    assert annie == by_name("Annie")


def test_no_scaling_the_athlete_can_do_means_no_circuit():
    """Fran's thrusters scale to dumbbell thrusters; without dumbbells Fran is
    not given to a beginner (an intermediate with a barbell gets it)."""
    kit = COMMERCIAL_GYM - {"dumbbell"}
    assert "Fran" not in usable(equipment=kit)
    assert "Fran" in usable(ExperienceLevel.INTERMEDIATE, equipment=kit)


def _circuit_rows(program):
    """Exercises done as a circuit: finishers, and the middle block of a
    conditioning-only day."""
    for s in program.sessions:
        p = planned(program, s)
        for e in s.exercises:
            if e.role == ExerciseRole.FINISHER or (
                p.session_type == SessionType.CONDITIONING
                and e.role not in (ExerciseRole.WARMUP, ExerciseRole.COOLDOWN)
            ):
                yield s, e


def test_the_demo_beginners_finishers_are_scaled_and_say_so():
    """``create_program --goal fat_loss=6 --goal strength=4 --experience
    BEGINNER --days 3 --minutes 45``: the finisher was Annie with 50-40-30-20-10
    double-unders. Each week now has a curated finisher for the beginner,
    none holds a double-under or a pull-up, and a scaled one says how on the
    session and on its rows."""
    spec = make_spec(
        FAT_STRENGTH, days=3, minutes=45, equipment=COMMERCIAL_GYM, experience=BEG,
        seed=3,
    )  # fmt: skip
    program = generate_program(spec, library())
    names = {library().movements[e.movement_id].slug for _, e in _circuit_rows(program)}
    assert not names & {"double-unders", "pullups"}
    curated = [s for s in program.sessions if s.finisher_circuit_id is not None]
    assert curated
    scaled = [
        s
        for s in curated
        if any(
            n.startswith("scaled for a beginner")
            for e in s.exercises
            for n in e.rationale.notes
        )
    ]
    assert scaled
    for s in scaled:
        assert any(", scaled for a beginner: " in r for r in s.rationale), s.rationale


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    goals=st.sampled_from(
        [
            FAT_STRENGTH,
            ((Goal.FAT_LOSS, 6), (Goal.HYPERTROPHY, 4)),
            ((Goal.ENDURANCE, 5), (Goal.FAT_LOSS, 5)),
            ((Goal.FAT_LOSS, 10),),
        ]
    ),
    days=st.integers(2, 6),
    minutes=st.sampled_from([30, 45, 60, 90]),
    template=st.sampled_from([None, SplitTemplate.FULL_BODY]),
    dedicated=st.booleans(),
    seed=st.integers(0, 50),
)
def test_no_beginner_circuit_holds_a_movement_a_coach_would_scale(
    goals, days, minutes, template, dedicated, seed
):
    spec = make_spec(
        goals, weeks=8, days=days, minutes=minutes, seed=seed,
        equipment=COMMERCIAL_GYM | {"jump_rope"}, experience=BEG,
        request={"split_template": template},
        athlete={"prefer_dedicated_cardio_days": dedicated},
    )  # fmt: skip
    program = generate_program(spec, library())
    for s, e in _circuit_rows(program):
        m = library().movements[e.movement_id]
        where = (s.microcycle_sequence, s.day_index, m.name)
        assert not m.requires_coaching, where
        assert m.tier not in UNCOMMON_TIERS, where
        assert m.slug not in BEGINNER_SCALED, where
