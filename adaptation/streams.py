"""Server-Sent Events for the coach's voice: the event stream of one answer.

The stream of ``POST /api/v1/days/{date}/adapt/stream`` is::

    event: readiness   data: {"score", "band", "components", "weights",
                              "missing", "treatment", "defaulted"}
    event: adaptation  data: the proposal (as POST /days/{date}/adapt returns it)
    event: token       data: {"content": "<delta>"}              (0 or more)
    event: done        data: {"thread_id", "turn_id", "content", "model",
                              "latency_ms", "flags": [{"text", "number"}]}
      or
    event: fallback    data: {"thread_id", "turn_id", "reason", "detail",
                              "content"}

and the stream of ``POST /api/v1/days/{date}/threads/{id}/messages`` is the same
from ``token`` on. ``fallback.reason`` is a ``coach.llm.FailureKind`` value
(``not_configured``, ``connection_refused``, ``timeout``, ``http_error``,
``malformed_stream``, ``connection_lost``, ``empty_answer``) and its ``content``
the deterministic explanation, which replaces any tokens already shown.
``done.flags`` are the prescription-like numbers in the model's text that are not
the engine's (``adaptation.voice.contradictions``).

The answer is awaited on the event loop (httpx's async client), so a slow model
holds no thread; the one database write of the answer (its turn) happens after
the model has finished, in a worker thread (``sync_to_async``).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from asgiref.sync import sync_to_async
from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse

from adaptation import voice
from adaptation.services import turn_record_answer
from coach import llm


@dataclass(slots=True)
class PreparedAnswer:
    """Everything one answer needs, read before streaming starts.

    ``head`` are the events sent before the tokens (``(name, data)``),
    ``messages`` the chat for the model, ``fallback_text`` what is shown when
    the model fails, ``context`` the DATA (for the contradiction check) and
    ``loads`` the day's load targets (kg and the athlete's unit)."""

    thread_id: int
    messages: list[llm.Message]
    fallback_text: str
    context: dict
    head: list[tuple[str, dict]] = field(default_factory=list)
    loads: set[float] = field(default_factory=set)


def sse(event: str, data: dict) -> str:
    """One Server-Sent Event (the JSON has no raw newlines)."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return f"event: {event}\ndata: {payload}\n\n"


async def answer_events(
    prepared: PreparedAnswer, provider: llm.ChatProvider
) -> AsyncIterator[str]:
    """The head events, the model's tokens, then ``done`` or ``fallback`` once
    the answer's turn is recorded. Never raises for a model failure."""
    for name, data in prepared.head:
        yield sse(name, data)
    outcome: llm.Outcome | None = None
    async for item in provider.stream(prepared.messages):
        if isinstance(item, llm.Delta):
            yield sse("token", {"content": item.content})
        else:
            outcome = item
    if outcome is None:  # a provider that broke its contract
        outcome = llm.Outcome(
            content="",
            model=provider.model,
            latency_ms=0,
            error=llm.FailureKind.EMPTY_ANSWER,
            detail="no outcome",
        )
    flags = (
        voice.contradictions(outcome.content, prepared.context, loads_kg=prepared.loads)
        if outcome.ok
        else []
    )
    turn = await sync_to_async(turn_record_answer)(
        thread_id=prepared.thread_id,
        outcome=outcome,
        fallback_text=prepared.fallback_text,
        flags=flags,
    )
    if outcome.ok:
        yield sse(
            "done",
            {
                "thread_id": prepared.thread_id,
                "turn_id": turn.pk,
                "content": outcome.content,
                "model": outcome.model,
                "latency_ms": outcome.latency_ms,
                "flags": flags,
            },
        )
    else:
        yield sse(
            "fallback",
            {
                "thread_id": prepared.thread_id,
                "turn_id": turn.pk,
                "reason": outcome.error.value,
                "detail": outcome.detail,
                "content": prepared.fallback_text,
            },
        )


def event_stream_response(events: AsyncIterator[str]) -> StreamingHttpResponse:
    """A ``text/event-stream`` response that no proxy buffers or caches."""
    response = StreamingHttpResponse(events, content_type="text/event-stream")
    response["Cache-Control"] = "no-cache, no-store"
    response["X-Accel-Buffering"] = "no"
    return response
