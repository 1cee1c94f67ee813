"""Circuits curated by staff (seeds 002 CircuitTemplate, 003 s12): the circuit
and its ordered movements with their doses. Format rules live in
``movements.circuit_rules``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from coach.models import TimeStampedModel
from movements import circuit_rules
from movements.models.library import Discipline, Movement


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
