"""Fixtures shared by every app's tests (STYLE C13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def user(db):
    from coach.tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def other_user(db):
    from coach.tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def api_client():
    """An anonymous API client."""
    return APIClient()


@pytest.fixture
def auth_client(user):
    """An API client authenticated as ``user``."""
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def other_client(other_user):
    """An API client authenticated as ``other_user``."""
    client = APIClient()
    client.force_authenticate(other_user)
    return client


def _test_database_url() -> str:
    """The test database as a ``DATABASE_URL`` another process can open (the
    SQLite file, or the PostgreSQL test database)."""
    from django.db import connection

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
    """A real ``manage.py qcluster`` process (one worker, polling every 0.1 s) on
    the test database, for tests with a transactional database (the worker test,
    the browser tests). Its output goes to ``artifacts/qcluster-test.log``; it is
    terminated (then killed after 15 s) when the test ends. Tests that enqueue for
    it switch django-q2's sync mode off themselves."""
    from django.conf import settings

    base_dir = Path(settings.BASE_DIR)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coach.settings",
        # Tasks are signed: the cluster must share the test process's key.
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": _test_database_url(),
        "Q_CLUSTER_WORKERS": "1",
        "Q_CLUSTER_POLL": "0.1",
    }
    log = base_dir / "artifacts" / "qcluster-test.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=base_dir,
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
