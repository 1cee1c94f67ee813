"""Projections rebuilt from the athlete's history after every write: top sets,
personal records, weekly pattern exposure and muscle recovery.

Rebuilding from history (instead of nudging stored values) keeps everything right
when a log is back-dated or deleted; the pure replays live in
``training_logs.metrics`` and ``training_logs.records``.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, DecimalField, F, Sum

from movements.models import MovementMuscle, MuscleRole
from training_logs import clock, metrics, records
from training_logs.models import (
    MuscleRecoveryState,
    PatternExposure,
    PersonalRecord,
    SetLog,
    SorenessLog,
    TopSet,
    WorkoutLog,
)
from training_logs.services.common import LEVEL_PLACES, kg


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


def write_top_sets(workout_log: WorkoutLog, rows: Sequence[SetLog]) -> None:
    """Write the log's top set per movement (``records.pick_top_set``)."""
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
        value = kg(event.value)
        previous = kg(event.previous_value)
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
                    load_kg=kg(event.load_kg),
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
        start, end = clock.week_bounds(monday)
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
                volume_load_kg=kg(row["volume"] or 0),
            )
            for row in totals
        )


#: Timestamps fetched per round trip while looking for the recovery window's start:
#: a few weeks of training, so the usual athlete needs one.
WINDOW_CHUNK = 100


def _in_chunks(values, size: int = WINDOW_CHUNK) -> Iterator:
    """The rows of the ordered queryset ``values``, read lazily ``size`` at a
    time with LIMIT/OFFSET: one plain query per chunk (``.iterator()`` would open
    a server-side cursor on PostgreSQL, three round trips for the usual one
    chunk)."""
    offset = 0
    while True:
        chunk = list(values[offset : offset + size])
        yield from chunk
        if len(chunk) < size:
            return
        offset += size


def muscle_recovery_rebuild(*, user) -> None:
    """Rebuild every muscle's recovery state for ``user`` from their history.

    Events: each workout lowers each muscle by the hard sets it took (primary 1.0,
    secondary 0.5: ``metrics.muscle_credits``); each soreness report sets the muscle
    to 10 − soreness. ``metrics.replay_recovery`` folds them with the climb of one
    point per ``SORENESS_DECAY_HOURS`` in between.

    Bounded and exact: only events from ``metrics.recovery_window_start`` on are
    replayed (after the most recent gap of 10 × ``SORENESS_DECAY_HOURS`` between any
    two of the athlete's workouts or soreness reports every muscle is back to 10),
    found by reading timestamps newest first down to that gap. A muscle with no event
    in the window keeps its row when that row predates the window (it reads 10 from
    the window's start on, as the full replay's would); a later row is stale (its
    events were deleted) and goes. Six queries plus the timestamps read.
    """
    decay_hours = float(settings.SORENESS_DECAY_HOURS)
    start = metrics.recovery_window_start(
        heapq.merge(
            _in_chunks(
                WorkoutLog.objects.for_user(user)
                .order_by("-performed_at", "-id")
                .values_list("performed_at", flat=True)
            ),
            _in_chunks(
                SorenessLog.objects.filter(user=user)
                .order_by("-logged_at", "-id")
                .values_list("logged_at", flat=True)
            ),
            reverse=True,
        ),
        decay_hours=decay_hours,
    )
    if start is None:
        MuscleRecoveryState.objects.filter(user=user).delete()
        return
    hard = list(
        SetLog.objects.for_user(user)
        .hard()
        .filter(workout_log__performed_at__gte=start)
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
        user=user, logged_at__gte=start
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
    stale = [s.pk for s in existing.values() if s.last_updated_at >= start]
    if stale:
        MuscleRecoveryState.objects.filter(pk__in=stale).delete()
    if to_update:
        MuscleRecoveryState.objects.bulk_update(to_update, ["level", "last_updated_at"])
    MuscleRecoveryState.objects.bulk_create(to_create)
