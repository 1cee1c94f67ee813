"""Hand-written tables behind ``import_movements`` (Alloy's own words and judgement).

Everything here is reviewed data, not logic: the pattern, equipment and level
overrides for what the keyword rules in :mod:`movements.importer` get wrong, the
supplement of conditioning, cardio and mobility staples that free-exercise-db lacks,
and the curated movement graph. Names on the left of every table are exact
free-exercise-db names (or supplement names); ``movements/tests`` fails loudly if
one stops existing.

Vocabulary: patterns are ``MovementPattern`` values, equipment ``Equipment`` values,
muscles ``Muscle.slug`` values, disciplines ``Discipline`` values.
"""

from __future__ import annotations

from typing import Any

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

# ---------------------------------------------------------------------------
# Equipment
# ---------------------------------------------------------------------------
# free-exercise-db's single ``equipment`` string → the normalised set. ``None``,
# "body only" and "other" start empty and are filled from the name (README traps).
SOURCE_EQUIPMENT: dict[str | None, tuple[str, ...]] = {
    None: (),
    "body only": (),
    "other": (),
    "barbell": ("barbell",),
    "dumbbell": ("dumbbell",),
    "cable": ("cable",),
    "machine": ("machine",),
    "kettlebells": ("kettlebell",),
    "bands": ("bands",),
    "medicine ball": ("medicine_ball",),
    "exercise ball": ("exercise_ball",),
    "foam roll": ("foam_roller",),
    "e-z curl bar": ("ez_bar",),
}

# Equipment has no value for specialty kit such as chains, a climbing rope or a
# heavy bag. They are filed under "strongman" (specialty implements) so that a
# movement needing them is offered only to an athlete who has said they have
# specialty kit. Cheap props (cones, a wall, a chair, a towel, sliders, an ab wheel,
# a balance board) and venues (a pool, a track, a trail) count as no equipment.
SPECIALTY = "strongman"

# (regex on the lower-cased name, equipment added, patterns it applies to or None
# for all). Applied in order after SOURCE_EQUIPMENT; see importer.normalise_equipment
# for the rack/bench rules and the smith-machine / trap-bar / cardio replacements.
EQUIPMENT_KEYWORDS: list[tuple[str, tuple[str, ...], frozenset[str] | None]] = [
    # Bars and stations for bodyweight pulling and dipping.
    (
        r"pull-?ups?\b|pull ups|chin-?ups?\b|\bchins?\b|muscle up|scapular pull"
        r"|hanging (?:leg raise|pike)|toes-to-bar",
        ("pull_up_bar",),
        frozenset({"vertical_pull", "core"}),
    ),
    (r"one handed hang|dead hang", ("pull_up_bar",), None),
    (r"weighted pull|weighted squat|weighted bench dip", ("plates",), None),
    (r"\bring\b|\brings\b", ("rings",), None),
    (r"bench dip", ("bench",), None),
    (
        r"^(?:dips\b|parallel bar dip)",
        ("dip_station",),
        frozenset({"horizontal_push"}),
    ),
    (r"parallel bars|l-sit", ("dip_station",), None),
    # Boxes, benches and platforms for jumping and stepping.
    (
        r"\bbox\b|depth jump|push-off|quick leap|stride jump|step[- ]?ups?\b",
        ("box",),
        None,
    ),
    (r"\bbench\b", ("bench",), None),
    (r"decline", ("bench",), frozenset({"core"})),
    # A back-extension bench or reverse-hyper machine (not the ball or bench ones).
    (r"hyperextensions \(|reverse hyperextension", ("machine",), None),
    # Bands (not the IT band).
    (r"(?<!it )\bbands?\b", ("bands",), None),
    # Sleds, strongman and other implements.
    (r"\bsled\b|prowler|\bdrags?\b(?! curl)", ("sled",), None),
    (r"ez[- ]bar", ("ez_bar",), None),
    (
        r"atlas stone|\blog lift|yoke|tire flip|\bkeg\b|axle|circus bell|conan"
        r"|rickshaw|car deadlift|power stairs|sledgehammer|\bchains?\b|heavy bag"
        r"|rope climb|london bridges|crucifix",
        (SPECIALTY,),
        None,
    ),
    (r"sandbag", ("sandbag",), None),
    (r"trap bar", ("trap_bar",), None),
    (
        r"plate|svend press|car drivers|wrist roller|head harness",
        ("plates",),
        None,
    ),
    (r"suspend|suspension|trx|with straps", ("suspension_trainer",), None),
    (r"rope jumping|jump rope|double-unders", ("jump_rope",), None),
    (r"battling ropes|battle rope", ("battle_ropes",), None),
    (r"landmine|jammer|long bar row|t-bar row with handle", ("landmine",), None),
    # Cardio machines (replace the generic "machine").
    (r"treadmill", ("treadmill",), None),
    (r"bicycling|recumbent bike", ("bike",), None),
    (r"rowing, stationary", ("rower",), None),
    # Self-myofascial release done with a roller or ball.
    (r"-smr\b", ("foam_roller",), None),
]

