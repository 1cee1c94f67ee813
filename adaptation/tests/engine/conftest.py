"""Fixtures for the adaptation engine tests: real planned sessions from the planning
engine over its synthetic library (programs/tests/generation/conftest.py), as the
service would read them back. No database."""

from __future__ import annotations

import pytest

from adaptation.engine import ExercisePlan, ReadinessInputs, SessionPlan, readiness
from programs.generation import generate_program
from programs.generation.types import (
    GeneratedProgram,
    GeneratedSession,
    Goal,
    MovementLibrary,
    ProgramSpec,
)
from programs.tests.generation.conftest import FULL_GYM, make_library, make_spec

__all__ = ["FULL_GYM", "make_library", "make_spec"]


def session_plan(
    program: GeneratedProgram, session: GeneratedSession, spec: ProgramSpec
) -> SessionPlan:
    """A GeneratedSession as the SessionPlan the service builds from its rows
    (exercise ids = 1000 + order, standing in for SessionExercise primary keys)."""
    mc = program.plan.microcycles[session.microcycle_sequence - 1]
    planned = mc.sessions[session.day_index]
    return SessionPlan(
        session_type=planned.session_type,
        exercises=tuple(
            ExercisePlan(
                movement_id=e.movement_id, role=e.role, order=e.order, sets=e.sets,
                reps_min=e.reps_min, reps_max=e.reps_max,
                duration_seconds=e.duration_seconds, target_rpe=e.target_rpe,
                rest_seconds=e.rest_seconds, superset_group=e.superset_group,
                exercise_id=1000 + e.order,
            )
            for e in session.exercises
        ),
        budget_minutes=spec.request.max_session_minutes,
        focus=planned.focus,
        goals=spec.request.goals,
        is_deload=mc.is_deload,
    )  # fmt: skip


@pytest.fixture(scope="session")
def lib() -> MovementLibrary:
    return make_library()


@pytest.fixture(scope="session")
def program_60(lib):
    """An 8-week, 4-day strength/hypertrophy program of 60-minute sessions."""
    spec = make_spec(((Goal.STRENGTH, 6), (Goal.HYPERTROPHY, 4)), minutes=60, seed=3)
    return spec, generate_program(spec, lib)


@pytest.fixture(scope="session")
def plans_60(program_60):
    """Every session of ``program_60`` as a SessionPlan, date order."""
    spec, program = program_60
    return [session_plan(program, s, spec) for s in program.sessions]


NEUTRAL = readiness(ReadinessInputs())


def mid(library: MovementLibrary, name: str) -> int:
    """A movement's id by its name in a test library."""
    return next(i for i, m in library.movements.items() if m.name == name)


def check_anatomy(adapted, library: MovementLibrary) -> None:
    """Seeds 003 s16 on an adapted session: warm-up first, cool-down last, one
    middle piece (accessory XOR finisher), a main lift on lifting days, a single
    MAIN middle block on mobility days; no movement twice."""
    from programs.generation.types import ExerciseRole, SessionType

    roles = [e.role for e in adapted.exercises]
    assert roles[0] == ExerciseRole.WARMUP, roles
    assert roles[-1] == ExerciseRole.COOLDOWN, roles
    first_cool = roles.index(ExerciseRole.COOLDOWN)
    assert all(r == ExerciseRole.COOLDOWN for r in roles[first_cool:])
    last_warm = max(i for i, r in enumerate(roles) if r == ExerciseRole.WARMUP)
    assert all(r == ExerciseRole.WARMUP for r in roles[: last_warm + 1])
    middle = set(roles[last_warm + 1 : first_cool])
    assert not {ExerciseRole.ACCESSORY, ExerciseRole.FINISHER} <= middle
    if adapted.session_type in (SessionType.MOBILITY, SessionType.CARDIO,
                                SessionType.CONDITIONING):  # fmt: skip
        assert middle == {ExerciseRole.MAIN}
    else:
        assert ExerciseRole.MAIN in middle
    ids = [e.movement_id for e in adapted.exercises]
    assert len(ids) == len(set(ids)), "duplicate movement"
    assert [e.order for e in adapted.exercises] == list(range(1, len(ids) + 1))
    assert all(e.movement_id in library.movements for e in adapted.exercises)


@pytest.fixture(scope="session")
def program_mixed(lib):
    """Six days of endurance/fat-loss (cardio, conditioning and endurance days)
    plus mobility days, 60 minutes."""
    cardio = make_spec(((Goal.ENDURANCE, 5), (Goal.FAT_LOSS, 5)), days=6, seed=2,
                       athlete={"prefer_dedicated_cardio_days": True})  # fmt: skip
    mobility = make_spec(((Goal.MOBILITY, 5), (Goal.HYPERTROPHY, 5)), days=6, seed=2,
                         athlete={"prefer_dedicated_mobility_days": True})  # fmt: skip
    plans = []
    for spec in (cardio, mobility):
        program = generate_program(spec, lib)
        plans += [session_plan(program, s, spec) for s in program.sessions]
    return cardio, plans
