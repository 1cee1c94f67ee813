"""Adherence and streaks across week boundaries (no DB)."""

from __future__ import annotations

import datetime as dt

from training_logs import adherence as a

MON = dt.date(2026, 1, 5)  # a Monday


def day(offset: int) -> dt.date:
    return MON + dt.timedelta(days=offset)


def plan(*specs):
    """``(offset, completed)`` pairs → planned sessions with ids 1, 2, …"""
    return [a.PlannedSession(i + 1, day(o), done) for i, (o, done) in enumerate(specs)]


def test_week_start_is_monday():
    assert a.week_start(day(6)) == MON  # Sunday belongs to the week before
    assert a.week_start(day(7)) == day(7)


def test_weeks_count_planned_completed_and_missed():
    summary = a.summarize(plan((0, True), (2, False), (4, True)), today=day(10))
    (week, current) = summary.weeks
    assert (week.planned, week.completed, week.missed, week.status) == (
        3,
        2,
        1,
        a.MISSED,
    )
    assert current.status == a.EMPTY
    assert current.week_start == day(7)
    assert summary.completion_rate == 2 / 3


def test_streak_runs_across_week_boundaries_sunday_to_monday():
    sessions = plan((6, True), (7, True), (13, True), (14, True))  # Sun, Mon, Sun, Mon
    summary = a.summarize(sessions, today=day(16))
    assert [w.status for w in summary.weeks] == [a.KEPT, a.KEPT, a.KEPT]
    assert summary.current_streak_weeks == 3
    assert summary.current_streak_sessions == 4


def test_a_missed_session_breaks_both_streaks():
    sessions = plan((0, True), (2, True), (7, True), (9, False), (14, True), (16, True))
    summary = a.summarize(sessions, today=day(20))
    assert [w.status for w in summary.weeks] == [a.KEPT, a.MISSED, a.KEPT]
    assert summary.current_streak_weeks == 1
    assert summary.longest_streak_weeks == 1
    assert summary.current_streak_sessions == 2
    assert summary.longest_streak_sessions == 3


def test_the_current_week_in_progress_never_breaks_the_streak():
    # Week 1 kept; in week 2 (today Wednesday) Monday is done, Friday is upcoming.
    sessions = plan((0, True), (4, True), (7, True), (11, False))
    summary = a.summarize(sessions, today=day(9))
    assert summary.weeks[-1].status == a.IN_PROGRESS
    assert summary.current_streak_weeks == 1
    # The session due today does not break the session streak either.
    due_today = plan((0, True), (2, False))
    assert a.summarize(due_today, today=day(2)).current_streak_sessions == 1
    assert a.summarize(due_today, today=day(2)).weeks[0].sessions[1].status == a.DUE


def test_the_current_week_counts_once_all_its_sessions_are_done():
    sessions = plan((0, True), (7, True), (9, True))
    summary = a.summarize(sessions, today=day(9))
    assert summary.weeks[-1].status == a.KEPT
    assert summary.current_streak_weeks == 2


def test_a_week_with_nothing_planned_breaks_the_streak():
    sessions = plan((0, True), (14, True))
    summary = a.summarize(sessions, today=day(15))
    assert [w.status for w in summary.weeks] == [a.KEPT, a.EMPTY, a.KEPT]
    assert summary.current_streak_weeks == 1
    assert summary.longest_streak_weeks == 1


def test_future_weeks_are_listed_but_do_not_count():
    sessions = plan((0, True), (7, False), (14, False))
    summary = a.summarize(sessions, today=day(2))
    assert [w.status for w in summary.weeks] == [a.KEPT, a.UPCOMING, a.UPCOMING]
    assert summary.current_streak_weeks == 1
    assert summary.missed == 0


def test_no_sessions_means_no_weeks_and_no_rate():
    summary = a.summarize([], today=MON)
    assert summary.weeks == ()
    assert summary.completion_rate is None
    assert summary.current_streak_weeks == summary.longest_streak_weeks == 0


def test_the_week_window_fills_weeks_nothing_was_planned_in():
    summary = a.summarize(plan((7, True)), today=day(10))
    window = a.week_window(summary.weeks, first_monday=MON, count=3)
    assert [w.week_start for w in window] == [MON, day(7), day(14)]
    assert [w.status for w in window] == [a.EMPTY, a.KEPT, a.EMPTY]
    assert (window[0].planned, window[0].completed, window[0].sessions) == (0, 0, ())
    assert window[1] is summary.weeks[0]
