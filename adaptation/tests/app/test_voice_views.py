"""The coach's voice on the Today page (without a browser): the persona-voiced
deterministic explanation with no model, the stored thread's answer with one,
and accepting on the page deciding the conversation too."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from adaptation import voice
from adaptation.models import (
    AdaptationStatus,
    ConversationThread,
    ConversationTurn,
    SessionAdaptation,
    ThreadStatus,
)

pytestmark = pytest.mark.django_db

CHECKIN = {"sleep_hours": "5", "minutes_available": "35", "sore_quadriceps": "8"}


@pytest.fixture
def web(client, user):
    client.force_login(user)
    return client


def day_url(day) -> str:
    return reverse("adaptation:day", args=[day.isoformat()])


def test_without_a_model_the_page_explains_each_change_in_the_personas_voice(
    web, program, quad_day, settings
):
    settings.LLM_BASE_URL = ""
    posted = web.post(
        reverse("adaptation:day-checkin", args=[quad_day.date.isoformat()]), CHECKIN
    )
    assert posted.status_code == 302, posted.content.decode()[-3000:]
    adaptation = SessionAdaptation.objects.get()
    response = web.get(day_url(quad_day.date))
    page = html.unescape(response.content.decode())
    assert "data-voice-explanation" in page, page[page.find("<main") :][:3000]
    assert voice.TONE_OPENINGS[program.persona_tone] in page
    for op in adaptation.operations:
        assert op["reason"].rstrip(".") in page
    # No model: the check-in form is not enhanced, no question box.
    assert "data-voice-checkin" not in page
    assert "data-voice-ask" not in page


def test_with_a_thread_the_page_shows_the_coachs_answer_and_the_question_box(
    web, user, program, quad_day, settings
):
    settings.LLM_BASE_URL = "http://127.0.0.1:9/v1"
    web.post(
        reverse("adaptation:day-checkin", args=[quad_day.date.isoformat()]), CHECKIN
    )
    adaptation = SessionAdaptation.objects.get()
    thread = ConversationThread.objects.create(
        user=user, session=quad_day, adaptation=adaptation
    )
    ConversationTurn.objects.create(
        thread=thread,
        role="ASSISTANT",
        content="Quads need a day: leg press it is.",
        flags=[{"text": "9 sets", "number": "9"}],
    )
    page = html.unescape(web.get(day_url(quad_day.date)).content.decode())
    assert "Quads need a day: leg press it is." in page
    assert "“9 sets”: not your prescription" in page
    assert "data-voice-checkin" in page  # "Check in again" streams too
    assert "data-voice-ask" in page
    assert (
        reverse(
            "api:adaptation:thread-messages",
            args=[quad_day.date.isoformat(), thread.pk],
        )
        in page
    )


def test_accepting_on_the_page_decides_the_conversation_too(
    web, user, program, quad_day
):
    web.post(
        reverse("adaptation:day-checkin", args=[quad_day.date.isoformat()]), CHECKIN
    )
    adaptation = SessionAdaptation.objects.get()
    thread = ConversationThread.objects.create(
        user=user, session=quad_day, adaptation=adaptation
    )
    ConversationTurn.objects.create(thread=thread, role="ASSISTANT", content="Go.")
    web.post(
        reverse("adaptation:accept", args=[quad_day.date.isoformat(), adaptation.pk])
    )
    thread.refresh_from_db()
    adaptation.refresh_from_db()
    assert thread.status == ThreadStatus.ACCEPTED
    assert thread.final_content == "Go."
    assert adaptation.status == AdaptationStatus.ACCEPTED
