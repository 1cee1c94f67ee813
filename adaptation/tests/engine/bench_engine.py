"""Engine time per adaptation on the shipped library (not a test; run it):

    .venv/bin/python -m adaptation.tests.engine.bench_engine

A 12-week, 4-day, 60-minute program planned by the planning engine over
``fixtures/movements.json``, every session adapted to a random check-in (soreness,
sleep, energy, minutes) with load targets from ~3,600 logged sets (a year of
training), three passes. Prints ``bench.Timing`` (p50/p95/max ms). No database.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from adaptation.engine import CheckIn, LoggedSet, ReadinessInputs, readiness
from adaptation.engine.bench import Timing, time_adaptations
from programs.generation import generate_program
from programs.generation.types import MUSCLES, ExerciseRole, Goal
from programs.tests.generation.conftest import (
    REAL_FIXTURE,
    load_fixture_library,
    make_spec,
)

from .conftest import session_plan


def run(seed: int = 7, repeat: int = 3) -> Timing:
    """Build the cases and time them (see the module doc)."""
    library = load_fixture_library(REAL_FIXTURE)
    goals = ((Goal.STRENGTH, 6), (Goal.HYPERTROPHY, 4))
    spec = make_spec(goals, weeks=12, days=4, minutes=60, seed=seed)
    program = generate_program(spec, library)
    plans = [session_plan(program, s, spec) for s in program.sessions]
    rng = random.Random(seed)
    lifts = sorted({
        e.movement_id for p in plans for e in p.exercises
        if e.role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
    })  # fmt: skip
    start = datetime(2025, 1, 6, 18, tzinfo=UTC)
    history = [
        LoggedSet(movement, start + timedelta(days=2 * day), 40 + rng.random() * 80,
                  rng.randint(3, 12), rpe=rng.choice([7, 7.5, 8, 8.5, 9]))
        for day in range(180) for movement in rng.sample(lifts, 5) for _ in range(4)
    ]  # fmt: skip
    cases = []
    for plan in plans:
        sore = {m: rng.randint(1, 10) for m in rng.sample(MUSCLES, rng.randint(0, 3))}
        inputs = ReadinessInputs(
            sleep_hours=rng.choice([5, 6.5, 8]), energy=rng.randint(1, 5),
            muscle_recovery={m: 10 - s for m, s in sore.items()},
        )  # fmt: skip
        minutes = rng.choice([None, 35, 45, 60])
        cases.append((plan, CheckIn(soreness=sore, minutes_available=minutes),
                      readiness(inputs)))  # fmt: skip
    return time_adaptations(cases, library=library, athlete=spec.athlete,
                            history=history, repeat=repeat)  # fmt: skip


if __name__ == "__main__":
    print(run())  # noqa: T201
