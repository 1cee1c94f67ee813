"""Fixtures for the engine tests: a synthetic library, the real fixture library,
and spec builders. No database, no Django models."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from movements.timing import CircuitItemDose, circuit_estimated_seconds
from programs.generation.dumpdata import library_from_dumpdata
from programs.generation.types import (
    AthleteProfile,
    CircuitInfo,
    CircuitItemInfo,
    ExperienceLevel,
    Goal,
    GoalWeight,
    MovementInfo,
    MovementLibrary,
    ProgramRequest,
    ProgramSpec,
)

FULL_GYM = frozenset(
    {"barbell", "rack", "bench", "dumbbell", "kettlebell", "cable", "machine",
     "pull_up_bar", "dip_station", "bands", "box", "sled", "rower", "bike",
     "treadmill", "jump_rope", "battle_ropes", "medicine_ball", "ez_bar", "foam_roller"}
)  # fmt: skip
REAL_FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "movements.json"

# name, pattern, mechanic, force, equipment, level, discipline, primary, secondary, tags,
# unilateral, timed
# fmt: off
_ROWS: list[tuple] = [
    # squat
    ("Barbell Back Squat", "squat", "compound", "push", "barbell rack", 1, "POWERLIFTING", "quadriceps", "glutes hamstrings lower_back", "", 0, 0),
    ("Barbell Front Squat", "squat", "compound", "push", "barbell rack", 3, "ALL", "quadriceps", "glutes abdominals", "", 0, 0),
    ("Goblet Squat", "squat", "compound", "push", "dumbbell", 1, "ALL", "quadriceps", "glutes", "", 0, 0),
    ("Leg Press", "squat", "compound", "push", "machine", 1, "BODYBUILDING", "quadriceps", "glutes", "", 0, 0),
    ("Bodyweight Squat", "squat", "compound", "push", "", 1, "ALL", "quadriceps", "glutes", "warmup_friendly", 0, 0),
    ("Kettlebell Front Squat", "squat", "compound", "push", "kettlebell", 2, "ALL", "quadriceps", "glutes", "", 0, 0),
    # hinge
    ("Barbell Deadlift", "hinge", "compound", "pull", "barbell", 3, "POWERLIFTING", "hamstrings glutes lower_back", "quadriceps traps forearms", "", 0, 0),
    ("Romanian Deadlift", "hinge", "compound", "pull", "barbell", 2, "ALL", "hamstrings", "glutes lower_back", "", 0, 0),
    ("Dumbbell Romanian Deadlift", "hinge", "compound", "pull", "dumbbell", 1, "ALL", "hamstrings", "glutes", "", 0, 0),
    ("Kettlebell Swing", "hinge", "compound", "pull", "kettlebell", 2, "CROSSFIT", "glutes hamstrings", "lower_back shoulders", "conditioning", 0, 0),
    ("Hip Thrust", "hinge", "compound", "push", "barbell bench", 1, "BODYBUILDING", "glutes", "hamstrings", "", 0, 0),
    ("Good Morning", "hinge", "compound", "pull", "barbell rack", 3, "ALL", "hamstrings", "lower_back glutes", "", 0, 0),
    ("Back Extension", "hinge", "compound", "pull", "", 1, "ALL", "lower_back", "glutes hamstrings", "", 0, 0),
    # lunge
    ("Walking Lunge", "lunge", "compound", "push", "dumbbell", 1, "ALL", "quadriceps", "glutes hamstrings", "", 1, 0),
    ("Bulgarian Split Squat", "lunge", "compound", "push", "dumbbell bench", 2, "ALL", "quadriceps", "glutes", "", 1, 0),
    ("Reverse Lunge", "lunge", "compound", "push", "", 1, "ALL", "quadriceps", "glutes", "warmup_friendly", 1, 0),
    ("Step-Up", "lunge", "compound", "push", "dumbbell box", 1, "ALL", "quadriceps", "glutes", "", 1, 0),
    # horizontal_push
    ("Barbell Bench Press", "horizontal_push", "compound", "push", "barbell bench rack", 1, "POWERLIFTING", "chest", "triceps shoulders", "", 0, 0),
    ("Dumbbell Bench Press", "horizontal_push", "compound", "push", "dumbbell bench", 1, "BODYBUILDING", "chest", "triceps shoulders", "", 0, 0),
    ("Incline Dumbbell Press", "horizontal_push", "compound", "push", "dumbbell bench", 1, "BODYBUILDING", "chest", "shoulders triceps", "", 0, 0),
    ("Push-Up", "horizontal_push", "compound", "push", "", 1, "CALISTHENICS", "chest", "triceps shoulders", "", 0, 0),
    ("Close-Grip Bench Press", "horizontal_push", "compound", "push", "barbell bench", 2, "POWERLIFTING", "triceps", "chest shoulders", "", 0, 0),
    ("Dips", "horizontal_push", "compound", "push", "dip_station", 2, "CALISTHENICS", "triceps chest", "shoulders", "", 0, 0),
    ("Machine Chest Press", "horizontal_push", "compound", "push", "machine", 1, "BODYBUILDING", "chest", "triceps", "", 0, 0),
    # horizontal_pull
    ("Barbell Row", "horizontal_pull", "compound", "pull", "barbell", 2, "ALL", "middle_back lats", "biceps lower_back", "", 0, 0),
    ("One-Arm Dumbbell Row", "horizontal_pull", "compound", "pull", "dumbbell bench", 1, "ALL", "middle_back lats", "biceps", "", 1, 0),
    ("Seated Cable Row", "horizontal_pull", "compound", "pull", "cable", 1, "BODYBUILDING", "middle_back", "lats biceps", "", 0, 0),
    ("Inverted Row", "horizontal_pull", "compound", "pull", "rack", 1, "CALISTHENICS", "middle_back", "biceps lats", "", 0, 0),
    ("Face Pull", "horizontal_pull", "isolation", "pull", "cable", 1, "ALL", "shoulders", "traps middle_back", "", 0, 0),
    ("Band Pull-Apart", "horizontal_pull", "isolation", "pull", "bands", 1, "ALL", "shoulders", "middle_back", "warmup_friendly", 0, 0),
    # vertical_push
    ("Overhead Press", "vertical_push", "compound", "push", "barbell rack", 1, "POWERLIFTING", "shoulders", "triceps", "", 0, 0),
    ("Seated Dumbbell Press", "vertical_push", "compound", "push", "dumbbell bench", 1, "BODYBUILDING", "shoulders", "triceps", "", 0, 0),
    ("Pike Push-Up", "vertical_push", "compound", "push", "", 2, "CALISTHENICS", "shoulders", "triceps", "", 0, 0),
    ("Landmine Press", "vertical_push", "compound", "push", "barbell", 2, "ALL", "shoulders", "chest triceps", "", 1, 0),
    ("Arnold Press", "vertical_push", "compound", "push", "dumbbell", 2, "BODYBUILDING", "shoulders", "triceps", "", 0, 0),
    # vertical_pull
    ("Pull-Up", "vertical_pull", "compound", "pull", "pull_up_bar", 2, "CALISTHENICS", "lats", "biceps middle_back", "", 0, 0),
    ("Chin-Up", "vertical_pull", "compound", "pull", "pull_up_bar", 2, "CALISTHENICS", "lats biceps", "middle_back", "", 0, 0),
    ("Lat Pulldown", "vertical_pull", "compound", "pull", "cable", 1, "BODYBUILDING", "lats", "biceps middle_back", "", 0, 0),
    ("Band-Assisted Pull-Up", "vertical_pull", "compound", "pull", "pull_up_bar bands", 1, "ALL", "lats", "biceps", "", 0, 0),
    ("Straight-Arm Pulldown", "vertical_pull", "isolation", "pull", "cable", 1, "BODYBUILDING", "lats", "triceps", "", 0, 0),
    # isolation
    ("Barbell Curl", "isolation", "isolation", "pull", "barbell", 1, "BODYBUILDING", "biceps", "forearms", "", 0, 0),
    ("Dumbbell Curl", "isolation", "isolation", "pull", "dumbbell", 1, "BODYBUILDING", "biceps", "forearms", "", 0, 0),
    ("Hammer Curl", "isolation", "isolation", "pull", "dumbbell", 1, "BODYBUILDING", "biceps forearms", "", "", 0, 0),
    ("Cable Triceps Pushdown", "isolation", "isolation", "push", "cable", 1, "BODYBUILDING", "triceps", "", "", 0, 0),
    ("Overhead Triceps Extension", "isolation", "isolation", "push", "dumbbell", 1, "BODYBUILDING", "triceps", "", "", 0, 0),
    ("Skull Crusher", "isolation", "isolation", "push", "ez_bar bench", 2, "BODYBUILDING", "triceps", "", "", 0, 0),
    ("Lateral Raise", "isolation", "isolation", "push", "dumbbell", 1, "BODYBUILDING", "shoulders", "", "", 0, 0),
    ("Rear Delt Fly", "isolation", "isolation", "pull", "dumbbell", 1, "BODYBUILDING", "shoulders", "middle_back", "", 0, 0),
    ("Cable Fly", "isolation", "isolation", "push", "cable", 1, "BODYBUILDING", "chest", "shoulders", "", 0, 0),
    ("Dumbbell Fly", "isolation", "isolation", "push", "dumbbell bench", 1, "BODYBUILDING", "chest", "", "", 0, 0),
    ("Leg Extension", "isolation", "isolation", "push", "machine", 1, "BODYBUILDING", "quadriceps", "", "", 0, 0),
    ("Lying Leg Curl", "isolation", "isolation", "pull", "machine", 1, "BODYBUILDING", "hamstrings", "", "", 0, 0),
    ("Standing Calf Raise", "isolation", "isolation", "push", "machine", 1, "BODYBUILDING", "calves", "", "", 0, 0),
    ("Seated Calf Raise", "isolation", "isolation", "push", "machine", 1, "BODYBUILDING", "calves", "", "", 0, 0),
    ("Barbell Shrug", "isolation", "isolation", "pull", "barbell", 1, "BODYBUILDING", "traps", "forearms", "", 0, 0),
    ("Cable Hip Adduction", "isolation", "isolation", "pull", "cable", 1, "BODYBUILDING", "adductors", "", "", 0, 0),
    ("Wrist Curl", "isolation", "isolation", "pull", "dumbbell", 1, "BODYBUILDING", "forearms", "", "", 0, 0),
    # core
    ("Plank", "core", "isolation", "static", "", 1, "ALL", "abdominals", "", "", 0, 1),
    ("Side Plank", "core", "isolation", "static", "", 1, "ALL", "abdominals", "", "", 1, 1),
    ("Hanging Leg Raise", "core", "isolation", "pull", "pull_up_bar", 2, "CALISTHENICS", "abdominals", "", "", 0, 0),
    ("Cable Crunch", "core", "isolation", "pull", "cable", 1, "BODYBUILDING", "abdominals", "", "", 0, 0),
    ("Ab Wheel Rollout", "core", "compound", "pull", "", 2, "ALL", "abdominals", "lats shoulders", "", 0, 0),
    ("Dead Bug", "core", "isolation", "static", "", 1, "ALL", "abdominals", "", "warmup_friendly", 0, 0),
    ("Pallof Press", "core", "isolation", "push", "cable", 1, "ALL", "abdominals", "", "", 0, 0),
    # carry
    ("Farmer's Carry", "carry", "compound", "static", "dumbbell", 1, "STRONGMAN", "forearms traps", "abdominals", "", 0, 1),
    ("Suitcase Carry", "carry", "compound", "static", "kettlebell", 1, "STRONGMAN", "abdominals forearms", "traps", "", 1, 1),
    # olympic
    ("Power Clean", "olympic", "compound", "pull", "barbell", 4, "OLYMPIC_LIFTING", "hamstrings glutes", "traps quadriceps", "", 0, 0),
    ("Hang Power Snatch", "olympic", "compound", "pull", "barbell", 5, "OLYMPIC_LIFTING", "hamstrings shoulders", "traps glutes", "", 0, 0),
    ("Push Jerk", "olympic", "compound", "push", "barbell rack", 4, "OLYMPIC_LIFTING", "shoulders", "quadriceps triceps", "", 0, 0),
    # plyometric
    ("Box Jump", "plyometric", "compound", "push", "box", 2, "ALL", "quadriceps", "glutes calves", "plyometric", 0, 0),
    ("Broad Jump", "plyometric", "compound", "push", "", 2, "ALL", "quadriceps", "glutes", "plyometric", 0, 0),
    ("Jumping Jacks", "plyometric", "compound", "", "", 1, "ALL", "calves", "shoulders", "plyometric warmup_friendly", 0, 1),
    ("Medicine Ball Slam", "plyometric", "compound", "push", "medicine_ball", 1, "CROSSFIT", "shoulders abdominals", "lats", "plyometric", 0, 0),
    ("Depth Jump", "plyometric", "compound", "push", "box", 4, "ALL", "quadriceps", "calves", "plyometric", 0, 0),
    # conditioning
    ("Sled Push", "conditioning", "compound", "push", "sled", 1, "STRONGMAN", "quadriceps", "glutes calves", "conditioning", 0, 1),
    ("Sled Pull", "conditioning", "compound", "pull", "sled", 1, "STRONGMAN", "hamstrings", "glutes", "conditioning", 0, 1),
    ("Battle Rope Waves", "conditioning", "compound", "", "battle_ropes", 1, "CROSSFIT", "shoulders", "abdominals", "conditioning", 0, 1),
    ("Burpee", "conditioning", "compound", "push", "", 2, "CROSSFIT", "quadriceps chest", "shoulders", "conditioning", 0, 0),
    ("Mountain Climber", "conditioning", "compound", "", "", 1, "CROSSFIT", "abdominals", "quadriceps", "conditioning", 0, 1),
    ("Kettlebell Thruster", "conditioning", "compound", "push", "kettlebell", 2, "CROSSFIT", "quadriceps shoulders", "glutes", "conditioning", 0, 0),
    ("Wall Ball", "conditioning", "compound", "push", "medicine_ball", 2, "CROSSFIT", "quadriceps shoulders", "", "conditioning", 0, 0),
    ("Bear Crawl", "conditioning", "compound", "", "", 1, "CROSSFIT", "shoulders abdominals", "quadriceps", "conditioning", 0, 1),
    ("Squat Jack", "conditioning", "compound", "", "", 1, "CROSSFIT", "quadriceps", "calves", "conditioning", 0, 1),
    # cardio
    ("Treadmill Run", "cardio", "", "", "treadmill", 1, "CARDIO", "quadriceps", "calves hamstrings", "", 0, 1),
    ("Outdoor Running", "cardio", "", "", "", 1, "CARDIO", "quadriceps", "calves", "", 0, 1),
    ("Stationary Bike", "cardio", "", "", "bike", 1, "CARDIO", "quadriceps", "calves", "low_impact", 0, 1),
    ("Rowing Machine", "cardio", "", "", "rower", 1, "CARDIO", "middle_back", "quadriceps", "low_impact", 0, 1),
    ("Brisk Walking", "cardio", "", "", "", 1, "CARDIO", "quadriceps", "calves", "low_impact", 0, 1),
    ("Rope Jumping", "cardio", "", "", "jump_rope", 2, "CARDIO", "calves", "quadriceps", "", 0, 1),
    ("Swimming", "cardio", "", "", "pool", 2, "CARDIO", "lats", "shoulders", "low_impact", 0, 1),
    # mobility
    ("World's Greatest Stretch", "mobility", "", "", "", 1, "MOBILITY", "hamstrings", "glutes adductors", "warmup_friendly", 1, 1),
    ("Leg Swings", "mobility", "", "", "", 1, "MOBILITY", "hamstrings", "adductors", "warmup_friendly", 1, 0),
    ("Arm Circles", "mobility", "", "", "", 1, "MOBILITY", "shoulders", "", "warmup_friendly", 0, 1),
    ("Cat-Cow", "mobility", "", "", "", 1, "MOBILITY", "lower_back", "abdominals", "warmup_friendly", 0, 0),
    ("Hip Circles", "mobility", "", "", "", 1, "MOBILITY", "glutes", "adductors", "warmup_friendly", 0, 0),
    ("Thoracic Rotation", "mobility", "", "", "", 1, "MOBILITY", "middle_back", "lats", "warmup_friendly", 0, 0),
    ("Foam Roll Quads", "mobility", "", "", "foam_roller", 1, "MOBILITY", "quadriceps", "", "foam_roll warmup_friendly", 0, 1),
    ("Standing Hamstring Stretch", "mobility", "", "static", "", 1, "MOBILITY", "hamstrings", "", "stretch cooldown_friendly", 0, 1),
    ("Couch Stretch", "mobility", "", "static", "", 1, "MOBILITY", "quadriceps", "", "stretch cooldown_friendly", 1, 1),
    ("Pigeon Stretch", "mobility", "", "static", "", 1, "MOBILITY", "glutes", "", "stretch cooldown_friendly", 1, 1),
    ("Doorway Chest Stretch", "mobility", "", "static", "", 1, "MOBILITY", "chest", "shoulders", "stretch cooldown_friendly", 0, 1),
    ("Cross-Body Shoulder Stretch", "mobility", "", "static", "", 1, "MOBILITY", "shoulders", "", "stretch cooldown_friendly", 1, 1),
    ("Overhead Triceps Stretch", "mobility", "", "static", "", 1, "MOBILITY", "triceps", "", "stretch cooldown_friendly", 1, 1),
    ("Lat Stretch", "mobility", "", "static", "", 1, "MOBILITY", "lats", "", "stretch cooldown_friendly", 1, 1),
    ("Child's Pose", "mobility", "", "static", "", 1, "MOBILITY", "lower_back", "lats", "stretch cooldown_friendly", 0, 1),
    ("Calf Wall Stretch", "mobility", "", "static", "", 1, "MOBILITY", "calves", "", "stretch cooldown_friendly", 1, 1),
    ("Butterfly Stretch", "mobility", "", "static", "", 1, "MOBILITY", "adductors", "", "stretch cooldown_friendly", 0, 1),
    ("Biceps Wall Stretch", "mobility", "", "static", "", 1, "MOBILITY", "biceps", "", "stretch cooldown_friendly", 1, 1),
    ("Cobra Stretch", "mobility", "", "static", "", 1, "MOBILITY", "abdominals", "", "stretch cooldown_friendly", 0, 1),
    ("Upper Trap Stretch", "mobility", "", "static", "", 1, "MOBILITY", "traps", "neck", "stretch cooldown_friendly", 1, 1),
    ("Figure-Four Stretch", "mobility", "", "static", "", 1, "MOBILITY", "glutes", "hamstrings", "stretch cooldown_friendly", 1, 1),
]
# fmt: on


def _movement(mid: int, row: tuple) -> MovementInfo:
    name, pattern, mech, force, equip, level, disc, prim, sec, tags, uni, timed = row
    return MovementInfo(
        id=mid,
        name=name,
        slug=name.lower().replace(" ", "-").replace("'", ""),
        pattern=pattern,
        mechanic=mech,
        force=force,
        equipment=frozenset(equip.split()),
        level=level,
        discipline=disc,
        primary_muscles=tuple(prim.split()),
        secondary_muscles=tuple(sec.split()),
        tags=frozenset(tags.split()),
        is_unilateral=bool(uni),
        is_timed=bool(timed),
    )


def make_library(rows: list[tuple] | None = None) -> MovementLibrary:
    """A MovementLibrary from rows in the ``_ROWS`` format (ids from 1)."""
    rows = _ROWS if rows is None else rows
    return MovementLibrary({i: _movement(i, r) for i, r in enumerate(rows, start=1)})


@pytest.fixture(scope="session")
def library() -> MovementLibrary:
    """~110 synthetic movements: every pattern, equipment mixes, levels 1–5, timed
    movements, 9 conditioning, 7 cardio, 14 static stretches."""
    return make_library()


def load_fixture_library(path: Path) -> MovementLibrary:
    """Parse Django dumpdata JSON (movements app) into a MovementLibrary directly."""
    return library_from_dumpdata(json.loads(path.read_text()))


REAL_CIRCUITS = REAL_FIXTURE.parent / "circuits.json"


def load_fixture_circuits(
    library: MovementLibrary, path: Path = REAL_CIRCUITS
) -> tuple[CircuitInfo, ...]:
    """fixtures/circuits.json as CircuitInfo over ``library`` (movements by name),
    estimated as the snapshot does (``movements.timing``); ids in file order."""
    by_name = {m.name: m for m in library.movements.values()}
    circuits = []
    for cid, entry in enumerate(json.loads(path.read_text()), 1):
        items, doses = [], []
        for order, item in enumerate(entry["movements"], 1):
            m = by_name[item["movement"]]
            dose = CircuitItemDose(
                **{
                    k: item.get(k)
                    for k in ("reps", "seconds", "distance_m", "calories")
                },
                equipment=m.equipment,
                pattern=m.pattern,
            )
            doses.append(dose)
            items.append(
                CircuitItemInfo(
                    m.id, order, dose.reps, dose.seconds, dose.distance_m,
                    dose.calories, item.get("load_hint", ""), dose.work_seconds(),
                )
            )  # fmt: skip
        params = {
            k: entry.get(k)
            for k in ("rounds", "time_cap_seconds", "work_seconds", "rest_seconds")
        }
        estimate = circuit_estimated_seconds(
            circuit_type=entry["type"], items=doses, **params
        )
        circuits.append(
            CircuitInfo(
                cid, entry["name"], entry["type"], entry["scoring"],
                entry["difficulty"], estimate, tuple(items), **params,
                disciplines=frozenset(entry["disciplines"]),
                tags=frozenset(entry["tags"]),
            )
        )  # fmt: skip
    return tuple(circuits)


@pytest.fixture(scope="session")
def real_library() -> MovementLibrary:
    """The shipped library (fixtures/movements.json), skipped until it exists."""
    if not REAL_FIXTURE.exists():
        pytest.skip("fixtures/movements.json does not exist yet")
    return load_fixture_library(REAL_FIXTURE)


def make_spec(
    goals: tuple[tuple[Goal, int], ...] = ((Goal.STRENGTH, 6), (Goal.HYPERTROPHY, 4)),
    *,
    weeks: int = 8,
    days: int = 4,
    minutes: int = 60,
    seed: int = 1,
    equipment: frozenset[str] = FULL_GYM,
    experience: ExperienceLevel = ExperienceLevel.INTERMEDIATE,
    request: dict | None = None,
    athlete: dict | None = None,
    variants: dict | None = None,
) -> ProgramSpec:
    """A ProgramSpec with sensible defaults; keyword dicts override fields."""
    req = ProgramRequest(
        goals=tuple(GoalWeight(g, w) for g, w in goals),
        duration_weeks=weeks,
        days_per_week=days,
        max_session_minutes=minutes,
        start_date=date(2026, 1, 5),
        **(request or {}),
    )
    prof = AthleteProfile(
        experience_level=experience, equipment=equipment, **(athlete or {})
    )
    return ProgramSpec(req, prof, seed=seed, session_variants=variants or {})
