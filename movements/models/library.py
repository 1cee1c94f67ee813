"""The movement library: the shared vocabulary (patterns, equipment, tiers,
muscles, disciplines), the movements with their muscle roles, and the movement
graph (progressions, regressions, alternatives).

Data comes from free-exercise-db (public domain, see ``shared/data``) through the
``import_movements`` command, plus a hand-written supplement of conditioning, cardio
and mobility staples. Vocabulary (patterns, equipment, muscles) is fixed here and
shared, as plain strings, with the pure engine in ``programs/generation``.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse


class MovementPattern(models.TextChoices):
    """Fundamental movement patterns (reference §11) plus the library's modalities."""

    SQUAT = "squat", "Squat"
    HINGE = "hinge", "Hinge"
    LUNGE = "lunge", "Lunge"
    HORIZONTAL_PUSH = "horizontal_push", "Horizontal push"
    HORIZONTAL_PULL = "horizontal_pull", "Horizontal pull"
    VERTICAL_PUSH = "vertical_push", "Vertical push"
    VERTICAL_PULL = "vertical_pull", "Vertical pull"
    CARRY = "carry", "Carry"
    CORE = "core", "Core"
    ISOLATION = "isolation", "Isolation"
    OLYMPIC = "olympic", "Olympic"
    CONDITIONING = "conditioning", "Conditioning"
    CARDIO = "cardio", "Cardio"
    MOBILITY = "mobility", "Mobility"
    PLYOMETRIC = "plyometric", "Plyometric"


class Mechanic(models.TextChoices):
    COMPOUND = "compound", "Compound (multi-joint)"
    ISOLATION = "isolation", "Isolation (single-joint)"


class Force(models.TextChoices):
    PUSH = "push", "Push"
    PULL = "pull", "Pull"
    STATIC = "static", "Static"


class Discipline(models.TextChoices):
    """A movement's primary discipline (seeds 003, session 10)."""

    ALL = "ALL", "All"
    BODYBUILDING = "BODYBUILDING", "Bodybuilding"
    POWERLIFTING = "POWERLIFTING", "Powerlifting"
    OLYMPIC_LIFTING = "OLYMPIC_LIFTING", "Olympic lifting"
    CROSSFIT = "CROSSFIT", "CrossFit-style conditioning"
    CALISTHENICS = "CALISTHENICS", "Calisthenics"
    STRONGMAN = "STRONGMAN", "Strongman"
    MOBILITY = "MOBILITY", "Mobility"
    CARDIO = "CARDIO", "Cardio"


class Equipment(models.TextChoices):
    """Normalised equipment. A movement needing none (bodyweight) has an empty set."""

    BARBELL = "barbell", "Barbell"
    RACK = "rack", "Squat rack"
    BENCH = "bench", "Bench"
    DUMBBELL = "dumbbell", "Dumbbells"
    KETTLEBELL = "kettlebell", "Kettlebells"
    EZ_BAR = "ez_bar", "EZ curl bar"
    TRAP_BAR = "trap_bar", "Trap bar"
    CABLE = "cable", "Cable station"
    MACHINE = "machine", "Machines"
    SMITH_MACHINE = "smith_machine", "Smith machine"
    BANDS = "bands", "Resistance bands"
    MEDICINE_BALL = "medicine_ball", "Medicine ball"
    EXERCISE_BALL = "exercise_ball", "Exercise ball"
    FOAM_ROLLER = "foam_roller", "Foam roller"
    PULL_UP_BAR = "pull_up_bar", "Pull-up bar"
    DIP_STATION = "dip_station", "Dip station / parallel bars"
    RINGS = "rings", "Gymnastic rings"
    BOX = "box", "Plyo box"
    SLED = "sled", "Sled / prowler"
    ROWER = "rower", "Rowing machine"
    BIKE = "bike", "Bike (air or stationary)"
    TREADMILL = "treadmill", "Treadmill"
    SKI_ERG = "ski_erg", "Ski erg"
    JUMP_ROPE = "jump_rope", "Jump rope"
    BATTLE_ROPES = "battle_ropes", "Battle ropes"
    SANDBAG = "sandbag", "Sandbag"
    PLATES = "plates", "Weight plates"
    LANDMINE = "landmine", "Landmine"
    SUSPENSION_TRAINER = "suspension_trainer", "Suspension trainer"
    STRONGMAN = "strongman", "Strongman implements"
    POOL = "pool", "Swimming pool"
    SKATES = "skates", "Skates (ice or inline)"


class Tier(models.TextChoices):
    """How readily a coach programs a movement (issue 10; the reviewed table is
    ``movements.library_data.TIER_*``). The engine prefers higher tiers by a
    documented weight (``programs.generation.heuristics.TIER_WEIGHTS``)."""

    STAPLE = "STAPLE", "Staple"
    COMMON = "COMMON", "Common"
    SPECIALTY = "SPECIALTY", "Specialty"
    NOVELTY = "NOVELTY", "Novelty"


