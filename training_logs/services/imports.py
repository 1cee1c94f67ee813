"""Imports: many workout logs at once, derived rows rebuilt once.

``workout_logs_import`` is ``workout_log_create`` for a batch of ad-hoc workouts:
the same validation and per-set derivation (hard-set flags, e1RMs by the
athlete's formula, reference §6), the top sets, but a constant number of
``bulk_create`` calls for the logs and sets, and the history-wide rebuilds
(personal records, weekly pattern exposure, muscle recovery) left to one
``workout_history_rebuild`` call at the end, so importing a year of training
replays the history once rather than once per workout.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from coach.models import AthleteSettings
from programs.models import Session
from training_logs import clock
from training_logs.models import FeedbackTag, SetLog, WorkoutLog
from training_logs.services.projections import (
    muscle_recovery_rebuild,
    pattern_exposure_rebuild,
    personal_records_rebuild,
    write_top_sets,
)
from training_logs.services.workouts import SetInput, _build_sets


@dataclass(frozen=True, slots=True)
class WorkoutInput:
    """A workout to import: when (aware, or naive in the site's zone), its sets
    (:class:`SetInput`, loads in kg), name (≤ 120 characters), duration 1–600
    minutes or ``None``, notes (≤ 2000 characters), enjoyment 1–5, feedback
    tags; ``session_id`` the athlete's planned session it completed, if any
    (restoring an Alloy export)."""

    performed_at: datetime
    sets: Sequence[SetInput]
    name: str = ""
    duration_minutes: int | None = None
    notes: str = ""
    enjoyment: int | None = None
    feedback_tags: Sequence[str] = ()
    session_id: int | None = None


@dataclass(frozen=True, slots=True)
class ImportedWorkout:
    """A written workout log and its set rows, in the order of the input."""

    workout_log: WorkoutLog
    sets: list[SetLog]


@transaction.atomic
def workout_logs_import(
    *, user, workouts: Sequence[WorkoutInput]
) -> list[ImportedWorkout]:
    """Write ``workouts`` for ``user`` with their sets and top sets, all or none.

    Does *not* rebuild personal records, pattern exposure or muscle recovery:
    call :func:`workout_history_rebuild` once after the last batch. Raises
    ``ValidationError({"workouts": ["Workout i: …"]})`` naming each bad workout
    by its index in ``workouts``; nothing is written then. Queries: the
    athlete's formula, the movements of each workout's sets, two bulk inserts
    and one per workout for its top sets.
    """
    formula = AthleteSettings.for_user(user).e1rm_formula
    sessions = Session.objects.filter(
        program__user=user,
        pk__in={w.session_id for w in workouts if w.session_id is not None},
    ).in_bulk()
    logs: list[WorkoutLog] = []
    rows_per_log: list[list[SetLog]] = []
    errors: list[str] = []
    for index, workout in enumerate(workouts):
        session = sessions.get(workout.session_id)
        log = WorkoutLog(
            user=user,
            session=session,
            name=workout.name.strip()[:120],
            performed_at=clock.aware(workout.performed_at),
            duration_minutes=workout.duration_minutes,
            notes=workout.notes[:2000],
            enjoyment=workout.enjoyment,
            feedback_tags=list(dict.fromkeys(workout.feedback_tags)),
        )
        try:
            clock.check_not_future(log.performed_at, "performed_at")
            if workout.session_id is not None and session is None:
                raise ValidationError({"session_id": ["Not one of your sessions."]})
            if set(workout.feedback_tags) - set(FeedbackTag.values):
                raise ValidationError({"feedback_tags": ["Unknown feedback tags."]})
            if not workout.sets:
                raise ValidationError({"sets": ["Log at least one set."]})
            log.full_clean(
                exclude=["user", "session"],
                validate_unique=False,
                validate_constraints=False,
            )
            rows = _build_sets(
                workout_log=log, sets=workout.sets, session=session, formula=formula
            )
        except ValidationError as exc:
            errors.append(f"Workout {index}: {'; '.join(exc.messages)}")
            continue
        logs.append(log)
        rows_per_log.append(rows)
    if errors:
        raise ValidationError({"workouts": errors})
    WorkoutLog.objects.bulk_create(logs)
    for log, rows in zip(logs, rows_per_log, strict=True):
        for row in rows:
            row.workout_log = log
    created = SetLog.objects.bulk_create([row for rows in rows_per_log for row in rows])
    result = []
    offset = 0
    for log, rows in zip(logs, rows_per_log, strict=True):
        written = created[offset : offset + len(rows)]
        offset += len(rows)
        write_top_sets(log, written)
        result.append(ImportedWorkout(workout_log=log, sets=written))
    return result


@transaction.atomic
def workout_history_rebuild(
    *, user, movement_ids: Iterable[int], weeks: Iterable[date]
) -> None:
    """Rebuild what depends on the athlete's whole history after an import: the
    personal records of ``movement_ids``, the pattern exposure of ``weeks``
    (Mondays) and every muscle's recovery. Adherence is read live from the logs,
    so it needs nothing."""
    personal_records_rebuild(user=user, movement_ids=movement_ids)
    pattern_exposure_rebuild(user=user, weeks=weeks)
    muscle_recovery_rebuild(user=user)
