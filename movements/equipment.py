"""Equipment presets: the one place their contents are defined.

Used by the equipment settings (API and page), the wizard and the program
defaults. Bodyweight is always available and never listed, so BODYWEIGHT_ONLY
is the empty set.
"""

from __future__ import annotations

from collections.abc import Iterable

from movements.models import Equipment, EquipmentPreset

PRESET_EQUIPMENT: dict[str, frozenset[str]] = {
    EquipmentPreset.COMMERCIAL_GYM: frozenset(Equipment.values),
    # A power rack with a pull-up bar, a barbell with plates and a flat bench.
    EquipmentPreset.HOME_BARBELL: frozenset(
        {
            Equipment.BARBELL,
            Equipment.RACK,
            Equipment.PLATES,
            Equipment.BENCH,
            Equipment.PULL_UP_BAR,
        }
    ),
    EquipmentPreset.DUMBBELLS_ONLY: frozenset({Equipment.DUMBBELL}),
    EquipmentPreset.BODYWEIGHT_ONLY: frozenset(),
}


def preset_equipment(preset: str) -> list[str]:
    """The sorted equipment of a named preset (``KeyError`` for CUSTOM)."""
    return sorted(PRESET_EQUIPMENT[preset])


def preset_for(equipment: Iterable[str]) -> str:
    """The preset whose contents are exactly ``equipment``, else CUSTOM."""
    wanted = frozenset(equipment)
    for preset, contents in PRESET_EQUIPMENT.items():
        if contents == wanted:
            return preset
    return EquipmentPreset.CUSTOM


def equipment_labels(equipment: Iterable[str]) -> list[str]:
    """Human labels for equipment values (unknown values as they are)."""
    labels = dict(Equipment.choices)
    return [labels.get(value, value) for value in equipment]


def describe(preset: str, equipment: Iterable[str]) -> str:
    """One line: the preset's name, or the custom list ("Bodyweight only" if empty)."""
    items = list(equipment)
    if preset and preset != EquipmentPreset.CUSTOM:
        return EquipmentPreset(preset).label
    if not items:
        return EquipmentPreset.BODYWEIGHT_ONLY.label
    return ", ".join(equipment_labels(sorted(items)))
