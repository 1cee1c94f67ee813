"""The athlete's program as an iCalendar feed (RFC 5545), built by a pure function.

:func:`build_calendar` takes a :class:`FeedProgram` snapshot (plain frozen
dataclasses, made from the database by ``programs.calendar.selectors``) and the
athlete's preferred training time and time zone, and returns the ``.ics`` bytes.
It imports no Django (an import-linter contract says so) and reads no clock: the
same snapshot gives the same bytes, so a feed that did not change answers with
the same ETag.

* One ``VEVENT`` per training session, starting at the athlete's training time
  in their time zone (``DTSTART;TZID=…`` with the zone's ``VTIMEZONE``), ending
  after the session's estimated minutes (the program's session cap while the
  worker has not written the session yet). Title: session type and focus;
  description: the exercises in short form by block, the coach's note, a link.
* Rest days are all-day, transparent events ("Rest day"), so they label the day
  without blocking time.
* Sessions in a deload microcycle say so in their title and description (a
  deload is "a period of reduced training stress designed to mitigate
  physiological and psychological fatigue", Bell et al. 2023, reference §0/§7).
* UIDs are made from the program and session ids and never change, so a
  calendar app updates an event rather than adding a second one; ``SEQUENCE`` is
  the session's ``variant`` (bumped by "regenerate") and ``DTSTAMP`` /
  ``LAST-MODIFIED`` the time the session was written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

PRODID = "-//Alloy//Training calendar//EN"
#: How often calendar apps should fetch the feed again (RFC 7986
#: REFRESH-INTERVAL and the older X-PUBLISHED-TTL that Outlook reads).
REFRESH_INTERVAL = dt.timedelta(hours=6)


@dataclass(frozen=True, slots=True)
class FeedExercise:
    """One exercise in short form: ``block`` ("Main"), ``name`` ("Back squat")
    and ``dose`` ("4 × 5 @ RPE 8", "3 × 0:45")."""

    block: str
    name: str
    dose: str


@dataclass(frozen=True, slots=True)
class FeedSession:
    """One day of the program.

    ``week`` is the microcycle's sequence number; ``minutes`` the estimated
    duration (0: not estimated yet); ``status`` one of ``"ready"``,
    ``"pending"`` (the worker has not written it yet) or ``"failed"``;
    ``revision`` the session's ``variant``; ``written_at`` when the worker wrote
    it (aware, UTC), ``None`` for rest days and pending sessions.
    """

    session_id: int
    date: dt.date
    week: int
    is_deload: bool
    is_rest_day: bool
    type_label: str
    focus_label: str
    minutes: int
    exercises: tuple[FeedExercise, ...]
    coach_note: str
    url: str
    status: str = "ready"
    revision: int = 0
    written_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class FeedProgram:
    """The program a feed shows. ``session_minutes`` is its per-session cap (the
    duration of a session not estimated yet); ``created_at`` (aware) stamps
    events that have no ``written_at``."""

    program_id: int
    name: str
    url: str
    session_minutes: int
    created_at: dt.datetime
    sessions: tuple[FeedSession, ...]


def session_uid(program_id: int, session_id: int) -> str:
    """The event's UID: stable for the life of the session, unique per program
    and session (RFC 5545 §3.8.4.7)."""
    return f"alloy-program-{program_id}-session-{session_id}"


def event_title(session: FeedSession) -> str:
    """``Strength · Upper A``, ``Rest day``; ``… (deload week)`` in a deload."""
    if session.is_rest_day:
        title = "Rest day"
    else:
        title = " · ".join(p for p in (session.type_label, session.focus_label) if p)
    return f"{title} (deload week)" if session.is_deload else title


def event_description(session: FeedSession) -> str:
    """The event's text: the week, the exercises by block, the coach's note and
    the link to the session page, as plain lines."""
    week = f"Week {session.week}"
    if session.is_deload:
        week += " · deload week: lighter loads and fewer sets so fatigue clears"
    lines = [week]
    if session.is_rest_day:
        lines.append("Rest day: recovery is where training turns into progress.")
    elif session.status == "pending":
        lines.append("Alloy is still writing this session.")
    elif session.status == "failed":
        lines.append("This session could not be written: retry it on the program page.")
    if session.minutes and not session.is_rest_day:
        lines.append(f"About {session.minutes} min.")
    block = None
    for exercise in session.exercises:
        if exercise.block != block:
            block = exercise.block
            lines += ["", f"{block}:"]
        lines.append(f"- {exercise.name} {exercise.dose}".rstrip())
    if session.coach_note:
        lines += ["", f"Coach: {session.coach_note}"]
    lines += ["", session.url]
    return "\n".join(lines)


def _event(
    session: FeedSession,
    program: FeedProgram,
    *,
    training_time: dt.time,
    zone: ZoneInfo,
) -> icalendar.Event:
    stamp = session.written_at or program.created_at
    categories = ["Alloy", "Rest" if session.is_rest_day else session.type_label]
    if session.is_deload:
        categories.append("Deload")
    event = icalendar.Event.new(
        uid=session_uid(program.program_id, session.session_id),
        summary=event_title(session),
        description=event_description(session),
        url=session.url,
        categories=categories,
        sequence=session.revision,
        stamp=stamp,
        last_modified=stamp,
    )
    if session.is_rest_day:
        event.add("dtstart", session.date)
        event.add("dtend", session.date + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        start = dt.datetime.combine(session.date, training_time, tzinfo=zone)
        minutes = session.minutes or program.session_minutes
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=minutes))
        event.add("transp", "OPAQUE")
    return event


def build_calendar(
    program: FeedProgram | None,
    *,
    training_time: dt.time,
    zone: ZoneInfo,
) -> bytes:
    """The iCalendar text of ``program`` (``None``: an empty calendar, so a
    subscription stays valid while the athlete has no active program).

    ``training_time`` is the local wall-clock start of every training session in
    ``zone``; events carry ``TZID`` and the calendar the zone's ``VTIMEZONE``,
    so daylight-saving changes keep the session at the same local time.
    Returns UTF-8 bytes with CRLF line endings, lines folded at 75 octets.
    """
    calendar = icalendar.Calendar.new(
        prodid=PRODID,
        uid=f"alloy-program-{program.program_id}" if program else "alloy-no-program",
        method="PUBLISH",
        name=f"Alloy · {program.name}" if program else "Alloy",
        description=(
            "Your training sessions from Alloy." if program else "No active program."
        ),
        url=program.url if program else None,
    )
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL))
    calendar.add("x-wr-timezone", zone.key)
    if program is not None:
        for session in program.sessions:
            calendar.add_component(
                _event(session, program, training_time=training_time, zone=zone)
            )
        dates = [s.date for s in program.sessions]
        if dates:
            calendar.add_missing_timezones(
                first_date=min(dates) - dt.timedelta(days=366),
                last_date=max(dates) + dt.timedelta(days=366),
            )
    return calendar.to_ical()
