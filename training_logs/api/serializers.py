"""Training-log API serializers (STYLE C7): one input serializer per action, output
serializers for reads, all at module level with unique names.

Loads travel in the athlete's unit (``AthleteSettings.units``, kg or lb): inputs are
converted to kg by the views, outputs by :class:`LoadField` from the ``unit`` in
the serializer context. Input serializers check types and bounds so a bad request
is a 400 with field errors before any service runs.
"""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from coach.api.fields import bounded_many
from movements.api.serializers import ActivityDefinitionOutputSerializer
from movements.models import Movement
from training_logs import metrics
from training_logs.models import (
    ActivityInstance,
    BodyPart,
    FeedbackTag,
    PersonalRecord,
    RecordKind,
    RecoverySignal,
    SetLog,
    SorenessLog,
    WorkoutLog,
    validate_rpe,
)


def load_in_unit(value_kg: Decimal | None, unit: str) -> float | None:
    """A kg value in ``unit`` (KG or LB), rounded to 2 decimals."""
    if value_kg is None:
        return None
    return round(metrics.from_kg(float(value_kg), unit), 2)


@extend_schema_field({"type": "number", "nullable": True})
class LoadField(serializers.Field):
    """A kg value shown in the athlete's unit (``context["unit"]``), 2 decimals."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value: Decimal | None) -> float | None:
        return load_in_unit(value, self.context.get("unit", metrics.KG))


def _rpe_field(**kwargs) -> serializers.DecimalField:
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


def _rating_field(help_text: str = "1–5.") -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=1, max_value=5, required=False, allow_null=True, help_text=help_text
    )


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------
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
    rpe = _rpe_field()
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
    enjoyment = _rating_field("How much you enjoyed it, 1–5.")
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


class E1RMTrendInputSerializer(WorkoutLogFilterInputSerializer):
    movement = serializers.IntegerField(min_value=1)


class PersonalRecordFilterInputSerializer(serializers.Serializer):
    movement = serializers.IntegerField(required=False, min_value=1)
    history = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Every record ever, not only standing ones.",
    )


class WeeksInputSerializer(serializers.Serializer):
    weeks = serializers.IntegerField(min_value=1, max_value=52, required=False)


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
    sleep_quality = _rating_field("1 (awful) – 5 (great).")
    stress = _rating_field("1 (calm) – 5 (very stressed).")
    energy = _rating_field("1 (drained) – 5 (full of energy).")
    nutrition = _rating_field("1 (poor) – 5 (on point).")
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
    perceived_difficulty = _rating_field("1 (easy) – 5 (very hard).")
    enjoyment_rating = _rating_field("1–5.")
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


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------
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
        ]

    def _value(self, record: PersonalRecord, value: Decimal | None) -> float | None:
        if value is None:
            return None
        if record.kind == RecordKind.REPS_AT_LOAD:
            return float(value)
        return load_in_unit(value, self.context.get("unit", metrics.KG))

    def get_value(self, record: PersonalRecord) -> float | None:
        return self._value(record, record.value)

    def get_previous_value(self, record: PersonalRecord) -> float | None:
        return self._value(record, record.previous_value)

    def get_unit(self, record: PersonalRecord) -> str:
        return self.context.get("unit", metrics.KG)


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


class TrendPointOutputSerializer(serializers.Serializer):
    workout_log_id = serializers.IntegerField()
    performed_at = serializers.DateTimeField()
    e1rm = LoadField(source="e1rm_kg")
    load = LoadField(source="load_kg")
    reps = serializers.IntegerField(allow_null=True)
    rpe = serializers.FloatField(allow_null=True)
    low_confidence = serializers.BooleanField()


class E1RMTrendOutputSerializer(serializers.Serializer):
    movement = MovementRefOutputSerializer()
    unit = serializers.CharField()
    formula = serializers.CharField()
    points = TrendPointOutputSerializer(many=True)


class SessionStatusOutputSerializer(serializers.Serializer):
    session_id = serializers.IntegerField()
    date = serializers.DateField()
    status = serializers.CharField(help_text="COMPLETED, MISSED, DUE or UPCOMING.")


class WeekAdherenceOutputSerializer(serializers.Serializer):
    week_start = serializers.DateField()
    planned = serializers.IntegerField()
    completed = serializers.IntegerField()
    missed = serializers.IntegerField()
    status = serializers.CharField(
        help_text="KEPT, MISSED, IN_PROGRESS, EMPTY or UPCOMING."
    )
    unplanned_workouts = serializers.IntegerField()
    unplanned_activities = serializers.IntegerField()
    sessions = SessionStatusOutputSerializer(many=True)


class AdherenceOutputSerializer(serializers.Serializer):
    today = serializers.DateField()
    current_streak_weeks = serializers.IntegerField()
    longest_streak_weeks = serializers.IntegerField()
    current_streak_sessions = serializers.IntegerField()
    longest_streak_sessions = serializers.IntegerField()
    completed = serializers.IntegerField()
    missed = serializers.IntegerField()
    completion_rate = serializers.FloatField(allow_null=True)
    weeks = WeekAdherenceOutputSerializer(many=True)


class GroupVolumeOutputSerializer(serializers.Serializer):
    group = serializers.CharField(source="landmark.group")
    name = serializers.CharField(source="landmark.name")
    muscles = serializers.ListField(
        child=serializers.CharField(), source="landmark.muscles"
    )
    hard_sets = serializers.FloatField()
    mv = serializers.FloatField(source="landmark.mv")
    mev = serializers.FloatField(source="landmark.mev")
    mav_low = serializers.FloatField(source="landmark.mav_low")
    mav_high = serializers.FloatField(source="landmark.mav_high")
    mrv = serializers.FloatField(source="landmark.mrv")
    zone = serializers.CharField()
    source = serializers.CharField(source="landmark.source")


class WeekVolumeOutputSerializer(serializers.Serializer):
    week_start = serializers.DateField()
    muscles = serializers.DictField(child=serializers.FloatField())
    groups = GroupVolumeOutputSerializer(many=True)


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
