"""The Settings page: its Profile and Preferences sections (coach), and the
placeholders that load the movement library's sections."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from coach.models import AthleteProfile, AthleteSettings

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
PROFILE = {
    "name": "Sam",
    "experience_level": "INTERMEDIATE",
    "persona_tone": "NEUTRAL",
    "persona_aggression": "CONSERVATIVE",
    "long_term_goals": "Ten strict pull-ups.",
}
PREFERENCES = {
    "units": "LB",
    "e1rm_formula": "LOMBARDI",
    "preferred_weekdays": ["0", "2", "4", "5"],
    "priority_mobility": "4",
    "priority_olympic_lifting": "0",
    "experience_calisthenics": "ADVANCED",
    "mobility_days": "DEDICATED",
    "cardio_days": "FINISHER",
}


@pytest.fixture
def client(client, user):
    client.force_login(user)
    return client


def test_settings_needs_a_login(client):
    client.logout()
    response = client.get(reverse("settings"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_page_has_every_section_and_a_nav_link(client):
    html = client.get(reverse("settings")).content.decode()
    for anchor in (
        "profile",
        "preferences",
        "equipment",
        "movement-rules",
        "activities",
    ):
        assert f'id="{anchor}"' in html
    # The library's sections load with htmx and are links without it.
    for name in ("settings-equipment", "settings-rules", "settings-activities"):
        url = reverse(f"movements:{name}")
        assert f'hx-get="{url}"' in html
        assert f'href="{url}"' in html
    assert "Advanced: disciplines and scheduling" in html
    assert f'href="{reverse("settings")}" aria-current="page"' in html


def test_saving_the_profile_with_htmx_returns_the_section(client, user):
    response = client.post(reverse("settings-profile"), PROFILE, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(
        '<section class="card settings-section" id="profile"'
    )
    assert "Saved." in html
    assert "HX-Request" in response["Vary"]
    user.refresh_from_db()
    assert (user.name, user.experience_level, user.persona_aggression) == (
        "Sam",
        "INTERMEDIATE",
        "CONSERVATIVE",
    )
    assert AthleteProfile.for_user(user).long_term_goals == "Ten strict pull-ups."


def test_saving_the_profile_without_htmx_redirects(client):
    response = client.post(reverse("settings-profile"), PROFILE)
    assert response.status_code == 302
    assert response["Location"] == reverse("settings") + "#profile"


def test_a_bad_profile_shows_errors_and_saves_nothing(client, user):
    response = client.post(
        reverse("settings-profile"), {**PROFILE, "experience_level": "GURU"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    user.refresh_from_db()
    assert user.experience_level == "BEGINNER"


def test_saving_preferences_updates_settings_and_profile(client, user):
    response = client.post(reverse("settings-preferences"), PREFERENCES, headers=HTMX)
    assert response.status_code == 200
    assert "Saved." in response.content.decode()
    settings = AthleteSettings.for_user(user)
    assert (settings.units, settings.e1rm_formula) == ("LB", "LOMBARDI")
    profile = AthleteProfile.for_user(user)
    assert profile.preferred_weekdays == [0, 2, 4, 5]
    assert profile.discipline_priorities == {"MOBILITY": 4, "OLYMPIC_LIFTING": 0}
    assert profile.discipline_experience == {"CALISTHENICS": "ADVANCED"}
    assert profile.dedicated_mobility_days is True
    assert (profile.dedicated_cardio_days, profile.cardio_as_finisher) == (False, True)


def test_the_saved_preferences_are_shown_again(client, user):
    client.post(reverse("settings-preferences"), {**PREFERENCES, "cardio_days": "BOTH"})
    html = client.get(reverse("settings")).content.decode()
    assert re.search(r'name="mobility_days" value="DEDICATED"[^>]*checked', html)
    assert re.search(r'name="cardio_days" value="BOTH"[^>]*checked', html)
    assert '<option value="4" selected>4</option>' in html


def test_bad_preferences_are_form_errors(client, user):
    response = client.post(
        reverse("settings-preferences"),
        {**PREFERENCES, "priority_mobility": "9", "preferred_weekdays": ["8"]},
        headers=HTMX,
    )
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert AthleteProfile.for_user(user).preferred_weekdays == []


@pytest.mark.parametrize("model", ["athleteprofile", "athletesettings"])
def test_profiles_and_settings_have_admin_changelists(
    client, django_user_model, user, model
):
    AthleteProfile.for_user(user)
    AthleteSettings.for_user(user)
    staff = django_user_model.objects.create_superuser(
        email="staff@example.com", password="x-very-secret"
    )
    client.force_login(staff)
    response = client.get(reverse(f"admin:coach_{model}_changelist"))
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 1
