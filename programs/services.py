"""Writes for programs: create (on the request path) and generate (in the worker).

Creation validates with the engine's one validator, then writes the program, its
microcycles and every session skeleton in ONE short transaction with ``bulk_create``
and enqueues generation on commit — nothing slow runs on the request path (seeds 001:
the 60-second hang came from one long transaction around generation).

Generation (the worker) loads the movement library once, runs the pure engine, and
writes each session in its own short transaction, so progress is visible while it
runs, one failed session never stops the rest, and running it twice writes nothing
twice.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from movements.models import Equipment, Movement, MovementRuleKind
from programs import selectors
from programs.generation import (
    SpecValidationError,
    iter_generate_sessions,
    plan_program,
)
from programs.generation import types as t
from programs.models import (
    GenerationStatus,
    Microcycle,
    MicrocycleStatus,
    Program,
    Session,
    SessionExercise,
    SessionType,
)

logger = logging.getLogger(__name__)

GENERATE_TASK = "programs.tasks.program_generate_task"


@dataclass(frozen=True, slots=True)
class ProgramInput:
    """What an athlete asks for, already parsed (by the API serializer or the form).

    ``goals`` is ``[(goal, weight)]``; ``movement_rules`` is ``[{"movement_id",
    "rule", "substitute_id"}]``; ``None`` in the optional fields means "use the
    athlete's default" (their experience, persona, all equipment, today).
    """

    goals: list[tuple[str, int]]
    duration_weeks: int
    days_per_week: int
    max_session_minutes: int
    name: str = ""
    split_template: str | None = None
    progression_style: str | None = None
    start_date: date | None = None
    persona_tone: str | None = None
    persona_aggression: str | None = None
    experience_level: str | None = None
    equipment: list[str] | None = None
    movement_rules: list[dict] = field(default_factory=list)
    enjoyable_activities: list[str] = field(default_factory=list)
    preferred_weekdays: list[int] = field(default_factory=list)
    deload_every_n_microcycles: int = 4


def _default_name(goals: list[tuple[str, int]], weeks: int) -> str:
    label = " & ".join(g.replace("_", " ").title() for g, _ in goals[:2])
    return f"{label} · {weeks} weeks"


def _validate_movement_rules(rules: list[dict]) -> list[dict]:
    """Check every rule names a real movement and a SUBSTITUTE a real target.

    Returns the rules normalised to ``{"movement_id", "rule", "substitute_id"}``.
    Raises ``ValidationError({"movement_rules": [...]})`` listing every problem.
    """
    errors: list[str] = []
    ids = {r["movement_id"] for r in rules} | {
        r["substitute_id"] for r in rules if r.get("substitute_id") is not None
    }
    known = set(Movement.objects.filter(pk__in=ids).values_list("pk", flat=True))
    seen: set[int] = set()
    normalised = []
    for rule in rules:
        movement_id, kind = rule["movement_id"], rule["rule"]
        substitute_id = rule.get("substitute_id")
        if movement_id not in known:
            errors.append(f"Movement {movement_id} does not exist.")
        if movement_id in seen:
            errors.append(f"Movement {movement_id} has more than one rule.")
        seen.add(movement_id)
        if kind == MovementRuleKind.SUBSTITUTE:
            if substitute_id is None:
                errors.append(
                    f"A SUBSTITUTE rule for movement {movement_id} needs substitute_with."
                )
            elif substitute_id not in known:
                errors.append(f"Substitute movement {substitute_id} does not exist.")
            elif substitute_id == movement_id:
                errors.append("A movement cannot substitute itself.")
        elif substitute_id is not None:
            errors.append(f"Only a SUBSTITUTE rule takes substitute_with ({kind}).")
            substitute_id = None
        normalised.append(
            {"movement_id": movement_id, "rule": kind, "substitute_id": substitute_id}
        )
    hard_no = {r["movement_id"] for r in normalised if r["rule"] == "HARD_NO"}
    for rule in normalised:
        if rule["substitute_id"] in hard_no:
            errors.append(
                f"Movement {rule['substitute_id']} is a hard no and cannot be a substitute."
            )
    if errors:
        raise ValidationError({"movement_rules": errors})
    return normalised


def program_create(
    *, user, data: ProgramInput, enqueue: bool = True
) -> tuple[Program, list[str]]:
    """Create a program and its skeleton for ``user``; enqueue its generation.

    Validates with the engine (every bound, the $10 budget, goal interference) and
    the movement rules, then writes Program + microcycles + sessions with
    ``bulk_create`` in one transaction. Generation is enqueued on commit
    (``enqueue=False``: the caller generates in-process, as ``create_program --sync``).

    Returns ``(program, warnings)``. Raises ``ValidationError`` with field errors
    (nothing is written).
    """
    rules = _validate_movement_rules(data.movement_rules)
    equipment = (
        sorted(set(data.equipment))
        if data.equipment is not None
        else sorted(Equipment.values)
    )
    start = data.start_date or timezone.localdate()
    experience = data.experience_level or user.experience_level
    tone = data.persona_tone or user.persona_tone
    aggression = data.persona_aggression or user.persona_aggression
    request = selectors.program_request_from_values(
        goals=data.goals,
        duration_weeks=data.duration_weeks,
        days_per_week=data.days_per_week,
        max_session_minutes=data.max_session_minutes,
        start_date=start,
        split_template=data.split_template,
        progression_style=data.progression_style,
        deload_every_n_microcycles=data.deload_every_n_microcycles,
        microcycle_length_days=7,
    )
    athlete = selectors.athlete_profile_from_values(
        experience_level=experience,
        persona_tone=tone,
        persona_aggression=aggression,
        equipment=equipment,
        movement_rules=rules,
        enjoyable_activities=data.enjoyable_activities,
        preferred_weekdays=data.preferred_weekdays,
    )
    seed = random.SystemRandom().randrange(1, 2**31)
    try:
        plan = plan_program(t.ProgramSpec(request=request, athlete=athlete, seed=seed))
    except SpecValidationError as exc:
        raise ValidationError(exc.errors) from exc

    goals = sorted(data.goals, key=lambda gw: -gw[1])
    slots = goals + [("", 0)] * (3 - len(goals))
    with transaction.atomic():
        program = Program(
            user=user,
            name=(data.name or "").strip() or _default_name(goals, data.duration_weeks),
            goal_1=slots[0][0],
            goal_weight_1=slots[0][1],
            goal_2=slots[1][0],
            goal_weight_2=slots[1][1],
            goal_3=slots[2][0],
            goal_weight_3=slots[2][1],
            duration_weeks=data.duration_weeks,
            days_per_week=data.days_per_week,
            max_session_minutes=data.max_session_minutes,
            split_template=plan.split_template.value,
            progression_style=plan.progression_style.value,
            experience_level=experience,
            persona_tone=tone,
            persona_aggression=aggression,
            start_date=start,
            deload_every_n_microcycles=data.deload_every_n_microcycles,
            microcycle_length_days=request.microcycle_length_days,
            equipment=equipment,
            movement_rules=rules,
            enjoyable_activities=list(data.enjoyable_activities),
            preferred_weekdays=list(data.preferred_weekdays),
            warnings=list(plan.warnings),
            allocation=_allocation_json(plan),
            seed=seed,
        )
        # Field and choice validation only: the engine has checked every training
        # rule and the database enforces the same bounds as CHECK constraints, so
        # re-running them here would cost a query and a savepoint pair each.
        program.full_clean(exclude=["user"], validate_constraints=False)
        program.save()
        _write_skeleton(program, plan)
        if enqueue:
            transaction.on_commit(lambda: _enqueue_generation(program.pk))
    return program, list(plan.warnings)


def _allocation_json(plan: t.ProgramPlan) -> dict:
    return {
        "goals": [
            {
                "goal": a.goal.value,
                "weight": a.weight,
                "weekly_minutes": a.weekly_minutes,
                "capped": a.capped,
                "rationale": a.rationale,
            }
            for a in plan.allocation
        ]
    }


def _write_skeleton(program: Program, plan: t.ProgramPlan) -> None:
    """Microcycles and every session row, two ``bulk_create`` calls."""
    microcycles = Microcycle.objects.bulk_create(
        [
            Microcycle(
                program=program,
                sequence_number=mc.sequence_number,
                start_date=mc.start_date,
                length_days=mc.length_days,
                is_deload=mc.is_deload,
                status=(
                    MicrocycleStatus.ACTIVE
                    if mc.sequence_number == 1
                    else MicrocycleStatus.PLANNED
                ),
            )
            for mc in plan.microcycles
        ]
    )
    sessions = []
    for mc_row, mc in zip(microcycles, plan.microcycles, strict=True):
        for planned in mc.sessions:
            rest = planned.session_type == t.SessionType.RECOVERY
            sessions.append(
                Session(
                    program=program,
                    microcycle=mc_row,
                    date=planned.date,
                    day_index=planned.day_index,
                    session_type=planned.session_type.value,
                    focus=planned.focus,
                    intent_tags=list(planned.intent_tags),
                    rationale={
                        "blocks": list(planned.blocks),
                        "reasons": list(planned.reasons),
                        "dominant_goal": (
                            planned.dominant_goal.value
                            if planned.dominant_goal
                            else None
                        ),
                        "notes": [],
                    },
                    generation_status=(
                        GenerationStatus.COMPLETED if rest else GenerationStatus.PENDING
                    ),
                )
            )
    Session.objects.bulk_create(sessions)


def _enqueue_generation(program_id: int) -> None:
    from django_q.tasks import async_task

    async_task(GENERATE_TASK, program_id, task_name=f"generate-program-{program_id}")


# ---------------------------------------------------------------------------
# Generation (worker)
# ---------------------------------------------------------------------------
@dataclass(slots=True)
class GenerationReport:
    """What one generation run did; times in seconds."""

    program_id: int
    written: int = 0
    skipped: int = 0
    failed: int = 0
    exercises: int = 0
    snapshot_seconds: float = 0.0
    engine_seconds: float = 0.0
    persist_seconds: float = 0.0


def program_generate(*, program_id: int) -> GenerationReport:
    """Generate every session of program ``program_id`` that is not yet COMPLETED.

    Idempotent: COMPLETED sessions are left alone, a session's exercises are
    replaced (delete + ``bulk_create``) in one transaction, so re-running never
    duplicates anything. A session the engine cannot fill is marked FAILED with the
    error and the rest go on. Statuses: each session PENDING → IN_PROGRESS →
    COMPLETED | FAILED; microcycles and the program follow (FAILED if any of their
    sessions failed, with an error text).

    Returns a :class:`GenerationReport`. Does nothing if the program is gone.
    """
    report = GenerationReport(program_id=program_id)
    program = Program.objects.filter(pk=program_id).first()
    if program is None:
        return report
    Program.objects.filter(pk=program_id).update(
        generation_status=GenerationStatus.IN_PROGRESS,
        generation_error="",
        generation_started_at=timezone.now(),
        generation_finished_at=None,
    )
    todo = {
        (seq, day): pk
        for pk, seq, day in Session.objects.filter(program_id=program_id)
        .exclude(generation_status=GenerationStatus.COMPLETED)
        .values_list("pk", "microcycle__sequence_number", "day_index")
    }
    if todo:
        Session.objects.filter(pk__in=todo.values()).update(
            generation_status=GenerationStatus.IN_PROGRESS, generation_error=""
        )
    try:
        started = time.perf_counter()
        library = selectors.movement_library_snapshot()
        spec = selectors.program_spec(program=program)
        plan = plan_program(spec)
        report.snapshot_seconds = time.perf_counter() - started

        planned = {
            (mc.sequence_number, day.day_index): day
            for mc in plan.microcycles
            for day in mc.sessions
        }
        results = iter_generate_sessions(spec, plan, library)
        while todo:
            started = time.perf_counter()
            result = next(results, None)
            report.engine_seconds += time.perf_counter() - started
            if result is None:
                break
            key = (result.microcycle_sequence, result.day_index)
            session_id = todo.pop(key, None)
            if session_id is None:
                report.skipped += 1
                continue
            started = time.perf_counter()
            if isinstance(result, t.SessionFailure):
                _session_fail(session_id, result.error)
                report.failed += 1
            else:
                report.exercises += _session_write(session_id, result, planned.get(key))
                report.written += 1
            report.persist_seconds += time.perf_counter() - started
        for session_id in todo.values():
            # The plan no longer has this day (it should never happen): say so.
            _session_fail(session_id, "The plan has no such session any more.")
            report.failed += 1
    except Exception as exc:  # a broken snapshot or plan fails the whole run, loudly
        logger.exception("Generation of program %s failed", program_id)
        Session.objects.filter(
            program_id=program_id, generation_status=GenerationStatus.IN_PROGRESS
        ).update(generation_status=GenerationStatus.FAILED, generation_error=str(exc))
        _finish(program_id, error=f"Generation failed: {exc}")
        raise
    _finish(program_id)
    return report


def _session_write(
    session_id: int, generated: t.GeneratedSession, planned: t.PlannedSession | None
) -> int:
    """Replace the session's exercises and fields in one short transaction.

    The session's ``rationale`` keeps the planner's blocks and reasons and adds the
    engine's notes on how the session was built. Returns the exercises written.
    """
    rationale = {
        "blocks": list(planned.blocks) if planned else [],
        "reasons": list(planned.reasons) if planned else [],
        "dominant_goal": (
            planned.dominant_goal.value if planned and planned.dominant_goal else None
        ),
        "notes": list(generated.rationale),
    }
    rows = [
        SessionExercise(
            session_id=session_id,
            movement_id=ex.movement_id,
            role=ex.role.value,
            order=ex.order,
            sets=ex.sets,
            reps_min=ex.reps_min,
            reps_max=ex.reps_max,
            duration_seconds=ex.duration_seconds,
            target_rpe=ex.target_rpe,
            target_rir=ex.target_rir,
            load_percent_1rm=ex.load_percent_1rm,
            rest_seconds=ex.rest_seconds,
            superset_group=ex.superset_group,
            estimated_seconds=ex.estimated_seconds,
            notes=ex.notes[:200],
            rationale={
                "scores": dict(ex.rationale.scores),
                "total": ex.rationale.total,
                "relaxation_step": ex.rationale.relaxation_step,
                "relaxation": ex.rationale.relaxation,
                "notes": list(ex.rationale.notes),
            },
        )
        for ex in generated.exercises
    ]
    tb = generated.time_breakdown
    with transaction.atomic():
        SessionExercise.objects.filter(session_id=session_id).delete()
        SessionExercise.objects.bulk_create(rows)
        Session.objects.filter(pk=session_id).update(
            estimated_minutes=generated.estimated_minutes,
            time_breakdown={
                "warmup": tb.warmup,
                "main": tb.main,
                "accessory": tb.accessory,
                "finisher": tb.finisher,
                "cooldown": tb.cooldown,
                "total": tb.total,
            },
            coach_notes=generated.coach_notes[:200],
            rationale=rationale,
            generation_status=GenerationStatus.COMPLETED,
            generation_error="",
            generated_at=timezone.now(),
        )
    return len(rows)


def _session_fail(session_id: int, error: str) -> None:
    Session.objects.filter(pk=session_id).update(
        generation_status=GenerationStatus.FAILED, generation_error=error[:2000]
    )


def _finish(program_id: int, *, error: str = "") -> None:
    """Roll session statuses up to microcycles and the program."""
    from django.db.models import Count, Q

    with transaction.atomic():
        microcycles = Microcycle.objects.filter(program_id=program_id).annotate(
            failed=Count(
                "sessions",
                filter=Q(sessions__generation_status=GenerationStatus.FAILED),
            ),
            open=Count(
                "sessions",
                filter=Q(
                    sessions__generation_status__in=[
                        GenerationStatus.PENDING,
                        GenerationStatus.IN_PROGRESS,
                    ]
                ),
            ),
        )
        failed_total = 0
        for mc in microcycles:
            failed_total += mc.failed
            if mc.failed:
                status, mc_error = (
                    GenerationStatus.FAILED,
                    f"{mc.failed} session(s) failed.",
                )
            elif mc.open:
                status, mc_error = GenerationStatus.PENDING, ""
            else:
                status, mc_error = GenerationStatus.COMPLETED, ""
            if (mc.generation_status, mc.generation_error) != (status, mc_error):
                Microcycle.objects.filter(pk=mc.pk).update(
                    generation_status=status, generation_error=mc_error
                )
        if error:
            status = GenerationStatus.FAILED
        elif failed_total:
            status = GenerationStatus.FAILED
            error = (
                f"{failed_total} session(s) could not be generated; "
                "retry them from the program page or POST .../retry/."
            )
        else:
            status = GenerationStatus.COMPLETED
        Program.objects.filter(pk=program_id).update(
            generation_status=status,
            generation_error=error,
            generation_finished_at=timezone.now(),
        )


def program_retry_failed(*, program: Program) -> int:
    """Put the program's FAILED sessions back to PENDING and enqueue generation.

    Returns how many sessions will be retried (0: nothing enqueued).
    """
    with transaction.atomic():
        count = Session.objects.filter(
            program=program, generation_status=GenerationStatus.FAILED
        ).update(generation_status=GenerationStatus.PENDING, generation_error="")
        if count or program.generation_status == GenerationStatus.FAILED:
            Program.objects.filter(pk=program.pk).update(
                generation_status=GenerationStatus.PENDING, generation_error=""
            )
            transaction.on_commit(lambda: _enqueue_generation(program.pk))
    return count


def session_regenerate(*, session: Session) -> Session:
    """Draw a fresh selection for one training session (in the background).

    Bumps the session's ``variant`` (a reproducible new seed for that day), marks
    it PENDING and enqueues generation. Raises ``ValidationError`` for a rest day.
    """
    if session.session_type == SessionType.RECOVERY:
        raise ValidationError({"session": ["A rest day has nothing to regenerate."]})
    with transaction.atomic():
        session.variant += 1
        session.generation_status = GenerationStatus.PENDING
        session.generation_error = ""
        session.save(update_fields=["variant", "generation_status", "generation_error"])
        Program.objects.filter(pk=session.program_id).update(
            generation_status=GenerationStatus.PENDING, generation_error=""
        )
        program_id = session.program_id
        transaction.on_commit(lambda: _enqueue_generation(program_id))
    return session


def program_delete(*, program: Program) -> None:
    """Delete the program; microcycles, sessions and exercises cascade."""
    program.delete()
