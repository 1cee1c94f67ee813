"""The athlete's side of the library over the API: movement rules, enjoyable
activities, equipment (``/api/v1/settings/…``) and activity definitions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from movements.equipment import PRESET_EQUIPMENT, default_equipment
from movements.models import (
    AthleteEquipment,
    EnjoyableActivity,
    MovementRule,
)
from movements.tests.factories import (
    ActivityDefinitionFactory,
    EnjoyableActivityFactory,
    MovementFactory,
    MovementRuleFactory,
)

pytestmark = pytest.mark.django_db

RULES = "/api/v1/settings/movement-rules/"
ACTIVITIES = "/api/v1/settings/enjoyable-activities/"
EQUIPMENT = "/api/v1/settings/equipment/"
DEFINITIONS = "/api/v1/activities/definitions/"


def rule_url(pk: int) -> str:
    return f"{RULES}{pk}/"


def activity_url(pk: int) -> str:
    return f"{ACTIVITIES}{pk}/"


@pytest.fixture
def squats():
    return {
        "back": MovementFactory(name="Barbell Back Squat", equipment=["barbell"]),
        "goblet": MovementFactory(name="Goblet Squat", equipment=["dumbbell"]),
        "front": MovementFactory(name="Front Squat", equipment=["barbell"]),
    }


def test_the_urls_are_the_documented_ones():
    assert reverse("api:movements:movement-rule-collection") == RULES
    assert reverse("api:movements:enjoyable-activity-collection") == ACTIVITIES
    assert reverse("api:movements:equipment") == EQUIPMENT
    assert reverse("api:movements:activity-definitions") == DEFINITIONS


@pytest.mark.parametrize("path", [RULES, ACTIVITIES, EQUIPMENT, DEFINITIONS])
def test_every_endpoint_needs_authentication(api_client, path):
    assert api_client.get(path).status_code == 401


# ---------------------------------------------------------------------------
# Movement rules
# ---------------------------------------------------------------------------
def test_rules_crud(auth_client, user, squats):
    created = auth_client.post(
        RULES,
        {
            "movement": squats["back"].pk,
            "rule": "SUBSTITUTE",
            "substitute_with": squats["goblet"].pk,
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["movement"]["name"] == "Barbell Back Squat"
    assert body["substitute_with"]["name"] == "Goblet Squat"
    assert body["rule"] == "SUBSTITUTE"
    pk = body["id"]

    assert auth_client.get(rule_url(pk)).json()["id"] == pk
    listed = auth_client.get(RULES).json()
    assert [r["id"] for r in listed] == [pk]

    # PATCH to PREFER drops the substitute.
    patched = auth_client.patch(rule_url(pk), {"rule": "PREFER"})
    assert patched.status_code == 200, patched.content
    assert patched.json()["substitute_with"] is None
    assert MovementRule.objects.get(pk=pk).substitute_with_id is None

    replaced = auth_client.put(
        rule_url(pk), {"movement": squats["front"].pk, "rule": "HARD_NO"}
    )
    assert replaced.status_code == 200, replaced.content
    assert replaced.json()["movement"]["name"] == "Front Squat"

    assert auth_client.delete(rule_url(pk)).status_code == 204
    assert not MovementRule.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("payload", "field", "text"),
    [
        ({"rule": "SUBSTITUTE"}, "substitute_with", "needs the movement"),
        ({"rule": "HARD_NO", "substitute": "goblet"}, "substitute_with", "Only a"),
        ({"rule": "SUBSTITUTE", "substitute": "back"}, "substitute_with", "itself"),
        ({"rule": "AVOID_MAYBE"}, "rule", "not a valid choice"),
        ({"rule": "HARD_NO", "movement": 999_999}, "movement", "does not exist"),
        (
            {"rule": "SUBSTITUTE", "substitute": 999_999},
            "substitute_with",
            "does not exist",
        ),
    ],
)
def test_a_bad_rule_is_a_400_on_its_field(auth_client, squats, payload, field, text):
    body = {"movement": squats["back"].pk, "rule": payload["rule"]}
    if "movement" in payload:
        body["movement"] = payload["movement"]
    substitute = payload.get("substitute")
    if substitute is not None:
        body["substitute_with"] = (
            squats[substitute].pk if isinstance(substitute, str) else substitute
        )
    response = auth_client.post(RULES, body)
    assert response.status_code == 400
    assert text in " ".join(response.json()[field])
    assert not MovementRule.objects.exists()


def test_a_prefer_on_a_hard_no_movement_is_a_400(auth_client, user, squats):
    MovementRuleFactory(user=user, movement=squats["back"])
    response = auth_client.post(
        RULES, {"movement": squats["back"].pk, "rule": "PREFER"}
    )
    assert response.status_code == 400
    assert "already has a hard-no rule" in response.json()["movement"][0]
    assert MovementRule.objects.count() == 1


def test_a_hard_no_cannot_be_a_substitute_either_way(auth_client, user, squats):
    MovementRuleFactory(user=user, movement=squats["goblet"])
    swap = auth_client.post(
        RULES,
        {
            "movement": squats["back"].pk,
            "rule": "SUBSTITUTE",
            "substitute_with": squats["goblet"].pk,
        },
    )
    assert swap.status_code == 400
    assert "is a hard no" in swap.json()["substitute_with"][0]

    MovementRule.objects.all().delete()
    MovementRuleFactory(
        user=user,
        movement=squats["back"],
        rule="SUBSTITUTE",
        substitute_with=squats["goblet"],
    )
    hard_no = auth_client.post(
        RULES, {"movement": squats["goblet"].pk, "rule": "HARD_NO"}
    )
    assert hard_no.status_code == 400
    assert "is a hard no" in hard_no.json()["rule"][0]


def test_substitute_chains_are_refused(auth_client, user, squats):
    MovementRuleFactory(
        user=user,
        movement=squats["goblet"],
        rule="SUBSTITUTE",
        substitute_with=squats["front"],
    )
    response = auth_client.post(
        RULES,
        {
            "movement": squats["back"].pk,
            "rule": "SUBSTITUTE",
            "substitute_with": squats["goblet"].pk,
        },
    )
    assert response.status_code == 400
    assert (
        "swap Barbell Back Squat for Front Squat directly"
        in (response.json()["substitute_with"][0])
    )


def test_another_athletes_rule_is_a_404(auth_client, other_user, squats):
    theirs = MovementRuleFactory(user=other_user, movement=squats["back"])
    url = rule_url(theirs.pk)
    assert auth_client.get(url).status_code == 404
    assert (
        auth_client.put(
            url, {"movement": squats["back"].pk, "rule": "PREFER"}
        ).status_code
        == 404
    )
    assert auth_client.patch(url, {"rule": "PREFER"}).status_code == 404
    assert auth_client.delete(url).status_code == 404
    assert auth_client.get(rule_url(999_999)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.rule == "HARD_NO"
    assert auth_client.get(RULES).json() == []


def test_two_athletes_may_rule_the_same_movement(auth_client, other_user, squats):
    MovementRuleFactory(user=other_user, movement=squats["back"])
    response = auth_client.post(
        RULES, {"movement": squats["back"].pk, "rule": "PREFER"}
    )
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("size", [1, 12])
def test_the_rule_list_costs_the_same_queries_whatever_its_size(
    auth_client, user, django_assert_num_queries, size
):
    for _ in range(size):
        MovementRuleFactory(
            user=user,
            rule="SUBSTITUTE",
            substitute_with=MovementFactory(),
        )
    with django_assert_num_queries(1):  # rules + movements
        response = auth_client.get(RULES)
    assert len(response.json()) == size


# ---------------------------------------------------------------------------
# Enjoyable activities
# ---------------------------------------------------------------------------
def test_activities_crud(auth_client, user):
    running = ActivityDefinitionFactory()
    cycling = ActivityDefinitionFactory(name="Cycling", category="CYCLING")
    created = auth_client.post(ACTIVITIES, {"activity_definition_id": running.pk})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["activity_definition"]["slug"] == "running"

    assert auth_client.get(activity_url(pk)).status_code == 200
    moved = auth_client.put(activity_url(pk), {"activity_definition_id": cycling.pk})
    assert moved.json()["activity_definition"]["name"] == "Cycling"
    assert [a["id"] for a in auth_client.get(ACTIVITIES).json()] == [pk]

    assert auth_client.delete(activity_url(pk)).status_code == 204
    assert not EnjoyableActivity.objects.filter(user=user).exists()


def test_an_activity_twice_or_unknown_is_a_400(auth_client, user):
    running = ActivityDefinitionFactory()
    EnjoyableActivityFactory(user=user, definition=running)
    twice = auth_client.post(ACTIVITIES, {"activity_definition_id": running.pk})
    assert twice.status_code == 400
    assert (
        "already one of your activities" in (twice.json()["activity_definition_id"][0])
    )
    unknown = auth_client.post(ACTIVITIES, {"activity_definition_id": 999_999})
    assert unknown.status_code == 400
    assert "does not exist" in unknown.json()["activity_definition_id"][0]


def test_another_athletes_activity_is_a_404(auth_client, other_user):
    theirs = EnjoyableActivityFactory(user=other_user)
    url = activity_url(theirs.pk)
    assert auth_client.get(url).status_code == 404
    assert (
        auth_client.put(
            url, {"activity_definition_id": theirs.definition_id}
        ).status_code
        == 404
    )
    assert auth_client.delete(url).status_code == 404
    assert EnjoyableActivity.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize("size", [1, 8])
def test_the_activity_list_costs_the_same_queries_whatever_its_size(
    auth_client, user, django_assert_num_queries, size
):
    for n in range(size):
        EnjoyableActivityFactory(
            user=user, definition=ActivityDefinitionFactory(name=f"Sport {n}")
        )
    with django_assert_num_queries(1):
        response = auth_client.get(ACTIVITIES)
    assert len(response.json()) == size


def test_activity_definitions_list_every_definition_by_name(
    auth_client, django_assert_num_queries
):
    ActivityDefinitionFactory(name="Yoga", category="YOGA", tracks_distance=False)
    ActivityDefinitionFactory(name="Running")
    with django_assert_num_queries(1):
        response = auth_client.get(DEFINITIONS)
    assert [d["name"] for d in response.json()] == ["Running", "Yoga"]
    assert set(response.json()[0]) == {
        "id",
        "name",
        "slug",
        "category",
        "intensity",
        "tracks_distance",
        "description",
    }


# ---------------------------------------------------------------------------
# Equipment
# ---------------------------------------------------------------------------
def test_equipment_defaults_to_a_commercial_gym_until_set(auth_client):
    body = auth_client.get(EQUIPMENT).json()
    assert body["is_set"] is False
    assert body["preset"] == "COMMERCIAL_GYM"
    assert body["equipment"] == default_equipment()
    assert "strongman" not in body["equipment"]
    presets = {p["preset"]: p["equipment"] for p in body["presets"]}
    assert presets["DUMBBELLS_ONLY"] == ["dumbbell"]
    assert presets["BODYWEIGHT_ONLY"] == []


@pytest.mark.parametrize(
    ("payload", "preset", "equipment"),
    [
        ({"preset": "DUMBBELLS_ONLY"}, "DUMBBELLS_ONLY", ["dumbbell"]),
        ({"preset": "BODYWEIGHT_ONLY"}, "BODYWEIGHT_ONLY", []),
        (
            {"preset": "HOME_BARBELL"},
            "HOME_BARBELL",
            sorted(PRESET_EQUIPMENT["HOME_BARBELL"]),
        ),
        ({"equipment": ["dumbbell"]}, "DUMBBELLS_ONLY", ["dumbbell"]),
        (
            {"preset": "CUSTOM", "equipment": ["kettlebell", "bands"]},
            "CUSTOM",
            ["bands", "kettlebell"],
        ),
        ({"equipment": ["kettlebell"]}, "CUSTOM", ["kettlebell"]),
    ],
)
def test_equipment_by_preset_or_list(auth_client, user, payload, preset, equipment):
    response = auth_client.put(EQUIPMENT, payload)
    assert response.status_code == 200, response.content
    assert response.json()["is_set"] is True
    row = AthleteEquipment.objects.get(user=user)
    assert (row.preset, row.equipment) == (preset, equipment)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "preset"),
        ({"preset": "CUSTOM"}, "equipment"),
        ({"preset": "DUMBBELLS_ONLY", "equipment": ["barbell"]}, "equipment"),
        ({"equipment": ["jetpack"]}, "equipment"),
        ({"preset": "SPACE_STATION"}, "preset"),
    ],
)
def test_bad_equipment_is_a_400(auth_client, payload, field):
    response = auth_client.put(EQUIPMENT, payload)
    assert response.status_code == 400
    assert field in response.json()
    assert not AthleteEquipment.objects.exists()
