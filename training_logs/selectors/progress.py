"""Reads for the progress views: e1RM trend, muscle recovery now, adherence and
weekly hard sets per muscle against the RP landmarks.

Time is injected (``now``, ``today``) so tests control the clock; local dates come
from ``training_logs.clock``. Loads are kg here; the pages and the API convert.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Q

from movements.models import MovementMuscle, Muscle, MuscleRole
from programs.models import Session, SessionType
from training_logs import adherence, clock, landmarks, metrics
from training_logs.models import (
    ActivityInstance,
    MuscleRecoveryState,
    SetLog,
    TopSet,
    WorkoutLog,
)


# ---------------------------------------------------------------------------
# e1RM trend
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TrendPoint:
    """The top set of one workout: its e1RM (kg) and what produced it."""

    workout_log_id: int
    performed_at: datetime
    e1rm_kg: Decimal
    load_kg: Decimal | None
    reps: int | None
    rpe: Decimal | None
    low_confidence: bool


def e1rm_trend(
    *,
    user,
    movement_id: int,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[TrendPoint]:
    """The athlete's e1RM of ``movement_id`` over time: one point per workout (its
    top set), oldest first. Low-confidence points are kept and flagged."""
    queryset = TopSet.objects.filter(
        user=user, movement_id=movement_id, e1rm_kg__isnull=False
    )
    if date_from is not None:
        queryset = queryset.filter(performed_at__gte=clock.start_of(date_from))
    if date_to is not None:
        queryset = queryset.filter(
            performed_at__lt=clock.start_of(date_to + timedelta(days=1))
        )
    return [
        TrendPoint(
            workout_log_id=row.workout_log_id,
            performed_at=row.performed_at,
            e1rm_kg=row.e1rm_kg,
            load_kg=row.load_kg,
            reps=row.reps,
            rpe=row.rpe,
            low_confidence=row.e1rm_low_confidence,
        )
        for row in queryset.order_by("performed_at", "id")
    ]


# ---------------------------------------------------------------------------
# Muscle recovery now
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MuscleRecovery:
    """A muscle's recovery at ``now`` (0–10, 10 = fully recovered), the hours until
    it is back to 10, and when it last changed (``None``: never trained or sore)."""

    muscle_slug: str
    muscle_name: str
    region: str
    level: float
    hours_to_full: float
    last_updated_at: datetime | None


def muscle_recovery_now(
    *, user, now: datetime, decay_hours: float | None = None
) -> list[MuscleRecovery]:
    """Every library muscle's recovery for ``user`` at ``now``, by name.

    The stored level climbs one point per ``decay_hours`` (default
    ``SORENESS_DECAY_HOURS``) since its last change, capped at 10; a muscle with no
    state is fully recovered. Two queries.
    """
    decay = float(decay_hours or settings.SORENESS_DECAY_HOURS)
    states = {s.muscle_id: s for s in MuscleRecoveryState.objects.filter(user=user)}
    readings = []
    for muscle in Muscle.objects.order_by("name"):
        state = states.get(muscle.pk)
        if state is None:
            level, changed = metrics.FULL_RECOVERY, None
        else:
            hours = (now - state.last_updated_at).total_seconds() / 3600.0
            level = metrics.recovered_level(float(state.level), hours, decay)
            changed = state.last_updated_at
        readings.append(
            MuscleRecovery(
                muscle_slug=muscle.slug,
                muscle_name=muscle.name,
                region=muscle.region,
                level=round(level, 2),
                hours_to_full=round(metrics.hours_to_full(level, decay), 1),
                last_updated_at=changed,
            )
        )
    return readings


# ---------------------------------------------------------------------------
# Adherence
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AdherenceReport:
    """The pure summary plus the athlete's logs that were not for a planned
    session, per week (Monday) and per day: ``{"workouts": n, "activities": n}``."""

    summary: adherence.AdherenceSummary
    unplanned: dict[date, dict[str, int]]
    unplanned_days: dict[date, dict[str, int]]


def adherence_for_user(*, user, today: date) -> AdherenceReport:
    """Planned vs completed sessions per week and streaks (``training_logs.adherence``).

    Planned sessions are the training (non-rest) sessions of the athlete's active
    programs, plus any session of an older program that was logged; a session is
    completed by a workout log or an activity. Three queries.
    """
    sessions = (
        Session.objects.filter(program__user=user)
        .exclude(session_type=SessionType.RECOVERY)
        .annotate(
            has_workout=Exists(WorkoutLog.objects.filter(session=OuterRef("pk"))),
            has_activity=Exists(
                ActivityInstance.objects.filter(session=OuterRef("pk"))
            ),
        )
        .filter(Q(program__is_active=True) | Q(has_workout=True) | Q(has_activity=True))
        .values_list("pk", "date", "has_workout", "has_activity")
    )
    summary = adherence.summarize(
        [
            adherence.PlannedSession(pk, day, bool(workout or activity))
            for pk, day, workout, activity in sessions
        ],
        today=today,
    )
    weekly: dict[date, dict[str, int]] = defaultdict(
        lambda: {"workouts": 0, "activities": 0}
    )
    daily: dict[date, dict[str, int]] = defaultdict(
        lambda: {"workouts": 0, "activities": 0}
    )
    unplanned = [
        ("workouts", moment)
        for moment in WorkoutLog.objects.for_user(user)
        .filter(session__isnull=True)
        .values_list("performed_at", flat=True)
    ] + [
        ("activities", moment)
        for moment in ActivityInstance.objects.for_user(user)
        .filter(session__isnull=True)
        .values_list("performed_start", flat=True)
    ]
    for kind, moment in unplanned:
        day = clock.local_date(moment)
        weekly[adherence.week_start(day)][kind] += 1
        daily[day][kind] += 1
    return AdherenceReport(
        summary=summary, unplanned=dict(weekly), unplanned_days=dict(daily)
    )


# ---------------------------------------------------------------------------
# Weekly hard sets per muscle vs RP landmarks
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GroupVolume:
    """Hard sets of one landmark group in a week, its landmarks and zone."""

    landmark: landmarks.Landmark
    hard_sets: float
    zone: str


@dataclass(frozen=True, slots=True)
class WeekVolume:
    """One ISO week: hard sets per library muscle (fractional) and per landmark
    group (against RP MEV/MAV/MRV, ``training_logs.landmarks``)."""

    week_start: date
    muscles: dict[str, float]
    groups: tuple[GroupVolume, ...]


def weekly_muscle_volume(*, user, today: date, weeks: int = 8) -> list[WeekVolume]:
    """Hard sets per muscle for the ``weeks`` ISO weeks ending with ``today``'s,
    oldest first. Three queries."""
    last_monday = adherence.week_start(today)
    first_monday = last_monday - timedelta(weeks=weeks - 1)
    rows = (
        SetLog.objects.for_user(user)
        .hard()
        .filter(
            workout_log__performed_at__gte=clock.start_of(first_monday),
            workout_log__performed_at__lt=clock.start_of(
                last_monday + timedelta(days=7)
            ),
        )
        .values("workout_log__performed_at", "movement_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = list(rows)
    roles: dict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for movement_id, slug, role in MovementMuscle.objects.filter(
        movement_id__in={r["movement_id"] for r in rows}
    ).values_list("movement_id", "muscle__slug", "role"):
        roles[movement_id][0 if role == MuscleRole.PRIMARY else 1].append(slug)
    slugs = list(Muscle.objects.order_by("name").values_list("slug", flat=True))

    per_week: dict[date, list[tuple[float, list[str], list[str]]]] = defaultdict(list)
    for row in rows:
        monday = adherence.week_start(
            clock.local_date(row["workout_log__performed_at"])
        )
        primary, secondary = roles.get(row["movement_id"], ([], []))
        per_week[monday].append((float(row["n"]), primary, secondary))

    result = []
    for offset in range(weeks):
        monday = first_monday + timedelta(weeks=offset)
        movement_sets = per_week.get(monday, [])
        muscles = dict.fromkeys(slugs, 0.0)
        for count, primary, secondary in movement_sets:
            metrics.add_credits(
                muscles, metrics.muscle_credits(count, primary, secondary)
            )
        groups = landmarks.group_sets(movement_sets)
        result.append(
            WeekVolume(
                week_start=monday,
                muscles=muscles,
                groups=tuple(
                    GroupVolume(
                        landmark=lm,
                        hard_sets=groups[lm.group],
                        zone=landmarks.zone(groups[lm.group], lm),
                    )
                    for lm in landmarks.LANDMARKS
                ),
            )
        )
    return result


def trend_movements(*, user) -> list[dict]:
    """Movements with an e1RM trend, most recently trained first:
    ``[{"id", "name", "points", "last"}]``. One query."""
    rows = (
        TopSet.objects.filter(user=user, e1rm_kg__isnull=False)
        .values("movement_id", "movement__name")
        .annotate(points=Count("id"), last=Max("performed_at"))
        .order_by("-last", "movement__name")
    )
    return [
        {
            "id": row["movement_id"],
            "name": row["movement__name"],
            "points": row["points"],
            "last": row["last"],
        }
        for row in rows
    ]