# Names whose equipment the rules cannot read from the name.
EQUIPMENT_OVERRIDES: dict[str, tuple[str, ...]] = {
    # Farmer's handles are specialty kit; every gym does it with dumbbells.
    "Farmer's Walk": ("dumbbell",),
    # A plate held like a steering wheel, not a barbell.
    "Car Drivers": ("plates",),
    # Sit on a bench with the band anchored low; "other" in the source.
    "Seated Band Hamstring Curl": ("bands", "bench"),
    # Kneel on a bench for support (dumbbell row).
    "One-Arm Dumbbell Row": ("bench", "dumbbell"),
    # Lie on a flat bench.
    "Tate Press": ("bench", "dumbbell"),
    "Close-Grip Dumbbell Press": ("bench", "dumbbell"),
    "Lying Dumbbell Tricep Extension": ("bench", "dumbbell"),
    # Sit on the end of a bench.
    "Concentration Curls": ("bench", "dumbbell"),
    # Chest on an incline bench.
    "Spider Curl": ("bench", "ez_bar"),
    # Bar hangs in a rack at hip height.
    "Inverted Row": ("rack", "barbell"),
    # Hip thrusts are done with the back on a bench.
    "Barbell Hip Thrust": ("barbell", "bench"),
    # A barbell propped in a corner or landmine, not a free barbell.
    "One Arm Floor Press": ("barbell",),
}

# ---------------------------------------------------------------------------
# Movement patterns: reviewed corrections to importer.pattern_from_rules.
# ---------------------------------------------------------------------------
PATTERN_OVERRIDES: dict[str, str] = {
    # Filed under stretching upstream, but it is the bodyweight split squat.
    "Split Squats": "lunge",
    # Filed under stretching upstream; frog hops are jumps.
    "Frog Hops": "plyometric",
    # A dumbbell swing, filed under plyometrics upstream.
    "Vertical Swing": "hinge",
    # Sled sprint: conditioning, not steady-state cardio.
    "Prowler Sprint": "conditioning",
    # Filed under plyometrics upstream; coaches use them as conditioning.
    "Mountain Climbers": "conditioning",
    "Sledgehammer Swings": "conditioning",
    # An isometric squeeze of the pecs, filed under plyometrics.
    "Isometric Chest Squeezes": "isolation",
    # Overhead press from a side bend; abdominals is only the source's primary.
    "Bent Press": "vertical_push",
    # A rotation holding a kettlebell at arm's length: core, not a press.
    "Kettlebell Pirate Ships": "core",
    # A raise-and-squat combination for the delts, not a press.
    "Iron Cross": "isolation",
    # Chest isolation moves the source calls compound pushes.
    "Around The Worlds": "isolation",
    "Svend Press": "isolation",
    # Hip flexion kicks lying on the back: an ab exercise.
    "Flutter Kicks": "core",
    # Balance work on a ball or board.
    "Downward Facing Balance": "core",
    "Balance Board": "mobility",
    # Ballistic slam like "Overhead Slam" (plyometrics upstream).
    "One-Arm Medicine Ball Slam": "plyometric",
    # Full-body get-up, trained for trunk stability.
    "Kettlebell Turkish Get-Up (Lunge style)": "core",
    "Kettlebell Turkish Get-Up (Squat style)": "core",
    # Walking backwards with sled straps overhead: conditioning.
    "Sled Overhead Backward Walk": "conditioning",
}

