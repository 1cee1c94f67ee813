"""``manage.py bench_import``: import throughput on a generated year of Strong
training (rows per second), then the same file again (all duplicates).

Needs the movement library (``manage.py loaddata movements``). Everything runs
inside one transaction that is rolled back: the database is left as it was.
"""

from __future__ import annotations

import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from coach.models import User
from movements.models import Movement
from training_logs import services
from training_logs.models import ImportStatus
from training_logs.portability.samples import strong_year_csv


class _Rollback(Exception):  # noqa: N818 - a control-flow signal
    pass


class Command(BaseCommand):
    help = (
        "Measure CSV import throughput (rows/s) on a generated year of Strong training."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--weeks", type=int, default=52)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, weeks: int, seed: int, **options) -> None:
        if not Movement.objects.exists():
            raise CommandError(
                "Load the movement library first: manage.py loaddata movements"
            )
        text = strong_year_csv(start=dt.date(2025, 1, 6), weeks=weeks, seed=seed)
        data = text.encode()
        try:
            with transaction.atomic():
                user = User.objects.create_user(email="bench-import@alloy.local")
                for label in ("first import", "same file again"):
                    started = time.perf_counter()
                    job = services.import_job_create(
                        user=user, filename="year.csv", data=data, unit="KG"
                    )
                    if job.status != ImportStatus.QUEUED:
                        raise CommandError(f"Unmatched names: {job.unmatched}")
                    read = time.perf_counter() - started
                    report = services.import_job_run(job_id=job.pk)
                    total = time.perf_counter() - started
                    self.stdout.write(
                        f"{label}: {job.rows_total} rows, {job.sets_total} sets, "
                        f"{report.workouts} workouts and {report.sets} sets written, "
                        f"{report.duplicates} duplicates; read+match {read:.2f} s, "
                        f"run {total - read:.2f} s, total {total:.2f} s = "
                        f"{job.rows_total / total:,.0f} rows/s "
                        f"({len(data) / 1024:.0f} KiB)"
                    )
                raise _Rollback
        except _Rollback:
            pass
