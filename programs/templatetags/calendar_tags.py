"""``{% calendar_subscribe program %}``: the program page's calendar card."""

from __future__ import annotations

from django import template

from coach.models import AthleteProfile
from coach.selectors import calendar_feed_urls
from programs.calendar.selectors import calendar_program_for_user

register = template.Library()


@register.inclusion_tag("programs/_calendar_subscribe.html", takes_context=True)
def calendar_subscribe(context, program) -> dict:
    """The ``webcal://`` link of the athlete's feed (or a button that makes one),
    and whether the feed shows ``program`` or another, newer one. Two queries;
    nothing is written on a GET."""
    request = context["request"]
    token = (
        AthleteProfile.objects.filter(user=request.user)
        .values_list("calendar_token", flat=True)
        .first()
    )
    followed = calendar_program_for_user(user=request.user)
    return {
        "program": program,
        "followed": followed,
        "feed": calendar_feed_urls(request=request, token=token),
        "csrf_token": context.get("csrf_token"),
    }
