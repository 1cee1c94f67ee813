"""The django-q2 worker's CPU priority.

On a shared host (the default: web and worker on the same cores) a worker
generating a whole program competes with the web processes for the CPU, and
the athletes' page views wait behind it. Every worker process therefore lowers
its own priority as it starts: the ``post_spawn`` signal django-q2 sends in each
new worker process (``django_q/worker.py``) runs :func:`lower_worker_priority`,
so it applies however the cluster is started (``manage.py serve``, ``make run``,
``manage.py qcluster``, ``loadtests/``, ``deploy/compose.yaml``).
"""

from __future__ import annotations

import logging
import os

from django.conf import settings

logger = logging.getLogger(__name__)


def lower_worker_priority(sender=None, proc_name: str = "", **kwargs) -> int | None:
    """django-q2 ``post_spawn`` receiver: raise this process's nice value to
    ``ALLOY_WORKER_NICE`` (POSIX niceness, 0–19; higher runs later) unless it is
    already at least that; 0 leaves it alone. A process may always lower its own
    priority, never raise it back, so the niceness a process was started with
    (``nice -n 15 manage.py qcluster``) is kept when it is higher. Returns the
    nice value now in effect, or ``None`` when nothing was done (sync mode: tests
    run the worker function in their own process; no ``os.setpriority``)."""
    from django_q.conf import Conf

    target = int(settings.ALLOY_WORKER_NICE)
    if Conf.SYNC or target <= 0 or not hasattr(os, "setpriority"):
        return None
    current = os.getpriority(os.PRIO_PROCESS, 0)
    if current < target:
        os.setpriority(os.PRIO_PROCESS, 0, target)
        logger.info("Worker %s runs at nice %d (was %d)", proc_name, target, current)
    return os.getpriority(os.PRIO_PROCESS, 0)
