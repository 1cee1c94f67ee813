"""How many times the engine's validator runs per create (issue 8, item 1).

Every module that bound ``programs.generation.validation.validate_request``
under any name gets a counting wrapper, so the count holds however the call
reaches it (form, service, planner).
"""

from __future__ import annotations

import sys

import pytest

from programs.generation import validation
from programs.tests.test_api import PROGRAMS, body
from programs.tests.test_views_wizard import complete, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def validator_calls(monkeypatch):
    original = validation.validate_request
    calls: list[int] = []

    def counting(request):
        calls.append(1)
        return original(request)

    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "") or ""
        if not name.startswith("programs"):
            continue
        for attr, value in list(vars(module).items()):
            if value is original:
                monkeypatch.setattr(module, attr, counting)
    return calls


def test_api_create_validates_once(auth_client, library, validator_calls):
    response = auth_client.post(PROGRAMS, body(), format="json")
    assert response.status_code == 202, response.content
    assert len(validator_calls) == 1


def test_wizard_create_validates_once(client, user, library, validator_calls):
    client.force_login(user)
    complete(client)
    validator_calls.clear()
    response = client.post(step_url("review"), {"action": "create"})
    assert response.status_code == 302
    assert len(validator_calls) == 1


def test_wizard_review_checks_goals_and_schedule_once_each(
    client, user, library, validator_calls
):
    client.force_login(user)
    complete(client)
    validator_calls.clear()
    response = client.get(step_url("review"))
    assert response.status_code == 200
    assert len(validator_calls) == 2
