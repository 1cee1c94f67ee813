"""``GET/PUT /api/v1/settings/`` and ``GET/PUT /api/v1/settings/profile/``."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coach.models import AthleteProfile, AthleteSettings

pytestmark = pytest.mark.django_db

SETTINGS = "/api/v1/settings/"
PROFILE = "/api/v1/settings/profile/"


def test_the_urls_are_the_documented_ones():
    assert reverse("api:settings:detail") == SETTINGS
    assert reverse("api:settings:profile") == PROFILE


@pytest.mark.parametrize("path", [SETTINGS, PROFILE])
def test_settings_need_authentication(api_client, path):
    assert api_client.get(path).status_code == 401
    assert api_client.put(path, {}).status_code == 401


def test_settings_default_to_kg_and_epley(auth_client):
    body = auth_client.get(SETTINGS).json()
    assert (body["units"], body["e1rm_formula"]) == ("KG", "EPLEY")


def test_put_settings_changes_only_what_is_sent(auth_client, user):
    response = auth_client.put(SETTINGS, {"units": "LB"})
    assert response.status_code == 200, response.content
    assert response.json()["units"] == "LB"
    response = auth_client.patch(SETTINGS, {"e1rm_formula": "BRZYCKI"})
    assert response.json() == {
        **response.json(),
        "units": "LB",
        "e1rm_formula": "BRZYCKI",
    }
    stored = AthleteSettings.objects.get(user=user)
    assert (stored.units, stored.e1rm_formula) == ("LB", "BRZYCKI")


def test_bad_settings_are_400s_with_field_messages(auth_client):
    response = auth_client.put(SETTINGS, {"units": "STONE", "e1rm_formula": "GUESS"})
    assert response.status_code == 400
    assert set(response.json()) == {"units", "e1rm_formula"}


def test_settings_are_per_athlete(auth_client, other_client, other_user):
    auth_client.put(SETTINGS, {"units": "LB"})
    assert other_client.get(SETTINGS).json()["units"] == "KG"


def test_profile_defaults(auth_client, user):
    body = auth_client.get(PROFILE).json()
    assert body["email"] == user.email
    assert body["experience_level"] == "BEGINNER"
    assert body["preferred_weekdays"] == []
    assert body["discipline_priorities"] == {}
    assert body["discipline_experience"] == {}
    assert body["dedicated_mobility_days"] is False
    assert body["dedicated_cardio_days"] is False
    assert body["cardio_as_finisher"] is True


def test_put_profile_updates_user_and_profile(auth_client, user):
    response = auth_client.put(
        PROFILE,
        {
            "name": "Sam",
            "experience_level": "ADVANCED",
            "persona_tone": "DIRECT",
            "persona_aggression": "AGGRESSIVE",
            "long_term_goals": "  A first muscle-up.  ",
            "preferred_weekdays": [5, 0, 2, 4],
            "discipline_priorities": {"MOBILITY": 5, "OLYMPIC_LIFTING": 0},
            "discipline_experience": {"CALISTHENICS": "INTERMEDIATE"},
            "dedicated_mobility_days": True,
            "dedicated_cardio_days": True,
            "cardio_as_finisher": False,
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["preferred_weekdays"] == [0, 2, 4, 5]
    assert body["long_term_goals"] == "A first muscle-up."
    user.refresh_from_db()
    assert (user.name, user.experience_level, user.persona_tone) == (
        "Sam",
        "ADVANCED",
        "DIRECT",
    )
    profile = AthleteProfile.objects.get(user=user)
    assert profile.discipline_priorities == {"MOBILITY": 5, "OLYMPIC_LIFTING": 0}
    assert profile.discipline_experience == {"CALISTHENICS": "INTERMEDIATE"}
    assert profile.dedicated_mobility_days
    assert not profile.cardio_as_finisher


def test_patch_profile_keeps_what_is_not_sent(auth_client, user):
    auth_client.put(PROFILE, {"preferred_weekdays": [1, 3]})
    auth_client.patch(PROFILE, {"long_term_goals": "Run 10 km"})
    body = auth_client.get(PROFILE).json()
    assert body["preferred_weekdays"] == [1, 3]
    assert body["long_term_goals"] == "Run 10 km"


@pytest.mark.parametrize(
    ("payload", "field", "text"),
    [
        ({"preferred_weekdays": [7]}, "preferred_weekdays", "less than or equal"),
        ({"preferred_weekdays": [1, 1]}, "preferred_weekdays", "twice"),
        ({"discipline_priorities": {"MOBILITY": 6}}, "discipline_priorities", "5"),
        (
            {"discipline_priorities": {"KNITTING": 3}},
            "discipline_priorities",
            "not a discipline",
        ),
        (
            {"discipline_experience": {"CARDIO": "GURU"}},
            "discipline_experience",
            "not a valid choice",
        ),
        (
            {"discipline_experience": {"YOGA": "BEGINNER"}},
            "discipline_experience",
            "not a discipline",
        ),
        ({"experience_level": "GURU"}, "experience_level", "not a valid choice"),
    ],
)
def test_bad_profiles_are_400s_with_field_messages(
    auth_client, user, payload, field, text
):
    response = auth_client.put(PROFILE, payload)
    assert response.status_code == 400
    assert text in str(response.json()[field])
    profile = AthleteProfile.for_user(user)
    assert profile.preferred_weekdays == []
    assert profile.discipline_priorities == {}


def test_profiles_are_per_athlete(auth_client, other_client):
    auth_client.put(PROFILE, {"preferred_weekdays": [0]})
    assert other_client.get(PROFILE).json()["preferred_weekdays"] == []
