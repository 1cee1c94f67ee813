"""The seeds' database constraints hold in the database itself."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from programs.models import Microcycle, Program

pytestmark = pytest.mark.django_db


def program_values(user, **overrides):
    values = {
        "user": user,
        "name": "p",
        "goal_1": "STRENGTH",
        "goal_weight_1": 10,
        "duration_weeks": 8,
        "days_per_week": 4,
        "max_session_minutes": 60,
        "split_template": "UPPER_LOWER",
        "progression_style": "SINGLE_PROGRESSION",
        "experience_level": "BEGINNER",
        "persona_tone": "SUPPORTIVE",
        "persona_aggression": "BALANCED",
        "start_date": dt.date(2026, 1, 5),
    }
    values.update(overrides)
    return values


def test_a_valid_program_row_is_accepted(user):
    assert Program.objects.create(**program_values(user)).pk


@pytest.mark.parametrize(
    "overrides",
    [
        {"goal_weight_1": 9},
        {"goal_weight_1": 6, "goal_2": "HYPERTROPHY", "goal_weight_2": 5},
        {"duration_weeks": 9},
        {"duration_weeks": 14},
        {"days_per_week": 1},
        {"days_per_week": 8},
        {"max_session_minutes": 29},
        {"max_session_minutes": 121},
        {"microcycle_length_days": 6},
        {"microcycle_length_days": 15},
    ],
)
def test_database_rejects_rows_that_break_the_rules(user, overrides):
    with pytest.raises(IntegrityError), transaction.atomic():
        Program.objects.create(**program_values(user, **overrides))


@pytest.mark.parametrize("length", [6, 15])
def test_microcycle_length_is_7_to_14_days(user, length):
    program = Program.objects.create(**program_values(user))
    with pytest.raises(IntegrityError), transaction.atomic():
        Microcycle.objects.create(
            program=program,
            sequence_number=1,
            start_date=program.start_date,
            length_days=length,
        )
