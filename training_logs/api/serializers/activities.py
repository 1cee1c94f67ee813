"""Activities: the body of ``POST /activities/log`` and an activity logged."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from movements.api.serializers import ActivityDefinitionOutputSerializer
from training_logs.api.serializers.fields import rating_field
from training_logs.models import (
    ActivityInstance,
)


class ActivityLogCreateInputSerializer(serializers.Serializer):
    """Body of ``POST /activities/log/`` (seeds 002 ``ActivityInstanceCreate``),
    plus ``duration_seconds`` as an alternative to ``duration_minutes`` and an
    optional planned ``session_id`` the activity completes."""

    activity_definition_id = serializers.IntegerField(min_value=1)
    activity_name = serializers.CharField(
        max_length=120, required=False, allow_blank=True, default=""
    )
    performed_start = serializers.DateTimeField(required=False)
    duration_minutes = serializers.IntegerField(
        min_value=1, max_value=1440, required=False, allow_null=True
    )
    duration_seconds = serializers.IntegerField(
        min_value=1, max_value=86_400, required=False, allow_null=True
    )
    distance_km = serializers.DecimalField(
        max_digits=7,
        decimal_places=3,
        min_value=Decimal("0"),
        max_value=Decimal("1000"),
        coerce_to_string=False,
        required=False,
        allow_null=True,
    )
    perceived_difficulty = rating_field("1 (easy) – 5 (very hard).")
    enjoyment_rating = rating_field("1–5.")
    notes = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )
    session_id = serializers.IntegerField(required=False, allow_null=True)

    def validate(self, attrs: dict) -> dict:
        minutes, seconds = attrs.get("duration_minutes"), attrs.get("duration_seconds")
        if (minutes is None) == (seconds is None):
            raise serializers.ValidationError(
                "Give duration_minutes or duration_seconds (one of them)."
            )
        attrs["duration_seconds"] = seconds if seconds is not None else minutes * 60
        return attrs


class ActivityInstanceOutputSerializer(serializers.ModelSerializer):
    activity_definition = ActivityDefinitionOutputSerializer(source="definition")
    activity_name = serializers.CharField(source="name")
    duration_minutes = serializers.SerializerMethodField()
    distance_km = serializers.FloatField(allow_null=True)
    enjoyment_rating = serializers.IntegerField(source="enjoyment", allow_null=True)

    class Meta:
        model = ActivityInstance
        fields = [
            "id",
            "activity_definition",
            "activity_name",
            "session_id",
            "performed_start",
            "duration_seconds",
            "duration_minutes",
            "distance_km",
            "perceived_difficulty",
            "enjoyment_rating",
            "notes",
            "source",
        ]

    def get_duration_minutes(self, activity: ActivityInstance) -> float:
        return round(activity.duration_seconds / 60, 1)
