"""What a program honours is worded from the engine's own rules
(``programs.generation``), never a copy of them (issue 8, item 2)."""

from __future__ import annotations

import datetime as dt

import pytest

from programs.models import Program
from programs.presenters import program_profile_summary


def _program(**fields) -> Program:
    values = {
        "start_date": dt.date(2026, 1, 5),
        "duration_weeks": 8,
        "experience_level": "ADVANCED",
        "equipment": ["barbell"],
        "movement_rules": [],
        "enjoyable_activities": [],
        "preferred_weekdays": [],
        "discipline_priorities": {},
        "discipline_experience": {},
    }
    values.update(fields)
    return Program(**values)


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        (
            {"discipline_experience": {"OLYMPIC_LIFTING": "BEGINNER"}},
            "Olympic lifts may be main lifts: you have done them (beginner).",
        ),
        # An advanced lifter who made them a priority but never did them: the
        # engine (library.olympic_main_allowed) keeps them out of main blocks.
        (
            {"discipline_priorities": {"OLYMPIC_LIFTING": 5}},
            "No Olympic lifts as main lifts: you have not done them.",
        ),
    ],
)
def test_olympic_line_follows_the_engines_rule(fields, line):
    assert line in program_profile_summary(program=_program(**fields))


def test_finisher_minutes_are_the_engines():
    lines = program_profile_summary(
        program=_program(dedicated_cardio_days=False, cardio_as_finisher=True)
    )
    assert "Cardio as 10–20 minute finishers on lifting days." in lines