# ---------------------------------------------------------------------------
# Levels (1–5): corrections to the source's beginner/intermediate/expert.
# Barbell olympic lifts are raised to at least 3 and stretches capped at 3 by rule.
# ---------------------------------------------------------------------------
LEVEL_OVERRIDES: dict[str, int] = {
    # A front squat is an intermediate lift, not an expert one.
    "Front Barbell Squat": 3,
    "Front Barbell Squat To A Bench": 3,
    # Squatting to a bench is the teaching version of the back squat.
    "Barbell Squat To A Bench": 1,
    # Accommodating resistance changes the set-up, not the skill.
    "Box Squat with Bands": 3,
    "Box Squat with Chains": 3,
    "Bench Press with Chains": 3,
    "Deadlift with Bands": 3,
    "Deadlift with Chains": 3,
    "Reverse Band Deadlift": 3,
    "Reverse Band Power Squat": 3,
    "Reverse Band Sumo Deadlift": 3,
    "Speed Squats": 3,
    # Intermediate strength moves labelled expert upstream.
    "Weighted Sissy Squat": 3,
    "Zercher Squats": 4,
    "Alternating Renegade Row": 3,
    "Mixed Grip Chin": 3,
    "Press Sit-Up": 3,
    "One-Arm Side Deadlift": 3,
    "Hanging Leg Raise": 3,
    "Hanging Pike": 4,
    "Kettlebell Pistol Squat": 4,
    "Atlas Stones": 4,
    # The kneeling rollout is the regression of the standing one.
    "Barbell Ab Rollout - On Knees": 2,
    "Barbell Ab Rollout": 4,
    # Push press is an intermediate overhead lift; jerks stay harder.
    "Push Press": 3,
    "Power Jerk": 4,
    "Hang Snatch": 4,
    "Hang Snatch - Below Knees": 4,
    "Power Snatch": 4,
    "Snatch from Blocks": 4,
    "Overhead Squat": 4,
    # A strict, unassisted muscle-up is advanced.
    "Muscle Up": 5,
    "Kipping Muscle Up": 4,
    # A wall handstand push-up is hard but not elite.
    "Handstand Push-Ups": 4,
    # Decline (feet elevated) is harder than the floor push-up.
    "Decline Push-Up": 2,
    "Push-Ups With Feet Elevated": 2,
    # Parallel-bar and ring dips need more than bench dips.
    "Parallel Bar Dip": 3,
    "Ring Dips": 4,
    "Weighted Pull Ups": 4,
    "One Arm Chin-Up": 5,
    "Single-Arm Push-Up": 4,
    "Split Squats": 1,
    "Kneeling Jump Squat": 3,
    "Plyo Kettlebell Pushups": 4,
    "Double Kettlebell Snatch": 4,
    "One-Arm Kettlebell Snatch": 3,
    "One-Arm Kettlebell Split Snatch": 4,
    "Open Palm Kettlebell Clean": 3,
    "One-Arm Overhead Kettlebell Squats": 4,
    # The full lifts sit above their power and hang variants.
    "Snatch": 4,
    "Split Jerk": 4,
    # Single-unders are a beginner skill; double-unders are the intermediate one.
    "Rope Jumping": 1,
}

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
    ("Swimming", "cardio", [], "lats", ["shoulders", "chest", "triceps", "quadriceps"], 2, "CARDIO", [], T, F, "", ""),
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


