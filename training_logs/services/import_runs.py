"""Running a queued import (the django-q2 worker's side of
``training_logs.services.import_jobs``; the flow is described there).

A CSV import is written in batches of :data:`BATCH_WORKOUTS` workouts, each one
transaction with the fingerprints of its sets; an Alloy JSON export is restored
in one transaction (``training_logs.portability.restore``). Personal records,
pattern exposure and muscle recovery are rebuilt once, at the end.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coach.models import AthleteProfile
from training_logs.clock import local_week_start
from training_logs.models import ImportedSet, ImportJob, ImportSource, ImportStatus
from training_logs.portability import restore, sources
from training_logs.services.import_jobs import Matching, _local, _match, _parse
from training_logs.services.imports import (
    WorkoutInput,
    workout_history_rebuild,
    workout_logs_import,
)
from training_logs.services.workouts import SetInput

logger = logging.getLogger(__name__)

#: Workouts written per transaction by the worker (progress moves per batch).
BATCH_WORKOUTS = 50


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What one run did, with its wall-clock ``seconds`` (for the log and the
    throughput benchmark)."""

    workouts: int
    sets: int
    duplicates: int
    seconds: float


def _workouts(
    parsed: sources.ParsedFile,
    prints: list[str],
    found: Matching,
    zone,
    seen: set[str],
) -> tuple[list[tuple[WorkoutInput, list[str]]], int, int]:
    """The file's new sets grouped into workouts, each with its sets'
    fingerprints (``prints``, in the order of ``parsed.sets``); and the counts
    of duplicate and left-out sets."""
    grouped: dict[str, list[tuple[sources.ImportedSet, str]]] = defaultdict(list)
    duplicates = left_out = 0
    for s, fingerprint in zip(parsed.sets, prints, strict=True):
        if s.exercise in found.left_out:
            left_out += 1
        elif fingerprint in seen:
            duplicates += 1
        else:
            grouped[s.workout_key].append((s, fingerprint))
    workouts = []
    for pairs in grouped.values():
        rows = [s for s, _ in pairs]
        first = rows[0]
        workouts.append(
            (
                WorkoutInput(
                    performed_at=_local(first.performed_at, zone),
                    name=first.workout_name,
                    duration_minutes=next(
                        (s.duration_minutes for s in rows if s.duration_minutes), None
                    ),
                    notes=next((s.workout_notes for s in rows if s.workout_notes), ""),
                    sets=[
                        SetInput(
                            movement_id=found.movement_ids[s.exercise],
                            reps=s.reps,
                            load_kg=s.load_kg,
                            duration_seconds=s.duration_seconds,
                            rpe=s.rpe,
                            is_warmup=s.is_warmup,
                        )
                        for s in rows
                    ],
                ),
                [fingerprint for _, fingerprint in pairs],
            )
        )
    return workouts, duplicates, left_out


#: Fingerprints looked up per query (well under SQLite's parameter limit).
LOOKUP_CHUNK = 5000


def _already_imported(user, prints: list[str]) -> set[str]:
    unique = sorted(set(prints))
    seen: set[str] = set()
    for start in range(0, len(unique), LOOKUP_CHUNK):
        seen.update(
            ImportedSet.objects.filter(
                user=user, fingerprint__in=unique[start : start + LOOKUP_CHUNK]
            ).values_list("fingerprint", flat=True)
        )
    return seen


def _fail(job_id: int, exc: Exception) -> None:
    message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
    logger.exception("Import %s failed", job_id)
    ImportJob.objects.filter(pk=job_id).update(
        status=ImportStatus.FAILED,
        error=message[:2000] or exc.__class__.__name__,
        finished_at=timezone.now(),
    )


def _restore_run(job: ImportJob, started: float) -> ImportReport:
    """Restore an Alloy export: one transaction, all or nothing."""
    try:
        document = restore.restore_check(job.content, user=job.user)
        sets = restore.account_restore(user=job.user, document=document)
    except Exception as exc:
        _fail(job.pk, exc)
        raise
    workouts = len(document["workouts"])
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.COMPLETED,
        content="",
        workouts_created=workouts,
        sets_created=sets,
        sets_done=job.sets_total,
        finished_at=timezone.now(),
    )
    return ImportReport(
        workouts=workouts,
        sets=sets,
        duplicates=0,
        seconds=time.perf_counter() - started,
    )


def import_job_run(*, job_id: int) -> ImportReport:
    """Run a queued import (the worker's side; see the module docstring).

    Marks the job ``RUNNING``, writes the new workouts batch by batch with
    their fingerprints, rebuilds the derived history once and marks it
    ``COMPLETED`` with its counts (the file's text is dropped then). Any
    failure marks it ``FAILED`` with the reason; batches already written stay,
    and running the job again finishes it without duplicates.
    """
    started = time.perf_counter()
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    user = job.user
    ImportJob.objects.filter(pk=job_id).update(
        status=ImportStatus.RUNNING, started_at=timezone.now(), error="", sets_done=0
    )
    if job.source == ImportSource.ALLOY:
        return _restore_run(job, started)
    try:
        parsed = _parse(job.content, job.unit)
        zone = AthleteProfile.for_user(user).zone
        found = _match(user, parsed.exercise_names, job.mapping)
        if found.unmatched:
            raise ValidationError(
                "Exercise names without a movement: "
                + ", ".join(m.name for m in found.unmatched)
            )
        prints = [s.fingerprint for s in parsed.sets]
        seen = _already_imported(user, prints)
        workouts, duplicates, left_out = _workouts(parsed, prints, found, zone, seen)
        done = duplicates + left_out
        ImportJob.objects.filter(pk=job_id).update(sets_done=done)
        created_sets = 0
        movement_ids: set[int] = set()
        weeks: set[dt.date] = set()
        for start in range(0, len(workouts), BATCH_WORKOUTS):
            batch = workouts[start : start + BATCH_WORKOUTS]
            with transaction.atomic():
                written = workout_logs_import(user=user, workouts=[w for w, _ in batch])
                ImportedSet.objects.bulk_create(
                    ImportedSet(
                        user=user,
                        fingerprint=fingerprint,
                        set_log=row,
                        workout_log=result.workout_log,
                        job_id=job_id,
                    )
                    for result, (_, prints) in zip(written, batch, strict=True)
                    for row, fingerprint in zip(result.sets, prints, strict=True)
                )
            for result in written:
                movement_ids.update(row.movement_id for row in result.sets)
                weeks.add(local_week_start(result.workout_log.performed_at))
                created_sets += len(result.sets)
            done += sum(len(prints) for _, prints in batch)
            ImportJob.objects.filter(pk=job_id).update(sets_done=done)
        workout_history_rebuild(user=user, movement_ids=movement_ids, weeks=weeks)
    except Exception as exc:  # the job records every failure for the athlete
        message = (
            "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        )
        logger.exception("Import %s failed", job_id)
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportStatus.FAILED,
            error=message[:2000] or exc.__class__.__name__,
            finished_at=timezone.now(),
        )
        raise
    ImportJob.objects.filter(pk=job_id).update(
        status=ImportStatus.COMPLETED,
        content="",
        workouts_created=len(workouts),
        sets_created=created_sets,
        sets_duplicate=duplicates,
        sets_left_out=left_out,
        sets_done=len(parsed.sets),
        finished_at=timezone.now(),
    )
    return ImportReport(
        workouts=len(workouts),
        sets=created_sets,
        duplicates=duplicates,
        seconds=time.perf_counter() - started,
    )
