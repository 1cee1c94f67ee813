"""The movement library: movements, muscles, their roles and the movement graph;
activity definitions; and the athlete's side of the library: the equipment they
can use, their movement rules and the activities they enjoy.

Data comes from free-exercise-db (public domain, see ``shared/data``) through the
``import_movements`` command, plus a hand-written supplement of conditioning, cardio
and mobility staples. Vocabulary (patterns, equipment, muscles) is fixed here and
shared, as plain strings, with the pure engine in ``programs/generation``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from coach.models import TimeStampedModel
from movements import circuit_rules


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


class MovementRuleKind(models.TextChoices):
    """An athlete's rule about one movement (seeds 002, settings domain)."""

    HARD_NO = "HARD_NO", "Never program it"
    SUBSTITUTE = "SUBSTITUTE", "Substitute it"
    PREFER = "PREFER", "Prefer it"


# ---------------------------------------------------------------------------
# Activity definitions (reference data, curated in the admin)
# ---------------------------------------------------------------------------
class ActivityCategory(models.TextChoices):
    RUNNING = "RUNNING", "Running"
    CYCLING = "CYCLING", "Cycling"
    ROWING = "ROWING", "Rowing"
    SWIMMING = "SWIMMING", "Swimming"
    HIKING = "HIKING", "Hiking"
    WALKING = "WALKING", "Walking"
    TEAM_SPORT = "TEAM_SPORT", "Team sport"
    RACKET_SPORT = "RACKET_SPORT", "Racket sport"
    CLIMBING = "CLIMBING", "Climbing"
    YOGA = "YOGA", "Yoga"
    OTHER = "OTHER", "Other"


class Intensity(models.TextChoices):
    """Typical intensity (ACSM: light < 3 METs, moderate 3–6, vigorous > 6)."""

    LIGHT = "LIGHT", "Light"
    MODERATE = "MODERATE", "Moderate"
    VIGOROUS = "VIGOROUS", "Vigorous"


#: Categories whose lower-cased value is an activity the engine knows by name
#: (``programs.generation.optimizer.ACTIVITY_KEYWORDS``: running → run, jog,
#: treadmill…). Other definitions are matched by their lower-cased name.
ENGINE_ACTIVITY_CATEGORIES = frozenset(
    {
        ActivityCategory.RUNNING,
        ActivityCategory.CYCLING,
        ActivityCategory.ROWING,
        ActivityCategory.SWIMMING,
        ActivityCategory.HIKING,
        ActivityCategory.WALKING,
    }
)


class ActivityDefinitionManager(models.Manager["ActivityDefinition"]):
    def get_by_natural_key(self, slug: str) -> ActivityDefinition:
        return self.get(slug=slug)


class ActivityDefinition(models.Model):
    """A kind of activity outside the weight room (seeds 002 activities domain),
    from ``fixtures/activity_definitions.json`` (natural key: ``slug``).
    ``tracks_distance`` says whether a distance makes sense for it."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    category = models.CharField(max_length=12, choices=ActivityCategory.choices)
    intensity = models.CharField(
        max_length=8, choices=Intensity.choices, default=Intensity.MODERATE
    )
    tracks_distance = models.BooleanField(default=False)
    description = models.CharField(max_length=200, blank=True)

    objects = ActivityDefinitionManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def engine_activity(self) -> str:
        """The word the engine matches cardio movements against for this activity:
        the category for the cardio categories it knows ("cycling" for indoor
        cycling too), otherwise the lower-cased name ("jump rope", "yoga")."""
        if self.category in ENGINE_ACTIVITY_CATEGORIES:
            return self.category.lower()
        return self.name.lower()


# ---------------------------------------------------------------------------
# The athlete's equipment, movement rules and enjoyable activities
# ---------------------------------------------------------------------------
class AthleteEquipment(TimeStampedModel):
    """The equipment an athlete can use: a preset (``movements.equipment``) or a
    custom list of :class:`Equipment` values. ``equipment`` always holds the
    resolved list (bodyweight is always available and is not listed). No row
    means "never said": programs then assume a full commercial gym."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="athlete_equipment",
    )
    preset = models.CharField(max_length=16, choices=EquipmentPreset.choices)
    equipment = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name_plural = "athlete equipment"

    def __str__(self) -> str:
        return f"Equipment of {self.user}: {self.preset}"


class MovementRuleQuerySet(models.QuerySet["MovementRule"]):
    def for_user(self, user) -> MovementRuleQuerySet:
        """Only ``user``'s rules: the start of every ownership-scoped query."""
        return self.filter(user=user)


