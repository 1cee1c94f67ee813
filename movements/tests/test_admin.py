"""The movement admin: changelist filters, search, forms with inlines."""

from __future__ import annotations

import pytest
from django.urls import reverse

from movements.models import ActivityDefinition, AthleteEquipment, Movement
from movements.tests.factories import (
    EnjoyableActivityFactory,
    MovementFactory,
    MovementRelationshipFactory,
    MovementRuleFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def movements():
    return [
        MovementFactory(
            name="Barbell Squat",
            equipment=["barbell", "rack"],
            primary_muscles=["quadriceps"],
        ),
        MovementFactory(
            name="Pushups", pattern="horizontal_push", primary_muscles=["chest"]
        ),
        MovementFactory(
            name="Dumbbell Bench Press",
            pattern="horizontal_push",
            equipment=["bench", "dumbbell"],
            primary_muscles=["chest"],
            secondary_muscles=["triceps"],
        ),
    ]


def changelist(client, **params) -> list[str]:
    response = client.get(reverse("admin:movements_movement_changelist"), params)
    assert response.status_code == 200
    return sorted(m.name for m in response.context["cl"].result_list)


def test_changelist_shows_equipment_as_text(staff_client, movements):
    response = staff_client.get(reverse("admin:movements_movement_changelist"))

    assert b"Barbell, Squat rack" in response.content
    assert b"Bodyweight" in response.content


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("barbell", ["Barbell Squat"]),
        ("bench", ["Dumbbell Bench Press"]),
        ("bodyweight", ["Pushups"]),
    ],
)
def test_equipment_filter(staff_client, movements, value, expected):
    assert changelist(staff_client, equipment=value) == expected


def test_muscle_filter_matches_any_role(staff_client, movements):
    assert changelist(staff_client, muscle="chest") == [
        "Dumbbell Bench Press",
        "Pushups",
    ]
    assert changelist(staff_client, muscle="triceps") == ["Dumbbell Bench Press"]


def test_search_and_pattern_filter(staff_client, movements):
    assert changelist(staff_client, q="bench") == ["Dumbbell Bench Press"]
    assert changelist(staff_client, pattern="horizontal_push") == [
        "Dumbbell Bench Press",
        "Pushups",
    ]


def test_change_form_renders_muscle_and_relationship_inlines(staff_client, movements):
    squat = movements[0]
    MovementRelationshipFactory(from_movement=squat, to_movement=movements[1])

    response = staff_client.get(
        reverse("admin:movements_movement_change", args=[squat.pk])
    )

    assert response.status_code == 200
    assert b"muscle_links-TOTAL_FORMS" in response.content
    assert b"relationships_out-TOTAL_FORMS" in response.content


def test_autocomplete_searches_muscles_and_movements(staff_client, movements):
    url = reverse("admin:autocomplete")
    muscles = staff_client.get(
        url,
        {
            "term": "quad",
            "app_label": "movements",
            "model_name": "movementmuscle",
            "field_name": "muscle",
        },
    )
    targets = staff_client.get(
        url,
        {
            "term": "push",
            "app_label": "movements",
            "model_name": "movementrelationship",
            "field_name": "to_movement",
        },
    )

    assert [r["text"] for r in muscles.json()["results"]] == ["Quadriceps"]
    assert [r["text"] for r in targets.json()["results"]] == ["Pushups"]


def test_relationship_and_muscle_changelists_render(staff_client, movements):
    MovementRelationshipFactory(from_movement=movements[1], to_movement=movements[2])

    for name in ["movementrelationship", "muscle"]:
        response = staff_client.get(reverse(f"admin:movements_{name}_changelist"))
        assert response.status_code == 200
    assert Movement.objects.count() == 3


@pytest.mark.parametrize(
    "model",
    ["activitydefinition", "movementrule", "enjoyableactivity", "athleteequipment"],
)
def test_athlete_side_changelists_render(staff_client, user, model):
    squat = MovementFactory(name="Barbell Squat")
    MovementRuleFactory(
        user=user, movement=squat, rule="SUBSTITUTE", substitute_with=MovementFactory()
    )
    EnjoyableActivityFactory(user=user)
    AthleteEquipment.objects.create(
        user=user, preset="DUMBBELLS_ONLY", equipment=["dumbbell"]
    )
    response = staff_client.get(reverse(f"admin:movements_{model}_changelist"))
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 1


def test_activity_definitions_are_curated_in_the_admin(staff_client):
    response = staff_client.post(
        reverse("admin:movements_activitydefinition_add"),
        {
            "name": "Padel",
            "slug": "padel",
            "category": "RACKET_SPORT",
            "intensity": "MODERATE",
            "description": "Doubles on a glass court.",
        },
    )
    assert response.status_code == 302
    assert ActivityDefinition.objects.filter(slug="padel").exists()


@pytest.mark.parametrize("model", ["movementrule", "enjoyableactivity"])
def test_athletes_rules_are_not_added_by_hand(staff_client, model):
    assert staff_client.get(reverse(f"admin:movements_{model}_add")).status_code == 403
