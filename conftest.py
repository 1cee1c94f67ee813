"""Fixtures shared by every app's tests (STYLE C13)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def user(db):
    from coach.tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def other_user(db):
    from coach.tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def api_client():
    """An anonymous API client."""
    return APIClient()


@pytest.fixture
def auth_client(user):
    """An API client authenticated as ``user``."""
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def other_client(other_user):
    """An API client authenticated as ``other_user``."""
    client = APIClient()
    client.force_authenticate(other_user)
    return client
