"""Readiness: a 0–100 score from recovery signals, muscle recovery and recent effort.

Formula (one formula for the whole project: the weights and the signal mapping
live in ``training_logs.metrics`` and its ``readiness_score`` agrees with this one
for a recovery signal alone):

    readiness = 100 × Σ wᵢ·cᵢ / Σ wᵢ      over the components i that are known

=================  ======  =====================================================
component          weight  cᵢ (0–1, 1 = ready)
=================  ======  =====================================================
sleep              0.25    hours linear 4 h → 0 … 8 h → 1 (AASM/SRS 7 h+; bounds
                           [U]), averaged with quality (1–5) when both are given
muscle_recovery    0.20    mean recovery/10 of the session's primary muscles with
                           a known state (Fitbod recovery %, reference §10 [V];
                           seeds 002 MuscleRecoveryState 0–10)
energy             0.15    rating 1–5 → 0–1
stress             0.15    rating 1–5 inverted (5 = most stressed → 0)
recent_effort      0.15    mean of: RPE overshoot (logged − target RPE; ≤ 0 → 1,
                           ≥ 2 → 0, linear; Zourdos 2016 RPE/RIR scale, §5a) and
                           adherence (1 − missed/planned sessions)
nutrition          0.10    rating 1–5 → 0–1
=================  ======  =====================================================

Which inputs count follows the reference: recovery depends on "volume, intensity,
sleep, diet, stress" (Fitbod blog, §10 [V]) and on the trained muscles' state
(§10). The weights are a design choice [U]. Missing inputs are left out and the
weights renormalised over the known ones (a missing input neither helps nor hurts);
with nothing known the score is the seeds' default 50 (seeds 002
``recovery.get("recovery_score", 50)``).

Bands (:data:`VERY_LOW_BELOW`, :data:`LOW_BELOW`, :data:`HIGH_FROM`): the seeds'
adaptation reads ``recovery_score`` < 40 as "needs an extra warm-up" and > 70 as
"can take more" (seeds 002 AdaptationService), so LOW is < 40 and HIGH ≥ 70; VERY
LOW (< 20) is Alloy's design choice [U] for "a recovery day instead" — low enough
that one short night (5 h alone scores 25) plus one sore muscle stays a lighter
training day, not a rest day.
"""

from __future__ import annotations

from training_logs.metrics import (
    READINESS_WEIGHTS,
    signal_components,
    weighted_readiness,
)

from .types import Readiness, ReadinessBand, ReadinessInputs

#: Score when nothing is known (seeds 002: ``recovery_score`` defaults to 50).
DEFAULT_SCORE = 50
#: Band thresholds (module doc): seeds 002 40 / 70; very low 20 [U].
VERY_LOW_BELOW = 20
LOW_BELOW = 40
HIGH_FROM = 70
#: Logged RPE this far above target (mean over recent hard sets) scores 0 on the
#: overshoot part of recent effort: 2 RPE ≈ 2 reps closer to failure than planned
#: (RIR = 10 − RPE, §5a) — a design choice [U].
RPE_OVERSHOOT_FLOOR = 2.0


#: Components that describe the whole athlete rather than one muscle: only these can
#: turn a day into a recovery day (a sore muscle is spared exercise by exercise).
SYSTEMIC = ("sleep", "energy", "stress", "nutrition", "recent_effort")


def band(score: float) -> ReadinessBand:
    """The band of a 0–100 score (thresholds in the module doc)."""
    if score < VERY_LOW_BELOW:
        return ReadinessBand.VERY_LOW
    if score < LOW_BELOW:
        return ReadinessBand.LOW
    if score >= HIGH_FROM:
        return ReadinessBand.HIGH
    return ReadinessBand.NORMAL


def _effort(inputs: ReadinessInputs) -> float | None:
    parts: list[float] = []
    if inputs.rpe_overshoot is not None:
        over = max(0.0, float(inputs.rpe_overshoot))
        parts.append(max(0.0, 1.0 - over / RPE_OVERSHOOT_FLOOR))
    if inputs.sessions_planned:
        missed = max(0, min(inputs.sessions_missed or 0, inputs.sessions_planned))
        parts.append(1.0 - missed / inputs.sessions_planned)
    return sum(parts) / len(parts) if parts else None


def components(inputs: ReadinessInputs) -> dict[str, float]:
    """The known components of ``inputs``, each 0–1 (table in the module doc)."""
    parts = signal_components(
        sleep_hours=inputs.sleep_hours,
        sleep_quality=inputs.sleep_quality,
        stress=inputs.stress,
        energy=inputs.energy,
        nutrition=inputs.nutrition,
    )
    levels = [max(0.0, min(10.0, float(v))) for v in inputs.muscle_recovery.values()]
    if levels:
        parts["muscle_recovery"] = sum(levels) / (10.0 * len(levels))
    effort = _effort(inputs)
    if effort is not None:
        parts["recent_effort"] = effort
    return parts


def readiness(inputs: ReadinessInputs) -> Readiness:
    """Score ``inputs`` 0–100 (see the module doc for the formula and sources).

    Never raises for missing data: what is missing is listed in
    ``Readiness.missing`` and ``treatment`` says how it was handled.
    """
    parts = components(inputs)
    missing = tuple(name for name in READINESS_WEIGHTS if name not in parts)
    combined = weighted_readiness(parts)
    if combined is None:
        return Readiness(
            score=DEFAULT_SCORE,
            band=band(DEFAULT_SCORE),
            components={},
            weights={},
            missing=missing,
            treatment=(
                f"Nothing known yet: the default score {DEFAULT_SCORE} (seeds) is "
                "used and nothing is changed for readiness."
            ),
            defaulted=True,
        )
    score, weights = combined
    treatment = (
        "All inputs known."
        if not missing
        else (
            f"Not known: {', '.join(name.replace('_', ' ') for name in missing)}; "
            "the score is the weighted mean of the known inputs (their weights "
            "rescaled to add up to 1), so a missing input neither helps nor hurts."
        )
    )
    value = round(score)
    return Readiness(
        score=value,
        band=band(value),
        components={k: round(v, 4) for k, v in parts.items()},
        weights={k: round(v, 4) for k, v in weights.items()},
        missing=missing,
        treatment=treatment,
        defaulted=False,
    )
