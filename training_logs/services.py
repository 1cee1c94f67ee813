"""Writes for training logs, each in one transaction with its side effects.

A workout log writes its sets (with hard-set flags and e1RMs by the athlete's
formula), its top sets, and rebuilds what depends on the athlete's history: personal
records of the movements it touched, the week's pattern exposure and every muscle's
recovery state. Rebuilding from history (instead of nudging stored values) keeps
everything right when a log is back-dated or deleted; the pure replays live in
``training_logs.metrics`` and ``training_logs.records``.

Completing a planned session sends ``training_logs.signals.session_completed`` on
commit. Inputs are in kg; the API converts the athlete's unit at the edge.
Failures raise ``ValidationError`` with field errors (nothing is written) or
``Http404`` for a session that is not the athlete's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, DecimalField, F, Sum
from django.utils import timezone

from coach.models import AthleteSettings
from movements.models import (
    ActivityDefinition,
    Movement,
    MovementMuscle,
    Muscle,
    MuscleRole,
)
from programs.models import ExerciseRole, Session
from training_logs import metrics, records
from training_logs.adherence import week_start
from training_logs.models import (
    BODY_PART_MUSCLES,
    ActivityInstance,
    ActivitySource,
    FeedbackTag,
    MuscleRecoveryState,
    PatternExposure,
    PersonalRecord,
    RecoverySignal,
    SetLog,
    SorenessLog,
    TopSet,
    WorkoutLog,
)
from training_logs.selectors import session_get_for_logging
from training_logs.signals import session_completed

#: Clock skew allowed between a client and the server for "performed at" times.
FUTURE_TOLERANCE = timedelta(minutes=5)
#: Roles whose sets are logged as warm-ups when a session is "completed as
#: prescribed": they prepare or cool down, they are not working sets.
WARMUP_ROLES = (ExerciseRole.WARMUP, ExerciseRole.COOLDOWN)

KG_PLACES = Decimal("0.001")
LEVEL_PLACES = Decimal("0.01")


def _kg(value: float | Decimal | None) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(KG_PLACES, rounding=ROUND_HALF_UP)


def _aware(moment: datetime) -> datetime:
    if timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def _check_not_future(moment: datetime, field: str) -> None:
    if moment > timezone.now() + FUTURE_TOLERANCE:
        raise ValidationError({field: ["This cannot be in the future."]})


def local_week_start(moment: datetime) -> date:
    """The Monday of the ISO week ``moment`` falls in, in the site's time zone."""
    return week_start(timezone.localtime(moment).date())


def _week_bounds(monday: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(monday, time.min))
    return start, timezone.make_aware(
        datetime.combine(monday + timedelta(days=7), time.min)
    )


def _send_session_completed(*, sender, user_id: int, session_id: int, log_id: int):
    transaction.on_commit(
        lambda: session_completed.send(
            sender=sender, user_id=user_id, session_id=session_id, log_id=log_id
        ),
        robust=True,
    )


def _session_already_completed(session: Session) -> bool:
    return (
        WorkoutLog.objects.filter(session=session).exists()
        or ActivityInstance.objects.filter(session=session).exists()
    )


# ---------------------------------------------------------------------------
# Workout logs
# ---------------------------------------------------------------------------
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
            load_kg=_kg(s.load_kg),
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
            row.e1rm_kg = _kg(estimate.value_kg)
            row.e1rm_low_confidence = estimate.low_confidence
        rows.append(row)
    if errors:
        raise ValidationError(
            {"sets": [f"Set {i}: {'; '.join(p)}" for i, p in errors.items()]}
        )
    return rows


def _logged_set(row: SetLog, performed_at: datetime) -> records.LoggedSet:
    return records.LoggedSet(
        set_id=row.pk,
        workout_id=row.workout_log_id,
        performed_at=performed_at,
        movement_id=row.movement_id,
        order=row.order,
        load_kg=float(row.load_kg) if row.load_kg is not None else None,
        reps=row.reps,
        e1rm_kg=float(row.e1rm_kg) if row.e1rm_kg is not None else None,
        e1rm_low_confidence=row.e1rm_low_confidence,
        is_warmup=row.is_warmup,
        duration_seconds=row.duration_seconds,
    )


