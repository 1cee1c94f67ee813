from __future__ import annotations

from types import SimpleNamespace

import pytest

from training_logs.tests.factories import MovementFactory, all_muscles


@pytest.fixture
def muscles(db):
    return all_muscles()


@pytest.fixture
def lifts(muscles):
    """A small library: squat, bench, row, pull-up, curl (reps) and plank (timed)."""
    return SimpleNamespace(
        squat=MovementFactory(
            name="Barbell Back Squat",
            pattern="squat",
            muscles=(["quadriceps"], ["glutes", "hamstrings"]),
        ),
        bench=MovementFactory(
            name="Barbell Bench Press",
            pattern="horizontal_push",
            muscles=(["chest"], ["triceps", "shoulders"]),
        ),
        row=MovementFactory(
            name="Barbell Row",
            pattern="horizontal_pull",
            muscles=(["middle_back"], ["lats", "biceps"]),
        ),
        pullup=MovementFactory(
            name="Pull-Up",
            pattern="vertical_pull",
            equipment=["pull_up_bar"],
            muscles=(["lats"], ["biceps", "middle_back"]),
        ),
        curl=MovementFactory(
            name="Dumbbell Curl",
            pattern="isolation",
            mechanic="isolation",
            muscles=(["biceps"], ["forearms"]),
        ),
        plank=MovementFactory(
            name="Plank",
            pattern="core",
            mechanic="isolation",
            equipment=[],
            is_timed=True,
            muscles=(["abdominals"], []),
        ),
    )
