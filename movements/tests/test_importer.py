"""The pure derivation in movements.importer, on the real free-exercise-db records.

No database: these read ``settings.ALLOY_EXERCISE_DB_PATH`` and call plain
functions.
"""

from __future__ import annotations

from collections import Counter

import pytest

from movements import importer
from movements import library_data as data
from movements.models import Discipline, Equipment, Mechanic, MovementPattern
from movements.tests.source import library, record, source_records, spec


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("Barbell Squat", "squat"),
        ("Front Barbell Squat", "squat"),
        ("Leg Press", "squat"),
        ("Hack Squat", "squat"),
        ("Goblet Squat", "squat"),
        ("Romanian Deadlift", "hinge"),
        ("Barbell Deadlift", "hinge"),
        ("Barbell Hip Thrust", "hinge"),
        ("Good Morning", "hinge"),
        ("One-Arm Kettlebell Swings", "hinge"),
        ("Clean Deadlift", "hinge"),
        ("Hyperextensions (Back Extensions)", "hinge"),
        ("Barbell Lunge", "lunge"),
        ("Split Squat with Dumbbells", "lunge"),
        ("Dumbbell Step Ups", "lunge"),
        ("Barbell Bench Press - Medium Grip", "horizontal_push"),
        ("Pushups", "horizontal_push"),
        ("Decline Push-Up", "horizontal_push"),
        ("Parallel Bar Dip", "horizontal_push"),
        ("Standing Military Press", "vertical_push"),
        ("Handstand Push-Ups", "vertical_push"),
        ("Push Press", "vertical_push"),
        ("Bent Over Barbell Row", "horizontal_pull"),
        ("Seated Cable Rows", "horizontal_pull"),
        ("Smith Machine Bent Over Row", "horizontal_pull"),
        ("Pullups", "vertical_pull"),
        ("Chin-Up", "vertical_pull"),
        ("Wide-Grip Lat Pulldown", "vertical_pull"),
        ("Farmer's Walk", "carry"),
        ("Yoke Walk", "carry"),
        ("Plank", "core"),
        ("Air Bike", "core"),
        ("Hanging Leg Raise", "core"),
        ("Dumbbell Bicep Curl", "isolation"),
        ("Leg Extensions", "isolation"),
        ("Lying Leg Curls", "isolation"),
        ("Standing Calf Raises", "isolation"),
        ("Calf Press On The Leg Press Machine", "isolation"),
        ("Barbell Shrug", "isolation"),
        ("Side Lateral Raise", "isolation"),
        ("Drag Curl", "isolation"),
        ("Neck Press", "horizontal_push"),
        ("Power Clean", "olympic"),
        ("Snatch", "olympic"),
        ("Split Jerk", "olympic"),
        ("Front Squat (Clean Grip)", "squat"),
        ("Box Jump (Multiple Response)", "plyometric"),
        ("Freehand Jump Squat", "plyometric"),
        ("Battling Ropes", "conditioning"),
        ("Sled Push", "conditioning"),
        ("Mountain Climbers", "conditioning"),
        ("Running, Treadmill", "cardio"),
        ("Rowing, Stationary", "cardio"),
        ("Hamstring Stretch", "mobility"),
        ("Calves-SMR", "mobility"),
        ("World's Greatest Stretch", "mobility"),
    ],
)
def test_pattern_is_derived_for_real_names(name, pattern):
    assert importer.derive_pattern(record(name)) == pattern


def test_every_record_gets_a_valid_pattern():
    patterns = {importer.derive_pattern(r) for r in source_records()}
    assert patterns <= set(MovementPattern.values)
    assert len(source_records()) == 873


def test_every_pattern_is_represented():
    counts = Counter(m.pattern for m in library().movements)
    assert set(counts) == set(MovementPattern.values)


