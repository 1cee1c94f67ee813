"""e1RM formulas, RPE adjustment, validity, hard sets, recovery and units (no DB)."""

from __future__ import annotations

import datetime as dt

import pytest

from training_logs import metrics as m

UTC = dt.UTC


# Reference §6, "Sample outputs at w = 100 (usable as unit-test values)".
@pytest.mark.parametrize(
    ("formula", "reps", "expected"),
    [
        (m.EPLEY, 5, 116.7),
        (m.BRZYCKI, 5, 112.5),
        (m.LOMBARDI, 5, 117.5),
        (m.OCONNER, 5, 112.5),
        (m.EPLEY, 10, 133.3),
        (m.BRZYCKI, 10, 133.3),
        (m.LOMBARDI, 10, 125.9),
        (m.OCONNER, 10, 125.0),
    ],
)
def test_formulas_match_the_reference_sample_values(formula, reps, expected):
    assert round(m.e1rm(100, reps, formula), 1) == expected


@pytest.mark.parametrize("formula", m.FORMULAS)
def test_a_single_to_failure_is_the_load_itself(formula):
    assert m.e1rm(140, 1, formula) == 140


def test_brzycki_is_undefined_from_37_reps():
    assert m.e1rm(100, 36, m.BRZYCKI) == pytest.approx(3600)
    assert m.e1rm(100, 37, m.BRZYCKI) is None
    assert m.e1rm(100, 40, m.BRZYCKI) is None


def test_no_estimate_without_external_load():
    assert m.e1rm(0, 8, m.EPLEY) is None


def test_unknown_formula_and_non_positive_reps_are_errors():
    with pytest.raises(ValueError, match="formula"):
        m.e1rm(100, 5, "MAYHEW")
    with pytest.raises(ValueError, match="reps"):
        m.e1rm(100, 0, m.EPLEY)


def test_rpe_adds_the_reps_in_reserve():
    # seeds 002: RIR = 10 - RPE; 100 kg x 5 @ RPE 8 is 7 reps to failure.
    assert m.effective_reps(5, rpe=8) == 7
    assert m.effective_reps(5, rpe=9.5) == 5.5
    assert m.effective_reps(5, rpe=10) == 5
    assert m.effective_reps(5, rir=3) == 8
    assert m.effective_reps(5) == 5


def test_rpe_wins_over_rir_when_both_are_given():
    assert m.effective_reps(5, rpe=9, rir=3) == 6


def test_rpe_adjusted_estimate_is_the_formula_at_effective_reps():
    estimate = m.estimate_e1rm(load_kg=100, reps=5, formula=m.EPLEY, rpe=8)
    assert estimate.effective_reps == 7
    assert estimate.value_kg == pytest.approx(100 * (1 + 7 / 30))  # 123.3
    assert not estimate.low_confidence


def test_rpe_adjustment_tracks_the_rts_chart_within_tolerance():
    # Reference §6: Epley at effective reps reproduces the RTS chart (§5b) within
    # 3.4 pp for 2-12 effective reps. 5 @ 8 -> 81.1 % of 1RM on the chart.
    estimate = m.estimate_e1rm(load_kg=81.1, reps=5, formula=m.EPLEY, rpe=8)
    assert estimate.value_kg == pytest.approx(100, abs=3.5)


@pytest.mark.parametrize(
    ("reps", "rpe", "rir", "low"),
    [
        (10, None, None, False),  # exactly 10 reps: still valid
        (11, None, None, True),  # beyond the valid range
        (8, 7, None, True),  # 8 + 3 = 11 effective reps
        (3, 6, None, False),  # RPE 6 is the edge of a hard set
        (3, 5.5, None, True),  # far from failure
        (3, None, 4, False),
        (3, None, 5, True),
    ],
)
def test_estimates_outside_the_valid_range_are_low_confidence(reps, rpe, rir, low):
    estimate = m.estimate_e1rm(
        load_kg=100, reps=reps, formula=m.EPLEY, rpe=rpe, rir=rir
    )
    assert estimate.value_kg is not None  # kept, only flagged
    assert estimate.low_confidence is low


