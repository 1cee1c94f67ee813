"""Benchmark: do slow model streams delay another athlete's day plan? Prints a
table, asserts nothing.

    python manage.py bench_voice [--streams 50] [--requests 100] [--token-delay 0.2]

It serves Alloy the way ``make run`` does — one uvicorn process on
``coach.asgi`` — against the configured database, with a fake OpenAI-compatible
model on loopback (``coach.fake_llm``) that streams a ~100-word answer one word
every ``--token-delay`` seconds (about 20 s per answer). Two athletes: A has a
12-week program and 12 weeks of logs; B has a program and a conversation thread.

1. baseline: ``--requests`` sequential ``GET /api/v1/days/{date}/plan/`` as A;
2. load: ``--streams`` concurrent ``POST /api/v1/days/{date}/threads/{id}/
   messages`` as B, each streaming the slow answer; once every stream has
   received its first token, the same ``--requests`` plan calls as A, while the
   streams are still running (the command checks and reports how many were);
3. every stream is read to its end (``done`` event), then the plan calls are
   made alone once more (on a shared machine, the drift between phases).

It prints p50/p95/max of the plan latency in both phases, the streams' time to
first token and total time, and removes everything it created. The issue's
guarantee: the plan's p95 under load stays within its normal p95.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import random
import socket
import subprocess
import sys
import threading
import time
import uuid
from datetime import timedelta

import httpx
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone
from rest_framework_simplejwt.tokens import RefreshToken

from adaptation import services as coach_services
from adaptation.management.commands.bench_daily_coach import (
    Command as DailyCoachBench,
)
from adaptation.models import DailyCheckIn
from coach.fake_llm import DEFAULT_REPLY, FakeLLM
from coach.models import ExperienceLevel, User
from movements.models import Movement
from programs import services as program_services
from programs.models import Program, Session, SessionType
from training_logs.models import (
    MuscleRecoveryState,
    RecoverySignal,
    SorenessLog,
    WorkoutLog,
)


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Command(BaseCommand):
    help = "Measure GET /days/{date}/plan with and without slow model streams."

    def add_arguments(self, parser):
        parser.add_argument("--streams", type=int, default=50)
        parser.add_argument("--requests", type=int, default=100)
        parser.add_argument("--token-delay", type=float, default=0.2)
        parser.add_argument("--log-weeks", type=int, default=12)

    def handle(self, *args, **opts):
        logging.getLogger("httpx").setLevel(logging.WARNING)
        if not Movement.objects.exists():
            raise CommandError(
                "Load the movement library first: manage.py loaddata movements"
            )
        users = [self._athlete("a"), self._athlete("b")]
        try:
            self._run(*users, opts)
        finally:
            for user in users:
                Program.objects.filter(user=user).delete()
                DailyCheckIn.objects.filter(user=user).delete()
                WorkoutLog.objects.filter(user=user).delete()
                SorenessLog.objects.filter(user=user).delete()
                RecoverySignal.objects.filter(user=user).delete()
                MuscleRecoveryState.objects.filter(user=user).delete()
                user.delete()

    def _athlete(self, tag: str) -> User:
        return User.objects.create_user(
            email=f"bench-voice-{tag}-{uuid.uuid4().hex[:8]}@alloy.local",
            password=uuid.uuid4().hex,
            experience_level=ExperienceLevel.INTERMEDIATE,
        )

    def _program(self, user) -> tuple[Program, list]:
        today = timezone.localdate()
        program, _ = program_services.program_create(
            user=user,
            data=program_services.ProgramInput(
                goals=[("STRENGTH", 6), ("HYPERTROPHY", 4)],
                duration_weeks=12,
                days_per_week=4,
                max_session_minutes=60,
                start_date=today - timedelta(weeks=6),
            ),
            enqueue=False,
        )
        program_services.program_generate(program_id=program.pk)
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
        return program, days

    def _run(self, athlete_a, athlete_b, opts) -> None:
        program_a, days_a = self._program(athlete_a)
        workouts = DailyCoachBench()._year_of_logs(
            athlete_a, program_a, random.Random(7), opts["log_weeks"]
        )
        _program_b, days_b = self._program(athlete_b)
        adaptation = coach_services.session_adapt(
            user=athlete_b,
            day=days_b[0],
            data=coach_services.CheckInInput(
                soreness={"quadriceps": 8}, minutes_available=35
            ),
        )
        thread = coach_services.thread_open(user=athlete_b, adaptation=adaptation)
        token_a = str(RefreshToken.for_user(athlete_a).access_token)
        token_b = str(RefreshToken.for_user(athlete_b).access_token)
        reply = " ".join([DEFAULT_REPLY] * 4)

        with FakeLLM(reply=reply, token_delay=opts["token_delay"]) as fake:
            port = _free_port()
            server = self._uvicorn(port, fake.base_url)
            try:
                base = f"http://127.0.0.1:{port}"
                self._wait_until_up(base, server)
                self.stdout.write(
                    f"database: {connection.vendor} · server: uvicorn (1 process) · "
                    f"athlete A: 12 weeks × 4 days, {workouts} workouts logged · "
                    f"fake model: {len(reply.split())} words, one per "
                    f"{opts['token_delay']} s"
                )
                plan_urls = [
                    f"{base}/api/v1/days/{day.isoformat()}/plan/" for day in days_a
                ]
                with httpx.Client(
                    headers={"Authorization": f"Bearer {token_a}"}, timeout=30
                ) as client:
                    for url in plan_urls:  # warm-up: imports, connections
                        client.get(url).raise_for_status()
                    baseline = self._plans(client, plan_urls, opts["requests"])

                    streams = _Streams(
                        f"{base}/api/v1/days/{days_b[0].isoformat()}/threads/"
                        f"{thread.pk}/messages",
                        token_b,
                        opts["streams"],
                    )
                    streams.start()
                    if not streams.all_started.wait(timeout=60):
                        raise CommandError(
                            f"only {streams.started} of {opts['streams']} streams "
                            "started within 60 s"
                        )
                    loaded = self._plans(client, plan_urls, opts["requests"])
                    running = streams.running()
                    streams.join()
                    # Alone again: the machine's drift between the two phases.
                    after = self._plans(client, plan_urls, opts["requests"])
            finally:
                server.terminate()
                try:
                    server.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()

        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        self.stdout.write(
            f"load average {load:.1f} on {os.cpu_count()} CPUs (shared machine: wall "
            "times include waiting for a CPU)"
        )
        header = f"{'measure':<48} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'n':>5}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for label, values in (
            ("GET /days/{date}/plan/, alone", baseline),
            (f"GET /days/{{date}}/plan/, {opts['streams']} streams open", loaded),
            ("GET /days/{date}/plan/, alone again after", after),
            ("stream: time to first token", streams.first_token_ms),
            ("stream: whole answer", streams.total_ms),
        ):
            self.stdout.write(
                f"{label:<48} {_percentile(values, 50):>8.1f} "
                f"{_percentile(values, 95):>8.1f} {max(values):>8.1f} "
                f"{len(values):>5}"
            )
        self.stdout.write(
            f"streams still running when the loaded plan calls ended: {running} of "
            f"{opts['streams']}; ended with done: {streams.done} "
            f"(fallback: {streams.fallback}, errors: {len(streams.errors)})"
        )
        for error in streams.errors[:3]:
            self.stdout.write(f"  stream error: {error}")

    def _plans(self, client, urls: list[str], count: int) -> list[float]:
        timings = []
        for i in range(count):
            started = time.perf_counter()
            response = client.get(urls[i % len(urls)])
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"plan failed: {response.status_code}")
        return timings

    def _uvicorn(self, port: int, llm_url: str) -> subprocess.Popen:
        db = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "LLM_BASE_URL": llm_url,
            "LLM_MODEL": "fake-coach",
            "LLM_READ_TIMEOUT": "10",
            "LLM_TOTAL_TIMEOUT": "60",
        }
        if db["ENGINE"].endswith("sqlite3"):
            env["ALLOY_SQLITE_PATH"] = str(db["NAME"])
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "coach.asgi:application",
                "--port",
                str(port),
                "--log-level",
                "warning",
                "--no-access-log",
            ],
            cwd=settings.BASE_DIR,
            env=env,
        )

    def _wait_until_up(self, base: str, server: subprocess.Popen) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError("uvicorn exited before it answered")
            try:
                httpx.get(f"{base}/health/llm", timeout=2)
                return
            except httpx.HTTPError:
                time.sleep(0.3)
        raise CommandError("uvicorn did not answer within 60 s")


class _Streams:
    """``count`` concurrent event streams on their own event loop (a thread)."""

    def __init__(self, url: str, token: str, count: int) -> None:
        self.url, self.token, self.count = url, token, count
        self.started = 0
        self.finished = 0
        self.done = 0
        self.fallback = 0
        self.errors: list[str] = []
        self.first_token_ms: list[float] = []
        self.total_ms: list[float] = []
        self.all_started = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._all()))

    def start(self) -> None:
        self._thread.start()

    def join(self) -> None:
        self._thread.join()

    def running(self) -> int:
        return self.started - self.finished

    async def _all(self) -> None:
        limits = httpx.Limits(max_connections=self.count + 5)
        timeout = httpx.Timeout(90, connect=10)
        async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
            await asyncio.gather(*(self._one(client, i) for i in range(self.count)))

    async def _one(self, client: httpx.AsyncClient, index: int) -> None:
        started = time.perf_counter()
        first = None
        last_event = None
        try:
            async with client.stream(
                "POST",
                self.url,
                json={"content": f"Question {index}: why this plan?"},
                headers={"Authorization": f"Bearer {self.token}"},
            ) as response:
                if response.status_code != 200:
                    body = await response.aread()
                    raise RuntimeError(f"HTTP {response.status_code}: {body[:120]!r}")
                async for line in response.aiter_lines():
                    if line.startswith("event: "):
                        last_event = line[7:]
                        if last_event == "token" and first is None:
                            first = time.perf_counter()
                            self.started += 1
                            if self.started == self.count:
                                self.all_started.set()
                    elif line.startswith("data: ") and last_event in (
                        "done",
                        "fallback",
                    ):
                        json.loads(line[6:])
        except Exception as exc:  # a benchmark reports, it does not stop
            self.errors.append(f"{type(exc).__name__}: {exc}"[:200])
            if first is None:
                self.started += 1
                if self.started == self.count:
                    self.all_started.set()
        finally:
            self.finished += 1
        end = time.perf_counter()
        if first is not None:
            self.first_token_ms.append((first - started) * 1000)
        self.total_ms.append((end - started) * 1000)
        if last_event == "done":
            self.done += 1
        elif last_event == "fallback":
            self.fallback += 1
