"""Read the shipped movement fixture (Django ``dumpdata`` JSON) as a library.

Pure: the parsed JSON records in, a :class:`~.types.MovementLibrary` out, with the
same fields ``programs.specs.movement_library_snapshot`` reads from the
database. Lets the matrix command and the engine tests run on the real library
(``fixtures/movements.json``) without a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .types import MovementInfo, MovementLibrary


def library_from_dumpdata(records: Iterable[Mapping[str, Any]]) -> MovementLibrary:
    """``movements`` app records (muscle, movement, movementmuscle,
    movementrelationship) → MovementLibrary keyed by primary key. Muscles are
    listed in slug order per role, as the snapshot lists them."""
    records = list(records)
    muscles = {
        r["pk"]: r["fields"]["slug"]
        for r in records
        if r["model"] == "movements.muscle"
    }
    roles: dict[int, tuple[list[str], list[str]]] = {}
    for r in records:
        if r["model"] == "movements.movementmuscle":
            f = r["fields"]
            prim, sec = roles.setdefault(f["movement"], ([], []))
            (prim if f["role"] == "PRIMARY" else sec).append(muscles[f["muscle"]])
    movements = {}
    for r in records:
        if r["model"] != "movements.movement":
            continue
        f = r["fields"]
        prim, sec = roles.get(r["pk"], ([], []))
        movements[r["pk"]] = MovementInfo(
            id=r["pk"], name=f["name"], slug=f["slug"], pattern=f["pattern"],
            mechanic=f.get("mechanic") or "", force=f.get("force") or "",
            equipment=frozenset(f.get("equipment") or ()), level=int(f.get("level") or 1),
            discipline=f.get("primary_discipline") or "ALL",
            primary_muscles=tuple(sorted(prim)), secondary_muscles=tuple(sorted(sec)),
            tags=frozenset(f.get("tags") or ()),
            is_unilateral=bool(f.get("is_unilateral")), is_timed=bool(f.get("is_timed")),
            tier=f.get("tier") or "COMMON",
            requires_coaching=bool(f.get("requires_coaching")),
        )  # fmt: skip
    edges: dict[str, list[tuple[int, int]]] = {}
    for r in records:
        if r["model"] == "movements.movementrelationship":
            f = r["fields"]
            edges.setdefault(f["relationship_type"], []).append(
                (f["from_movement"], f["to_movement"])
            )
    return MovementLibrary(
        movements,
        progressions=tuple(edges.get("PROGRESSION", ())),
        equivalents=tuple(edges.get("EQUIVALENT", ())),
        antagonists=tuple(edges.get("ANTAGONIST", ())),
    )
