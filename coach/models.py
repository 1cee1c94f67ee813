"""The athlete: Alloy's custom user (email login) and shared model bases."""

from __future__ import annotations

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models


class TimeStampedModel(models.Model):
    """Abstract base adding ``created_at`` and ``updated_at`` (UTC, set by Django)."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class UserManager(BaseUserManager["User"]):
    """Creates users keyed by a normalised, case-insensitive email address."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra) -> User:
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username)


class ExperienceLevel(models.TextChoices):
    """Training age, mapped to ACSM 2009 novice/intermediate/advanced (reference §0)."""

    BEGINNER = "BEGINNER", "Beginner"
    INTERMEDIATE = "INTERMEDIATE", "Intermediate"
    ADVANCED = "ADVANCED", "Advanced"
    EXPERT = "EXPERT", "Expert"


class PersonaTone(models.TextChoices):
    """How the coach speaks (seeds 002, enum appendix)."""

    SUPPORTIVE = "SUPPORTIVE", "Supportive"
    NEUTRAL = "NEUTRAL", "Neutral"
    DIRECT = "DIRECT", "Direct"


class PersonaAggression(models.TextChoices):
    """How hard the coach pushes progression (seeds 002, enum appendix)."""

    CONSERVATIVE = "CONSERVATIVE", "Conservative"
    BALANCED = "BALANCED", "Balanced"
    AGGRESSIVE = "AGGRESSIVE", "Aggressive"


class User(AbstractUser):
    """An athlete (or a staff member). Logs in with email; there is no username.

    ``experience_level`` and the persona are the athlete's defaults; a program may
    override them for itself.
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    name = models.CharField(max_length=100, blank=True)
    experience_level = models.CharField(
        max_length=16,
        choices=ExperienceLevel.choices,
        default=ExperienceLevel.BEGINNER,
    )
    persona_tone = models.CharField(
        max_length=16, choices=PersonaTone.choices, default=PersonaTone.SUPPORTIVE
    )
    persona_aggression = models.CharField(
        max_length=16,
        choices=PersonaAggression.choices,
        default=PersonaAggression.BALANCED,
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.email

    def get_full_name(self) -> str:
        return self.name or self.email

    def get_short_name(self) -> str:
        return self.name or self.email.split("@")[0]


class Units(models.TextChoices):
    KG = "KG", "Kilograms"
    LB = "LB", "Pounds"


class E1RMFormula(models.TextChoices):
    """Estimated-1RM formulas (seeds 002 MetricsService; reference §6)."""

    EPLEY = "EPLEY", "Epley"
    BRZYCKI = "BRZYCKI", "Brzycki"
    LOMBARDI = "LOMBARDI", "Lombardi"
    OCONNER = "OCONNER", "O'Conner"


class AthleteSettings(TimeStampedModel):
    """An athlete's settings (seeds 002, settings domain): display units and the
    e1RM formula. Loads are always stored in kg and shown in ``units``."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="athlete_settings"
    )
    units = models.CharField(max_length=2, choices=Units.choices, default=Units.KG)
    e1rm_formula = models.CharField(
        max_length=8, choices=E1RMFormula.choices, default=E1RMFormula.EPLEY
    )

    class Meta:
        verbose_name_plural = "athlete settings"

    def __str__(self) -> str:
        return f"Settings of {self.user}"

    @classmethod
    def for_user(cls, user: User) -> AthleteSettings:
        """The athlete's settings, created with the defaults on first use."""
        settings, _ = cls.objects.get_or_create(user=user)
        return settings
