"""Pure adherence: planned vs completed sessions per week, and streaks (no Django).

Definitions (Alloy's; the seeds left adherence as a TODO, 002 "Priority 13"):

- A *planned* session is a training (non-rest) session of the athlete's program;
  it is *completed* once a workout or an activity is logged for it, whenever that
  happens. Its status is COMPLETED, MISSED (dated before today and not completed),
  DUE (today, not yet logged) or UPCOMING (later).
- Weeks are ISO weeks, Monday to Sunday, by the session's planned date.
- A week is KEPT when it had at least one planned session and all were completed;
  MISSED as soon as one of its sessions is missed; IN_PROGRESS while it is the
  current week and nothing is missed yet; EMPTY when nothing was planned;
  UPCOMING after the current week.
- The *week streak* counts consecutive KEPT weeks up to now. The current week adds
  to it once kept and never breaks it while in progress; a MISSED or EMPTY week
  breaks it (a streak is about following a plan). The *session streak* counts
  consecutive completed sessions in date order; a session due today does not
  break it.
- The completion rate is completed / (completed + missed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

COMPLETED = "COMPLETED"
MISSED = "MISSED"
DUE = "DUE"
UPCOMING = "UPCOMING"

KEPT = "KEPT"
IN_PROGRESS = "IN_PROGRESS"
EMPTY = "EMPTY"


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class PlannedSession:
    """A planned training session: its id, planned date and whether it was logged."""

    session_id: int
    date: date
    completed: bool


@dataclass(frozen=True, slots=True)
class SessionStatus:
    session_id: int
    date: date
    status: str


@dataclass(frozen=True, slots=True)
class WeekAdherence:
    """One ISO week: counts of its planned sessions by outcome, and its status."""

    week_start: date
    planned: int
    completed: int
    missed: int
    status: str
    sessions: tuple[SessionStatus, ...]


@dataclass(frozen=True, slots=True)
class AdherenceSummary:
    """Weeks (oldest first, from the first planned week to the last planned or
    current week), streaks in weeks and sessions, and the completion rate (0–1,
    ``None`` before anything was due)."""

    weeks: tuple[WeekAdherence, ...]
    current_streak_weeks: int
    longest_streak_weeks: int
    current_streak_sessions: int
    longest_streak_sessions: int
    completed: int
    missed: int
    completion_rate: float | None


def session_status(session: PlannedSession, today: date) -> str:
    """COMPLETED, MISSED, DUE or UPCOMING for ``session`` as of ``today``."""
    if session.completed:
        return COMPLETED
    if session.date < today:
        return MISSED
    if session.date == today:
        return DUE
    return UPCOMING


def _week_status(
    start: date, statuses: Sequence[SessionStatus], current_week: date
) -> str:
    if start > current_week:
        if statuses and all(s.status == COMPLETED for s in statuses):
            return KEPT
        return UPCOMING if statuses else EMPTY
    if not statuses:
        return EMPTY
    if all(s.status == COMPLETED for s in statuses):
        return KEPT
    if any(s.status == MISSED for s in statuses):
        return MISSED
    return IN_PROGRESS


def summarize(sessions: Iterable[PlannedSession], *, today: date) -> AdherenceSummary:
    """Adherence of ``sessions`` (any order) as of ``today``; see the module doc."""
    ordered = sorted(sessions, key=lambda s: (s.date, s.session_id))
    statuses = [
        SessionStatus(s.session_id, s.date, session_status(s, today)) for s in ordered
    ]
    current_week = week_start(today)
    weeks: list[WeekAdherence] = []
    if statuses:
        by_week: dict[date, list[SessionStatus]] = {}
        for status in statuses:
            by_week.setdefault(week_start(status.date), []).append(status)
        first = week_start(statuses[0].date)
        last = week_start(statuses[-1].date)
        if first <= current_week:
            last = max(last, current_week)
        start = first
        while start <= last:
            in_week = by_week.get(start, [])
            weeks.append(
                WeekAdherence(
                    week_start=start,
                    planned=len(in_week),
                    completed=sum(s.status == COMPLETED for s in in_week),
                    missed=sum(s.status == MISSED for s in in_week),
                    status=_week_status(start, in_week, current_week),
                    sessions=tuple(in_week),
                )
            )
            start += timedelta(days=7)

    run = longest = 0
    for week in weeks:
        if week.week_start > current_week:
            break
        if week.status == KEPT:
            run += 1
            longest = max(longest, run)
        elif week.status != IN_PROGRESS:
            run = 0
    current_weeks = run

    run_s = longest_s = 0
    for status in statuses:
        if status.status == COMPLETED:
            run_s += 1
            longest_s = max(longest_s, run_s)
        elif status.status == MISSED:
            run_s = 0
    completed = sum(s.status == COMPLETED for s in statuses)
    missed = sum(s.status == MISSED for s in statuses)
    due = completed + missed
    return AdherenceSummary(
        weeks=tuple(weeks),
        current_streak_weeks=current_weeks,
        longest_streak_weeks=longest,
        current_streak_sessions=run_s,
        longest_streak_sessions=longest_s,
        completed=completed,
        missed=missed,
        completion_rate=(completed / due) if due else None,
    )


def week_window(
    weeks: Iterable[WeekAdherence], *, first_monday: date, count: int
) -> list[WeekAdherence]:
    """``count`` consecutive ISO weeks starting ``first_monday``, oldest first:
    each the summary's week for that Monday, or an EMPTY week with nothing planned
    (the summary only spans the planned weeks). Shared by the adherence API and
    the progress page's calendar."""
    by_start = {week.week_start: week for week in weeks}
    window = []
    for offset in range(count):
        monday = first_monday + timedelta(weeks=offset)
        window.append(by_start.get(monday) or WeekAdherence(monday, 0, 0, 0, EMPTY, ()))
    return window