def _write_top_sets(workout_log: WorkoutLog, rows: Sequence[SetLog]) -> None:
    by_movement: dict[int, list[SetLog]] = defaultdict(list)
    for row in rows:
        by_movement[row.movement_id].append(row)
    by_id = {row.pk: row for row in rows}
    top_sets = []
    for movement_id, movement_rows in by_movement.items():
        picked = records.pick_top_set(
            [_logged_set(r, workout_log.performed_at) for r in movement_rows]
        )
        if picked is None:
            continue
        row = by_id[picked.set_id]
        top_sets.append(
            TopSet(
                user_id=workout_log.user_id,
                workout_log=workout_log,
                movement_id=movement_id,
                set_log=row,
                performed_at=workout_log.performed_at,
                load_kg=row.load_kg,
                reps=row.reps,
                duration_seconds=row.duration_seconds,
                rpe=row.rpe,
                e1rm_kg=row.e1rm_kg,
                e1rm_low_confidence=row.e1rm_low_confidence,
            )
        )
    TopSet.objects.bulk_create(top_sets)


def personal_records_rebuild(*, user, movement_ids: Iterable[int]) -> None:
    """Rebuild ``user``'s personal records of ``movement_ids`` from their history.

    Replays every working set (``records.replay_records``) and reconciles the rows:
    records that still stand keep their id, the rest are deleted or created.
    """
    movement_ids = set(movement_ids)
    if not movement_ids:
        return
    history = [
        records.LoggedSet(
            set_id=pk,
            workout_id=workout_id,
            performed_at=performed_at,
            movement_id=movement_id,
            order=order,
            load_kg=float(load) if load is not None else None,
            reps=reps,
            e1rm_kg=float(e1rm) if e1rm is not None else None,
            e1rm_low_confidence=low,
        )
        for pk, workout_id, performed_at, movement_id, order, load, reps, e1rm, low in (
            SetLog.objects.for_user(user)
            .working()
            .filter(movement_id__in=movement_ids, reps__isnull=False)
            .values_list(
                "pk",
                "workout_log_id",
                "workout_log__performed_at",
                "movement_id",
                "order",
                "load_kg",
                "reps",
                "e1rm_kg",
                "e1rm_low_confidence",
            )
        )
    ]
    events = records.replay_records(history)
    existing = {
        (row.set_log_id, row.kind): row
        for row in PersonalRecord.objects.filter(
            user=user, movement_id__in=movement_ids
        )
    }
    to_create: list[PersonalRecord] = []
    to_update: list[PersonalRecord] = []
    for event in events:
        value = _kg(event.value)
        previous = _kg(event.previous_value)
        row = existing.pop((event.set_id, event.kind), None)
        if row is None:
            to_create.append(
                PersonalRecord(
                    user=user,
                    movement_id=event.movement_id,
                    kind=event.kind,
                    value=value,
                    previous_value=previous,
                    reps=event.reps,
                    load_kg=_kg(event.load_kg),
                    set_log_id=event.set_id,
                    achieved_at=event.achieved_at,
                    is_current=event.is_current,
                )
            )
        elif (row.value, row.previous_value, row.is_current, row.achieved_at) != (
            value,
            previous,
            event.is_current,
            event.achieved_at,
        ):
            row.value, row.previous_value = value, previous
            row.is_current, row.achieved_at = event.is_current, event.achieved_at
            to_update.append(row)
    if existing:
        PersonalRecord.objects.filter(pk__in=[r.pk for r in existing.values()]).delete()
    if to_update:
        PersonalRecord.objects.bulk_update(
            to_update, ["value", "previous_value", "is_current", "achieved_at"]
        )
    PersonalRecord.objects.bulk_create(to_create)


