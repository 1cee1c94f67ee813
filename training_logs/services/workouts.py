"""Workout logs: the sets as performed, their derived values, and the rebuilds a
log triggers (``services.projections``).

Inputs are in kg; the pages and the API convert the athlete's unit at the edge
(``training_logs.presenters.to_kg``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from coach.models import AthleteSettings
from movements.models import Movement
from programs.models import ExerciseRole, Session
from training_logs import clock, metrics
from training_logs.models import FeedbackTag, SetLog, WorkoutLog
from training_logs.selectors import session_prescription_load
from training_logs.services.common import (
    kg,
    send_session_completed,
    session_log_save,
    session_open_for_logging,
)
from training_logs.services.projections import (
    muscle_recovery_rebuild,
    pattern_exposure_rebuild,
    personal_records_rebuild,
    write_top_sets,
)

#: Roles whose sets are logged as warm-ups when a session is "completed as
#: prescribed": they prepare or cool down, they are not working sets.
WARMUP_ROLES = (ExerciseRole.WARMUP, ExerciseRole.COOLDOWN)


@dataclass(frozen=True, slots=True)
class SetInput:
    """One set as performed. ``load_kg`` ≥ 0 (``None``: not recorded), ``reps``
    ≥ 1 or ``duration_seconds`` ≥ 1, ``rpe`` 1–10 in half steps, ``rir`` 0–10.
    ``set_number`` defaults to the next number for the movement;
    ``session_exercise_id`` names the prescription the set fulfils."""

    movement_id: int
    reps: int | None = None
    load_kg: Decimal | None = None
    duration_seconds: int | None = None
    rpe: Decimal | None = None
    rir: int | None = None
    is_warmup: bool = False
    set_number: int | None = None
    session_exercise_id: int | None = None


@dataclass(frozen=True, slots=True)
class LogPrefill:
    """What a ``signals.session_log_prefill`` receiver may answer instead of a bare
    list of sets: the ``sets`` to pre-fill (a set whose ``session_exercise_id`` names
    a planned exercise but another movement is that exercise done with the movement
    swapped in), a short ``notes`` line per planned exercise id ("Today: Leg Press
    instead of Back Squat.") and the planned exercise ids ``dropped`` today (their
    note says why)."""

    sets: tuple[SetInput, ...]
    notes: Mapping[int, str] = field(default_factory=dict)
    dropped: frozenset[int] = frozenset()


def prescribed_sets(session: Session) -> list[SetInput]:
    """The session's prescription as sets "completed as prescribed".

    Each exercise gives ``sets`` sets of ``reps_max`` (or ``reps_min``) reps — or
    ``duration_seconds`` for timed work — at the target RPE; warm-up and cool-down
    exercises are warm-up sets. Loads are *not recorded* (``None``): Alloy does not
    invent a load the athlete did not report, so these sets count for adherence,
    hard sets, pattern exposure and recovery, but give no e1RM and no record. The
    log page pre-fills the plan and the athlete types the loads.
    """
    out: list[SetInput] = []
    for exercise in session.exercises.all():
        reps = exercise.reps_max or exercise.reps_min
        duration = None if reps else exercise.duration_seconds
        for _ in range(exercise.sets):
            out.append(
                SetInput(
                    movement_id=exercise.movement_id,
                    reps=reps,
                    duration_seconds=duration,
                    rpe=exercise.target_rpe,
                    rir=None
                    if exercise.target_rpe is not None
                    else exercise.target_rir,
                    is_warmup=exercise.role in WARMUP_ROLES,
                    session_exercise_id=exercise.pk,
                )
            )
    return out


def _build_sets(
    *,
    workout_log: WorkoutLog,
    sets: Sequence[SetInput],
    session: Session | None,
    formula: str,
) -> list[SetLog]:
    """Validated, numbered, derived (hard flag, e1RM) SetLog rows, not yet saved.

    Raises ``ValidationError({"sets": [...]})`` naming each bad set by its index.
    """
    movements = Movement.objects.in_bulk({s.movement_id for s in sets})
    exercise_ids: set[int] = set()
    if session is not None:
        exercise_ids = set(session.exercises.values_list("pk", flat=True))
    errors: dict[str, list[str]] = {}
    numbers: dict[int, set[int]] = defaultdict(set)
    for s in sets:
        if s.set_number is not None:
            numbers[s.movement_id].add(s.set_number)

    rows: list[SetLog] = []
    used: dict[int, set[int]] = defaultdict(set)
    for index, s in enumerate(sets):
        problems: list[str] = []
        movement = movements.get(s.movement_id)
        if movement is None:
            problems.append(f"Movement {s.movement_id} does not exist.")
        if s.reps is None and s.duration_seconds is None:
            problems.append("Give reps or a duration.")
        if s.session_exercise_id is not None and s.session_exercise_id not in (
            exercise_ids
        ):
            problems.append("session_exercise is not part of this session.")
        number = s.set_number
        if number is None:
            number = 1
            while number in numbers[s.movement_id] or number in used[s.movement_id]:
                number += 1
        elif number in used[s.movement_id]:
            problems.append(f"Set number {number} is used twice for this movement.")
        used[s.movement_id].add(number)
        row = SetLog(
            workout_log=workout_log,
            movement_id=s.movement_id,
            session_exercise_id=s.session_exercise_id,
            order=index,
            set_number=number,
            load_kg=kg(s.load_kg),
            reps=s.reps,
            duration_seconds=s.duration_seconds,
            rpe=s.rpe,
            rir=s.rir,
            is_warmup=s.is_warmup,
        )
        try:
            row.full_clean(
                exclude=["workout_log", "movement", "session_exercise"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as exc:
            problems.extend(
                f"{field}: {message}"
                for field, messages in exc.message_dict.items()
                for message in messages
            )
        if problems:
            errors[str(index)] = problems
            continue
        timed = movement.is_timed or row.reps is None
        rpe = float(row.rpe) if row.rpe is not None else None
        row.is_hard = metrics.is_hard_set(
            is_warmup=row.is_warmup, reps=row.reps, timed=timed, rpe=rpe, rir=row.rir
        )
        if not (row.is_warmup or timed or row.load_kg is None):
            estimate = metrics.estimate_e1rm(
                load_kg=float(row.load_kg),
                reps=row.reps,
                formula=formula,
                rpe=rpe,
                rir=row.rir,
            )
            row.e1rm_kg = kg(estimate.value_kg)
            row.e1rm_low_confidence = estimate.low_confidence
        rows.append(row)
    if errors:
        raise ValidationError(
            {"sets": [f"Set {i}: {'; '.join(p)}" for i, p in errors.items()]}
        )
    return rows


@transaction.atomic
def workout_log_create(
    *,
    user,
    performed_at: datetime | None = None,
    sets: Sequence[SetInput] | None = None,
    session_id: int | None = None,
    name: str = "",
    duration_minutes: int | None = None,
    notes: str = "",
    enjoyment: int | None = None,
    feedback_tags: Sequence[str] = (),
) -> WorkoutLog:
    """Log a workout for ``user``: for the planned session ``session_id`` or ad hoc.

    For a session with no ``sets`` given, the prescription becomes the sets
    (:func:`prescribed_sets`). In one transaction: the log, its sets with hard-set
    flags and e1RMs (the athlete's formula, RPE-adjusted, reference §6), its top
    sets, the personal records of its movements, the week's pattern exposure and the
    muscles' recovery. The first log of a session sends ``session_completed`` on
    commit. ``performed_at`` defaults to now and cannot be in the future.

    Raises ``Http404`` for a session that is not ``user``'s and ``ValidationError``
    (field errors) for anything invalid, including a session already logged.
    """
    performed_at = clock.given_or_now(performed_at)
    clock.check_not_future(performed_at, "performed_at")
    session = None
    if session_id is not None:
        session = session_prescription_load(
            session_open_for_logging(
                user=user,
                session_id=session_id,
                logged_message="This session is already logged; delete that log first.",
            )
        )
    if not sets:
        if session is None:
            raise ValidationError({"sets": ["Log at least one set."]})
        sets = prescribed_sets(session)
        if not sets:
            raise ValidationError(
                {"sets": ["This session has no prescribed exercises: send your sets."]}
            )
    unknown_tags = sorted(set(feedback_tags) - set(FeedbackTag.values))
    if unknown_tags:
        raise ValidationError({"feedback_tags": [f"Unknown tags: {unknown_tags}."]})

    workout_log = WorkoutLog(
        user=user,
        session=session,
        name=name.strip(),
        performed_at=performed_at,
        duration_minutes=duration_minutes,
        notes=notes,
        enjoyment=enjoyment,
        feedback_tags=list(dict.fromkeys(feedback_tags)),
    )
    workout_log.full_clean(
        exclude=["user", "session"], validate_unique=False, validate_constraints=False
    )
    formula = AthleteSettings.for_user(user).e1rm_formula
    rows = _build_sets(
        workout_log=workout_log, sets=sets, session=session, formula=formula
    )
    session_log_save(workout_log)
    rows = SetLog.objects.bulk_create(rows)
    write_top_sets(workout_log, rows)
    personal_records_rebuild(user=user, movement_ids={r.movement_id for r in rows})
    pattern_exposure_rebuild(user=user, weeks=[clock.local_week_start(performed_at)])
    muscle_recovery_rebuild(user=user)
    send_session_completed(workout_log)
    return workout_log


@transaction.atomic
def workout_log_delete(*, workout_log: WorkoutLog) -> None:
    """Delete a workout log and rebuild what depended on it: the records of its
    movements, its week's pattern exposure and muscle recovery. A planned session
    it completed becomes due again (adherence is read live); no signal is sent."""
    user = workout_log.user
    movement_ids = set(workout_log.sets.values_list("movement_id", flat=True))
    week = clock.local_week_start(workout_log.performed_at)
    workout_log.delete()
    personal_records_rebuild(user=user, movement_ids=movement_ids)
    pattern_exposure_rebuild(user=user, weeks=[week])
    muscle_recovery_rebuild(user=user)
