"""Today's plan: the session planned for a day, as the athlete should do it.

Reads only (it writes nothing), but it runs three engine calls — readiness, load
targets and the deload trigger — over snapshots, so it lives beside the services
that write the same shapes. The accepted adaptation, when there is one, replaces
the planned prescription; the planned session itself is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

from adaptation import engine, selectors, specs
from adaptation.models import AdaptationStatus, DailyCheckIn, SessionAdaptation
from adaptation.services.adaptations import exercise_plans_from_json
from coach.models import AthleteSettings
from programs.models import Program, Session
from training_logs.services import WARMUP_ROLES, LogPrefill, SetInput


@dataclass(frozen=True, slots=True)
class PlanExercise:
    """One exercise of the day's plan with its load target per working set.

    ``exercise_id`` is the planned ``SessionExercise`` it comes from (None for an
    exercise an adaptation added). ``load_note`` is the first-session ramp or
    "bodyweight" text when there is no number.
    """

    order: int
    exercise_id: int | None
    movement_id: int
    movement_name: str
    role: str
    sets: int
    reps_min: int | None
    reps_max: int | None
    duration_seconds: int | None
    target_rpe: float | None
    target_rir: int | None
    rest_seconds: int
    estimated_seconds: int
    load_targets: tuple[engine.LoadTarget, ...] = ()
    load_note: str = ""


@dataclass(frozen=True, slots=True)
class DayPlan:
    """What ``date`` holds for the athlete (see ``GET /days/{date}/plan``).

    ``rest_day`` is True for no session or a RECOVERY one; ``next_session`` is
    then the next training session. ``adaptation`` is the accepted one applied
    (None: the plan as written); ``proposal`` an open PROPOSED one awaiting an
    answer; ``changes`` the accepted adaptation's operations. Minutes in
    ``time_breakdown`` and ``estimated_minutes``; ``unit`` is the athlete's
    ("KG"/"LB").
    """

    date: date
    program: Program
    session: Session | None
    rest_day: bool
    next_session: Session | None
    adaptation: SessionAdaptation | None
    proposal: SessionAdaptation | None
    checkin: DailyCheckIn | None
    exercises: tuple[PlanExercise, ...]
    time_breakdown: dict
    estimated_minutes: int
    readiness: engine.Readiness
    deload_suggestion: engine.DeloadSuggestion | None
    unit: str
    changes: list[dict] = field(default_factory=list)


def _check_in_program(program: Program, day: date) -> None:
    end = selectors.program_end_date(program)
    if not program.start_date <= day <= end:
        raise ValidationError(
            {
                "date": [
                    f"{day.isoformat()} is outside your program "
                    f"({program.start_date.isoformat()} – {end.isoformat()})."
                ]
            }
        )


def day_plan(*, user, day: date, now: datetime | None = None) -> DayPlan:
    """The plan for ``day`` in the athlete's active program.

    Raises ``NoActiveProgram`` (a 404 that says so) without an active program and
    ``ValidationError({"date": ...})`` for a day outside it. Query count is flat
    in the program's size (pinned in the tests): the program's read brings the
    athlete's settings and the next deload's date, and one read of the check-ins
    brings the day's and the readiness history (each round trip to the database
    waits for a scheduler slot on a busy host: issue 13's PostgreSQL p95).
    """
    now = now or timezone.now()
    program = selectors.active_program_for_user(user=user, deload_after=day)
    _check_in_program(program, day)
    settings = _settings(program, user)
    session = selectors.session_for_date(program=program, day=day)
    rest = session is None or session.is_rest_day
    adaptation = proposal = None
    checkin, adapted = selectors.checkins_up_to(
        user=user, day=day, adapted=specs.READINESS_HISTORY
    )
    exercises: tuple[PlanExercise, ...] = ()
    breakdown: dict = {}
    minutes = 0
    changes: list[dict] = []
    # One read of the logged sets serves the load targets and the deload
    # trigger's main-lift history (LOAD_HISTORY_WINDOW back from now and from the
    # day's midnight, the longer of the two).
    mains = specs.main_lifts(program=program, around=day)
    lifts_since = specs.history_start(day)
    targets_since = now - specs.LOAD_HISTORY_WINDOW
    logged: list[engine.LoggedSet] = []
    if not rest:
        for row in SessionAdaptation.objects.filter(
            session=session,
            status__in=[AdaptationStatus.ACCEPTED, AdaptationStatus.PROPOSED],
        ).order_by("-created_at", "-id"):
            if row.status == AdaptationStatus.ACCEPTED and adaptation is None:
                adaptation = row
            elif row.status == AdaptationStatus.PROPOSED and proposal is None:
                proposal = row
        if adaptation is not None:
            plans = exercise_plans_from_json(adaptation.prescription)
            library = specs.movements_library(p.movement_id for p in plans)
            breakdown = dict(adaptation.prescription.get("time_breakdown") or {})
            minutes = adaptation.estimated_minutes
            changes = list(adaptation.operations)
        else:
            plans = specs.session_plan(session).exercises
            library = specs.session_library(session)
            breakdown = dict(session.time_breakdown or {})
            minutes = session.estimated_minutes
        logged = specs.logged_sets(
            user=user,
            movement_ids={p.movement_id for p in plans} | set(mains),
            since=min(targets_since, lifts_since),
        )
        exercises = _with_targets(
            plans,
            library,
            user=user,
            now=now,
            settings=settings,
            history=[e for e in logged if e.performed_at >= targets_since],
        )
    elif mains:
        logged = specs.logged_sets(user=user, movement_ids=mains, since=lifts_since)
    readiness = _readiness(
        user=user, now=now, checkin=checkin, exercises=exercises, session=session
    )
    suggestion = engine.deload_trigger(
        readiness_history=specs.readiness_series(adapted),
        main_lifts=specs.lift_histories(
            mains, logged, since=lifts_since, formula=settings.e1rm_formula
        ),
        program_start=program.start_date,
        today=day,
        in_deload=bool(session and session.microcycle.is_deload),
        days_to_next_deload=specs.days_until(program.next_deload_start, day),
    )
    return DayPlan(
        date=day,
        program=program,
        session=session,
        rest_day=rest,
        next_session=(
            selectors.next_training_session(program=program, after=day)
            if rest
            else None
        ),
        adaptation=adaptation,
        proposal=proposal,
        checkin=checkin,
        exercises=exercises,
        time_breakdown=breakdown,
        estimated_minutes=minutes,
        readiness=readiness,
        deload_suggestion=suggestion,
        unit=settings.units,
        changes=changes,
    )


def _settings(program: Program, user) -> AthleteSettings:
    """The athlete's settings as the program's read joined them, else created
    with the defaults (first use: :meth:`AthleteSettings.for_user`)."""
    try:
        return program.user.athlete_settings
    except AthleteSettings.DoesNotExist:
        return AthleteSettings.for_user(user)


def _with_targets(
    plans,
    library,
    *,
    user,
    now: datetime,
    settings: AthleteSettings,
    history: list[engine.LoggedSet] | None = None,
) -> tuple[PlanExercise, ...]:
    """The exercises with the engine's load targets. ``history`` is the athlete's
    logged sets of the plans' movements in the load-history window (one query
    reads it when not given)."""
    if history is None:
        history = specs.load_history(
            user=user, movement_ids=[p.movement_id for p in plans], now=now
        )
    targets = engine.load_targets(
        plans,
        history,
        library=library,
        formula=settings.e1rm_formula,
        unit=settings.units,
    )
    by_order: dict[int, list[engine.LoadTarget]] = {}
    for target in targets:
        by_order.setdefault(target.exercise_order, []).append(target)
    out = []
    for p in plans:
        mine = tuple(by_order.get(p.order, ()))
        info = library.movements.get(p.movement_id)
        note = ""
        if mine and all(t.load is None for t in mine):
            note = mine[0].text
        out.append(
            PlanExercise(
                order=p.order,
                exercise_id=p.exercise_id,
                movement_id=p.movement_id,
                movement_name=info.name if info else "",
                role=p.role.value,
                sets=p.sets,
                reps_min=p.reps_min,
                reps_max=p.reps_max,
                duration_seconds=p.duration_seconds,
                target_rpe=p.target_rpe,
                target_rir=p.target_rir,
                rest_seconds=p.rest_seconds,
                estimated_seconds=p.estimated_seconds,
                load_targets=mine,
                load_note=note,
            )
        )
    return tuple(out)


def _readiness(
    *,
    user,
    now: datetime,
    checkin: DailyCheckIn | None,
    exercises: tuple[PlanExercise, ...],
    session: Session | None,
) -> engine.Readiness:
    """The day's check-in readiness when it has one, else computed now."""
    if checkin is not None and checkin.readiness:
        return specs.readiness_from_json(checkin.readiness)
    muscles: set[str] = set()
    if session is not None and exercises:
        library = {
            e.movement_id: specs.movement_info(e.movement)
            for e in session.exercises.all()
        }
        muscles = {
            m
            for ex in exercises
            if ex.movement_id in library
            for m in library[ex.movement_id].primary_muscles
        }
    recovery = specs.muscle_recovery(user=user, now=now)
    return engine.readiness(
        specs.readiness_inputs(user=user, now=now, muscles=muscles, recovery=recovery)
    )


