"""Training logs: what the athlete actually did, and what Alloy derives from it.

Shapes follow the seeds' logging domain (002: WorkoutLog, SorenessLog,
RecoverySignal, MuscleRecoveryState, ActivityInstance, TopSetLog, PatternExposure)
with Alloy's differences: sets are rows (not a JSON blob), every row belongs to a
user, recovery *rises* with time (seeds README), and personal records are kept as a
history. Loads are stored in kg (``Decimal``, 3 places so a pound value survives
the round trip) and shown in the athlete's unit at the edges.

Derived rows (set e1RMs and hard-set flags, personal records, top sets, pattern
exposure, muscle recovery) are written only by ``training_logs.services``, in the
same transaction as the log they come from.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from coach.models import TimeStampedModel
from movements.models import ActivityDefinition, Movement, MovementPattern, Muscle
from programs.models import Session, SessionExercise

#: RPE 1–10 in half steps (Zourdos et al. 2016 RIR-based scale, reference §5a).
RPE_VALUES = tuple(Decimal(n) / 2 for n in range(2, 21))


def validate_rpe(value: Decimal) -> None:
    """RPE must be 1–10 in steps of 0.5."""
    if Decimal(value) not in RPE_VALUES:
        raise ValidationError(
            "RPE must be between 1 and 10 in steps of 0.5.", code="rpe"
        )


def _between(field: str, low, high) -> Q:
    return Q(**{f"{field}__gte": low, f"{field}__lte": high})


def _null_or_between(field: str, low, high) -> Q:
    return Q(**{f"{field}__isnull": True}) | _between(field, low, high)


RATING_1_5 = [MinValueValidator(1), MaxValueValidator(5)]


class FeedbackTag(models.TextChoices):
    """How the session felt, in a tap or two (feeds adaptation later)."""

    TOO_EASY = "TOO_EASY", "Too easy"
    JUST_RIGHT = "JUST_RIGHT", "Just right"
    TOO_HARD = "TOO_HARD", "Too hard"
    GREAT_PUMP = "GREAT_PUMP", "Great pump"
    LOW_ENERGY = "LOW_ENERGY", "Low energy"
    PAIN = "PAIN", "Pain or discomfort"
    SHORT_ON_TIME = "SHORT_ON_TIME", "Short on time"
    EQUIPMENT_BUSY = "EQUIPMENT_BUSY", "Equipment busy"


# ---------------------------------------------------------------------------
# Workouts and sets
# ---------------------------------------------------------------------------
class WorkoutLogQuerySet(models.QuerySet["WorkoutLog"]):
    def for_user(self, user) -> WorkoutLogQuerySet:
        """Only ``user``'s logs: the start of every ownership-scoped query."""
        return self.filter(user=user)


