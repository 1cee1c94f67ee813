"""Generation (the worker): load the movement library once, run the pure engine,
write the sessions in short transactions, a microcycle at a time.

Progress is visible while it runs, one failed session never stops the rest, and
running it twice writes nothing twice (seeds 001: the 60-second hang came from one
long transaction around generation). Only services enqueue (STYLE C9):
:func:`enqueue_generation` is the one place that names the task.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass

from django.db import transaction
from django.utils import timezone

from programs import leases, specs
from programs.generation import iter_generate_sessions, plan_program
from programs.generation import types as t
from programs.library_cache import kept_library_snapshot
from programs.models import (
    GenerationStatus,
    Microcycle,
    Program,
    Session,
    SessionExercise,
)

logger = logging.getLogger(__name__)

GENERATE_TASK = "programs.tasks.program_generate_task"


def enqueue_generation(program_id: int) -> None:
    """Queue :func:`program_generate` for ``program_id`` on django-q2 (call it
    from ``transaction.on_commit``)."""
    from django_q.tasks import async_task

    async_task(GENERATE_TASK, program_id, task_name=f"generate-program-{program_id}")


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

    Idempotent: COMPLETED sessions are left alone, and each microcycle's sessions
    are written (their exercises replaced: delete + ``bulk_create``) in one short
    transaction, so re-running never duplicates anything and progress shows a
    week at a time. A session the engine cannot fill is marked FAILED with the
    error and the rest go on. Statuses: each session PENDING → IN_PROGRESS →
    COMPLETED | FAILED; microcycles and the program follow (FAILED if any of their
    sessions failed, with an error text).

    The run only touches the sessions it claims (``programs/leases.py``): a
    session another live run holds is left to it, a run that loses a claim stops,
    and its heartbeat lets the sweeper re-queue the program if this worker dies.

    Returns a :class:`GenerationReport`. Does nothing if the program is gone.
    """
    report = GenerationReport(program_id=program_id)
    program = Program.objects.filter(pk=program_id).first()
    if program is None:
        return report
    token = leases.new_token()
    todo = leases.sessions_claim(program_id=program_id, token=token)
    if not todo:
        # Nothing open, or a live run holds it all: roll up only if nothing is
        # open (a late duplicate of a finished run), else leave it to that run.
        if not Session.objects.filter(
            program_id=program_id, generation_status__in=leases.OPEN
        ).exists():
            _finish(program_id)
        return report
    heartbeat = leases.Heartbeat(program_id=program_id, token=token)
    Program.objects.filter(pk=program_id).update(
        generation_status=GenerationStatus.IN_PROGRESS,
        generation_error="",
        generation_started_at=timezone.now(),
        generation_finished_at=None,
        generation_heartbeat_at=timezone.now(),
    )
    try:
        started = time.perf_counter()
        spec = specs.program_spec(program=program)
        # The kept snapshot (issue 13: five reads fewer per generation); the
        # athlete's rules name movements it must hold.
        library = kept_library_snapshot(
            require=(
                mid
                for r in spec.athlete.movement_rules
                for mid in (r.movement_id, r.substitute_id)
                if mid is not None
            )
        )
        plan = plan_program(spec)
        report.snapshot_seconds = time.perf_counter() - started

        planned = {
            (mc.sequence_number, day.day_index): day
            for mc in plan.microcycles
            for day in mc.sessions
        }
        results = iter_generate_sessions(spec, plan, library)
        batch: list[tuple[int, t.GeneratedSession, t.PlannedSession | None]] = []
        while todo:
            started = time.perf_counter()
            result = next(results, None)
            report.engine_seconds += time.perf_counter() - started
            if batch and (
                result is None
                or result.microcycle_sequence != batch[0][1].microcycle_sequence
            ):
                # The microcycle is done: write it in one transaction.
                started = time.perf_counter()
                report.exercises += _sessions_write(batch, token=token)
                report.written += len(batch)
                report.persist_seconds += time.perf_counter() - started
                batch = []
                heartbeat.beat()
            if result is None:
                break
            key = (result.microcycle_sequence, result.day_index)
            session_id = todo.pop(key, None)
            if session_id is None:
                report.skipped += 1
                continue
            if isinstance(result, t.SessionFailure):
                started = time.perf_counter()
                _session_fail(session_id, result.error, token=token)
                report.failed += 1
                report.persist_seconds += time.perf_counter() - started
            else:
                batch.append((session_id, result, planned.get(key)))
        if batch:
            started = time.perf_counter()
            report.exercises += _sessions_write(batch, token=token)
            report.written += len(batch)
            report.persist_seconds += time.perf_counter() - started
            heartbeat.beat()
        for session_id in todo.values():
            # The plan no longer has this day (it should never happen): say so.
            _session_fail(
                session_id, "The plan has no such session any more.", token=token
            )
            report.failed += 1
    except leases.ClaimLost:
        # This run stalled past the bound and another run owns the rest now.
        logger.warning("Generation of program %s lost its claim; stopping", program_id)
        leases.claims_release(token=token)
        return report
    except Exception as exc:  # a broken snapshot or plan fails the whole run, loudly
        logger.exception("Generation of program %s failed", program_id)
        Session.objects.filter(claim_token=token).update(
            generation_status=GenerationStatus.FAILED,
            generation_error=str(exc),
            claim_token="",
            claimed_at=None,
        )
        _finish(program_id, error=f"Generation failed: {exc}")
        raise
    _finish(program_id)
    return report


