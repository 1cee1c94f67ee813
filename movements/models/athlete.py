"""The athlete's side of the library: activity definitions (reference data),
and per athlete the equipment they can use, their movement rules and the
activities they enjoy.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from coach.models import TimeStampedModel
from movements.models.library import EquipmentPreset, Movement


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
