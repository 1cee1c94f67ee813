"""Serializers of the daily-coach API, module level and named per operation
(STYLE C7) so the OpenAPI schema has one component per shape."""

from __future__ import annotations

from rest_framework import serializers

from adaptation.models import (
    MESSAGE_MAX_CHARS,
    MINUTES_MAX,
    MINUTES_MIN,
    SORENESS_MAX,
    SORENESS_MIN,
    AdaptationStatus,
)
from movements.models import Equipment


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------
class DayAdaptInputSerializer(serializers.Serializer):
    """The day's check-in: soreness per muscle (library slugs, 1–10), how the
    athlete slept and feels, the minutes and equipment available today."""

    soreness = serializers.DictField(
        child=serializers.IntegerField(min_value=SORENESS_MIN, max_value=SORENESS_MAX),
        required=False,
        default=dict,
        help_text='{muscle slug: soreness 1–10}, e.g. {"quadriceps": 8}.',
    )
    sleep_hours = serializers.DecimalField(
        max_digits=3,
        decimal_places=1,
        min_value=0,
        max_value=24,
        required=False,
        allow_null=True,
    )
    sleep_quality = serializers.IntegerField(
        min_value=1, max_value=5, required=False, allow_null=True
    )
    stress = serializers.IntegerField(
        min_value=1,
        max_value=5,
        required=False,
        allow_null=True,
        help_text="1 = calm, 5 = most stressed.",
    )
    energy = serializers.IntegerField(
        min_value=1, max_value=5, required=False, allow_null=True
    )
    nutrition = serializers.IntegerField(
        min_value=1, max_value=5, required=False, allow_null=True
    )
    minutes_available = serializers.IntegerField(
        min_value=MINUTES_MIN,
        max_value=MINUTES_MAX,
        required=False,
        allow_null=True,
        help_text="Minutes for today's session; omitted = the planned length.",
    )
    equipment = serializers.ListField(
        child=serializers.ChoiceField(choices=Equipment.choices),
        required=False,
        allow_null=True,
        help_text="Exactly what is available today; omitted = the program's.",
    )
    notes = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )
    readapt = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Adapt again although an adaptation is already accepted.",
    )


class ExerciseSwapInputSerializer(serializers.Serializer):
    movement = serializers.IntegerField(min_value=1, help_text="The movement's id.")


class AlternativesQueryInputSerializer(serializers.Serializer):
    easier = serializers.BooleanField(
        required=False, default=False, help_text="Include easier regressions."
    )


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------
class LoadTargetOutputSerializer(serializers.Serializer):
    set_number = serializers.IntegerField()
    reps = serializers.IntegerField(allow_null=True)
    target_rpe = serializers.FloatField(allow_null=True)
    load = serializers.FloatField(allow_null=True, help_text="In ``unit``.")
    unit = serializers.CharField()
    load_kg = serializers.FloatField(allow_null=True)
    percent_1rm = serializers.FloatField(allow_null=True)
    e1rm_kg = serializers.FloatField(allow_null=True)
    basis = serializers.CharField()
    text = serializers.CharField()


class PlanExerciseOutputSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    exercise_id = serializers.IntegerField(allow_null=True)
    movement_id = serializers.IntegerField()
    movement_name = serializers.CharField()
    role = serializers.CharField()
    sets = serializers.IntegerField()
    reps_min = serializers.IntegerField(allow_null=True)
    reps_max = serializers.IntegerField(allow_null=True)
    duration_seconds = serializers.IntegerField(allow_null=True)
    target_rpe = serializers.FloatField(allow_null=True)
    target_rir = serializers.IntegerField(allow_null=True)
    rest_seconds = serializers.IntegerField()
    estimated_seconds = serializers.IntegerField()
    load_targets = LoadTargetOutputSerializer(many=True)
    load_note = serializers.CharField()


class ReadinessOutputSerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=0, max_value=100)
    band = serializers.CharField()
    components = serializers.DictField(child=serializers.FloatField())
    weights = serializers.DictField(child=serializers.FloatField())
    missing = serializers.ListField(child=serializers.CharField())
    treatment = serializers.CharField()
    defaulted = serializers.BooleanField()


class DeloadSuggestionOutputSerializer(serializers.Serializer):
    triggers = serializers.ListField(child=serializers.CharField())
    reasons = serializers.ListField(child=serializers.CharField())
    deload_now_url = serializers.CharField()


class SessionSummaryOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    date = serializers.DateField()
    session_type = serializers.CharField()
    focus = serializers.CharField()
    is_deload = serializers.BooleanField()
    url = serializers.CharField()


