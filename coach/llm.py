"""The coach's voice: an optional language model behind one small interface.

Alloy's deterministic engines decide every prescription; a language model, when
one is configured, only *talks* (explains an adaptation, answers a question about
the day). It is optional: ``LLM_BASE_URL`` empty (the default) means no model,
and every caller then shows the deterministic text instead.

One interface (:class:`ChatProvider`) and one implementation
(:class:`OpenAICompatibleProvider`) for the OpenAI-compatible chat-completions
API (``POST {LLM_BASE_URL}/chat/completions`` with ``stream: true``, answered as
Server-Sent Events of ``chat.completion.chunk`` objects ending in ``data:
[DONE]``), which Ollama (``http://127.0.0.1:11434/v1``), llama.cpp's server
(``http://127.0.0.1:8080/v1``), vLLM and LM Studio all speak. The client is
httpx's ``AsyncClient``, so a slow model holds an event-loop task, never a
thread or a web worker.

**Failures are values.** :meth:`ChatProvider.stream` never raises for a model
problem: it yields :class:`Delta` pieces and always ends with one
:class:`Outcome`, whose ``error`` is ``None`` or a :class:`FailureKind`
(not configured, connection refused, timeout, HTTP error, malformed stream,
connection lost mid-stream, empty answer). Each failure is logged here once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import httpx
from django.conf import settings

logger = logging.getLogger(__name__)

#: The most text kept from one answer (characters). A local model that never
#: stops would otherwise grow a turn without bound; the stream is closed there.
MAX_ANSWER_CHARS = 4000


class FailureKind(StrEnum):
    """Why the model did not answer; the ``reason`` of a ``fallback`` event and
    the ``error_kind`` stored on a conversation turn."""

    NOT_CONFIGURED = "not_configured"
    CONNECTION_REFUSED = "connection_refused"
    TIMEOUT = "timeout"
    HTTP_ERROR = "http_error"
    MALFORMED_STREAM = "malformed_stream"
    CONNECTION_LOST = "connection_lost"
    EMPTY_ANSWER = "empty_answer"


@dataclass(frozen=True, slots=True)
class Message:
    """One chat message: ``role`` is ``system``, ``user`` or ``assistant``."""

    role: str
    content: str


@dataclass(frozen=True, slots=True)
class Delta:
    """A piece of the answer as the model streams it."""

    content: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one answer ended (always the stream's last item).

    ``content`` is the whole text received (possibly partial when ``error`` is
    set), ``latency_ms`` the wall time from the request to the end, token counts
    as the server reported them (``None`` when it did not), ``detail`` a short
    human-readable cause for logs and the ``fallback`` event.
    """

    content: str
    model: str
    latency_ms: int
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    error: FailureKind | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class Health:
    """The probe's answer: ``status`` is ``healthy``, ``unhealthy`` or
    ``disabled``; ``latency_ms`` of the probe; ``error`` when unhealthy."""

    status: str
    provider: str
    model: str
    latency_ms: int | None = None
    error: str | None = None

    def as_dict(self) -> dict:
        body = {
            "status": self.status,
            "provider": self.provider,
            "model": self.model,
            "latency_ms": self.latency_ms,
        }
        if self.error:
            body["error"] = self.error
        return body


class ChatProvider(Protocol):
    """What Alloy needs from a language model."""

    name: str
    model: str

    def stream(self, messages: Sequence[Message]) -> AsyncIterator[Delta | Outcome]:
        """Deltas of the answer, then exactly one :class:`Outcome`; never raises
        for a model or network failure."""
        ...

    async def probe(self) -> Health:
        """A cheap reachability check (lists the server's models)."""
        ...


@dataclass(frozen=True, slots=True)
class LLMSettings:
    """The ``LLM_*`` settings (seconds for timeouts)."""

    base_url: str
    model: str
    api_key: str
    connect_timeout: float
    read_timeout: float
    total_timeout: float
    max_tokens: int
    probe_timeout: float

    @classmethod
    def from_django(cls) -> LLMSettings:
        return cls(
            base_url=settings.LLM_BASE_URL.rstrip("/"),
            model=settings.LLM_MODEL,
            api_key=settings.LLM_API_KEY,
            connect_timeout=settings.LLM_CONNECT_TIMEOUT,
            read_timeout=settings.LLM_READ_TIMEOUT,
            total_timeout=settings.LLM_TOTAL_TIMEOUT,
            max_tokens=settings.LLM_MAX_TOKENS,
            probe_timeout=settings.LLM_PROBE_TIMEOUT,
        )