def test_undefined_estimate_is_low_confidence():
    estimate = m.estimate_e1rm(load_kg=50, reps=40, formula=m.BRZYCKI)
    assert estimate.value_kg is None
    assert estimate.low_confidence


@pytest.mark.parametrize(
    ("kwargs", "hard"),
    [
        ({"is_warmup": False, "reps": 5}, True),  # no effort recorded: hard
        ({"is_warmup": True, "reps": 5}, False),
        ({"is_warmup": False, "reps": None}, False),  # timed
        ({"is_warmup": False, "reps": 5, "timed": True}, False),
        ({"is_warmup": False, "reps": 5, "rpe": 6}, True),
        ({"is_warmup": False, "reps": 5, "rpe": 5.5}, False),
        ({"is_warmup": False, "reps": 5, "rir": 4}, True),
        ({"is_warmup": False, "reps": 5, "rir": 5}, False),
    ],
)
def test_hard_set_definition(kwargs, hard):
    assert m.is_hard_set(**kwargs) is hard


def test_muscle_credits_count_synergists_as_half():
    credits = m.muscle_credits(4, ["quadriceps"], ["glutes", "hamstrings"])
    assert credits == {"quadriceps": 4.0, "glutes": 2.0, "hamstrings": 2.0}


def test_primary_credit_wins_when_a_muscle_is_listed_twice():
    assert m.muscle_credits(2, ["chest"], ["chest"]) == {"chest": 2.0}


def test_recovery_climbs_one_point_per_decay_hours_and_caps_at_ten():
    assert m.recovered_level(6, 10, 10) == 7
    assert m.recovered_level(6, 25, 10) == pytest.approx(8.5)
    assert m.recovered_level(6, 1000, 10) == 10
    assert m.recovered_level(6, -5, 10) == 6
    assert m.hours_to_full(6, 10) == 40


def test_recovery_replay_lowers_with_hard_sets_and_resets_with_soreness():
    t0 = dt.datetime(2026, 1, 5, 18, tzinfo=UTC)
    events = [
        m.RecoveryEvent(t0, m.WORKOUT, 4),  # 10 -> 6
        m.RecoveryEvent(t0 + dt.timedelta(hours=20), m.WORKOUT, 5),  # 8 -> 3
        m.RecoveryEvent(t0 + dt.timedelta(hours=30), m.WORKOUT, 9),  # 4 -> 0 (floor)
    ]
    state = m.replay_recovery(events, decay_hours=10)
    assert state.level == 0
    assert state.at == t0 + dt.timedelta(hours=30)

    sore = m.RecoveryEvent(t0 + dt.timedelta(hours=31), m.SORENESS, 3)
    assert m.replay_recovery([*events, sore], decay_hours=10).level == 7


def test_recovery_replay_orders_events_and_applies_soreness_after_training():
    t0 = dt.datetime(2026, 1, 5, 18, tzinfo=UTC)
    events = [
        m.RecoveryEvent(t0, m.SORENESS, 2),
        m.RecoveryEvent(t0, m.WORKOUT, 5),
    ]
    assert m.replay_recovery(events, decay_hours=10).level == 8
    assert m.replay_recovery([], decay_hours=10) is None


def test_pound_round_trip():
    assert m.to_kg(225, m.LB) == pytest.approx(102.0582, abs=1e-4)
    assert m.from_kg(m.to_kg(225, m.LB), m.LB) == pytest.approx(225)
    assert m.to_kg(100, m.KG) == 100
    with pytest.raises(ValueError, match="unit"):
        m.to_kg(1, "ST")


def test_readiness_score():
    assert m.readiness_score() is None
    assert (
        m.readiness_score(
            sleep_hours=8, sleep_quality=5, stress=1, energy=5, nutrition=5
        )
        == 100
    )
    assert (
        m.readiness_score(
            sleep_hours=4, sleep_quality=1, stress=5, energy=1, nutrition=1
        )
        == 0
    )
    assert m.readiness_score(sleep_hours=6) == 50
