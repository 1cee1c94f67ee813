"""Tier and coaching flag (issue 10), and the reviewed curation applied to every
spec (muscle corrections, tier, coaching)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from movements import library_data as data
from movements.importer.specs import MovementSpec, matches

# ---------------------------------------------------------------------------
# Tier and coaching (issue 10)
# ---------------------------------------------------------------------------
#: Equipment that makes a movement specialty whatever its name: strongman
#: implements, sleds, sandbags, rings, suspension trainers and battle ropes are
#: not in the commercial-gym default (``movements.equipment``).
SPECIALTY_EQUIPMENT = frozenset(
    {"strongman", "sled", "sandbag", "rings", "suspension_trainer", "battle_ropes"}
)
_ACCOMMODATING = r"with bands|with chains|reverse band|\bspeed\b|- with bands"
_NON_LIFTING = frozenset({"mobility", "cardio", "conditioning", "plyometric"})


def derive_tier(name: str, pattern: str, equipment: Iterable[str], level: int) -> str:
    """A ``Tier`` value. The reviewed tables in ``library_data`` win (NOVELTY,
    then STAPLE, then COMMON); otherwise: specialty kit, accommodating resistance
    (bands, chains, speed work) and Olympic lifts are SPECIALTY; mobility and
    cardio work is COMMON; conditioning and plyometric work is COMMON up to level
    2 (SPECIALTY above); a lifting movement nobody listed is SPECIALTY."""
    if name in data.TIER_NOVELTY:
        return "NOVELTY"
    if name in data.TIER_STAPLE:
        return "STAPLE"
    if name in data.TIER_COMMON:
        return "COMMON"
    lower = name.lower()
    if set(equipment) & SPECIALTY_EQUIPMENT or matches(_ACCOMMODATING, lower):
        return "SPECIALTY"
    if pattern == "olympic":
        return "SPECIALTY"
    if pattern in ("mobility", "cardio"):
        return "COMMON"
    if pattern in _NON_LIFTING:
        return "COMMON" if level <= 2 else "SPECIALTY"
    return "SPECIALTY"


def derive_requires_coaching(name: str, pattern: str) -> bool:
    """Olympic-pattern lifts and the names in ``library_data.REQUIRES_COACHING``."""
    return pattern == "olympic" or name in data.REQUIRES_COACHING


def curated(spec: MovementSpec) -> MovementSpec:
    """Apply the reviewed muscle corrections, then the tier and coaching flag."""
    muscles = data.MUSCLE_OVERRIDES.get(spec.name)
    if muscles is not None:
        primary, secondary = muscles
        spec = replace(
            spec,
            primary_muscles=tuple(sorted(primary)),
            secondary_muscles=tuple(sorted(set(secondary) - set(primary))),
        )
    return replace(
        spec,
        tier=derive_tier(spec.name, spec.pattern, spec.equipment, spec.level),
        requires_coaching=derive_requires_coaching(spec.name, spec.pattern),
    )
