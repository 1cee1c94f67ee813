"""A conditioning day built on a curated circuit, on a phone in a real browser:
the session page shows the circuit, the log page asks for its score beside the
athlete's best, and the score is kept. Screenshots: artifacts/screenshots/
(circuit-*)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from movements.tests.factories import CircuitFactory
from programs.tests.browser.conftest import PHONE
from training_logs.adherence import week_start
from training_logs.models import CircuitScore
from training_logs.services import circuit_score_create
from training_logs.tests.factories import (
    SessionExerciseFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "heavy-singles-2026"


def fits_the_screen(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth + 1"
    )


def test_see_the_circuit_then_log_its_score_against_the_best(
    live_server, chromium, screenshot, lifts
):
    from playwright.sync_api import expect

    athlete = UserFactory(email="engine@example.com", name="Ari")
    athlete.set_password(PASSWORD)
    athlete.save()
    cindy = CircuitFactory(
        name="Cindy",
        description="Twenty minutes of rounds: pull-ups, then squats.",
        time_cap_seconds=1200,
        movements=[(lifts.pullup, {"reps": 5}), (lifts.squat, {"reps": 15})],
    )
    monday = week_start(timezone.localdate())
    last_week = monday - dt.timedelta(weeks=1)
    circuit_score_create(
        user=athlete, circuit_id=cindy.pk, rounds=17, reps=2, performed_on=last_week
    )
    session = SessionFactory(
        microcycle__program__user=athlete,
        microcycle__start_date=last_week,
        date=last_week + dt.timedelta(days=3),
        session_type="CONDITIONING",
        main_circuit=cindy,
    )
    for order, movement in enumerate([lifts.pullup, lifts.squat]):
        SessionExerciseFactory(
            session=session,
            movement=movement,
            order=order,
            sets=1,
            reps_min=(5, 15)[order],
            reps_max=(5, 15)[order],
            superset_group=1,
        )

    phone = chromium.new_context(viewport=PHONE, device_scale_factor=2)
    page = phone.new_page()
    page.set_default_timeout(15_000)
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill("engine@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(f"{base}/accounts/login/")

    page.goto(f"{base}{session.get_absolute_url()}")
    card = page.locator("[data-circuit]")
    expect(card.get_by_role("heading", name="Cindy")).to_be_visible()
    expect(card).to_contain_text("20-min AMRAP")
    expect(card.locator("li")).to_have_count(2)
    assert fits_the_screen(page)
    screenshot(page, "circuit-phone-01-session")

    page.get_by_role("link", name="Log this session").click()
    score = page.locator("[data-circuit-score]")
    expect(score).to_contain_text("Your best: 17 rounds + 2 reps")
    score.get_by_label("Rounds").fill("18")
    score.get_by_label("+ reps").fill("4")
    assert fits_the_screen(page)
    screenshot(page, "circuit-phone-02-score")
    page.get_by_role("button", name="Save workout").click()
    expect(page).not_to_have_url(f"{base}/log/sessions/{session.pk}/")

    kept = CircuitScore.objects.filter(user=athlete).order_by("-pk").first()
    assert kept.score_text() == "18 rounds + 4 reps"
    assert kept.workout_log is not None
