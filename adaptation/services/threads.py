"""Conversation threads: open one with a streamed adaptation, add the athlete's
questions and the coach's answers, accept or reject the thread together with its
adaptation.

Every write is one short transaction; none is held while a model talks. An
assistant turn is written once, after its answer has ended (the model's text,
or the deterministic text with the failure's kind), so a stream that dies
half-way leaves the thread and its earlier turns exactly as they were.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from adaptation import voice
from adaptation.models import (
    MESSAGE_MAX_CHARS,
    ConversationThread,
    ConversationTurn,
    SessionAdaptation,
    ThreadStatus,
    TurnRole,
)
from adaptation.services.adaptations import adaptation_accept, adaptation_reject
from coach import llm
from coach.exceptions import ApplicationError
from movements.models import Movement


@transaction.atomic
def thread_open(*, user, adaptation: SessionAdaptation) -> ConversationThread:
    """A new IN_PROGRESS thread about ``adaptation`` (of ``user``'s session)."""
    return ConversationThread.objects.create(
        user=user, session_id=adaptation.session_id, adaptation=adaptation
    )


def thread_context(*, adaptation: SessionAdaptation) -> dict:
    """The DATA the coach talks from (``voice.explanation_context``); one query
    for the names of the program's rule movements."""
    program = adaptation.session.program
    ids = {r.get("movement_id") for r in program.movement_rules or []}
    ids.discard(None)
    names = dict(Movement.objects.filter(pk__in=ids).values_list("pk", "name"))
    return voice.explanation_context(adaptation, movement_names=names)


def message_errors(content) -> dict[str, list[str]]:
    """Field errors of an athlete's message: empty, or longer than
    ``MESSAGE_MAX_CHARS`` characters."""
    if not isinstance(content, str) or not content.strip():
        return {"content": ["Write a question for the coach."]}
    if len(content) > MESSAGE_MAX_CHARS:
        return {
            "content": [
                f"Keep it to {MESSAGE_MAX_CHARS} characters "
                f"(this one has {len(content)})."
            ]
        }
    return {}


@transaction.atomic
def thread_message_create(
    *, thread: ConversationThread, content: str
) -> ConversationTurn:
    """The athlete's question as a USER turn. Raises ``ValidationError``
    (``content``: empty or too long) or ``ApplicationError`` (the thread is
    decided); nothing is written then."""
    errors = message_errors(content)
    if errors:
        raise ValidationError(errors)
    if thread.status != ThreadStatus.IN_PROGRESS:
        raise ApplicationError(
            "This conversation is closed: the adaptation was already "
            f"{thread.get_status_display().lower()}.",
            {"status": thread.status},
        )
    return ConversationTurn.objects.create(
        thread=thread, role=TurnRole.USER, content=content.strip()
    )


@transaction.atomic
def turn_record_answer(
    *,
    thread_id: int,
    outcome: llm.Outcome,
    fallback_text: str,
    flags: list[dict] = (),
) -> ConversationTurn:
    """The ASSISTANT turn of one ended answer: the model's text when it
    answered, else ``fallback_text`` with ``error_kind`` the failure."""
    return ConversationTurn.objects.create(
        thread_id=thread_id,
        role=TurnRole.ASSISTANT,
        content=outcome.content if outcome.ok else fallback_text,
        model_name=outcome.model,
        latency_ms=outcome.latency_ms,
        prompt_tokens=outcome.prompt_tokens,
        completion_tokens=outcome.completion_tokens,
        error_kind=outcome.error.value if outcome.error else "",
        flags=list(flags),
    )


@transaction.atomic
def thread_decide(
    *,
    thread: ConversationThread,
    accept: bool,
    final_notes: str = "",
    now: datetime | None = None,
) -> ConversationThread:
    """Accept (or reject) the thread and its adaptation together, through
    ``adaptation_accept``/``adaptation_reject``. ``final_content`` becomes the
    last answer the athlete was shown. Raises ``ValidationError``
    (``final_notes`` too long) or ``ApplicationError`` (thread or adaptation
    already decided); nothing is written then."""
    if len(final_notes or "") > MESSAGE_MAX_CHARS:
        raise ValidationError(
            {"final_notes": [f"Keep it to {MESSAGE_MAX_CHARS} characters."]}
        )
    if thread.status != ThreadStatus.IN_PROGRESS:
        raise ApplicationError(
            f"This conversation was already {thread.get_status_display().lower()}.",
            {"status": thread.status},
        )
    now = now or timezone.now()
    decide = adaptation_accept if accept else adaptation_reject
    thread.adaptation = decide(adaptation=thread.adaptation, now=now)
    last = (
        thread.turns.filter(role=TurnRole.ASSISTANT)
        .order_by("-created_at", "-id")
        .values_list("content", flat=True)
        .first()
    )
    thread.status = ThreadStatus.ACCEPTED if accept else ThreadStatus.REJECTED
    thread.final_content = last or ""
    thread.final_notes = (final_notes or "").strip()
    thread.decided_at = now
    thread.save(
        update_fields=[
            "status",
            "final_content",
            "final_notes",
            "decided_at",
            "updated_at",
        ]
    )
    return thread
