"""django-q2 tasks for imports: thin, fed by ids (STYLE C9)."""

from __future__ import annotations

import logging

from training_logs.models import ImportJob, ImportStatus
from training_logs.services import import_job_run

logger = logging.getLogger(__name__)


def import_job_run_task(job_id: int) -> dict:
    """Run the import ``job_id``; returns quietly if it is gone or no longer
    queued (a re-delivered task never runs a finished import twice)."""
    status = (
        ImportJob.objects.filter(pk=job_id).values_list("status", flat=True).first()
    )
    if status not in (ImportStatus.QUEUED, ImportStatus.RUNNING):
        logger.info("Import %s is %s; nothing to run.", job_id, status or "gone")
        return {"job_id": job_id, "skipped": status or "deleted"}
    try:
        report = import_job_run(job_id=job_id)
    except Exception as exc:  # recorded on the job by the service
        return {"job_id": job_id, "failed": str(exc)[:500]}
    logger.info(
        "Import %s: %s workouts, %s sets, %s duplicates in %.2fs",
        job_id,
        report.workouts,
        report.sets,
        report.duplicates,
        report.seconds,
    )
    return {
        "job_id": job_id,
        "workouts": report.workouts,
        "sets": report.sets,
        "duplicates": report.duplicates,
        "seconds": round(report.seconds, 3),
    }