# ---------------------------------------------------------------------------
# The movement graph (seeds 003, session 11). PROGRESSION points easier → harder;
# ANTAGONIST and EQUIVALENT are symmetric, stored once.
# ---------------------------------------------------------------------------
PROGRESSIONS: list[tuple[str, str]] = [
    # Horizontal push (bodyweight)
    ("Knee Push-Up", "Pushups"),
    ("Incline Push-Up", "Pushups"),
    ("Pushups", "Decline Push-Up"),
    ("Decline Push-Up", "Single-Arm Push-Up"),
    ("Pushups", "Plyo Push-up"),
    ("Bench Dips", "Parallel Bar Dip"),
    ("Parallel Bar Dip", "Ring Dips"),
    # Vertical push (bodyweight)
    ("Pike Push-Up", "Handstand Push-Ups"),
    # Vertical pull
    ("Dead Hang", "Scapular Pull-Up"),
    ("Scapular Pull-Up", "Band Assisted Pull-Up"),
    ("Band Assisted Pull-Up", "Pullups"),
    ("Wide-Grip Lat Pulldown", "Pullups"),
    ("Underhand Cable Pulldowns", "Chin-Up"),
    ("Inverted Row", "Pullups"),
    ("Pullups", "Weighted Pull Ups"),
    ("Pullups", "Muscle Up"),
    ("Chin-Up", "One Arm Chin-Up"),
    # Squat
    ("Bodyweight Squat", "Goblet Squat"),
    ("Goblet Squat", "Barbell Squat"),
    ("Barbell Squat To A Bench", "Barbell Squat"),
    ("Barbell Squat", "Front Barbell Squat"),
    ("Front Barbell Squat", "Overhead Squat"),
    ("Wall Sit", "Bodyweight Squat"),
    # Lunge
    ("Bodyweight Walking Lunge", "Dumbbell Lunges"),
    ("Dumbbell Lunges", "Barbell Walking Lunge"),
    ("Bodyweight Step-Up", "Dumbbell Step Ups"),
    ("Dumbbell Step Ups", "Barbell Step Ups"),
    # Hinge
    ("Butt Lift (Bridge)", "Single Leg Glute Bridge"),
    ("Butt Lift (Bridge)", "Barbell Glute Bridge"),
    ("Barbell Glute Bridge", "Barbell Hip Thrust"),
    ("Dumbbell Romanian Deadlift", "Romanian Deadlift"),
    ("Romanian Deadlift", "Barbell Deadlift"),
    ("Trap Bar Deadlift", "Barbell Deadlift"),
    ("Barbell Deadlift", "Deficit Deadlift"),
    ("Kettlebell Swing", "One-Arm Kettlebell Swings"),
    # Core
    ("Plank", "Barbell Ab Rollout - On Knees"),
    ("Barbell Ab Rollout - On Knees", "Barbell Ab Rollout"),
    ("Hollow Body Hold", "L-Sit Hold"),
    ("Knee/Hip Raise On Parallel Bars", "Hanging Leg Raise"),
    ("Hanging Leg Raise", "Toes-to-Bar"),
    # Olympic
    ("Hang Clean", "Clean"),
    ("Power Clean", "Clean"),
    ("Muscle Snatch", "Power Snatch"),
    ("Hang Snatch", "Snatch"),
    ("Power Snatch", "Snatch"),
    ("Push Press", "Power Jerk"),
    ("Power Jerk", "Split Jerk"),
    # Plyometric and conditioning
    ("Front Box Jump", "Box Jump (Multiple Response)"),
    ("Box Jump (Multiple Response)", "Linear Depth Jump"),
    ("Rope Jumping", "Double-Unders"),
]

EQUIVALENTS: list[tuple[str, str]] = [
    ("Barbell Bench Press - Medium Grip", "Dumbbell Bench Press"),
    ("Barbell Incline Bench Press - Medium Grip", "Incline Dumbbell Press"),
    ("Barbell Bench Press - Medium Grip", "Machine Bench Press"),
    ("Leg Press", "Hack Squat"),
    ("Barbell Squat", "Barbell Full Squat"),
    ("Barbell Squat", "Smith Machine Squat"),
    ("Standing Military Press", "Dumbbell Shoulder Press"),
    ("Dumbbell Shoulder Press", "Machine Shoulder (Military) Press"),
    ("Bent Over Barbell Row", "Bent Over Two-Dumbbell Row"),
    ("One-Arm Dumbbell Row", "One-Arm Kettlebell Row"),
    ("Seated Cable Rows", "Leverage Iso Row"),
    ("Wide-Grip Lat Pulldown", "Full Range-Of-Motion Lat Pulldown"),
    ("Romanian Deadlift", "Stiff-Legged Barbell Deadlift"),
    ("Barbell Deadlift", "Sumo Deadlift"),
    ("Barbell Curl", "EZ-Bar Curl"),
    ("Barbell Curl", "Dumbbell Bicep Curl"),
    ("Triceps Pushdown", "Triceps Pushdown - Rope Attachment"),
    ("Lying Leg Curls", "Seated Leg Curl"),
    ("Standing Calf Raises", "Standing Dumbbell Calf Raise"),
    ("Side Lateral Raise", "Cable Seated Lateral Raise"),
    ("Dumbbell Flyes", "Butterfly"),
    ("Barbell Shrug", "Dumbbell Shrug"),
    ("Easy Run", "Running, Treadmill"),
    ("Fan Bike", "Bicycling, Stationary"),
    ("Rowing, Stationary", "Ski Erg"),
    ("Burpee", "Man Maker"),
]

