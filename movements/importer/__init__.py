"""Pure derivation of the movement library from free-exercise-db records.

Input records are the dicts of ``shared/data/free-exercise-db/exercises.json``
(keys ``id``, ``name``, ``force``, ``level``, ``mechanic``, ``equipment``,
``primaryMuscles``, ``secondaryMuscles``, ``category``; see that folder's README for
the traps). Output is a :class:`Library` of frozen :class:`MovementSpec` rows and
:class:`Edge` relationships, sorted by slug, ready for the ``import_movements``
command to persist (the command also writes the fixture). No database access here;
the hand-written tables live in :mod:`movements.library_data`.

One module per step; every name stays importable from here:

- :mod:`.specs`: the value types, :class:`LibraryError`, slug and keyword helpers;
- :mod:`.patterns`: the movement pattern;
- :mod:`.equipment`: equipment normalisation;
- :mod:`.attributes`: level, discipline, tags, unilateral / timed flags;
- :mod:`.tiers`: tier, coaching flag and the reviewed curation;
- :mod:`.build`: records and supplement → :class:`Library`.
"""

from __future__ import annotations

from movements.importer.attributes import (
    LEVELS,
    derive_discipline,
    derive_is_timed,
    derive_is_unilateral,
    derive_level,
    derive_tags,
)
from movements.importer.build import (
    build_library,
    derive_equivalents,
    movement_from_record,
    movement_from_supplement,
)
from movements.importer.equipment import normalise_equipment
from movements.importer.patterns import (
    HIP_DOMINANT_MUSCLES,
    KNEE_DOMINANT_MUSCLES,
    derive_pattern,
    pattern_from_rules,
)
from movements.importer.specs import (
    Edge,
    Library,
    LibraryError,
    MovementSpec,
    Record,
    movement_slug,
    muscle_slug,
)
from movements.importer.tiers import (
    SPECIALTY_EQUIPMENT,
    derive_requires_coaching,
    derive_tier,
)

__all__ = [
    "HIP_DOMINANT_MUSCLES",
    "KNEE_DOMINANT_MUSCLES",
    "LEVELS",
    "SPECIALTY_EQUIPMENT",
    "Edge",
    "Library",
    "LibraryError",
    "MovementSpec",
    "Record",
    "build_library",
    "derive_discipline",
    "derive_equivalents",
    "derive_is_timed",
    "derive_is_unilateral",
    "derive_level",
    "derive_pattern",
    "derive_requires_coaching",
    "derive_tags",
    "derive_tier",
    "movement_from_record",
    "movement_from_supplement",
    "muscle_slug",
    "movement_slug",
    "normalise_equipment",
    "pattern_from_rules",
]