class WorkoutLog(TimeStampedModel):
    """A workout the athlete did: for a planned ``session`` or ad hoc (no session).

    ``duration_minutes`` 1–600; ``enjoyment`` 1–5; ``feedback_tags`` a list of
    :class:`FeedbackTag` values. A planned session is logged at most once.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workout_logs"
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workout_logs",
    )
    name = models.CharField(max_length=120, blank=True)
    performed_at = models.DateTimeField(db_index=True)
    duration_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    notes = models.CharField(max_length=2000, blank=True)
    enjoyment = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=RATING_1_5
    )
    feedback_tags = models.JSONField(default=list, blank=True)

    objects = WorkoutLogQuerySet.as_manager()

    class Meta:
        ordering = ["-performed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session"],
                condition=Q(session__isnull=False),
                name="workout_log_session_unique",
            ),
            models.CheckConstraint(
                condition=_null_or_between("enjoyment", 1, 5),
                name="workout_log_enjoyment_1_5",
            ),
            models.CheckConstraint(
                condition=_null_or_between("duration_minutes", 1, 600),
                name="workout_log_duration_1_600",
            ),
        ]
        indexes = [models.Index(fields=["user", "-performed_at"])]

    def __str__(self) -> str:
        label = self.name or ("Planned session" if self.session_id else "Workout")
        return f"{label} · {self.performed_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("training_logs:workout-detail", args=[self.pk])


class SetLogQuerySet(models.QuerySet["SetLog"]):
    def for_user(self, user) -> SetLogQuerySet:
        return self.filter(workout_log__user=user)

    def working(self) -> SetLogQuerySet:
        return self.filter(is_warmup=False)

    def hard(self) -> SetLogQuerySet:
        return self.filter(is_hard=True)


class SetLog(models.Model):
    """One set of a movement in a workout.

    ``load_kg`` is the external load (0 = bodyweight only; ``None`` = not recorded),
    ``reps`` ≥ 1 or ``duration_seconds`` ≥ 1 (timed work), ``rpe`` 1–10 in half
    steps and/or ``rir`` 0–10. ``order`` is the set's position in the workout and
    ``set_number`` its number within the movement. Derived by the service:
    ``is_hard`` (reference §0) and ``e1rm_kg`` with ``e1rm_low_confidence``
    (reference §6; ``None`` for warm-ups, timed sets and unknown loads).
    """

    workout_log = models.ForeignKey(
        WorkoutLog, on_delete=models.CASCADE, related_name="sets"
    )
    movement = models.ForeignKey(
        Movement, on_delete=models.PROTECT, related_name="set_logs"
    )
    session_exercise = models.ForeignKey(
        SessionExercise,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="set_logs",
        help_text="The prescription this set fulfils, if any.",
    )
    order = models.PositiveSmallIntegerField(default=0)
    set_number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    load_kg = models.DecimalField(
        max_digits=8,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(2000)],
    )
    reps = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
    )
    duration_seconds = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(86_400)],
    )
    rpe = models.DecimalField(
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[validate_rpe],
    )
    rir = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(10)]
    )
    is_warmup = models.BooleanField(default=False)
    is_hard = models.BooleanField(default=False)
    e1rm_kg = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    e1rm_low_confidence = models.BooleanField(default=False)

    objects = SetLogQuerySet.as_manager()

    class Meta:
        ordering = ["workout_log", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["workout_log", "movement", "set_number"],
                name="set_log_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(set_number__gte=1), name="set_log_set_number_gte_1"
            ),
            models.CheckConstraint(
                condition=Q(reps__isnull=False) | Q(duration_seconds__isnull=False),
                name="set_log_reps_or_duration",
            ),
            models.CheckConstraint(
                condition=Q(reps__isnull=True) | Q(reps__gte=1),
                name="set_log_reps_gte_1",
            ),
            models.CheckConstraint(
                condition=Q(duration_seconds__isnull=True) | Q(duration_seconds__gte=1),
                name="set_log_duration_gte_1",
            ),
            models.CheckConstraint(
                condition=Q(load_kg__isnull=True) | Q(load_kg__gte=0),
                name="set_log_load_non_negative",
            ),
            models.CheckConstraint(
                condition=Q(rpe__isnull=True) | Q(rpe__in=RPE_VALUES),
                name="set_log_rpe_1_10_half_steps",
            ),
            models.CheckConstraint(
                condition=_null_or_between("rir", 0, 10), name="set_log_rir_0_10"
            ),
            models.CheckConstraint(
                condition=Q(e1rm_kg__isnull=True) | Q(e1rm_kg__gte=0),
                name="set_log_e1rm_non_negative",
            ),
        ]

    def __str__(self) -> str:
        if self.reps is not None:
            load = "—" if self.load_kg is None else f"{self.load_kg.normalize():f} kg"
            work = f"{load} × {self.reps}"
        else:
            work = f"{self.duration_seconds} s"
        rpe = f" @ RPE {self.rpe}" if self.rpe is not None else ""
        return f"{self.movement} set {self.set_number}: {work}{rpe}"

    @property
    def is_timed(self) -> bool:
        """A set measured in seconds rather than reps."""
        return self.reps is None


# ---------------------------------------------------------------------------
# Personal records, top sets, pattern exposure
# ---------------------------------------------------------------------------
class RecordKind(models.TextChoices):
    E1RM = "E1RM", "Best e1RM"
    LOAD_AT_REPS = "LOAD_AT_REPS", "Best load at a rep count"
    REPS_AT_LOAD = "REPS_AT_LOAD", "Most reps at a load"


class PersonalRecordQuerySet(models.QuerySet["PersonalRecord"]):
    def for_user(self, user) -> PersonalRecordQuerySet:
        return self.filter(user=user)

    def current(self) -> PersonalRecordQuerySet:
        """The standing records: the latest per movement, kind and key."""
        return self.filter(is_current=True)


class PersonalRecord(models.Model):
    """A personal record, set by ``set_log`` at ``achieved_at``.

    History is kept: each new record is a new row and ``is_current`` marks the
    standing one per movement, kind and key (``reps`` for LOAD_AT_REPS, ``load_kg``
    for REPS_AT_LOAD). ``value`` is kg for E1RM and LOAD_AT_REPS, reps for
    REPS_AT_LOAD; ``previous_value`` is the record it beat (``None``: the first).
    Rows are rebuilt by the service whenever a log of the movement is written or
    deleted (``training_logs.records.replay_records``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="personal_records",
    )
    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="personal_records"
    )
    kind = models.CharField(max_length=12, choices=RecordKind.choices)
    value = models.DecimalField(max_digits=8, decimal_places=3)
    previous_value = models.DecimalField(
        max_digits=8, decimal_places=3, null=True, blank=True
    )
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    load_kg = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    set_log = models.ForeignKey(
        SetLog, on_delete=models.CASCADE, related_name="personal_records"
    )
    achieved_at = models.DateTimeField()
    is_current = models.BooleanField(default=False)

    objects = PersonalRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-achieved_at", "movement_id", "kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gt=0), name="personal_record_value_positive"
            ),
            models.CheckConstraint(
                condition=Q(previous_value__isnull=True)
                | Q(value__gt=models.F("previous_value")),
                name="personal_record_beats_previous",
            ),
        ]
        indexes = [models.Index(fields=["user", "movement", "kind", "is_current"])]

    def __str__(self) -> str:
        if self.kind == RecordKind.E1RM:
            what = f"e1RM {self.value.normalize():f} kg"
        elif self.kind == RecordKind.LOAD_AT_REPS:
            what = f"{self.value.normalize():f} kg × {self.reps}"
        else:
            what = f"{self.value.normalize():f} reps at {self.load_kg.normalize():f} kg"
        return f"{self.movement}: {what}"


