"""Records and progress: record and trend filters, the e1RM trend, adherence
and weekly volume."""

from __future__ import annotations

from rest_framework import serializers

from training_logs.api.serializers.fields import LoadField
from training_logs.api.serializers.workouts import (
    MovementRefOutputSerializer,
    WorkoutLogFilterInputSerializer,
)


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
