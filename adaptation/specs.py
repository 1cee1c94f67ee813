"""ORM → adaptation-engine dataclasses (the snapshot half of STYLE C3).

Every function here reads rows and returns the engine's frozen types
(``adaptation.engine.types``); none writes. Query counts are stated per function
so the plan endpoint's count stays flat (it is pinned in the tests).

What the readiness score reads, and from where (issue 9 §1, one store each):

* sleep, stress, energy, nutrition — the athlete's newest
  ``training_logs.RecoverySignal`` of the last :data:`SIGNAL_MAX_AGE` (a check-in
  writes one; so does ``POST /logs/recovery-signal/``);
* muscle recovery — ``training_logs.MuscleRecoveryState`` rolled forward to now
  with ``training_logs.metrics.recovered_level`` (the same rule as
  ``GET /logs/muscle-recovery/``), for the session's primary muscles;
* recent effort — logged RPE against the planned target RPE over the last
  :data:`EFFORT_WINDOW`, and the planned lifting sessions of the last
  :data:`ADHERENCE_WINDOW` that were not logged.
"""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef
from django.utils import timezone

from adaptation.engine import exposure_e1rms, hard_sets_by_row
from adaptation.engine import types as et
from adaptation.models import DailyCheckIn
from movements.models import (
    Movement,
    MovementMuscle,
    MovementRelationship,
    MuscleRole,
)
from programs.generation import types as gt
from programs.models import Program, Session, SessionExercise, SessionType
from programs.specs import (
    athlete_profile_from_values,
    movement_library_snapshot,
)
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
#: Logged sets older than this do not set today's load targets (e1RM moves; 12
#: weeks is one program, design choice [U]).
LOAD_HISTORY_WINDOW = timedelta(weeks=12)
#: Exposures of a main lift the deload trigger reads (issue 9 §1: "last 3").
LIFT_EXPOSURES = 3
#: Check-ins the deload trigger reads (issue 9 §1: "≥3 of the last 5").
READINESS_HISTORY = 5


# ---------------------------------------------------------------------------
# The program's athlete and the planned session
# ---------------------------------------------------------------------------
def program_athlete(program: Program) -> gt.AthleteProfile:
    """The program's snapshot of the athlete (equipment, rules, level). No query."""
    return athlete_profile_from_values(
        experience_level=program.experience_level,
        persona_tone=program.persona_tone,
        persona_aggression=program.persona_aggression,
        equipment=program.equipment,
        movement_rules=program.movement_rules,
        enjoyable_activities=program.enjoyable_activities,
        preferred_weekdays=program.preferred_weekdays,
        discipline_priorities=program.discipline_priorities,
        discipline_experience=program.discipline_experience,
        dedicated_mobility_days=program.dedicated_mobility_days,
        dedicated_cardio_days=program.dedicated_cardio_days,
        cardio_as_finisher=program.cardio_as_finisher,
    )


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


_library_cache: dict[str, tuple[tuple, float, gt.MovementLibrary]] = {}


def _library_fingerprint() -> tuple:
    """Cheap proof the library has not gained or lost rows (three count queries)."""
    movements = Movement.objects.aggregate(n=Count("id"), top=Max("id"))
    return (
        movements["n"],
        movements["top"],
        MovementMuscle.objects.count(),
        MovementRelationship.objects.count(),
    )


def library_snapshot() -> gt.MovementLibrary:
    """The whole movement library (``programs.specs.movement_library_snapshot``,
    three queries and the largest cost of an adaptation), kept per process for
    ``settings.ADAPTATION_LIBRARY_CACHE_SECONDS`` and re-read at once when the
    library gains or loses a movement, muscle link or relationship (three count
    queries). Staff edits to an existing movement show within the TTL.
    """
    ttl = float(getattr(settings, "ADAPTATION_LIBRARY_CACHE_SECONDS", 0))
    if ttl <= 0:
        return movement_library_snapshot()
    fingerprint = _library_fingerprint()
    cached = _library_cache.get("library")
    if (
        cached is not None
        and cached[0] == fingerprint
        and time.monotonic() - cached[1] < ttl
    ):
        return cached[2]
    library = movement_library_snapshot()
    _library_cache["library"] = (fingerprint, time.monotonic(), library)
    return library


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
    active programs, counted only from the athlete's first logged workout (before
    it, nothing is known); missed: those with neither a workout nor an activity
    logged. Three queries (two when nothing was ever logged).
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
    first_log = (
        WorkoutLog.objects.for_user(user)
        .order_by("performed_at")
        .values_list("performed_at", flat=True)
        .first()
    )
    if first_log is None:
        # An athlete who has never logged with Alloy tells us nothing about missed
        # sessions: unknown, not "missed them all" (design choice [U]).
        return overshoot, 0, 0
    since = max(today - ADHERENCE_WINDOW, timezone.localtime(first_log).date())
    counts = (
        Session.objects.filter(
            program__user=user,
            program__is_active=True,
            date__gte=since,
            date__lt=today,
        )
        .exclude(session_type__in=[SessionType.RECOVERY, SessionType.MOBILITY])
        .annotate(
            logged=Exists(WorkoutLog.objects.filter(session=OuterRef("pk")))
            | Exists(ActivityInstance.objects.filter(session=OuterRef("pk")))
        )
        .values_list("logged", flat=True)
    )
    logged = list(counts)
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


