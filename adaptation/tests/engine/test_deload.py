"""Early-deload triggers: readiness, e1RM stall, new programs, missing data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from adaptation.engine import LiftHistory, ReadinessInputs, deload_trigger, readiness

START = date(2026, 1, 5)
TODAY = START + timedelta(days=28)
LOW = readiness(ReadinessInputs(sleep_hours=5, energy=2))  # 25
OK = readiness(ReadinessInputs(sleep_hours=8, energy=4))
UNKNOWN = readiness(ReadinessInputs())


def history(*scores, end=TODAY):
    return [
        (end - timedelta(days=len(scores) - 1 - i), r) for i, r in enumerate(scores)
    ]


SQUAT_STALL = LiftHistory(1, "Back Squat", (140.0, 142.0, 139.0))
BENCH_STALL = LiftHistory(2, "Bench Press", (100.0, 100.0, 100.2))
DEAD_UP = LiftHistory(3, "Deadlift", (170.0, 175.0, 180.0))


def trigger(readiness_history=(), lifts=(), **kw):
    return deload_trigger(
        readiness_history=readiness_history, main_lifts=lifts,
        program_start=kw.pop("start", START), today=kw.pop("today", TODAY), **kw,
    )  # fmt: skip


def test_low_readiness_on_three_of_the_last_five_checkins():
    assert LOW.score < 40 <= OK.score
    s = trigger(history(OK, LOW, OK, LOW, LOW))
    assert s is not None
    assert s.triggers == ("readiness",)
    assert "3 of your last 5" in s.reasons[0]


def test_two_low_checkins_or_old_ones_do_not_trigger():
    assert trigger(history(OK, LOW, OK, LOW, OK)) is None
    # Three lows, but the last five check-ins hold only two of them.
    assert trigger(history(LOW, OK, LOW, OK, OK, LOW)) is None


def test_checkins_without_data_are_not_evidence():
    assert trigger(history(UNKNOWN, UNKNOWN, UNKNOWN, LOW, LOW)) is None


def test_checkins_before_the_program_started_do_not_count():
    before = [(START - timedelta(days=d), LOW) for d in (1, 2, 3)]
    assert trigger(before + history(OK, OK)) is None


def test_e1rm_stall_on_two_main_lifts():
    s = trigger(lifts=[SQUAT_STALL, BENCH_STALL, DEAD_UP])
    assert s is not None
    assert s.triggers == ("e1rm_stall",)
    assert "Back Squat 140.0 → 139.0 kg" in s.reasons[0]
    assert "Deadlift" not in s.reasons[0]


def test_one_stalled_lift_or_too_few_exposures_do_not_trigger():
    assert trigger(lifts=[SQUAT_STALL, DEAD_UP]) is None
    short = LiftHistory(4, "Row", (80.0, 79.0))
    assert trigger(lifts=[SQUAT_STALL, short]) is None
    # Only the last three exposures count: a long rise then a stall is a stall.
    longer = LiftHistory(5, "Press", (50.0, 55.0, 60.0, 60.0, 60.1))
    assert trigger(lifts=[SQUAT_STALL, longer]) is not None


def test_both_triggers_are_reported():
    s = trigger(history(LOW, LOW, LOW), [SQUAT_STALL, BENCH_STALL])
    assert s.triggers == ("readiness", "e1rm_stall")
    assert len(s.reasons) == 2


@pytest.mark.parametrize(
    "kw",
    [
        {"today": START + timedelta(days=10)},  # a brand-new program
        {"in_deload": True},
        {"days_to_next_deload": 5},
    ],
)
def test_never_on_a_new_program_during_or_just_before_a_deload(kw):
    assert (
        trigger(history(LOW, LOW, LOW, LOW, LOW), [SQUAT_STALL, BENCH_STALL], **kw)
        is None
    )


def test_a_far_deload_does_not_block():
    s = trigger(history(LOW, LOW, LOW), days_to_next_deload=14)
    assert s is not None


def test_nothing_known_never_triggers():
    assert trigger() is None
