"""Reviewed muscle corrections (issue 10): movement name → (primary, secondary)
muscle slugs."""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Muscle corrections (issue 10): name → (primary, secondary), replacing the
# source's single primary muscle and its synergists. Reviewed for every STAPLE
# and COMMON movement; only the ones a coach would dispute are listed. Weekly
# volume counts landmark groups (``programs.generation.volume.MUSCLE_ROW``:
# lats + middle back = back), so a row credited to middle back or to lats is one
# back set either way and is not re-listed.
# ---------------------------------------------------------------------------
MUSCLE_OVERRIDES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # Hinges: the deadlift family loads hamstrings and glutes, not just the low back.
    "Barbell Deadlift": (
        ("glutes", "hamstrings", "lower_back"),
        ("forearms", "lats", "middle_back", "quadriceps", "traps"),
    ),
    "Deficit Deadlift": (
        ("glutes", "hamstrings", "lower_back"),
        ("forearms", "middle_back", "quadriceps", "traps"),
    ),
    "Trap Bar Deadlift": (
        ("glutes", "hamstrings", "quadriceps"),
        ("forearms", "lower_back", "traps"),
    ),
    "Sumo Deadlift": (
        ("glutes", "hamstrings"),
        ("adductors", "forearms", "lower_back", "middle_back", "quadriceps", "traps"),
    ),
    "Romanian Deadlift": (("glutes", "hamstrings"), ("forearms", "lower_back")),
    "Kettlebell Swing": (
        ("glutes", "hamstrings"),
        ("forearms", "lower_back", "shoulders"),
    ),
    "Good Morning": (("hamstrings",), ("glutes", "lower_back")),
    "Barbell Hip Thrust": (("glutes",), ("hamstrings",)),
    "Barbell Glute Bridge": (("glutes",), ("hamstrings",)),
    "Reverse Hyperextension": (("glutes",), ("hamstrings", "lower_back")),
    # Hip extension on the bench: glutes and spinal erectors both work hard.
    "Hyperextensions (Back Extensions)": (("glutes", "lower_back"), ("hamstrings",)),
    # A cable pull from the floor is a hinge, not a quad exercise (issue 10).
    "Cable Deadlifts": (
        ("glutes", "hamstrings"),
        ("forearms", "lower_back", "quadriceps"),
    ),
    # Knee-dominant single-leg work trains the quadriceps first.
    "Split Squats": (("quadriceps",), ("calves", "glutes", "hamstrings")),
    "Step-up with Knee Raise": (("quadriceps",), ("glutes", "hamstrings")),
    # Pressing: the bench press is a chest lift whatever the grip width.
    "Bench Press - Powerlifting": (
        ("chest",),
        ("forearms", "lats", "shoulders", "triceps"),
    ),
    "Floor Press": (("chest", "triceps"), ("shoulders",)),
    "Dumbbell Floor Press": (("chest", "triceps"), ("shoulders",)),
    "Parallel Bar Dip": (("chest", "triceps"), ("shoulders",)),
    # An overhead press from a side bend: the delts press, the trunk braces.
    "Bent Press": (("shoulders",), ("abdominals", "triceps")),
    # Pulling: chins and assisted pull-ups are lat work; rows also train biceps.
    "Mixed Grip Chin": (("lats",), ("biceps", "middle_back")),
    "Band Assisted Pull-Up": (("lats",), ("biceps", "middle_back")),
    "Inverted Row": (("middle_back",), ("biceps", "lats", "shoulders")),
    "Face Pull": (("shoulders",), ("middle_back", "traps")),
    # Upright rows: lateral delts and upper traps together.
    "Upright Barbell Row": (("shoulders", "traps"), ("biceps",)),
    "Upright Cable Row": (("shoulders", "traps"), ("biceps",)),
    "Standing Dumbbell Upright Row": (("shoulders", "traps"), ("biceps",)),
    # Isolation moves whose source synergists no coach would count.
    "Cable Seated Lateral Raise": (("shoulders",), ("traps",)),
    "Bent Over Low-Pulley Side Lateral": (("shoulders",), ("traps",)),
    "EZ-Bar Skullcrusher": (("triceps",), ()),
    "Lying Dumbbell Tricep Extension": (("triceps",), ()),
    "Standing One-Arm Dumbbell Triceps Extension": (("triceps",), ()),
    "Hammer Curls": (("biceps",), ("forearms",)),
    "Cable Hip Adduction": (("adductors",), ()),
    "Thigh Adductor": (("adductors",), ()),
    "Wrist Roller": (("forearms",), ()),
    "Pallof Press": (("abdominals",), ()),
    "Pallof Press With Rotation": (("abdominals",), ()),
    "Flutter Kicks": (("abdominals",), ("quadriceps",)),
    # Carries: grip and upper traps hold the load.
    "Farmer's Walk": (
        ("forearms", "traps"),
        ("abdominals", "glutes", "lower_back", "quadriceps"),
    ),
}
