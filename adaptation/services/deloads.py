"""Deload now: turn the program's next loading microcycle into a deload.

The athlete accepts the deload suggestion (``adaptation.engine.deload_trigger``)
or asks for one. The microcycle row is marked ``is_deload``; the planning
engine reads deloading microcycles from the program's spec
(``programs.specs.program_spec`` → ``ProgramSpec.extra_deloads``), so the
ordinary generation task (``programs.tasks.program_generate_task``, enqueued on
commit) rewrites its sessions as a deload in the worker: same exercises and
days, about half the sets, RPE −2 (reference §7). Nothing is generated here.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from coach.exceptions import ApplicationError
from programs.models import (
    GenerationStatus,
    Microcycle,
    Program,
    Session,
    SessionType,
)
from programs.services import enqueue_generation


def next_loading_microcycle(*, program: Program, today: date) -> Microcycle | None:
    """The first microcycle starting after ``today`` that is not a deload."""
    return (
        program.microcycles.filter(start_date__gt=today, is_deload=False)
        .order_by("sequence_number")
        .first()
    )


@transaction.atomic
def program_deload_now(*, program: Program, today: date | None = None) -> Microcycle:
    """Make the next loading microcycle a deload and regenerate it in the worker.

    Its training sessions go back to PENDING (rest days stay), the program to
    PENDING, and generation is enqueued on commit; the worker rewrites only those
    sessions (completed ones are skipped). Returns the microcycle. Raises
    ``ApplicationError`` when no loading microcycle is left.
    """
    today = today or timezone.localdate()
    microcycle = next_loading_microcycle(program=program, today=today)
    if microcycle is None:
        raise ApplicationError(
            "There is no loading week left in this program to turn into a deload."
        )
    Microcycle.objects.filter(pk=microcycle.pk).update(
        is_deload=True,
        generation_status=GenerationStatus.PENDING,
        generation_error="",
    )
    Session.objects.filter(microcycle=microcycle).exclude(
        session_type=SessionType.RECOVERY
    ).update(generation_status=GenerationStatus.PENDING, generation_error="")
    Program.objects.filter(pk=program.pk).update(
        generation_status=GenerationStatus.PENDING, generation_error=""
    )
    program_id = program.pk
    transaction.on_commit(lambda: enqueue_generation(program_id))
    microcycle.refresh_from_db()
    return microcycle
