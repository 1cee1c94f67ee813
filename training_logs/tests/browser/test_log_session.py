"""Logging a planned session on a phone, in a real browser: the plan is filled
in, a set is added and one removed without a reload, the new record is
celebrated, and the progress charts draw. Screenshots land in
artifacts/screenshots/ (tl-*)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from programs.tests.browser.conftest import PHONE
from training_logs.adherence import week_start
from training_logs.models import WorkoutLog
from training_logs.services import (
    SetInput,
    SorenessInput,
    soreness_log_create,
    workout_log_create,
)
from training_logs.tests.factories import (
    SessionExerciseFactory,
    SessionFactory,
    UserFactory,
    at,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "heavy-singles-2026"


def fits_the_screen(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth + 1"
    )


def test_log_a_planned_session_on_a_phone_and_see_the_record_and_charts(
    live_server, chromium, screenshot, lifts
):
    from playwright.sync_api import expect

    athlete = UserFactory(email="lifter@example.com", name="Sam")
    athlete.set_password(PASSWORD)
    athlete.save()
    monday = week_start(timezone.localdate())
    last_week = monday - dt.timedelta(weeks=1)
    workout_log_create(
        user=athlete,
        performed_at=at(last_week),
        sets=[
            SetInput(
                movement_id=lifts.squat.pk, load_kg=Decimal(100), reps=5, rpe=Decimal(8)
            ),
            SetInput(
                movement_id=lifts.bench.pk, load_kg=Decimal(80), reps=5, rpe=Decimal(8)
            ),
        ],
    )
    soreness_log_create(
        user=athlete, entries=[SorenessInput(level=4, body_part="SHOULDERS")]
    )
    session = SessionFactory(
        microcycle__program__user=athlete,
        microcycle__start_date=last_week,
        date=monday
        if timezone.localdate() > monday
        else last_week + dt.timedelta(days=2),
    )
    SessionExerciseFactory(session=session, movement=lifts.squat, order=0, sets=3)
    SessionExerciseFactory(session=session, movement=lifts.bench, order=1, sets=3)

    phone = chromium.new_context(viewport=PHONE, device_scale_factor=2)
    page = phone.new_page()
    page.set_default_timeout(15_000)
    base = live_server.url

    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill("lifter@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(f"{base}/accounts/login/")

    # The plan, pre-filled: one row per set, last time's loads.
    page.goto(f"{base}/log/sessions/{session.pk}/")
    expect(
        page.get_by_role("heading", name="Log your strength session")
    ).to_be_visible()
    squat = page.locator("[data-exercise]", has_text="Barbell Back Squat")
    bench = page.locator("[data-exercise]", has_text="Barbell Bench Press")
    expect(squat.locator("[data-set-row]")).to_have_count(3)
    expect(squat.get_by_label("Load for Barbell Back Squat, set 1")).to_have_value(
        "100"
    )
    expect(squat.get_by_label("RPE for Barbell Back Squat, set 1")).to_have_value("8")

    # Heavier today; one squat set fewer and one bench set more, no reload.
    for n in (1, 2):
        squat.get_by_label(f"Load for Barbell Back Squat, set {n}").fill("105")
    squat.get_by_role("button", name="Remove set 3 of Barbell Back Squat").click()
    expect(squat.locator("[data-set-row]")).to_have_count(2)
    bench.get_by_role("button", name="+ Add set").click()
    expect(bench.locator("[data-set-row]")).to_have_count(4)
    expect(bench.get_by_label("Load for Barbell Bench Press, set 4")).to_have_value(
        "80"
    )
    bench.get_by_label("RPE for Barbell Bench Press, set 4").select_option("9")
    expect(page.locator('input[name="sets-TOTAL_FORMS"]')).to_have_value("6")
    page.locator("label.chip", has_text="5").first.click()
    assert fits_the_screen(page)
    screenshot(page, "tl-phone-01-log-form")

    page.get_by_role("button", name="Save workout").click()
    expect(page.get_by_role("heading", name="New personal records!")).to_be_visible()
    expect(page.locator(".pr-card")).to_contain_text("Barbell Back Squat")
    assert fits_the_screen(page)
    screenshot(page, "tl-phone-02-record")

    workout = WorkoutLog.objects.get(session=session)
    assert workout.sets.filter(movement=lifts.squat).count() == 2
    assert workout.sets.filter(movement=lifts.bench).count() == 4
    assert workout.enjoyment == 5

    # Progress: the e1RM trend and the weekly sets against the landmarks draw.
    page.goto(f"{base}/progress/?movement={lifts.squat.pk}")
    for chart in ("e1rm-chart", "volume-chart"):
        expect(page.locator(f"#{chart}")).to_be_visible()
        page.wait_for_function(
            f"window.Chart && Chart.getChart(document.getElementById('{chart}'))"
        )
    points = page.evaluate(
        "Chart.getChart(document.getElementById('e1rm-chart')).data.datasets[0].data"
    )
    assert points == [123.33, 129.5]
    expect(page.get_by_role("heading", name="Muscle recovery now")).to_be_visible()
    expect(page.locator(".cal__day--COMPLETED")).not_to_have_count(0)
    assert fits_the_screen(page)
    screenshot(page, "tl-phone-03-progress")

    # History shows the week; records list the new best.
    page.goto(f"{base}/history/")
    expect(page.locator(".log-item").first).to_contain_text("PR")
    page.goto(f"{base}/records/")
    expect(page.get_by_role("heading", name="Barbell Back Squat")).to_be_visible()
    assert fits_the_screen(page)
    screenshot(page, "tl-phone-04-records")
    phone.close()
