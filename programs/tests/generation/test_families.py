"""Lift families (issue 10, a coach's read): at most one variant of a lift in a
session's hard work (NSCA exercise selection, reference §1, §11)."""

from __future__ import annotations

from collections import Counter

import pytest

from programs.generation.families import lift_family
from programs.generation.types import ExperienceLevel, Goal, MovementLibrary

from .helpers import HARD_ROLES, is_lifting, matrix_case, planned

G = Goal
BEG, INT = ExperienceLevel.BEGINNER, ExperienceLevel.INTERMEDIATE


def _by_name(library: MovementLibrary, name: str):
    return next(m for m in library.movements.values() if m.name == name)


@pytest.mark.parametrize(
    ("first", "second", "beginner", "same"),
    [
        ("Barbell Deadlift", "Trap Bar Deadlift", False, True),
        ("Barbell Deadlift", "Romanian Deadlift", False, False),
        ("Barbell Deadlift", "Romanian Deadlift", True, True),
        ("Barbell Walking Lunge", "Dumbbell Lunges", False, True),
        ("Split Squat with Dumbbells", "Dumbbell Step Ups", True, True),
        ("Barbell Squat", "Goblet Squat", False, True),
        ("Barbell Squat", "Leg Press", False, False),
        ("Barbell Bench Press - Medium Grip", "Dumbbell Bench Press", False, True),
        ("Barbell Bench Press - Medium Grip", "Incline Dumbbell Press", False, False),
        ("Barbell Bench Press - Medium Grip", "Close-Grip Barbell Bench Press", False, False),
        ("Barbell Bench Press - Medium Grip", "Close-Grip Barbell Bench Press", True, True),
        ("Pullups", "Chin-Up", False, True),
        ("Pullups", "Wide-Grip Lat Pulldown", False, False),
    ],
)  # fmt: skip
def test_lift_families_read_like_a_coach(real_library, first, second, beginner, same):
    a = lift_family(_by_name(real_library, first), beginner)
    b = lift_family(_by_name(real_library, second), beginner)
    assert a
    assert (a == b) is same


def test_machines_and_isolation_lifts_have_no_family(real_library):
    for name in ("Machine Bench Press", "Seated Cable Rows", "Leg Extensions"):
        assert lift_family(_by_name(real_library, name), True) == ""


@pytest.mark.parametrize(
    ("experience", "days", "minutes"),
    [(BEG, 4, 90), (INT, 4, 90)],
)
def test_no_session_holds_two_variants_of_one_lift(
    real_library, experience, days, minutes
):
    """A 90-min lower day held a barbell deadlift and a trap-bar deadlift, or a
    walking lunge and a dumbbell lunge; each session now holds one variant of
    a lift (an RDL after the deadlift for an intermediate, a leg press after
    the squat)."""
    program, _ = matrix_case(
        real_library, ((G.HYPERTROPHY, 10),), experience=experience,
        days=days, minutes=minutes, template=None, seed=0,
    )  # fmt: skip
    beginner = experience == BEG
    for s in program.sessions:
        if not is_lifting(planned(program, s)):
            continue
        names = [
            real_library.movements[e.movement_id]
            for e in s.exercises
            if e.role in HARD_ROLES
        ]
        families = Counter(lift_family(m, beginner) for m in names)
        families.pop("", None)
        twice = [f for f, n in families.items() if n > 1]
        assert not twice, (s.microcycle_sequence, s.day_index, [m.name for m in names])
