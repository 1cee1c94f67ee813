"""Curated circuits in the engine (no database): which circuits an athlete can be
given, conditioning-only days and finishers built from them, and the fallback to
the generated builders when none fits.

Property: whatever the equipment and hard-no rules, no session's main or
finisher circuit holds a hard-no movement or needs missing kit."""

from __future__ import annotations

import functools
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programs.generation import generate_program
from programs.generation.circuits import circuit_sets, usable_circuits
from programs.generation.library import build_index
from programs.generation.types import (
    ExerciseRole,
    ExperienceLevel,
    Goal,
    MovementRule,
    MovementRuleKind,
    SessionType,
)
from programs.tests.generation.conftest import (
    FULL_GYM,
    REAL_FIXTURE,
    load_fixture_circuits,
    load_fixture_library,
    make_spec,
)
from programs.tests.generation.helpers import check_anatomy, planned

pytestmark = pytest.mark.skipif(
    not REAL_FIXTURE.exists(), reason="fixtures/movements.json does not exist yet"
)

#: Fat loss leading with dedicated conditioning days (a profile that asks for
#: them) and metabolic finishers on lifting days.
CONDITIONING_GOALS = ((Goal.FAT_LOSS, 6), (Goal.STRENGTH, 4))
CONDITIONING_ATHLETE = {"prefer_dedicated_cardio_days": True}
KIT = sorted(FULL_GYM | {"ski_erg", "rings"})


@functools.cache
def library():
    lib = load_fixture_library(REAL_FIXTURE)
    return replace(lib, circuits=load_fixture_circuits(lib))


def by_id():
    return {c.id: c for c in library().circuits}


def by_name(name):
    return next(c for c in library().circuits if c.name == name)


def movement_id(name: str) -> int:
    return next(m.id for m in library().movements.values() if m.name == name)


def index_for(equipment=FULL_GYM, **athlete):
    spec = make_spec(CONDITIONING_GOALS, equipment=equipment, athlete=athlete)
    return build_index(library(), spec.athlete, dict(CONDITIONING_GOALS))


# ---------------------------------------------------------------------------
# Which circuits an athlete may be given
# ---------------------------------------------------------------------------
def test_every_fixture_circuit_is_usable_in_a_full_gym_by_an_expert():
    spec = make_spec(
        CONDITIONING_GOALS,
        equipment=frozenset(KIT) | {"strongman", "medicine_ball"},
        experience=ExperienceLevel.EXPERT,
        athlete={"discipline_experience": {"OLYMPIC_LIFTING": "EXPERT"}},
    )
    index = build_index(library(), spec.athlete, dict(CONDITIONING_GOALS))

    assert len(index.circuits) == len(library().circuits)


def test_a_hard_no_movement_disqualifies_every_circuit_holding_it():
    pullups = movement_id("Pullups")
    rules = (MovementRule(pullups, MovementRuleKind.HARD_NO),)

    names = {c.name for c in index_for(movement_rules=rules).circuits}

    assert "Cindy" not in names
    assert "Fran" not in names
    assert "Ten-Minute Bodyweight Triplet" in names


def test_a_substituted_movement_disqualifies_too_a_named_workout_is_done_as_written():
    swap = MovementRule(
        movement_id("Burpee"), MovementRuleKind.SUBSTITUTE, movement_id("Pushups")
    )

    names = {c.name for c in index_for(movement_rules=(swap,)).circuits}

    assert "Burpee Box Eight" not in names
    assert "Cindy" in names


def test_missing_equipment_disqualifies_and_bodyweight_circuits_stay():
    names = {c.name for c in index_for(equipment=frozenset()).circuits}

    assert names >= {"Ten-Minute Bodyweight Triplet", "Squat and Burpee Tabata"}
    assert not names & {"Cindy", "Fran", "Helen", "Kettlebell Tabata Pair"}


def test_olympic_lifts_in_a_circuit_need_olympic_experience():
    without = {c.name for c in index_for().circuits}
    with_it = {
        c.name
        for c in index_for(
            discipline_experience={"OLYMPIC_LIFTING": "BEGINNER"}
        ).circuits
    }

    assert "Clean and Burpee Alternator" not in without  # power cleans
    assert "Clean and Burpee Alternator" in with_it
    assert "Cindy" in without


def test_difficulty_and_movement_level_must_be_within_the_athlete_level():
    circuit = by_name("Mary")  # difficulty 5, handstand push-ups (level 4)
    index = index_for()

    assert usable_circuits([circuit], index.facts, {}, level=4) == ()
    assert usable_circuits([replace(circuit, difficulty=4)], index.facts, {}, 4) == (
        replace(circuit, difficulty=4),
    )


# ---------------------------------------------------------------------------
# Conditioning-only days and finishers
# ---------------------------------------------------------------------------
@functools.cache
def conditioning_program(minutes: int = 60, seed: int = 1, **athlete):
    spec = make_spec(
        CONDITIONING_GOALS,
        days=5,
        minutes=minutes,
        seed=seed,
        equipment=frozenset(KIT),
        athlete={**CONDITIONING_ATHLETE, **athlete},
    )
    return generate_program(spec, library())