# ---------------------------------------------------------------------------
# Load targets and deload triggers
# ---------------------------------------------------------------------------
def _logged_sets(*, user, movement_ids, since: datetime) -> list[et.LoggedSet]:
    rows = (
        SetLog.objects.filter(
            workout_log__user=user,
            movement_id__in=set(movement_ids),
            workout_log__performed_at__gte=since,
        )
        .order_by("workout_log__performed_at", "order")
        .values_list(
            "movement_id",
            "workout_log__performed_at",
            "load_kg",
            "reps",
            "rpe",
            "rir",
            "is_warmup",
        )
    )
    return [
        et.LoggedSet(
            movement_id=movement_id,
            performed_at=performed_at,
            load_kg=float(load) if load is not None else None,
            reps=reps,
            rpe=float(rpe) if rpe is not None else None,
            rir=rir,
            is_warmup=warmup,
        )
        for movement_id, performed_at, load, reps, rpe, rir, warmup in rows
    ]


def load_history(*, user, movement_ids, now: datetime) -> list[et.LoggedSet]:
    """The athlete's logged sets of ``movement_ids`` in the last
    :data:`LOAD_HISTORY_WINDOW`, oldest first (one query)."""
    return _logged_sets(
        user=user, movement_ids=movement_ids, since=now - LOAD_HISTORY_WINDOW
    )


def readiness_history(*, user, before: date) -> list[tuple[date, et.Readiness]]:
    """``(date, readiness)`` of the athlete's last :data:`READINESS_HISTORY`
    adapted check-ins up to ``before`` (inclusive), oldest first (one query)."""
    rows = list(
        DailyCheckIn.objects.for_user(user)
        .filter(date__lte=before, readiness_score__isnull=False)
        .order_by("-date", "-created_at")
        .values_list("date", "readiness")[:READINESS_HISTORY]
    )
    return [(day, readiness_from_json(r)) for day, r in reversed(rows) if r]


def main_lift_histories(
    *, user, program: Program, around: date, formula: str
) -> list[et.LiftHistory]:
    """The e1RM per exposure of the program's main lifts (MAIN exercises of the
    microcycle around ``around``), their last :data:`LIFT_EXPOSURES`, oldest first,
    from the logged sets with the engine's own rule (``exposure_e1rms``: the best
    working set of each workout, the athlete's ``formula``). Two queries."""
    mains = dict(
        SessionExercise.objects.filter(
            session__program=program,
            role=et.ExerciseRole.MAIN.value,
            session__microcycle__start_date__lte=around,
            session__microcycle__start_date__gt=around
            - timedelta(days=program.microcycle_length_days),
        ).values_list("movement_id", "movement__name")
    )
    if not mains:
        return []
    by_movement: dict[int, list[et.LoggedSet]] = defaultdict(list)
    for logged in _logged_sets(
        user=user,
        movement_ids=mains,
        since=timezone.make_aware(datetime.combine(around, datetime.min.time()))
        - LOAD_HISTORY_WINDOW,
    ):
        by_movement[logged.movement_id].append(logged)
    histories = []
    for movement_id, sets in sorted(by_movement.items()):
        values = exposure_e1rms(sets, formula)[-LIFT_EXPOSURES:]
        if values:
            histories.append(
                et.LiftHistory(
                    movement_id=movement_id, name=mains[movement_id], e1rm_kg=values
                )
            )
    return histories


def days_to_next_deload(*, program: Program, day: date) -> int | None:
    """Days from ``day`` to the start of the next deload microcycle (one query)."""
    start = (
        program.microcycles.filter(is_deload=True, start_date__gt=day)
        .order_by("start_date")
        .values_list("start_date", flat=True)
        .first()
    )
    return (start - day).days if start else None


def week_sets_excluding(
    *, session: Session, library: gt.MovementLibrary
) -> dict[str, float]:
    """Hard sets per volume row planned in the session's microcycle without
    ``session`` (one query): the engine's own count (``hard_sets_by_row``, the one
    the MRV caps are checked with) summed over the other sessions."""
    by_session: dict[int, tuple[str, list[et.ExercisePlan]]] = {}
    for exercise in (
        SessionExercise.objects.filter(session__microcycle_id=session.microcycle_id)
        .exclude(session_id=session.pk)
        .select_related("session")
        .only(
            *(f.name for f in SessionExercise._meta.concrete_fields),
            "session__session_type",
        )
        .order_by("session_id", "order")
    ):
        if exercise.movement_id not in library.movements:
            continue
        kind, plans = by_session.setdefault(
            exercise.session_id, (exercise.session.session_type, [])
        )
        plans.append(exercise_plan(exercise))
    totals: dict[str, float] = {}
    for kind, plans in by_session.values():
        plan = et.SessionPlan(
            session_type=et.SessionType(kind),
            exercises=tuple(plans),
            budget_minutes=session.program.max_session_minutes,
        )
        for row, value in hard_sets_by_row(plan, library).items():
            totals[row] = totals.get(row, 0.0) + value
    return totals
