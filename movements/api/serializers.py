"""Serializers for the movement catalogue (read-only), activity definitions and the
athlete's equipment, movement rules and enjoyable activities (STYLE C7: module
level, unique names)."""

from __future__ import annotations

from rest_framework import serializers

from movements.models import (
    ActivityDefinition,
    Circuit,
    CircuitMovement,
    CircuitScoring,
    CircuitType,
    Discipline,
    EnjoyableActivity,
    Equipment,
    EquipmentPreset,
    Movement,
    MovementRule,
    MovementRuleKind,
    MuscleRole,
)


class MovementOutputSerializer(serializers.ModelSerializer):
    """A movement with its muscles as slug lists.

    ``primary_muscles`` / ``secondary_muscles`` read the prefetched
    ``muscle_links`` (see ``MovementViewSet.get_queryset``), so a page costs no
    extra query per row. ``equipment`` is the normalised list (empty: bodyweight).
    """

    primary_muscles = serializers.SerializerMethodField()
    secondary_muscles = serializers.SerializerMethodField()

    class Meta:
        model = Movement
        fields = [
            "id",
            "name",
            "slug",
            "pattern",
            "mechanic",
            "force",
            "equipment",
            "level",
            "primary_discipline",
            "tags",
            "is_unilateral",
            "is_timed",
            "primary_muscles",
            "secondary_muscles",
        ]
        read_only_fields = fields

    def get_primary_muscles(self, movement: Movement) -> list[str]:
        return _muscles(movement, MuscleRole.PRIMARY)

    def get_secondary_muscles(self, movement: Movement) -> list[str]:
        return _muscles(movement, MuscleRole.SECONDARY)


def _muscles(movement: Movement, role: str) -> list[str]:
    return sorted(
        link.muscle.slug for link in movement.muscle_links.all() if link.role == role
    )


# ---------------------------------------------------------------------------
# Activity definitions
# ---------------------------------------------------------------------------
class ActivityDefinitionOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityDefinition
        fields = [
            "id",
            "name",
            "slug",
            "category",
            "intensity",
            "tracks_distance",
            "description",
        ]


# ---------------------------------------------------------------------------
# The athlete's equipment, movement rules and enjoyable activities
# ---------------------------------------------------------------------------
class MovementBriefOutputSerializer(serializers.ModelSerializer):
    """A movement named in a rule: enough to show it, not its muscles."""

    class Meta:
        model = Movement
        fields = ["id", "name", "slug", "pattern", "equipment"]
        read_only_fields = fields


class MovementRuleOutputSerializer(serializers.ModelSerializer):
    movement = MovementBriefOutputSerializer()
    substitute_with = MovementBriefOutputSerializer(allow_null=True)

    class Meta:
        model = MovementRule
        fields = [
            "id",
            "movement",
            "rule",
            "substitute_with",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class MovementRuleCreateInputSerializer(serializers.Serializer):
    """Body of ``POST`` (and ``PUT``) on the athlete's movement rules. Existence
    and the cross-rule checks are the service's, so the API and the settings page
    answer alike."""

    movement = serializers.IntegerField(help_text="Movement id.")
    rule = serializers.ChoiceField(choices=MovementRuleKind.choices)
    substitute_with = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Movement id to use instead; SUBSTITUTE only.",
    )


class MovementRuleUpdateInputSerializer(serializers.Serializer):
    """Body of ``PATCH``: any of the fields; a rule that is no longer SUBSTITUTE
    drops its substitute."""

    movement = serializers.IntegerField(required=False)
    rule = serializers.ChoiceField(choices=MovementRuleKind.choices, required=False)
    substitute_with = serializers.IntegerField(required=False, allow_null=True)


class EnjoyableActivityOutputSerializer(serializers.ModelSerializer):
    activity_definition = ActivityDefinitionOutputSerializer(source="definition")

    class Meta:
        model = EnjoyableActivity
        fields = ["id", "activity_definition", "created_at"]
        read_only_fields = fields


class EnjoyableActivityInputSerializer(serializers.Serializer):
    activity_definition_id = serializers.IntegerField()


class EquipmentPresetOutputSerializer(serializers.Serializer):
    preset = serializers.CharField()
    label = serializers.CharField()
    equipment = serializers.ListField(child=serializers.CharField())


