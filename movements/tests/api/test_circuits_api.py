"""``/api/v1/circuits/``: the list and its filters, detail, and staff-only writes."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from movements.models import Circuit, CircuitType
from movements.tests.factories import CircuitFactory, MovementFactory

pytestmark = pytest.mark.django_db

LIST = reverse("api:movements:circuit-list")


def detail(pk: int) -> str:
    return reverse("api:movements:circuit-detail", args=[pk])


@pytest.fixture
def staff_api():
    admin = get_user_model().objects.create_user(
        email="staff@example.com", password="correct-horse-battery", is_staff=True
    )
    client = APIClient()
    client.force_authenticate(admin)
    return client


@pytest.fixture
def moves():
    return {
        "pullups": MovementFactory(name="Pullups", equipment=["pull_up_bar"]),
        "pushups": MovementFactory(name="Pushups", pattern="horizontal_push"),
        "squat": MovementFactory(name="Bodyweight Squat"),
        "swing": MovementFactory(
            name="Kettlebell Swing", pattern="hinge", equipment=["kettlebell"]
        ),
    }


@pytest.fixture
def library(moves):
    return {
        "cindy": CircuitFactory(
            name="Cindy",
            time_cap_seconds=1200,
            disciplines=["CROSSFIT", "CALISTHENICS"],
            movements=[
                (moves["pullups"], {"reps": 5}),
                (moves["pushups"], {"reps": 10}),
                (moves["squat"], {"reps": 15}),
            ],
        ),
        "tabata": CircuitFactory(
            name="Squat Tabata",
            circuit_type=CircuitType.TABATA,
            time_cap_seconds=None,
            disciplines=["ALL"],
            movements=[(moves["squat"], {}), (moves["pushups"], {})],
        ),
        "swings": CircuitFactory(
            name="Swing Eight",
            time_cap_seconds=480,
            disciplines=["ALL"],
            movements=[
                (moves["swing"], {"reps": 15}),
                (moves["pushups"], {"reps": 10}),
            ],
        ),
    }


def names(response) -> list[str]:
    assert response.status_code == 200, response.data
    return [c["name"] for c in response.data["results"]]


def body(moves, **overrides) -> dict:
    return {
        "name": "Short Cindy",
        "circuit_type": "AMRAP",
        "description": "Ten minutes of rounds.",
        "time_cap_seconds": 600,
        "scoring": "ROUNDS_REPS",
        "disciplines": ["CROSSFIT"],
        "movements": [
            {"movement": moves["pullups"].pk, "reps": 5},
            {"movement": moves["pushups"].pk, "reps": 10},
        ],
        **overrides,
    }


# ---------------------------------------------------------------------------
# Reads
# ---------------------------------------------------------------------------
def test_the_list_is_paginated_by_name_in_three_queries(
    athlete_client, library, django_assert_num_queries
):
    # count, rows, movements
    with django_assert_num_queries(3):
        response = athlete_client.get(LIST)

    assert response.data["count"] == 3
    assert names(response) == ["Cindy", "Squat Tabata", "Swing Eight"]
    cindy = response.data["results"][0]
    assert cindy["estimated_seconds"] == 1200
    assert cindy["estimated_minutes"] == 20
    assert cindy["equipment"] == ["pull_up_bar"]
    assert [
        (m["order"], m["movement"]["name"], m["dose"]) for m in cindy["movements"]
    ] == [
        (1, "Pullups", "5"),
        (2, "Pushups", "10"),
        (3, "Bodyweight Squat", "15"),
    ]


def test_the_list_filters_by_type_and_discipline_and_searches_names(
    athlete_client, library
):
    assert names(athlete_client.get(LIST, {"type": "TABATA"})) == ["Squat Tabata"]
    assert names(athlete_client.get(LIST, {"search": "swing"})) == ["Swing Eight"]
    assert names(athlete_client.get(LIST, {"discipline": "CALISTHENICS"})) == ["Cindy"]


def test_max_minutes_keeps_circuits_that_fit(athlete_client, library):
    # Cindy 20 min, the Tabata 9 min (two Tabatas a minute apart), swings 8 min.
    assert names(athlete_client.get(LIST, {"max_minutes": 9})) == [
        "Squat Tabata",
        "Swing Eight",
    ]
    assert names(athlete_client.get(LIST, {"max_minutes": 8})) == ["Swing Eight"]


def test_available_with_keeps_circuits_whose_kit_is_at_hand(athlete_client, library):
    assert names(athlete_client.get(LIST, {"available_with": "bodyweight"})) == [
        "Squat Tabata"
    ]
    assert names(athlete_client.get(LIST, {"available_with": "kettlebell"})) == [
        "Squat Tabata",
        "Swing Eight",
    ]
    both = {"available_with": "kettlebell,pull_up_bar", "max_minutes": 10}
    assert names(athlete_client.get(LIST, both)) == ["Squat Tabata", "Swing Eight"]


def test_python_filters_cost_two_more_queries(
    athlete_client, library, django_assert_num_queries
):
    with django_assert_num_queries(5):
        athlete_client.get(LIST, {"max_minutes": 30, "discipline": "ALL"})


def test_bad_filter_values_are_400_with_field_errors(athlete_client, library):
    response = athlete_client.get(LIST, {"type": "YOGA", "max_minutes": 0})

    assert response.status_code == 400
    assert set(response.data) == {"type", "max_minutes"}


def test_detail_shows_one_circuit_in_two_queries(
    athlete_client, library, django_assert_num_queries
):
    with django_assert_num_queries(2):  # the row, its movements
        response = athlete_client.get(detail(library["tabata"].pk))

    assert response.status_code == 200
    assert response.data["circuit_type"] == "TABATA"
    assert [m["dose"] for m in response.data["movements"]] == ["", ""]
    assert athlete_client.get(detail(999_999)).status_code == 404


def test_reads_need_an_account(api_client, library):
    assert api_client.get(LIST).status_code == 401


# ---------------------------------------------------------------------------
# Writes (staff only)
# ---------------------------------------------------------------------------
def test_staff_create_a_circuit(staff_api, moves):
    response = staff_api.post(LIST, body(moves), format="json")

    assert response.status_code == 201, response.data
    assert response.data["slug"] == "short-cindy"
    assert response.data["estimated_seconds"] == 600
    assert [m["movement"]["name"] for m in response.data["movements"]] == [
        "Pullups",
        "Pushups",
    ]


def test_athletes_may_not_write_and_anonymous_clients_must_log_in(
    athlete_client, api_client, moves, library
):
    cindy = library["cindy"].pk
    assert athlete_client.post(LIST, body(moves), format="json").status_code == 403
    assert athlete_client.put(detail(cindy), body(moves)).status_code == 403
    assert athlete_client.patch(detail(cindy), {"difficulty": 5}).status_code == 403
    # Unauthenticated: 401 (the JWT scheme asks for credentials), never a write.
    assert api_client.post(LIST, body(moves), format="json").status_code == 401
    assert api_client.patch(detail(cindy), {"difficulty": 5}).status_code == 401
    assert Circuit.objects.count() == 3
    assert Circuit.objects.get(pk=cindy).difficulty == 2


def test_a_broken_format_is_a_400_naming_the_fields_and_writes_nothing(
    staff_api, moves
):
    bad = body(
        moves,
        circuit_type="EMOM",
        scoring="TIME",
        movements=[{"movement": moves["pullups"].pk, "reps": 5, "seconds": 20}] * 2,
    )

    response = staff_api.post(LIST, bad, format="json")

    assert response.status_code == 400
    assert set(response.data) == {"rounds", "time_cap_seconds", "scoring", "movements"}
    assert not Circuit.objects.exists()


def test_movements_are_checked_for_count_order_and_existence(staff_api, moves):
    one = body(moves, movements=[{"movement": moves["pullups"].pk, "reps": 5}])
    response = staff_api.post(LIST, one, format="json")
    assert response.status_code == 400
    assert "movements" in response.data

    twice = body(
        moves,
        movements=[
            {"movement": moves["pullups"].pk, "order": 1, "reps": 5},
            {"movement": moves["pushups"].pk, "order": 1, "reps": 5},
        ],
    )
    response = staff_api.post(LIST, twice, format="json")
    assert response.data["movements"] == ["Order 1 is used 2 times: one movement each."]

    ghost = body(moves, movements=[{"movement": 999_999, "reps": 5}] * 2)
    response = staff_api.post(LIST, ghost, format="json")
    assert response.data["movements"] == ["No movement with id 999999."]
    assert not Circuit.objects.exists()


def test_staff_replace_and_patch_a_circuit(staff_api, moves, library):
    cindy = library["cindy"]

    response = staff_api.put(
        detail(cindy.pk), body(moves, name="Cindy", time_cap_seconds=900), format="json"
    )
    assert response.status_code == 200, response.data
    assert response.data["estimated_minutes"] == 15
    assert len(response.data["movements"]) == 2

    response = staff_api.patch(detail(cindy.pk), {"difficulty": 4}, format="json")
    assert response.status_code == 200, response.data
    assert response.data["difficulty"] == 4
    assert response.data["time_cap_seconds"] == 900
    assert len(response.data["movements"]) == 2


def test_a_patch_that_breaks_the_format_is_a_400_and_changes_nothing(
    staff_api, library
):
    cindy = library["cindy"]

    response = staff_api.patch(
        detail(cindy.pk), {"time_cap_seconds": None}, format="json"
    )

    assert response.status_code == 400
    assert response.data["time_cap_seconds"] == ["An AMRAP needs a time cap."]
    cindy.refresh_from_db()
    assert cindy.time_cap_seconds == 1200


def test_the_openapi_schema_describes_circuits_without_warnings(tmp_path):
    out = tmp_path / "schema.yml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))

    schema = out.read_text()
    assert "/api/v1/circuits/{id}/" in schema
    assert "CircuitInput" in schema
