"""The benchmark helper: percentiles and timing with an injected clock."""

from __future__ import annotations

import itertools

import pytest

from adaptation.engine import CheckIn
from adaptation.engine.bench import percentile, time_adaptations

from .conftest import NEUTRAL


def test_nearest_rank_percentiles():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 95) == 95.0
    assert percentile([7.0], 95) == 7.0
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)


def test_time_adaptations_times_every_case(plans_60, program_60, lib):
    ticks = itertools.count(step=0.004)  # every adaptation "takes" 4 ms
    cases = [(p, CheckIn(minutes_available=40), NEUTRAL) for p in plans_60[:3]]
    timing = time_adaptations(cases, library=lib, athlete=program_60[0].athlete,
                              repeat=2, clock=lambda: next(ticks))  # fmt: skip
    assert timing.n == 6
    assert timing.p50_ms == pytest.approx(4.0)
    assert timing.p95_ms == pytest.approx(4.0)
