from __future__ import annotations

from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "programs"

    def ready(self) -> None:
        # Every django-q2 worker process sweeps stalled generation when it starts
        # (programs/leases.py): a restarted cluster resumes a killed worker's
        # programs within seconds. Infrastructure wiring, not domain logic.
        from django_q.signals import post_spawn

        from programs.leases import start_worker_check

        post_spawn.connect(start_worker_check, dispatch_uid="programs-generation-sweep")
