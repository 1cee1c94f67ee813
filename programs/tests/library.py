"""A compact, realistic movement library written with the ORM for DB tests.

Tests never load ``fixtures/movements.json`` (STYLE C15); this builds ~80 movements
covering every pattern, common equipment, timed work, stretches, cardio and
conditioning, enough for the engine to fill every session type.
"""

from __future__ import annotations

from django.utils.text import slugify

from movements.library_data import MUSCLE_REGIONS
from movements.models import Movement, MovementMuscle, Muscle, MuscleRole

#: The 17 muscle slugs and their regions, as the library ships them.
MUSCLES = MUSCLE_REGIONS

# name, pattern, mechanic, force, equipment, level, discipline, primary, secondary, tags, timed
C, ISO = "compound", "isolation"
MOVEMENTS: list[tuple] = [
    ("Barbell Back Squat", "squat", C, "push", ["barbell", "rack"], 1, "POWERLIFTING", ["quadriceps"], ["glutes", "hamstrings"], [], False),
    ("Front Squat", "squat", C, "push", ["barbell", "rack"], 3, "ALL", ["quadriceps"], ["glutes", "abdominals"], [], False),
    ("Goblet Squat", "squat", C, "push", ["dumbbell"], 1, "ALL", ["quadriceps"], ["glutes"], [], False),
    ("Leg Press", "squat", C, "push", ["machine"], 1, "BODYBUILDING", ["quadriceps"], ["glutes"], [], False),
    ("Bodyweight Squat", "squat", C, "push", [], 1, "CALISTHENICS", ["quadriceps"], ["glutes"], ["warmup_friendly"], False),
    ("Conventional Deadlift", "hinge", C, "pull", ["barbell"], 3, "POWERLIFTING", ["hamstrings"], ["glutes", "lower_back", "traps"], [], False),
    ("Romanian Deadlift", "hinge", C, "pull", ["barbell"], 2, "ALL", ["hamstrings"], ["glutes", "lower_back"], [], False),
    ("Dumbbell Romanian Deadlift", "hinge", C, "pull", ["dumbbell"], 1, "ALL", ["hamstrings"], ["glutes"], [], False),
    ("Barbell Hip Thrust", "hinge", C, "push", ["barbell", "bench"], 1, "BODYBUILDING", ["glutes"], ["hamstrings"], [], False),
    ("Kettlebell Swing", "hinge", C, "pull", ["kettlebell"], 2, "CROSSFIT", ["hamstrings"], ["glutes", "lower_back"], ["conditioning"], False),
    ("Glute Bridge", "hinge", C, "push", [], 1, "ALL", ["glutes"], ["hamstrings"], ["warmup_friendly"], False),
    ("Walking Lunge", "lunge", C, "push", ["dumbbell"], 1, "ALL", ["quadriceps"], ["glutes", "hamstrings"], [], False),
    ("Bulgarian Split Squat", "lunge", C, "push", ["dumbbell", "bench"], 2, "ALL", ["quadriceps"], ["glutes"], [], False),
    ("Reverse Lunge", "lunge", C, "push", [], 1, "CALISTHENICS", ["quadriceps"], ["glutes"], ["warmup_friendly"], False),
    ("Step-Up", "lunge", C, "push", ["box"], 1, "ALL", ["quadriceps"], ["glutes"], [], False),
    ("Barbell Bench Press", "horizontal_push", C, "push", ["barbell", "bench", "rack"], 1, "POWERLIFTING", ["chest"], ["triceps", "shoulders"], [], False),
    ("Dumbbell Bench Press", "horizontal_push", C, "push", ["dumbbell", "bench"], 1, "ALL", ["chest"], ["triceps", "shoulders"], [], False),
    ("Incline Dumbbell Press", "horizontal_push", C, "push", ["dumbbell", "bench"], 1, "BODYBUILDING", ["chest"], ["shoulders", "triceps"], [], False),
    ("Push-Up", "horizontal_push", C, "push", [], 1, "CALISTHENICS", ["chest"], ["triceps", "shoulders"], ["warmup_friendly"], False),
    ("Dips", "horizontal_push", C, "push", ["dip_station"], 2, "CALISTHENICS", ["triceps"], ["chest", "shoulders"], [], False),
    ("Barbell Row", "horizontal_pull", C, "pull", ["barbell"], 2, "ALL", ["middle_back"], ["lats", "biceps"], [], False),
    ("One-Arm Dumbbell Row", "horizontal_pull", C, "pull", ["dumbbell", "bench"], 1, "ALL", ["middle_back"], ["lats", "biceps"], [], False),
    ("Seated Cable Row", "horizontal_pull", C, "pull", ["cable"], 1, "BODYBUILDING", ["middle_back"], ["lats", "biceps"], [], False),
    ("Inverted Row", "horizontal_pull", C, "pull", ["pull_up_bar"], 1, "CALISTHENICS", ["middle_back"], ["biceps"], [], False),
    ("Standing Overhead Press", "vertical_push", C, "push", ["barbell", "rack"], 2, "ALL", ["shoulders"], ["triceps"], [], False),
    ("Seated Dumbbell Press", "vertical_push", C, "push", ["dumbbell", "bench"], 1, "ALL", ["shoulders"], ["triceps"], [], False),
    ("Pike Push-Up", "vertical_push", C, "push", [], 2, "CALISTHENICS", ["shoulders"], ["triceps"], [], False),
    ("Pull-Up", "vertical_pull", C, "pull", ["pull_up_bar"], 2, "CALISTHENICS", ["lats"], ["biceps", "middle_back"], [], False),
    ("Chin-Up", "vertical_pull", C, "pull", ["pull_up_bar"], 2, "CALISTHENICS", ["lats"], ["biceps"], [], False),
    ("Lat Pulldown", "vertical_pull", C, "pull", ["cable"], 1, "BODYBUILDING", ["lats"], ["biceps"], [], False),
    ("Band Pulldown", "vertical_pull", C, "pull", ["bands"], 1, "ALL", ["lats"], ["biceps"], [], False),
    ("Farmer's Walk", "carry", C, "", ["dumbbell"], 1, "STRONGMAN", ["forearms"], ["traps", "abdominals"], [], True),
    ("Suitcase Carry", "carry", C, "", ["kettlebell"], 1, "ALL", ["abdominals"], ["forearms"], [], True),
    ("Plank", "core", ISO, "static", [], 1, "ALL", ["abdominals"], [], [], True),
    ("Side Plank", "core", ISO, "static", [], 1, "ALL", ["abdominals"], [], [], True),
    ("Hanging Leg Raise", "core", ISO, "pull", ["pull_up_bar"], 2, "CALISTHENICS", ["abdominals"], [], [], False),
    ("Cable Crunch", "core", ISO, "pull", ["cable"], 1, "BODYBUILDING", ["abdominals"], [], [], False),
    ("Dead Bug", "core", ISO, "static", [], 1, "ALL", ["abdominals"], [], ["warmup_friendly"], False),
    ("Barbell Curl", "isolation", ISO, "pull", ["barbell"], 1, "BODYBUILDING", ["biceps"], ["forearms"], [], False),
    ("Dumbbell Curl", "isolation", ISO, "pull", ["dumbbell"], 1, "BODYBUILDING", ["biceps"], ["forearms"], [], False),
    ("Hammer Curl", "isolation", ISO, "pull", ["dumbbell"], 1, "BODYBUILDING", ["biceps"], ["forearms"], [], False),
    ("Triceps Pushdown", "isolation", ISO, "push", ["cable"], 1, "BODYBUILDING", ["triceps"], [], [], False),
    ("Overhead Triceps Extension", "isolation", ISO, "push", ["dumbbell"], 1, "BODYBUILDING", ["triceps"], [], [], False),
    ("Lateral Raise", "isolation", ISO, "push", ["dumbbell"], 1, "BODYBUILDING", ["shoulders"], [], [], False),
    ("Face Pull", "isolation", ISO, "pull", ["cable"], 1, "BODYBUILDING", ["shoulders"], ["traps"], [], False),
    ("Leg Extension", "isolation", ISO, "push", ["machine"], 1, "BODYBUILDING", ["quadriceps"], [], [], False),
    ("Lying Leg Curl", "isolation", ISO, "pull", ["machine"], 1, "BODYBUILDING", ["hamstrings"], [], [], False),
    ("Standing Calf Raise", "isolation", ISO, "push", ["machine"], 1, "BODYBUILDING", ["calves"], [], [], False),
    ("Dumbbell Fly", "isolation", ISO, "push", ["dumbbell", "bench"], 1, "BODYBUILDING", ["chest"], ["shoulders"], [], False),
    ("Dumbbell Shrug", "isolation", ISO, "pull", ["dumbbell"], 1, "BODYBUILDING", ["traps"], [], [], False),
    ("Power Clean", "olympic", C, "pull", ["barbell"], 4, "OLYMPIC_LIFTING", ["hamstrings"], ["quadriceps", "traps", "glutes"], [], False),
    ("Box Jump", "plyometric", C, "push", ["box"], 2, "ALL", ["quadriceps"], ["glutes", "calves"], ["plyometric"], False),
    ("Jump Squat", "plyometric", C, "push", [], 1, "ALL", ["quadriceps"], ["glutes", "calves"], ["plyometric"], False),
    ("Burpee", "conditioning", C, "push", [], 1, "CROSSFIT", ["quadriceps"], ["chest", "shoulders"], ["conditioning"], True),
    ("Wall Ball", "conditioning", C, "push", ["medicine_ball"], 1, "CROSSFIT", ["quadriceps"], ["shoulders", "glutes"], ["conditioning"], True),
    ("Battle Rope Waves", "conditioning", C, "push", ["battle_ropes"], 1, "CROSSFIT", ["shoulders"], ["abdominals"], ["conditioning"], True),
    ("Sled Push", "conditioning", C, "push", ["sled"], 1, "CROSSFIT", ["quadriceps"], ["glutes", "calves"], ["conditioning"], True),
    ("Mountain Climbers", "conditioning", C, "push", [], 1, "CROSSFIT", ["abdominals"], ["quadriceps", "shoulders"], ["conditioning"], True),
    ("Kettlebell Thruster", "conditioning", C, "push", ["kettlebell"], 2, "CROSSFIT", ["quadriceps"], ["shoulders"], ["conditioning"], True),
    ("Jumping Jacks", "conditioning", C, "push", [], 1, "CROSSFIT", ["calves"], ["shoulders"], ["conditioning", "warmup_friendly"], True),
    ("Medicine Ball Slam", "conditioning", C, "pull", ["medicine_ball"], 1, "CROSSFIT", ["lats"], ["abdominals"], ["conditioning"], True),
    ("Rowing Machine", "cardio", C, "pull", ["rower"], 1, "CARDIO", ["middle_back"], ["quadriceps", "hamstrings"], ["low_impact", "rowing"], True),
    ("Stationary Bike", "cardio", C, "push", ["bike"], 1, "CARDIO", ["quadriceps"], ["hamstrings", "calves"], ["low_impact", "cycling"], True),
    ("Outdoor Run", "cardio", C, "push", [], 1, "CARDIO", ["quadriceps"], ["hamstrings", "calves"], ["running"], True),
    ("Treadmill Run", "cardio", C, "push", ["treadmill"], 1, "CARDIO", ["quadriceps"], ["hamstrings", "calves"], ["running"], True),
    ("Brisk Walk", "cardio", C, "push", [], 1, "CARDIO", ["quadriceps"], ["calves"], ["low_impact", "walking"], True),
    ("Jump Rope", "cardio", C, "push", ["jump_rope"], 1, "CARDIO", ["calves"], ["quadriceps"], ["warmup_friendly"], True),
    ("World's Greatest Stretch", "mobility", C, "static", [], 1, "MOBILITY", ["hamstrings"], ["glutes", "adductors"], ["warmup_friendly", "stretch"], True),
    ("Cat-Cow", "mobility", C, "static", [], 1, "MOBILITY", ["lower_back"], ["abdominals"], ["warmup_friendly", "stretch"], True),
    ("Leg Swings", "mobility", C, "static", [], 1, "MOBILITY", ["hamstrings"], ["adductors"], ["warmup_friendly"], True),
    ("Arm Circles", "mobility", C, "static", [], 1, "MOBILITY", ["shoulders"], [], ["warmup_friendly"], True),
    ("Band Pull-Apart", "mobility", C, "pull", ["bands"], 1, "MOBILITY", ["shoulders"], ["traps"], ["warmup_friendly"], False),
    ("Hip Circles", "mobility", C, "static", [], 1, "MOBILITY", ["glutes"], ["adductors"], ["warmup_friendly"], True),
    ("Standing Hamstring Stretch", "mobility", ISO, "static", [], 1, "MOBILITY", ["hamstrings"], [], ["stretch", "cooldown_friendly"], True),
    ("Quad Stretch", "mobility", ISO, "static", [], 1, "MOBILITY", ["quadriceps"], [], ["stretch", "cooldown_friendly"], True),
    ("Chest Doorway Stretch", "mobility", ISO, "static", [], 1, "MOBILITY", ["chest"], ["shoulders"], ["stretch", "cooldown_friendly"], True),
    ("Child's Pose", "mobility", ISO, "static", [], 1, "MOBILITY", ["lats"], ["lower_back"], ["stretch", "cooldown_friendly"], True),
    ("Pigeon Pose", "mobility", ISO, "static", [], 1, "MOBILITY", ["glutes"], ["hamstrings"], ["stretch", "cooldown_friendly"], True),
    ("Cross-Body Shoulder Stretch", "mobility", ISO, "static", [], 1, "MOBILITY", ["shoulders"], ["traps"], ["stretch", "cooldown_friendly"], True),
    ("Calf Stretch", "mobility", ISO, "static", [], 1, "MOBILITY", ["calves"], [], ["stretch", "cooldown_friendly"], True),
    ("Triceps Stretch", "mobility", ISO, "static", [], 1, "MOBILITY", ["triceps"], ["lats"], ["stretch", "cooldown_friendly"], True),
    ("Foam Roll Quads", "mobility", ISO, "static", ["foam_roller"], 1, "MOBILITY", ["quadriceps"], [], ["foam_roll", "cooldown_friendly"], True),
]  # fmt: skip


