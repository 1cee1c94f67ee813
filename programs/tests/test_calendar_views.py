"""``/calendar/<token>.ics`` (no login, the token is the credential) and the
program page's calendar card."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.urls import reverse

from coach import services as coach_services
from coach.models import AthleteProfile
from programs.calendar.feed import session_uid
from programs.models import Session, SessionType
from programs.services import session_regenerate

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 3, 2)


@pytest.fixture
def program(user, create_program):
    """A generated 8-week, 4-day program (8 × 7 days) starting on a Monday."""
    return create_program(user, start_date=MONDAY)


@pytest.fixture
def token(user) -> str:
    coach_services.athlete_profile_update(
        user=user, training_time=dt.time(7, 30), time_zone="America/New_York"
    )
    return coach_services.calendar_token_regenerate(user=user).calendar_token


def feed_url(token: str) -> str:
    return reverse("programs:calendar-feed", args=[token])


def parse(response) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(response.content)


def test_the_feed_url_is_the_documented_one():
    assert feed_url("abc_DEF-123") == "/calendar/abc_DEF-123.ics"


def test_the_feed_needs_no_login_and_has_one_event_per_day(client, program, token):
    response = client.get(feed_url(token))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Referrer-Policy"] == "no-referrer"
    events = list(parse(response).walk("VEVENT"))
    sessions = list(program.sessions.order_by("date", "id"))
    assert len(sessions) == 8 * 7
    assert len(events) == 56
    assert [str(e["UID"]) for e in events] == [
        session_uid(program.pk, s.pk) for s in sessions
    ]
    rest = [e for e in events if str(e["SUMMARY"]).startswith("Rest day")]
    assert len(rest) == 8 * 3  # 4 training days a week, 3 rest days
    assert all(str(e["TRANSP"]) == "TRANSPARENT" for e in rest)


def test_training_events_start_at_the_athletes_time_and_last_the_estimate(
    client, program, token
):
    events = {
        str(e["UID"]): e for e in parse(client.get(feed_url(token))).walk("VEVENT")
    }
    training = program.sessions.exclude(session_type=SessionType.RECOVERY)
    assert training.count() == 32
    for session in training:
        event = events[session_uid(program.pk, session.pk)]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start.date() == session.date
        assert start.time() == dt.time(7, 30)
        assert start.tzinfo.key == "America/New_York"
        assert end - start == dt.timedelta(minutes=session.estimated_minutes)
        assert session.estimated_minutes > 0


def test_events_carry_title_exercises_note_and_an_absolute_link(client, program, token):
    session = (
        program.sessions.exclude(session_type=SessionType.RECOVERY)
        .order_by("date")
        .first()
    )
    main = session.exercises.filter(role="MAIN").order_by("order").first()
    events = {
        str(e["UID"]): e for e in parse(client.get(feed_url(token))).walk("VEVENT")
    }
    event = events[session_uid(program.pk, session.pk)]
    assert str(event["SUMMARY"]).startswith(session.get_session_type_display())
    text = str(event["DESCRIPTION"])
    assert f"- {main.movement.name} {main.sets} × " in text
    assert f"Coach: {session.coach_notes}" in text
    link = f"http://testserver{session.get_absolute_url()}"
    assert text.endswith(link)
    assert str(event["URL"]) == link


def test_deload_weeks_are_labelled(client, program, token):
    deload_sessions = program.sessions.filter(microcycle__is_deload=True)
    assert deload_sessions.count() == 14  # weeks 4 and 8
    summaries = [
        str(e["SUMMARY"]) for e in parse(client.get(feed_url(token))).walk("VEVENT")
    ]
    assert sum("(deload week)" in s for s in summaries) == 14


def test_uids_survive_a_regeneration_and_the_sequence_moves(
    client, program, token, django_capture_on_commit_callbacks
):
    session = (
        program.sessions.exclude(session_type=SessionType.RECOVERY)
        .order_by("date")
        .first()
    )
    uid = session_uid(program.pk, session.pk)
    before = client.get(feed_url(token))
    with django_capture_on_commit_callbacks(execute=True):
        session_regenerate(session=session)
    after = client.get(feed_url(token))
    old = {str(e["UID"]): e for e in parse(before).walk("VEVENT")}
    new = {str(e["UID"]): e for e in parse(after).walk("VEVENT")}
    assert old.keys() == new.keys()
    assert (old[uid]["SEQUENCE"], new[uid]["SEQUENCE"]) == (0, 1)
    assert before["ETag"] != after["ETag"]


def test_an_unchanged_feed_answers_304(client, program, token):
    first = client.get(feed_url(token))
    again = client.get(feed_url(token), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_a_revoked_token_is_a_404(client, program, token, user):
    assert client.get(feed_url(token)).status_code == 200
    coach_services.calendar_token_revoke(user=user)
    assert client.get(feed_url(token)).status_code == 404


def test_a_regenerated_token_retires_the_old_url(client, program, token, user):
    new = coach_services.calendar_token_regenerate(user=user).calendar_token
    assert new != token
    assert client.get(feed_url(token)).status_code == 404
    assert client.get(feed_url(new)).status_code == 200


def test_an_unknown_token_and_a_deactivated_account_are_404s(
    client, program, token, user
):
    assert client.get(feed_url("x" * 43)).status_code == 404
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert client.get(feed_url(token)).status_code == 404


def test_the_feed_accepts_only_reads(client, program, token):
    assert client.post(feed_url(token)).status_code == 405
    assert client.head(feed_url(token)).status_code == 200


def test_a_feed_shows_only_its_owners_program(
    client, program, token, other_user, create_program
):
    theirs = create_program(other_user, start_date=MONDAY, days_per_week=3)
    their_token = coach_services.calendar_token_regenerate(
        user=other_user
    ).calendar_token
    mine = {str(e["UID"]) for e in parse(client.get(feed_url(token))).walk("VEVENT")}
    their = {
        str(e["UID"]) for e in parse(client.get(feed_url(their_token))).walk("VEVENT")
    }
    assert mine == {session_uid(program.pk, s.pk) for s in program.sessions.all()}
    assert their == {session_uid(theirs.pk, s.pk) for s in theirs.sessions.all()}


def test_the_feed_follows_the_newest_active_program(
    client, user, program, token, create_program
):
    newer = create_program(user, start_date=MONDAY + dt.timedelta(weeks=8))
    calendar = parse(client.get(feed_url(token)))
    assert str(calendar["X-WR-CALNAME"]) == f"Alloy · {newer.name}"
    assert {str(e["UID"]) for e in calendar.walk("VEVENT")} == {
        session_uid(newer.pk, s.pk) for s in newer.sessions.all()
    }


def test_without_a_program_the_feed_is_an_empty_calendar(client, token):
    response = client.get(feed_url(token))
    assert response.status_code == 200
    assert list(parse(response).walk("VEVENT")) == []


def test_the_feed_query_count_does_not_grow_with_the_program(
    client, user, token, create_program, django_assert_num_queries
):
    big = create_program(user, start_date=MONDAY, duration_weeks=12, days_per_week=6)
    # Profile + user, program, sessions + microcycles, exercises + movements.
    with django_assert_num_queries(4):
        response = client.get(feed_url(token))
    assert (
        len(list(parse(response).walk("VEVENT")))
        == Session.objects.filter(program=big).count()
    )


# ---------------------------------------------------------------------------
# The program page's calendar card
# ---------------------------------------------------------------------------
@pytest.fixture
def logged_in(client, user):
    client.force_login(user)
    return client


def test_the_program_page_offers_a_calendar_link_when_there_is_none(
    logged_in, program, user
):
    html = logged_in.get(program.get_absolute_url()).content.decode()
    assert "Get a calendar link" in html
    assert "webcal://" not in html
    assert not AthleteProfile.objects.filter(user=user, calendar_token__isnull=False)


def test_getting_a_link_from_the_program_page_comes_back_to_it(
    logged_in, program, user
):
    response = logged_in.post(
        reverse("settings-calendar-token"),
        {"next": program.get_absolute_url() + "#calendar"},
    )
    assert response.status_code == 302
    assert response["Location"] == program.get_absolute_url() + "#calendar"
    token = AthleteProfile.objects.get(user=user).calendar_token
    html = logged_in.get(program.get_absolute_url()).content.decode()
    assert f'href="webcal://testserver/calendar/{token}.ics"' in html
    assert f"http://testserver/calendar/{token}.ics" in html


def test_an_outside_next_url_is_ignored(logged_in, program):
    response = logged_in.post(
        reverse("settings-calendar-token"), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("settings") + "#calendar"


def test_an_older_programs_page_says_the_calendar_follows_the_newest(
    logged_in, user, program, create_program
):
    newer = create_program(user, start_date=MONDAY + dt.timedelta(weeks=8))
    html = logged_in.get(program.get_absolute_url()).content.decode()
    assert "Your calendar follows your newest program" in html
    assert newer.get_absolute_url() in html
    html = logged_in.get(newer.get_absolute_url()).content.decode()
    assert "Your calendar follows your newest program" not in html
