"""Rows derived from the athlete's history by ``training_logs.services.projections``:
personal records (kept as a history), top sets and weekly pattern exposure."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q

from movements.models import Movement, MovementPattern
from training_logs.models.workouts import SetLog, WorkoutLog


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
