"""Programs: the macrocycle an athlete asked for, its microcycles, sessions and exercises.

Shapes follow the seeds (002 "Data Models", 000 "Program creation flow"): a program
holds up to three goals weighted out of $10, lasts 8–12 (even) weeks, and is cut into
microcycles of 7–14 days; every day of a microcycle is a session (rest days are
RECOVERY sessions with no exercises). Generation runs in the background; every level
carries a generation status.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from coach.models import (
    ExperienceLevel,
    PersonaAggression,
    PersonaTone,
    TimeStampedModel,
)
from movements.models import Circuit, Movement
from programs.generation import BOUNDS, GOAL_BUDGET

_WEEKS, _DAYS, _MINUTES = (
    BOUNDS["duration_weeks"],
    BOUNDS["days_per_week"],
    BOUNDS["max_session_minutes"],
)
_MICROCYCLE_DAYS, _DELOAD_EVERY = (
    BOUNDS["microcycle_length_days"],
    BOUNDS["deload_every_n_microcycles"],
)


class Goal(models.TextChoices):
    STRENGTH = "STRENGTH", "Strength"
    HYPERTROPHY = "HYPERTROPHY", "Hypertrophy"
    ENDURANCE = "ENDURANCE", "Endurance"
    MOBILITY = "MOBILITY", "Mobility"
    SKILL = "SKILL", "Skill"
    FAT_LOSS = "FAT_LOSS", "Fat loss"


class SplitTemplate(models.TextChoices):
    HYBRID = "HYBRID", "Hybrid"
    UPPER_LOWER = "UPPER_LOWER", "Upper / lower"
    PPL = "PPL", "Push / pull / legs"
    FULL_BODY = "FULL_BODY", "Full body"
    BODY_PART_SPLIT = "BODY_PART_SPLIT", "Body-part split"
    PUSH_PULL = "PUSH_PULL", "Push / pull"


class ProgressionStyle(models.TextChoices):
    SINGLE_PROGRESSION = "SINGLE_PROGRESSION", "Single progression"
    DOUBLE_PROGRESSION = "DOUBLE_PROGRESSION", "Double progression"
    WAVE_LOADING = "WAVE_LOADING", "Wave loading"
    BLOCK_PERIODIZATION = "BLOCK_PERIODIZATION", "Block periodization"


class GenerationStatus(models.TextChoices):
    PENDING = "PENDING", "Pending"
    IN_PROGRESS = "IN_PROGRESS", "In progress"
    COMPLETED = "COMPLETED", "Completed"
    FAILED = "FAILED", "Failed"


class MicrocycleStatus(models.TextChoices):
    PLANNED = "PLANNED", "Planned"
    ACTIVE = "ACTIVE", "Active"
    COMPLETED = "COMPLETED", "Completed"
    CANCELLED = "CANCELLED", "Cancelled"


class SessionType(models.TextChoices):
    """Seeds 002 SessionType, plus CARDIO for the cardio-only days of seeds 003/000."""

    STRENGTH = "STRENGTH", "Strength"
    HYPERTROPHY = "HYPERTROPHY", "Hypertrophy"
    ENDURANCE = "ENDURANCE", "Endurance"
    MOBILITY = "MOBILITY", "Mobility"
    SKILL = "SKILL", "Skill"
    CONDITIONING = "CONDITIONING", "Conditioning"
    CARDIO = "CARDIO", "Cardio"
    RECOVERY = "RECOVERY", "Rest / recovery"


class ExerciseRole(models.TextChoices):
    WARMUP = "WARMUP", "Warm-up"
    MAIN = "MAIN", "Main"
    ACCESSORY = "ACCESSORY", "Accessory"
    FINISHER = "FINISHER", "Finisher"
    COOLDOWN = "COOLDOWN", "Cool-down"
    SKILL = "SKILL", "Skill"


class ProgramQuerySet(models.QuerySet["Program"]):
    def for_user(self, user) -> ProgramQuerySet:
        """Only ``user``'s programs: the start of every ownership-scoped query."""
        return self.filter(user=user)

    def active(self) -> ProgramQuerySet:
        return self.filter(is_active=True)