class AthleteEquipmentOutputSerializer(serializers.Serializer):
    """What the athlete can use. ``is_set`` is false until they say: programs then
    assume a commercial gym (``preset`` COMMERCIAL_GYM, its equipment listed)."""

    preset = serializers.CharField()
    equipment = serializers.ListField(child=serializers.CharField())
    is_set = serializers.BooleanField()
    presets = EquipmentPresetOutputSerializer(many=True)


class AthleteEquipmentUpdateInputSerializer(serializers.Serializer):
    """A preset, a list, or both (CUSTOM with a list). Bodyweight is always
    available and is not listed."""

    preset = serializers.ChoiceField(
        choices=EquipmentPreset.choices, required=False, allow_null=True
    )
    equipment = serializers.ListField(
        child=serializers.ChoiceField(choices=Equipment.choices),
        required=False,
        allow_null=True,
        max_length=len(Equipment.values),
    )


# ---------------------------------------------------------------------------
# Circuits
# ---------------------------------------------------------------------------
class CircuitMovementOutputSerializer(serializers.ModelSerializer):
    """One movement of a circuit, in order, with its dose (``dose`` in short
    form: "21", "40 s", "400 m", "15 cal", or "" when the interval is the dose)."""

    movement = MovementBriefOutputSerializer()
    dose = serializers.CharField(source="dose_text")

    class Meta:
        model = CircuitMovement
        fields = [
            "order",
            "movement",
            "reps",
            "seconds",
            "distance_m",
            "calories",
            "load_hint",
            "dose",
        ]
        read_only_fields = fields


class CircuitOutputSerializer(serializers.ModelSerializer):
    """A circuit with its ordered movements, the kit they need (empty:
    bodyweight) and its estimated duration (seconds, and whole minutes rounded
    up). Reads prefetched movements (``Circuit.objects.with_movements()``)."""

    movements = CircuitMovementOutputSerializer(source="items", many=True)
    format = serializers.CharField(source="format_text", read_only=True)
    equipment = serializers.SerializerMethodField()
    estimated_seconds = serializers.SerializerMethodField()
    estimated_minutes = serializers.SerializerMethodField()

    class Meta:
        model = Circuit
        fields = [
            "id",
            "name",
            "slug",
            "circuit_type",
            "description",
            "rounds",
            "time_cap_seconds",
            "work_seconds",
            "rest_seconds",
            "scoring",
            "format",
            "difficulty",
            "disciplines",
            "tags",
            "equipment",
            "estimated_seconds",
            "estimated_minutes",
            "movements",
        ]
        read_only_fields = fields

    def get_equipment(self, circuit: Circuit) -> list[str]:
        return circuit.equipment()

    def get_estimated_seconds(self, circuit: Circuit) -> int:
        return circuit.estimated_seconds()

    def get_estimated_minutes(self, circuit: Circuit) -> int:
        return -(-circuit.estimated_seconds() // 60)


class CircuitMovementInputSerializer(serializers.Serializer):
    """One movement of a circuit: its id, its place (the list position when
    absent) and at most one dose."""

    movement = serializers.IntegerField(help_text="Movement id.")
    order = serializers.IntegerField(required=False, min_value=1, max_value=100)
    reps = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=1000
    )
    seconds = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=3600
    )
    distance_m = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=42195
    )
    calories = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=1000
    )
    load_hint = serializers.CharField(
        required=False, allow_blank=True, max_length=60, default=""
    )


class CircuitInputSerializer(serializers.Serializer):
    """Body of ``POST`` / ``PUT`` (all of it) and ``PATCH`` (any of it; a given
    ``movements`` list replaces the whole list) on ``/api/v1/circuits/``. Format
    rules and the movement list's rules are the service's
    (``movements.circuit_rules``), so the API and the admin answer alike."""

    name = serializers.CharField(max_length=120)
    slug = serializers.SlugField(max_length=140, required=False)
    circuit_type = serializers.ChoiceField(choices=CircuitType.choices)
    description = serializers.CharField()
    rounds = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=100
    )
    time_cap_seconds = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=60, max_value=3600
    )
    work_seconds = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=5, max_value=600
    )
    rest_seconds = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=0, max_value=600
    )
    scoring = serializers.ChoiceField(choices=CircuitScoring.choices)
    difficulty = serializers.IntegerField(
        required=False, default=2, min_value=1, max_value=5
    )
    disciplines = serializers.ListField(
        child=serializers.ChoiceField(choices=Discipline.choices),
        required=False,
        default=list,
    )
    tags = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list
    )
    movements = CircuitMovementInputSerializer(many=True, min_length=2)
