"""A dead worker is noticed in seconds: SIGKILL a real cluster mid-generation.

Starts ``manage.py qcluster`` (its own process group) against the test database,
creates three 12-week, 6-day programs, kills the whole cluster with SIGKILL once
generation is under way (sessions claimed, some written), starts a new cluster and
requires every program COMPLETED within 30 s of the restart — the ORM broker alone
would hand the dead tasks out again only after ``Q_CLUSTER_RETRY`` (180 s) — with
every session's exercises exactly what the deterministic engine prescribes (none
written twice). The bound is the documented default
(``ALLOY_GENERATION_STALE_SECONDS`` = 10 s, programs/leases.py).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from programs import specs
from programs.generation import iter_generate_sessions, plan_program
from programs.generation import types as t
from programs.models import (
    GenerationStatus,
    Program,
    Session,
    SessionExercise,
    SessionType,
)
from programs.services import program_create
from programs.tests.conftest import make_input
from programs.tests.library import build_library

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(settings.BASE_DIR)
RESTART_BUDGET_SECONDS = 30


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = quote(db.get("USER") or "")
    password = quote(db.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


def _start_cluster(log_name: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coach.settings",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # tasks are signed
        "DATABASE_URL": _database_url(),
        "Q_CLUSTER_WORKERS": "2",
        "Q_CLUSTER_POLL": "0.1",
        "ALLOY_LOG_LEVEL": "INFO",
    }
    env.pop("CACHE_URL", None)
    log = BASE_DIR / "artifacts" / log_name
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as out:
        # A session of its own: SIGKILL to the group takes the workers too, as
        # when a host or container dies.
        return subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _kill(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        _kill(process)


@pytest.fixture
def clusters():
    started: list[subprocess.Popen] = []

    def start(log_name: str) -> subprocess.Popen:
        process = _start_cluster(log_name)
        started.append(process)
        return process

    yield start
    for process in started:
        _stop(process)


def _expected_exercises(program: Program) -> dict[tuple[int, int], list]:
    """What the deterministic engine prescribes, per (microcycle, day)."""
    library = specs.movement_library_snapshot()
    spec = specs.program_spec(program=program)
    plan = plan_program(spec)
    return {
        (r.microcycle_sequence, r.day_index): [
            (ex.movement_id, ex.order, ex.sets) for ex in r.exercises
        ]
        for r in iter_generate_sessions(spec, plan, library)
        if isinstance(r, t.GeneratedSession)
    }


def test_killed_cluster_is_resumed_within_30s_of_restart_without_duplicates(
    user, clusters, monkeypatch
):
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", False)  # enqueue for the real cluster
    build_library()
    first = clusters("qcluster-fault-first.log")
    programs = [
        program_create(user=user, data=make_input(duration_weeks=12, days_per_week=6))[
            0
        ]
        for _ in range(3)
    ]
    written = Session.objects.filter(
        program__in=programs, generation_status=GenerationStatus.COMPLETED
    ).exclude(session_type=SessionType.RECOVERY)
    deadline = time.monotonic() + 120
    while not written.exists():
        assert first.poll() is None, "qcluster exited early; see artifacts/"
        assert time.monotonic() < deadline, "the first cluster never started writing"
        time.sleep(0.05)
    _kill(first)
    open_at_kill = Session.objects.filter(
        program__in=programs,
        generation_status__in=[GenerationStatus.PENDING, GenerationStatus.IN_PROGRESS],
    ).count()
    assert open_at_kill, "generation finished before the kill; nothing was tested"
    assert Session.objects.filter(program__in=programs).exclude(claim_token="").exists()

    restarted = time.monotonic()
    second = clusters("qcluster-fault-second.log")
    statuses: list[str] = []
    while time.monotonic() - restarted < RESTART_BUDGET_SECONDS:
        assert second.poll() is None, "qcluster exited early; see artifacts/"
        statuses = list(
            Program.objects.filter(pk__in=[p.pk for p in programs]).values_list(
                "generation_status", flat=True
            )
        )
        if all(s == GenerationStatus.COMPLETED for s in statuses):
            break
        time.sleep(0.2)
    elapsed = time.monotonic() - restarted
    assert statuses == [GenerationStatus.COMPLETED] * 3, (
        f"after {elapsed:.1f}s: {statuses}"
    )
    print(  # noqa: T201
        f"{open_at_kill} open sessions at the kill; all 3 programs completed "
        f"{elapsed:.1f}s after the restart"
    )
    for program in programs:
        expected = _expected_exercises(program)
        sessions = Session.objects.filter(program=program).exclude(
            session_type=SessionType.RECOVERY
        )
        assert not sessions.exclude(claim_token="").exists()
        for session in sessions.select_related("microcycle"):
            got = list(
                SessionExercise.objects.filter(session=session)
                .order_by("order")
                .values_list("movement_id", "order", "sets")
            )
            key = (session.microcycle.sequence_number, session.day_index)
            assert got == expected[key], f"session {key} of program {program.pk}"
