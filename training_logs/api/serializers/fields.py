"""Fields the training-log serializers share: loads in the athlete's unit, RPE
and 1–5 ratings."""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from training_logs import metrics
from training_logs.models import validate_rpe
from training_logs.presenters import in_unit


@extend_schema_field({"type": "number", "nullable": True})
class LoadField(serializers.Field):
    """A kg value shown in the athlete's unit (``context["unit"]``), 2 decimals."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value: Decimal | None) -> float | None:
        return in_unit(value, self.context.get("unit", metrics.KG))


def rpe_field(**kwargs) -> serializers.DecimalField:
    """An optional RPE 1–10 in half steps (reference §5a)."""
    return serializers.DecimalField(
        max_digits=3,
        decimal_places=1,
        min_value=Decimal("1"),
        max_value=Decimal("10"),
        coerce_to_string=False,  # an input: a number in the schema, with its bounds
        validators=[validate_rpe],
        required=False,
        allow_null=True,
        help_text="RPE 1–10 in steps of 0.5.",
        **kwargs,
    )


def rating_field(help_text: str = "1–5.") -> serializers.IntegerField:
    """An optional 1–5 rating."""
    return serializers.IntegerField(
        min_value=1, max_value=5, required=False, allow_null=True, help_text=help_text
    )
