"""Adapt a planned session to the day's check-in; accept or reject the proposal.

The pipeline of STYLE C3: read the snapshot (``adaptation.specs``), run the pure
engine (``adaptation.engine.adapt_session``), persist in one transaction. The
planned session is never rewritten; the proposal is a :class:`SessionAdaptation`
beside it. A new proposal supersedes the session's open PROPOSED one; an ACCEPTED
adaptation is only ever replaced when the athlete re-adapts explicitly
(``readapt=True``) and then accepts the new proposal.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from adaptation import engine, selectors, specs
from adaptation.models import AdaptationStatus, SessionAdaptation
from adaptation.services.checkins import CheckInInput, checkin_create, checkin_errors
from coach.exceptions import ApplicationError
from programs.models import Program, Session


def day_session(*, program: Program, day: date) -> Session:
    """The training session of ``program`` on ``day`` (exercises prefetched).

    Raises ``ValidationError({"date": ...})`` when ``day`` is outside the program
    or a rest day (no session, or a RECOVERY one).
    """
    if not program.start_date <= day <= selectors.program_end_date(program):
        raise ValidationError(
            {
                "date": [
                    f"{day.isoformat()} is outside your program "
                    f"({program.start_date.isoformat()} – "
                    f"{selectors.program_end_date(program).isoformat()})."
                ]
            }
        )
    session = selectors.session_for_date(program=program, day=day, muscles=False)
    if session is None or session.is_rest_day:
        raise ValidationError(
            {"date": [f"{day.isoformat()} is a rest day: there is nothing to adapt."]}
        )
    return session


def prescription_json(adaptation: engine.Adaptation, library) -> dict:
    """The adapted session as stored on :class:`SessionAdaptation`."""
    names = {mid: info.name for mid, info in library.movements.items()}
    return {
        "session_type": adaptation.session_type.value,
        "is_recovery": any(
            op.kind == engine.OpKind.CONVERT_TO_RECOVERY for op in adaptation.operations
        ),
        "exercises": [
            {
                "order": e.order,
                "movement_id": e.movement_id,
                "movement_name": names.get(e.movement_id, ""),
                "role": e.role.value,
                "sets": e.sets,
                "reps_min": e.reps_min,
                "reps_max": e.reps_max,
                "duration_seconds": e.duration_seconds,
                "target_rpe": e.target_rpe,
                "target_rir": e.target_rir,
                "rest_seconds": e.rest_seconds,
                "superset_group": e.superset_group,
                "estimated_seconds": e.estimated_seconds,
                "source_exercise_id": e.exercise_id,
            }
            for e in adaptation.exercises
        ],
        "time_breakdown": asdict(adaptation.time_breakdown),
        "planned_minutes": adaptation.planned_minutes,
        "estimated_minutes": adaptation.estimated_minutes,
        "minutes_available": adaptation.minutes_available,
        "fits_time": adaptation.fits_time,
        "notes": list(adaptation.notes),
    }


def operations_json(adaptation: engine.Adaptation, library) -> list[dict]:
    """The operations as stored, one dict per :class:`engine.Operation` with the
    names of its movements (a SWAP reads ``movement_id`` → ``new_movement_id``)."""

    def name(movement_id):
        info = library.movements.get(movement_id) if movement_id else None
        return info.name if info else ""

    return [
        {
            "kind": op.kind.value,
            "reason": op.reason,
            "exercise_id": op.exercise_id,
            "movement_id": op.movement_id,
            "movement_name": name(op.movement_id),
            "new_movement_id": op.new_movement_id,
            "new_movement_name": name(op.new_movement_id),
            "before": op.before,
            "after": op.after,
        }
        for op in adaptation.operations
    ]


def exercise_plans_from_json(prescription: dict) -> tuple[engine.ExercisePlan, ...]:
    """The stored adapted prescription back as the engine's exercises."""
    return tuple(
        engine.ExercisePlan(
            movement_id=e["movement_id"],
            role=engine.types.ExerciseRole(e["role"]),
            order=e["order"],
            sets=e["sets"],
            reps_min=e.get("reps_min"),
            reps_max=e.get("reps_max"),
            duration_seconds=e.get("duration_seconds"),
            target_rpe=e.get("target_rpe"),
            rest_seconds=e.get("rest_seconds") or 0,
            superset_group=e.get("superset_group"),
            exercise_id=e.get("source_exercise_id"),
            estimated_seconds=e.get("estimated_seconds") or 0,
        )
        for e in prescription.get("exercises", [])
    )


@dataclass(slots=True)
class AdaptTimings:
    """Seconds spent in one adaptation: the snapshot reads and the engine."""

    snapshot_seconds: float = 0.0
    engine_seconds: float = 0.0


