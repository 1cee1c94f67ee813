"""The athlete's clock: aware moments, local dates and ISO-week bounds.

One home for "what day is it for the athlete": dates are the calendar dates of the
site's time zone (``TIME_ZONE``); weeks are ISO weeks starting Monday
(``training_logs.adherence.week_start``). Services and selectors both read time
through here, so a log performed at 23:30 lands in the same week everywhere.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from training_logs.adherence import week_start

#: Clock skew allowed between a client and the server for "performed at" times.
FUTURE_TOLERANCE = timedelta(minutes=5)


def now() -> datetime:
    """The current moment (aware, UTC)."""
    return timezone.now()


def today() -> date:
    """The athlete's calendar date now, in the site's time zone."""
    return timezone.localdate()


def given_or_now(moment: datetime | None) -> datetime:
    """``moment`` made aware, or now when it is ``None`` (a log's default time)."""
    return aware(moment) if moment is not None else timezone.now()


def aware(moment: datetime) -> datetime:
    """``moment`` as an aware datetime (a naive one is read in the site's zone)."""
    if timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def is_future(moment: datetime) -> bool:
    """Whether ``moment`` is later than now plus :data:`FUTURE_TOLERANCE`."""
    return moment > timezone.now() + FUTURE_TOLERANCE


def check_not_future(moment: datetime, field: str) -> None:
    """Raise ``ValidationError({field: [...]})`` when ``moment`` is later than now
    plus :data:`FUTURE_TOLERANCE`."""
    if is_future(moment):
        raise ValidationError({field: ["This cannot be in the future."]})


def local_date(moment: datetime) -> date:
    """``moment``'s calendar date in the site's time zone."""
    return timezone.localtime(moment).date()


def local_week_start(moment: datetime) -> date:
    """The Monday of the ISO week ``moment`` falls in, in the site's time zone."""
    return week_start(local_date(moment))


def start_of(day: date) -> datetime:
    """Midnight starting ``day`` in the site's time zone (aware)."""
    return timezone.make_aware(datetime.combine(day, time.min))


def week_bounds(monday: date) -> tuple[datetime, datetime]:
    """``[start, end)`` of the ISO week starting ``monday``, aware."""
    return start_of(monday), start_of(monday + timedelta(days=7))
