from __future__ import annotations

import pytest
from django.contrib.auth import authenticate

from coach.models import User

pytestmark = pytest.mark.django_db


def test_create_user_normalises_email_and_authenticates_by_email():
    user = User.objects.create_user(
        email="Mixed@Case.COM", password="correct-horse-battery"
    )
    assert user.email == "mixed@case.com"
    assert (
        authenticate(username="MIXED@case.com", password="correct-horse-battery")
        == user
    )


def test_create_user_without_email_fails():
    with pytest.raises(ValueError, match="email"):
        User.objects.create_user(email="", password="x")


def test_superuser_is_staff():
    admin = User.objects.create_superuser(
        email="boss@example.com", password="pw-long-enough"
    )
    assert admin.is_staff
    assert admin.is_superuser
