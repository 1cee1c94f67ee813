from __future__ import annotations

import datetime as dt

import pytest

from programs.services import ProgramInput, program_create
from programs.tests.library import build_library


@pytest.fixture
def library(db):
    """The compact test movement library, ``{name: Movement}``."""
    return build_library()


def make_input(**overrides) -> ProgramInput:
    values = {
        "goals": [("STRENGTH", 6), ("HYPERTROPHY", 4)],
        "duration_weeks": 8,
        "days_per_week": 4,
        "max_session_minutes": 60,
        "start_date": dt.date(2026, 1, 5),
    }
    values.update(overrides)
    return ProgramInput(**values)


@pytest.fixture
def create_program(library, django_capture_on_commit_callbacks):
    """Create a program through the real service; generation runs on commit
    (synchronously: tests use django-q2's sync mode) unless ``generate=False``."""

    def _create(user, *, generate: bool = True, **overrides):
        with django_capture_on_commit_callbacks(execute=generate):
            program, warnings = program_create(user=user, data=make_input(**overrides))
        program.refresh_from_db()
        return program

    return _create
