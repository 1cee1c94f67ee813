"""Check-ins and what they drive: soreness by muscle or body part, recovery
signals (sleep, stress, energy, nutrition) and each muscle's recovery state."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from coach.models import TimeStampedModel
from movements.models import Muscle
from training_logs.models.common import (
    RATING_1_5,
    between,
    null_or_between,
)


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
                condition=between("level", 1, 10), name="soreness_level_1_10"
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
                condition=null_or_between("sleep_hours", 0, 24),
                name="recovery_signal_sleep_hours_0_24",
            ),
            *(
                models.CheckConstraint(
                    condition=null_or_between(field, 1, 5),
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
                condition=between("level", 0, 10), name="muscle_recovery_level_0_10"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.muscle} {self.level}/10 at {self.last_updated_at:%Y-%m-%d %H:%M}"
