"""Benchmark the daily coach; prints a table, asserts nothing.

    python manage.py bench_daily_coach [--requests 50] [--weeks 12] [--days 4]

It builds a realistic athlete: a ``--weeks`` program (generated in-process) that
started six weeks ago, and a year of synthetic logs — four workouts a week for 52
weeks, each a real session's exercises with loads and RPE — written through
``training_logs.services.workout_log_create`` (so PRs, top sets, recovery and
pattern exposure are real). Then it measures, through the real URL stack
(middleware, JWT auth, serializers, services, engine):

- ``GET /api/v1/days/{date}/plan/`` latency, p50/p95 over ``--requests`` calls
  cycling through the next two weeks;
- ``POST /api/v1/days/{date}/adapt/`` latency, p50/p95 over ``--requests`` calls
  (varied check-ins: soreness, sleep, minutes);
- the engine time per adaptation (``adaptation.engine.adapt_session`` and
  readiness, timed inside the service) and the snapshot reads around it.

Targets (issue 9 §4): plan p95 ≤ 50 ms, adapt p95 ≤ 100 ms on SQLite. It runs
against the configured database, needs the movement library loaded
(``loaddata movements``) and removes everything it created.
"""

from __future__ import annotations

import os
import random
import statistics
import time
import uuid
from datetime import datetime, timedelta
from datetime import time as clock
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.utils import timezone
from rest_framework_simplejwt.tokens import RefreshToken

from adaptation import services as coach_services
from adaptation.models import DailyCheckIn
from coach.models import ExperienceLevel, User
from movements.models import Movement
from programs import services as program_services
from programs import specs as program_specs
from programs.models import Program, Session, SessionType
from training_logs.models import (
    MuscleRecoveryState,
    RecoverySignal,
    SorenessLog,
    WorkoutLog,
)
from training_logs.services import SetInput, workout_log_create

SORE_CHOICES = ("quadriceps", "hamstrings", "chest", "lats", "shoulders", "glutes")


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