ANTAGONISTS: list[tuple[str, str]] = [
    ("Barbell Bench Press - Medium Grip", "Bent Over Barbell Row"),
    ("Dumbbell Bench Press", "One-Arm Dumbbell Row"),
    ("Barbell Incline Bench Press - Medium Grip", "Seated Cable Rows"),
    ("Pushups", "Inverted Row"),
    ("Standing Military Press", "Pullups"),
    ("Dumbbell Shoulder Press", "Wide-Grip Lat Pulldown"),
    ("Parallel Bar Dip", "Chin-Up"),
    ("Leg Extensions", "Lying Leg Curls"),
    ("Barbell Curl", "Lying Triceps Press"),
    ("Dumbbell Bicep Curl", "Triceps Pushdown"),
    ("Hammer Curls", "Standing Dumbbell Triceps Extension"),
    ("Dumbbell Flyes", "Reverse Flyes"),
    ("Thigh Abductor", "Thigh Adductor"),
    ("Crunches", "Hyperextensions (Back Extensions)"),
    ("Palms-Up Barbell Wrist Curl Over A Bench", "Palms-Down Wrist Curl Over A Bench"),
    ("Front Dumbbell Raise", "Dumbbell Lying Rear Lateral Raise"),
]


# ---------------------------------------------------------------------------
# Tiers (issue 10): how readily a coach programs a movement. Reviewed by name for
# every lifting pattern; the rest of the library falls to the rules of
# ``importer.derive_tier`` (documented there). Tiers are Movement.Tier values.
#
# STAPLE     the lifts a coach programs every week: squat, bench, deadlift and
#            their main variations, rows, pull-ups/pulldowns, overhead press,
#            lunges/split squats, hip thrusts, everyday machine, cable and
#            isolation work.
# COMMON     sound variations any gym-goer knows (angles, grips, implements).
# SPECIALTY  accommodating resistance, strongman, Olympic lifts, rare set-ups,
#            advanced calisthenics: right for an athlete who asks for them.
# NOVELTY    oddities a coach would not write into a plan unprompted.
# ---------------------------------------------------------------------------
TIER_STAPLE: frozenset[str] = frozenset({
    # squat
    "Barbell Squat", "Barbell Full Squat", "Front Barbell Squat", "Goblet Squat",
    "Leg Press", "Hack Squat", "Dumbbell Squat", "Smith Machine Squat",
    # hinge
    "Barbell Deadlift", "Romanian Deadlift", "Sumo Deadlift", "Trap Bar Deadlift",
    "Dumbbell Romanian Deadlift", "Stiff-Legged Barbell Deadlift",
    "Stiff-Legged Dumbbell Deadlift", "Barbell Hip Thrust", "Barbell Glute Bridge",
    "Hyperextensions (Back Extensions)", "Kettlebell Swing", "Good Morning",
    # lunge
    "Barbell Walking Lunge", "Barbell Lunge", "Dumbbell Lunges", "Dumbbell Rear Lunge",
    "Split Squat with Dumbbells", "Split Squats", "Dumbbell Step Ups",
    "One Leg Barbell Squat",
    # horizontal push
    "Barbell Bench Press - Medium Grip", "Barbell Incline Bench Press - Medium Grip",
    "Dumbbell Bench Press", "Incline Dumbbell Press", "Machine Bench Press",
    "Leverage Chest Press", "Pushups", "Dips - Chest Version", "Parallel Bar Dip",
    "Close-Grip Barbell Bench Press",
    # horizontal pull
    "Bent Over Barbell Row", "One-Arm Dumbbell Row", "Seated Cable Rows",
    "Bent Over Two-Dumbbell Row", "T-Bar Row with Handle", "Inverted Row", "Face Pull",
    "Dumbbell Incline Row",
    # vertical push
    "Standing Military Press", "Barbell Shoulder Press", "Dumbbell Shoulder Press",
    "Seated Dumbbell Press", "Machine Shoulder (Military) Press", "Standing Dumbbell Press",
    "Seated Barbell Military Press",
    # vertical pull
    "Pullups", "Chin-Up", "Wide-Grip Lat Pulldown", "Close-Grip Front Lat Pulldown",
    "Underhand Cable Pulldowns",
    "Full Range-Of-Motion Lat Pulldown", "V-Bar Pulldown",
    # carry
    "Farmer's Walk", "Suitcase Carry",
    # isolation
    "Barbell Curl", "Dumbbell Bicep Curl", "Hammer Curls", "EZ-Bar Curl", "Preacher Curl",
    "Triceps Pushdown", "Triceps Pushdown - Rope Attachment", "Lying Triceps Press",
    "EZ-Bar Skullcrusher", "Cable Rope Overhead Triceps Extension", "Side Lateral Raise",
    "Cable Seated Lateral Raise", "Reverse Flyes", "Cable Rear Delt Fly", "Dumbbell Flyes",
    "Incline Dumbbell Flyes", "Cable Crossover", "Butterfly", "Leg Extensions",
    "Lying Leg Curls", "Seated Leg Curl", "Standing Calf Raises", "Seated Calf Raise",
    "Barbell Shrug", "Dumbbell Shrug",
    # core
    "Plank", "Hanging Leg Raise", "Cable Crunch", "Ab Roller", "Pallof Press", "Dead Bug",
    "Crunches", "Side Bridge",
})  # fmt: skip