def test_a_conditioning_day_uses_a_curated_circuit_that_fits_and_lists_every_movement():
    prog = conditioning_program()
    days = [
        s
        for s in prog.sessions
        if planned(prog, s).session_type == SessionType.CONDITIONING
        and s.main_circuit_id is not None
    ]

    assert days
    check_anatomy(prog)
    for s in days:
        circuit = by_id()[s.main_circuit_id]
        rows = [e for e in s.exercises if e.role == ExerciseRole.MAIN]
        assert [e.movement_id for e in rows] == [i.movement_id for i in circuit.items]
        assert all(circuit.name in " ".join(e.rationale.notes) for e in rows)
        assert 57 <= s.estimated_minutes <= 63  # the budget ±5 %
        assert s.time_breakdown.main == round(circuit.estimated_seconds / 60)
        assert circuit.estimated_seconds >= 30 * 60  # seeds 003 s16
        assert any(circuit.name in r for r in s.rationale)


def test_deload_weeks_keep_the_generated_conditioning_circuit():
    prog = conditioning_program()
    deloads = [
        s
        for s in prog.sessions
        if planned(prog, s).session_type == SessionType.CONDITIONING
        and prog.plan.microcycles[s.microcycle_sequence - 1].is_deload
    ]

    assert deloads
    assert all(s.main_circuit_id is None for s in deloads)


def test_a_finisher_may_be_a_short_curated_circuit_done_as_written():
    prog = conditioning_program()
    finished = [s for s in prog.sessions if s.finisher_circuit_id is not None]

    assert finished
    for s in finished:
        circuit = by_id()[s.finisher_circuit_id]
        rows = [e for e in s.exercises if e.role == ExerciseRole.FINISHER]
        assert [e.movement_id for e in rows] == [i.movement_id for i in circuit.items]
        assert {e.sets for e in rows} == {circuit_sets(circuit)}  # never trimmed
        assert circuit.circuit_type != "COMPLEX"
        assert 10 * 60 <= circuit.estimated_seconds <= 20 * 60
        assert s.time_breakdown.finisher == round(circuit.estimated_seconds / 60)


def test_without_a_fitting_circuit_the_generated_builders_run_unchanged():
    spec = make_spec(
        CONDITIONING_GOALS,
        days=5,
        equipment=frozenset(KIT),
        athlete=CONDITIONING_ATHLETE,
    )
    plain = generate_program(spec, replace(library(), circuits=()))
    # Circuits that fit nothing (five hours long) change nothing.
    too_long = tuple(replace(c, estimated_seconds=5 * 3600) for c in library().circuits)
    with_unfit = generate_program(spec, replace(library(), circuits=too_long))

    assert with_unfit.sessions == plain.sessions
    assert all(s.main_circuit_id is None for s in plain.sessions)
    assert all(s.finisher_circuit_id is None for s in plain.sessions)


def test_a_regenerated_session_avoids_the_circuit_it_had_when_another_fits():
    spec = make_spec(
        CONDITIONING_GOALS, days=5, minutes=30, equipment=frozenset(KIT),
        athlete=CONDITIONING_ATHLETE,
    )  # fmt: skip
    first = generate_program(spec, library())
    target = next(s for s in first.sessions if s.finisher_circuit_id is not None)
    key = (target.microcycle_sequence, target.day_index)

    again = generate_program(replace(spec, session_variants={key: 1}), library())

    redone = next(
        s for s in again.sessions if (s.microcycle_sequence, s.day_index) == key
    )
    assert redone.finisher_circuit_id != target.finisher_circuit_id


# ---------------------------------------------------------------------------
# Property: rules and equipment are honoured through circuits too
# ---------------------------------------------------------------------------
CIRCUIT_MOVEMENTS = sorted(
    {i.movement_id for c in library().circuits for i in c.items}
    if REAL_FIXTURE.exists()
    else set()
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    kit=st.sets(st.sampled_from(KIT)),
    hard_no=st.sets(st.sampled_from(CIRCUIT_MOVEMENTS or [0]), max_size=6),
    minutes=st.sampled_from([30, 45, 60]),
    seed=st.integers(1, 5),
)
def test_no_circuit_brings_back_a_hard_no_movement_or_missing_kit(
    kit, hard_no, minutes, seed
):
    rules = tuple(MovementRule(m, MovementRuleKind.HARD_NO) for m in sorted(hard_no))
    spec = make_spec(
        CONDITIONING_GOALS,
        days=5,
        minutes=minutes,
        seed=seed,
        equipment=frozenset(kit),
        athlete={**CONDITIONING_ATHLETE, "movement_rules": rules},
    )
    index = build_index(library(), spec.athlete, dict(CONDITIONING_GOALS))
    for circuit in index.circuits:
        for item in circuit.items:
            assert item.movement_id not in hard_no
            assert library().movements[item.movement_id].equipment <= kit

    prog = generate_program(spec, library())

    for s in prog.sessions:
        for cid in (s.main_circuit_id, s.finisher_circuit_id):
            if cid is None:
                continue
            for item in by_id()[cid].items:
                assert item.movement_id not in hard_no
                assert library().movements[item.movement_id].equipment <= kit
        for e in s.exercises:
            assert e.movement_id not in hard_no
