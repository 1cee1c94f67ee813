"""Workouts and their sets: what the athlete did, set by set."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from coach.models import TimeStampedModel
from movements.models import Movement
from programs.models import Session, SessionExercise
from training_logs.models.common import (
    RATING_1_5,
    RPE_VALUES,
    null_or_between,
    validate_rpe,
)


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
                condition=null_or_between("enjoyment", 1, 5),
                name="workout_log_enjoyment_1_5",
            ),
            models.CheckConstraint(
                condition=null_or_between("duration_minutes", 1, 600),
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
                condition=null_or_between("rir", 0, 10), name="set_log_rir_0_10"
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