class EquipmentPreset(models.TextChoices):
    """Named equipment sets an athlete can pick (contents: ``movements.equipment``)."""

    COMMERCIAL_GYM = "COMMERCIAL_GYM", "Commercial gym"
    HOME_BARBELL = "HOME_BARBELL", "Home gym: barbell and rack"
    DUMBBELLS_ONLY = "DUMBBELLS_ONLY", "Dumbbells only"
    BODYWEIGHT_ONLY = "BODYWEIGHT_ONLY", "Bodyweight only"
    CUSTOM = "CUSTOM", "My own list"


class MuscleRegion(models.TextChoices):
    UPPER = "upper", "Upper body"
    LOWER = "lower", "Lower body"
    CORE = "core", "Core"


class Muscle(models.Model):
    """One of the library's 17 muscle groups (free-exercise-db vocabulary).

    ``slug`` is the stable key the engine uses (``lower_back``, ``quadriceps``...).
    """

    slug = models.SlugField(max_length=32, unique=True)
    name = models.CharField(max_length=64)
    region = models.CharField(max_length=8, choices=MuscleRegion.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MovementQuerySet(models.QuerySet["Movement"]):
    def by_pattern(self, pattern: str) -> MovementQuerySet:
        return self.filter(pattern=pattern)


class Movement(models.Model):
    """A movement in the library (an *exercise* is a movement prescribed in a session).

    ``equipment`` is the normalised set (a JSON list of :class:`Equipment` values) of
    everything the movement needs; empty means bodyweight. ``level`` is skill on 1–5
    (free-exercise-db beginner=1, intermediate=3, expert=5, with overrides).
    ``is_timed`` movements are prescribed in seconds (holds, carries, cardio,
    stretches), the rest in reps. ``tier`` and ``requires_coaching`` are curated
    judgement (:class:`Tier`).
    """

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=140, unique=True)
    source_id = models.CharField(
        max_length=120,
        blank=True,
        help_text="free-exercise-db id, or empty for Alloy's own supplement.",
    )
    pattern = models.CharField(
        max_length=20, choices=MovementPattern.choices, db_index=True
    )
    mechanic = models.CharField(max_length=10, choices=Mechanic.choices, blank=True)
    force = models.CharField(max_length=8, choices=Force.choices, blank=True)
    equipment = models.JSONField(default=list, blank=True)
    level = models.PositiveSmallIntegerField(default=1)
    primary_discipline = models.CharField(
        max_length=16, choices=Discipline.choices, default=Discipline.ALL
    )
    category = models.CharField(
        max_length=32, blank=True, help_text="free-exercise-db category, kept as is."
    )
    tags = models.JSONField(default=list, blank=True)
    is_unilateral = models.BooleanField(default=False)
    is_timed = models.BooleanField(default=False)
    tier = models.CharField(
        max_length=10,
        choices=Tier.choices,
        default=Tier.COMMON,
        db_index=True,
        help_text="Staples first: specialty and novelty movements are picked only "
        "when preferred, demanded by the equipment, or nothing else fits.",
    )
    requires_coaching = models.BooleanField(
        default=False,
        help_text="Needs hands-on teaching before it is loaded (Olympic lifts...).",
    )
    muscles = models.ManyToManyField(
        Muscle, through="MovementMuscle", related_name="movements"
    )

    objects = MovementQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="movement_level_1_5"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:movements_movement_change", args=[self.pk])


class MuscleRole(models.TextChoices):
    PRIMARY = "PRIMARY", "Primary"
    SECONDARY = "SECONDARY", "Secondary"


class MovementMuscle(models.Model):
    """A muscle a movement trains, as prime mover (PRIMARY) or synergist (SECONDARY).

    Weekly volume counts a PRIMARY set as 1 and a SECONDARY set as 0.5 (fractional
    counting, Pelland et al. 2024; reference §0).
    """

    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="muscle_links"
    )
    muscle = models.ForeignKey(
        Muscle, on_delete=models.PROTECT, related_name="movement_links"
    )
    role = models.CharField(max_length=10, choices=MuscleRole.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "muscle"], name="movement_muscle_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.movement} → {self.muscle} ({self.role})"


class RelationshipType(models.TextChoices):
    PROGRESSION = "PROGRESSION", "Progression"
    REGRESSION = "REGRESSION", "Regression"
    ANTAGONIST = "ANTAGONIST", "Antagonist"
    EQUIVALENT = "EQUIVALENT", "Equivalent"


class MovementRelationship(models.Model):
    """A directed edge in the movement graph (seeds 003, session 11).

    PROGRESSION edges point easier → harder (``from`` is the easier movement), so a
    regression is found by walking PROGRESSION edges backwards; REGRESSION edges are
    kept for explicit staff curation. ANTAGONIST and EQUIVALENT are symmetric in
    meaning; one edge is enough.
    """

    from_movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="relationships_out"
    )
    to_movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="relationships_in"
    )
    relationship_type = models.CharField(
        max_length=12, choices=RelationshipType.choices
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["from_movement", "to_movement", "relationship_type"],
                name="movement_relationship_unique",
            ),
            models.CheckConstraint(
                condition=~Q(from_movement=models.F("to_movement")),
                name="movement_relationship_not_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_movement} -{self.relationship_type}-> {self.to_movement}"
