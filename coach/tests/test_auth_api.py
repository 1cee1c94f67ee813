from __future__ import annotations

import pytest

from coach.models import User
from coach.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = "/api/v1/auth/register"
LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
VERIFY = "/api/v1/auth/verify-token"


def test_register_creates_account_and_returns_token_pair(api_client):
    response = api_client.post(
        REGISTER, {"email": "New@Example.com", "password": PASSWORD, "name": "Ana"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["access"]
    assert body["refresh"]
    assert body["user"]["email"] == "new@example.com"
    assert User.objects.filter(email="new@example.com").count() == 1


def test_register_rejects_duplicate_email_case_insensitively(api_client):
    UserFactory(email="taken@example.com")
    response = api_client.post(
        REGISTER, {"email": "TAKEN@example.com", "password": PASSWORD}
    )
    assert response.status_code == 400
    assert "email" in response.json()
    assert User.objects.count() == 1


@pytest.mark.parametrize("password", ["short", "12345678901", "password123"])
def test_register_rejects_weak_password_and_writes_nothing(api_client, password):
    response = api_client.post(
        REGISTER, {"email": "a@example.com", "password": password}
    )
    assert response.status_code == 400
    assert "password" in response.json()
    assert not User.objects.exists()


def test_register_rejects_invalid_email(api_client):
    response = api_client.post(
        REGISTER, {"email": "not-an-email", "password": PASSWORD}
    )
    assert response.status_code == 400
    assert "email" in response.json()


def test_login_returns_pair_and_user(api_client):
    user = UserFactory(email="lifter@example.com")
    response = api_client.post(
        LOGIN, {"email": "Lifter@Example.com", "password": PASSWORD}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["user"]["id"] == user.pk
    assert body["access"]
    assert body["refresh"]


def test_login_with_wrong_password_is_401(api_client):
    UserFactory(email="lifter@example.com")
    response = api_client.post(
        LOGIN, {"email": "lifter@example.com", "password": "nope-nope"}
    )
    assert response.status_code == 401


def test_bearer_token_authenticates_api_and_refresh_rotates(api_client):
    UserFactory(email="lifter@example.com")
    pair = api_client.post(
        LOGIN, {"email": "lifter@example.com", "password": PASSWORD}
    ).json()
    assert api_client.get("/api/v1/programs/").status_code == 401
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {pair['access']}")
    assert api_client.get("/api/v1/programs/").status_code == 200

    api_client.credentials()
    refreshed = api_client.post(REFRESH, {"refresh": pair["refresh"]})
    assert refreshed.status_code == 200
    assert refreshed.json()["access"]
    # Rotation blacklists the used refresh token: it cannot be replayed.
    assert api_client.post(REFRESH, {"refresh": pair["refresh"]}).status_code == 401


def test_verify_token_by_query_and_by_header(api_client):
    user = UserFactory()
    pair = api_client.post(LOGIN, {"email": user.email, "password": PASSWORD}).json()
    by_query = api_client.get(VERIFY, {"token": pair["access"]})
    assert by_query.status_code == 200
    assert by_query.json()["id"] == user.pk
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {pair['access']}")
    assert api_client.get(VERIFY).json()["email"] == user.email


def test_verify_token_rejects_garbage_and_anonymous(api_client):
    assert api_client.get(VERIFY, {"token": "garbage"}).status_code == 401
    assert api_client.get(VERIFY).status_code == 401


@pytest.mark.parametrize("name", ["register", "login", "refresh"])
def test_auth_views_hash_passwords_outside_the_request_transaction(name):
    # Under ATOMIC_REQUESTS a SQLite write lock was held for the whole PBKDF2
    # hash; the load test saw "database is locked" behind concurrent sign-ups.
    from django.urls import resolve, reverse

    view = resolve(reverse(f"api:auth:{name}")).func
    assert "default" in getattr(view, "_non_atomic_requests", set())