TIER_COMMON: frozenset[str] = frozenset({
    # Bodyweight and assisted versions of the staples: the regressions a coach
    # uses when the loaded lift is out of reach, not an expert's main lift.
    "Band Assisted Pull-Up", "Bodyweight Squat", "Bodyweight Walking Lunge",
    # squat
    "Barbell Squat To A Bench", "Box Squat", "Front Squat (Clean Grip)",
    "Dumbbell Squat To A Bench", "Front Squats With Two Kettlebells", "Narrow Stance Leg Press",
    "Narrow Stance Hack Squats", "Wide Stance Barbell Squat", "Smith Machine Leg Press",
    "Wall Sit", "Plie Dumbbell Squat", "Front Barbell Squat To A Bench", "Olympic Squat",
    "Narrow Stance Squats",
    # hinge
    "Deficit Deadlift", "Rack Pulls", "Romanian Deadlift from Deficit",
    "Single Leg Glute Bridge", "Butt Lift (Bridge)", "Glute Ham Raise",
    "Natural Glute Ham Raise", "Reverse Hyperextension", "One-Arm Kettlebell Swings",
    "Pull Through", "Kettlebell One-Legged Deadlift", "Smith Machine Stiff-Legged Deadlift",
    "Physioball Hip Bridge", "Hyperextensions With No Hyperextension Bench",
    # lunge
    "Barbell Step Ups", "Bodyweight Step-Up", "Elevated Back Lunge",
    "Smith Single-Leg Split Squat", "Step-up with Knee Raise",
    # horizontal push
    "Decline Barbell Bench Press", "Decline Dumbbell Bench Press",
    "Dumbbell Bench Press with Neutral Grip", "Hammer Grip Incline DB Bench Press",
    "Incline Dumbbell Bench With Palms Facing In", "Close-Grip Dumbbell Press",
    "Dumbbell Floor Press", "Floor Press", "Cable Chest Press", "Incline Cable Chest Press",
    "Leverage Incline Chest Press", "Leverage Decline Chest Press", "Smith Machine Bench Press",
    "Smith Machine Incline Bench Press", "Dips - Triceps Version", "Bench Dips", "Dip Machine",
    "Push-Up Wide", "Push-Ups - Close Triceps Position", "Push-Ups With Feet Elevated",
    "Decline Push-Up", "Incline Push-Up", "Knee Push-Up", "Wide-Grip Barbell Bench Press",
    "Bench Press - Powerlifting", "Standing Cable Chest Press", "One Arm Dumbbell Bench Press",
    "Weighted Bench Dip",
    # horizontal pull ("Leverage Iso Row" is the plate-loaded iso-lateral row, a
    # fixture of commercial gyms; the staple rows still outrank it)
    "Bent Over Two-Dumbbell Row With Palms In", "Reverse Grip Bent-Over Rows",
    "Seated One-arm Cable Pulley Rows", "Leverage High Row", "Leverage Iso Row",
    "Lying T-Bar Row", "Smith Machine Bent Over Row", "Two-Arm Kettlebell Row",
    "One-Arm Kettlebell Row", "Bent Over One-Arm Long Bar Row", "Elevated Cable Rows",
    "Cable Rope Rear-Delt Rows", "Incline Bench Pull",
    # vertical push
    "Arnold Dumbbell Press", "Standing Palms-In Dumbbell Press",
    "Dumbbell One-Arm Shoulder Press", "Leverage Shoulder Press",
    "Smith Machine Overhead Shoulder Press", "Cable Shoulder Press",
    "Seated Cable Shoulder Press", "Push Press", "Two-Arm Kettlebell Military Press",
    "Pike Push-Up", "Standing Alternating Dumbbell Press",
    # vertical pull
    "Mixed Grip Chin", "One Arm Lat Pulldown", "V-Bar Pullup", "Weighted Pull Ups",
    "Scapular Pull-Up", "Dead Hang",
    # isolation: arms
    "Alternate Hammer Curl", "Alternate Incline Dumbbell Curl", "Incline Dumbbell Curl",
    "Concentration Curls", "Cable Hammer Curls - Rope Attachment", "Cable Preacher Curl",
    "Close-Grip EZ Bar Curl", "Dumbbell Alternate Bicep Curl", "Machine Bicep Curl",
    "Machine Preacher Curls", "Spider Curl", "Standing Biceps Cable Curl",
    "Reverse Barbell Curl", "Zottman Curl", "Seated Dumbbell Curl",
    "Two-Arm Dumbbell Preacher Curl", "One Arm Dumbbell Preacher Curl",
    "Wide-Grip Standing Barbell Curl", "Close-Grip Standing Barbell Curl",
    "Overhead Cable Curl", "High Cable Curls", "Standing One-Arm Cable Curl",
    "Cross Body Hammer Curl", "Incline Hammer Curls", "Standing Dumbbell Reverse Curl",
    "Triceps Pushdown - V-Bar Attachment", "Reverse Grip Triceps Pushdown",
    "Triceps Overhead Extension with Rope", "Standing Dumbbell Triceps Extension",
    "Lying Dumbbell Tricep Extension", "Tricep Dumbbell Kickback",
    "Machine Triceps Extension", "Cable One Arm Tricep Extension",
    "Kneeling Cable Triceps Extension", "Seated Triceps Press",
    "Dumbbell One-Arm Triceps Extension", "Standing Overhead Barbell Triceps Extension",
    "Cable Lying Triceps Extension", "Decline EZ Bar Triceps Extension",
    "Low Cable Triceps Extension", "Standing One-Arm Dumbbell Triceps Extension",
    # isolation: shoulders
    "Front Dumbbell Raise", "Front Cable Raise", "Front Plate Raise", "One-Arm Side Laterals",
    "Seated Side Lateral Raise", "Lying Rear Delt Raise", "Seated Bent-Over Rear Delt Raise",
    "Reverse Machine Flyes", "Bent Over Low-Pulley Side Lateral",
    "Dumbbell Lying Rear Lateral Raise", "External Rotation with Cable",
    "External Rotation with Band", "External Rotation", "Band Pull Apart",
    "Upright Cable Row", "Upright Barbell Row", "Standing Dumbbell Upright Row",
    "Dumbbell Scaption", "Lateral Raise - With Bands", "Cable Internal Rotation",
    # isolation: chest and back
    "Flat Bench Cable Flyes", "Incline Cable Flye", "Low Cable Crossover",
    "Single-Arm Cable Crossover", "Decline Dumbbell Flyes", "Straight-Arm Dumbbell Pullover",
    "Bent-Arm Dumbbell Pullover", "Straight-Arm Pulldown", "Rope Straight-Arm Pulldown",
    "Leverage Shrug", "Cable Shrugs",
    # isolation: legs
    "Single-Leg Leg Extension", "Standing Leg Curl", "Ball Leg Curl",
    "Calf Press On The Leg Press Machine", "Calf Press", "Standing Dumbbell Calf Raise",
    "Smith Machine Calf Raise", "Standing Barbell Calf Raise",
    "Dumbbell Seated One-Leg Calf Raise", "Donkey Calf Raises", "Thigh Abductor",
    "Thigh Adductor", "Cable Hip Adduction", "One-Legged Cable Kickback", "Glute Kickback",
    "Monster Walk", "Band Hip Adductions",
    # isolation: forearms
    "Palms-Up Barbell Wrist Curl Over A Bench", "Palms-Down Wrist Curl Over A Bench",
    "Seated Dumbbell Palms-Up Wrist Curl", "Seated Dumbbell Palms-Down Wrist Curl",
    "Wrist Roller",
    # core
    "Ab Crunch Machine", "Barbell Ab Rollout - On Knees", "Barbell Ab Rollout", "Bird Dog",
    "Cable Reverse Crunch", "Crunch - Hands Overhead", "Decline Crunch",
    "Decline Reverse Crunch", "Dumbbell Side Bend", "Exercise Ball Crunch",
    "Exercise Ball Pull-In", "Flat Bench Lying Leg Raise", "Hollow Body Hold",
    "Knee/Hip Raise On Parallel Bars", "Oblique Crunches - On The Floor",
    "Pallof Press With Rotation", "Reverse Crunch", "Rope Crunch", "Russian Twist",
    "Sit-Up", "Standing Cable Wood Chop", "Toes-to-Bar", "L-Sit Hold", "Air Bike",
    "Cross-Body Crunch", "Leg Pull-In", "Weighted Crunches", "Standing Cable Lift",
    "Bent-Knee Hip Raise", "Flutter Kicks", "Elbow to Knee", "Tuck Crunch",
    "Jackknife Sit-Up", "Alternate Heel Touchers", "Plate Twist", "3/4 Sit-Up",
    "Cable Russian Twists", "Oblique Crunches",
})  # fmt: skip

