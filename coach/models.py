"""The athlete: Alloy's custom user (email login), their profile and settings, and
shared model bases."""

from __future__ import annotations

import datetime as dt
import secrets
import zoneinfo
from functools import cache

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
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
        """The athlete's settings, created with the defaults on first use (a GET
        runs in autocommit: ``get_or_create`` inserts in a transaction of its own
        and, if a concurrent request won, reads that row)."""
        settings, _ = cls.objects.get_or_create(user=user)
        return settings


class TrainingDiscipline(models.TextChoices):
    """The disciplines an athlete sets a priority and an experience for (seeds 003,
    sessions 13–14). Values equal ``movements.models.Discipline`` values: coach
    imports no domain app, so a movements test pins the match."""

    MOBILITY = "MOBILITY", "Mobility"
    CALISTHENICS = "CALISTHENICS", "Calisthenics"
    OLYMPIC_LIFTING = "OLYMPIC_LIFTING", "Olympic lifts"
    CROSSFIT = "CROSSFIT", "CrossFit-style conditioning"
    CARDIO = "CARDIO", "Cardio"


class Weekday(models.IntegerChoices):
    """ISO weekday numbers from 0 (Python's ``date.weekday()``)."""

    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


#: Discipline priorities run from 0 ("not for me") to 5 ("a lot"); a discipline
#: left out means "no preference". The engine reads them as priority / 5.
PRIORITY_MAX = 5


def validate_weekdays(value) -> None:
    """A list of distinct weekday numbers 0 (Monday) … 6 (Sunday)."""
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 6 for v in value
    ):
        raise ValidationError("Use weekday numbers 0 (Monday) to 6 (Sunday).")
    if len(set(value)) != len(value):
        raise ValidationError("A weekday appears twice.")


def validate_discipline_priorities(value) -> None:
    """``{discipline: 0–5}`` over :class:`TrainingDiscipline`."""
    if not isinstance(value, dict):
        raise ValidationError("Give priorities as {discipline: 0–5}.")
    for key, priority in value.items():
        if key not in TrainingDiscipline.values:
            raise ValidationError(f"{key} is not a discipline you can prioritise.")
        if (
            not isinstance(priority, int)
            or isinstance(priority, bool)
            or not 0 <= priority <= PRIORITY_MAX
        ):
            raise ValidationError(
                f"The priority of {key} must be a whole number from 0 to {PRIORITY_MAX}."
            )


def validate_discipline_experience(value) -> None:
    """``{discipline: experience level}`` over :class:`TrainingDiscipline`; a
    discipline left out means "never done it"."""
    if not isinstance(value, dict):
        raise ValidationError("Give experience as {discipline: level}.")
    for key, level in value.items():
        if key not in TrainingDiscipline.values:
            raise ValidationError(f"{key} is not a discipline you can rate.")
        if level not in ExperienceLevel.values:
            raise ValidationError(f"{level} is not an experience level.")


@cache
def time_zone_names() -> frozenset[str]:
    """Every IANA time-zone name this machine knows (``zoneinfo``, with the
    ``tzdata`` package as the fallback database)."""
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    """An IANA time-zone name such as ``Europe/Paris``; empty means the site's
    ``TIME_ZONE``."""
    if value and value not in time_zone_names():
        raise ValidationError(f"{value} is not a time zone (try Europe/London).")


#: When sessions start in the calendar feed until the athlete says otherwise.
DEFAULT_TRAINING_TIME = dt.time(18, 0)


def new_calendar_token() -> str:
    """A fresh calendar-feed secret: 32 random bytes, URL-safe (43 characters of
    ``[A-Za-z0-9_-]``, so it fits a ``slug`` URL converter)."""
    return secrets.token_urlsafe(32)


class AthleteProfile(TimeStampedModel):
    """What Alloy knows about the athlete beyond the account (seeds 002 UserProfile;
    seeds 003 sessions 13, 14 and 16). Experience and persona stay on :class:`User`.

    * ``long_term_goals``: free text, for the coach's notes.
    * ``preferred_weekdays``: weekday numbers (0 = Monday) training should land on;
      empty means "spread the days".
    * ``discipline_priorities``: ``{discipline: 0–5}`` (:data:`PRIORITY_MAX`).
    * ``discipline_experience``: ``{discipline: ExperienceLevel}``; absent means
      never done (no Olympic lifts in a main block without OLYMPIC_LIFTING here).
    * Scheduling: ``dedicated_mobility_days`` (mobility on its own days rather
      than mixed into lifting days' warm-ups and cool-downs);
      ``dedicated_cardio_days`` and ``cardio_as_finisher`` (cardio on its own days,
      as 10–20 min finishers on lifting days, or both).
    * Calendar: ``training_time`` (local wall-clock time sessions start at) in
      ``time_zone`` (an IANA name; empty: the site's ``TIME_ZONE``), and
      ``calendar_token``, the secret in the athlete's calendar-feed URL
      (``/calendar/<token>.ics``); ``None`` means no feed (never made, or revoked).

    Programs copy these at creation (their snapshot); changing the profile never
    changes a program already written.
    """

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="athlete_profile"
    )
    long_term_goals = models.TextField(max_length=2000, blank=True)
    preferred_weekdays = models.JSONField(
        default=list, blank=True, validators=[validate_weekdays]
    )
    discipline_priorities = models.JSONField(
        default=dict, blank=True, validators=[validate_discipline_priorities]
    )
    discipline_experience = models.JSONField(
        default=dict, blank=True, validators=[validate_discipline_experience]
    )
    dedicated_mobility_days = models.BooleanField(default=False)
    dedicated_cardio_days = models.BooleanField(default=False)
    cardio_as_finisher = models.BooleanField(default=True)
    training_time = models.TimeField(default=DEFAULT_TRAINING_TIME)
    time_zone = models.CharField(
        max_length=64, blank=True, validators=[validate_time_zone]
    )
    calendar_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The athlete's time zone, or the site's when they have not set one."""
        return zoneinfo.ZoneInfo(self.time_zone or settings.TIME_ZONE)

    @classmethod
    def for_user(cls, user: User) -> AthleteProfile:
        """The athlete's profile, created with the defaults on first use (in a
        transaction of its own, like :meth:`AthleteSettings.for_user`)."""
        profile, _ = cls.objects.get_or_create(user=user)
        return profile
