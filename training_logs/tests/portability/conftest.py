from __future__ import annotations

from pathlib import Path

import pytest

from movements.models import MovementPattern
from movements.tests.factories import MovementFactory

DATA = Path(__file__).parent / "data"

#: The library movements the sample files' exercise names resolve to (by the
#: reviewed alias table), as ``fixtures/movements.json`` names them.
LIBRARY = [
    (
        "Barbell Bench Press - Medium Grip",
        MovementPattern.HORIZONTAL_PUSH,
        ["chest"],
        False,
    ),
    ("Barbell Shoulder Press", MovementPattern.VERTICAL_PUSH, ["shoulders"], False),
    ("Dips - Triceps Version", MovementPattern.HORIZONTAL_PUSH, ["triceps"], False),
    ("Barbell Deadlift", MovementPattern.HINGE, ["hamstrings"], False),
    ("Pullups", MovementPattern.VERTICAL_PULL, ["lats"], False),
    ("Plank", MovementPattern.CORE, ["abdominals"], True),
    ("Barbell Squat", MovementPattern.SQUAT, ["quadriceps"], False),
    ("Leg Press", MovementPattern.SQUAT, ["quadriceps"], False),
    ("Dumbbell Bench Press", MovementPattern.HORIZONTAL_PUSH, ["chest"], False),
    ("Easy Run", MovementPattern.CARDIO, ["quadriceps"], True),
    ("Kettlebell Swing", MovementPattern.HINGE, ["glutes"], False),
    ("Split Squat with Dumbbells", MovementPattern.LUNGE, ["quadriceps"], False),
]


@pytest.fixture
def movements(db) -> dict:
    """``{name: Movement}`` for :data:`LIBRARY`."""
    return {
        name: MovementFactory(
            name=name, pattern=pattern, primary_muscles=muscles, is_timed=timed
        )
        for name, pattern, muscles, timed in LIBRARY
    }


@pytest.fixture
def sample():
    """``sample(name) -> bytes`` of a file in ``tests/data``."""
    return lambda name: (DATA / name).read_bytes()