def build_library() -> dict[str, Movement]:
    """Write the test library (muscles, movements, muscle links); return
    ``{name: Movement}``. Idempotent within a test database."""
    muscles = {
        m.slug: m
        for m in Muscle.objects.bulk_create(
            [
                Muscle(slug=slug, name=slug.replace("_", " ").title(), region=region)
                for slug, region in MUSCLES.items()
            ],
            ignore_conflicts=True,
        )
    }
    muscles = {m.slug: m for m in Muscle.objects.all()}
    movements = Movement.objects.bulk_create(
        [
            Movement(
                name=name,
                slug=slugify(name),
                pattern=pattern,
                mechanic=mechanic,
                force=force,
                equipment=equipment,
                level=level,
                primary_discipline=discipline,
                tags=tags,
                is_timed=timed,
                is_unilateral=any(
                    k in name for k in ("One-Arm", "Lunge", "Split", "Step")
                ),
            )
            for (
                name,
                pattern,
                mechanic,
                force,
                equipment,
                level,
                discipline,
                _p,
                _s,
                tags,
                timed,
            ) in MOVEMENTS
        ]
    )
    by_name = {m.name: Movement.objects.get(name=m.name) for m in movements}
    links = []
    for name, *_rest in MOVEMENTS:
        row = next(r for r in MOVEMENTS if r[0] == name)
        for slug in row[7]:
            links.append(
                MovementMuscle(
                    movement=by_name[name],
                    muscle=muscles[slug],
                    role=MuscleRole.PRIMARY,
                )
            )
        for slug in row[8]:
            links.append(
                MovementMuscle(
                    movement=by_name[name],
                    muscle=muscles[slug],
                    role=MuscleRole.SECONDARY,
                )
            )
    MovementMuscle.objects.bulk_create(links)
    return by_name
