"""The shipped activity definitions: the fixture and the seeding migration agree."""

from __future__ import annotations

import importlib
import json
import pathlib

from movements.models import ActivityCategory, Intensity

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_fixture_and_seed_migration_hold_the_same_definitions():
    fixture = json.loads((ROOT / "fixtures" / "activity_definitions.json").read_text())
    migration = importlib.import_module(
        "movements.migrations.0003_seed_activity_definitions"
    )
    from_fixture = [
        (
            row["fields"]["name"],
            row["fields"]["slug"],
            row["fields"]["category"],
            row["fields"]["intensity"],
            row["fields"]["tracks_distance"],
            row["fields"]["description"],
        )
        for row in fixture
    ]
    assert from_fixture == list(migration.DEFINITIONS)
    assert all(
        "pk" not in row for row in fixture
    )  # natural keys: loaddata is idempotent
    assert {row[2] for row in from_fixture} <= set(ActivityCategory.values)
    assert {row[3] for row in from_fixture} <= set(Intensity.values)
    assert len({row[1] for row in from_fixture}) == len(from_fixture)
