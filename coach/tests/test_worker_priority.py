"""Every django-q2 worker process lowers its CPU priority as it starts
(``ALLOY_WORKER_NICE``, coach/worker.py), so generation runs behind the web."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import psutil
import pytest
from django.conf import settings
from django.test import override_settings

from coach.worker import lower_worker_priority

SCRIPT = """
import django, os
django.setup()
from django_q.conf import Conf
Conf.SYNC = False
from coach.worker import lower_worker_priority
print(lower_worker_priority(proc_name="Process-1"), os.getpriority(os.PRIO_PROCESS, 0))
"""


def run_as_worker(*, nice: int = 0, env: dict | None = None) -> str:
    """The receiver in a fresh process (started at ``nice``): a process cannot
    take its priority back, so the test's own process is never touched."""
    command = [sys.executable, "-c", SCRIPT]
    if nice:
        command = ["nice", "-n", str(nice), *command]
    result = subprocess.run(
        command,
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "coach.settings", **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_a_worker_takes_the_configured_niceness():
    assert run_as_worker(env={"ALLOY_WORKER_NICE": "10"}) == "10 10"


def test_a_worker_started_nicer_keeps_its_own_niceness():
    assert run_as_worker(nice=15, env={"ALLOY_WORKER_NICE": "10"}) == "15 15"


def test_zero_leaves_the_worker_as_it_was():
    assert run_as_worker(env={"ALLOY_WORKER_NICE": "0"}) == "None 0"


def test_sync_mode_leaves_the_test_process_alone():
    before = os.getpriority(os.PRIO_PROCESS, 0)
    with override_settings(ALLOY_WORKER_NICE=19):
        assert lower_worker_priority(proc_name="sync") is None
    assert os.getpriority(os.PRIO_PROCESS, 0) == before


def test_an_out_of_range_niceness_is_refused_at_startup():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "coach.settings",
            "ALLOY_WORKER_NICE": "25",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "ALLOY_WORKER_NICE must be between 0 and 19" in result.stderr


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_clusters_workers_run_at_the_lower_priority(qcluster):
    """``manage.py qcluster`` as started everywhere: its worker process (a
    descendant that runs django-q2's worker loop) is at ALLOY_WORKER_NICE, the
    cluster's own process keeps the niceness it was started with."""
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    expected = max(settings.ALLOY_WORKER_NICE, ours)
    root = psutil.Process(qcluster.pid)
    deadline = time.monotonic() + 30
    niced: list[psutil.Process] = []
    while time.monotonic() < deadline and not niced:
        assert qcluster.poll() is None, "qcluster exited early; see artifacts/"
        niced = [p for p in root.children(recursive=True) if p.nice() == expected]
        time.sleep(0.2)
    assert niced, "no worker process lowered its priority"
    assert root.nice() == ours
