"""``manage.py import_movements``: build the movement library from free-exercise-db.

Reads the source JSON (``settings.ALLOY_EXERCISE_DB_PATH`` unless ``--source``),
derives every movement with :mod:`movements.importer`, and upserts muscles,
movements, muscle links and curated relationships keyed on slug in one transaction.
Idempotent: a second run changes nothing. Rows the library does not know (staff
additions) are kept. Unless ``--no-write-fixture``, also writes the reference
fixture (``fixtures/movements.json``) with stable primary keys in slug order, so
``manage.py loaddata movements`` can seed an empty database.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import models, transaction

from movements import library_data
from movements.importer import Library, MovementSpec, build_library
from movements.models import (
    Movement,
    MovementMuscle,
    MovementRelationship,
    Muscle,
    MuscleRole,
)

SYMMETRIC = {"EQUIVALENT", "ANTAGONIST"}


def muscle_fields(slug: str) -> dict[str, Any]:
    """``Muscle`` field values for a slug: ``"lower_back"`` → name "Lower back"."""
    return {
        "name": slug.replace("_", " ").capitalize(),
        "region": library_data.MUSCLE_REGIONS[slug],
    }


def movement_fields(spec: MovementSpec) -> dict[str, Any]:
    """``Movement`` field values (everything but the slug) for a spec."""
    return {
        "name": spec.name,
        "source_id": spec.source_id,
        "pattern": spec.pattern,
        "mechanic": spec.mechanic,
        "force": spec.force,
        "equipment": list(spec.equipment),
        "level": spec.level,
        "primary_discipline": spec.primary_discipline,
        "category": spec.category,
        "tags": list(spec.tags),
        "is_unilateral": spec.is_unilateral,
        "is_timed": spec.is_timed,
        "tier": spec.tier,
        "requires_coaching": spec.requires_coaching,
    }


def spec_links(spec: MovementSpec) -> list[tuple[str, str]]:
    """``(muscle_slug, role)`` pairs of a spec, primary first."""
    return [(m, MuscleRole.PRIMARY) for m in spec.primary_muscles] + [
        (m, MuscleRole.SECONDARY) for m in spec.secondary_muscles
    ]


def _upsert_by_slug(
    model: type[models.Model], rows: dict[str, dict[str, Any]]
) -> tuple[dict[str, Any], Counter[str]]:
    """Create or update ``model`` rows keyed on slug, saving only what changed.

    Returns ``({slug: instance}, Counter(created=, updated=, unchanged=))``.
    """
    existing = {obj.slug: obj for obj in model._default_manager.all()}
    stats: Counter[str] = Counter(created=0, updated=0, unchanged=0)
    to_create, to_update, changed_fields = [], [], set()
    for slug, fields in rows.items():
        obj = existing.get(slug)
        if obj is None:
            obj = model(slug=slug, **fields)
            obj.full_clean(validate_unique=False, validate_constraints=False)
            to_create.append(obj)
            existing[slug] = obj
            stats["created"] += 1
            continue
        diff = {k for k, v in fields.items() if getattr(obj, k) != v}
        if diff:
            for key in diff:
                setattr(obj, key, fields[key])
            obj.full_clean(validate_unique=False, validate_constraints=False)
            to_update.append(obj)
            changed_fields |= diff
            stats["updated"] += 1
        else:
            stats["unchanged"] += 1
    model._default_manager.bulk_create(to_create, batch_size=500)
    if to_update:
        model._default_manager.bulk_update(
            to_update, sorted(changed_fields), batch_size=500
        )
    return existing, stats


def sync_library(library: Library) -> dict[str, Counter[str]]:
    """Persist ``library``; call inside a transaction. Returns counters per table."""
    muscles, muscle_stats = _upsert_by_slug(
        Muscle, {slug: muscle_fields(slug) for slug in library_data.MUSCLE_REGIONS}
    )
    movements, movement_stats = _upsert_by_slug(
        Movement, {spec.slug: movement_fields(spec) for spec in library.movements}
    )

    # Muscle links of library movements: exactly the spec's, role included.
    wanted = {
        (movements[spec.slug].pk, muscles[slug].pk): role
        for spec in library.movements
        for slug, role in spec_links(spec)
    }
    library_ids = {movements[spec.slug].pk for spec in library.movements}
    link_stats: Counter[str] = Counter(created=0, updated=0, deleted=0)
    current = {
        (link.movement_id, link.muscle_id): link
        for link in MovementMuscle.objects.filter(movement_id__in=library_ids)
    }
    stale = [link.pk for key, link in current.items() if key not in wanted]
    if stale:
        MovementMuscle.objects.filter(pk__in=stale).delete()
        link_stats["deleted"] = len(stale)
    retyped = []
    for key, role in wanted.items():
        link = current.get(key)
        if link is not None and link.role != role:
            link.role = role
            retyped.append(link)
    MovementMuscle.objects.bulk_update(retyped, ["role"])
    link_stats["updated"] = len(retyped)
    new_links = [
        MovementMuscle(movement_id=m, muscle_id=mu, role=role)
        for (m, mu), role in wanted.items()
        if (m, mu) not in current
    ]
    MovementMuscle.objects.bulk_create(new_links, batch_size=500)
    link_stats["created"] = len(new_links)

    # Curated edges are added when missing; edges staff added by hand are kept.
    present = set(
        MovementRelationship.objects.values_list(
            "from_movement_id", "to_movement_id", "relationship_type"
        )
    )
    new_edges = []
    for edge in library.relationships:
        src, dst = movements[edge.from_slug].pk, movements[edge.to_slug].pk
        kind = edge.relationship_type
        if (src, dst, kind) in present or (
            kind in SYMMETRIC and (dst, src, kind) in present
        ):
            continue
        new_edges.append(
            MovementRelationship(
                from_movement_id=src, to_movement_id=dst, relationship_type=kind
            )
        )
        present.add((src, dst, kind))
    MovementRelationship.objects.bulk_create(new_edges)
    edge_stats: Counter[str] = Counter(
        created=len(new_edges), unchanged=len(library.relationships) - len(new_edges)
    )
    return {
        "muscles": muscle_stats,
        "movements": movement_stats,
        "muscle links": link_stats,
        "relationships": edge_stats,
    }


def fixture_json(library: Library) -> str:
    """``dumpdata``-style JSON for the library, primary keys numbered in slug order
    (muscles, movements, their links, then edges), so equal input gives an equal
    file."""
    muscle_pk = {
        slug: pk for pk, slug in enumerate(sorted(library_data.MUSCLE_REGIONS), 1)
    }
    movement_pk = {spec.slug: pk for pk, spec in enumerate(library.movements, 1)}
    objects: list[models.Model] = [
        Muscle(pk=pk, slug=slug, **muscle_fields(slug))
        for slug, pk in muscle_pk.items()
    ]
    objects += [
        Movement(pk=movement_pk[spec.slug], slug=spec.slug, **movement_fields(spec))
        for spec in library.movements
    ]
    links = [
        (movement_pk[spec.slug], muscle_pk[slug], role)
        for spec in library.movements
        for slug, role in spec_links(spec)
    ]
    objects += [
        MovementMuscle(pk=pk, movement_id=m, muscle_id=mu, role=role)
        for pk, (m, mu, role) in enumerate(links, 1)
    ]
    objects += [
        MovementRelationship(
            pk=pk,
            from_movement_id=movement_pk[edge.from_slug],
            to_movement_id=movement_pk[edge.to_slug],
            relationship_type=edge.relationship_type,
        )
        for pk, edge in enumerate(library.relationships, 1)
    ]
    return serializers.serialize("json", objects, indent=1) + "\n"


class Command(BaseCommand):
    """``import_movements [--source PATH] [--fixture PATH] [--no-write-fixture]``."""

    help = (
        "Import the movement library from free-exercise-db plus Alloy's supplement "
        "and curated graph, and write fixtures/movements.json."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--source",
            help="free-exercise-db exercises.json (default: ALLOY_EXERCISE_DB_PATH).",
        )
        parser.add_argument(
            "--fixture",
            help="Where to write the fixture (default: fixtures/movements.json).",
        )
        parser.add_argument(
            "--no-write-fixture",
            action="store_true",
            help="Only update the database.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["source"] or settings.ALLOY_EXERCISE_DB_PATH)
        try:
            records = json.loads(source.read_text(encoding="utf-8"))
            library = build_library(records)
        except (OSError, ValueError) as exc:
            # LibraryError and JSONDecodeError are ValueErrors.
            raise CommandError(f"{source}: {exc}") from exc

        with transaction.atomic():
            stats = sync_library(library)

        self._report(source, records, library, stats)
        if not options["no_write_fixture"]:
            path = Path(
                options["fixture"]
                or Path(settings.BASE_DIR) / "fixtures" / "movements.json"
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(fixture_json(library), encoding="utf-8")
            self.stdout.write(f"Wrote {path} ({path.stat().st_size:,} bytes).")

    def _report(
        self,
        source: Path,
        records: list[dict[str, Any]],
        library: Library,
        stats: dict[str, Counter[str]],
    ) -> None:
        supplement = sum(1 for m in library.movements if not m.source_id)
        self.stdout.write(
            f"Read {len(records)} records from {source}; "
            f"{len(library.movements)} movements ({supplement} from the supplement)."
        )
        if library.skipped_supplement:
            self.stdout.write(
                "Supplement entries already in the data, skipped: "
                + ", ".join(library.skipped_supplement)
            )
        self.stdout.write("Movements per pattern:")
        per_pattern = Counter(m.pattern for m in library.movements)
        for pattern, count in sorted(per_pattern.items()):
            self.stdout.write(f"  {pattern:<16}{count:>5}")
        per_kind = Counter(e.relationship_type for e in library.relationships)
        self.stdout.write(
            "Relationships: "
            + ", ".join(f"{kind} {n}" for kind, n in sorted(per_kind.items()))
        )
        for table, counter in stats.items():
            parts = ", ".join(f"{key} {n}" for key, n in counter.items())
            self.stdout.write(f"{table.capitalize()}: {parts}.")
        untouched = Movement.objects.exclude(
            slug__in=[m.slug for m in library.movements]
        ).count()
        if untouched:
            self.stdout.write(f"{untouched} movements not in the library were kept.")
        self.stdout.write(self.style.SUCCESS("Movement library imported."))
