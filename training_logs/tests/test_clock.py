"""The athlete's clock: local dates and weeks, aware defaults, the future bound."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from training_logs import clock


def test_a_late_sunday_log_belongs_to_its_local_week(settings):
    settings.TIME_ZONE = "America/New_York"
    # 02:30 UTC on Monday 12 Jan is 21:30 on Sunday 11 Jan in New York
    moment = dt.datetime(2026, 1, 12, 2, 30, tzinfo=dt.UTC)
    assert clock.local_date(moment) == dt.date(2026, 1, 11)
    assert clock.local_week_start(moment) == dt.date(2026, 1, 5)
    start, end = clock.week_bounds(dt.date(2026, 1, 5))
    assert start < moment < end
    assert end - start == dt.timedelta(days=7)


def test_a_missing_moment_is_now_and_a_naive_one_is_made_aware():
    before = timezone.now()
    assert before <= clock.given_or_now(None) <= timezone.now()
    naive = dt.datetime(2026, 1, 5, 7, 0)
    assert timezone.is_aware(clock.given_or_now(naive))


def test_only_moments_past_the_tolerance_are_in_the_future():
    soon = timezone.now() + clock.FUTURE_TOLERANCE - dt.timedelta(seconds=30)
    clock.check_not_future(soon, "performed_at")
    later = timezone.now() + clock.FUTURE_TOLERANCE + dt.timedelta(minutes=1)
    with pytest.raises(ValidationError) as excinfo:
        clock.check_not_future(later, "performed_at")
    assert "performed_at" in excinfo.value.message_dict