class OperationOutputSerializer(serializers.Serializer):
    kind = serializers.CharField()
    reason = serializers.CharField()
    exercise_id = serializers.IntegerField(allow_null=True)
    movement_id = serializers.IntegerField(allow_null=True)
    movement_name = serializers.CharField()
    new_movement_id = serializers.IntegerField(allow_null=True)
    new_movement_name = serializers.CharField()
    before = serializers.CharField()
    after = serializers.CharField()


class AdaptationOutputSerializer(serializers.Serializer):
    """A proposal (or a decided adaptation) with every change and its reason."""

    id = serializers.IntegerField()
    session_id = serializers.IntegerField()
    date = serializers.DateField(source="session.date")
    status = serializers.ChoiceField(choices=AdaptationStatus.choices)
    readiness_score = serializers.IntegerField()
    readiness = ReadinessOutputSerializer()
    operations = OperationOutputSerializer(many=True)
    prescription = serializers.JSONField(
        help_text="The adapted session: exercises, time_breakdown (minutes), "
        "planned_minutes, estimated_minutes, minutes_available, fits_time, notes."
    )
    estimated_minutes = serializers.IntegerField()
    checkin_id = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(allow_null=True)


class DayPlanOutputSerializer(serializers.Serializer):
    """``GET /days/{date}/plan``."""

    date = serializers.DateField()
    program = serializers.DictField(help_text="{id, name}")
    rest_day = serializers.BooleanField()
    session = SessionSummaryOutputSerializer(allow_null=True)
    next_session = SessionSummaryOutputSerializer(allow_null=True)
    adapted = serializers.BooleanField()
    adaptation_id = serializers.IntegerField(allow_null=True)
    proposal_id = serializers.IntegerField(allow_null=True)
    exercises = PlanExerciseOutputSerializer(many=True)
    time_breakdown = serializers.DictField(child=serializers.IntegerField())
    estimated_minutes = serializers.IntegerField()
    readiness = ReadinessOutputSerializer()
    deload_suggestion = DeloadSuggestionOutputSerializer(allow_null=True)
    changes = OperationOutputSerializer(many=True)
    unit = serializers.CharField()


class AlternativeOutputSerializer(serializers.Serializer):
    movement_id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()
    score = serializers.FloatField()
    rank = serializers.IntegerField()
    reason = serializers.CharField()


class SwappedExerciseOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    order = serializers.IntegerField()
    movement_id = serializers.IntegerField()
    movement_name = serializers.CharField(source="movement.name")
    sets = serializers.IntegerField()
    reps_min = serializers.IntegerField(allow_null=True)
    reps_max = serializers.IntegerField(allow_null=True)
    rationale = serializers.JSONField()


class DeloadNowOutputSerializer(serializers.Serializer):
    program_id = serializers.IntegerField()
    microcycle_id = serializers.IntegerField()
    sequence_number = serializers.IntegerField()
    start_date = serializers.DateField()
    is_deload = serializers.BooleanField()
    status_url = serializers.CharField()


class NotFoundOutputSerializer(serializers.Serializer):
    detail = serializers.CharField()


# ---------------------------------------------------------------------------
# Conversation threads (the coach's voice)
# ---------------------------------------------------------------------------
class ThreadDecideInputSerializer(serializers.Serializer):
    conversation_id = serializers.IntegerField(
        min_value=1, help_text="The thread's id (the stream's thread_id)."
    )
    final_notes = serializers.CharField(
        max_length=MESSAGE_MAX_CHARS, required=False, allow_blank=True, default=""
    )


class TurnOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    role = serializers.CharField(help_text="USER or ASSISTANT.")
    content = serializers.CharField()
    model_name = serializers.CharField()
    latency_ms = serializers.IntegerField(allow_null=True)
    prompt_tokens = serializers.IntegerField(allow_null=True)
    completion_tokens = serializers.IntegerField(allow_null=True)
    error_kind = serializers.CharField(
        help_text="Blank when the model answered, else why it did not."
    )
    flags = serializers.ListField(child=serializers.DictField())
    created_at = serializers.DateTimeField()


class ThreadOutputSerializer(serializers.Serializer):
    """A conversation about one adaptation, with its turns in order."""

    id = serializers.IntegerField()
    session_id = serializers.IntegerField()
    adaptation_id = serializers.IntegerField()
    adaptation_status = serializers.CharField(source="adaptation.status")
    status = serializers.CharField(help_text="IN_PROGRESS, ACCEPTED or REJECTED.")
    final_content = serializers.CharField()
    final_notes = serializers.CharField()
    decided_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    turns = TurnOutputSerializer(many=True, source="turns.all")