class Program(TimeStampedModel):
    """An 8–12 week program (the macrocycle) for one athlete.

    Goals use the ten-dollar method: up to three goals whose integer weights sum to
    10 (seeds 002, database constraints); unused slots have no goal and weight 0.
    ``equipment``, ``movement_rules``, ``enjoyable_activities``,
    ``preferred_weekdays``, ``discipline_priorities``, ``discipline_experience`` and
    the scheduling flags are the snapshot of the athlete's profile and overrides
    this program was created with, so regeneration is reproducible and later
    changes to the profile never rewrite it: ``equipment`` a list of normalised
    equipment values, ``movement_rules`` a list of ``{"movement_id", "rule",
    "substitute_id"}``, ``enjoyable_activities`` the words the engine matches cardio
    movements against, ``discipline_priorities`` ``{discipline: 0–5}`` and
    ``discipline_experience`` ``{discipline: experience level}`` (as in
    ``coach.models.AthleteProfile``). ``seed`` makes generation deterministic.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programs"
    )
    name = models.CharField(max_length=120)
    goal_1 = models.CharField(max_length=12, choices=Goal.choices)
    goal_weight_1 = models.PositiveSmallIntegerField()
    goal_2 = models.CharField(max_length=12, choices=Goal.choices, blank=True)
    goal_weight_2 = models.PositiveSmallIntegerField(default=0)
    goal_3 = models.CharField(max_length=12, choices=Goal.choices, blank=True)
    goal_weight_3 = models.PositiveSmallIntegerField(default=0)
    duration_weeks = models.PositiveSmallIntegerField()
    days_per_week = models.PositiveSmallIntegerField()
    max_session_minutes = models.PositiveSmallIntegerField()
    split_template = models.CharField(max_length=16, choices=SplitTemplate.choices)
    progression_style = models.CharField(
        max_length=20, choices=ProgressionStyle.choices
    )
    experience_level = models.CharField(max_length=16, choices=ExperienceLevel.choices)
    persona_tone = models.CharField(max_length=16, choices=PersonaTone.choices)
    persona_aggression = models.CharField(
        max_length=16, choices=PersonaAggression.choices
    )
    start_date = models.DateField()
    deload_every_n_microcycles = models.PositiveSmallIntegerField(default=4)
    microcycle_length_days = models.PositiveSmallIntegerField(default=7)
    equipment = models.JSONField(default=list, blank=True)
    movement_rules = models.JSONField(default=list, blank=True)
    enjoyable_activities = models.JSONField(default=list, blank=True)
    preferred_weekdays = models.JSONField(default=list, blank=True)
    discipline_priorities = models.JSONField(default=dict, blank=True)
    discipline_experience = models.JSONField(default=dict, blank=True)
    dedicated_mobility_days = models.BooleanField(default=False)
    dedicated_cardio_days = models.BooleanField(default=False)
    cardio_as_finisher = models.BooleanField(default=True)
    warnings = models.JSONField(default=list, blank=True)
    allocation = models.JSONField(
        default=dict,
        blank=True,
        help_text="Weekly minutes per goal and the rationale the planner used.",
    )
    seed = models.BigIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    generation_status = models.CharField(
        max_length=12,
        choices=GenerationStatus.choices,
        default=GenerationStatus.PENDING,
        db_index=True,
    )
    generation_error = models.TextField(blank=True)
    generation_started_at = models.DateTimeField(null=True, blank=True)
    generation_finished_at = models.DateTimeField(null=True, blank=True)
    # Last sign of life of a generation run (programs/leases.py): refreshed while
    # a worker writes sessions, and when the sweeper re-queues the program.
    generation_heartbeat_at = models.DateTimeField(null=True, blank=True)

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                # Even weeks only (8, 10 or 12): the engine's bounds, stepped by 2.
                condition=Q(
                    duration_weeks__in=list(range(_WEEKS[0], _WEEKS[1] + 1, 2))
                ),
                name="program_duration_8_12_even",
            ),
            models.CheckConstraint(
                condition=Q(goal_weight_1__gte=0)
                & Q(goal_weight_2__gte=0)
                & Q(goal_weight_3__gte=0),
                name="program_goal_weights_non_negative",
            ),
            models.CheckConstraint(
                condition=Q(
                    goal_weight_1=GOAL_BUDGET - F("goal_weight_2") - F("goal_weight_3")
                ),
                name="program_goal_weights_sum_10",
            ),
            models.CheckConstraint(
                condition=Q(days_per_week__gte=_DAYS[0], days_per_week__lte=_DAYS[1]),
                name="program_days_per_week_2_7",
            ),
            models.CheckConstraint(
                condition=Q(
                    max_session_minutes__gte=_MINUTES[0],
                    max_session_minutes__lte=_MINUTES[1],
                ),
                name="program_session_minutes_30_120",
            ),
            models.CheckConstraint(
                condition=Q(microcycle_length_days__gte=_MICROCYCLE_DAYS[0])
                & Q(microcycle_length_days__lte=_MICROCYCLE_DAYS[1]),
                name="program_microcycle_length_7_14",
            ),
            models.CheckConstraint(
                condition=Q(deload_every_n_microcycles__gte=_DELOAD_EVERY[0]),
                name="program_deload_every_at_least_2",
            ),
        ]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programs:detail", args=[self.pk])

    @property
    def goals(self) -> list[tuple[str, int]]:
        """``[(goal, weight), ...]`` for the filled slots, heaviest first."""
        slots = [
            (self.goal_1, self.goal_weight_1),
            (self.goal_2, self.goal_weight_2),
            (self.goal_3, self.goal_weight_3),
        ]
        return [(g, w) for g, w in slots if g]

    @property
    def end_date(self) -> date:
        """The program's last day: ``start_date`` + ``duration_weeks`` weeks − 1 day."""
        return self.start_date + timedelta(weeks=self.duration_weeks, days=-1)


