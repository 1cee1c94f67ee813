"""The program's life after creation: retry failed sessions, regenerate one
session, delete the program. Each is one short transaction; generation itself
runs in the worker (:mod:`.generation`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from programs.models import GenerationStatus, Program, Session, SessionType
from programs.services.generation import enqueue_generation


def program_retry_failed(*, program: Program) -> int:
    """Put the program's FAILED sessions back to PENDING and enqueue generation.

    Returns how many sessions will be retried (0: nothing enqueued).
    """
    with transaction.atomic():
        count = Session.objects.filter(
            program=program, generation_status=GenerationStatus.FAILED
        ).update(generation_status=GenerationStatus.PENDING, generation_error="")
        if count or program.generation_status == GenerationStatus.FAILED:
            Program.objects.filter(pk=program.pk).update(
                generation_status=GenerationStatus.PENDING, generation_error=""
            )
            transaction.on_commit(lambda: enqueue_generation(program.pk))
    return count


def session_regenerate(*, session: Session) -> Session:
    """Draw a fresh selection for one training session (in the background).

    Bumps the session's ``variant`` (a reproducible new seed for that day), marks
    it PENDING and enqueues generation. Raises ``ValidationError`` for a rest day.
    """
    if session.session_type == SessionType.RECOVERY:
        raise ValidationError({"session": ["A rest day has nothing to regenerate."]})
    with transaction.atomic():
        session.variant += 1
        session.generation_status = GenerationStatus.PENDING
        session.generation_error = ""
        session.save(update_fields=["variant", "generation_status", "generation_error"])
        Program.objects.filter(pk=session.program_id).update(
            generation_status=GenerationStatus.PENDING, generation_error=""
        )
        program_id = session.program_id
        transaction.on_commit(lambda: enqueue_generation(program_id))
    return session


def program_delete(*, program: Program) -> None:
    """Delete the program; microcycles, sessions and exercises cascade."""
    program.delete()
