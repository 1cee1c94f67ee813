"""Hand-written tables behind ``import_movements`` (Alloy's own words and judgement).

Everything here is reviewed data, not logic: the pattern, equipment and level
overrides for what the keyword rules in :mod:`movements.importer` get wrong, the
supplement of conditioning, cardio and mobility staples that free-exercise-db lacks,
and the curated movement graph. Names on the left of every table are exact
free-exercise-db names (or supplement names); ``movements/tests`` fails loudly if
one stops existing.

Vocabulary: patterns are ``MovementPattern`` values, equipment ``Equipment`` values,
muscles ``Muscle.slug`` values, disciplines ``Discipline`` values.

One module per table family; every name stays importable from here:

- :mod:`.muscles`: ``MUSCLE_REGIONS``;
- :mod:`.equipment_patterns`: equipment, pattern and level corrections;
- :mod:`.supplement`: ``SUPPLEMENT``;
- :mod:`.graph`: ``PROGRESSIONS``, ``EQUIVALENTS``, ``ANTAGONISTS``;
- :mod:`.tiers`: ``TIER_*`` and ``REQUIRES_COACHING``;
- :mod:`.muscle_overrides`: ``MUSCLE_OVERRIDES``.
"""

from __future__ import annotations

from movements.library_data.equipment_patterns import (
    EQUIPMENT_KEYWORDS,
    EQUIPMENT_OVERRIDES,
    LEVEL_OVERRIDES,
    PATTERN_OVERRIDES,
    SOURCE_EQUIPMENT,
    SPECIALTY,
)
from movements.library_data.graph import ANTAGONISTS, EQUIVALENTS, PROGRESSIONS
from movements.library_data.muscle_overrides import MUSCLE_OVERRIDES
from movements.library_data.muscles import MUSCLE_REGIONS
from movements.library_data.supplement import SUPPLEMENT
from movements.library_data.tiers import (
    REQUIRES_COACHING,
    TIER_COMMON,
    TIER_NOVELTY,
    TIER_STAPLE,
)

__all__ = [
    "ANTAGONISTS",
    "EQUIPMENT_KEYWORDS",
    "EQUIPMENT_OVERRIDES",
    "EQUIVALENTS",
    "LEVEL_OVERRIDES",
    "MUSCLE_OVERRIDES",
    "MUSCLE_REGIONS",
    "PATTERN_OVERRIDES",
    "PROGRESSIONS",
    "REQUIRES_COACHING",
    "SOURCE_EQUIPMENT",
    "SPECIALTY",
    "SUPPLEMENT",
    "TIER_COMMON",
    "TIER_NOVELTY",
    "TIER_STAPLE",
]