class DisabledProvider:
    """No model configured: every answer is ``NOT_CONFIGURED`` at once."""

    name = "none"
    model = ""

    async def stream(
        self, messages: Sequence[Message]
    ) -> AsyncIterator[Delta | Outcome]:
        yield Outcome(
            content="",
            model="",
            latency_ms=0,
            error=FailureKind.NOT_CONFIGURED,
            detail="LLM_BASE_URL is not set",
        )

    async def probe(self) -> Health:
        return Health(status="disabled", provider=self.name, model="")


class OpenAICompatibleProvider:
    """``POST {base_url}/chat/completions`` with ``stream: true`` over httpx.

    Timeouts: ``connect_timeout`` to open the connection, ``read_timeout``
    between two chunks (a stalled model), ``total_timeout`` for the whole answer
    (``LLM_TOTAL_TIMEOUT``, at most 60 s). Asks for usage in the stream
    (``stream_options.include_usage``); servers that ignore it leave the token
    counts ``None``.
    """

    name = "openai-compatible"

    def __init__(self, config: LLMSettings) -> None:
        self.config = config
        self.model = config.model

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "text/event-stream"}
        if self.config.api_key:
            headers["Authorization"] = f"Bearer {self.config.api_key}"
        return headers

    async def stream(
        self, messages: Sequence[Message]
    ) -> AsyncIterator[Delta | Outcome]:
        config = self.config
        started = time.monotonic()
        parts: list[str] = []
        usage: dict = {}
        error: FailureKind | None = None
        detail = ""
        finished = False
        body = {
            "model": config.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "stream": True,
            "stream_options": {"include_usage": True},
            "max_tokens": config.max_tokens,
            "temperature": 0.4,
        }
        timeout = httpx.Timeout(
            config.read_timeout, connect=config.connect_timeout, pool=1.0
        )
        try:
            async with (
                asyncio.timeout(config.total_timeout),
                httpx.AsyncClient(timeout=timeout) as client,
                client.stream(
                    "POST",
                    f"{config.base_url}/chat/completions",
                    json=body,
                    headers=self._headers(),
                ) as response,
            ):
                if response.status_code != 200:
                    error = FailureKind.HTTP_ERROR
                    detail = f"HTTP {response.status_code} from the model server"
                else:
                    async for line in response.aiter_lines():
                        event = _parse_line(line)
                        if event is None:
                            continue
                        if event == "[DONE]":
                            finished = True
                            break
                        piece, done, reported = event
                        usage.update(reported)
                        finished = finished or done
                        if piece:
                            parts.append(piece)
                            yield Delta(piece)
                        if sum(map(len, parts)) >= MAX_ANSWER_CHARS:
                            finished = True
                            break
        except TimeoutError:
            error, detail = FailureKind.TIMEOUT, "the model took too long"
        except httpx.TimeoutException as exc:
            error, detail = FailureKind.TIMEOUT, type(exc).__name__
        except httpx.ConnectError as exc:
            error, detail = FailureKind.CONNECTION_REFUSED, str(exc)[:200]
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            error, detail = FailureKind.CONNECTION_LOST, str(exc)[:200]
        except _Malformed as exc:
            error, detail = FailureKind.MALFORMED_STREAM, str(exc)[:200]
        except httpx.HTTPError as exc:
            error, detail = FailureKind.HTTP_ERROR, str(exc)[:200]
        content = "".join(parts)
        if error is None and not finished:
            error = FailureKind.CONNECTION_LOST
            detail = "the stream ended before the model finished"
        if error is None and not content.strip():
            error, detail = FailureKind.EMPTY_ANSWER, "the model answered nothing"
        latency_ms = round((time.monotonic() - started) * 1000)
        if error is not None:
            logger.warning(
                "LLM %s after %d ms: %s (model %s)",
                error.value,
                latency_ms,
                detail,
                config.model,
            )
        yield Outcome(
            content=content,
            model=config.model,
            latency_ms=latency_ms,
            prompt_tokens=usage.get("prompt_tokens"),
            completion_tokens=usage.get("completion_tokens"),
            error=error,
            detail=detail,
        )

    async def probe(self) -> Health:
        """``GET {base_url}/models`` within ``probe_timeout`` seconds: healthy when
        it answers 200 (and lists the configured model, when it lists any)."""
        started = time.monotonic()
        error = None
        try:
            async with httpx.AsyncClient(timeout=self.config.probe_timeout) as client:
                response = await client.get(
                    f"{self.config.base_url}/models", headers=self._headers()
                )
            if response.status_code != 200:
                error = f"HTTP {response.status_code}"
            else:
                listed = [
                    m.get("id")
                    for m in (response.json().get("data") or [])
                    if isinstance(m, dict)
                ]
                if listed and self.model not in listed:
                    error = f"model {self.model!r} is not served (has {listed[:5]})"
        except httpx.TimeoutException:
            error = "timeout"
        except httpx.ConnectError:
            error = "connection refused"
        except (httpx.HTTPError, ValueError, AttributeError) as exc:
            error = f"{type(exc).__name__}: {str(exc)[:120]}"
        return Health(
            status="unhealthy" if error else "healthy",
            provider=self.name,
            model=self.model,
            latency_ms=round((time.monotonic() - started) * 1000),
            error=error,
        )