def _sessions_write(
    batch: list[tuple[int, t.GeneratedSession, t.PlannedSession | None]],
    *,
    token: str,
) -> int:
    """Write a batch of generated sessions (one microcycle's) in one short
    transaction, if the run ``token`` still holds every one of their claims (else
    ``leases.ClaimLost`` and nothing of the batch is written).

    Each session's fields and completion are one UPDATE (the claim check; it
    row-locks the session on PostgreSQL); then the batch's old exercises go in one
    DELETE and the new ones in one ``bulk_create``: a week of four sessions is 6
    statements and one commit instead of 16 and four (``manage.py
    bench_generation`` prints the persist time). Each session's ``rationale``
    keeps the planner's blocks and reasons and adds the engine's notes on how the
    session was built. Returns the exercises written.
    """
    # Everything is built before the transaction opens: on SQLite it holds the
    # database's write lock, which the web processes wait for.
    completions = [
        (session_id, _completion_fields(generated, planned))
        for session_id, generated, planned in batch
    ]
    rows = [
        row
        for session_id, generated, _ in batch
        for row in _exercise_rows(session_id, generated)
    ]
    with transaction.atomic():
        for session_id, fields in completions:
            # The claim check and the completion are one UPDATE.
            if not Session.objects.filter(pk=session_id, claim_token=token).update(
                **fields
            ):
                raise leases.ClaimLost(session_id)
        SessionExercise.objects.filter(
            session_id__in=[session_id for session_id, _ in completions]
        ).delete()
        SessionExercise.objects.bulk_create(rows)
    return len(rows)


def _session_write(
    session_id: int,
    generated: t.GeneratedSession,
    planned: t.PlannedSession | None,
    *,
    token: str,
) -> int:
    """One session through :func:`_sessions_write` (``leases.ClaimLost`` when the
    run ``token`` no longer holds it). Returns the exercises written."""
    return _sessions_write([(session_id, generated, planned)], token=token)


def _completion_fields(
    generated: t.GeneratedSession, planned: t.PlannedSession | None
) -> dict:
    """The session's fields once generated: COMPLETED, the claim released, the
    engine's minutes, time breakdown, notes and circuits, and a ``rationale``
    that keeps the planner's blocks and reasons and adds the engine's notes."""
    return {
        "claim_token": "",
        "claimed_at": None,
        "estimated_minutes": generated.estimated_minutes,
        "time_breakdown": asdict(generated.time_breakdown),
        "coach_notes": generated.coach_notes[:200],
        "rationale": {
            "blocks": list(planned.blocks) if planned else [],
            "reasons": list(planned.reasons) if planned else [],
            "dominant_goal": (
                planned.dominant_goal.value
                if planned and planned.dominant_goal
                else None
            ),
            "notes": list(generated.rationale),
        },
        "main_circuit_id": generated.main_circuit_id,
        "finisher_circuit_id": generated.finisher_circuit_id,
        "generation_status": GenerationStatus.COMPLETED,
        "generation_error": "",
        "generated_at": timezone.now(),
    }


def _exercise_rows(
    session_id: int, generated: t.GeneratedSession
) -> list[SessionExercise]:
    """The session's ``SessionExercise`` rows (unsaved) from the engine's output."""
    return [
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


def _session_fail(session_id: int, error: str, *, token: str) -> None:
    Session.objects.filter(pk=session_id, claim_token=token).update(
        generation_status=GenerationStatus.FAILED,
        generation_error=error[:2000],
        claim_token="",
        claimed_at=None,
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
        failed_total = open_total = 0
        # Microcycles whose status changes, grouped by (status, error): one
        # UPDATE per group (a finished program: one) instead of one per week.
        changes: dict[tuple[str, str], list[int]] = {}
        for mc in microcycles:
            failed_total += mc.failed
            open_total += mc.open
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
                changes.setdefault((status, mc_error), []).append(mc.pk)
        for (status, mc_error), ids in changes.items():
            Microcycle.objects.filter(pk__in=ids).update(
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
        elif open_total:
            # Another run still holds sessions (or a regenerate is queued): it
            # finishes the program.
            Program.objects.filter(pk=program_id).update(
                generation_status=GenerationStatus.IN_PROGRESS, generation_error=""
            )
            return
        else:
            status = GenerationStatus.COMPLETED
        Program.objects.filter(pk=program_id).update(
            generation_status=status,
            generation_error=error,
            generation_finished_at=timezone.now(),
        )
