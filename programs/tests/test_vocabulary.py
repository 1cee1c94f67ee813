"""The engine's vocabulary and the database's say the same words.

The engine (``programs.generation.types``) cannot import Django, and ``coach`` and
``movements`` cannot import ``programs``, so each enum is written twice: once as a
``StrEnum`` the engine reasons with and once as the ``TextChoices`` a column
stores. Rows and dataclasses convert with ``Enum(value)`` (types.py), so a value
added, renamed or dropped on one side only fails at generation time; this test
fails first. Patterns and the 17 muscle slugs are plain strings in the engine and
are pinned the same way.
"""

from __future__ import annotations

from enum import StrEnum

import pytest

from coach import models as coach_models
from movements import library_data
from movements import models as movement_models
from programs import models as program_models
from programs.generation import types, volume

ENUM_PAIRS = [
    (types.Goal, program_models.Goal),
    (types.SplitTemplate, program_models.SplitTemplate),
    (types.ProgressionStyle, program_models.ProgressionStyle),
    (types.SessionType, program_models.SessionType),
    (types.ExerciseRole, program_models.ExerciseRole),
    (types.ExperienceLevel, coach_models.ExperienceLevel),
    (types.PersonaTone, coach_models.PersonaTone),
    (types.PersonaAggression, coach_models.PersonaAggression),
    (types.MovementRuleKind, movement_models.MovementRuleKind),
]

STRING_PAIRS = {
    "patterns": (types.PATTERNS, movement_models.MovementPattern.values),
    "muscles": (types.MUSCLES, list(library_data.MUSCLE_REGIONS)),
    "muscle volume rows": (types.MUSCLES, list(volume.MUSCLE_ROW)),
}


@pytest.mark.parametrize(
    ("engine", "choices"), ENUM_PAIRS, ids=[e.__name__ for e, _ in ENUM_PAIRS]
)
def test_engine_enum_and_django_choices_have_the_same_values(engine, choices):
    assert [m.value for m in engine] == list(choices.values)
    assert [m.name for m in engine] == list(choices.names)


@pytest.mark.parametrize(("engine", "django"), STRING_PAIRS.values(), ids=STRING_PAIRS)
def test_engine_strings_match_the_library_vocabulary(engine, django):
    assert sorted(engine) == sorted(django)
    assert len(set(engine)) == len(engine)


def test_every_engine_enum_is_pinned():
    """A new StrEnum in types.py needs its pair above (or a reason it has none)."""
    engine_enums = {
        obj
        for obj in vars(types).values()
        if isinstance(obj, type) and issubclass(obj, StrEnum) and obj is not StrEnum
    }
    assert engine_enums == {engine for engine, _ in ENUM_PAIRS}