class MovementRule(TimeStampedModel):
    """An athlete's rule on one movement (seeds 002 UserMovementRule).

    HARD_NO: never programmed, in any block or week. SUBSTITUTE: whenever the
    optimizer would choose ``movement``, ``substitute_with`` is used instead.
    PREFER: a bounded bonus in selection (``preference_deviation_pct``). One rule
    per movement and athlete; ``substitute_with`` is set for SUBSTITUTE only and
    is never the movement itself.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="movement_rules",
    )
    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="athlete_rules"
    )
    rule = models.CharField(max_length=10, choices=MovementRuleKind.choices)
    substitute_with = models.ForeignKey(
        Movement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="substitute_in_rules",
    )

    objects = MovementRuleQuerySet.as_manager()

    class Meta:
        ordering = ["movement__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "movement"], name="movement_rule_one_per_movement"
            ),
            models.CheckConstraint(
                condition=(
                    Q(rule=MovementRuleKind.SUBSTITUTE, substitute_with__isnull=False)
                    | (
                        ~Q(rule=MovementRuleKind.SUBSTITUTE)
                        & Q(substitute_with__isnull=True)
                    )
                ),
                name="movement_rule_substitute_iff_substitute",
            ),
            models.CheckConstraint(
                condition=Q(substitute_with__isnull=True)
                | ~Q(substitute_with=models.F("movement")),
                name="movement_rule_not_self",
            ),
        ]

    def __str__(self) -> str:
        if self.rule == MovementRuleKind.SUBSTITUTE:
            return f"{self.movement} → {self.substitute_with}"
        return f"{self.get_rule_display()}: {self.movement}"

    def as_snapshot(self) -> dict:
        """The rule as a program snapshot stores it (ids only)."""
        return {
            "movement_id": self.movement_id,
            "rule": self.rule,
            "substitute_id": self.substitute_with_id,
        }


class EnjoyableActivityQuerySet(models.QuerySet["EnjoyableActivity"]):
    def for_user(self, user) -> EnjoyableActivityQuerySet:
        return self.filter(user=user)


class EnjoyableActivity(TimeStampedModel):
    """An activity the athlete enjoys (seeds 002 UserEnjoyableActivity): cardio
    days and interval finishers pick matching movements first."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enjoyable_activities",
    )
    definition = models.ForeignKey(
        ActivityDefinition, on_delete=models.CASCADE, related_name="enjoyed_by"
    )

    objects = EnjoyableActivityQuerySet.as_manager()

    class Meta:
        ordering = ["definition__name", "id"]
        verbose_name_plural = "enjoyable activities"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "definition"], name="enjoyable_activity_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} enjoys {self.definition}"


# ---------------------------------------------------------------------------
# Circuits (curated by staff; seeds 002 CircuitTemplate, 003 s12)
# ---------------------------------------------------------------------------
class CircuitType(models.TextChoices):
    """The format of a circuit (seeds 002 CircuitType)."""

    METCON = "METCON", "Metcon (for time)"
    EMOM = "EMOM", "EMOM (every minute on the minute)"
    AMRAP = "AMRAP", "AMRAP (as many rounds as possible)"
    TABATA = "TABATA", "Tabata intervals"
    COMPLEX = "COMPLEX", "Complex (one bar, no set-down)"
    CIRCUIT = "CIRCUIT", "Circuit (stations)"


class CircuitScoring(models.TextChoices):
    """What an athlete records after a circuit."""

    ROUNDS_REPS = "ROUNDS_REPS", "Rounds + reps"
    TIME = "TIME", "Time"
    LOAD = "LOAD", "Load"
    NONE = "NONE", "Not scored"


class CircuitQuerySet(models.QuerySet["Circuit"]):
    def with_movements(self) -> CircuitQuerySet:
        """Prefetch the ordered movements (and their movement rows): what
        :meth:`Circuit.estimated_seconds` and :meth:`Circuit.equipment` read."""
        return self.prefetch_related(
            models.Prefetch(
                "items",
                queryset=CircuitMovement.objects.select_related("movement").order_by(
                    "order", "pk"
                ),
            )
        )


