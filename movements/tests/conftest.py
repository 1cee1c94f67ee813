"""Fixtures for the movement tests: an authenticated API client and a staff
client for the admin, independent of the root conftest."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from rest_framework.test import APIClient


@pytest.fixture
def athlete(db):
    return get_user_model().objects.create_user(
        email="lifter@example.com", password="correct-horse-battery"
    )


@pytest.fixture
def athlete_client(athlete) -> APIClient:
    client = APIClient()
    client.force_authenticate(athlete)
    return client


@pytest.fixture
def staff_client(db) -> Client:
    admin = get_user_model().objects.create_superuser(
        email="coach@example.com", password="correct-horse-battery"
    )
    client = Client()
    client.force_login(admin)
    return client
