"""One transaction per unsafe request, autocommit for reads
(coach.middleware.UnsafeRequestTransactionMiddleware).

The views are coach/tests/transaction_urls.py: each writes a user, then fails in
one of the ways a request fails. The tests run with real commits
(``transaction=True``), so "nothing was written" means nothing reached the
database, and ``in_atomic_block`` inside a view is the request's own."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from coach.models import User

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("coach.tests.transaction_urls"),
]


def exists(email: str) -> bool:
    return User.objects.filter(email=email).exists()


@pytest.mark.parametrize("method", ["get", "head", "options"])
def test_a_read_runs_in_autocommit(method):
    response = getattr(Client(), method)("/atomic")
    assert response.status_code == 200
    if method != "head":
        assert response.json() == {"atomic": False}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_write_runs_in_one_transaction(method):
    response = getattr(Client(), method)("/atomic")
    assert response.json() == {"atomic": True}


def test_a_view_marked_non_atomic_stays_outside_for_a_post():
    assert Client().post("/outside").json() == {"atomic": False}


def test_an_unmarked_async_view_is_refused_a_request_transaction():
    with pytest.raises(RuntimeError, match="non_atomic_requests"):
        Client().post("/async")
    assert Client().get("/async").status_code == 200


def test_a_read_that_creates_a_row_on_first_use_commits_it(user):
    """The settings row a first GET creates is get_or_create's own transaction."""
    from coach.models import AthleteSettings

    client = APIClient()
    client.force_authenticate(user)
    assert not AthleteSettings.objects.filter(user=user).exists()
    assert client.get("/api/v1/settings/").status_code == 200
    assert AthleteSettings.objects.filter(user=user).exists()


def test_a_read_sends_no_begin_or_savepoint():
    with CaptureQueriesContext(connection) as queries:
        Client().get("/atomic")
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    assert "BEGIN" not in statements
    assert "SAVEPOINT" not in statements


def test_a_successful_api_write_is_committed():
    response = APIClient().post("/api/written?email=kept@example.com")
    assert response.status_code == 201
    assert exists("kept@example.com")


def test_a_refused_domain_rule_writes_nothing():
    response = APIClient().post("/api/refused?email=refused@example.com")
    assert response.status_code == 400
    assert response.json()["detail"] == "No."
    assert not exists("refused@example.com")


def test_an_error_drf_handles_writes_nothing():
    response = APIClient().post("/api/invalid?email=invalid@example.com")
    assert response.status_code == 400
    assert response.json() == {"field": ["Bad."]}
    assert not exists("invalid@example.com")


def test_a_browser_view_that_breaks_writes_nothing():
    response = Client(raise_request_exception=False).post(
        "/crash?email=crash@example.com"
    )
    assert response.status_code == 500
    assert not exists("crash@example.com")


def test_a_database_lost_half_way_is_a_503_that_writes_nothing():
    response = Client().post("/unavailable?email=lost@example.com")
    assert response.status_code == 503
    assert b"Back in a moment" in response.content
    assert not exists("lost@example.com")


def test_an_api_handler_error_on_a_get_marks_no_outer_block():
    """A GET has no request transaction: the handler leaves the caller's block be."""
    from django.db import transaction

    from coach.exceptions import ApplicationError, api_exception_handler
    from coach.middleware import REQUEST_ATOMIC_ATTR

    class Request:
        pass

    request = Request()
    with transaction.atomic():
        api_exception_handler(ApplicationError("No."), {"request": request})
        assert not connection.needs_rollback
        setattr(request, REQUEST_ATOMIC_ATTR, True)
        api_exception_handler(ApplicationError("No."), {"request": request})
        assert connection.needs_rollback
        transaction.set_rollback(False)
