"""Records → specs → :class:`Library`: every free-exercise-db record and supplement
entry derived, the curated graph resolved and derived equivalents added."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from movements import library_data as data
from movements.importer.attributes import (
    derive_discipline,
    derive_is_timed,
    derive_is_unilateral,
    derive_level,
    derive_tags,
)
from movements.importer.equipment import normalise_equipment
from movements.importer.patterns import derive_pattern
from movements.importer.specs import (
    Edge,
    Library,
    LibraryError,
    MovementSpec,
    Record,
    movement_slug,
    muscle_slug,
    primary_muscle,
)
from movements.importer.tiers import curated


# ---------------------------------------------------------------------------
# Records → specs
# ---------------------------------------------------------------------------
def movement_from_record(record: Record) -> MovementSpec:
    """Derive one :class:`MovementSpec` from a free-exercise-db record."""
    name = record["name"].strip()
    pattern = derive_pattern(record)
    equipment = normalise_equipment(record, pattern)
    primary = primary_muscle(record)
    secondary = sorted(
        {muscle_slug(m) for m in record.get("secondaryMuscles") or []} - {primary}
    )
    force = record.get("force") or ""
    spec = MovementSpec(
        name=name,
        slug=movement_slug(name),
        source_id=record["id"],
        pattern=pattern,
        mechanic=record.get("mechanic") or "",
        force=force,
        equipment=equipment,
        level=derive_level(record, pattern, equipment),
        primary_discipline=derive_discipline(record, pattern, equipment),
        category=record["category"],
        tags=derive_tags(name, pattern, primary, force, equipment),
        is_unilateral=derive_is_unilateral(name),
        is_timed=derive_is_timed(name, pattern, force),
        primary_muscles=(primary,),
        secondary_muscles=tuple(secondary),
    )
    return curated(spec)


def movement_from_supplement(entry: Mapping[str, Any]) -> MovementSpec:
    """A :class:`MovementSpec` from a ``library_data.SUPPLEMENT`` entry; outside
    mobility, derived tags (dominance, conditioning, low impact...) are added to
    the entry's own."""
    name = entry["name"]
    primary = entry["primary"]
    derived: tuple[str, ...] = ()
    if entry["pattern"] != "mobility":
        # Stretch/warm-up/cool-down tags of supplement mobility work are curated.
        derived = derive_tags(
            name, entry["pattern"], primary, entry["force"], entry["equipment"]
        )
    spec = MovementSpec(
        name=name,
        slug=movement_slug(name),
        source_id="",
        pattern=entry["pattern"],
        mechanic=entry["mechanic"],
        force=entry["force"],
        equipment=tuple(sorted(set(entry["equipment"]))),
        level=entry["level"],
        primary_discipline=entry["discipline"],
        category="",
        tags=tuple(sorted(set(entry["tags"]) | set(derived))),
        is_unilateral=entry["is_unilateral"],
        is_timed=entry["is_timed"],
        primary_muscles=(primary,),
        secondary_muscles=tuple(sorted(set(entry["secondary"]) - {primary})),
    )
    return curated(spec)


_VARIANT_SUFFIX = re.compile(r"\s*-?\s*(?:with bands|with chains|from blocks)$", re.I)


def derive_equivalents(movements: Iterable[MovementSpec]) -> list[Edge]:
    """EQUIVALENT edges from a loaded or block variant to its base lift when the
    base exists with the same pattern ("Box Squat with Bands" → "Box Squat",
    "Power Clean from Blocks" → "Power Clean")."""
    by_name = {m.name.lower(): m for m in movements}
    edges = []
    for movement in by_name.values():
        stem = _VARIANT_SUFFIX.sub("", movement.name)
        base = by_name.get(stem.lower())
        if stem != movement.name and base and base.pattern == movement.pattern:
            edges.append(Edge(movement.slug, base.slug, "EQUIVALENT"))
    return edges


def build_library(records: Iterable[Record]) -> Library:
    """Derive every record, add the supplement (skipping names or slugs the data
    already has), resolve the curated graph plus derived equivalents.

    Raises :class:`LibraryError` on a duplicate slug or a curated name that does
    not exist.
    """
    movements: dict[str, MovementSpec] = {}
    names: set[str] = set()
    for record in records:
        spec = movement_from_record(record)
        if spec.slug in movements or spec.name.lower() in names:
            raise LibraryError(f"Duplicate movement {spec.name!r} ({spec.slug}).")
        movements[spec.slug] = spec
        names.add(spec.name.lower())

    skipped = []
    for entry in data.SUPPLEMENT:
        spec = movement_from_supplement(entry)
        if spec.slug in movements or spec.name.lower() in names:
            skipped.append(spec.name)
            continue
        movements[spec.slug] = spec
        names.add(spec.name.lower())

    slug_by_name = {m.name: m.slug for m in movements.values()}
    curated = [
        *((a, b, "PROGRESSION") for a, b in data.PROGRESSIONS),
        *((a, b, "EQUIVALENT") for a, b in data.EQUIVALENTS),
        *((a, b, "ANTAGONIST") for a, b in data.ANTAGONISTS),
    ]
    missing = sorted({n for a, b, _ in curated for n in (a, b)} - set(slug_by_name))
    if missing:
        raise LibraryError(f"Curated relationships name unknown movements: {missing}")
    edges = [Edge(slug_by_name[a], slug_by_name[b], kind) for a, b, kind in curated]
    edges += derive_equivalents(movements.values())

    unique: dict[tuple[str, str, str], Edge] = {}
    for edge in edges:
        if edge.from_slug == edge.to_slug:
            raise LibraryError(f"Self-referencing edge on {edge.from_slug}.")
        key = (edge.from_slug, edge.to_slug, edge.relationship_type)
        if edge.relationship_type in {"EQUIVALENT", "ANTAGONIST"}:
            # Symmetric: one edge per unordered pair.
            key = (*sorted((edge.from_slug, edge.to_slug)), edge.relationship_type)
        unique.setdefault(key, edge)

    return Library(
        movements=tuple(sorted(movements.values(), key=lambda m: m.slug)),
        relationships=tuple(
            sorted(
                unique.values(),
                key=lambda e: (e.from_slug, e.to_slug, e.relationship_type),
            )
        ),
        skipped_supplement=tuple(skipped),
    )
