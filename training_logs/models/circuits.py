"""Circuit scores: what the athlete scored on a curated circuit."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from coach.models import TimeStampedModel
from movements.models import Circuit
from training_logs.models.workouts import WorkoutLog


class CircuitScoreQuerySet(models.QuerySet["CircuitScore"]):
    def for_user(self, user) -> CircuitScoreQuerySet:
        """Only ``user``'s scores: the start of every ownership-scoped query."""
        return self.filter(user=user)


class CircuitScore(TimeStampedModel):
    """One attempt at a circuit, scored as the circuit is (``Circuit.scoring``):
    ROUNDS_REPS → ``rounds`` (+ ``reps`` into the next round), TIME →
    ``time_seconds``, LOAD → ``load_kg``, NONE → done (no number). Kept with the
    workout log it was part of, if any (deleted with it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="circuit_scores",
    )
    # PROTECT: a circuit athletes have scored cannot be deleted from under
    # their history.
    circuit = models.ForeignKey(
        Circuit, on_delete=models.PROTECT, related_name="scores"
    )
    workout_log = models.ForeignKey(
        WorkoutLog,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="circuit_scores",
    )
    performed_on = models.DateField(db_index=True)
    rounds = models.PositiveSmallIntegerField(null=True, blank=True)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    time_seconds = models.PositiveIntegerField(null=True, blank=True)
    load_kg = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)

    objects = CircuitScoreQuerySet.as_manager()

    class Meta:
        ordering = ["-performed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(time_seconds__isnull=True) | Q(time_seconds__gt=0),
                name="circuit_score_time_positive",
            ),
            models.CheckConstraint(
                condition=Q(load_kg__isnull=True) | Q(load_kg__gt=0),
                name="circuit_score_load_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.circuit} on {self.performed_on}: {self.score_text()}"

    def score_text(self) -> str:
        """The score in words: "12 rounds + 3 reps", "7:42", "60 kg", "done"
        (loads in kg; the pages and the API show them in the athlete's unit)."""
        if self.time_seconds:
            minutes, seconds = divmod(self.time_seconds, 60)
            return f"{minutes}:{seconds:02d}"
        if self.rounds is not None:
            text = f"{self.rounds} round{'s' if self.rounds != 1 else ''}"
            return f"{text} + {self.reps} reps" if self.reps else text
        if self.load_kg is not None:
            return f"{self.load_kg.normalize():f} kg"
        return "done"
