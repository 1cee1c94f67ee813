from __future__ import annotations

from django.apps import AppConfig


class CoachConfig(AppConfig):
    name = "coach"
    verbose_name = "Coach (athletes)"

    def ready(self) -> None:
        # Every django-q2 worker process lowers its CPU priority as it starts
        # (ALLOY_WORKER_NICE, coach/worker.py), so generation does not starve
        # the web processes on a shared host. Infrastructure wiring.
        from django_q.signals import post_spawn

        from coach.worker import lower_worker_priority

        post_spawn.connect(lower_worker_priority, dispatch_uid="coach-worker-nice")
