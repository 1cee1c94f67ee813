"""Create (or update) the django-q2 schedule that sweeps stalled generation."""

from __future__ import annotations

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create or update the once-a-minute django-q2 schedule that re-queues "
        "program generation whose heartbeat is stale (idempotent)."
    )

    def handle(self, *args, **options):
        from django_q.models import Schedule

        from programs.leases import SWEEP_SCHEDULE_NAME, SWEEP_TASK

        # catch_up=False (Q_CLUSTER): after downtime it runs once, not per missed
        # minute; the worker-start check covers the restart itself.
        schedule, created = Schedule.objects.update_or_create(
            name=SWEEP_SCHEDULE_NAME,
            defaults={
                "func": SWEEP_TASK,
                "schedule_type": Schedule.MINUTES,
                "minutes": 1,
                "repeats": -1,
            },
        )
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} schedule {schedule.name!r} ({SWEEP_TASK}, 1/min)")