def adapted_log_prefill(*, adaptation: SessionAdaptation, user) -> LogPrefill:
    """The accepted adaptation as the log page reads it: its sets
    (:func:`adapted_log_sets`), a note per swapped planned exercise ("Today: Leg
    Press instead of Back Squat.") and the planned exercises it left out, each
    with the reason the athlete accepted."""
    sets = adapted_log_sets(adaptation=adaptation, user=user)
    kept = {s.session_exercise_id for s in sets}
    notes: dict[int, str] = {}
    swaps: dict[int, tuple[str, str]] = {}  # exercise → (planned, now)
    for op in adaptation.operations:
        exercise_id = op.get("exercise_id")
        if op["kind"] == engine.OpKind.SWAP and exercise_id is not None:
            planned = swaps.get(exercise_id, (op["movement_name"], ""))[0]
            swaps[exercise_id] = (planned, op["new_movement_name"])
            notes[exercise_id] = f"Today: {swaps[exercise_id][1]} instead of {planned}."
        elif op["kind"] == engine.OpKind.DROP and exercise_id is not None:
            notes[exercise_id] = f"Dropped today: {op['reason']}"
    dropped = frozenset(
        e.pk for e in adaptation.session.exercises.all() if e.pk not in kept
    )
    for exercise_id in dropped:
        notes.setdefault(exercise_id, "Dropped today: not in the adapted session.")
    for exercise_id in [k for k in notes if k not in kept and k not in dropped]:
        del notes[exercise_id]
    return LogPrefill(sets=tuple(sets), notes=notes, dropped=dropped)


