"""The real free-exercise-db records and the library derived from them, loaded
once per test session (no database)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.conf import settings

from movements import importer


@cache
def source_records() -> tuple[dict, ...]:
    """The 873 records of ``settings.ALLOY_EXERCISE_DB_PATH``."""
    path = Path(settings.ALLOY_EXERCISE_DB_PATH)
    return tuple(json.loads(path.read_text(encoding="utf-8")))


@cache
def library() -> importer.Library:
    """``build_library`` over :func:`source_records`."""
    return importer.build_library(source_records())


def record(name: str) -> dict:
    """The source record named ``name``."""
    return next(r for r in source_records() if r["name"] == name)


def spec(name: str) -> importer.MovementSpec:
    """The derived movement named ``name``."""
    return next(m for m in library().movements if m.name == name)
