"""Benchmark program creation and generation; prints tables, asserts nothing.

    python manage.py bench_generation [--requests 30] [--weeks 8 12] [--days 2 3 4 5 6 7]

For each (weeks × days) it measures:
- create latency, p50/p95 over ``--requests`` ``POST /api/v1/programs/`` calls
  through the real URL stack (middleware, JWT auth, serializer, service, enqueue);
- engine time: the pure engine filling every session (snapshot excluded);
- persist time: the worker writing every session, one transaction each;
- raw persist: one ``bulk_create`` of the same exercise rows, the floor to compare to;
- end to end: ``program_generate`` (snapshot + engine + persist);
- sessions and exercises written.

It runs against the configured database (SQLite by default, PostgreSQL with
``DATABASE_URL``), needs the movement library loaded (``loaddata movements``), and
removes everything it created.
"""

from __future__ import annotations

import statistics
import time
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from rest_framework_simplejwt.tokens import RefreshToken

from coach.models import ExperienceLevel, User
from movements.models import Movement
from programs import services, specs
from programs.generation import iter_generate_sessions, plan_program
from programs.generation import types as t
from programs.models import Program, Session, SessionExercise


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


class Command(BaseCommand):
    help = "Measure create latency, engine time and persist time; print tables."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=30)
        parser.add_argument("--weeks", type=int, nargs="+", default=[8, 12])
        parser.add_argument("--days", type=int, nargs="+", default=[2, 3, 4, 5, 6, 7])
        parser.add_argument("--minutes", type=int, default=60)

    def handle(self, *args, **opts):
        if not Movement.objects.exists():
            raise CommandError(
                "Load the movement library first: manage.py loaddata movements"
            )
        email = f"bench-{uuid.uuid4().hex[:8]}@alloy.local"
        user = User.objects.create_user(
            email=email,
            password=uuid.uuid4().hex,
            experience_level=ExperienceLevel.INTERMEDIATE,
        )
        token = str(RefreshToken.for_user(user).access_token)
        client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {token}")
        library = specs.movement_library_snapshot()
        self.stdout.write(
            f"database: {connection.vendor} · movements: {len(library.movements)} · "
            f"requests per cell: {opts['requests']} · session budget: {opts['minutes']} min"
        )
        header = (
            f"{'weeks':>5} {'days':>4} | {'create p50':>10} {'p95':>8} | {'engine':>8} "
            f"{'persist':>8} {'raw bulk':>8} | {'end-to-end':>10} | {'sessions':>8} {'exercises':>9}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        try:
            for weeks in opts["weeks"]:
                for days in opts["days"]:
                    self._row(client, user, library, weeks, days, opts)
        finally:
            Program.objects.filter(user=user).delete()
            self._drop_queued_tasks()
            user.delete()

    def _row(self, client, user, library, weeks, days, opts):
        body = {
            "goals": [
                {"goal": "STRENGTH", "weight": 6},
                {"goal": "HYPERTROPHY", "weight": 4},
            ],
            "duration_weeks": weeks,
            "days_per_week": days,
            "max_session_minutes": opts["minutes"],
            "start_date": "2026-01-05",
        }
        latencies = []
        for _ in range(opts["requests"]):
            started = time.perf_counter()
            response = client.post(
                "/api/v1/programs/", body, content_type="application/json"
            )
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status_code != 202:
                raise CommandError(
                    f"create failed: {response.status_code} {response.content!r}"
                )
        program_id = response.json()["id"]
        program = Program.objects.get(pk=program_id)

        # Engine alone, on the snapshot (what the worker computes).
        spec = specs.program_spec(program=program)
        plan = plan_program(spec)
        started = time.perf_counter()
        generated = [
            r
            for r in iter_generate_sessions(spec, plan, library)
            if isinstance(r, t.GeneratedSession)
        ]
        engine_ms = (time.perf_counter() - started) * 1000

        # The worker path end to end (snapshot + engine + one transaction per session).
        started = time.perf_counter()
        report = services.program_generate(program_id=program_id)
        total_ms = (time.perf_counter() - started) * 1000

        # The floor: the same exercise rows in one bulk_create, rolled back.
        sessions = {
            (seq, day): pk
            for pk, seq, day in Session.objects.filter(program=program).values_list(
                "pk", "microcycle__sequence_number", "day_index"
            )
        }
        rows = [
            SessionExercise(
                session_id=sessions[(g.microcycle_sequence, g.day_index)],
                movement_id=ex.movement_id,
                role=ex.role.value,
                order=ex.order + 1000,
                sets=ex.sets,
                reps_min=ex.reps_min,
                reps_max=ex.reps_max,
                duration_seconds=ex.duration_seconds,
                target_rpe=ex.target_rpe,
                rest_seconds=ex.rest_seconds,
                estimated_seconds=ex.estimated_seconds,
                rationale={"scores": dict(ex.rationale.scores)},
            )
            for g in generated
            for ex in g.exercises
        ]
        started = time.perf_counter()
        with transaction.atomic():
            SessionExercise.objects.bulk_create(rows)
            raw_ms = (time.perf_counter() - started) * 1000
            transaction.set_rollback(True)

        self.stdout.write(
            f"{weeks:>5} {days:>4} | {statistics.median(latencies):>8.1f}ms "
            f"{_percentile(latencies, 95):>6.1f}ms | {engine_ms:>6.0f}ms "
            f"{report.persist_seconds * 1000:>6.0f}ms {raw_ms:>6.0f}ms | {total_ms:>8.0f}ms | "
            f"{report.written:>8} {report.exercises:>9}"
        )
        Program.objects.filter(user=user).delete()
        self._drop_queued_tasks()

    def _drop_queued_tasks(self) -> None:
        """The creates queued generation tasks for the bench's own programs (now
        deleted); remove them so a worker never picks them up."""
        from django_q.models import OrmQ

        for task in OrmQ.objects.all():
            try:
                if task.func() == services.GENERATE_TASK:
                    program_id = task.task["args"][0]  # a cached property
                    if not Program.objects.filter(pk=program_id).exists():
                        task.delete()
            except Exception:  # a foreign or unreadable payload: leave it alone
                continue
