"""The language-model client against a real fake server on loopback: every
fault ends as a typed Outcome, never an exception."""

from __future__ import annotations

import asyncio
import socket

import pytest

from coach import llm
from coach.fake_llm import DEFAULT_REPLY, FakeLLM


def _collect(provider, messages=None):
    async def run():
        deltas, outcome = [], None
        async for item in provider.stream(messages or [llm.Message("user", "hi")]):
            if isinstance(item, llm.Delta):
                deltas.append(item.content)
            else:
                outcome = item
        return deltas, outcome

    return asyncio.run(run())


def _provider(base_url: str, *, read: float = 1.0, total: float = 5.0):
    return llm.OpenAICompatibleProvider(
        llm.LLMSettings(
            base_url=base_url,
            model="fake-coach",
            api_key="secret",
            connect_timeout=1.0,
            read_timeout=read,
            total_timeout=total,
            max_tokens=50,
            probe_timeout=1.0,
        )
    )


@pytest.fixture
def fake():
    with FakeLLM() as server:
        yield server


def test_streams_words_then_a_successful_outcome_with_usage(fake):
    deltas, outcome = _collect(_provider(fake.base_url))
    assert len(deltas) == len(DEFAULT_REPLY.split(" "))
    assert "".join(deltas) == DEFAULT_REPLY
    assert outcome.ok
    assert outcome.content == DEFAULT_REPLY
    assert outcome.completion_tokens == len(deltas)
    assert outcome.prompt_tokens == 120
    sent = fake.requests[0]
    assert sent["stream"] is True
    assert sent["model"] == "fake-coach"
    assert sent["messages"] == [{"role": "user", "content": "hi"}]


@pytest.mark.parametrize(
    ("mode", "kind"),
    [
        ("http500", llm.FailureKind.HTTP_ERROR),
        ("malformed", llm.FailureKind.MALFORMED_STREAM),
        ("drop", llm.FailureKind.CONNECTION_LOST),
        ("empty", llm.FailureKind.EMPTY_ANSWER),
        ("stall", llm.FailureKind.TIMEOUT),
    ],
)
def test_each_fault_is_a_typed_outcome(fake, mode, kind):
    fake.mode = mode
    _deltas, outcome = _collect(_provider(fake.base_url, read=0.3))
    assert outcome.error == kind
    assert outcome.detail


def test_total_timeout_bounds_a_slow_but_steady_model(fake):
    fake.token_delay = 0.1  # never stalls long enough for the read timeout
    _deltas, outcome = _collect(_provider(fake.base_url, read=1.0, total=0.35))
    assert outcome.error == llm.FailureKind.TIMEOUT
    assert outcome.latency_ms < 1500


def test_nothing_listening_is_connection_refused():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _deltas, outcome = _collect(_provider(f"http://127.0.0.1:{port}/v1"))
    assert outcome.error == llm.FailureKind.CONNECTION_REFUSED


def test_no_base_url_is_not_configured(settings):
    settings.LLM_BASE_URL = ""
    provider = llm.get_provider()
    _deltas, outcome = _collect(provider)
    assert outcome.error == llm.FailureKind.NOT_CONFIGURED
    assert asyncio.run(provider.probe()).status == "disabled"


def test_probe_reports_healthy_and_a_missing_model(fake):
    provider = _provider(fake.base_url)
    health = asyncio.run(provider.probe())
    assert health.status == "healthy"
    assert health.latency_ms is not None
    fake.model = "another-model"
    health = asyncio.run(provider.probe())
    assert health.status == "unhealthy"
    assert "fake-coach" in health.error
