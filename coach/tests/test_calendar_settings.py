"""The calendar settings: training time and time zone on the profile, the feed
token (made, regenerated, revoked) from the Settings page and the API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coach import services
from coach.models import AthleteProfile

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
PROFILE = "/api/v1/settings/profile/"
CALENDAR = "/api/v1/settings/calendar/"
TOKEN = "/api/v1/settings/calendar/token/"


def stored(user) -> AthleteProfile:
    """The profile as stored (created with the defaults if nothing was written)."""
    return AthleteProfile.for_user(user)


# ---------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------
def test_a_profile_starts_at_six_pm_in_the_sites_zone_with_no_feed(user, settings):
    profile = AthleteProfile.for_user(user)
    assert profile.training_time == dt.time(18, 0)
    assert profile.time_zone == ""
    assert profile.zone.key == settings.TIME_ZONE
    assert profile.calendar_token is None


def test_regenerate_makes_a_fresh_url_safe_secret_each_time(user):
    first = services.calendar_token_regenerate(user=user).calendar_token
    second = services.calendar_token_regenerate(user=user).calendar_token
    assert first != second
    assert len(second) == 43
    assert set(second) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    )
    assert stored(user).calendar_token == second


def test_revoke_turns_the_feed_off_and_is_idempotent(user):
    services.calendar_token_regenerate(user=user)
    services.calendar_token_revoke(user=user)
    assert stored(user).calendar_token is None
    services.calendar_token_revoke(user=user)
    assert stored(user).calendar_token is None


def test_tokens_are_per_athlete(user, other_user):
    mine = services.calendar_token_regenerate(user=user).calendar_token
    services.calendar_token_regenerate(user=other_user)
    services.calendar_token_revoke(user=other_user)
    assert stored(user).calendar_token == mine


def test_profile_update_sets_time_and_zone(user):
    services.athlete_profile_update(
        user=user, training_time=dt.time(6, 15), time_zone=" Asia/Tokyo "
    )
    profile = stored(user)
    assert (profile.training_time, profile.time_zone) == (dt.time(6, 15), "Asia/Tokyo")
    assert profile.zone.utcoffset(dt.datetime(2026, 1, 1)) == dt.timedelta(hours=9)


def test_an_unknown_zone_is_a_field_error_and_nothing_is_written(user):
    with pytest.raises(ValidationError) as exc:
        services.athlete_profile_update(
            user=user, training_time=dt.time(6), time_zone="Mars/Olympus_Mons"
        )
    assert set(exc.value.message_dict) == {"time_zone"}
    assert stored(user).training_time == dt.time(18)


# ---------------------------------------------------------------------------
# The Settings page's Calendar section
# ---------------------------------------------------------------------------
@pytest.fixture
def page(client, user):
    client.force_login(user)
    return client


def test_the_settings_page_has_a_calendar_section(page):
    html = page.get(reverse("settings")).content.decode()
    assert 'id="calendar"' in html
    assert 'href="#calendar"' in html
    assert "Get a calendar link" in html
    assert 'type="time"' in html
    assert '<option value="Europe/Paris">Europe/Paris</option>' in html


def test_saving_the_calendar_times_with_htmx_returns_the_section(page, user):
    response = page.post(
        reverse("settings-calendar"),
        {"training_time": "07:45", "time_zone": "Europe/Paris"},
        headers=HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(
        '<section class="card settings-section" id="calendar"'
    )
    assert "Saved." in html
    assert "HX-Request" in response["Vary"]
    profile = stored(user)
    assert (profile.training_time, profile.time_zone) == (
        dt.time(7, 45),
        "Europe/Paris",
    )


def test_saving_without_htmx_redirects_to_the_section(page):
    response = page.post(
        reverse("settings-calendar"), {"training_time": "19:00", "time_zone": ""}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("settings") + "#calendar"


def test_bad_calendar_input_re_shows_the_form_and_writes_nothing(page, user):
    response = page.post(
        reverse("settings-calendar"),
        {"training_time": "25:99", "time_zone": "Nowhere/Land"},
    )
    assert response.status_code == 200
    form = response.context["calendar_form"]
    assert set(form.errors) == {"training_time", "time_zone"}
    assert 'id="profile"' in response.content.decode()  # the whole page
    assert stored(user).training_time == dt.time(18)


def test_the_feed_buttons_make_renew_and_revoke_the_link(page, user):
    response = page.post(reverse("settings-calendar-token"), headers=HTMX)
    token = stored(user).calendar_token
    html = response.content.decode()
    assert token
    assert f'href="webcal://testserver/calendar/{token}.ics"' in html
    assert "Your calendar link is ready" in html

    response = page.post(reverse("settings-calendar-token"), headers=HTMX)
    renewed = stored(user).calendar_token
    assert renewed != token
    assert "the old one no longer works" in response.content.decode()

    response = page.post(reverse("settings-calendar-revoke"), headers=HTMX)
    assert stored(user).calendar_token is None
    html = response.content.decode()
    assert "Calendar feed turned off." in html
    assert "webcal://" not in html


def test_the_feed_buttons_need_a_login_and_a_post(client, page):
    assert page.get(reverse("settings-calendar-token")).status_code == 405
    page.logout()
    response = client.post(reverse("settings-calendar-revoke"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# ---------------------------------------------------------------------------
# API
# ---------------------------------------------------------------------------
def test_the_urls_are_the_documented_ones():
    assert reverse("api:settings:calendar") == CALENDAR
    assert reverse("api:settings:calendar-token") == TOKEN


@pytest.mark.parametrize("path", [CALENDAR, TOKEN])
def test_calendar_endpoints_need_authentication(api_client, path):
    assert api_client.get(path).status_code == 401
    assert api_client.post(path).status_code == 401


def test_the_profile_shows_and_changes_time_and_zone(auth_client, user):
    body = auth_client.get(PROFILE).json()
    assert (body["training_time"], body["time_zone"]) == ("18:00:00", "")
    response = auth_client.patch(
        PROFILE, {"training_time": "06:30", "time_zone": "Australia/Sydney"}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["training_time"], body["time_zone"]) == (
        "06:30:00",
        "Australia/Sydney",
    )


def test_bad_time_or_zone_is_a_400_with_field_errors(auth_client, user):
    response = auth_client.patch(
        PROFILE, {"training_time": "noon", "time_zone": "Europe/Atlantis"}
    )
    assert response.status_code == 400
    assert set(response.json()) == {"training_time", "time_zone"}
    assert stored(user).time_zone == ""


def test_the_feed_is_off_until_a_token_is_made(auth_client):
    body = auth_client.get(CALENDAR).json()
    assert body == {
        "training_time": "18:00:00",
        "time_zone": "",
        "feed_url": None,
        "webcal_url": None,
    }


def test_post_makes_the_feed_and_delete_revokes_it(auth_client, api_client, user):
    response = auth_client.post(TOKEN)
    assert response.status_code == 201
    body = response.json()
    token = stored(user).calendar_token
    assert body["feed_url"] == f"http://testserver/calendar/{token}.ics"
    assert body["webcal_url"] == f"webcal://testserver/calendar/{token}.ics"
    assert auth_client.get(CALENDAR).json() == body
    # The feed itself needs no credentials.
    assert api_client.get(body["feed_url"]).status_code == 200

    assert auth_client.delete(TOKEN).status_code == 204
    assert auth_client.get(CALENDAR).json()["feed_url"] is None
    assert api_client.get(body["feed_url"]).status_code == 404


def test_one_athlete_cannot_see_or_revoke_anothers_feed(
    auth_client, other_client, user
):
    mine = auth_client.post(TOKEN).json()
    assert other_client.get(CALENDAR).json()["feed_url"] is None
    assert other_client.delete(TOKEN).status_code == 204
    assert auth_client.get(CALENDAR).json() == mine
