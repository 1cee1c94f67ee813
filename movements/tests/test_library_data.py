"""The hand-written tables in movements.library_data stay valid against the data."""

from __future__ import annotations

from collections import Counter

import pytest

from movements import importer
from movements import library_data as data
from movements.models import (
    Discipline,
    Equipment,
    Force,
    Mechanic,
    MovementPattern,
)
from movements.tests.source import library, record, source_records

SOURCE_NAMES = {r["name"] for r in source_records()}


def test_muscle_table_is_the_seventeen_slugs_with_regions():
    assert sorted(data.MUSCLE_REGIONS) == [
        "abdominals",
        "abductors",
        "adductors",
        "biceps",
        "calves",
        "chest",
        "forearms",
        "glutes",
        "hamstrings",
        "lats",
        "lower_back",
        "middle_back",
        "neck",
        "quadriceps",
        "shoulders",
        "traps",
        "triceps",
    ]
    assert Counter(data.MUSCLE_REGIONS.values()) == {"upper": 9, "lower": 6, "core": 2}


@pytest.mark.parametrize(
    "table",
    [data.PATTERN_OVERRIDES, data.LEVEL_OVERRIDES, data.EQUIPMENT_OVERRIDES],
    ids=["pattern", "level", "equipment"],
)
def test_override_tables_name_real_records(table):
    assert set(table) <= SOURCE_NAMES


def test_pattern_overrides_are_valid_and_not_stale():
    for name, pattern in data.PATTERN_OVERRIDES.items():
        assert pattern in MovementPattern.values
        # An override the rules already agree with is dead weight.
        assert importer.pattern_from_rules(record(name)) != pattern, name


def test_equipment_and_level_overrides_are_valid():
    for kit in data.EQUIPMENT_OVERRIDES.values():
        assert set(kit) <= set(Equipment.values)
    assert set(data.LEVEL_OVERRIDES.values()) <= {1, 2, 3, 4, 5}
    for _regex, kit, patterns in data.EQUIPMENT_KEYWORDS:
        assert set(kit) <= set(Equipment.values)
        assert patterns is None or patterns <= set(MovementPattern.values)


def test_supplement_size():
    assert 30 <= len(data.SUPPLEMENT) <= 45


@pytest.mark.parametrize("entry", data.SUPPLEMENT, ids=lambda e: e["name"])
def test_supplement_entry_is_valid(entry):
    assert entry["pattern"] in MovementPattern.values
    assert set(entry["equipment"]) <= set(Equipment.values)
    assert entry["primary"] in data.MUSCLE_REGIONS
    assert set(entry["secondary"]) <= set(data.MUSCLE_REGIONS)
    assert entry["primary"] not in entry["secondary"]
    assert 1 <= entry["level"] <= 5
    assert entry["discipline"] in Discipline.values
    assert entry["mechanic"] in {"", *Mechanic.values}
    assert entry["force"] in {"", *Force.values}
    assert isinstance(entry["is_timed"], bool)
    assert isinstance(entry["is_unilateral"], bool)
    assert all(isinstance(tag, str) and tag for tag in entry["tags"])
    # Alloy's own entries never collide with the data (case-insensitive).
    assert entry["name"].lower() not in {n.lower() for n in SOURCE_NAMES}
    assert importer.movement_slug(entry["name"]) not in {
        importer.movement_slug(n) for n in SOURCE_NAMES
    }


def test_supplement_names_are_unique():
    names = [e["name"].lower() for e in data.SUPPLEMENT]
    assert len(names) == len(set(names))


def test_supplement_covers_the_conditioning_staples():
    names = {e["name"] for e in data.SUPPLEMENT}
    assert {
        "Burpee",
        "Wall Ball",
        "Dumbbell Thruster",
        "Fan Bike",
        "Ski Erg",
        "Double-Unders",
        "Devil Press",
    } <= names


def test_curated_names_all_exist():
    names = {m.name for m in library().movements}
    curated = [*data.PROGRESSIONS, *data.EQUIVALENTS, *data.ANTAGONISTS]
    missing = sorted({n for pair in curated for n in pair} - names)
    assert missing == []


def test_curated_graph_is_big_enough_and_clean():
    curated = [*data.PROGRESSIONS, *data.EQUIVALENTS, *data.ANTAGONISTS]
    assert len(curated) >= 40
    assert all(a != b for a, b in curated)
    unordered = [frozenset(p) for p in [*data.EQUIVALENTS, *data.ANTAGONISTS]]
    assert len(unordered) == len(set(unordered))
    assert len(data.PROGRESSIONS) == len(set(data.PROGRESSIONS))


def test_progressions_never_go_down_in_level():
    level = {m.name: m.level for m in library().movements}
    backwards = [(a, b) for a, b in data.PROGRESSIONS if level[a] > level[b]]
    assert backwards == []


def test_progressions_stay_within_a_pattern_family():
    pattern = {m.name: m.pattern for m in library().movements}
    # Progressions may cross into a neighbouring pattern (a row leads to a
    # pull-up, a wall sit to a squat), never into unrelated work.
    allowed = {
        frozenset({"horizontal_pull", "vertical_pull"}),
        frozenset({"horizontal_push", "vertical_push"}),
        frozenset({"cardio", "conditioning"}),
        frozenset({"vertical_push", "olympic"}),
        frozenset({"horizontal_push", "plyometric"}),
    }
    for a, b in data.PROGRESSIONS:
        pair = frozenset({pattern[a], pattern[b]})
        assert len(pair) == 1 or pair in allowed, (a, b)


def test_relationship_counts():
    kinds = Counter(e.relationship_type for e in library().relationships)
    assert kinds["PROGRESSION"] == len(data.PROGRESSIONS)
    assert kinds["ANTAGONIST"] == len(data.ANTAGONISTS)
    assert kinds["EQUIVALENT"] >= len(data.EQUIVALENTS)
