"""Settings in a real browser, phone-sized: the Calendar section makes a feed
link, and the Import and export section takes a Hevy export through the name
confirmation to imported workouts. django-q2 runs the import in-process here
(the test settings' sync mode); programs' browser tests cover a real worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.models import AthleteProfile
from coach.tests.factories import PASSWORD, UserFactory
from movements.tests.factories import MovementFactory
from programs.tests.browser.conftest import PHONE, SCREENSHOTS
from training_logs.models import WorkoutLog
from training_logs.tests.portability.conftest import LIBRARY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATA = Path(__file__).resolve().parent.parent / "data"


def test_calendar_link_and_a_hevy_import_from_settings(
    live_server, chromium, screenshot
):
    from playwright.sync_api import expect

    for name, pattern, muscles, timed in LIBRARY:
        MovementFactory(
            name=name, pattern=pattern, primary_muscles=muscles, is_timed=timed
        )
    user = UserFactory(email="travels@example.com")
    context = chromium.new_context(viewport=PHONE, device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{base}/settings/")

    calendar = page.locator("#calendar")
    calendar.get_by_role("button", name="Get a calendar link").click()
    expect(page.locator("#calendar")).to_contain_text("Your calendar link is ready")
    token = AthleteProfile.objects.get(user=user).calendar_token
    subscribe = page.locator("#calendar").get_by_role(
        "link", name="Subscribe in your calendar app"
    )
    expect(subscribe).to_have_attribute(
        "href", f"webcal://{base.split('://')[1]}/calendar/{token}.ics"
    )
    screenshot(page, "phone-30-settings-calendar")
    page.locator("#calendar").screenshot(
        path=str(SCREENSHOTS / "phone-30b-calendar-section.png")
    )

    data = page.locator("#data")
    expect(data.get_by_role("button", name="Import")).to_be_visible()
    data.screenshot(path=str(SCREENSHOTS / "phone-30c-data-section.png"))
    data.get_by_label("Export file").set_input_files(str(DATA / "hevy_kg.csv"))
    data.get_by_role("button", name="Import").click()
    expect(
        page.get_by_role("heading", name="Which movements are these?")
    ).to_be_visible()
    page.get_by_label("Sentadilla búlgara (Mancuerna)").select_option(
        label="Leave these sets out"
    )
    screenshot(page, "phone-31-import-confirm")
    page.get_by_role("button", name="Import with these").click()
    expect(page.locator("#progress")).to_contain_text("2 workouts and 9 sets.")
    screenshot(page, "phone-32-import-done")
    assert WorkoutLog.objects.filter(user=user).count() == 2
    assert not [e for e in errors if "Content Security Policy" in e]
    context.close()
