"""Writes for athletes (accounts)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from coach.models import User


@transaction.atomic
def user_register(*, email: str, password: str, name: str = "") -> User:
    """Create an athlete account.

    The email is normalised to lower case and must be unused; the password must
    pass Django's validators (``AUTH_PASSWORD_VALIDATORS``). Raises
    ``ValidationError`` with ``email`` / ``password`` field errors; nothing is
    written then.
    """
    email = (email or "").strip().lower()
    errors: dict[str, list[str]] = {}
    user_model = get_user_model()
    if user_model.objects.filter(email__iexact=email).exists():
        errors["email"] = ["An account with this email already exists."]
    candidate = user_model(email=email, name=name)
    try:
        validate_password(password, user=candidate)
    except ValidationError as exc:
        errors["password"] = list(exc.messages)
    if errors:
        raise ValidationError(errors)
    return user_model.objects.create_user(email=email, password=password, name=name)
