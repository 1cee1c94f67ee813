"""Hostile input: Schemathesis against ``/api/schema/`` as a logged-in athlete.

Every operation of the OpenAPI schema gets generated requests (valid and
invalid bodies, query strings and path ids, through the real WSGI stack in this
process); none may answer 5xx, and every 4xx must have a JSON body. The number
of examples per operation is ``ALLOY_FUZZ_EXAMPLES`` (CI: 5, ``make fuzz``: 200).
The athlete owns a program (with sessions) and a workout log, so ids near the
low end reach real objects, not only 404s.
"""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("ALLOY_FUZZ_EXAMPLES", "5"))


@pytest.fixture
def api_schema(db):
    """The schema, loaded through the WSGI app. Like Django's test client, the
    requests keep the test's database connection (and its transaction) open."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from coach.wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(user):
    """A Bearer header for ``user``, who owns a program and a workout log."""
    from decimal import Decimal

    from rest_framework_simplejwt.tokens import RefreshToken

    from training_logs.services import SetInput, workout_log_create
    from training_logs.tests.factories import MovementFactory, program_weeks

    program_weeks(user, start=dt.date(2026, 1, 5), weeks=2)
    movement = MovementFactory()
    workout_log_create(
        user=user,
        sets=[SetInput(movement_id=movement.pk, load_kg=Decimal(80), reps=5)],
    )
    return {"Authorization": f"Bearer {RefreshToken.for_user(user).access_token}"}


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_answers_5xx_and_every_4xx_is_json(case, bearer):
    response = case.call(headers=bearer)
    described = (
        f"{case.method} {case.formatted_path} query={case.query!r} body={case.body!r}"
    )
    assert response.status_code < 500, (
        f"{described} → {response.status_code}: {response.text[:500]}"
    )
    if 400 <= response.status_code < 500:
        try:
            json.loads(response.text)
        except ValueError:
            pytest.fail(
                f"{described} → {response.status_code} without a JSON body: "
                f"{response.text[:200]!r}"
            )
