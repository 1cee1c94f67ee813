"""``GET /api/v1/movements/`` and ``GET /api/v1/movements/{id}/``."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from movements.tests.factories import MovementFactory

pytestmark = pytest.mark.django_db


def list_url() -> str:
    return reverse("api:movements:movement-list")


def detail_url(pk: int) -> str:
    return reverse("api:movements:movement-detail", args=[pk])


@pytest.fixture
def catalogue():
    """A small catalogue covering the filters."""
    return {
        "squat": MovementFactory(
            name="Barbell Squat",
            pattern="squat",
            equipment=["barbell", "rack"],
            level=1,
            tags=["knee_dominant"],
            primary_muscles=["quadriceps"],
            secondary_muscles=["glutes", "hamstrings"],
        ),
        "rdl": MovementFactory(
            name="Romanian Deadlift",
            pattern="hinge",
            force="pull",
            equipment=["barbell"],
            level=3,
            primary_muscles=["hamstrings"],
            secondary_muscles=["glutes", "lower_back"],
        ),
        "pushup": MovementFactory(
            name="Pushups",
            pattern="horizontal_push",
            equipment=[],
            primary_discipline="CALISTHENICS",
            primary_muscles=["chest"],
            secondary_muscles=["triceps", "shoulders"],
        ),
        "bench": MovementFactory(
            name="Dumbbell Bench Press",
            pattern="horizontal_push",
            equipment=["bench", "dumbbell"],
            primary_muscles=["chest"],
            secondary_muscles=["triceps"],
        ),
        "pullup": MovementFactory(
            name="Pullups",
            pattern="vertical_pull",
            force="pull",
            equipment=["pull_up_bar"],
            level=3,
            primary_discipline="CALISTHENICS",
            primary_muscles=["lats"],
            secondary_muscles=["biceps"],
        ),
        "fly": MovementFactory(
            name="Cable Crossover",
            pattern="isolation",
            mechanic="isolation",
            equipment=["cable"],
            primary_discipline="BODYBUILDING",
            primary_muscles=["chest"],
        ),
    }


def names(response) -> list[str]:
    return [row["name"] for row in response.data["results"]]


def test_anonymous_requests_are_refused(catalogue):
    anonymous = APIClient()

    assert anonymous.get(list_url()).status_code == 401
    assert anonymous.get(detail_url(catalogue["squat"].pk)).status_code == 401


def test_list_is_paginated_and_ordered_by_name(athlete_client, catalogue):
    response = athlete_client.get(list_url())

    assert response.status_code == 200
    assert response.data["count"] == 6
    assert names(response) == sorted(names(response))


def test_movement_output_shape(athlete_client, catalogue):
    squat = catalogue["squat"]

    response = athlete_client.get(detail_url(squat.pk))

    assert response.status_code == 200
    assert response.data == {
        "id": squat.pk,
        "name": "Barbell Squat",
        "slug": "barbell-squat",
        "pattern": "squat",
        "mechanic": "compound",
        "force": "push",
        "equipment": ["barbell", "rack"],
        "level": 1,
        "primary_discipline": "ALL",
        "tags": ["knee_dominant"],
        "is_unilateral": False,
        "is_timed": False,
        "primary_muscles": ["quadriceps"],
        "secondary_muscles": ["glutes", "hamstrings"],
    }


def test_unknown_movement_is_404(athlete_client, catalogue):
    assert athlete_client.get(detail_url(999_999)).status_code == 404


def test_filter_by_one_or_several_patterns(athlete_client, catalogue):
    one = athlete_client.get(list_url(), {"pattern": "squat"})
    several = athlete_client.get(f"{list_url()}?pattern=squat&pattern=hinge")

    assert names(one) == ["Barbell Squat"]
    assert names(several) == ["Barbell Squat", "Romanian Deadlift"]


def test_unknown_pattern_is_a_400(athlete_client, catalogue):
    assert athlete_client.get(list_url(), {"pattern": "twerk"}).status_code == 400


def test_filter_by_needed_equipment(athlete_client, catalogue):
    response = athlete_client.get(list_url(), {"equipment": "barbell"})

    assert names(response) == ["Barbell Squat", "Romanian Deadlift"]


def test_available_with_keeps_movements_whose_whole_kit_is_available(
    athlete_client, catalogue
):
    barbell_only = athlete_client.get(list_url(), {"available_with": "barbell"})
    home_gym = athlete_client.get(
        list_url(), {"available_with": "barbell,rack,pull_up_bar"}
    )
    nothing = athlete_client.get(list_url(), {"available_with": "bodyweight"})

    # Bodyweight is always available; the squat also needs a rack.
    assert names(barbell_only) == ["Pushups", "Romanian Deadlift"]
    assert names(home_gym) == [
        "Barbell Squat",
        "Pullups",
        "Pushups",
        "Romanian Deadlift",
    ]
    assert names(nothing) == ["Pushups"]


def test_available_with_rejects_unknown_equipment(athlete_client, catalogue):
    response = athlete_client.get(list_url(), {"available_with": "barbell,hovercraft"})

    assert response.status_code == 400
    assert "available_with" in response.data


def test_filter_by_muscle_in_any_role_or_one_role(athlete_client, catalogue):
    any_role = athlete_client.get(list_url(), {"muscle": "triceps"})
    primary = athlete_client.get(list_url(), {"muscle": "chest", "role": "PRIMARY"})
    secondary = athlete_client.get(
        list_url(), {"muscle": "glutes", "role": "SECONDARY"}
    )
    none = athlete_client.get(list_url(), {"muscle": "chest", "role": "SECONDARY"})

    assert names(any_role) == ["Dumbbell Bench Press", "Pushups"]
    assert names(primary) == ["Cable Crossover", "Dumbbell Bench Press", "Pushups"]
    assert names(secondary) == ["Barbell Squat", "Romanian Deadlift"]
    assert names(none) == []


def test_unknown_muscle_is_a_400(athlete_client, catalogue):
    assert athlete_client.get(list_url(), {"muscle": "pecs"}).status_code == 400


def test_filter_by_discipline_and_level(athlete_client, catalogue):
    calisthenics = athlete_client.get(list_url(), {"discipline": "CALISTHENICS"})
    easy = athlete_client.get(list_url(), {"level_max": 1})

    assert names(calisthenics) == ["Pullups", "Pushups"]
    assert "Romanian Deadlift" not in names(easy)
    assert "Pullups" not in names(easy)
    assert len(names(easy)) == 4


def test_filters_combine(athlete_client, catalogue):
    response = athlete_client.get(
        list_url(),
        {
            "pattern": "horizontal_push",
            "muscle": "chest",
            "available_with": "dumbbell,bench",
        },
    )

    assert names(response) == ["Dumbbell Bench Press", "Pushups"]


def test_search_by_name(athlete_client, catalogue):
    response = athlete_client.get(list_url(), {"search": "pull"})

    assert names(response) == ["Pullups"]


def test_pages_hold_twenty(athlete_client):
    MovementFactory.create_batch(25)

    first = athlete_client.get(list_url())
    second = athlete_client.get(first.data["next"])

    assert first.data["count"] == 25
    assert len(first.data["results"]) == 20
    assert len(second.data["results"]) == 5
    assert second.data["next"] is None


@pytest.mark.parametrize("size", [3, 20])
def test_list_costs_a_constant_number_of_queries(
    athlete_client, django_assert_num_queries, size
):
    for _ in range(size):
        MovementFactory(
            primary_muscles=["quadriceps"], secondary_muscles=["glutes", "calves"]
        )

    # Count, page, muscle links.
    with django_assert_num_queries(3):
        response = athlete_client.get(list_url())

    assert response.status_code == 200
    assert all(row["secondary_muscles"] for row in response.data["results"])


def test_detail_costs_a_constant_number_of_queries(
    athlete_client, django_assert_num_queries, catalogue
):
    with django_assert_num_queries(2):
        athlete_client.get(detail_url(catalogue["squat"].pk))


def test_equipment_filter_costs_one_more_query(
    athlete_client, django_assert_num_queries, catalogue
):
    with django_assert_num_queries(4):
        athlete_client.get(list_url(), {"available_with": "barbell"})
