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