class TopSet(models.Model):
    """The top set of one movement in one workout (seeds' TopSetLog), for the
    planner's progression and the e1RM trend: the working set with the best
    confident e1RM (``training_logs.records.pick_top_set``). Copies of the set's
    numbers are kept so the trend reads one table."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="top_sets"
    )
    workout_log = models.ForeignKey(
        WorkoutLog, on_delete=models.CASCADE, related_name="top_sets"
    )
    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="top_sets"
    )
    set_log = models.OneToOneField(
        SetLog, on_delete=models.CASCADE, related_name="top_set"
    )
    performed_at = models.DateTimeField()
    load_kg = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    rpe = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    e1rm_kg = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    e1rm_low_confidence = models.BooleanField(default=False)

    class Meta:
        ordering = ["movement_id", "performed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["workout_log", "movement"], name="top_set_per_workout_movement"
            ),
        ]
        indexes = [models.Index(fields=["user", "movement", "performed_at"])]

    def __str__(self) -> str:
        return f"Top set {self.set_log}"


class PatternExposure(models.Model):
    """Hard sets per movement pattern per ISO week (``week_start`` is a Monday)
    for one athlete, with the week's volume load (Σ reps × load, kg). Rebuilt for
    the affected week whenever a log is written or deleted; read by the planner.
    Only hard sets count, for both numbers (reference §0)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pattern_exposures",
    )
    week_start = models.DateField()
    pattern = models.CharField(max_length=20, choices=MovementPattern.choices)
    hard_sets = models.PositiveSmallIntegerField(default=0)
    volume_load_kg = models.DecimalField(
        max_digits=12, decimal_places=3, default=Decimal("0")
    )

    class Meta:
        ordering = ["-week_start", "pattern"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "week_start", "pattern"],
                name="pattern_exposure_unique_week",
            ),
            models.CheckConstraint(
                condition=Q(volume_load_kg__gte=0),
                name="pattern_exposure_volume_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · week of {self.week_start} · {self.pattern}: {self.hard_sets}"


# ---------------------------------------------------------------------------
# Soreness, recovery signals, muscle recovery
# ---------------------------------------------------------------------------
class BodyPart(models.TextChoices):
    """The seeds' soreness body parts (002), each mapped to library muscles."""

    CHEST = "CHEST", "Chest"
    BACK = "BACK", "Back"
    LEGS = "LEGS", "Legs"
    SHOULDERS = "SHOULDERS", "Shoulders"
    ARMS = "ARMS", "Arms"
    CORE = "CORE", "Core"


#: Body part → library muscle slugs (reference §14 vocabulary). Lower back goes
#: with BACK; the hip muscles with LEGS.
BODY_PART_MUSCLES: dict[str, tuple[str, ...]] = {
    BodyPart.CHEST: ("chest",),
    BodyPart.BACK: ("lats", "middle_back", "lower_back", "traps"),
    BodyPart.LEGS: (
        "quadriceps",
        "hamstrings",
        "glutes",
        "calves",
        "adductors",
        "abductors",
    ),
    BodyPart.SHOULDERS: ("shoulders",),
    BodyPart.ARMS: ("biceps", "triceps", "forearms"),
    BodyPart.CORE: ("abdominals",),
}


class SorenessLog(TimeStampedModel):
    """Soreness of one muscle, 1–10, reported at ``logged_at``. A body-part report
    becomes one row per muscle of the part, ``body_part`` saying so."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="soreness_logs"
    )
    muscle = models.ForeignKey(
        Muscle, on_delete=models.PROTECT, related_name="soreness_logs"
    )
    body_part = models.CharField(max_length=10, choices=BodyPart.choices, blank=True)
    level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    logged_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-logged_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=_between("level", 1, 10), name="soreness_level_1_10"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.muscle} soreness {self.level}/10 at {self.logged_at:%Y-%m-%d %H:%M}"
        )


class RecoverySignal(TimeStampedModel):
    """How the athlete slept, feels and ate (seeds 002): ``sleep_hours`` 0–24,
    ``sleep_quality``, ``stress``, ``energy``, ``nutrition`` 1–5 (5 = best, except
    stress: 5 = most stressed). At least one is given."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="recovery_signals",
    )
    logged_at = models.DateTimeField(db_index=True)
    sleep_hours = models.DecimalField(
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(24)],
    )
    sleep_quality = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=RATING_1_5
    )
    stress = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=RATING_1_5
    )
    energy = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=RATING_1_5
    )
    nutrition = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=RATING_1_5
    )
    notes = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-logged_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=_null_or_between("sleep_hours", 0, 24),
                name="recovery_signal_sleep_hours_0_24",
            ),
            *(
                models.CheckConstraint(
                    condition=_null_or_between(field, 1, 5),
                    name=f"recovery_signal_{field}_1_5",
                )
                for field in ("sleep_quality", "stress", "energy", "nutrition")
            ),
            models.CheckConstraint(
                condition=Q(sleep_hours__isnull=False)
                | Q(sleep_quality__isnull=False)
                | Q(stress__isnull=False)
                | Q(energy__isnull=False)
                | Q(nutrition__isnull=False),
                name="recovery_signal_not_empty",
            ),
        ]

    def __str__(self) -> str:
        return f"Recovery signal of {self.user} at {self.logged_at:%Y-%m-%d %H:%M}"


