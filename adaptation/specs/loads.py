"""Load targets and deload triggers: logged sets per movement, readiness history,
main-lift exposures, the next planned deload and the week's sets so far."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.utils import timezone

from adaptation.engine import exposure_e1rms, hard_sets_by_row
from adaptation.engine import types as et
from adaptation.models import DailyCheckIn
from adaptation.specs.plans import exercise_plan
from adaptation.specs.readiness import readiness_from_json
from programs.generation import types as gt
from programs.models import Program, Session, SessionExercise
from training_logs.models import (
    SetLog,
)

#: Logged sets older than this do not set today's load targets (e1RM moves; 12
#: weeks is one program, design choice [U]).
LOAD_HISTORY_WINDOW = timedelta(weeks=12)
#: Exposures of a main lift the deload trigger reads (issue 9 §1: "last 3").
LIFT_EXPOSURES = 3
#: Check-ins the deload trigger reads (issue 9 §1: "≥3 of the last 5").
READINESS_HISTORY = 5


# ---------------------------------------------------------------------------
# Load targets and deload triggers
# ---------------------------------------------------------------------------
def logged_sets(*, user, movement_ids, since: datetime) -> list[et.LoggedSet]:
    """The athlete's logged sets (warm-ups included) of ``movement_ids`` performed
    at or after ``since``, oldest first (one query)."""
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
    return logged_sets(
        user=user, movement_ids=movement_ids, since=now - LOAD_HISTORY_WINDOW
    )


def readiness_history(*, user, before: date) -> list[tuple[date, et.Readiness]]:
    """``(date, readiness)`` of the athlete's last :data:`READINESS_HISTORY`
    adapted check-ins up to ``before`` (inclusive), oldest first (one query)."""
    rows = list(
        DailyCheckIn.objects.for_user(user)
        .filter(date__lte=before, readiness_score__isnull=False)
        .order_by("-date", "-created_at", "-id")
        .values_list("date", "readiness")[:READINESS_HISTORY]
    )
    return readiness_series(rows)


def readiness_series(rows) -> list[tuple[date, et.Readiness]]:
    """``(date, readiness)`` oldest first from check-ins newest first: ``(date,
    readiness JSON)`` pairs or ``DailyCheckIn`` rows (no query)."""
    pairs = [r if isinstance(r, tuple) else (r.date, r.readiness) for r in rows]
    return [(day, readiness_from_json(r)) for day, r in reversed(pairs) if r]


def days_until(start: date | None, day: date) -> int | None:
    """Days from ``day`` to ``start`` (a deload's first day), None without one."""
    return (start - day).days if start else None


def history_start(around: date) -> datetime:
    """The oldest logged set the deload trigger reads for the microcycle around
    ``around``: :data:`LOAD_HISTORY_WINDOW` before that day's midnight."""
    return (
        timezone.make_aware(datetime.combine(around, datetime.min.time()))
        - LOAD_HISTORY_WINDOW
    )


def main_lifts(*, program: Program, around: date) -> dict[int, str]:
    """Movement id → name of the program's main lifts: the MAIN exercises of the
    microcycle around ``around`` (one query)."""
    return dict(
        SessionExercise.objects.filter(
            session__program=program,
            role=et.ExerciseRole.MAIN.value,
            session__microcycle__start_date__lte=around,
            session__microcycle__start_date__gt=around
            - timedelta(days=program.microcycle_length_days),
        ).values_list("movement_id", "movement__name")
    )


def lift_histories(
    mains: dict[int, str], logged: list[et.LoggedSet], *, since: datetime, formula: str
) -> list[et.LiftHistory]:
    """The e1RM per exposure of ``mains`` (:func:`main_lifts`), their last
    :data:`LIFT_EXPOSURES`, oldest first, from the sets in ``logged`` performed
    at or after ``since``, with the engine's own rule (``exposure_e1rms``: the
    best working set of each workout, the athlete's ``formula``). No query."""
    by_movement: dict[int, list[et.LoggedSet]] = defaultdict(list)
    for entry in logged:
        if entry.movement_id in mains and entry.performed_at >= since:
            by_movement[entry.movement_id].append(entry)
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


def main_lift_histories(
    *, user, program: Program, around: date, formula: str
) -> list[et.LiftHistory]:
    """The e1RM per exposure of the program's main lifts (:func:`main_lifts`)
    around ``around``: :func:`lift_histories` over the athlete's logged sets since
    :func:`history_start`. Two queries (one when there is no main lift)."""
    mains = main_lifts(program=program, around=around)
    if not mains:
        return []
    since = history_start(around)
    return lift_histories(
        mains,
        logged_sets(user=user, movement_ids=mains, since=since),
        since=since,
        formula=formula,
    )


def days_to_next_deload(*, program: Program, day: date) -> int | None:
    """Days from ``day`` to the start of the next deload microcycle (one query)."""
    start = (
        program.microcycles.filter(is_deload=True, start_date__gt=day)
        .order_by("start_date")
        .values_list("start_date", flat=True)
        .first()
    )
    return days_until(start, day)


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
