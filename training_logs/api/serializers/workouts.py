"""Workout logs: the bodies of ``POST /logs/workouts/`` and
``/logs/custom-workout/``, the list filters, and a log with its sets and records."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from coach.api.fields import bounded_many
from movements.models import Movement
from training_logs import metrics
from training_logs.api.serializers.fields import LoadField, rating_field, rpe_field
from training_logs.models import (
    FeedbackTag,
    PersonalRecord,
    RecordKind,
    SetLog,
    WorkoutLog,
)
from training_logs.presenters import in_unit, is_headline


class SetLogInputSerializer(serializers.Serializer):
    movement_id = serializers.IntegerField(min_value=1)
    set_number = serializers.IntegerField(
        min_value=1, max_value=100, required=False, allow_null=True
    )
    load = serializers.DecimalField(
        max_digits=8,
        decimal_places=3,
        min_value=Decimal("0"),
        max_value=Decimal("4500"),
        coerce_to_string=False,
        required=False,
        allow_null=True,
        help_text="External load in the athlete's unit; 0 = bodyweight, null = not recorded.",
    )
    reps = serializers.IntegerField(
        min_value=1, max_value=1000, required=False, allow_null=True
    )
    duration_seconds = serializers.IntegerField(
        min_value=1, max_value=86_400, required=False, allow_null=True
    )
    rpe = rpe_field()
    rir = serializers.IntegerField(
        min_value=0, max_value=10, required=False, allow_null=True
    )
    is_warmup = serializers.BooleanField(required=False, default=False)
    session_exercise_id = serializers.IntegerField(required=False, allow_null=True)

    def validate(self, attrs: dict) -> dict:
        if attrs.get("reps") is None and attrs.get("duration_seconds") is None:
            raise serializers.ValidationError("Give reps or duration_seconds.")
        return attrs


class _WorkoutLogFieldsInputSerializer(serializers.Serializer):
    performed_at = serializers.DateTimeField(required=False)
    duration_minutes = serializers.IntegerField(
        min_value=1, max_value=600, required=False, allow_null=True
    )
    notes = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )
    enjoyment = rating_field("How much you enjoyed it, 1–5.")
    feedback_tags = serializers.ListField(
        child=serializers.ChoiceField(choices=FeedbackTag.choices),
        required=False,
        default=list,
        max_length=len(FeedbackTag.choices),
    )


class WorkoutLogCreateInputSerializer(_WorkoutLogFieldsInputSerializer):
    """Body of ``POST /logs/workouts/``: a planned session. Without ``sets`` the
    prescription is logged as done, loads not recorded (see
    ``services.prescribed_sets``)."""

    session_id = serializers.IntegerField()
    sets = bounded_many(SetLogInputSerializer(), required=False, max_length=300)


class CustomWorkoutLogCreateInputSerializer(_WorkoutLogFieldsInputSerializer):
    """Body of ``POST /logs/custom-workout/``: an ad-hoc workout."""

    name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    sets = bounded_many(
        SetLogInputSerializer(), allow_empty=False, min_length=1, max_length=300
    )


class WorkoutLogFilterInputSerializer(serializers.Serializer):
    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)
    movement = serializers.IntegerField(required=False, min_value=1)

    def validate(self, attrs: dict) -> dict:
        start, end = attrs.get("date_from"), attrs.get("date_to")
        if start and end and start > end:
            raise serializers.ValidationError(
                {"date_to": ["date_to is before date_from."]}
            )
        return attrs


class MovementRefOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Movement
        fields = ["id", "name", "slug", "pattern"]


class PersonalRecordOutputSerializer(serializers.ModelSerializer):
    movement = MovementRefOutputSerializer()
    value = serializers.SerializerMethodField(
        help_text="The athlete's unit for E1RM and LOAD_AT_REPS; reps for REPS_AT_LOAD."
    )
    previous_value = serializers.SerializerMethodField()
    load = LoadField(source="load_kg")
    workout_log_id = serializers.IntegerField(source="set_log.workout_log_id")
    unit = serializers.SerializerMethodField()
    is_headline = serializers.SerializerMethodField(
        help_text="Worth a cheer on its own: a best e1RM, or a heavier set at a rep "
        "count than ever before (the pages' rule, training_logs.presenters)."
    )

    class Meta:
        model = PersonalRecord
        fields = [
            "id",
            "movement",
            "kind",
            "value",
            "previous_value",
            "reps",
            "load",
            "unit",
            "set_log_id",
            "workout_log_id",
            "achieved_at",
            "is_current",
            "is_headline",
        ]

    def _value(self, record: PersonalRecord, value: Decimal | None) -> float | None:
        if value is None:
            return None
        if record.kind == RecordKind.REPS_AT_LOAD:
            return float(value)
        return in_unit(value, self.context.get("unit", metrics.KG))

    def get_value(self, record: PersonalRecord) -> float | None:
        return self._value(record, record.value)

    def get_previous_value(self, record: PersonalRecord) -> float | None:
        return self._value(record, record.previous_value)

    def get_unit(self, record: PersonalRecord) -> str:
        return self.context.get("unit", metrics.KG)

    def get_is_headline(self, record: PersonalRecord) -> bool:
        return is_headline(record)


class SetLogOutputSerializer(serializers.ModelSerializer):
    movement = MovementRefOutputSerializer()
    load = LoadField(source="load_kg")
    e1rm = LoadField(source="e1rm_kg")
    rpe = serializers.FloatField(allow_null=True)

    class Meta:
        model = SetLog
        fields = [
            "id",
            "movement",
            "order",
            "set_number",
            "load",
            "reps",
            "duration_seconds",
            "rpe",
            "rir",
            "is_warmup",
            "is_hard",
            "e1rm",
            "e1rm_low_confidence",
            "session_exercise_id",
        ]


class WorkoutLogOutputSerializer(serializers.ModelSerializer):
    """A workout with its sets and the personal records its sets made (expects
    ``selectors.workout_log_with_sets`` prefetches)."""

    sets = SetLogOutputSerializer(many=True)
    personal_records = serializers.SerializerMethodField()
    hard_sets = serializers.SerializerMethodField()
    unit = serializers.SerializerMethodField()
    session_date = serializers.DateField(source="session.date", allow_null=True)

    class Meta:
        model = WorkoutLog
        fields = [
            "id",
            "session_id",
            "session_date",
            "name",
            "performed_at",
            "duration_minutes",
            "notes",
            "enjoyment",
            "feedback_tags",
            "unit",
            "hard_sets",
            "sets",
            "personal_records",
        ]

    def get_personal_records(self, log: WorkoutLog) -> list[dict]:
        found = [
            record
            for set_log in log.sets.all()
            for record in set_log.personal_records.all()
        ]
        return PersonalRecordOutputSerializer(
            found, many=True, context=self.context
        ).data

    def get_hard_sets(self, log: WorkoutLog) -> int:
        return sum(1 for s in log.sets.all() if s.is_hard)

    def get_unit(self, log: WorkoutLog) -> str:
        return self.context.get("unit", metrics.KG)
