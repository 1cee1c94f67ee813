"""Output serializers for the movement catalogue (read-only)."""

from __future__ import annotations

from rest_framework import serializers

from movements.models import Movement, MuscleRole


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
