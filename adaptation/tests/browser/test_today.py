"""The daily coach on a phone, in a real browser: check in (sore quads, a short
night, 35 minutes) → the adapted plan with what changed and why → Accept → Log
this session pre-filled with the adapted sets → the next day's plan.
Screenshots land in artifacts/screenshots/ (coach-*)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from adaptation.models import AdaptationStatus, SessionAdaptation
from coach.tests.factories import UserFactory
from programs.tests.browser.conftest import PHONE
from training_logs.models import WorkoutLog

from .conftest import lifting_session_training

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "deep-squats-2026"


def fits_the_screen(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth + 1"
    )


def test_check_in_adapt_accept_log_and_next_day_on_a_phone(
    live_server, chromium, screenshot, create_program
):
    from playwright.sync_api import expect

    athlete = UserFactory(email="coached@example.com", name="Alex")
    athlete.set_password(PASSWORD)
    athlete.save()
    today = timezone.localdate()
    program = create_program(athlete, start_date=today - timedelta(days=1))
    session = lifting_session_training(program, "quadriceps", after=today)

    base = live_server.url
    phone = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill("coached@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(f"{base}/accounts/login/")

    # Home's first card leads to Today.
    page.locator("[data-today]").click()
    expect(page).to_have_url(f"{base}/today/")
    assert fits_the_screen(page)
    screenshot(page, "coach-phone-01-today")

    # The quad day: a 20-second check-in.
    page.goto(f"{base}/days/{session.date.isoformat()}/")
    page.get_by_label("Sleep (hours)").fill("5")
    page.get_by_label("Minutes available").fill("35")
    page.locator("summary", has_text="Soreness").click()
    page.get_by_label("Quadriceps").select_option("8")
    assert fits_the_screen(page)
    screenshot(page, "coach-phone-02-checkin")
    page.get_by_role("button", name="Adapt my session").click()

    # The proposal: every change with its reason; Accept.
    proposal = page.locator("#proposal")
    expect(proposal).to_be_visible()
    expect(proposal.locator("[data-changes] li")).not_to_have_count(0)
    assert fits_the_screen(page)
    screenshot(page, "coach-phone-03-proposal")
    proposal.get_by_role("button", name="Accept").click()
    expect(page.get_by_role("heading", name="Your adapted session")).to_be_visible()
    adaptation = SessionAdaptation.objects.get(session=session)
    assert adaptation.status == AdaptationStatus.ACCEPTED
    exercises = adaptation.prescription["exercises"]
    expect(page.locator("[data-exercise]")).to_have_count(len(exercises))
    screenshot(page, "coach-phone-04-accepted")

    # Log this session: pre-filled with the adapted sets.
    page.locator("[data-log-session]").click()
    expect(page.locator("[data-set-row]")).to_have_count(
        sum(e["sets"] for e in exercises)
    )
    assert fits_the_screen(page)
    screenshot(page, "coach-phone-05-log")
    page.get_by_role("button", name="Save workout").click()
    expect(page).to_have_url(re.compile(r"/history/\d+/"))
    workout = WorkoutLog.objects.get(session=session)
    assert {s.movement_id for s in workout.sets.all()} == {
        e["movement_id"] for e in exercises
    }

    # Back to the day, then the next day's plan.
    page.goto(f"{base}/days/{session.date.isoformat()}/")
    expect(page.get_by_text("Logged.")).to_be_visible()
    page.locator("[data-next-day]").click()
    expect(page).to_have_url(
        f"{base}/days/{(session.date + timedelta(days=1)).isoformat()}/"
    )
    expect(page.locator("[data-readiness]")).to_be_visible()
    assert fits_the_screen(page)
    screenshot(page, "coach-phone-06-next-day")
    phone.close()
