"""Check-ins: soreness and recovery signals in, and muscle recovery out."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from coach.api.fields import bounded_many
from training_logs import metrics
from training_logs.api.serializers.fields import rating_field
from training_logs.models import (
    BodyPart,
    RecoverySignal,
    SorenessLog,
)


class SorenessEntryInputSerializer(serializers.Serializer):
    muscle = serializers.SlugField(
        required=False, allow_null=True, help_text="A library muscle slug."
    )
    body_part = serializers.ChoiceField(
        choices=BodyPart.choices, required=False, allow_null=True
    )
    level = serializers.IntegerField(min_value=1, max_value=10)

    def validate(self, attrs: dict) -> dict:
        if (attrs.get("muscle") is None) == (attrs.get("body_part") is None):
            raise serializers.ValidationError("Give a muscle or a body part.")
        return attrs


class SorenessLogCreateInputSerializer(serializers.Serializer):
    logged_at = serializers.DateTimeField(required=False)
    entries = bounded_many(
        SorenessEntryInputSerializer(), allow_empty=False, min_length=1, max_length=30
    )


class RecoverySignalCreateInputSerializer(serializers.Serializer):
    logged_at = serializers.DateTimeField(required=False)
    sleep_hours = serializers.DecimalField(
        max_digits=3,
        decimal_places=1,
        min_value=Decimal("0"),
        max_value=Decimal("24"),
        coerce_to_string=False,
        required=False,
        allow_null=True,
    )
    sleep_quality = rating_field("1 (awful) – 5 (great).")
    stress = rating_field("1 (calm) – 5 (very stressed).")
    energy = rating_field("1 (drained) – 5 (full of energy).")
    nutrition = rating_field("1 (poor) – 5 (on point).")
    notes = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )

    def validate(self, attrs: dict) -> dict:
        fields = ("sleep_hours", "sleep_quality", "stress", "energy", "nutrition")
        if all(attrs.get(f) is None for f in fields):
            raise serializers.ValidationError(
                "Give at least one of sleep_hours, sleep_quality, stress, energy or nutrition."
            )
        return attrs


class SorenessLogOutputSerializer(serializers.ModelSerializer):
    muscle = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = SorenessLog
        fields = ["id", "muscle", "body_part", "level", "logged_at"]


class RecoverySignalOutputSerializer(serializers.ModelSerializer):
    sleep_hours = serializers.FloatField(allow_null=True)
    readiness = serializers.SerializerMethodField(
        help_text="0–100 (metrics.readiness_score)."
    )

    class Meta:
        model = RecoverySignal
        fields = [
            "id",
            "logged_at",
            "sleep_hours",
            "sleep_quality",
            "stress",
            "energy",
            "nutrition",
            "notes",
            "readiness",
        ]

    def get_readiness(self, signal: RecoverySignal) -> int | None:
        return metrics.readiness_score(
            sleep_hours=signal.sleep_hours,
            sleep_quality=signal.sleep_quality,
            stress=signal.stress,
            energy=signal.energy,
            nutrition=signal.nutrition,
        )


class MuscleRecoveryOutputSerializer(serializers.Serializer):
    muscle = serializers.CharField(source="muscle_slug")
    name = serializers.CharField(source="muscle_name")
    region = serializers.CharField()
    level = serializers.FloatField(help_text="0–10, 10 = fully recovered.")
    hours_to_full = serializers.FloatField()
    last_updated_at = serializers.DateTimeField(allow_null=True)
