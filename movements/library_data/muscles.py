"""The 17 free-exercise-db muscle groups (``Muscle.slug`` values) and the
region each belongs to (``MuscleRegion`` values)."""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Muscles: the 17 free-exercise-db groups and their region.
# ---------------------------------------------------------------------------
MUSCLE_REGIONS: dict[str, str] = {
    "abdominals": "core",
    "abductors": "lower",
    "adductors": "lower",
    "biceps": "upper",
    "calves": "lower",
    "chest": "upper",
    "forearms": "upper",
    "glutes": "lower",
    "hamstrings": "lower",
    "lats": "upper",
    "lower_back": "core",
    "middle_back": "upper",
    "neck": "upper",
    "quadriceps": "lower",
    "shoulders": "upper",
    "traps": "upper",
    "triceps": "upper",
}
