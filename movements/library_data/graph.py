"""The curated movement graph: progressions, equivalents and antagonists, by
exact movement name."""

from __future__ import annotations

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
