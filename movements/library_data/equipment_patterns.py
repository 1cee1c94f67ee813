"""Reviewed equipment, pattern and level corrections for what the keyword rules
in :mod:`movements.importer` get wrong. Patterns are ``MovementPattern`` values,
equipment ``Equipment`` values; names are exact free-exercise-db names."""

from __future__ import annotations

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
    # Skating needs skates and a rink or a path ("other" in the source).
    "Skating": ("skates",),
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
    # A back-loaded bar taken from the rack, kneeling (a hinge since issue 10, so
    # the squat rule no longer adds the rack).
    "Kneeling Squat": ("barbell", "rack"),
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
    # Balance work on a ball or board (not a stretch: issue 10's coach disputed a
    # balance board as cool-down and mobility-day work).
    "Downward Facing Balance": "core",
    "Balance Board": "core",
    # A hip extension from the knees (glutes primary upstream), not a squat: it
    # filled squat slots once the quadriceps were full (issue 10).
    "Kneeling Squat": "hinge",
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
