"""Tiers (issue 10) reviewed by name, and the lifts that need hands-on coaching."""

from __future__ import annotations

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
    # Needs a balance board (free-exercise-db: "other" kit), a proprioception toy
    # rather than programmed work (issue 10, coach's read).
    "Balance Board",
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
