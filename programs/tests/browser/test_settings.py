"""The Settings page in a real browser, phone-sized: the movement library's
sections load into it with htmx and every section saves in place (the wizard
starting from these settings is tested in programs/tests/test_athlete_profile.py).
Screenshots land in artifacts/screenshots/."""

from __future__ import annotations

import pytest

from coach.models import AthleteProfile
from coach.tests.factories import PASSWORD, UserFactory
from movements.models import AthleteEquipment, EnjoyableActivity, MovementRule
from movements.tests.factories import ActivityDefinitionFactory
from programs.tests.browser.conftest import DESKTOP, PHONE
from programs.tests.library import build_library

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_the_screen(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth + 1"
    )


def log_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_every_settings_section_loads_and_saves_in_place(
    live_server, chromium, screenshot
):
    from playwright.sync_api import expect

    build_library()
    ActivityDefinitionFactory(name="Rowing (machine)", category="ROWING")
    ActivityDefinitionFactory(name="Yoga", category="YOGA")
    user = UserFactory(email="settings@example.com", name="Robin")
    context = chromium.new_context(viewport=PHONE, device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(15_000)
    base = live_server.url
    log_in(page, base, user.email)

    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Settings", exact=True)).to_be_visible()
    # The library's sections arrive by htmx.
    expect(page.locator("#equipment form")).to_be_visible()
    expect(page.locator("#movement-rules form")).to_be_visible()
    expect(page.locator("#activities form")).to_be_visible()
    assert fits_the_screen(page)
    screenshot(page, "phone-11-settings")

    # Preferences: train Mon/Wed/Fri/Sat, mobility on its own days (Advanced).
    preferences = page.locator("#preferences")
    for day in ("Mon", "Wed", "Fri", "Sat"):
        preferences.locator("label.chip", has_text=day).click()
    preferences.get_by_text("Advanced: disciplines and scheduling").click()
    preferences.locator("label.chip", has_text="On days of its own").first.click()
    preferences.get_by_role("button", name="Save preferences").click()
    expect(page.locator("#preferences")).to_contain_text("Saved.")

    # Equipment: dumbbells only.
    equipment = page.locator("#equipment")
    equipment.locator("label.chip", has_text="Dumbbells only").click()
    equipment.get_by_role("button", name="Save equipment").click()
    expect(page.locator("#equipment")).to_contain_text("Now: Dumbbells only.")

    # Movement rules: avoid one from the live search.
    rules = page.locator("#movement-rules")
    rules.get_by_label("Find a movement").fill("goblet")
    result = rules.locator("#movement-results .result", has_text="Goblet Squat")
    expect(result).to_be_visible()
    result.get_by_role("button", name="Avoid Goblet Squat").click()
    expect(page.locator("#movement-rules")).to_contain_text("Saved.")

    # Favourite activities.
    activities = page.locator("#activities")
    activities.get_by_role("checkbox", name="Rowing (machine)").check()
    activities.get_by_role("button", name="Save activities").click()
    expect(page.locator("#activities")).to_contain_text("Saved.")
    screenshot(page, "phone-12-settings-saved")

    profile = AthleteProfile.objects.get(user=user)
    assert profile.preferred_weekdays == [0, 2, 4, 5]
    assert profile.dedicated_mobility_days is True
    assert AthleteEquipment.objects.get(user=user).equipment == ["dumbbell"]
    assert MovementRule.objects.get(user=user).movement.name == "Goblet Squat"
    assert EnjoyableActivity.objects.get(user=user).definition.name == (
        "Rowing (machine)"
    )

    # The same page at desktop width.
    desktop = chromium.new_context(
        viewport=DESKTOP, storage_state=context.storage_state()
    )
    wide = desktop.new_page()
    wide.set_default_timeout(15_000)
    wide.goto(f"{base}/settings/")
    expect(wide.locator("#movement-rules form")).to_be_visible()
    assert fits_the_screen(wide)
    screenshot(wide, "desktop-05-settings")
    desktop.close()
    context.close()
