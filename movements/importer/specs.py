"""The importer's value types (:class:`MovementSpec`, :class:`Edge`,
:class:`Library`), its error, and the slug and keyword helpers every derivation
shares. Pure: no database access."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.text import slugify

from movements import library_data as data

Record = Mapping[str, Any]


class LibraryError(ValueError):
    """The source data or a hand-written table is inconsistent (names the problem)."""


@dataclass(frozen=True, slots=True)
class MovementSpec:
    """One movement as it will be stored (field names match ``Movement``).

    ``equipment``, ``tags`` and the muscle tuples are sorted; ``source_id`` is the
    free-exercise-db id, or empty for Alloy's supplement.
    """

    name: str
    slug: str
    source_id: str
    pattern: str
    mechanic: str
    force: str
    equipment: tuple[str, ...]
    level: int
    primary_discipline: str
    category: str
    tags: tuple[str, ...]
    is_unilateral: bool
    is_timed: bool
    primary_muscles: tuple[str, ...]
    secondary_muscles: tuple[str, ...]
    tier: str = "COMMON"
    requires_coaching: bool = False


@dataclass(frozen=True, slots=True)
class Edge:
    """A directed movement-graph edge between two slugs (``RelationshipType`` value)."""

    from_slug: str
    to_slug: str
    relationship_type: str


@dataclass(frozen=True, slots=True)
class Library:
    """The whole derived library: movements and edges sorted by slug.

    ``skipped_supplement`` lists supplement names dropped because the data already
    has a movement of that name or slug.
    """

    movements: tuple[MovementSpec, ...]
    relationships: tuple[Edge, ...]
    skipped_supplement: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------
def movement_slug(name: str) -> str:
    """``"Adductor/Groin"`` → ``"adductor-groin"``, ``"Farmer's Walk"`` → ``"farmers-walk"``."""
    return slugify(name.replace("/", " "))


def muscle_slug(name: str) -> str:
    """free-exercise-db muscle name → ``Muscle.slug`` (``"lower back"`` → ``"lower_back"``)."""
    slug = name.strip().lower().replace(" ", "_")
    if slug not in data.MUSCLE_REGIONS:
        raise LibraryError(f"Unknown muscle {name!r}.")
    return slug


def matches(pattern: str, text: str) -> bool:
    """Whether the regex ``pattern`` matches anywhere in ``text`` (lower-cased names)."""
    return re.search(pattern, text) is not None


def primary_muscle(record: Record) -> str:
    """The record's first primary muscle as a ``Muscle.slug``; raises
    :class:`LibraryError` for an unknown muscle."""
    return muscle_slug(record["primaryMuscles"][0])