class Microcycle(models.Model):
    """A 7–14 day block of a program (a training week by default)."""

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="microcycles"
    )
    sequence_number = models.PositiveSmallIntegerField()
    start_date = models.DateField()
    length_days = models.PositiveSmallIntegerField(default=7)
    status = models.CharField(
        max_length=10,
        choices=MicrocycleStatus.choices,
        default=MicrocycleStatus.PLANNED,
    )
    is_deload = models.BooleanField(default=False)
    generation_status = models.CharField(
        max_length=12,
        choices=GenerationStatus.choices,
        default=GenerationStatus.PENDING,
    )
    generation_error = models.TextField(blank=True)

    class Meta:
        ordering = ["program", "sequence_number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    length_days__gte=_MICROCYCLE_DAYS[0],
                    length_days__lte=_MICROCYCLE_DAYS[1],
                ),
                name="microcycle_length_7_14",
            ),
            models.UniqueConstraint(
                fields=["program", "sequence_number"],
                name="microcycle_sequence_unique",
            ),
        ]

    def __str__(self) -> str:
        kind = "deload" if self.is_deload else "loading"
        return f"{self.program} · week {self.sequence_number} ({kind})"

    @property
    def end_date(self) -> date:
        """The microcycle's last day: ``start_date`` + ``length_days`` − 1."""
        return self.start_date + timedelta(days=self.length_days - 1)


