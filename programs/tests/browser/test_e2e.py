"""A newcomer's first visit, in a real browser, phone-sized and desktop-sized.

Sign up → wizard with a deliberate error (goals summing to $9) → fix → create →
watch the progress bar finish (a real worker writes the sessions) → open a
session → open "Why this?". Screenshots land in artifacts/screenshots/.
"""

from __future__ import annotations

import re

import pytest

from movements.tests.factories import ActivityDefinitionFactory
from programs.models import GenerationStatus, Program
from programs.tests.browser.conftest import DESKTOP, PHONE
from programs.tests.library import build_library

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_the_screen(page) -> bool:
    """No sideways scrolling: the page is no wider than the viewport."""
    return page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth + 1"
    )


def test_a_newcomer_builds_a_program_and_watches_it_appear(
    live_server, worker, chromium, screenshot
):
    from playwright.sync_api import expect

    build_library()
    ActivityDefinitionFactory(name="Rowing (machine)", category="ROWING")
    phone = chromium.new_context(viewport=PHONE, device_scale_factor=2)
    page = phone.new_page()
    page.set_default_timeout(15_000)
    base = live_server.url

    # Sign up.
    page.goto(f"{base}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Email").fill("first.timer@example.com")
    page.get_by_label("Your name").fill("Alex")
    page.get_by_label("Password", exact=True).fill("heavy-singles-2026")
    page.get_by_label("Password again").fill("heavy-singles-2026")
    screenshot(page, "phone-01-signup")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Hi Alex")).to_be_visible()
    assert fits_the_screen(page)
    screenshot(page, "phone-02-home-empty")

    # Goals: a deliberate mistake, $5 + $4 = $9.
    page.get_by_role("link", name="Build my program").click()
    expect(
        page.get_by_role("heading", name="What are you training for?")
    ).to_be_visible()
    page.get_by_role("spinbutton", name="Strength").fill("5")
    page.get_by_role("spinbutton", name="Hypertrophy").fill("4")
    expect(page.locator("[data-budget-left]")).to_have_text("$1 left")
    page.get_by_role("button", name="Next: Schedule").click()
    error = page.locator(".form-errors")
    expect(error).to_contain_text("Your goals add up to $9")
    assert fits_the_screen(page)
    screenshot(page, "phone-03-goals-error")

    # Fix it with the + stepper (JavaScript) and go on.
    page.get_by_role("button", name="One dollar more for Hypertrophy").click()
    expect(page.locator("[data-budget-left]")).to_have_text("$10 placed")
    page.get_by_role("button", name="Next: Schedule").click()

    # Schedule.
    expect(page.get_by_role("heading", name="When do you train?")).to_be_visible()
    page.locator("label.chip", has_text="3").click()
    page.get_by_label("Longest session").fill("45")
    page.locator("label.option", has_text="Intermediate").click()
    assert fits_the_screen(page)
    screenshot(page, "phone-04-schedule")
    page.get_by_role("button", name="Next: Coach").click()

    # Coach: choosing a tone redraws the sample notes (htmx).
    expect(page.get_by_role("heading", name="Pick your coach")).to_be_visible()
    page.locator("label.option", has_text="Direct").first.click()
    expect(page.locator("#coach-choices")).to_contain_text("No skipped sets.")
    screenshot(page, "phone-05-coach")
    page.get_by_role("button", name="Next: Likes & limits").click()

    # Likes and limits: live movement search, then avoid one.
    expect(page.get_by_role("heading", name="Likes and limits")).to_be_visible()
    page.get_by_label("Find a movement").fill("squat")
    result = page.locator("#movement-results .result", has_text="Barbell Back Squat")
    expect(result).to_be_visible()
    result.get_by_role("button", name="Avoid Barbell Back Squat").click()
    expect(page.locator("#rules")).to_contain_text("Barbell Back Squat")
    page.get_by_role("checkbox", name="Rowing (machine)", exact=True).check()
    assert fits_the_screen(page)
    screenshot(page, "phone-06-likes")
    page.get_by_role("button", name="Next: Review").click()

    # Review and create.
    expect(page.get_by_role("heading", name="Check and create")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Avoid Barbell Back Squat")
    screenshot(page, "phone-07-review")
    page.get_by_role("button", name="Create program").click()

    # The program page polls its progress partial until the worker is done.
    expect(page.locator("h1")).to_contain_text("Strength & Hypertrophy")
    expect(page.locator("#progress")).to_be_visible()
    screenshot(page, "phone-08-program-generating")
    expect(page.locator("#progress")).to_contain_text(
        "training sessions are written", timeout=60_000
    )
    program = Program.objects.get()
    assert program.generation_status == GenerationStatus.COMPLETED
    assert program.movement_rules[0]["rule"] == "HARD_NO"
    # The calendar was redrawn with the minutes once generation finished.
    first_day = page.locator("details.week[open] a.day").first
    expect(first_day).to_contain_text("min")
    assert fits_the_screen(page)
    screenshot(page, "phone-09-program-ready")

    # A session and its "Why this?".
    first_day.click()
    expect(page.get_by_role("heading", name="Main", exact=True)).to_be_visible()
    why = page.locator("details.why").first
    why.locator("summary").click()
    expect(why).to_contain_text("Pattern alignment")
    assert fits_the_screen(page)
    screenshot(page, "phone-10-session-why")
    session_url = page.url
    program_url = program.get_absolute_url()

    # The same pages at desktop width, same athlete.
    desktop = chromium.new_context(
        viewport=DESKTOP, storage_state=phone.storage_state()
    )
    wide = desktop.new_page()
    wide.set_default_timeout(15_000)
    for name, url in [
        ("desktop-01-home", f"{base}/"),
        ("desktop-02-program", f"{base}{program_url}"),
        ("desktop-03-session", session_url),
        ("desktop-04-goals-step", f"{base}/programs/new/goals/"),
    ]:
        wide.goto(url)
        if name == "desktop-03-session":
            wide.locator("details.why summary").first.click()
        assert fits_the_screen(wide), name
        screenshot(wide, name)
    desktop.close()
    phone.close()


def test_keyboard_only_login_and_visible_focus(live_server, chromium):
    from playwright.sync_api import expect

    from coach.tests.factories import PASSWORD, UserFactory

    UserFactory(email="keys@example.com", name="Kit")
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/accounts/login/")
    # The email field has focus on arrival; the skip link is the first Tab stop.
    expect(page.get_by_label("Email")).to_be_focused()
    page.keyboard.type("keys@example.com")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Hi Kit")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    context.close()
