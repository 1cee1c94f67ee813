"""Writes for athletes: accounts, their profile and their settings."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from coach.models import AthleteProfile, AthleteSettings, User, new_calendar_token

EMAIL_TAKEN = "An account with this email already exists."


def user_register(*, email: str, password: str, name: str = "") -> User:
    """Create an athlete account.

    The email is normalised to lower case and must be unused; the password must
    pass Django's validators (``AUTH_PASSWORD_VALIDATORS``). Raises
    ``ValidationError`` with ``email`` / ``password`` field errors; nothing is
    written then.

    The password is validated and hashed (PBKDF2, hundreds of ms of CPU) before
    any transaction opens: on SQLite, whose transactions are IMMEDIATE, a hash
    inside one held the database's write lock for its whole duration. Only the
    INSERT runs in a transaction. Two sign-ups racing for one address (the
    other committing while this one hashes) both pass the uniqueness check; the
    loser's INSERT breaks the unique index and is answered as the ``email``
    error, never a 500.
    """
    email = (email or "").strip().lower()
    errors: dict[str, list[str]] = {}
    user_model = get_user_model()
    if user_model.objects.filter(email__iexact=email).exists():
        errors["email"] = [EMAIL_TAKEN]
    candidate = user_model(email=email, name=name, is_staff=False, is_superuser=False)
    try:
        validate_password(password, user=candidate)
    except ValidationError as exc:
        errors["password"] = list(exc.messages)
    if errors:
        raise ValidationError(errors)
    # The address was free a moment ago; the unique index has the last word.
    candidate.full_clean(exclude=["password"], validate_unique=False)
    candidate.password = make_password(password)
    try:
        with transaction.atomic():
            candidate.save(force_insert=True)
    except IntegrityError as exc:
        if user_model.objects.filter(email__iexact=email).exists():
            raise ValidationError({"email": [EMAIL_TAKEN]}) from exc
        raise
    return candidate


#: Profile fields that live on the User (the athlete's defaults for programs).
USER_PROFILE_FIELDS = ("name", "experience_level", "persona_tone", "persona_aggression")
#: Fields of :class:`AthleteProfile` an athlete edits.
PROFILE_FIELDS = (
    "long_term_goals",
    "preferred_weekdays",
    "discipline_priorities",
    "discipline_experience",
    "dedicated_mobility_days",
    "dedicated_cardio_days",
    "cardio_as_finisher",
    "training_time",
    "time_zone",
)
SETTINGS_FIELDS = ("units", "e1rm_formula")


@transaction.atomic
def athlete_profile_update(*, user: User, **changes) -> AthleteProfile:
    """Update the athlete's profile: any of :data:`USER_PROFILE_FIELDS` (stored on
    the user) and :data:`PROFILE_FIELDS`; keys not given are left alone.

    Weekdays are stored in order; discipline priorities and experience replace the
    stored dicts whole. Raises ``ValidationError`` with every field error (nothing
    is written then); ``TypeError`` for a field that is not editable.
    """
    unknown = set(changes) - set(USER_PROFILE_FIELDS) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Not profile fields: {', '.join(sorted(unknown))}")
    profile = AthleteProfile.for_user(user)
    user_fields = [f for f in USER_PROFILE_FIELDS if f in changes]
    profile_fields = [f for f in PROFILE_FIELDS if f in changes]
    for name in user_fields:
        setattr(user, name, changes[name])
    for name in profile_fields:
        value = changes[name]
        if name == "preferred_weekdays" and isinstance(value, list | tuple):
            value = sorted(value) if all(isinstance(v, int) for v in value) else value
            value = list(value)
        if name in ("long_term_goals", "time_zone"):
            value = (value or "").strip()
        setattr(profile, name, value)
    errors: dict[str, list[str]] = {}
    if user_fields:
        try:
            user.full_clean(exclude=["password", "email"], validate_unique=False)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    try:
        profile.full_clean(exclude=["user"], validate_unique=False)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    if user_fields:
        user.save(update_fields=user_fields)
    if profile_fields:
        profile.save(update_fields=[*profile_fields, "updated_at"])
    return profile


@transaction.atomic
def athlete_settings_update(*, user: User, **changes) -> AthleteSettings:
    """Update the athlete's settings (``units``, ``e1rm_formula``); keys not given
    are left alone. Raises ``ValidationError`` for a value out of its choices."""
    unknown = set(changes) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"Not settings fields: {', '.join(sorted(unknown))}")
    settings = AthleteSettings.for_user(user)
    for name, value in changes.items():
        setattr(settings, name, value)
    settings.full_clean(exclude=["user"], validate_unique=False)
    if changes:
        settings.save(update_fields=[*changes, "updated_at"])
    return settings


@transaction.atomic
def calendar_token_regenerate(*, user: User) -> AthleteProfile:
    """Give the athlete a new calendar-feed secret (``/calendar/<token>.ics``).

    The old URL, if any, stops working at once (a 404): calendar apps subscribed
    to it must subscribe to the new one. Returns the profile with the new
    ``calendar_token``.
    """
    profile = AthleteProfile.for_user(user)
    profile.calendar_token = new_calendar_token()
    profile.save(update_fields=["calendar_token", "updated_at"])
    return profile


@transaction.atomic
def calendar_token_revoke(*, user: User) -> AthleteProfile:
    """Turn the athlete's calendar feed off: its URL answers 404 from now on.
    Revoking a feed that is already off changes nothing."""
    profile = AthleteProfile.for_user(user)
    if profile.calendar_token is not None:
        profile.calendar_token = None
        profile.save(update_fields=["calendar_token", "updated_at"])
    return profile
