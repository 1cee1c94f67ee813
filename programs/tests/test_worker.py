"""The worker path, for real: a ``qcluster`` process generates a created program.

Starts ``manage.py qcluster`` as a separate process against the test database (a
file for SQLite, the test database for PostgreSQL), creates a program through the
API-facing service with django-q2's sync mode off, and waits for the cluster to
complete every session.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from programs.models import GenerationStatus, Program, Session, SessionType
from programs.services import program_create
from programs.tests.conftest import make_input
from programs.tests.library import build_library

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(settings.BASE_DIR)


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = quote(db.get("USER") or "")
    password = quote(db.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{db['NAME']}"


@pytest.fixture
def qcluster():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coach.settings",
        # Tasks are signed: the cluster must share the test process's key.
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": _database_url(),
        "Q_CLUSTER_WORKERS": "1",
        "Q_CLUSTER_POLL": "0.1",
    }
    log = BASE_DIR / "artifacts" / "qcluster-test.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_real_cluster_generates_every_session(user, qcluster, monkeypatch):
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", False)  # enqueue for the real cluster
    build_library()
    started = time.monotonic()
    program, _ = program_create(
        user=user, data=make_input(duration_weeks=12, days_per_week=6)
    )
    deadline = started + 90
    status = GenerationStatus.PENDING
    while time.monotonic() < deadline:
        assert qcluster.poll() is None, "qcluster exited early; see artifacts/"
        status = Program.objects.get(pk=program.pk).generation_status
        if status in (GenerationStatus.COMPLETED, GenerationStatus.FAILED):
            break
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    program.refresh_from_db()
    assert status == GenerationStatus.COMPLETED, program.generation_error
    training = Session.objects.filter(program=program).exclude(
        session_type=SessionType.RECOVERY
    )
    assert training.count() == 72
    assert not training.exclude(generation_status=GenerationStatus.COMPLETED).exists()
    assert all(s.exercises.exists() for s in training)
    print(f"real cluster generated 72 sessions in {elapsed:.2f}s")  # noqa: T201
