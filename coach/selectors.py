"""Reads about the athlete that several apps share: the calendar feed's URLs."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True, slots=True)
class CalendarFeedUrls:
    """The two spellings of one calendar-feed URL: ``https`` (or ``http``) to paste
    into a calendar's "subscribe from URL" box, ``webcal`` to open the device's
    calendar app directly."""

    http: str
    webcal: str


def calendar_feed_urls(
    *, request: HttpRequest, token: str | None
) -> CalendarFeedUrls | None:
    """The absolute URLs of the feed ``/calendar/<token>.ics`` on the host the
    request came to; ``None`` when the athlete has no feed (``token`` is ``None``).

    ``webcal://`` is the same URL with the scheme swapped: calendar apps fetch it
    over HTTPS or HTTP as the server answers.
    """
    if not token:
        return None
    http = request.build_absolute_uri(reverse("programs:calendar-feed", args=[token]))
    return CalendarFeedUrls(http=http, webcal="webcal://" + http.split("://", 1)[1])
