"""The day plan's merged reads: ``checkins_up_to`` (the day's check-in and the
readiness history in one query) and the program read that carries the athlete's
settings and the next deload's date (issue 13: fewer round trips per request)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from adaptation import selectors, specs
from adaptation.models import DailyCheckIn
from coach.models import AthleteSettings

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 10)
SCORED = {"score": 60, "band": "NORMAL", "components": {}, "weights": {}}


def _checkin(user, day: date, score: int | None = None) -> DailyCheckIn:
    readiness = {**SCORED, "score": score} if score is not None else {}
    return DailyCheckIn.objects.create(
        user=user, date=day, readiness_score=score, readiness=readiness
    )


def test_the_days_newest_checkin_and_the_scored_history_in_one_query(
    user, other_user, django_assert_num_queries
):
    older = [_checkin(user, DAY - timedelta(days=d), 50 + d) for d in range(1, 7)]
    _checkin(user, DAY - timedelta(days=1))  # no score: not history
    _checkin(user, DAY + timedelta(days=1), 90)  # after the day: neither
    _checkin(other_user, DAY, 10)  # someone else's: neither
    newest = _checkin(user, DAY)  # not scored yet: the day's, not history
    with django_assert_num_queries(1):
        latest, history = selectors.checkins_up_to(user=user, day=DAY, adapted=5)
    assert latest == newest
    assert history == older[:5]
    series = specs.readiness_series(history)
    assert [d for d, _ in series] == [DAY - timedelta(days=d) for d in (5, 4, 3, 2, 1)]
    assert series == specs.readiness_history(user=user, before=DAY)


def test_unscored_checkins_of_the_day_that_crowd_the_history_out_cost_a_second_read(
    user, django_assert_num_queries
):
    older = [_checkin(user, DAY - timedelta(days=d), 50 + d) for d in range(1, 4)]
    first = _checkin(user, DAY)
    for _ in range(3):
        newest = _checkin(user, DAY)
    with django_assert_num_queries(2):
        latest, history = selectors.checkins_up_to(user=user, day=DAY, adapted=3)
    assert latest == newest != first
    assert history == older


def test_a_scored_checkin_of_the_day_is_both_the_days_and_history(user):
    today = _checkin(user, DAY, 70)
    yesterday = _checkin(user, DAY - timedelta(days=1), 40)
    latest, history = selectors.checkins_up_to(user=user, day=DAY, adapted=5)
    assert latest == today
    assert history == [today, yesterday]


def test_no_checkin_on_the_day(user):
    yesterday = _checkin(user, DAY - timedelta(days=1), 40)
    assert selectors.checkins_up_to(user=user, day=DAY, adapted=5) == (
        None,
        [yesterday],
    )


def test_the_plans_program_read_carries_the_settings_and_the_next_deload(
    user, program, django_assert_num_queries
):
    deloads = sorted(m.start_date for m in program.microcycles.filter(is_deload=True))
    assert deloads
    before = deloads[0] - timedelta(days=3)
    AthleteSettings.for_user(user)
    with django_assert_num_queries(1):
        read = selectors.active_program_for_user(user=user, deload_after=before)
        settings = read.user.athlete_settings
    assert read == program
    assert settings.user_id == user.pk
    assert read.next_deload_start == deloads[0]
    assert specs.days_until(read.next_deload_start, before) == 3
    assert specs.days_to_next_deload(program=program, day=before) == 3
    last = selectors.active_program_for_user(user=user, deload_after=deloads[-1])
    assert last.next_deload_start is None
    assert specs.days_until(last.next_deload_start, deloads[-1]) is None
