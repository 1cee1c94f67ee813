"""Importing workout history from Strong and Hevy CSV exports.

The flow (each step a service; views and the API only call them):

1. :func:`import_job_create` reads the upload at once: an unreadable file or
   any bad row is refused with its line number and **nothing is written**.
   Exercise names are matched (``training_logs.portability.matching``); if some are not,
   the job waits in ``NEEDS_MAPPING`` for the athlete's choices, otherwise it
   is queued for the django-q2 worker.
2. :func:`import_job_map` records the athlete's choices (remembered for the
   next import) and queues the job.
3. :func:`import_job_run` (the worker, ``import_runs``) writes the workouts in batches of
   :data:`~training_logs.services.import_runs.BATCH_WORKOUTS`, each batch one transaction with the fingerprints of
   its sets, updating the progress between batches; rows whose fingerprint is
   already stored are skipped, so a re-import adds nothing and a run that
   stopped half-way finishes on the next run without duplicates. Personal
   records, pattern exposure and muscle recovery are rebuilt once, at the end.

Times in the files are the athlete's wall-clock times: they are read in the
athlete's time zone (``AthleteProfile.zone``).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_q.tasks import async_task

from coach.models import AthleteProfile, Units
from movements.models import Movement
from training_logs.clock import FUTURE_TOLERANCE
from training_logs.models import (
    ExerciseNameChoice,
    ImportJob,
    ImportSource,
    ImportStatus,
)
from training_logs.portability import matching, restore, sources

ALIASES_FILE = (
    Path(__file__).resolve().parent.parent
    / "portability"
    / "data"
    / "exercise_aliases.csv"
)
#: The largest upload accepted, in bytes (a year of Strong rows is ~0.5 MB).
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
#: Line errors shown for a refused file; the rest are counted.
MAX_ERRORS_SHOWN = 50


# ---------------------------------------------------------------------------
# Reading the upload
# ---------------------------------------------------------------------------
@cache
def alias_slugs() -> dict[str, str]:
    """The reviewed alias table: ``{normalised name: movement slug}``."""
    with ALIASES_FILE.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {matching.normalize_name(r["alias"]): r["movement_slug"] for r in rows}


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _line_errors(errors: tuple[sources.LineError, ...]) -> list[str]:
    shown = [f"Line {e.line}: {e.message}" for e in errors[:MAX_ERRORS_SHOWN]]
    if len(errors) > MAX_ERRORS_SHOWN:
        shown.append(f"…and {len(errors) - MAX_ERRORS_SHOWN} more rows with problems.")
    return shown


def _parse(text: str, unit: str) -> sources.ParsedFile:
    """Parse and refuse: raises ``ValidationError({"file": [...]})`` for an
    unreadable file or any bad row (each with its line number)."""
    try:
        parsed = sources.parse_export(text, unit=unit)
    except sources.ImportFileError as exc:
        raise ValidationError({"file": [str(exc)]}) from None
    if parsed.errors:
        raise ValidationError({"file": _line_errors(parsed.errors)})
    return parsed


def _local(moment: dt.datetime, zone) -> dt.datetime:
    """A file's time, aware: naive wall-clock times are the athlete's."""
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _check_dates(parsed: sources.ParsedFile, zone) -> None:
    now = timezone.now()
    future = [
        sources.LineError(s.line, "This workout is in the future.")
        for s in parsed.sets
        if _local(s.performed_at, zone) > now + FUTURE_TOLERANCE
    ]
    if future:
        raise ValidationError({"file": _line_errors(tuple(future))})


@dataclass(frozen=True, slots=True)
class Matching:
    """Exercise names resolved for one file: ``movement_ids`` for the matched
    names, ``left_out`` for names the athlete chose to leave out, ``unmatched``
    the rest."""

    movement_ids: dict[str, int]
    left_out: set[str]
    unmatched: list[matching.NameMatch]


def _match(user, names: list[str], mapping: dict[str, int | None]) -> Matching:
    catalogue = dict(Movement.objects.values_list("pk", "name"))
    slugs = alias_slugs()
    ids_by_slug = dict(
        Movement.objects.filter(slug__in=set(slugs.values())).values_list("slug", "pk")
    )
    aliases = {name: ids_by_slug[s] for name, s in slugs.items() if s in ids_by_slug}
    athlete = dict(
        ExerciseNameChoice.objects.filter(user=user).values_list("name", "movement_id")
    )
    matched = matching.match_names(
        names, catalogue=catalogue, aliases=aliases, athlete=athlete
    )
    movement_ids, left_out, unmatched = {}, set(), []
    for name in names:
        if name in mapping:
            if mapping[name] is None:
                left_out.add(name)
            else:
                movement_ids[name] = mapping[name]
        elif matched[name].movement_id is not None:
            movement_ids[name] = matched[name].movement_id
        else:
            unmatched.append(matched[name])
    return Matching(movement_ids, left_out, unmatched)


def _unmatched_json(
    unmatched: list[matching.NameMatch], parsed: sources.ParsedFile
) -> list[dict]:
    counts: dict[str, int] = defaultdict(int)
    for s in parsed.sets:
        counts[s.exercise] += 1
    return [
        {
            "name": m.name,
            "sets": counts[m.name],
            "candidates": [
                {"id": c.movement_id, "name": c.name, "score": round(c.score)}
                for c in m.candidates
            ],
        }
        for m in unmatched
    ]


# ---------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------
@transaction.atomic
def import_job_create(*, user, filename: str, data: bytes, unit: str) -> ImportJob:
    """Start importing a Strong or Hevy CSV export (``data``, its bytes), or
    restoring an Alloy JSON export into this (empty) account
    (``training_logs.portability.restore``; the file's first character tells).

    ``unit`` (``KG``/``LB``) is the weight unit of a file that does not name
    its unit. Returns the job: ``NEEDS_MAPPING`` with ``unmatched`` names, or
    ``QUEUED`` (the worker is called once the transaction commits). Raises
    ``ValidationError`` with ``file`` errors ("Line 12: Reps is not a
    number…") for an unreadable file or any bad row, and ``unit`` errors;
    nothing is written then.
    """
    if unit not in Units.values:
        raise ValidationError({"unit": [f"Choose {' or '.join(Units.values)}."]})
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            {"file": [f"The file is larger than {MAX_UPLOAD_BYTES // 2**20} MB."]}
        )
    text = _decode(data)
    if text.lstrip("\ufeff \t\r\n").startswith("{"):
        return _restore_job_create(user=user, filename=filename, text=text)
    parsed = _parse(text, unit)
    _check_dates(parsed, AthleteProfile.for_user(user).zone)
    found = _match(user, parsed.exercise_names, {})
    job = ImportJob.objects.create(
        user=user,
        source=ImportSource(parsed.source),
        filename=filename[:200],
        unit=unit,
        content=text,
        rows_total=parsed.rows,
        rows_skipped=len(parsed.skipped),
        sets_total=len(parsed.sets),
        unmatched=_unmatched_json(found.unmatched, parsed),
        status=ImportStatus.NEEDS_MAPPING if found.unmatched else ImportStatus.QUEUED,
    )
    if job.status == ImportStatus.QUEUED:
        _enqueue(job.pk)
    return job


def _restore_job_create(*, user, filename: str, text: str) -> ImportJob:
    """An Alloy JSON export: checked now, restored by the worker."""
    document = restore.restore_check(text, user=user)
    job = ImportJob.objects.create(
        user=user,
        source=ImportSource.ALLOY,
        filename=filename[:200],
        content=text,
        rows_total=len(document["workouts"]),
        sets_total=restore.set_count(document),
        status=ImportStatus.QUEUED,
    )
    _enqueue(job.pk)
    return job


@transaction.atomic
def import_job_map(*, job: ImportJob, mapping: dict[str, int | None]) -> ImportJob:
    """Record the athlete's choices for the job's unmatched names and queue it.

    ``mapping`` is ``{name: movement id, or None to leave the name's sets
    out}`` and must cover every unmatched name. Chosen movements are remembered
    for the athlete's next imports. Raises ``ValidationError`` (``mapping``
    errors naming each problem) for a job not waiting for choices, a missing
    name or an unknown movement; nothing is written then.
    """
    if job.status != ImportStatus.NEEDS_MAPPING:
        raise ValidationError({"mapping": ["This import is not waiting for choices."]})
    names = [u["name"] for u in job.unmatched]
    errors = [
        f"Choose a movement for “{n}” or leave it out."
        for n in names
        if n not in mapping
    ]
    chosen = {n: m for n, m in mapping.items() if n in names and m is not None}
    known = set(
        Movement.objects.filter(pk__in=set(chosen.values())).values_list(
            "pk", flat=True
        )
    )
    errors += [
        f"“{n}”: movement {m} does not exist."
        for n, m in chosen.items()
        if m not in known
    ]
    if errors:
        raise ValidationError({"mapping": errors})
    for name, movement_id in chosen.items():
        ExerciseNameChoice.objects.update_or_create(
            user=job.user,
            name=matching.normalize_name(name)[:200],
            defaults={"movement_id": movement_id},
        )
    job.mapping = {n: mapping[n] for n in names}
    job.unmatched = []
    job.status = ImportStatus.QUEUED
    job.save(update_fields=["mapping", "unmatched", "status", "updated_at"])
    _enqueue(job.pk)
    return job


@transaction.atomic
def import_job_retry(*, job: ImportJob) -> ImportJob:
    """Queue a failed import again: workouts already written are recognised by
    their fingerprints, so the run finishes the file without duplicates. Raises
    ``ValidationError`` for an import that has not failed."""
    if job.status != ImportStatus.FAILED or not job.content:
        raise ValidationError({"status": ["Only a failed import can be run again."]})
    job.status = ImportStatus.QUEUED
    job.error = ""
    job.save(update_fields=["status", "error", "updated_at"])
    _enqueue(job.pk)
    return job


def _enqueue(job_id: int) -> None:
    transaction.on_commit(
        lambda: async_task(
            "training_logs.tasks.import_job_run_task",
            job_id,
            task_name=f"import-{job_id}",
        )
    )
