"""Circuit scores: the body of ``POST /logs/circuit-scores/`` and a score."""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from training_logs import metrics
from training_logs.api.serializers.fields import LoadField
from training_logs.models import CircuitScore
from training_logs.presenters import circuit_score_text


class CircuitScoreCreateInputSerializer(serializers.Serializer):
    """A score on one circuit, as the circuit is scored: ``rounds`` (+ ``reps``),
    ``time_seconds`` or ``load`` (the athlete's unit); ``performed_on`` defaults
    to today."""

    circuit = serializers.IntegerField(min_value=1, help_text="Circuit id.")
    performed_on = serializers.DateField(required=False)
    rounds = serializers.IntegerField(
        min_value=0, max_value=1000, required=False, allow_null=True
    )
    reps = serializers.IntegerField(
        min_value=0, max_value=10_000, required=False, allow_null=True
    )
    time_seconds = serializers.IntegerField(
        min_value=1, max_value=36_000, required=False, allow_null=True
    )
    load = serializers.DecimalField(
        max_digits=7,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal("2000"),
        required=False,
        allow_null=True,
        help_text="In the athlete's unit.",
    )


class CircuitScoreFilterInputSerializer(serializers.Serializer):
    circuit = serializers.IntegerField(min_value=1, required=False)


class CircuitScoreOutputSerializer(serializers.ModelSerializer):
    """A score, in words too (``score``), with whether it is the athlete's best
    on that circuit (``context["bests"]``: circuit id → best score id)."""

    circuit_name = serializers.CharField(source="circuit.name")
    scoring = serializers.CharField(source="circuit.scoring")
    load = LoadField(source="load_kg")
    score = serializers.SerializerMethodField()
    is_best = serializers.SerializerMethodField()

    class Meta:
        model = CircuitScore
        fields = [
            "id",
            "circuit",
            "circuit_name",
            "scoring",
            "performed_on",
            "rounds",
            "reps",
            "time_seconds",
            "load",
            "score",
            "is_best",
            "workout_log",
        ]
        read_only_fields = fields

    def get_score(self, score: CircuitScore) -> str:
        return circuit_score_text(score, self.context.get("unit", metrics.KG))

    def get_is_best(self, score: CircuitScore) -> bool:
        return self.context.get("bests", {}).get(score.circuit_id) == score.pk


class CircuitScoreCreatedOutputSerializer(CircuitScoreOutputSerializer):
    """A score just recorded, with the athlete's ``best`` on that circuit (this
    one or an earlier; null for an unscored circuit)."""

    best = serializers.SerializerMethodField()

    class Meta(CircuitScoreOutputSerializer.Meta):
        fields = [*CircuitScoreOutputSerializer.Meta.fields, "best"]
        read_only_fields = fields

    @extend_schema_field(CircuitScoreOutputSerializer(allow_null=True))
    def get_best(self, score: CircuitScore) -> dict | None:
        best = self.context.get("best")
        if best is None:
            return None
        return CircuitScoreOutputSerializer(best, context=self.context).data
