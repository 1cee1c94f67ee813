"""django-q2 tasks for programs: thin, fed by ids, idempotent (STYLE C9)."""

from __future__ import annotations

import logging

from programs.models import Program
from programs.services import program_generate

logger = logging.getLogger(__name__)


def program_generate_task(program_id: int) -> dict:
    """Generate the program's pending sessions. Returns a small report for the
    task result; returns quietly if the program was deleted meanwhile."""
    if not Program.objects.filter(pk=program_id).exists():
        logger.info("Program %s is gone; nothing to generate.", program_id)
        return {"program_id": program_id, "skipped": "deleted"}
    report = program_generate(program_id=program_id)
    logger.info(
        "Program %s: %s written, %s failed, %s exercises, engine %.3fs, persist %.3fs",
        program_id,
        report.written,
        report.failed,
        report.exercises,
        report.engine_seconds,
        report.persist_seconds,
    )
    return {
        "program_id": program_id,
        "written": report.written,
        "failed": report.failed,
        "exercises": report.exercises,
        "engine_seconds": round(report.engine_seconds, 4),
        "persist_seconds": round(report.persist_seconds, 4),
    }


def generation_sweep_task() -> dict:
    """Re-queue generation whose heartbeat is older than the bound (the
    django-q2 schedule made by ``manage.py schedule_generation_sweep``)."""
    from programs.leases import generation_sweep

    return {"requeued": generation_sweep()}