class Session(models.Model):
    """One day of a microcycle. RECOVERY sessions are rest days with no exercises.

    ``intent_tags`` are the movement patterns the session is built around;
    ``time_breakdown`` is ``{"warmup": min, "main": min, "accessory": min,
    "finisher": min, "cooldown": min, "total": min}``; ``rationale`` holds the
    planner's reasons for the day's type and structure.
    """

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="sessions"
    )
    microcycle = models.ForeignKey(
        Microcycle, on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField()
    day_index = models.PositiveSmallIntegerField()
    session_type = models.CharField(max_length=12, choices=SessionType.choices)
    focus = models.CharField(max_length=32, blank=True)
    intent_tags = models.JSONField(default=list, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(default=0)
    time_breakdown = models.JSONField(default=dict, blank=True)
    coach_notes = models.CharField(max_length=200, blank=True)
    rationale = models.JSONField(default=dict, blank=True)
    variant = models.PositiveIntegerField(
        default=0, help_text="Bumped by 'regenerate' to draw a fresh selection."
    )
    generation_status = models.CharField(
        max_length=12,
        choices=GenerationStatus.choices,
        default=GenerationStatus.PENDING,
        db_index=True,
    )
    generation_error = models.TextField(blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)
    # The generation run that owns this session while it is open (a random
    # token, "" when free) and when that run last said it is alive: a claim whose
    # ``claimed_at`` is older than ALLOY_GENERATION_STALE_SECONDS may be taken
    # over (programs/leases.py). One owner at a time: a session is never generated
    # by two runs at once.
    claim_token = models.CharField(max_length=32, blank=True, default="")
    claimed_at = models.DateTimeField(null=True, blank=True)
    # The curated circuits the session uses (seeds 003 s12): the conditioning
    # day's circuit and a finisher's. Their movements are also exercise rows.
    main_circuit = models.ForeignKey(
        Circuit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="main_in_sessions",
    )
    finisher_circuit = models.ForeignKey(
        Circuit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="finisher_in_sessions",
    )

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["microcycle", "day_index"], name="session_day_unique"
            ),
            models.CheckConstraint(
                condition=Q(day_index__lte=13), name="session_day_index_0_13"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_session_type_display()} {self.focus}".strip()

    def get_absolute_url(self) -> str:
        return reverse("programs:session", args=[self.program_id, self.pk])

    @property
    def is_rest_day(self) -> bool:
        return self.session_type == SessionType.RECOVERY


class SessionExercise(models.Model):
    """A movement prescribed in a session: sets × reps (or seconds), effort and rest.

    Reps are a range (``reps_min``–``reps_max``) or, for timed work, a
    ``duration_seconds`` per set. ``target_rpe`` is on the 1–10 RPE scale and
    ``target_rir`` the matching reps in reserve (Zourdos et al. 2016; reference §5a).
    ``rationale`` is the optimizer's *why*: ``{"scores": {dimension: 0..1},
    "total": float, "relaxation_step": int, "relaxation": str, "notes": [str]}``.
    """

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="exercises"
    )
    movement = models.ForeignKey(
        Movement, on_delete=models.PROTECT, related_name="prescriptions"
    )
    role = models.CharField(max_length=10, choices=ExerciseRole.choices)
    order = models.PositiveSmallIntegerField()
    sets = models.PositiveSmallIntegerField()
    reps_min = models.PositiveSmallIntegerField(null=True, blank=True)
    reps_max = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    target_rpe = models.DecimalField(
        max_digits=3, decimal_places=1, null=True, blank=True
    )
    target_rir = models.PositiveSmallIntegerField(null=True, blank=True)
    load_percent_1rm = models.PositiveSmallIntegerField(null=True, blank=True)
    rest_seconds = models.PositiveSmallIntegerField(default=0)
    superset_group = models.PositiveSmallIntegerField(null=True, blank=True)
    estimated_seconds = models.PositiveIntegerField(default=0)
    notes = models.CharField(max_length=200, blank=True)
    rationale = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["session", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "order"], name="session_exercise_order_unique"
            ),
            models.CheckConstraint(
                condition=Q(sets__gte=1), name="exercise_sets_gte_1"
            ),
            models.CheckConstraint(
                condition=Q(reps_min__isnull=False) | Q(duration_seconds__isnull=False),
                name="exercise_reps_or_duration",
            ),
            models.CheckConstraint(
                condition=Q(reps_min__isnull=True)
                | Q(reps_max__isnull=True)
                | Q(reps_min__lte=F("reps_max")),
                name="exercise_reps_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(target_rpe__isnull=True)
                | Q(target_rpe__gte=1, target_rpe__lte=10),
                name="exercise_rpe_1_10",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session}: {self.movement}"
