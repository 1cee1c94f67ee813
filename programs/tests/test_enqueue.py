"""Generation's task row commits with the program (django-q2's ORM broker).

With the ORM broker the task is a row of the same database, invisible to the
workers until the program commits, so :func:`program_create` writes it inside
the program's transaction: a program never exists without its queued
generation, and on SQLite creating takes the write lock once (issue 13: the
load test's create p95). A Redis broker or sync mode enqueues on commit.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django_q.models import OrmQ

from programs.models import Program
from programs.services import program_create
from programs.services.creation import queue_commits_with_the_program
from programs.tests.conftest import make_input
from programs.tests.library import build_library

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def orm_broker(settings, monkeypatch):
    """The production configuration: the ORM broker, not sync mode."""
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", False)
    conf = {k: v for k, v in settings.Q_CLUSTER.items() if k not in ("sync", "redis")}
    settings.Q_CLUSTER = {**conf, "orm": "default"}


def test_the_task_row_is_written_in_the_programs_transaction(
    user, orm_broker, django_capture_on_commit_callbacks
):
    build_library()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        program, _ = program_create(user=user, data=make_input())
    assert not callbacks  # nothing left to do after the commit
    (task,) = OrmQ.objects.all()
    assert task.task["args"] == (program.pk,)


def test_a_refused_program_queues_nothing(user, orm_broker):
    build_library()
    with pytest.raises(ValidationError):
        program_create(user=user, data=make_input(duration_weeks=3))
    assert not Program.objects.exists()
    assert not OrmQ.objects.exists()


def test_redis_and_sync_mode_enqueue_on_commit(settings):
    conf = {k: v for k, v in settings.Q_CLUSTER.items() if k not in ("orm", "sync")}
    settings.Q_CLUSTER = {**conf, "orm": "default"}
    assert queue_commits_with_the_program()
    settings.Q_CLUSTER = {**conf, "orm": "default", "sync": True}
    assert not queue_commits_with_the_program()
    settings.Q_CLUSTER = {**conf, "redis": "redis://127.0.0.1:6379/0"}
    assert not queue_commits_with_the_program()
