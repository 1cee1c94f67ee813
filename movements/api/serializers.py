"""Serializers for the movement catalogue (read-only), activity definitions and the
athlete's equipment, movement rules and enjoyable activities (STYLE C7: module
level, unique names)."""

from __future__ import annotations

from rest_framework import serializers

from movements.models import (
    ActivityDefinition,
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