def pattern_exposure_rebuild(*, user, weeks: Iterable[date]) -> None:
    """Rebuild ``user``'s hard sets and volume load per movement pattern for each
    ISO week in ``weeks`` (Mondays), from the hard sets logged that week."""
    for monday in set(weeks):
        start, end = _week_bounds(monday)
        totals = (
            SetLog.objects.for_user(user)
            .hard()
            .filter(
                workout_log__performed_at__gte=start,
                workout_log__performed_at__lt=end,
            )
            .values("movement__pattern")
            .annotate(
                hard_sets=Count("id"),
                volume=Sum(
                    F("reps") * F("load_kg"),
                    output_field=DecimalField(max_digits=14, decimal_places=3),
                ),
            )
        )
        PatternExposure.objects.filter(user=user, week_start=monday).delete()
        PatternExposure.objects.bulk_create(
            PatternExposure(
                user=user,
                week_start=monday,
                pattern=row["movement__pattern"],
                hard_sets=row["hard_sets"],
                volume_load_kg=_kg(row["volume"] or 0),
            )
            for row in totals
        )


def muscle_recovery_rebuild(*, user) -> None:
    """Rebuild every muscle's recovery state for ``user`` from their history.

    Events: each workout lowers each muscle by the hard sets it took (primary 1.0,
    secondary 0.5: ``metrics.muscle_credits``); each soreness report sets the muscle
    to 10 − soreness. ``metrics.replay_recovery`` folds them with the climb of one
    point per ``SORENESS_DECAY_HOURS`` in between. Four queries whatever the history.
    """
    decay_hours = float(settings.SORENESS_DECAY_HOURS)
    hard = list(
        SetLog.objects.for_user(user)
        .hard()
        .values("workout_log_id", "workout_log__performed_at", "movement_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    roles: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for movement_id, muscle_id, role in MovementMuscle.objects.filter(
        movement_id__in={row["movement_id"] for row in hard}
    ).values_list("movement_id", "muscle_id", "role"):
        roles[movement_id][0 if role == MuscleRole.PRIMARY else 1].append(muscle_id)

    workout_load: dict[tuple[int, datetime], dict[int, float]] = defaultdict(dict)
    for row in hard:
        primary, secondary = roles.get(row["movement_id"], ([], []))
        metrics.add_credits(
            workout_load[(row["workout_log_id"], row["workout_log__performed_at"])],
            metrics.muscle_credits(float(row["n"]), primary, secondary),
        )
    events: dict[int, list[metrics.RecoveryEvent]] = defaultdict(list)
    for (_, performed_at), credits in workout_load.items():
        for muscle_id, amount in credits.items():
            events[muscle_id].append(
                metrics.RecoveryEvent(performed_at, metrics.WORKOUT, amount)
            )
    for muscle_id, level, logged_at in SorenessLog.objects.filter(
        user=user
    ).values_list("muscle_id", "level", "logged_at"):
        events[muscle_id].append(
            metrics.RecoveryEvent(logged_at, metrics.SORENESS, float(level))
        )

    existing = {s.muscle_id: s for s in MuscleRecoveryState.objects.filter(user=user)}
    to_create, to_update = [], []
    for muscle_id, muscle_events in events.items():
        state = metrics.replay_recovery(muscle_events, decay_hours=decay_hours)
        level = Decimal(str(state.level)).quantize(LEVEL_PLACES, ROUND_HALF_UP)
        row = existing.pop(muscle_id, None)
        if row is None:
            to_create.append(
                MuscleRecoveryState(
                    user=user,
                    muscle_id=muscle_id,
                    level=level,
                    last_updated_at=state.at,
                )
            )
        elif (row.level, row.last_updated_at) != (level, state.at):
            row.level, row.last_updated_at = level, state.at
            to_update.append(row)
    if existing:
        MuscleRecoveryState.objects.filter(
            pk__in=[s.pk for s in existing.values()]
        ).delete()
    if to_update:
        MuscleRecoveryState.objects.bulk_update(to_update, ["level", "last_updated_at"])
    MuscleRecoveryState.objects.bulk_create(to_create)


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
    performed_at = _aware(performed_at or timezone.now())
    _check_not_future(performed_at, "performed_at")
    session = None
    if session_id is not None:
        session = session_get_for_logging(user=user, session_id=session_id)
        if _session_already_completed(session):
            raise ValidationError(
                {
                    "session_id": [
                        "This session is already logged; delete that log first."
                    ]
                }
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
    try:
        with transaction.atomic():
            workout_log.save()
    except IntegrityError as exc:  # two submissions of one session racing
        raise ValidationError(
            {"session_id": ["This session is already logged."]}
        ) from exc
    rows = SetLog.objects.bulk_create(rows)
    _write_top_sets(workout_log, rows)
    personal_records_rebuild(user=user, movement_ids={r.movement_id for r in rows})
    pattern_exposure_rebuild(user=user, weeks=[local_week_start(performed_at)])
    muscle_recovery_rebuild(user=user)
    if session is not None:
        _send_session_completed(
            sender=WorkoutLog,
            user_id=user.pk,
            session_id=session.pk,
            log_id=workout_log.pk,
        )
    return workout_log


@transaction.atomic
def workout_log_delete(*, workout_log: WorkoutLog) -> None:
    """Delete a workout log and rebuild what depended on it: the records of its
    movements, its week's pattern exposure and muscle recovery. A planned session
    it completed becomes due again (adherence is read live); no signal is sent."""
    user = workout_log.user
    movement_ids = set(workout_log.sets.values_list("movement_id", flat=True))
    week = local_week_start(workout_log.performed_at)
    workout_log.delete()
    personal_records_rebuild(user=user, movement_ids=movement_ids)
    pattern_exposure_rebuild(user=user, weeks=[week])
    muscle_recovery_rebuild(user=user)


# ---------------------------------------------------------------------------
# Soreness and recovery signals
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SorenessInput:
    """Soreness 1–10 of a ``muscle`` (library slug) or a ``body_part``
    (:class:`~training_logs.models.BodyPart`); exactly one of the two."""

    level: int
    muscle: str | None = None
    body_part: str | None = None


@transaction.atomic
def soreness_log_create(
    *, user, entries: Sequence[SorenessInput], logged_at: datetime | None = None
) -> list[SorenessLog]:
    """Record soreness and set each muscle's recovery to 10 − soreness.

    A body part fans out to its muscles (``BODY_PART_MUSCLES``); a muscle named
    twice in one report keeps its highest soreness. Returns the rows written.
    Raises ``ValidationError`` for an unknown muscle or body part, a level outside
    1–10, or a time in the future.
    """
    logged_at = _aware(logged_at or timezone.now())
    _check_not_future(logged_at, "logged_at")
    if not entries:
        raise ValidationError({"entries": ["Report at least one muscle or body part."]})
    muscles = {m.slug: m for m in Muscle.objects.all()}
    chosen: dict[str, tuple[int, str]] = {}
    errors: list[str] = []
    for index, entry in enumerate(entries):
        if not 1 <= entry.level <= 10:
            errors.append(f"Entry {index}: level must be 1–10.")
            continue
        if (entry.muscle is None) == (entry.body_part is None):
            errors.append(f"Entry {index}: give a muscle or a body part.")
            continue
        if entry.body_part is not None:
            slugs = BODY_PART_MUSCLES.get(entry.body_part)
            if slugs is None:
                errors.append(f"Entry {index}: unknown body part {entry.body_part}.")
                continue
            label = entry.body_part
        else:
            slugs, label = (entry.muscle,), ""
        for slug in slugs:
            if slug not in muscles:
                errors.append(f"Entry {index}: unknown muscle {slug}.")
                continue
            if slug not in chosen or entry.level > chosen[slug][0]:
                chosen[slug] = (entry.level, label)
    if errors:
        raise ValidationError({"entries": errors})
    rows = SorenessLog.objects.bulk_create(
        SorenessLog(
            user=user,
            muscle=muscles[slug],
            body_part=label,
            level=level,
            logged_at=logged_at,
        )
        for slug, (level, label) in chosen.items()
    )
    muscle_recovery_rebuild(user=user)
    return rows


@transaction.atomic
def recovery_signal_create(
    *,
    user,
    logged_at: datetime | None = None,
    sleep_hours: Decimal | None = None,
    sleep_quality: int | None = None,
    stress: int | None = None,
    energy: int | None = None,
    nutrition: int | None = None,
    notes: str = "",
) -> RecoverySignal:
    """Record how the athlete slept, feels and ate (see ``RecoverySignal``).

    Raises ``ValidationError`` when nothing is given, a value is out of range or
    the time is in the future.
    """
    logged_at = _aware(logged_at or timezone.now())
    _check_not_future(logged_at, "logged_at")
    values = (sleep_hours, sleep_quality, stress, energy, nutrition)
    if all(v is None for v in values):
        raise ValidationError(
            "Give at least one of sleep hours, sleep quality, stress, energy or nutrition."
        )
    signal = RecoverySignal(
        user=user,
        logged_at=logged_at,
        sleep_hours=sleep_hours,
        sleep_quality=sleep_quality,
        stress=stress,
        energy=energy,
        nutrition=nutrition,
        notes=notes,
    )
    signal.full_clean(exclude=["user"], validate_constraints=False)
    signal.save()
    return signal


# ---------------------------------------------------------------------------
# Activities
# ---------------------------------------------------------------------------
@transaction.atomic
def activity_log_create(
    *,
    user,
    definition_id: int,
    duration_seconds: int,
    performed_start: datetime | None = None,
    name: str = "",
    distance_km: Decimal | None = None,
    perceived_difficulty: int | None = None,
    enjoyment: int | None = None,
    notes: str = "",
    session_id: int | None = None,
) -> ActivityInstance:
    """Log an activity (seeds 002 ``POST /activities/log``): source MANUAL, or
    SCHEDULED when it is for the planned session ``session_id``, which it then
    completes (``session_completed`` on commit, the first time).

    Raises ``Http404`` for a session that is not ``user``'s and ``ValidationError``
    for an unknown definition, a bound broken, a future start or a session that is
    already logged.
    """
    performed_start = _aware(performed_start or timezone.now())
    _check_not_future(performed_start, "performed_start")
    definition = ActivityDefinition.objects.filter(pk=definition_id).first()
    if definition is None:
        raise ValidationError(
            {"activity_definition_id": [f"Activity {definition_id} does not exist."]}
        )
    session = None
    if session_id is not None:
        session = session_get_for_logging(user=user, session_id=session_id)
        if _session_already_completed(session):
            raise ValidationError({"session_id": ["This session is already logged."]})
    activity = ActivityInstance(
        user=user,
        definition=definition,
        session=session,
        name=name.strip() or definition.name,
        performed_start=performed_start,
        duration_seconds=duration_seconds,
        distance_km=distance_km,
        perceived_difficulty=perceived_difficulty,
        enjoyment=enjoyment,
        notes=notes,
        source=ActivitySource.SCHEDULED if session else ActivitySource.MANUAL,
    )
    activity.full_clean(
        exclude=["user", "definition", "session"],
        validate_unique=False,
        validate_constraints=False,
    )
    try:
        with transaction.atomic():
            activity.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"session_id": ["This session is already logged."]}
        ) from exc
    if session is not None:
        _send_session_completed(
            sender=ActivityInstance,
            user_id=user.pk,
            session_id=session.pk,
            log_id=activity.pk,
        )
    return activity
