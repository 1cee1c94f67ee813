"""The Settings page's movement-library sections: equipment, movement rules (with
the picker) and favourite activities, with htmx and without."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coach.models import TrainingDiscipline
from movements.models import (
    AthleteEquipment,
    Discipline,
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

HTMX = {"HX-Request": "true"}


@pytest.fixture
def client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def squats():
    return {
        "back": MovementFactory(name="Barbell Back Squat", equipment=["barbell"]),
        "goblet": MovementFactory(name="Goblet Squat", equipment=["dumbbell"]),
        "press": MovementFactory(name="Bench Press", pattern="horizontal_push"),
    }


def test_profile_disciplines_are_library_disciplines():
    assert set(TrainingDiscipline.values) <= set(Discipline.values)


@pytest.mark.parametrize(
    "name", ["settings-equipment", "settings-rules", "settings-activities"]
)
def test_sections_need_a_login(client, name):
    client.logout()
    response = client.get(reverse(f"movements:{name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("name", "anchor"),
    [
        ("settings-equipment", 'id="equipment"'),
        ("settings-rules", 'id="movement-rules"'),
        ("settings-activities", 'id="activities"'),
    ],
)
def test_sections_are_partials_for_htmx_and_pages_without(client, name, anchor):
    partial = client.get(reverse(f"movements:{name}"), headers=HTMX)
    html = partial.content.decode()
    assert partial.status_code == 200
    assert html.lstrip().startswith("<section")
    assert anchor in html
    assert "<html" not in html
    assert "HX-Request" in partial["Vary"]
    page = client.get(reverse(f"movements:{name}")).content.decode()
    assert "<html" in page
    assert anchor in page


# --- equipment ---
def test_saving_a_preset_stores_its_equipment(client, user):
    response = client.post(
        reverse("movements:settings-equipment"),
        {"equipment_preset": "DUMBBELLS_ONLY", "equipment": ["barbell"]},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "Saved." in response.content.decode()
    row = AthleteEquipment.objects.get(user=user)
    assert (row.preset, row.equipment) == ("DUMBBELLS_ONLY", ["dumbbell"])
    assert "Now: Dumbbells only." in response.content.decode()


def test_saving_an_own_list_without_htmx_goes_back_to_settings(client, user):
    response = client.post(
        reverse("movements:settings-equipment"),
        {"equipment_preset": "CUSTOM", "equipment": ["kettlebell", "bands"]},
    )
    assert response.status_code == 302
    assert (
        response["Location"] == reverse("movements:settings-equipment") + "#equipment"
    )
    assert "Equipment saved." in client.get(response["Location"]).content.decode()
    row = AthleteEquipment.objects.get(user=user)
    assert (row.preset, row.equipment) == ("CUSTOM", ["bands", "kettlebell"])


def test_unknown_equipment_is_a_form_error(client):
    response = client.post(
        reverse("movements:settings-equipment"),
        {"equipment_preset": "CUSTOM", "equipment": ["jetpack"]},
        headers=HTMX,
    )
    assert "is not equipment Alloy knows" in response.content.decode()
    assert not AthleteEquipment.objects.exists()


# --- movement rules ---
def test_the_rules_section_shows_the_athletes_rules_only(client, user, other_user):
    squat = MovementFactory(name="Barbell Back Squat")
    mine = MovementRuleFactory(user=user, movement=squat)
    MovementRuleFactory(
        user=other_user, movement=MovementFactory(name="Theirs", pattern="hinge")
    )
    html = client.get(reverse("movements:settings-rules"), headers=HTMX).content
    html = html.decode()
    assert f'name="rule_{mine.movement_id}"' in html
    assert "Theirs" not in html


def test_adding_a_rule_from_the_picker_saves_it(client, user, squats):
    response = client.post(
        reverse("movements:settings-rules"),
        {"q": "squat", "add": f"{squats['back'].pk}:HARD_NO"},
        headers=HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Saved." in html
    rule = MovementRule.objects.get(user=user)
    assert (rule.movement, rule.rule) == (squats["back"], "HARD_NO")
    assert '<option value="HARD_NO" selected>' in html


def test_a_swap_asks_for_its_target_before_anything_is_saved(client, user, squats):
    back = squats["back"]
    response = client.post(
        reverse("movements:settings-rules"),
        {"add": f"{back.pk}:SUBSTITUTE"},
        headers=HTMX,
    )
    assert "Choose what to do instead of Barbell Back Squat." in (
        response.content.decode()
    )
    assert not MovementRule.objects.exists()
    response = client.post(
        reverse("movements:settings-rules"),
        {
            f"rule_{back.pk}": "SUBSTITUTE",
            f"sub_{back.pk}": str(squats["goblet"].pk),
            "action": "save",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("movements:settings-rules") + "#movement-rules"
    )
    rule = MovementRule.objects.get(user=user)
    assert rule.substitute_with == squats["goblet"]


def test_saving_the_list_removes_and_changes_rules(client, user, squats):
    MovementRuleFactory(user=user, movement=squats["back"])
    MovementRuleFactory(user=user, movement=squats["press"])
    client.post(
        reverse("movements:settings-rules"),
        {
            f"rule_{squats['back'].pk}": "PREFER",
            f"rule_{squats['press'].pk}": "",
            "action": "save",
        },
        headers=HTMX,
    )
    assert list(
        MovementRule.objects.filter(user=user).values_list("rule", flat=True)
    ) == ["PREFER"]


def test_a_swap_into_an_avoided_movement_is_not_saved(client, user, squats):
    back, goblet = squats["back"], squats["goblet"]
    response = client.post(
        reverse("movements:settings-rules"),
        {
            f"rule_{back.pk}": "SUBSTITUTE",
            f"sub_{back.pk}": str(goblet.pk),
            f"rule_{goblet.pk}": "HARD_NO",
            "action": "save",
        },
        headers=HTMX,
    )
    assert "avoid list" in response.content.decode()
    assert not MovementRule.objects.exists()


def test_the_picker_searches_without_saving(client, user, squats):
    response = client.post(
        reverse("movements:settings-rules"),
        {"q": "squat", "action": "search", f"rule_{squats['back'].pk}": "HARD_NO"},
    )
    html = response.content.decode()
    assert f'value="{squats["goblet"].pk}:HARD_NO"' in html
    assert f'value="{squats["back"].pk}:HARD_NO"' not in html  # already a row
    assert not MovementRule.objects.exists()


def test_live_search_is_a_partial(client, squats):
    response = client.get(
        reverse("movements:movement-search"), {"q": "squat"}, headers=HTMX
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="movement-results"')
    assert "Goblet Squat" in html
    assert "Bench Press" not in html
    fallback = client.get(reverse("movements:movement-search"), {"q": "squat"})
    assert (
        fallback["Location"] == reverse("movements:settings-rules") + "?q=squat#picker"
    )


# --- activities ---
def test_ticking_activities_replaces_the_list(client, user):
    running = ActivityDefinitionFactory()
    cycling = ActivityDefinitionFactory(name="Cycling", category="CYCLING")
    EnjoyableActivityFactory(user=user, definition=running)
    response = client.post(
        reverse("movements:settings-activities"),
        {"enjoyable_activities": ["cycling"]},
        headers=HTMX,
    )
    assert "Saved." in response.content.decode()
    assert list(
        EnjoyableActivity.objects.filter(user=user).values_list("definition", flat=True)
    ) == [cycling.pk]


def test_an_unknown_activity_is_a_form_error(client, user):
    response = client.post(
        reverse("movements:settings-activities"),
        {"enjoyable_activities": ["quidditch"]},
        headers=HTMX,
    )
    assert "is not an activity Alloy knows" in response.content.decode()
    assert not EnjoyableActivity.objects.exists()