class Command(BaseCommand):
    help = (
        "Measure the day plan and adapt latencies and the engine time per adaptation."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=50)
        parser.add_argument("--weeks", type=int, default=12)
        parser.add_argument("--days", type=int, default=4)
        parser.add_argument("--log-weeks", type=int, default=52)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, **opts):
        if not Movement.objects.exists():
            raise CommandError(
                "Load the movement library first: manage.py loaddata movements"
            )
        rng = random.Random(opts["seed"])
        user = User.objects.create_user(
            email=f"bench-coach-{uuid.uuid4().hex[:8]}@alloy.local",
            password=uuid.uuid4().hex,
            experience_level=ExperienceLevel.INTERMEDIATE,
        )
        try:
            self._run(user, rng, opts)
        finally:
            Program.objects.filter(user=user).delete()
            DailyCheckIn.objects.filter(user=user).delete()
            WorkoutLog.objects.filter(user=user).delete()
            SorenessLog.objects.filter(user=user).delete()
            RecoverySignal.objects.filter(user=user).delete()
            MuscleRecoveryState.objects.filter(user=user).delete()
            user.delete()

    def _run(self, user, rng: random.Random, opts) -> None:
        today = timezone.localdate()
        started = time.perf_counter()
        program, _ = program_services.program_create(
            user=user,
            data=program_services.ProgramInput(
                goals=[("STRENGTH", 6), ("HYPERTROPHY", 4)],
                duration_weeks=opts["weeks"],
                days_per_week=opts["days"],
                max_session_minutes=60,
                start_date=today - timedelta(weeks=6),
            ),
            enqueue=False,
        )
        program_services.program_generate(program_id=program.pk)
        setup_program = time.perf_counter() - started

        started = time.perf_counter()
        workouts = self._year_of_logs(user, program, rng, opts["log_weeks"])
        setup_logs = time.perf_counter() - started

        token = str(RefreshToken.for_user(user).access_token)
        client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {token}")
        days = list(
            Session.objects.filter(
                program=program, date__gte=today, date__lt=today + timedelta(days=14)
            )
            .exclude(session_type=SessionType.RECOVERY)
            .order_by("date")
            .values_list("date", flat=True)
        )
        if not days:
            raise CommandError("The program has no training day in the next two weeks.")

        self.stdout.write(
            f"database: {connection.vendor} · movements: {Movement.objects.count()} · "
            f"program: {opts['weeks']} weeks × {opts['days']} days · "
            f"logs: {workouts} workouts over {opts['log_weeks']} weeks · "
            f"requests: {opts['requests']}"
        )
        self.stdout.write(
            f"setup: program {setup_program:.2f} s, logs {setup_logs:.2f} s"
        )

        # Warm-up: the first request pays for imports and the settings row.
        client.get(f"/api/v1/days/{days[0].isoformat()}/plan/")

        plan_ms, plan_cpu = [], []
        for i in range(opts["requests"]):
            day = days[i % len(days)]
            started, cpu = time.perf_counter(), time.process_time()
            response = client.get(f"/api/v1/days/{day.isoformat()}/plan/")
            plan_ms.append((time.perf_counter() - started) * 1000)
            plan_cpu.append((time.process_time() - cpu) * 1000)
            if response.status_code != 200:
                raise CommandError(f"plan failed: {response.status_code}")

        # Warm-up: the first adaptation reads the library snapshot (then cached).
        client.post(
            f"/api/v1/days/{days[0].isoformat()}/adapt/",
            {"minutes_available": 45},
            content_type="application/json",
        )
        adapt_ms, adapt_cpu = [], []
        for i in range(opts["requests"]):
            day = days[i % len(days)]
            body = {
                "soreness": {rng.choice(SORE_CHOICES): rng.randint(3, 9)},
                "sleep_hours": str(rng.choice([5, 6, 7, 8])),
                "energy": rng.randint(1, 5),
                "stress": rng.randint(1, 5),
                "minutes_available": rng.choice([30, 35, 45, 60]),
            }
            started, cpu = time.perf_counter(), time.process_time()
            response = client.post(
                f"/api/v1/days/{day.isoformat()}/adapt/",
                body,
                content_type="application/json",
            )
            adapt_ms.append((time.perf_counter() - started) * 1000)
            adapt_cpu.append((time.process_time() - cpu) * 1000)
            if response.status_code != 201:
                raise CommandError(
                    f"adapt failed: {response.status_code} {response.content!r}"
                )

        # The engine per adaptation, timed inside the service (library snapshot
        # taken once, as the worker or a warm process would).
        started = time.perf_counter()
        library = program_specs.movement_library_snapshot()
        library_ms = [(time.perf_counter() - started) * 1000]
        engine_ms, snapshot_ms = [], []
        for i in range(opts["requests"]):
            timings = coach_services.AdaptTimings()
            coach_services.session_adapt(
                user=user,
                day=days[i % len(days)],
                data=coach_services.CheckInInput(
                    soreness={rng.choice(SORE_CHOICES): rng.randint(3, 9)},
                    sleep_hours=Decimal(rng.choice([5, 6, 7, 8])),
                    minutes_available=rng.choice([30, 35, 45, 60]),
                ),
                library=library,
                timings=timings,
            )
            engine_ms.append(timings.engine_seconds * 1000)
            snapshot_ms.append(timings.snapshot_seconds * 1000)

        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        self.stdout.write(
            f"load average {load:.1f} on {os.cpu_count()} CPUs: wall times include "
            "waiting for a CPU; CPU ms is this process's own time."
        )
        header = (
            f"{'measure':<34} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8} {'target':>8}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for label, values, target in (
            ("GET /days/{date}/plan/", plan_ms, "≤ 50"),
            ("  (CPU)", plan_cpu, ""),
            ("POST /days/{date}/adapt/", adapt_ms, "≤ 100"),
            ("  (CPU)", adapt_cpu, ""),
            ("engine per adaptation", engine_ms, ""),
            ("snapshot reads per adaptation", snapshot_ms, ""),
            ("library snapshot (cold, once)", library_ms, ""),
        ):
            self.stdout.write(
                f"{label:<34} {_percentile(values, 50):>8.1f} "
                f"{_percentile(values, 95):>8.1f} {statistics.fmean(values):>8.1f} "
                f"{target:>8}"
            )

    def _year_of_logs(self, user, program, rng: random.Random, weeks: int) -> int:
        """Four workouts a week for ``weeks`` weeks up to yesterday: the program's
        past sessions logged as planned, older weeks ad hoc with the program's
        first week's exercises, loads climbing slowly with noise."""
        today = timezone.localdate()
        sessions = list(
            Session.objects.filter(program=program)
            .exclude(session_type=SessionType.RECOVERY)
            .prefetch_related("exercises")
            .order_by("date")
        )
        templates = [s for s in sessions if s.exercises.all()][:4]
        base: dict[int, float] = {}
        for session in sessions:
            for exercise in session.exercises.all():
                base.setdefault(exercise.movement_id, rng.uniform(30, 100))
        count = 0
        start = today - timedelta(weeks=weeks)
        for week in range(weeks):
            for slot, offset in enumerate((0, 2, 4, 5)):
                day = start + timedelta(weeks=week, days=offset)
                if day >= today:
                    continue
                planned = next(
                    (s for s in sessions if s.date == day and s.exercises.all()), None
                )
                template = planned or templates[slot % len(templates)]
                progress = 1 + 0.002 * week
                sets = []
                for exercise in template.exercises.all():
                    warm = exercise.role in ("WARMUP", "COOLDOWN")
                    reps = exercise.reps_max or exercise.reps_min
                    for _ in range(exercise.sets):
                        load = None
                        if reps and not warm:
                            load = Decimal(
                                str(
                                    round(
                                        base[exercise.movement_id]
                                        * progress
                                        * rng.uniform(0.95, 1.05),
                                        1,
                                    )
                                )
                            )
                        rpe = exercise.target_rpe
                        if rpe is not None and not warm:
                            rpe = min(
                                Decimal("10"),
                                rpe + Decimal(rng.choice(["0", "0", "0.5", "1"])),
                            )
                        sets.append(
                            SetInput(
                                movement_id=exercise.movement_id,
                                session_exercise_id=exercise.pk if planned else None,
                                reps=reps,
                                duration_seconds=None
                                if reps
                                else exercise.duration_seconds,
                                load_kg=load,
                                rpe=rpe,
                                is_warmup=warm,
                            )
                        )
                performed = timezone.make_aware(datetime.combine(day, clock(18, 0)))
                workout_log_create(
                    user=user,
                    session_id=planned.pk if planned else None,
                    sets=sets,
                    performed_at=performed,
                )
                count += 1
        return count
