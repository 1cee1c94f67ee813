"""Activities (a run, a ride…), logged by hand or for a planned session."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from coach.models import TimeStampedModel
from movements.models import ActivityDefinition
from programs.models import Session
from training_logs.models.common import (
    RATING_1_5,
    between,
    null_or_between,
)


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
                condition=between("duration_seconds", 1, 86_400),
                name="activity_duration_1s_24h",
            ),
            models.CheckConstraint(
                condition=null_or_between("distance_km", 0, 1000),
                name="activity_distance_0_1000",
            ),
            models.CheckConstraint(
                condition=null_or_between("perceived_difficulty", 1, 5),
                name="activity_difficulty_1_5",
            ),
            models.CheckConstraint(
                condition=null_or_between("enjoyment", 1, 5),
                name="activity_enjoyment_1_5",
            ),
        ]
        indexes = [models.Index(fields=["user", "-performed_start"])]

    def __str__(self) -> str:
        return f"{self.name or self.definition} · {self.performed_start:%Y-%m-%d}"
