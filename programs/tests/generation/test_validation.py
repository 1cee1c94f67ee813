"""validate_request: every bound on both sides, the $10 budget, interference."""

from __future__ import annotations

from dataclasses import replace

import pytest

from programs.generation import SpecValidationError, validate_request
from programs.generation.heuristics import INTERFERENCE_TABLE
from programs.generation.types import Goal, GoalWeight
from programs.generation.validation import interference_severity

from .conftest import make_spec

BASE = make_spec().request


def errors_of(**changes) -> dict[str, list[str]]:
    with pytest.raises(SpecValidationError) as info:
        validate_request(replace(BASE, **changes))
    return info.value.errors


def ok(**changes) -> tuple[str, ...]:
    return validate_request(replace(BASE, **changes))


@pytest.mark.parametrize(
    ("field", "low", "high"),
    [
        ("duration_weeks", 8, 12),
        ("days_per_week", 2, 7),
        ("max_session_minutes", 30, 120),
        ("deload_every_n_microcycles", 2, 8),
        ("microcycle_length_days", 7, 14),
    ],
)
def test_bounds_both_sides(field, low, high):
    ok(**{field: low})
    ok(**{field: high})
    assert field in errors_of(**{field: low - 1})
    assert field in errors_of(**{field: high + 1})


def test_weeks_must_be_even():
    assert "even" in " ".join(errors_of(duration_weeks=9)["duration_weeks"])
    assert "even" in " ".join(errors_of(duration_weeks=11)["duration_weeks"])
    ok(duration_weeks=10)


@pytest.mark.parametrize("total", [9, 11])
def test_weights_must_sum_to_ten(total):
    goals = (GoalWeight(Goal.STRENGTH, total - 3), GoalWeight(Goal.HYPERTROPHY, 3))
    assert "add up to $10" in errors_of(goals=goals)["goals"][0]


def test_zero_and_four_goals():
    assert "1 to 3 goals" in errors_of(goals=())["goals"][0]
    four = tuple(
        GoalWeight(g, w)
        for g, w in zip(
            (Goal.STRENGTH, Goal.HYPERTROPHY, Goal.MOBILITY, Goal.SKILL),
            (4, 2, 2, 2),
            strict=True,
        )
    )
    assert "1 to 3 goals" in errors_of(goals=four)["goals"][0]


def test_duplicate_goal_and_bad_weights():
    dup = (GoalWeight(Goal.STRENGTH, 5), GoalWeight(Goal.STRENGTH, 5))
    assert any("more than once" in e for e in errors_of(goals=dup)["goals"])
    zero = (GoalWeight(Goal.STRENGTH, 10), GoalWeight(Goal.HYPERTROPHY, 0))
    assert any("whole number" in e for e in errors_of(goals=zero)["goals"])
    frac = (GoalWeight(Goal.STRENGTH, 9.5), GoalWeight(Goal.HYPERTROPHY, 0.5))
    assert any("whole number" in e for e in errors_of(goals=frac)["goals"])


def test_all_errors_collected_at_once():
    errors = errors_of(
        goals=(GoalWeight(Goal.STRENGTH, 4),),
        duration_weeks=13,
        days_per_week=1,
        max_session_minutes=20,
        deload_every_n_microcycles=1,
        microcycle_length_days=6,
    )
    assert set(errors) == {
        "goals",
        "duration_weeks",
        "days_per_week",
        "max_session_minutes",
        "deload_every_n_microcycles",
        "microcycle_length_days",
    }
    assert len(errors["duration_weeks"]) == 2  # out of range and odd


def test_interference_table_covers_every_pair_once():
    goals = list(Goal)
    pairs = {frozenset({a, b}) for i, a in enumerate(goals) for b in goals[i + 1 :]}
    assert set(INTERFERENCE_TABLE) == pairs
    for severity, explanation, adjustment in INTERFERENCE_TABLE.values():
        assert 0 <= severity <= 1
        assert explanation
        assert adjustment


def test_interference_warning():
    warnings = ok(goals=(GoalWeight(Goal.HYPERTROPHY, 6), GoalWeight(Goal.FAT_LOSS, 4)))
    assert len(warnings) == 1
    assert "HYPERTROPHY and FAT_LOSS have some conflict" in warnings[0]


def test_interference_blocking_names_the_conflict():
    goals = (GoalWeight(Goal.STRENGTH, 5), GoalWeight(Goal.ENDURANCE, 5))
    message = errors_of(goals=goals)["goals"][0]
    assert "STRENGTH and ENDURANCE conflict heavily" in message


def test_escalation_depends_on_weights():
    assert interference_severity(Goal.STRENGTH, Goal.ENDURANCE, 4, 4) > 0.8
    assert interference_severity(Goal.STRENGTH, Goal.ENDURANCE, 7, 3) < 0.8
    warnings = ok(goals=(GoalWeight(Goal.STRENGTH, 7), GoalWeight(Goal.ENDURANCE, 3)))
    assert any("STRENGTH and ENDURANCE" in w for w in warnings)


def test_low_severity_pairs_do_not_warn():
    assert ok(goals=(GoalWeight(Goal.SKILL, 5), GoalWeight(Goal.ENDURANCE, 5))) == ()