class Circuit(TimeStampedModel):
    """A named workout of several movements in one format, curated by staff.

    The parameters a format needs (``movements.circuit_rules``):
    METCON (for time) ``rounds`` and ``time_cap_seconds``; AMRAP
    ``time_cap_seconds``; EMOM ``rounds`` = the count of intervals, each
    ``work_seconds`` long (60 s when unstated); TABATA ``rounds`` × ``work_seconds``
    / ``rest_seconds`` per movement (8 × 20 s / 10 s when unstated); COMPLEX
    ``rounds`` with ``rest_seconds`` between them; CIRCUIT ``rounds`` of stations,
    each ``work_seconds`` long if stated, ``rest_seconds`` of transition. Seconds
    throughout. ``difficulty`` is skill on 1–5 like ``Movement.level``;
    ``disciplines`` a list of :class:`Discipline` values; ``tags`` free words.

    ``clean()`` checks the format's rules; ``save()`` runs them too, so no code
    path stores an invalid circuit. The movement list is checked as a whole by
    ``movements.circuit_rules.circuit_items_errors`` (≥ 2 movements, unique order,
    a dose each), which the admin, the API and the fixture loader all call.
    """

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=140, unique=True)
    circuit_type = models.CharField(
        "type", max_length=8, choices=CircuitType.choices, db_index=True
    )
    description = models.TextField(
        help_text="What the workout is and how to pace it, in Alloy's words."
    )
    rounds = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Rounds; for an EMOM, the count of intervals."
    )
    time_cap_seconds = models.PositiveIntegerField(
        null=True, blank=True, help_text="AMRAP window or for-time cap, seconds."
    )
    work_seconds = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Interval types: work (Tabata, timed stations) or EMOM interval.",
    )
    rest_seconds = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Tabata rest, station transition, or rest between complex rounds.",
    )
    scoring = models.CharField(max_length=12, choices=CircuitScoring.choices)
    difficulty = models.PositiveSmallIntegerField(default=2, help_text="1–5.")
    disciplines = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)

    objects = CircuitQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(difficulty__gte=1, difficulty__lte=5),
                name="circuit_difficulty_1_5",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:movements_circuit_change", args=[self.pk])

    def clean(self) -> None:
        errors = circuit_rules.circuit_errors(self)
        if not isinstance(self.disciplines, list) or any(
            d not in Discipline.values for d in self.disciplines
        ):
            errors.setdefault("disciplines", []).append(
                f"A list of disciplines: {', '.join(Discipline.values)}."
            )
        if not isinstance(self.tags, list) or not all(
            isinstance(t, str) and t for t in self.tags
        ):
            errors.setdefault("tags", []).append("A list of words.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        # Validation on save: the format's rules hold for every writer (admin,
        # API, fixture loader, shell). Uniqueness stays the database's job.
        self.full_clean(validate_unique=False, validate_constraints=False)
        super().save(*args, **kwargs)

    def format_text(self) -> str:
        """The format in a few words ("20-min AMRAP", "5 rounds for time (cap
        20 min)"…: ``circuit_rules.format_text``)."""
        return circuit_rules.format_text(self)

    def estimated_seconds(self) -> int:
        """Estimated duration in seconds (``movements.timing``); reads the
        movements, so prefetch them (:meth:`CircuitQuerySet.with_movements`)."""
        return circuit_rules.estimated_seconds(self, list(self.items.all()))

    def equipment(self) -> list[str]:
        """Every piece of kit the movements need, sorted (empty: bodyweight)."""
        kit: set[str] = set()
        for item in self.items.all():
            kit.update(item.movement.equipment or [])
        return sorted(kit)


class CircuitMovement(models.Model):
    """One movement of a circuit, in ``order`` (1-based, unique per circuit), with
    at most one dose: ``reps``, ``seconds``, ``distance_m`` (metres) or
    ``calories``. ``load_hint`` is free text ("43/30 kg", "heavy", "bodyweight").
    A Tabata interval or a timed station may leave the dose empty: the interval is
    the dose."""

    circuit = models.ForeignKey(Circuit, on_delete=models.CASCADE, related_name="items")
    movement = models.ForeignKey(
        Movement, on_delete=models.PROTECT, related_name="circuit_items"
    )
    order = models.PositiveSmallIntegerField()
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    distance_m = models.PositiveIntegerField("distance (m)", null=True, blank=True)
    calories = models.PositiveSmallIntegerField(null=True, blank=True)
    load_hint = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["circuit", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["circuit", "order"], name="circuit_movement_order_unique"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        seconds__isnull=True,
                        distance_m__isnull=True,
                        calories__isnull=True,
                    )
                    | Q(
                        reps__isnull=True,
                        distance_m__isnull=True,
                        calories__isnull=True,
                    )
                    | Q(reps__isnull=True, seconds__isnull=True, calories__isnull=True)
                    | Q(
                        reps__isnull=True, seconds__isnull=True, distance_m__isnull=True
                    )
                ),
                name="circuit_movement_one_dose",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.dose_text()} {self.movement}".replace("  ", " ")

    def dose_text(self) -> str:
        """The dose in short form: "21", "40 s", "400 m", "15 cal" or ""."""
        if self.reps:
            return str(self.reps)
        if self.seconds:
            return f"{self.seconds} s"
        if self.distance_m:
            return f"{self.distance_m} m"
        if self.calories:
            return f"{self.calories} cal"
        return ""
