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


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"sets": 4, "reps_min": 6, "reps_max": 8}, "4 × 6–8"),
        ({"sets": 3, "duration_seconds": 45}, "3 × 0:45"),
        ({"sets": 1, "duration_seconds": 1200}, "1 × 20 min"),
        # A metabolic finisher's station: rounds × work, not "4 × 0:30".
        ({"sets": 4, "duration_seconds": 30, "superset_group": 1}, "4 rounds × 0:30"),
        (
            {"sets": 1, "reps_min": 5, "reps_max": 5, "superset_group": 1},
            "1 round × 5 reps",
        ),
    ],
)
def test_exercise_prescription_text_reads_a_circuit_station_as_rounds(fields, text):
    from programs.models import SessionExercise
    from programs.presenters import exercise_prescription_text

    assert exercise_prescription_text(SessionExercise(**fields)) == text
