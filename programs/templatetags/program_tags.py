"""Display filters for programs: prescriptions, rest clocks, minutes, RPE."""

from __future__ import annotations

from decimal import Decimal

from django import template

from programs import presenters

register = template.Library()


@register.filter
def clock(seconds) -> str:
    """Seconds as ``m:ss`` (``90`` → ``1:30``); empty for nothing."""
    if seconds in (None, ""):
        return ""
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


@register.filter
def duration(minutes) -> str:
    """Minutes as ``45 min`` or ``1 h 20 min``."""
    if minutes in (None, ""):
        return ""
    minutes = int(minutes)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


@register.filter
def number(value) -> str:
    """A number without a useless ``.0`` (``8.0`` → ``8``, ``7.5`` → ``7.5``)."""
    if value in (None, ""):
        return ""
    value = Decimal(str(value)).normalize()
    return f"{value:f}"


@register.filter
def prescription(exercise) -> str:
    """Sets × reps (``4 × 6–8``), sets × time (``3 × 0:45``) or, for a circuit
    station, rounds × work (``presenters.exercise_prescription_text``)."""
    return presenters.exercise_prescription_text(exercise)


@register.filter
def humanize_token(value) -> str:
    """``full_body`` / ``HORIZONTAL_PUSH`` / ``upper_a`` → ``Full body`` /
    ``Horizontal push`` / ``Upper A``."""
    if not value:
        return ""
    words = str(value).replace("_", " ").strip().lower().split()
    if len(words) > 1 and len(words[-1]) == 1:
        words[-1] = words[-1].upper()  # "upper_a" → "Upper A": the day's variant
    text = " ".join(words)
    return text[:1].upper() + text[1:]


@register.filter
def percent(value) -> str:
    """A 0–1 score as a whole percent number (``0.834`` → ``83``)."""
    if value in (None, ""):
        return ""
    return str(round(float(value) * 100))