def session_adapt(
    *,
    user,
    day: date,
    data: CheckInInput,
    readapt: bool = False,
    now: datetime | None = None,
    library=None,
    timings: AdaptTimings | None = None,
) -> SessionAdaptation:
    """Check in for ``day`` and propose an adaptation of its planned session.

    Validates everything first (the check-in's fields, the day: inside the
    active program and not a rest day; an ACCEPTED adaptation already there needs
    ``readapt=True``), then in one transaction writes the check-in (soreness and
    recovery signal through training_logs), supersedes the session's open
    PROPOSED adaptation and writes the new PROPOSED one with the engine's
    operations, the adapted prescription and the readiness score.

    ``library`` (a ``MovementLibrary``) skips the snapshot (the benchmark passes
    one); ``timings`` receives the snapshot and engine times. Raises
    ``NoActiveProgram`` (404), ``ValidationError`` (400, field errors; nothing
    written) or ``ApplicationError`` (400).
    """
    timings = timings if timings is not None else AdaptTimings()
    now = now or timezone.now()
    program = selectors.active_program_for_user(user=user)
    errors = checkin_errors(data)
    try:
        session = day_session(program=program, day=day)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    accepted = selectors.accepted_adaptation(session=session)
    if accepted is not None and not readapt:
        raise ValidationError(
            {
                "readapt": [
                    "You already accepted an adaptation of this session; "
                    "send readapt=true to adapt it again."
                ]
            }
        )

    started = time.perf_counter()
    if library is None:
        library = specs.library_snapshot(
            require=(e.movement_id for e in session.exercises.all())
        )
    plan = specs.session_plan(session)
    checkin_spec = engine.CheckIn(
        soreness=dict(data.soreness),
        minutes_available=data.minutes_available,
        equipment=frozenset(data.equipment) if data.equipment is not None else None,
    )
    recovery = specs.muscle_recovery(user=user, now=now)
    muscles = specs.primary_muscles(plan.exercises, library)
    readiness_in = specs.readiness_inputs(
        user=user,
        now=now,
        muscles=muscles,
        recovery=recovery,
        soreness=data.soreness,
        signal=_signal_of(data),
    )
    athlete = specs.program_athlete(program)
    week_sets = specs.week_sets_excluding(session=session, library=library)
    timings.snapshot_seconds += time.perf_counter() - started

    started = time.perf_counter()
    readiness = engine.readiness(readiness_in)
    try:
        result = engine.adapt_session(
            plan,
            checkin_spec,
            library=library,
            athlete=athlete,
            readiness=readiness,
            recovery=recovery,
            week_sets=week_sets,
        )
    except ValueError as exc:
        raise ApplicationError(f"This session cannot be adapted: {exc}") from exc
    timings.engine_seconds += time.perf_counter() - started

    with transaction.atomic():
        checkin = checkin_create(
            user=user, day=day, data=data, now=now, readiness=readiness
        )
        SessionAdaptation.objects.filter(
            session=session, status=AdaptationStatus.PROPOSED
        ).update(status=AdaptationStatus.SUPERSEDED, decided_at=now)
        adaptation = SessionAdaptation.objects.create(
            session=session,
            checkin=checkin,
            status=AdaptationStatus.PROPOSED,
            readiness_score=readiness.score,
            readiness=checkin.readiness,
            operations=operations_json(result, library),
            prescription=prescription_json(result, library),
            estimated_minutes=result.estimated_minutes,
        )
    adaptation.session = session
    return adaptation


class _Signal:
    """The check-in's readiness inputs, read as a recovery signal before it is
    written (so readiness and the stored signal agree)."""

    def __init__(self, data: CheckInInput) -> None:
        self.sleep_hours = data.sleep_hours
        self.sleep_quality = data.sleep_quality
        self.stress = data.stress
        self.energy = data.energy
        self.nutrition = data.nutrition


def _signal_of(data: CheckInInput) -> _Signal | None:
    return _Signal(data) if data.has_signal else None


@transaction.atomic
def adaptation_accept(
    *, adaptation: SessionAdaptation, now: datetime | None = None
) -> SessionAdaptation:
    """Accept a PROPOSED adaptation: it becomes what the day shows and what
    logging pre-fills. A previously ACCEPTED adaptation of the session (the athlete
    re-adapted) becomes SUPERSEDED. Raises ``ApplicationError`` when the
    adaptation is not PROPOSED."""
    if adaptation.status != AdaptationStatus.PROPOSED:
        raise ApplicationError(
            f"Only a proposed adaptation can be accepted; this one is "
            f"{adaptation.get_status_display().lower()}.",
            {"status": adaptation.status},
        )
    now = now or timezone.now()
    SessionAdaptation.objects.filter(
        session_id=adaptation.session_id, status=AdaptationStatus.ACCEPTED
    ).update(status=AdaptationStatus.SUPERSEDED, decided_at=now)
    adaptation.status = AdaptationStatus.ACCEPTED
    adaptation.decided_at = now
    adaptation.save(update_fields=["status", "decided_at", "updated_at"])
    return adaptation


@transaction.atomic
def adaptation_reject(
    *, adaptation: SessionAdaptation, now: datetime | None = None
) -> SessionAdaptation:
    """Keep the original: a PROPOSED adaptation becomes REJECTED (the plan stays
    as planned, or as the adaptation accepted before). Raises
    ``ApplicationError`` when it is not PROPOSED."""
    if adaptation.status != AdaptationStatus.PROPOSED:
        raise ApplicationError(
            f"Only a proposed adaptation can be rejected; this one is "
            f"{adaptation.get_status_display().lower()}.",
            {"status": adaptation.status},
        )
    adaptation.status = AdaptationStatus.REJECTED
    adaptation.decided_at = now or timezone.now()
    adaptation.save(update_fields=["status", "decided_at", "updated_at"])
    return adaptation
