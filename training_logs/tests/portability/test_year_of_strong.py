"""The issue's scenario: a year of Strong training imported, then the athlete's
records and e1RM trends are there. Plus the alias table's own integrity."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from django.conf import settings

from movements.tests.factories import MovementFactory
from training_logs.models import ImportStatus, PersonalRecord, SetLog, WorkoutLog
from training_logs.portability import matching, sources
from training_logs.portability.samples import strong_year_csv
from training_logs.services import ALIASES_FILE, alias_slugs, import_job_create

YEAR = strong_year_csv(start=dt.date(2025, 1, 6), weeks=52, seed=7)


def test_every_alias_points_at_a_movement_of_the_shipped_library():
    fixture = Path(settings.BASE_DIR) / "fixtures" / "movements.json"
    slugs = {
        row["fields"]["slug"]
        for row in json.loads(fixture.read_text())
        if row["model"] == "movements.movement"
    }
    with ALIASES_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    assert len(rows) >= 150
    assert {r["movement_slug"] for r in rows} <= slugs
    normalised = [matching.normalize_name(r["alias"]) for r in rows]
    assert len(normalised) == len(set(normalised)), "an alias is listed twice"


def test_the_generated_year_is_a_clean_strong_export():
    parsed = sources.parse_export(YEAR)
    assert (parsed.source, parsed.rows, len(parsed.sets)) == (
        sources.STRONG,
        3756,
        3653,
    )
    assert len({s.workout_key for s in parsed.sets}) == 195
    assert len(parsed.skipped) == 103  # rest timers
    assert parsed.errors == ()
    assert all(
        matching.normalize_name(n) in alias_slugs() for n in parsed.exercise_names
    )


@pytest.mark.django_db
def test_a_year_of_strong_training_gives_records_and_e1rm_trends(
    user, auth_client, django_capture_on_commit_callbacks
):
    parsed = sources.parse_export(YEAR)
    slugs = {alias_slugs()[matching.normalize_name(n)] for n in parsed.exercise_names}
    library = {
        slug: MovementFactory(name=slug.replace("-", " ").title(), slug=slug)
        for slug in slugs
    }
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(
            user=user, filename="year.csv", data=YEAR.encode(), unit="KG"
        )
    job.refresh_from_db()
    assert job.status == ImportStatus.COMPLETED, job.error
    assert (job.workouts_created, job.sets_created) == (195, 3653)
    assert WorkoutLog.objects.filter(user=user).count() == 195
    assert SetLog.objects.for_user(user).count() == 3653

    bench = library["barbell-bench-press-medium-grip"]
    records = PersonalRecord.objects.for_user(user).filter(movement=bench, kind="E1RM")
    assert records.filter(is_current=True).count() == 1
    assert records.count() > 5  # the e1RM climbed through the year
    trend = auth_client.get("/api/v1/logs/e1rm/", {"movement": bench.pk}).json()
    points = trend["points"]
    assert len(points) >= 45  # one per Upper A day
    assert float(points[-1]["e1rm"]) > float(points[0]["e1rm"])
    assert auth_client.get("/api/v1/logs/prs/").json()["count"] > 0


@pytest.mark.django_db
def test_bench_import_measures_and_leaves_the_database_as_it_was():
    from io import StringIO

    from django.core.management import call_command

    for slug in set(alias_slugs().values()):
        MovementFactory(name=slug.replace("-", " ").title(), slug=slug)
    out = StringIO()
    call_command("bench_import", weeks=2, stdout=out)
    first, again = out.getvalue().splitlines()
    assert first.startswith("first import: ")
    assert "0 duplicates" in first
    assert "rows/s" in first
    assert again.startswith("same file again: ")
    assert "0 workouts and 0 sets written" in again
    assert not WorkoutLog.objects.exists()
