"""Import and export API serializers."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from coach.models import Units
from training_logs.models import ImportJob


class ImportCreateInputSerializer(serializers.Serializer):
    """A Strong or Hevy CSV export (multipart ``file``) and the unit of its
    weights when the file does not say (Strong's newer exports)."""

    file = serializers.FileField()
    unit = serializers.ChoiceField(choices=Units.choices, required=False)


class ImportMappingInputSerializer(serializers.Serializer):
    """``{exercise name: movement id}`` for every unmatched name; ``null`` leaves
    that name's sets out."""

    mapping = serializers.DictField(
        child=serializers.IntegerField(min_value=1, allow_null=True), allow_empty=False
    )


class ImportCandidateOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    score = serializers.IntegerField(help_text="Fuzzy likeness, 0–100.")


class ImportUnmatchedOutputSerializer(serializers.Serializer):
    name = serializers.CharField()
    sets = serializers.IntegerField()
    candidates = ImportCandidateOutputSerializer(many=True)


class ImportJobOutputSerializer(serializers.ModelSerializer):
    """An import: its status (``NEEDS_MAPPING`` → ``QUEUED`` → ``RUNNING`` →
    ``COMPLETED`` | ``FAILED``), progress (``sets_done`` of ``sets_total``,
    ``percent``), the names waiting for a choice, and the outcome."""

    unmatched = ImportUnmatchedOutputSerializer(many=True)
    percent = serializers.IntegerField()
    status_url = serializers.SerializerMethodField()

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "source",
            "filename",
            "unit",
            "status",
            "unmatched",
            "rows_total",
            "rows_skipped",
            "sets_total",
            "sets_done",
            "percent",
            "sets_created",
            "sets_duplicate",
            "sets_left_out",
            "workouts_created",
            "error",
            "created_at",
            "started_at",
            "finished_at",
            "status_url",
        ]
        read_only_fields = fields

    def get_status_url(self, job: ImportJob) -> str:
        return reverse("api:training_logs:import-detail", args=[job.pk])
