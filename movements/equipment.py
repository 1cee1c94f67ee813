"""Equipment presets: the one place their contents are defined.

Used by the equipment settings (API and page), the wizard and the program
defaults. Bodyweight is always available and never listed, so BODYWEIGHT_ONLY
is the empty set.
"""

from __future__ import annotations

from collections.abc import Iterable

from movements.models import Equipment, EquipmentPreset

#: What a commercial gym has (issue 10): barbells and racks, benches, dumbbells,
#: kettlebells, cables and machines, pull-up and dip stations, the small kit
#: (bands, balls, boxes, plates, a landmine) and cardio machines. Strongman and
#: specialty gear (implements, sleds, sandbags, rings, suspension trainers,
#: battle ropes) only when the athlete lists it.
SPECIALTY_EQUIPMENT: frozenset[str] = frozenset(
    {
        Equipment.STRONGMAN,
        Equipment.SLED,
        Equipment.SANDBAG,
        Equipment.RINGS,
        Equipment.SUSPENSION_TRAINER,
        Equipment.BATTLE_ROPES,
    }
)

#: Places rather than kit: a swimming pool, skates. No preset includes them (a
#: gym session never sends the athlete to a pool); the engine counts one as
#: available when the athlete lists it or enjoys an activity that needs it
#: (``programs.generation.activities.venues_for``).
VENUE_EQUIPMENT: frozenset[str] = frozenset({Equipment.POOL, Equipment.SKATES})

PRESET_EQUIPMENT: dict[str, frozenset[str]] = {
    EquipmentPreset.COMMERCIAL_GYM: frozenset(Equipment.values)
    - SPECIALTY_EQUIPMENT
    - VENUE_EQUIPMENT,
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


def default_equipment() -> list[str]:
    """What a program assumes when the athlete never said: the commercial gym."""
    return preset_equipment(EquipmentPreset.COMMERCIAL_GYM)
