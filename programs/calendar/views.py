"""The calendar feed: ``/calendar/<token>.ics``, no login (the secret in the URL
is the credential)."""

from __future__ import annotations

import hashlib

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from programs.calendar import selectors
from programs.calendar.feed import build_calendar


@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The athlete's active program as iCalendar (``text/calendar``).

    404 for a token no feed has (revoked or regenerated). No active program: an
    empty calendar, so the subscription stays valid. The body is deterministic,
    so its hash is a strong ETag and an unchanged feed answers 304.
    """
    profile = selectors.calendar_profile_get_by_token(token=token)
    program = selectors.calendar_program_for_user(user=profile.user)
    snapshot = (
        selectors.calendar_feed_snapshot(
            program=program, absolute_url=request.build_absolute_uri
        )
        if program is not None
        else None
    )
    body = build_calendar(
        snapshot, training_time=profile.training_time, zone=profile.zone
    )
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag) or HttpResponse(
        body, content_type="text/calendar; charset=utf-8"
    )
    response["ETag"] = etag
    response["Content-Disposition"] = 'inline; filename="alloy.ics"'
    response["Cache-Control"] = "private, no-cache"
    # The URL is a secret: never send it on as a Referer, never index it.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
