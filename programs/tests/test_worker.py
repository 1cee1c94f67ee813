"""The worker path, for real: a ``qcluster`` process generates a created program.

Starts ``manage.py qcluster`` as a separate process against the test database (a
file for SQLite, the test database for PostgreSQL; the root ``conftest.py``'s
``qcluster`` fixture), creates a program through the
API-facing service with django-q2's sync mode off, and waits for the cluster to
complete every session.
"""

from __future__ import annotations

import time

import pytest

from programs.models import GenerationStatus, Program, Session, SessionType
from programs.services import program_create
from programs.tests.conftest import make_input
from programs.tests.library import build_library

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


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