def adapted_log_sets(
    *, adaptation: SessionAdaptation, user, now: datetime | None = None
) -> list[SetInput]:
    """The accepted adaptation as the log page's rows: one
    ``training_logs.services.SetInput`` per prescribed set, with the set's target
    load (kg) when the engine has a number.

    A set keeps the planned exercise it fulfils (``session_exercise_id``), also
    when the adaptation swapped its movement (the set is the movement done, in the
    planned exercise's place); exercises the adaptation added have none. Warm-up
    and cool-down exercises are warm-up sets, as in
    ``training_logs.services.prescribed_sets``.
    """
    now = now or timezone.now()
    settings = AthleteSettings.for_user(user)
    plans = exercise_plans_from_json(adaptation.prescription)
    library = specs.movements_library(p.movement_id for p in plans)
    exercises = _with_targets(plans, library, user=user, now=now, settings=settings)
    planned_movements = {
        e.pk: e.movement_id for e in adaptation.session.exercises.all()
    }
    out = []
    for e in exercises:
        loads = {t.set_number: t.load_kg for t in e.load_targets}
        reps = e.reps_max or e.reps_min
        slot = e.exercise_id if e.exercise_id in planned_movements else None
        for number in range(1, e.sets + 1):
            load = loads.get(number)
            out.append(
                SetInput(
                    movement_id=e.movement_id,
                    reps=reps,
                    duration_seconds=None if reps else e.duration_seconds,
                    load_kg=Decimal(str(round(load, 3))) if load is not None else None,
                    rpe=(
                        Decimal(str(e.target_rpe)) if e.target_rpe is not None else None
                    ),
                    is_warmup=e.role in WARMUP_ROLES,
                    session_exercise_id=slot,
                )
            )
    return out