class MuscleRecoveryState(models.Model):
    """A muscle's recovery, 0–10 (10 = fully recovered), as it stood right after
    the last event that changed it (``last_updated_at``: a workout or a soreness
    report). Read it for "now" with ``training_logs.metrics.recovered_level``; it
    climbs one point per ``SORENESS_DECAY_HOURS``. Rebuilt by the service."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="muscle_recovery_states",
    )
    muscle = models.ForeignKey(
        Muscle, on_delete=models.CASCADE, related_name="recovery_states"
    )
    level = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    last_updated_at = models.DateTimeField()

    class Meta:
        ordering = ["muscle__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "muscle"], name="muscle_recovery_state_unique"
            ),
            models.CheckConstraint(
                condition=_between("level", 0, 10), name="muscle_recovery_level_0_10"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.muscle} {self.level}/10 at {self.last_updated_at:%Y-%m-%d %H:%M}"


# ---------------------------------------------------------------------------
# Activities
# ---------------------------------------------------------------------------
class ActivitySource(models.TextChoices):
    MANUAL = "MANUAL", "Logged by the athlete"
    SCHEDULED = "SCHEDULED", "Logged for a planned session"
    GENERATED = "GENERATED", "Generated"


class ActivityInstanceQuerySet(models.QuerySet["ActivityInstance"]):
    def for_user(self, user) -> ActivityInstanceQuerySet:
        return self.filter(user=user)


class ActivityInstance(TimeStampedModel):
    """An activity the athlete did (a run, a swim…): ``duration_seconds`` ≥ 1,
    ``distance_km`` ≥ 0, ``perceived_difficulty`` and ``enjoyment`` 1–5. When
    logged for a planned ``session`` it completes that session."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activity_instances",
    )
    definition = models.ForeignKey(
        ActivityDefinition, on_delete=models.PROTECT, related_name="instances"
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activity_instances",
    )
    name = models.CharField(max_length=120, blank=True)
    performed_start = models.DateTimeField(db_index=True)
    duration_seconds = models.PositiveIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(86_400)]
    )
    distance_km = models.DecimalField(
        max_digits=7,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
    )
    perceived_difficulty = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=RATING_1_5
    )
    enjoyment = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=RATING_1_5
    )
    notes = models.CharField(max_length=2000, blank=True)
    source = models.CharField(
        max_length=10, choices=ActivitySource.choices, default=ActivitySource.MANUAL
    )

    objects = ActivityInstanceQuerySet.as_manager()

    class Meta:
        ordering = ["-performed_start", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session"],
                condition=Q(session__isnull=False),
                name="activity_instance_session_unique",
            ),
            models.CheckConstraint(
                condition=_between("duration_seconds", 1, 86_400),
                name="activity_duration_1s_24h",
            ),
            models.CheckConstraint(
                condition=_null_or_between("distance_km", 0, 1000),
                name="activity_distance_0_1000",
            ),
            models.CheckConstraint(
                condition=_null_or_between("perceived_difficulty", 1, 5),
                name="activity_difficulty_1_5",
            ),
            models.CheckConstraint(
                condition=_null_or_between("enjoyment", 1, 5),
                name="activity_enjoyment_1_5",
            ),
        ]
        indexes = [models.Index(fields=["user", "-performed_start"])]

    def __str__(self) -> str:
        return f"{self.name or self.definition} · {self.performed_start:%Y-%m-%d}"
