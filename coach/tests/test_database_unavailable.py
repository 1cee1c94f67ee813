"""The database goes away for a moment: 503 with a clear body, never a 500."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


@contextmanager
def database_down():
    """Every query on this connection fails as when PostgreSQL restarts."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("terminating connection due to administrator command")

    with connection.execute_wrapper(refuse):
        yield


def test_api_read_is_a_503_with_a_json_body(auth_client):
    with database_down():
        response = auth_client.get("/api/v1/programs/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.json()
    assert body["code"] == "database_unavailable"
    assert "try again" in body["detail"].lower()


def test_api_write_is_a_503_and_writes_nothing(api_client):
    from coach.models import User

    with database_down():
        response = api_client.post(
            "/api/v1/auth/register",
            {"email": "new@alloy.local", "password": "a-long-enough-pass"},
        )
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"
    assert not User.objects.filter(email="new@alloy.local").exists()


def test_jwt_login_is_a_503_not_a_500(api_client, user):
    from coach.tests.factories import PASSWORD

    with database_down():
        response = api_client.post(
            "/api/v1/auth/login", {"email": user.email, "password": PASSWORD}
        )
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"


def test_a_page_is_a_plain_503_page(client, user):
    client.force_login(user)
    with database_down():
        response = client.get("/")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert b"Back in a moment" in response.content


def test_health_says_the_database_is_down(client):
    with database_down():
        response = client.get("/health")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["database"]["status"] == "error"
    assert "administrator command" in body["database"]["error"]


def test_a_database_error_outside_a_view_is_a_503_too(rf):
    from coach.views import server_error

    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(rf.get("/api/v1/programs/"))
    assert response.status_code == 503
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(rf.get("/")).status_code == 500
