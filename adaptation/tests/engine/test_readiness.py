"""Readiness: the formula, its weights, missing inputs and the default (no DB)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adaptation.engine import ReadinessBand, ReadinessInputs, readiness
from training_logs import metrics


def test_nothing_known_is_the_seeds_default_50():
    r = readiness(ReadinessInputs())
    assert r.score == 50
    assert r.defaulted
    assert r.band == ReadinessBand.NORMAL
    assert set(r.missing) == set(metrics.READINESS_WEIGHTS)
    assert r.weights == {}
    assert "default" in r.treatment


def test_everything_best_is_100_and_worst_is_0():
    best = ReadinessInputs(
        sleep_hours=9, sleep_quality=5, stress=1, energy=5, nutrition=5,
        muscle_recovery={"quadriceps": 10}, rpe_overshoot=-0.5,
        sessions_planned=4, sessions_missed=0,
    )  # fmt: skip
    worst = ReadinessInputs(
        sleep_hours=3, sleep_quality=1, stress=5, energy=1, nutrition=1,
        muscle_recovery={"quadriceps": 0}, rpe_overshoot=3,
        sessions_planned=4, sessions_missed=4,
    )  # fmt: skip
    assert readiness(best).score == 100
    assert readiness(best).band == ReadinessBand.HIGH
    assert readiness(best).missing == ()
    assert readiness(worst).score == 0
    assert readiness(worst).band == ReadinessBand.VERY_LOW


def test_weighted_mean_by_hand():
    # sleep 5 h → 0.25 (w .25); quads recovery 2/10 → 0.2 (w .20); energy 3 → 0.5
    # (w .15): (0.25·.25 + 0.2·.20 + 0.5·.15) / 0.60 = 0.2958 → 30.
    r = readiness(
        ReadinessInputs(sleep_hours=5, energy=3, muscle_recovery={"quadriceps": 2})
    )
    assert r.score == 30
    assert r.band == ReadinessBand.LOW
    assert r.weights == pytest.approx(
        {"sleep": 0.25 / 0.6, "muscle_recovery": 0.2 / 0.6, "energy": 0.15 / 0.6},
        abs=1e-4,
    )
    assert set(r.missing) == {"stress", "nutrition", "recent_effort"}
    assert "stress" in r.treatment
    assert "rescaled" in r.treatment


def test_recent_effort_overshoot_and_missed_sessions():
    # overshoot 1 RPE → 0.5; 1 of 4 missed → 0.75; effort = 0.625 → 63 alone.
    r = readiness(
        ReadinessInputs(rpe_overshoot=1.0, sessions_planned=4, sessions_missed=1)
    )
    assert r.components == {"recent_effort": 0.625}
    assert r.score == 62  # round(62.5) → 62 (banker's rounding)


def test_band_thresholds():
    from adaptation.engine.readiness import band

    assert band(19) == ReadinessBand.VERY_LOW
    assert band(20) == ReadinessBand.LOW
    assert band(39) == ReadinessBand.LOW
    assert band(40) == ReadinessBand.NORMAL
    assert band(69) == ReadinessBand.NORMAL
    assert band(70) == ReadinessBand.HIGH


signal = st.fixed_dictionaries(
    {},
    optional={
        "sleep_hours": st.floats(0, 14),
        "sleep_quality": st.integers(1, 5),
        "stress": st.integers(1, 5),
        "energy": st.integers(1, 5),
        "nutrition": st.integers(1, 5),
    },
)


@given(signal)
def test_one_formula_signal_alone_agrees_with_metrics(values):
    """training_logs.metrics.readiness_score and the engine never disagree."""
    expected = metrics.readiness_score(**values)
    r = readiness(ReadinessInputs(**values))
    if expected is None:
        assert r.defaulted
        assert r.score == 50
    else:
        assert r.score == expected
        assert 0 <= r.score <= 100
        assert sum(r.weights.values()) == pytest.approx(1.0, abs=1e-3)


@given(signal, st.integers(1, 5))
def test_more_energy_never_lowers_readiness(values, energy):
    low = readiness(ReadinessInputs(**{**values, "energy": energy}))
    high = readiness(ReadinessInputs(**{**values, "energy": min(5, energy + 1)}))
    assert high.score >= low.score