class _Malformed(Exception):
    """A chunk that is not the chat-completions stream format."""


def _parse_line(line: str):
    """One SSE line of a chat-completions stream: ``None`` (blank, comment or a
    non-data field), ``"[DONE]"``, or ``(content piece, finished?, usage)``.
    Raises :class:`_Malformed` for a data line that is not a completion chunk."""
    line = line.strip()
    if not line or line.startswith(":") or not line.startswith("data:"):
        return None
    data = line[5:].strip()
    if data == "[DONE]":
        return "[DONE]"
    try:
        chunk = json.loads(data)
    except ValueError:
        raise _Malformed(f"not JSON: {data[:80]!r}") from None
    if not isinstance(chunk, dict):
        raise _Malformed("a chunk is not an object")
    if "error" in chunk:
        raise _Malformed(f"the server reported an error: {str(chunk['error'])[:120]}")
    choices = chunk.get("choices")
    if not isinstance(choices, list):
        raise _Malformed("a chunk has no choices")
    usage = chunk.get("usage") if isinstance(chunk.get("usage"), dict) else {}
    if not choices:  # the usage-only chunk that ends an include_usage stream
        return "", False, usage
    first = choices[0]
    delta = first.get("delta") if isinstance(first, dict) else None
    if not isinstance(delta, dict):
        raise _Malformed("a choice has no delta")
    piece = delta.get("content") or ""
    if not isinstance(piece, str):
        raise _Malformed("a delta's content is not text")
    return piece, bool(first.get("finish_reason")), usage


def get_provider() -> ChatProvider:
    """The configured provider: :class:`DisabledProvider` when ``LLM_BASE_URL``
    is empty, else :class:`OpenAICompatibleProvider`."""
    config = LLMSettings.from_django()
    if not config.base_url:
        return DisabledProvider()
    return OpenAICompatibleProvider(config)


HEALTH_CACHE_KEY = "alloy:llm-health"


async def health(*, use_cache: bool = True) -> Health:
    """The provider's health, probed at most once per ``LLM_HEALTH_CACHE_SECONDS``
    (the default cache, shared by processes)."""
    from django.core.cache import cache

    provider = get_provider()
    if isinstance(provider, DisabledProvider):
        return await provider.probe()
    key = f"{HEALTH_CACHE_KEY}:{provider.config.base_url}:{provider.model}"
    if use_cache:
        cached = await cache.aget(key)
        if cached:
            return Health(**cached)
    result = await provider.probe()
    await cache.aset(
        key,
        {
            "status": result.status,
            "provider": result.provider,
            "model": result.model,
            "latency_ms": result.latency_ms,
            "error": result.error,
        },
        settings.LLM_HEALTH_CACHE_SECONDS,
    )
    return result
