"""The pure iCalendar builder (``programs.calendar.feed``): no database, the
output parsed back with the ``icalendar`` library."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from programs.calendar.feed import (
    FeedExercise,
    FeedProgram,
    FeedSession,
    build_calendar,
    event_description,
    event_title,
    session_uid,
)

PARIS = ZoneInfo("Europe/Paris")
WRITTEN = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def session(session_id: int, date: dt.date, **overrides) -> FeedSession:
    values = {
        "session_id": session_id,
        "date": date,
        "week": 1,
        "is_deload": False,
        "is_rest_day": False,
        "type_label": "Strength",
        "focus_label": "Upper A",
        "minutes": 55,
        "exercises": (
            FeedExercise("Warm-up", "Band pull-apart", "2 × 15"),
            FeedExercise("Main", "Barbell bench press", "4 × 5 @ RPE 8"),
            FeedExercise("Main", "Pull-up", "4 × 6–8 @ RPE 8"),
            FeedExercise("Cool-down", "Doorway pec stretch", "2 × 0:30"),
        ),
        "coach_note": "Drive your feet into the floor on every press.",
        "url": f"https://alloy.example/programs/7/sessions/{session_id}/",
        "status": "ready",
        "revision": 0,
        "written_at": WRITTEN,
    }
    values.update(overrides)
    return FeedSession(**values)


def rest(session_id: int, date: dt.date, **overrides) -> FeedSession:
    return session(
        session_id,
        date,
        is_rest_day=True,
        type_label="Rest / recovery",
        focus_label="",
        minutes=0,
        exercises=(),
        coach_note="",
        written_at=None,
        **overrides,
    )


def program(*sessions: FeedSession) -> FeedProgram:
    return FeedProgram(
        program_id=7,
        name="Spring block",
        url="https://alloy.example/programs/7/",
        session_minutes=60,
        created_at=dt.datetime(2026, 2, 20, tzinfo=dt.UTC),
        sessions=sessions,
    )


def events(ics: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(ics).walk("VEVENT"))


# A week around the spring daylight-saving change in Paris (29 March 2026).
WEEK = program(
    session(1, dt.date(2026, 3, 26)),
    rest(2, dt.date(2026, 3, 27)),
    session(3, dt.date(2026, 3, 30), type_label="Hypertrophy", focus_label="Lower A"),
    session(4, dt.date(2026, 4, 1), is_deload=True, week=2, minutes=40),
    rest(5, dt.date(2026, 4, 2), is_deload=True, week=2),
)


def test_one_event_per_day_with_stable_unique_uids():
    parsed = events(build_calendar(WEEK, training_time=dt.time(18), zone=PARIS))
    assert len(parsed) == 5
    uids = [str(e["UID"]) for e in parsed]
    assert uids == [session_uid(7, n) for n in (1, 2, 3, 4, 5)]
    assert len(set(uids)) == 5
    assert uids[0] == "alloy-program-7-session-1"


def test_training_sessions_start_at_the_training_time_in_the_athletes_zone():
    parsed = events(build_calendar(WEEK, training_time=dt.time(7, 30), zone=PARIS))
    trainings = [e for e in parsed if e.get("TRANSP") != "TRANSPARENT"]
    starts = [e.decoded("DTSTART") for e in trainings]
    assert [s.time() for s in starts] == [dt.time(7, 30)] * 3
    assert all(s.tzinfo.key == "Europe/Paris" for s in starts)
    # Same wall-clock time either side of the daylight-saving change.
    assert starts[0].utcoffset() == dt.timedelta(hours=1)
    assert starts[1].utcoffset() == dt.timedelta(hours=2)
    assert starts[0].astimezone(dt.UTC).time() == dt.time(6, 30)
    assert starts[1].astimezone(dt.UTC).time() == dt.time(5, 30)
    ends = [e.decoded("DTEND") for e in trainings]
    assert [
        (end - start).seconds // 60 for start, end in zip(starts, ends, strict=True)
    ] == [
        55,
        55,
        40,
    ]


def test_the_calendar_carries_the_time_zone_definition():
    calendar = icalendar.Calendar.from_ical(
        build_calendar(WEEK, training_time=dt.time(18), zone=PARIS)
    )
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Paris"]
    assert calendar.get_missing_tzids() == set()
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Paris"
    assert str(calendar["X-WR-CALNAME"]) == "Alloy · Spring block"
    assert calendar["REFRESH-INTERVAL"].dt == dt.timedelta(hours=6)


def test_rest_days_are_all_day_transparent_and_labelled():
    parsed = events(build_calendar(WEEK, training_time=dt.time(18), zone=PARIS))
    rest_day = parsed[1]
    assert str(rest_day["SUMMARY"]) == "Rest day"
    assert rest_day.decoded("DTSTART") == dt.date(2026, 3, 27)
    assert rest_day.decoded("DTEND") == dt.date(2026, 3, 28)
    assert str(rest_day["TRANSP"]) == "TRANSPARENT"
    assert str(parsed[0]["TRANSP"]) == "OPAQUE"


def test_deload_weeks_are_labelled_in_title_description_and_categories():
    parsed = events(build_calendar(WEEK, training_time=dt.time(18), zone=PARIS))
    assert [str(e["SUMMARY"]) for e in parsed] == [
        "Strength · Upper A",
        "Rest day",
        "Hypertrophy · Lower A",
        "Strength · Upper A (deload week)",
        "Rest day (deload week)",
    ]
    deload = parsed[3]
    assert "Week 2 · deload week" in str(deload["DESCRIPTION"])
    assert "Deload" in deload.categories
    assert "Deload" not in parsed[0].categories


def test_the_description_lists_exercises_by_block_the_note_and_the_link():
    text = event_description(WEEK.sessions[0])
    assert text.splitlines() == [
        "Week 1",
        "About 55 min.",
        "",
        "Warm-up:",
        "- Band pull-apart 2 × 15",
        "",
        "Main:",
        "- Barbell bench press 4 × 5 @ RPE 8",
        "- Pull-up 4 × 6–8 @ RPE 8",
        "",
        "Cool-down:",
        "- Doorway pec stretch 2 × 0:30",
        "",
        "Coach: Drive your feet into the floor on every press.",
        "",
        "https://alloy.example/programs/7/sessions/1/",
    ]
    parsed = events(build_calendar(WEEK, training_time=dt.time(18), zone=PARIS))
    assert str(parsed[0]["DESCRIPTION"]) == text
    assert str(parsed[0]["URL"]) == "https://alloy.example/programs/7/sessions/1/"


def test_a_session_not_written_yet_lasts_the_programs_session_cap():
    pending = session(
        9,
        dt.date(2026, 3, 26),
        minutes=0,
        exercises=(),
        status="pending",
        written_at=None,
    )
    (event,) = events(
        build_calendar(program(pending), training_time=dt.time(18), zone=PARIS)
    )
    assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(minutes=60)
    assert "still writing this session" in str(event["DESCRIPTION"])
    # Stamped with the program's creation while nothing was written.
    assert event.decoded("DTSTAMP") == dt.datetime(2026, 2, 20, tzinfo=dt.UTC)


def test_sequence_and_stamp_follow_the_sessions_revision():
    before = events(build_calendar(WEEK, training_time=dt.time(18), zone=PARIS))[0]
    later = dt.datetime(2026, 3, 5, tzinfo=dt.UTC)
    regenerated = program(
        session(1, dt.date(2026, 3, 26), revision=2, written_at=later)
    )
    after = events(build_calendar(regenerated, training_time=dt.time(18), zone=PARIS))[
        0
    ]
    assert str(before["UID"]) == str(after["UID"])
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 2)
    assert after.decoded("LAST-MODIFIED") == later


def test_the_same_snapshot_gives_the_same_bytes():
    first = build_calendar(WEEK, training_time=dt.time(18), zone=PARIS)
    assert build_calendar(WEEK, training_time=dt.time(18), zone=PARIS) == first
    assert build_calendar(WEEK, training_time=dt.time(19), zone=PARIS) != first


def test_no_program_is_a_valid_empty_calendar():
    ics = build_calendar(None, training_time=dt.time(18), zone=ZoneInfo("UTC"))
    calendar = icalendar.Calendar.from_ical(ics)
    assert events(ics) == []
    assert str(calendar["X-WR-CALDESC"]) == "No active program."
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n")


def test_titles_without_a_focus_and_unicode_survive_the_round_trip():
    odd = session(
        1,
        dt.date(2026, 3, 26),
        type_label="Conditioning",
        focus_label="",
        coach_note="Tempo: 3 s down; breathe — don’t hold it, Zoë.",
    )
    assert event_title(odd) == "Conditioning"
    (event,) = events(
        build_calendar(program(odd), training_time=dt.time(6), zone=PARIS)
    )
    assert "breathe — don’t hold it, Zoë." in str(event["DESCRIPTION"])