@pytest.mark.parametrize(
    ("name", "equipment"),
    [
        # null / "body only" / "other" traps from the source README
        ("Decline Push-Up", ()),
        ("Bodyweight Walking Lunge", ()),
        ("Mountain Climbers", ()),
        ("Hamstring Stretch", ()),
        ("IT Band and Glute Stretch", ()),
        ("Pullups", ("pull_up_bar",)),
        ("Chin-Up", ("pull_up_bar",)),
        ("Scapular Pull-Up", ("pull_up_bar",)),
        ("One Arm Chin-Up", ("pull_up_bar",)),
        ("Band Assisted Pull-Up", ("bands", "pull_up_bar")),
        ("Muscle Up", ("pull_up_bar",)),
        ("Parallel Bar Dip", ("dip_station",)),
        ("Dips - Triceps Version", ("dip_station",)),
        ("Bench Dips", ("bench",)),
        ("Ring Dips", ("rings",)),
        ("Hanging Leg Raise", ("pull_up_bar",)),
        ("Box Jump (Multiple Response)", ("box",)),
        ("Sled Push", ("sled",)),
        ("Prowler Sprint", ("sled",)),
        ("Tire Flip", ("strongman",)),
        ("Atlas Stones", ("strongman",)),
        ("Log Lift", ("strongman",)),
        ("Trap Bar Deadlift", ("trap_bar",)),
        ("Sandbag Load", ("sandbag",)),
        ("Front Plate Raise", ("plates",)),
        ("Inverted Row with Straps", ("suspension_trainer",)),
        ("Suspended Push-Up", ("suspension_trainer",)),
        ("Rope Jumping", ("jump_rope",)),
        ("Battling Ropes", ("battle_ropes",)),
        ("Landmine 180's", ("barbell", "landmine")),
        ("Farmer's Walk", ("dumbbell",)),
        # renamed source values
        ("EZ-Bar Curl", ("ez_bar",)),
        ("Close-Grip EZ Bar Curl", ("ez_bar",)),
        ("Goblet Squat", ("kettlebell",)),
        ("Calves-SMR", ("foam_roller",)),
        ("Anterior Tibialis-SMR", ("foam_roller",)),
        # smith machine, racks and benches
        ("Smith Machine Squat", ("smith_machine",)),
        ("Smith Machine Bench Press", ("bench", "smith_machine")),
        ("Barbell Squat", ("barbell", "rack")),
        ("Standing Military Press", ("barbell", "rack")),
        ("Barbell Bench Press - Medium Grip", ("barbell", "bench", "rack")),
        ("Barbell Incline Bench Press - Medium Grip", ("barbell", "bench", "rack")),
        ("Dumbbell Bench Press", ("bench", "dumbbell")),
        ("Incline Dumbbell Press", ("bench", "dumbbell")),
        ("One-Arm Dumbbell Row", ("bench", "dumbbell")),
        ("Machine Bench Press", ("machine",)),
        # cardio machines
        ("Rowing, Stationary", ("rower",)),
        ("Running, Treadmill", ("treadmill",)),
        ("Bicycling, Stationary", ("bike",)),
        ("Recumbent Bike", ("bike",)),
        # false friends
        ("Drag Curl", ("barbell",)),
        ("Air Bike", ()),
    ],
)
def test_equipment_is_normalised(name, equipment):
    assert spec(name).equipment == equipment


def test_equipment_uses_only_the_vocabulary():
    used = {e for m in library().movements for e in m.equipment}
    assert used <= set(Equipment.values)


def test_every_source_equipment_value_is_mapped():
    assert {r["equipment"] for r in source_records()} <= set(data.SOURCE_EQUIPMENT)


def test_secondary_muscles_never_repeat_the_primary():
    repeated = [
        r["name"]
        for r in source_records()
        if r["primaryMuscles"][0] in r["secondaryMuscles"]
    ]
    assert len(repeated) == 9  # the source README's count
    for name in repeated:
        movement = spec(name)
        assert movement.primary_muscles[0] not in movement.secondary_muscles


def test_muscles_are_slugs():
    assert importer.muscle_slug("lower back") == "lower_back"
    assert importer.muscle_slug("Middle Back") == "middle_back"
    with pytest.raises(importer.LibraryError):
        importer.muscle_slug("rotator cuff")
    for movement in library().movements:
        # One prime mover from the source; several only where a coach corrected it.
        if movement.name not in data.MUSCLE_OVERRIDES:
            assert len(movement.primary_muscles) == 1
        assert 1 <= len(movement.primary_muscles) <= 3
        assert not set(movement.primary_muscles) & set(movement.secondary_muscles)
        assert set(movement.primary_muscles + movement.secondary_muscles) <= set(
            data.MUSCLE_REGIONS
        )


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Barbell Squat", 1),
        ("Barbell Deadlift", 3),
        ("Front Barbell Squat", 3),  # expert upstream
        ("Power Clean", 3),  # beginner upstream; olympic lifts are >= 3
        ("Clean and Jerk", 5),
        ("Seated Glute", 3),  # a partner stretch, expert upstream
        ("One Arm Chin-Up", 5),
    ],
)
def test_level_maps_and_is_corrected(name, level):
    assert spec(name).level == level


def test_levels_are_one_to_five():
    assert {m.level for m in library().movements} <= {1, 2, 3, 4, 5}


@pytest.mark.parametrize(
    ("name", "discipline"),
    [
        ("Power Clean", Discipline.OLYMPIC_LIFTING),
        ("Clean Deadlift", Discipline.OLYMPIC_LIFTING),
        ("Kettlebell Hang Clean", Discipline.ALL),
        ("Hamstring Stretch", Discipline.MOBILITY),
        ("Running, Treadmill", Discipline.CARDIO),
        ("Bench Press - Powerlifting", Discipline.POWERLIFTING),
        ("Atlas Stones", Discipline.STRONGMAN),
        ("Pullups", Discipline.CALISTHENICS),
        ("Parallel Bar Dip", Discipline.CALISTHENICS),
        ("Pushups", Discipline.CALISTHENICS),
        ("Handstand Push-Ups", Discipline.CALISTHENICS),
        ("Weighted Pull Ups", Discipline.ALL),
        ("Dumbbell Bicep Curl", Discipline.BODYBUILDING),
        ("Barbell Squat", Discipline.ALL),
        ("Burpee", Discipline.CROSSFIT),
    ],
)
def test_primary_discipline(name, discipline):
    assert spec(name).primary_discipline == discipline