TIER_NOVELTY: frozenset[str] = frozenset({
    # A coach would dispute these as programmed lifts (issue 10's examples first).
    "Bent Press", "Kneeling Squat", "Cable Deadlifts", "Frankenstein Squat",
    "Jefferson Squats", "Anti-Gravity Press", "Barbell Guillotine Bench Press",
    "Neck Press", "Gorilla Chin/Crunch", "Cable Judo Flip", "Kettlebell Pirate Ships",
    "Butt-Ups", "Around The Worlds", "Iron Cross", "Cable Iron Cross", "Bodyweight Flyes",
    "Car Drivers", "Power Partials", "Isometric Chest Squeezes", "Body-Up",
    "Squat with Plate Movers", "Speed Band Overhead Triceps", "Front Raise And Pullover",
    "Lunge Sprint", "Isometric Wipers", "Clock Push-Up", "Leg-Over Floor Press",
    "Kettlebell Figure 8", "Standing Olympic Plate Hand Squeeze", "Finger Curls",
    "Wrist Rotations with Straight Bar", "Standing Towel Triceps Extension",
    "Middle Back Shrug", "Prone Manual Hamstring", "Rocking Standing Calf Raise",
    "Chair Squat", "Lying Face Down Plate Neck Resistance",
    "Lying Face Up Plate Neck Resistance", "Smith Incline Shoulder Raise",
    "Barbell Incline Shoulder Raise", "Wind Sprints", "Spider Crawl", "Crucifix",
    "Chain Handle Extension", "Sled Overhead Triceps Extension", "Sled Reverse Flye",
})  # fmt: skip

#: Lifts that need hands-on teaching before they are loaded (besides every
#: Olympic-pattern lift, which ``importer.derive_requires_coaching`` adds).
REQUIRES_COACHING: frozenset[str] = frozenset({
    "Overhead Squat", "Zercher Squats", "Muscle Up", "Kipping Muscle Up",
    "Kettlebell Turkish Get-Up (Lunge style)", "Kettlebell Turkish Get-Up (Squat style)",
    "Handstand Push-Ups", "Snatch Deadlift", "Clean Deadlift", "Atlas Stones", "Tire Flip",
    "Log Lift", "Push Press - Behind the Neck", "Standing Barbell Press Behind Neck",
    "Double Kettlebell Snatch", "One-Arm Kettlebell Snatch", "Bent Press",
})  # fmt: skip

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
