"""Check-in and readiness inputs: the engine's check-in, muscle recovery, the
newest recovery signal, recent effort, and readiness to and from JSON."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import TruncDate

from adaptation.engine import types as et
from adaptation.models import DailyCheckIn
from programs.models import Session, SessionType
from training_logs import metrics
from training_logs.models import (
    ActivityInstance,
    MuscleRecoveryState,
    RecoverySignal,
    SetLog,
    WorkoutLog,
)

#: A recovery signal older than this says nothing about today (design choice [U]:
#: one night's sleep and the day after it).
SIGNAL_MAX_AGE = timedelta(hours=36)
#: Window for the RPE overshoot (the engine's contract suggests 7 days).
EFFORT_WINDOW = timedelta(days=7)
#: Window for missed sessions (the engine's contract suggests 14 days).
ADHERENCE_WINDOW = timedelta(days=14)


# ---------------------------------------------------------------------------
# Check-in and readiness
# ---------------------------------------------------------------------------
def engine_checkin(checkin: DailyCheckIn) -> et.CheckIn:
    return et.CheckIn(
        soreness={k: int(v) for k, v in (checkin.soreness or {}).items()},
        minutes_available=checkin.minutes_available,
        equipment=(
            frozenset(checkin.equipment) if checkin.equipment is not None else None
        ),
    )


def muscle_recovery(*, user, now: datetime) -> dict[str, float]:
    """Muscle slug → recovery 0–10 now, for the muscles with a stored state (one
    query); the rule of ``training_logs.selectors.muscle_recovery_now``."""
    decay = float(settings.SORENESS_DECAY_HOURS)
    out: dict[str, float] = {}
    for slug, level, changed in MuscleRecoveryState.objects.filter(
        user=user
    ).values_list("muscle__slug", "level", "last_updated_at"):
        hours = (now - changed).total_seconds() / 3600.0
        out[slug] = round(metrics.recovered_level(float(level), hours, decay), 2)
    return out


def latest_signal(*, user, now: datetime) -> RecoverySignal | None:
    """The newest recovery signal of the last :data:`SIGNAL_MAX_AGE` (one query)."""
    return (
        RecoverySignal.objects.filter(
            user=user, logged_at__gte=now - SIGNAL_MAX_AGE, logged_at__lte=now
        )
        .order_by("-logged_at", "-id")
        .first()
    )


def recent_effort(*, user, now: datetime) -> tuple[float | None, int, int]:
    """``(rpe_overshoot, sessions_planned, sessions_missed)`` (two queries).

    Overshoot: mean logged RPE − planned target RPE over the hard working sets of
    the last :data:`EFFORT_WINDOW` that name their prescription. Planned: lifting
    sessions dated in the :data:`ADHERENCE_WINDOW` before today in the athlete's
    active programs, counted only from the (local) day of the athlete's first
    logged workout (before it, nothing is known: an athlete who never logged has
    planned 0, missed 0; design choice [U]); missed: those with neither a
    workout nor an activity logged. The first workout's day is a subquery of the
    count, not a query of its own.
    """
    pairs = SetLog.objects.filter(
        workout_log__user=user,
        workout_log__performed_at__gte=now - EFFORT_WINDOW,
        is_warmup=False,
        rpe__isnull=False,
        session_exercise__target_rpe__isnull=False,
    ).values_list("rpe", "session_exercise__target_rpe")
    diffs = [float(rpe) - float(target) for rpe, target in pairs]
    overshoot = round(sum(diffs) / len(diffs), 2) if diffs else None
    today = now.date()
    first_day = (
        WorkoutLog.objects.for_user(user)
        .order_by("performed_at")
        .annotate(day=TruncDate("performed_at"))
        .values("day")[:1]
    )
    logged = list(
        Session.objects.filter(
            program__user=user,
            program__is_active=True,
            date__gte=today - ADHERENCE_WINDOW,
            date__lt=today,
        )
        # No logged workout: the subquery is NULL and nothing is counted.
        .filter(date__gte=Subquery(first_day))
        .exclude(session_type__in=[SessionType.RECOVERY, SessionType.MOBILITY])
        .annotate(
            logged=Exists(WorkoutLog.objects.filter(session=OuterRef("pk")))
            | Exists(ActivityInstance.objects.filter(session=OuterRef("pk")))
        )
        .values_list("logged", flat=True)
    )
    return overshoot, len(logged), logged.count(False)


def readiness_inputs(
    *,
    user,
    now: datetime,
    muscles: set[str],
    recovery: dict[str, float],
    soreness: dict[str, int] | None = None,
    signal: RecoverySignal | None = None,
) -> et.ReadinessInputs:
    """The readiness inputs for a session training ``muscles`` (two queries, plus
    one when ``signal`` is not given). ``recovery`` is :func:`muscle_recovery`;
    ``soreness`` a check-in's that is not yet logged (applied as 10 − soreness,
    the ``POST /logs/soreness/`` rule)."""
    if signal is None:
        signal = latest_signal(user=user, now=now)
    levels = dict(recovery)
    for slug, level in (soreness or {}).items():
        levels[slug] = min(levels.get(slug, 10.0), 10.0 - level)
    overshoot, planned, missed = recent_effort(user=user, now=now)
    return et.ReadinessInputs(
        sleep_hours=float(signal.sleep_hours)
        if signal and signal.sleep_hours is not None
        else None,
        sleep_quality=signal.sleep_quality if signal else None,
        stress=signal.stress if signal else None,
        energy=signal.energy if signal else None,
        nutrition=signal.nutrition if signal else None,
        muscle_recovery={m: levels[m] for m in muscles if m in levels},
        rpe_overshoot=overshoot,
        sessions_planned=planned or None,
        sessions_missed=missed if planned else None,
    )


def readiness_json(readiness: et.Readiness) -> dict:
    return {
        "score": readiness.score,
        "band": readiness.band.value,
        "components": {k: round(v, 3) for k, v in readiness.components.items()},
        "weights": {k: round(v, 3) for k, v in readiness.weights.items()},
        "missing": list(readiness.missing),
        "treatment": readiness.treatment,
        "defaulted": readiness.defaulted,
    }


def readiness_from_json(data: dict) -> et.Readiness:
    return et.Readiness(
        score=int(data["score"]),
        band=et.ReadinessBand(data["band"]),
        components=dict(data.get("components") or {}),
        weights=dict(data.get("weights") or {}),
        missing=tuple(data.get("missing") or ()),
        treatment=data.get("treatment") or "",
        defaulted=bool(data.get("defaulted")),
    )
