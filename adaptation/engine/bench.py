"""Engine time per adaptation, for benchmarks (``bench_generation`` or a sibling
command calls :func:`time_adaptations` with real snapshots and reports it).

Times only the pure work (``adapt_session`` plus ``load_targets`` on its result),
not the queries that build the inputs.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from programs.generation.types import AthleteProfile, MovementLibrary

from .loads import load_targets
from .session import adapt_session
from .types import CheckIn, LoggedSet, Readiness, SessionPlan


@dataclass(frozen=True, slots=True)
class Timing:
    """Milliseconds per adaptation over ``n`` runs (nearest-rank percentiles)."""

    n: int
    p50_ms: float
    p95_ms: float
    max_ms: float


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile ``q`` (0–100) of ascending ``sorted_values``."""
    if not sorted_values:
        raise ValueError("no values")
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def time_adaptations(
    cases: Iterable[tuple[SessionPlan, CheckIn, Readiness]],
    *,
    library: MovementLibrary,
    athlete: AthleteProfile,
    history: Sequence[LoggedSet] = (),
    recovery: Mapping[str, float] | None = None,
    repeat: int = 1,
    clock: Callable[[], float] = time.perf_counter,
) -> Timing:
    """Run every (plan, check-in, readiness) case ``repeat`` times; time each
    adaptation with its load targets. Raises ``ValueError`` with no cases."""
    samples: list[float] = []
    cases = list(cases)
    for _ in range(repeat):
        for plan, checkin, readiness in cases:
            start = clock()
            adapted = adapt_session(
                plan, checkin, library=library, athlete=athlete,
                readiness=readiness, recovery=recovery,
            )  # fmt: skip
            load_targets(adapted.exercises, history, library=library)
            samples.append((clock() - start) * 1000.0)
    samples.sort()
    return Timing(
        n=len(samples),
        p50_ms=round(percentile(samples, 50), 2),
        p95_ms=round(percentile(samples, 95), 2),
        max_ms=round(samples[-1], 2) if samples else 0.0,
    )
