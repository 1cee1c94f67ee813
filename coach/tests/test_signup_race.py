"""Two sign-ups racing for one address, and where the password hash runs.

The race is set up with a password hasher (a setting, not a mock): while
``user_register`` hashes, after it checked the address was free and before its
INSERT, the hasher commits another account for the same address, as a
concurrent sign-up would in that window. The unique index refuses the second
row; the API answers 400 and the page its form error, never a 500."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from coach.models import User

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "racer@example.com"
PASSWORD = "a-long-enough-pass"
TAKEN = "An account with this email already exists."


class RecordingHasher(MD5PasswordHasher):
    """MD5 (fast, for tests) that notes whether a transaction is open when it
    hashes and, when ``rival`` is set, first commits that account."""

    algorithm = "recording_md5"
    in_transaction: list[bool] = []
    rival: str | None = None

    def encode(self, password, salt):
        RecordingHasher.in_transaction.append(connection.in_atomic_block)
        if RecordingHasher.rival:
            email, RecordingHasher.rival = RecordingHasher.rival, None
            User.objects.bulk_create([User(email=email, password="!")])
        return super().encode(password, salt)


@pytest.fixture
def hasher():
    RecordingHasher.in_transaction = []
    RecordingHasher.rival = None
    with override_settings(PASSWORD_HASHERS=[f"{__name__}.RecordingHasher"]):
        yield RecordingHasher
    RecordingHasher.rival = None


def sign_up(where: str) -> tuple[Client, object]:
    if where == "api":
        client = APIClient()
        body = {"email": EMAIL, "password": PASSWORD}
        return client, client.post(reverse("api:auth:register"), body)
    client = Client()
    body = {
        "email": EMAIL,
        "name": "Racer",
        "password": PASSWORD,
        "password_confirm": PASSWORD,
    }
    return client, client.post(reverse("signup"), body)


def test_the_api_answers_a_lost_race_with_400_on_the_email(hasher):
    hasher.rival = EMAIL
    _client, response = sign_up("api")
    assert hasher.rival is None, "the rival's row was never inserted"
    assert response.status_code == 400, response.content
    assert response.json()["email"] == [TAKEN]
    assert User.objects.filter(email=EMAIL).count() == 1
    assert not User.objects.get(email=EMAIL).has_usable_password()  # the rival's


def test_the_sign_up_page_answers_a_lost_race_with_the_form_error(hasher):
    hasher.rival = EMAIL
    client, response = sign_up("page")
    assert hasher.rival is None
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_email_error"' in html
    assert TAKEN in html
    assert User.objects.filter(email=EMAIL).count() == 1
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("where", ["api", "page"])
def test_the_password_is_hashed_outside_any_transaction(hasher, where):
    _client, response = sign_up(where)
    assert response.status_code == (201 if where == "api" else 302)
    assert hasher.in_transaction[0] is False
    assert User.objects.get(email=EMAIL).check_password(PASSWORD)