@pytest.mark.parametrize(
    ("name", "mechanic", "force"),
    [
        ("Barbell Squat", Mechanic.COMPOUND, "push"),
        ("Child's Pose", "", "static"),
        ("Running, Treadmill", "", ""),
        ("Farmer's Walk", Mechanic.COMPOUND, ""),
    ],
)
def test_mechanic_and_force_are_copied_with_empty_for_null(name, mechanic, force):
    assert (spec(name).mechanic, spec(name).force) == (mechanic, force)


@pytest.mark.parametrize(
    ("name", "unilateral"),
    [
        ("One-Arm Dumbbell Row", True),
        ("Kettlebell One-Legged Deadlift", True),
        ("Barbell Lunge", True),
        ("Split Squat with Dumbbells", True),
        ("Dumbbell Step Ups", True),
        ("Dumbbell Alternate Bicep Curl", True),
        ("Barbell Squat", False),
        ("Pullups", False),
    ],
)
def test_unilateral_from_name(name, unilateral):
    assert spec(name).is_unilateral is unilateral


@pytest.mark.parametrize(
    ("name", "timed"),
    [
        ("Plank", True),
        ("Side Bridge", True),
        ("Farmer's Walk", True),
        ("Hamstring Stretch", True),
        ("Running, Treadmill", True),
        ("Battling Ropes", True),
        ("Hollow Body Hold", True),
        ("Barbell Squat", False),
        ("Pushups", False),
        ("Hang Clean", False),
        ("Kettlebell Thruster", False),
    ],
)
def test_timed_movements(name, timed):
    assert spec(name).is_timed is timed


@pytest.mark.parametrize(
    ("name", "tags"),
    [
        ("Barbell Squat", {"knee_dominant"}),
        ("Romanian Deadlift", {"hip_dominant"}),
        ("Lying Leg Curls", {"hip_dominant"}),
        ("Leg Extensions", {"knee_dominant"}),
        ("Box Jump (Multiple Response)", {"plyometric"}),
        ("Calves-SMR", {"foam_roll", "warmup_friendly", "cooldown_friendly"}),
        ("Hamstring Stretch", {"stretch", "cooldown_friendly"}),
        ("Arm Circles", {"stretch", "warmup_friendly"}),
        ("Sled Push", {"conditioning"}),
        ("Recumbent Bike", {"low_impact"}),
        ("Swimming", {"low_impact"}),
    ],
)
def test_tags(name, tags):
    assert tags <= set(spec(name).tags)


def test_running_is_not_low_impact():
    assert "low_impact" not in spec("Running, Treadmill").tags


def test_air_bike_is_a_crunch_and_the_fan_bike_is_cardio():
    assert spec("Air Bike").pattern == "core"
    assert spec("Fan Bike").pattern == "cardio"
    assert spec("Fan Bike").equipment == ("bike",)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Adductor/Groin", "adductor-groin"),
        ("Farmer's Walk", "farmers-walk"),
        ("3/4 Sit-Up", "3-4-sit-up"),
        ("Bicycling, Stationary", "bicycling-stationary"),
    ],
)
def test_movement_slug(name, slug):
    assert importer.movement_slug(name) == slug


def test_library_slugs_and_names_are_unique_and_sorted():
    slugs = [m.slug for m in library().movements]
    assert slugs == sorted(slugs)
    assert len(set(slugs)) == len(slugs)
    assert len({m.name.lower() for m in library().movements}) == len(slugs)


def test_library_holds_the_data_and_the_supplement():
    movements = library().movements
    assert sum(1 for m in movements if m.source_id) == 873
    assert sum(1 for m in movements if not m.source_id) == len(data.SUPPLEMENT)
    assert library().skipped_supplement == ()


def test_derived_equivalents_link_loaded_variants_to_the_base_lift():
    edges = {
        (e.from_slug, e.to_slug)
        for e in importer.derive_equivalents(library().movements)
    }
    assert ("box-squat-with-bands", "box-squat") in edges
    assert ("power-clean-from-blocks", "power-clean") in edges
    assert 5 <= len(edges) <= 20


def test_build_is_deterministic():
    again = importer.build_library(source_records())
    assert again == library()


def test_missing_curated_name_fails_loudly(monkeypatch):
    monkeypatch.setattr(data, "PROGRESSIONS", [("Pushups", "Planche Push-Up")])
    with pytest.raises(importer.LibraryError, match="Planche Push-Up"):
        importer.build_library(source_records())


def test_supplement_entry_already_in_the_data_is_skipped(monkeypatch):
    plank = {**data.SUPPLEMENT[0], "name": "PLANK"}
    monkeypatch.setattr(data, "SUPPLEMENT", [*data.SUPPLEMENT, plank])
    built = importer.build_library(source_records())
    assert built.skipped_supplement == ("PLANK",)
    assert [m.name for m in built.movements if m.slug == "plank"] == ["Plank"]


def test_duplicate_source_names_fail():
    records = [record("Plank"), {**record("Plank"), "id": "Plank_2"}]
    with pytest.raises(importer.LibraryError, match="Duplicate"):
        importer.build_library(records)
