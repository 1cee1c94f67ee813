"""The movements app's models, one module per seam:

- :mod:`.library`: the vocabulary (patterns, equipment, tiers, muscles), movements,
  their muscle roles and the movement graph;
- :mod:`.athlete`: activity definitions and the athlete's equipment, movement
  rules and enjoyable activities;
- :mod:`.circuits`: staff-curated circuits and their movements.

Every name stays importable from ``movements.models``.
"""

from __future__ import annotations

from movements.models.athlete import (
    ENGINE_ACTIVITY_CATEGORIES,
    ActivityCategory,
    ActivityDefinition,
    ActivityDefinitionManager,
    AthleteEquipment,
    EnjoyableActivity,
    EnjoyableActivityQuerySet,
    Intensity,
    MovementRule,
    MovementRuleKind,
    MovementRuleQuerySet,
)
from movements.models.circuits import (
    Circuit,
    CircuitMovement,
    CircuitQuerySet,
    CircuitScoring,
    CircuitType,
)
from movements.models.library import (
    Discipline,
    Equipment,
    EquipmentPreset,
    Force,
    Mechanic,
    Movement,
    MovementMuscle,
    MovementPattern,
    MovementQuerySet,
    MovementRelationship,
    Muscle,
    MuscleRegion,
    MuscleRole,
    RelationshipType,
    Tier,
)

__all__ = [
    "ENGINE_ACTIVITY_CATEGORIES",
    "ActivityCategory",
    "ActivityDefinition",
    "ActivityDefinitionManager",
    "AthleteEquipment",
    "Circuit",
    "CircuitMovement",
    "CircuitQuerySet",
    "CircuitScoring",
    "CircuitType",
    "Discipline",
    "EnjoyableActivity",
    "EnjoyableActivityQuerySet",
    "Equipment",
    "EquipmentPreset",
    "Force",
    "Intensity",
    "Mechanic",
    "Movement",
    "MovementMuscle",
    "MovementPattern",
    "MovementQuerySet",
    "MovementRelationship",
    "MovementRule",
    "MovementRuleKind",
    "MovementRuleQuerySet",
    "Muscle",
    "MuscleRegion",
    "MuscleRole",
    "RelationshipType",
    "Tier",
]
