"""The coach's voice in a real browser, served the way `make run` serves it:
uvicorn (ASGI) on the test database, a slow fake model on loopback. The
check-in's explanation arrives word by word into the Today page, the thread is
saved, a follow-up streams its answer, and a model that drops mid-stream shows
the fallback and loses nothing. Screenshots: artifacts/screenshots/voice-*."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from adaptation.models import ConversationThread, ConversationTurn
from coach.fake_llm import DEFAULT_REPLY, FakeLLM
from coach.tests.factories import UserFactory
from conftest import _test_database_url
from programs.tests.browser.conftest import PHONE

from .conftest import lifting_session_training

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "deep-squats-2026"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def fake_model():
    with FakeLLM(token_delay=0.12) as server:
        yield server


@pytest.fixture
def asgi_server(transactional_db, fake_model):
    """uvicorn on coach.asgi, on this test database, pointed at the fake model."""
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coach.test_settings",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_DEBUG": "true",  # WhiteNoise serves static files from the finders
        "DATABASE_URL": _test_database_url(),
        "LLM_BASE_URL": fake_model.base_url,
        "LLM_MODEL": "fake-coach",
        "LLM_READ_TIMEOUT": "5",
    }
    log = settings.BASE_DIR / "artifacts" / "uvicorn-browser.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "coach.asgi:application",
                "--port",
                str(port),
                "--timeout-graceful-shutdown",
                "2",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    if process.poll() is not None:
                        pytest.fail(f"uvicorn exited: see {log}")
                    time.sleep(0.2)
            else:
                pytest.fail(f"uvicorn did not start: see {log}")
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_the_explanation_streams_into_the_today_page(
    asgi_server, fake_model, chromium, screenshot, create_program
):
    from playwright.sync_api import expect

    athlete = UserFactory(email="voice@example.com", name="Sam")
    athlete.set_password(PASSWORD)
    athlete.save()
    today = timezone.localdate()
    program = create_program(athlete, start_date=today - timedelta(days=1))
    session = lifting_session_training(program, "quadriceps", after=today)

    base = asgi_server
    page = chromium.new_context(viewport=PHONE, is_mobile=True).new_page()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill("voice@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(f"{base}/accounts/login/")

    page.goto(f"{base}/days/{session.date.isoformat()}/")
    page.get_by_label("Sleep (hours)").fill("5")
    page.get_by_label("Minutes available").fill("35")
    page.locator("summary", has_text="Soreness").click()
    page.get_by_label("Quadriceps").select_option("8")
    page.get_by_role("button", name="Adapt my session").click()

    # Word by word: the live text grows through several partial states before
    # the stream ends (about 25 words, 0.12 s apart).
    live = page.locator("[data-voice-live] [data-voice-text]")
    expect(live).not_to_be_empty()
    seen = set()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        text = live.text_content() or ""
        finished = page.evaluate(
            "(document.querySelector('[data-voice-live]') || {dataset: {}})"
            ".dataset.finished || ''"
        )
        if finished:
            break
        if text:
            seen.add(text)
        if len(seen) == 3:
            screenshot(page, "voice-phone-01-streaming")
        time.sleep(0.1)
    partial = [t for t in seen if t != DEFAULT_REPLY]
    assert len(partial) >= 3, seen
    assert all(DEFAULT_REPLY.startswith(t.rstrip()) for t in partial)

    # Then the page shows the stored proposal with the coach's words.
    explanation = page.locator("#proposal [data-voice-explanation]")
    expect(explanation).to_have_text(DEFAULT_REPLY, timeout=15000)
    screenshot(page, "voice-phone-02-explained")
    thread = ConversationThread.objects.get(user=athlete)
    assert thread.session_id == session.pk
    assert [t.content for t in thread.turns.all()] == [DEFAULT_REPLY]

    # A follow-up question streams its answer into the thread.
    fake_model.reply = "Because your quads are still at 8 out of 10."
    page.get_by_label("Ask the coach about today").fill("Why no squats?")
    page.get_by_role("button", name="Ask").click()
    answer = page.locator("[data-voice-answer][data-finished='done']")
    expect(answer).to_contain_text(fake_model.reply, timeout=15000)

    # The model drops mid-stream: the fallback replaces the partial words, and
    # the question and a whole fallback answer are kept.
    fake_model.mode = "drop"
    page.get_by_label("Ask the coach about today").fill("And tomorrow?")
    page.get_by_role("button", name="Ask").click()
    dropped = page.locator("[data-voice-answer][data-finished='fallback']")
    expect(dropped).to_contain_text("plan", timeout=15000)
    screenshot(page, "voice-phone-03-fallback")
    turns = list(ConversationTurn.objects.filter(thread=thread))
    assert [t.role for t in turns] == [
        "ASSISTANT",
        "USER",
        "ASSISTANT",
        "USER",
        "ASSISTANT",
    ]
    assert turns[-1].error_kind == "connection_lost"
    assert turns[2].content == fake_model.reply
