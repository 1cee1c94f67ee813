"""Alloy's own supplement of conditioning, cardio and mobility staples that
free-exercise-db lacks, one row per movement."""

from __future__ import annotations

from typing import Any

# ---------------------------------------------------------------------------
# Supplement: Alloy's own entries for staples the data lacks (the data's own box
# jump, one-arm kettlebell swing, mountain climbers, dead bug, arm circles, band
# pull-apart, inchworm, child's pose, rower, treadmill, stationary bike, jump rope,
# sled push/drag and battle ropes are not repeated). One row per movement, read
# into dicts keyed by _COLUMNS.
# ---------------------------------------------------------------------------
# fmt: off
_COLUMNS = (
    "name", "pattern", "equipment", "primary", "secondary", "level", "discipline",
    "tags", "is_timed", "is_unilateral", "mechanic", "force",
)
C, ISO, T, F = "compound", "isolation", True, False

_SUPPLEMENT_ROWS: list[tuple[Any, ...]] = [
    # name, pattern, equipment, primary, secondary, level, discipline, tags, timed, unilateral, mechanic, force
    # --- Conditioning
    ("Burpee", "conditioning", [], "quadriceps", ["chest", "shoulders", "triceps", "abdominals", "glutes"], 1, "CROSSFIT", [], F, F, C, "push"),
    ("Wall Ball", "conditioning", ["medicine_ball"], "quadriceps", ["glutes", "shoulders", "triceps"], 2, "CROSSFIT", [], F, F, C, "push"),
    ("Dumbbell Thruster", "conditioning", ["dumbbell"], "quadriceps", ["glutes", "shoulders", "triceps"], 2, "CROSSFIT", [], F, F, C, "push"),
    ("Barbell Thruster", "conditioning", ["barbell", "rack"], "quadriceps", ["glutes", "shoulders", "triceps", "abdominals"], 3, "CROSSFIT", [], F, F, C, "push"),
    ("Devil Press", "conditioning", ["dumbbell"], "glutes", ["hamstrings", "shoulders", "chest", "triceps"], 3, "CROSSFIT", [], F, F, C, "pull"),
    ("Man Maker", "conditioning", ["dumbbell"], "shoulders", ["chest", "middle_back", "quadriceps", "triceps", "abdominals"], 3, "CROSSFIT", [], F, F, C, "push"),
    ("Double-Unders", "conditioning", ["jump_rope"], "calves", ["quadriceps", "shoulders", "forearms"], 3, "CROSSFIT", [], F, F, C, ""),
    ("Battle Rope Slams", "conditioning", ["battle_ropes"], "shoulders", ["abdominals", "lats", "forearms"], 1, "CROSSFIT", [], T, F, C, ""),
    ("Toes-to-Bar", "core", ["pull_up_bar"], "abdominals", ["lats", "forearms"], 3, "CROSSFIT", [], F, F, C, "pull"),
    ("Kettlebell Swing", "hinge", ["kettlebell"], "hamstrings", ["glutes", "lower_back", "shoulders", "forearms"], 2, "ALL", [], F, F, C, "pull"),
    ("Shuttle Run", "conditioning", [], "quadriceps", ["hamstrings", "calves", "glutes"], 1, "ALL", [], T, F, C, ""),
    ("Jumping Jacks", "conditioning", [], "calves", ["quadriceps", "shoulders", "abductors"], 1, "ALL", ["warmup_friendly"], T, F, C, ""),
    ("High Knees", "conditioning", [], "quadriceps", ["calves", "abdominals"], 1, "ALL", ["warmup_friendly"], T, F, C, ""),
    ("Bear Crawl", "conditioning", [], "shoulders", ["abdominals", "quadriceps", "triceps"], 1, "ALL", ["warmup_friendly"], T, F, C, ""),
    ("Suitcase Carry", "carry", ["dumbbell"], "abdominals", ["forearms", "traps", "glutes"], 1, "ALL", [], T, T, C, ""),
    # --- Cardio (the fan bike is the "assault" bike; free-exercise-db's "Air Bike" is a bicycle crunch)
    ("Fan Bike", "cardio", ["bike"], "quadriceps", ["shoulders", "hamstrings", "calves"], 1, "CARDIO", [], T, F, "", ""),
    ("Ski Erg", "cardio", ["ski_erg"], "lats", ["triceps", "abdominals", "shoulders"], 1, "CARDIO", [], T, F, "", ""),
    ("Easy Run", "cardio", [], "quadriceps", ["hamstrings", "calves", "glutes"], 1, "CARDIO", [], T, F, "", ""),
    ("Running Intervals", "cardio", [], "quadriceps", ["hamstrings", "calves", "glutes"], 2, "CARDIO", ["intervals"], T, F, "", ""),
    ("Swimming", "cardio", ["pool"], "lats", ["shoulders", "chest", "triceps", "quadriceps"], 2, "CARDIO", [], T, F, "", ""),
    ("Brisk Walk", "cardio", [], "quadriceps", ["calves", "glutes", "hamstrings"], 1, "CARDIO", [], T, F, "", ""),
    ("Incline Treadmill Walk", "cardio", ["treadmill"], "quadriceps", ["glutes", "calves", "hamstrings"], 1, "CARDIO", [], T, F, "", ""),
    ("Bodyweight Step-Up", "lunge", ["box"], "quadriceps", ["glutes", "hamstrings", "calves"], 1, "ALL", [], F, T, C, "push"),
    # --- Mobility and trunk control
    ("Bird Dog", "core", [], "lower_back", ["glutes", "abdominals", "shoulders"], 1, "ALL", ["warmup_friendly"], F, T, C, "static"),
    ("Cat-Cow", "mobility", [], "lower_back", ["abdominals"], 1, "MOBILITY", ["warmup_friendly"], F, F, "", ""),
    ("90/90 Hip Switch", "mobility", [], "glutes", ["adductors", "abductors"], 1, "MOBILITY", ["warmup_friendly"], F, F, "", ""),
    ("Open Book Thoracic Rotation", "mobility", [], "middle_back", ["chest", "shoulders"], 1, "MOBILITY", ["warmup_friendly"], F, T, "", ""),
    ("Thread the Needle", "mobility", [], "middle_back", ["shoulders"], 1, "MOBILITY", ["warmup_friendly"], F, T, "", ""),
    ("Wall Slide", "mobility", [], "shoulders", ["traps", "middle_back"], 1, "MOBILITY", ["warmup_friendly"], F, F, "", ""),
    ("Band Shoulder Pass-Through", "mobility", ["bands"], "shoulders", ["chest", "middle_back"], 1, "MOBILITY", ["warmup_friendly"], F, F, "", ""),
    ("Knee-to-Wall Ankle Mobilisation", "mobility", [], "calves", [], 1, "MOBILITY", ["warmup_friendly"], F, T, "", ""),
    ("Deep Squat Hold", "mobility", [], "quadriceps", ["glutes", "adductors", "calves"], 1, "MOBILITY", ["warmup_friendly", "stretch"], T, F, "", "static"),
    ("Couch Stretch", "mobility", [], "quadriceps", [], 1, "MOBILITY", ["stretch", "cooldown_friendly"], T, T, "", "static"),
    ("Pigeon Pose", "mobility", [], "glutes", ["abductors"], 1, "MOBILITY", ["stretch", "cooldown_friendly"], T, T, "", "static"),
    ("Downward Dog", "mobility", [], "hamstrings", ["calves", "shoulders", "lats"], 1, "MOBILITY", ["stretch", "cooldown_friendly", "warmup_friendly"], T, F, "", "static"),
    ("Frog Stretch", "mobility", [], "adductors", ["glutes"], 1, "MOBILITY", ["stretch", "cooldown_friendly"], T, F, "", "static"),
    # --- Calisthenics and strength gaps the movement graph needs
    ("Knee Push-Up", "horizontal_push", [], "chest", ["triceps", "shoulders"], 1, "CALISTHENICS", [], F, F, C, "push"),
    ("Pike Push-Up", "vertical_push", [], "shoulders", ["triceps", "chest"], 2, "CALISTHENICS", [], F, F, C, "push"),
    ("Hollow Body Hold", "core", [], "abdominals", ["quadriceps"], 2, "CALISTHENICS", [], T, F, ISO, "static"),
    ("L-Sit Hold", "core", ["dip_station"], "abdominals", ["triceps", "quadriceps", "shoulders"], 3, "CALISTHENICS", [], T, F, C, "static"),
    ("Dead Hang", "vertical_pull", ["pull_up_bar"], "forearms", ["lats", "shoulders"], 1, "CALISTHENICS", [], T, F, ISO, "static"),
    ("Wall Sit", "squat", [], "quadriceps", ["glutes"], 1, "ALL", [], T, F, C, "static"),
    ("Dumbbell Romanian Deadlift", "hinge", ["dumbbell"], "hamstrings", ["glutes", "lower_back", "forearms"], 1, "ALL", [], F, F, C, "pull"),
]
# fmt: on

SUPPLEMENT: list[dict[str, Any]] = [
    dict(zip(_COLUMNS, row, strict=True)) for row in _SUPPLEMENT_ROWS
]
