"""The program's athlete, the planned session and the movement library as engine
types (``programs.generation.types``, ``adaptation.engine.types``)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from adaptation.engine import types as et
from movements.models import (
    Movement,
    MovementMuscle,
    MovementRelationship,
    MuscleRole,
)
from programs.generation import types as gt
from programs.models import Program, Session, SessionExercise
from programs.specs import movement_library_snapshot


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


@dataclass(slots=True)
class _KeptLibrary:
    """The per-process snapshot: its fingerprint, when it was read and when the
    fingerprint was last checked (``time.monotonic()`` seconds)."""

    fingerprint: tuple
    read_at: float
    checked_at: float
    library: gt.MovementLibrary


_library_cache: dict[str, _KeptLibrary] = {}


def _library_fingerprint() -> tuple:
    """Cheap proof the library has not gained or lost rows: the movements' count
    and highest id and the muscle links' and relationships' counts, in one
    query (four scalar subqueries)."""
    quote = connection.ops.quote_name
    movements = quote(Movement._meta.db_table)
    counts = ", ".join(
        f"(SELECT COUNT(*) FROM {quote(model._meta.db_table)})"
        for model in (MovementMuscle, MovementRelationship)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {movements}), "
            f"(SELECT MAX({quote('id')}) FROM {movements}), {counts}"
        )
        return tuple(cursor.fetchone())


def library_snapshot(require: Iterable[int] = ()) -> gt.MovementLibrary:
    """The whole movement library (``programs.specs.movement_library_snapshot``,
    three queries and the largest cost of an adaptation), kept per process for
    ``settings.ADAPTATION_LIBRARY_CACHE_SECONDS`` and re-read when the library
    gains or loses a movement, muscle link or relationship: a count query
    checks that at most every ``settings.ADAPTATION_LIBRARY_CHECK_SECONDS``
    (between checks a kept snapshot costs no query), and at once when a movement
    id in ``require`` (a session's) is not in it. Staff edits to an existing
    movement show within the TTL.
    """
    ttl = float(getattr(settings, "ADAPTATION_LIBRARY_CACHE_SECONDS", 0))
    if ttl <= 0:
        return movement_library_snapshot()
    every = float(getattr(settings, "ADAPTATION_LIBRARY_CHECK_SECONDS", 0))
    kept = _library_cache.get("library")
    now = time.monotonic()
    fingerprint = None
    if (
        kept is not None
        and now - kept.read_at < ttl
        and all(mid in kept.library.movements for mid in require)
    ):
        if now - kept.checked_at < every:
            return kept.library
        fingerprint = _library_fingerprint()
        if fingerprint == kept.fingerprint:
            kept.checked_at = now
            return kept.library
    fingerprint = fingerprint or _library_fingerprint()
    library = movement_library_snapshot()
    now = time.monotonic()
    _library_cache["library"] = _KeptLibrary(fingerprint, now, now, library)
    return library
