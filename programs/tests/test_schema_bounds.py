"""The OpenAPI schema (/api/schema/) states the bounds the API enforces
(issue 8, item 7): the program request's bounds are the engine's ``BOUNDS``, and
the log limits are declared, not only checked."""

from __future__ import annotations

import pytest

from programs.generation import BOUNDS, GOAL_BUDGET, MAX_GOALS

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schemas(django_db_blocker):
    from rest_framework.test import APIClient

    with django_db_blocker.unblock():
        response = APIClient().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()["components"]["schemas"]


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_program_request_bounds_are_the_engines(schemas, name):
    low, high = BOUNDS[name]
    prop = schemas["ProgramCreateInputRequest"]["properties"].get(name)
    if prop is None:  # microcycle_length_days is not a request field
        assert name == "microcycle_length_days"
        return
    assert (prop["minimum"], prop["maximum"]) == (low, high)


def test_program_goals_are_bounded(schemas):
    goals = schemas["ProgramCreateInputRequest"]["properties"]["goals"]
    assert (goals["minItems"], goals["maxItems"]) == (1, MAX_GOALS)
    weight = schemas["GoalWeightInputRequest"]["properties"]["weight"]
    assert (weight["minimum"], weight["maximum"]) == (1, GOAL_BUDGET)


@pytest.mark.parametrize(
    ("component", "field", "min_items", "max_items"),
    [
        ("WorkoutLogCreateInputRequest", "sets", None, 300),
        ("CustomWorkoutLogCreateInputRequest", "sets", 1, 300),
        ("SorenessLogCreateInputRequest", "entries", 1, 30),
    ],
)
def test_log_lists_declare_their_limits(
    schemas, component, field, min_items, max_items
):
    prop = schemas[component]["properties"][field]
    assert prop.get("minItems") == min_items
    assert prop["maxItems"] == max_items


@pytest.mark.parametrize(
    ("component", "field", "low", "high"),
    [
        ("SetLogInputRequest", "rpe", 1, 10),
        ("SetLogInputRequest", "load", 0, 4500),
        ("RecoverySignalCreateInputRequest", "sleep_hours", 0, 24),
        ("ActivityLogCreateInputRequest", "distance_km", 0, 1000),
    ],
)
def test_decimal_inputs_are_numbers_with_bounds(schemas, component, field, low, high):
    prop = schemas[component]["properties"][field]
    assert prop["type"] == "number"
    assert (float(prop["minimum"]), float(prop["maximum"])) == (low, high)
