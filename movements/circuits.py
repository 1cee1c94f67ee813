"""Circuits: reads and writes for the staff-curated circuit library.

A module of its own inside ``movements`` (issue 12 §1 allows either) because
``services.py`` and ``selectors.py`` hold the athlete's side of the library and
are already near the size at which STYLE C1 splits a module.

Writes (``circuit_create``, ``circuit_update``, ``circuit_upsert``) validate the
circuit and its whole movement list first (``movements.circuit_rules``), raise
``ValidationError`` keyed by field (``movements`` for the list) and write
nothing on failure; then save the circuit and replace its movements in one
transaction. The API, the fixture loader and tests use them; the admin reaches
the same rules through the model's ``clean()`` and its inline formset.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.text import slugify

from movements.circuit_rules import circuit_items_errors
from movements.models import Circuit, CircuitMovement, Movement

CIRCUIT_FIELDS = (
    "name",
    "slug",
    "circuit_type",
    "description",
    "rounds",
    "time_cap_seconds",
    "work_seconds",
    "rest_seconds",
    "scoring",
    "difficulty",
    "disciplines",
    "tags",
)
ITEM_FIELDS = ("reps", "seconds", "distance_m", "calories", "load_hint")


# ---------------------------------------------------------------------------
# Reads
# ---------------------------------------------------------------------------
def circuit_list() -> QuerySet[Circuit]:
    """Every circuit by name, its movements prefetched (two queries)."""
    return Circuit.objects.with_movements().order_by("name", "pk")


def circuits_where(
    circuits: Iterable[Circuit],
    *,
    discipline: str | None = None,
    max_seconds: int | None = None,
    available_with: Iterable[str] | None = None,
) -> list[int]:
    """Ids of the (prefetched) ``circuits`` that list ``discipline``, last at most
    ``max_seconds`` and need no kit outside ``available_with`` (bodyweight always
    passes). Tested in Python: the lists are JSON and the duration is computed."""
    kit = None if available_with is None else set(available_with)
    return [
        c.pk
        for c in circuits
        if (discipline is None or discipline in (c.disciplines or []))
        and (max_seconds is None or c.estimated_seconds() <= max_seconds)
        and (kit is None or set(c.equipment()) <= kit)
    ]


# ---------------------------------------------------------------------------
# Writes
# ---------------------------------------------------------------------------
def _items(
    circuit: Circuit, movements: list[Mapping[str, Any]], errors: dict
) -> list[CircuitMovement]:
    """Unsaved rows for ``movements`` (``movement_id``, optional ``order`` — the
    position when absent — and the dose fields); unknown ids go to ``errors``."""
    ids = {m.get("movement_id") for m in movements}
    found = Movement.objects.in_bulk([i for i in ids if isinstance(i, int)])
    missing = sorted(str(i) for i in ids if i not in found)
    if missing:
        errors.setdefault("movements", []).append(
            f"No movement with id {', '.join(missing)}."
        )
    items = []
    for position, spec in enumerate(movements, 1):
        movement = found.get(spec.get("movement_id"))
        item = CircuitMovement(
            circuit=circuit,
            movement=movement,
            order=spec.get("order") or position,
            **{f: spec.get(f) for f in ITEM_FIELDS if f != "load_hint"},
            load_hint=spec.get("load_hint") or "",
        )
        items.append(item)
    return items


def _validated(
    circuit: Circuit, movements: list[Mapping[str, Any]] | None
) -> list[CircuitMovement] | None:
    """Check ``circuit`` (fields, format, uniqueness) and the new movement list
    (when given) together; raise one ``ValidationError`` with every problem."""
    errors: dict[str, list[str]] = {}
    try:
        circuit.full_clean()
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    items = None
    if movements is not None:
        items = _items(circuit, movements, errors)
        checked = [i for i in items if i.movement_id is not None]
        if len(checked) == len(items):
            problems = circuit_items_errors(circuit, items)
            if problems:
                errors.setdefault("movements", []).extend(problems)
    elif "circuit_type" not in errors and circuit.pk:
        # The format changed but the movements did not: they must still fit it.
        current = list(circuit.items.select_related("movement"))
        problems = circuit_items_errors(circuit, current)
        if problems:
            errors.setdefault("movements", []).extend(problems)
    if errors:
        raise ValidationError(errors)
    return items


def _write_items(circuit: Circuit, items: list[CircuitMovement] | None) -> None:
    if items is None:
        return
    circuit.items.all().delete()
    CircuitMovement.objects.bulk_create(items)


@transaction.atomic
def circuit_create(
    *, data: Mapping[str, Any], movements: list[Mapping[str, Any]]
) -> Circuit:
    """Create a circuit from ``data`` (``CIRCUIT_FIELDS``; ``slug`` defaults to the
    slugified name) and its ordered ``movements`` (dicts with ``movement_id``,
    optional ``order`` and dose fields ``reps``/``seconds``/``distance_m``/
    ``calories``, optional ``load_hint``). Raises ``ValidationError`` (field
    errors; ``movements`` for the list) and then writes nothing."""
    values = {f: data[f] for f in CIRCUIT_FIELDS if f in data}
    if not values.get("slug"):
        values["slug"] = slugify(values.get("name", ""))
    circuit = Circuit(**values)
    items = _validated(circuit, movements)
    circuit.save()
    _write_items(circuit, items)
    return circuit


@transaction.atomic
def circuit_update(
    *,
    circuit: Circuit,
    data: Mapping[str, Any],
    movements: list[Mapping[str, Any]] | None = None,
) -> Circuit:
    """Change the fields in ``data`` and, when ``movements`` is given, replace the
    whole movement list (shapes as :func:`circuit_create`). Without new movements
    the current ones must still fit the (possibly new) format. Raises
    ``ValidationError``; nothing is written then (the instance is reloaded)."""
    for field in CIRCUIT_FIELDS:
        if field in data:
            setattr(circuit, field, data[field])
    try:
        items = _validated(circuit, movements)
    except ValidationError:
        circuit.refresh_from_db()
        raise
    circuit.save()
    _write_items(circuit, items)
    return circuit


# ---------------------------------------------------------------------------
# The shipped library (fixtures/circuits.json)
# ---------------------------------------------------------------------------
def circuits_load(path: Path) -> dict[str, int]:
    """Create or update (by slug) every circuit in the JSON file at ``path``.

    The file is Alloy's own compact format: a list of circuits with the
    ``CIRCUIT_FIELDS`` (``type`` for ``circuit_type``) and ``movements`` naming
    library movements by ``name``, each with its dose. All or nothing: any unknown
    movement name or invalid circuit raises ``ValidationError`` naming the
    circuit, and no circuit is written. Idempotent. Returns counts per type.
    """
    entries = json.loads(path.read_text(encoding="utf-8"))
    names = {
        n for e in entries for n in (m["movement"] for m in e.get("movements", []))
    }
    ids = dict(Movement.objects.filter(name__in=names).values_list("name", "pk"))
    unknown = sorted(names - set(ids))
    if unknown:
        raise ValidationError(
            {"movements": [f"Not in the movement library: {', '.join(unknown)}."]}
        )
    counts: dict[str, int] = {}
    with transaction.atomic():
        existing = {c.slug: c for c in Circuit.objects.all()}
        for entry in entries:
            data = {f: entry[f] for f in CIRCUIT_FIELDS if f in entry}
            data["circuit_type"] = entry["type"]
            data.setdefault("slug", slugify(entry["name"]))
            for field in ("rounds", "time_cap_seconds", "work_seconds", "rest_seconds"):
                data.setdefault(field, None)
            movements = [
                {
                    **{f: m.get(f) for f in ITEM_FIELDS},
                    "movement_id": ids[m["movement"]],
                }
                for m in entry["movements"]
            ]
            try:
                if data["slug"] in existing:
                    circuit_update(
                        circuit=existing[data["slug"]], data=data, movements=movements
                    )
                else:
                    circuit_create(data=data, movements=movements)
            except ValidationError as exc:
                raise ValidationError(f"{entry['name']}: {exc.message_dict}") from exc
            counts[entry["type"]] = counts.get(entry["type"], 0) + 1
    return counts
