"""What the training-log models share: the RPE scale and check-constraint helpers."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q

#: RPE 1–10 in half steps (Zourdos et al. 2016 RIR-based scale, reference §5a).
RPE_VALUES = tuple(Decimal(n) / 2 for n in range(2, 21))


def validate_rpe(value: Decimal) -> None:
    """RPE must be 1–10 in steps of 0.5."""
    if Decimal(value) not in RPE_VALUES:
        raise ValidationError(
            "RPE must be between 1 and 10 in steps of 0.5.", code="rpe"
        )


def between(field: str, low, high) -> Q:
    """``low <= field <= high`` as a ``Q`` for a ``CheckConstraint``."""
    return Q(**{f"{field}__gte": low, f"{field}__lte": high})


def null_or_between(field: str, low, high) -> Q:
    """``field`` is null or ``low <= field <= high``."""
    return Q(**{f"{field}__isnull": True}) | between(field, low, high)


RATING_1_5 = [MinValueValidator(1), MaxValueValidator(5)]
