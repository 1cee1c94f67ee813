"""The program's athlete, the planned session and the movement library as engine
types (``programs.generation.types``, ``adaptation.engine.types``)."""

from __future__ import annotations

from adaptation.engine import types as et
from movements.models import (
    Movement,
    MuscleRole,
)
from programs.generation import types as gt
from programs.library_cache import kept_library_snapshot
from programs.models import Program, Session, SessionExercise

#: The whole library, kept per process (:mod:`programs.library_cache`: the
#: worker's generations read the same kept snapshot).
library_snapshot = kept_library_snapshot


# ---------------------------------------------------------------------------
# The program's athlete and the planned session
# ---------------------------------------------------------------------------
def program_goals(program: Program) -> tuple[gt.GoalWeight, ...]:
    return tuple(gt.GoalWeight(gt.Goal(g), int(w)) for g, w in program.goals)


def exercise_plan(exercise: SessionExercise) -> et.ExercisePlan:
    """One planned exercise as the engine reads it (``exercise_id`` = its pk)."""
    return et.ExercisePlan(
        movement_id=exercise.movement_id,
        role=et.ExerciseRole(exercise.role),
        order=exercise.order,
        sets=exercise.sets,
        reps_min=exercise.reps_min,
        reps_max=exercise.reps_max,
        duration_seconds=exercise.duration_seconds,
        target_rpe=float(exercise.target_rpe)
        if exercise.target_rpe is not None
        else None,
        rest_seconds=exercise.rest_seconds,
        superset_group=exercise.superset_group,
        exercise_id=exercise.pk,
        estimated_seconds=exercise.estimated_seconds,
    )


def session_plan(session: Session) -> et.SessionPlan:
    """The planned session (exercises prefetched: no query)."""
    return et.SessionPlan(
        session_type=et.SessionType(session.session_type),
        exercises=tuple(exercise_plan(e) for e in session.exercises.all()),
        budget_minutes=session.program.max_session_minutes,
        focus=session.focus,
        goals=program_goals(session.program),
        is_deload=session.microcycle.is_deload,
    )


def movement_info(movement) -> gt.MovementInfo:
    """A ``movements.Movement`` with ``muscle_links`` prefetched as the engine's
    :class:`MovementInfo` (no query)."""
    links = sorted(movement.muscle_links.all(), key=lambda link: link.muscle.slug)
    return gt.MovementInfo(
        id=movement.pk,
        name=movement.name,
        slug=movement.slug,
        pattern=movement.pattern,
        mechanic=movement.mechanic or "",
        force=movement.force or "",
        equipment=frozenset(movement.equipment or ()),
        level=movement.level,
        discipline=movement.primary_discipline,
        primary_muscles=tuple(
            link.muscle.slug for link in links if link.role == MuscleRole.PRIMARY
        ),
        secondary_muscles=tuple(
            link.muscle.slug for link in links if link.role != MuscleRole.PRIMARY
        ),
        tags=frozenset(movement.tags or ()),
        is_unilateral=movement.is_unilateral,
        is_timed=movement.is_timed,
    )


def session_library(session: Session) -> gt.MovementLibrary:
    """A library of just the session's movements (prefetched: no query) — enough
    for load targets, which only look up the prescribed movements."""
    return gt.MovementLibrary(
        movements={
            e.movement_id: movement_info(e.movement) for e in session.exercises.all()
        }
    )


def movements_library(movement_ids) -> gt.MovementLibrary:
    """A library of the given movements (two queries) — for adapted sessions whose
    swapped movements the session does not prefetch."""
    movements = Movement.objects.filter(pk__in=set(movement_ids)).prefetch_related(
        "muscle_links__muscle"
    )
    return gt.MovementLibrary(movements={m.pk: movement_info(m) for m in movements})


def primary_muscles(exercises, library: gt.MovementLibrary) -> set[str]:
    return {
        muscle
        for e in exercises
        if e.movement_id in library.movements
        for muscle in library.movements[e.movement_id].primary_muscles
    }
