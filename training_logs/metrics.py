"""Pure training metrics: e1RM, effort, hard sets, muscle recovery, readiness, units.

No Django here (STYLE C2): every function takes plain numbers and returns plain
numbers or frozen dataclasses, so it is unit-tested without a database. Loads are
in kg, durations in seconds or hours as named, RPE on the 1–10 scale (Zourdos et al.
2016, reference §5a), RIR in reps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------
KG = "KG"
LB = "LB"
#: The international avoirdupois pound, exactly (1959 agreement).
KG_PER_LB = 0.45359237


def to_kg(value: float, unit: str) -> float:
    """``value`` in ``unit`` (``"KG"`` or ``"LB"``) as kilograms."""
    if unit == LB:
        return value * KG_PER_LB
    if unit == KG:
        return value
    raise ValueError(f"Unknown unit {unit!r}.")


def from_kg(value_kg: float, unit: str) -> float:
    """``value_kg`` kilograms in ``unit`` (``"KG"`` or ``"LB"``)."""
    if unit == LB:
        return value_kg / KG_PER_LB
    if unit == KG:
        return value_kg
    raise ValueError(f"Unknown unit {unit!r}.")


# ---------------------------------------------------------------------------
# e1RM (reference §6; seeds 002 MetricsService)
# ---------------------------------------------------------------------------
EPLEY = "EPLEY"
BRZYCKI = "BRZYCKI"
LOMBARDI = "LOMBARDI"
OCONNER = "OCONNER"
FORMULAS = (EPLEY, BRZYCKI, LOMBARDI, OCONNER)

#: "[These equations] provide a reasonable estimate providing the number of
#: repetitions does not exceed 10" (brianmac.co.uk, reference §6 [V]).
MAX_CONFIDENT_REPS = 10.0
#: Below RPE 6 (more than 4 reps in reserve) a set is not a hard set (RP counting,
#: reference §0) and RIR estimates get worse the further from failure (Hackett et
#: al. 2017: error above 2 reps when 7–10 reps remain; reference §5a).
MIN_CONFIDENT_RPE = 6.0
#: Brzycki's denominator 37 − r is zero at r = 37 and negative beyond.
BRZYCKI_MAX_REPS = 37.0


def effective_reps(
    reps: int, *, rpe: float | None = None, rir: int | None = None
) -> float:
    """Reps to failure implied by a set: ``reps + (10 − RPE)`` when an RPE is given
    (seeds 002: RIR = 10 − RPE), else ``reps + RIR`` when an RIR is given, else
    ``reps`` (the set is taken as taken to failure). RPE wins when both are given.

    Example: 5 reps @ RPE 8 → 7; 5 reps @ RPE 9.5 → 5.5.
    """
    if rpe is not None:
        return reps + (10.0 - float(rpe))
    if rir is not None:
        return float(reps + rir)
    return float(reps)


def e1rm(load_kg: float, reps: float, formula: str) -> float | None:
    """Estimated one-rep max (kg) from ``load_kg`` lifted for ``reps`` to failure.

    Formulas (reference §6 [V]): Epley w·(1 + r/30), Brzycki w·36/(37 − r), Lombardi
    w·r^0.10, O'Conner w·(1 + r/40). A single to failure (r ≤ 1) *is* a 1RM, so
    every formula returns ``w`` there — the special case implementations make for
    Epley (which would otherwise give 1.033·w) and O'Conner (1.025·w); Brzycki and
    Lombardi give ``w`` anyway. Returns ``None`` where the formula is undefined
    (Brzycki at r ≥ 37) and for a load of 0 (bodyweight: no external load to scale).
    """
    if formula not in FORMULAS:
        raise ValueError(f"Unknown e1RM formula {formula!r}.")
    if reps <= 0:
        raise ValueError("reps must be positive.")
    if load_kg <= 0:
        return None
    w, r = float(load_kg), float(reps)
    if r <= 1.0:
        return w
    if formula == EPLEY:
        return w * (1.0 + r / 30.0)
    if formula == BRZYCKI:
        if r >= BRZYCKI_MAX_REPS:
            return None
        return w * 36.0 / (37.0 - r)
    if formula == LOMBARDI:
        return w * r**0.10
    return w * (1.0 + r / 40.0)  # O'Conner et al.


@dataclass(frozen=True, slots=True)
class E1RMEstimate:
    """An e1RM estimate for one set.

    ``value_kg`` is ``None`` when the formula is undefined or there is no load.
    ``low_confidence`` is True when the estimate falls outside the formulas' valid
    range: more than 10 effective reps, an RPE below 6 (RIR above 4), or no value.
    ``effective_reps`` are the reps to failure the formula was fed.
    """

    value_kg: float | None
    effective_reps: float
    low_confidence: bool


def estimate_e1rm(
    *,
    load_kg: float,
    reps: int,
    formula: str,
    rpe: float | None = None,
    rir: int | None = None,
) -> E1RMEstimate:
    """e1RM of a working set, RPE-adjusted (:func:`effective_reps`) and flagged.

    The estimate is kept even when low-confidence; callers decide whether to trust
    it (personal records ignore low-confidence estimates).
    """
    reps_to_failure = effective_reps(reps, rpe=rpe, rir=rir)
    value = e1rm(load_kg, reps_to_failure, formula)
    if rpe is not None:
        far_from_failure = float(rpe) < MIN_CONFIDENT_RPE
    elif rir is not None:
        far_from_failure = rir > 10 - MIN_CONFIDENT_RPE
    else:
        far_from_failure = False
    low = value is None or reps_to_failure > MAX_CONFIDENT_REPS or far_from_failure
    return E1RMEstimate(
        value_kg=value, effective_reps=reps_to_failure, low_confidence=low
    )


# ---------------------------------------------------------------------------
# Hard sets (reference §0)
# ---------------------------------------------------------------------------
PRIMARY_CREDIT = 1.0
SECONDARY_CREDIT = 0.5


def is_hard_set(
    *,
    is_warmup: bool,
    reps: int | None,
    timed: bool = False,
    rpe: float | None = None,
    rir: int | None = None,
) -> bool:
    """Whether a set counts as a hard (working) set.

    RP counting assumptions (reference §0 [V]): a working set ending 0–4 reps from
    failure, warm-ups excluded. Here: not a warm-up, reps-based (a timed hold or
    carry is not counted), and RPE ≥ 6 — or RIR ≤ 4 when only RIR is known — or no
    effort recorded at all (a logged working set is taken as hard). RPE wins when
    both are given.
    """
    if is_warmup or timed or reps is None:
        return False
    if rpe is not None:
        return float(rpe) >= MIN_CONFIDENT_RPE
    if rir is not None:
        return rir <= 10 - MIN_CONFIDENT_RPE
    return True


def muscle_credits(
    hard_sets: float, primary: Iterable[str], secondary: Iterable[str]
) -> dict[str, float]:
    """Hard sets per muscle for ``hard_sets`` sets of one movement.

    Fractional counting (Pelland et al. 2024, reference §0 [V]): a muscle that is a
    prime mover gets 1.0 per set, a synergist 0.5. Returns ``{muscle_slug: sets}``;
    a muscle listed in both roles gets the primary credit.
    """
    credits: dict[str, float] = {}
    for slug in secondary:
        credits[slug] = hard_sets * SECONDARY_CREDIT
    for slug in primary:
        credits[slug] = hard_sets * PRIMARY_CREDIT
    return credits


def add_credits(
    total: dict[str, float], credits: Mapping[str, float]
) -> dict[str, float]:
    """Add ``credits`` into ``total`` in place and return it."""
    for key, value in credits.items():
        total[key] = total.get(key, 0.0) + value
    return total


# ---------------------------------------------------------------------------
# Muscle recovery (seeds 002 "Muscle Recovery Decay Flow", reversed: seeds README)
# ---------------------------------------------------------------------------
FULL_RECOVERY = 10.0
NO_RECOVERY = 0.0

#: Event kinds for :func:`replay_recovery`.
WORKOUT = "WORKOUT"
SORENESS = "SORENESS"


def _clamp(level: float) -> float:
    return max(NO_RECOVERY, min(FULL_RECOVERY, level))


def recovered_level(level: float, hours_elapsed: float, decay_hours: float) -> float:
    """A muscle's recovery ``hours_elapsed`` hours after it stood at ``level``.

    Recovery climbs back toward 10 (fully recovered) by one point per
    ``decay_hours`` (``SORENESS_DECAY_HOURS``, 10 h by default), capped at 10. The
    seeds decay the level *downwards* with integer steps (``int(hours / 10)``);
    Alloy deliberately reverses the direction (seeds README) and climbs linearly,
    so a chart rises smoothly instead of in steps. Negative elapsed time counts as
    none. Scale: 0–10.
    """
    if decay_hours <= 0:
        raise ValueError("decay_hours must be positive.")
    return _clamp(level + max(0.0, hours_elapsed) / decay_hours)


def hours_to_full(level: float, decay_hours: float) -> float:
    """Hours until a muscle at ``level`` is back to 10."""
    return max(0.0, FULL_RECOVERY - level) * decay_hours


@dataclass(frozen=True, slots=True)
class RecoveryEvent:
    """Something that changed a muscle's recovery at ``at`` (aware datetime).

    ``kind`` WORKOUT lowers the level by ``amount`` hard sets (fractional credits);
    ``kind`` SORENESS sets it to ``10 − amount`` (``amount`` = soreness 1–10).
    """

    at: datetime
    kind: str
    amount: float


@dataclass(frozen=True, slots=True)
class RecoveryState:
    """A muscle's recovery ``level`` (0–10) as it stood right after its last event
    at ``at``; read it for a later time with :func:`recovered_level`."""

    level: float
    at: datetime


def replay_recovery(
    events: Iterable[RecoveryEvent], *, decay_hours: float
) -> RecoveryState | None:
    """Fold a muscle's events, oldest first, into its state after the last one.

    Starts fully recovered (10). Before each event the level climbs with the time
    since the previous one (:func:`recovered_level`); a WORKOUT then lowers it by its
    hard sets (floor 0), a SORENESS report sets it to 10 − soreness. Events at the
    same instant apply workouts first, then soreness (the report describes how the
    muscle feels after training). Returns ``None`` for no events.
    """
    ordered = sorted(events, key=lambda e: (e.at, e.kind != WORKOUT))
    state: RecoveryState | None = None
    for event in ordered:
        level = FULL_RECOVERY
        if state is not None:
            hours = (event.at - state.at).total_seconds() / 3600.0
            level = recovered_level(state.level, hours, decay_hours)
        if event.kind == WORKOUT:
            level = _clamp(level - event.amount)
        elif event.kind == SORENESS:
            level = _clamp(FULL_RECOVERY - event.amount)
        else:
            raise ValueError(f"Unknown recovery event kind {event.kind!r}.")
        state = RecoveryState(level=level, at=event.at)
    return state


def recovery_window_start(
    timestamps_newest_first: Iterable[datetime], *, decay_hours: float
) -> datetime | None:
    """The oldest event time from which a replay still gives the full history's
    result: the event right after the most recent gap of ``10 × decay_hours`` or
    more (the oldest timestamp when there is no such gap; None when there are none).

    ``timestamps_newest_first`` are the times of every event of every muscle (any
    superset works: more timestamps only shorten gaps), newest first; it is read
    lazily and only down to the gap. Why it is exact: the level is ≥ 0 and climbs
    one point per ``decay_hours`` (:func:`recovered_level`), so across such a gap
    every muscle is back to exactly 10, the level :func:`replay_recovery` starts
    from; the test uses the same float expression as the climb. A muscle whose last
    event is before the window reads 10 at any time from the window's start on.
    """
    if decay_hours <= 0:
        raise ValueError("decay_hours must be positive.")
    newer: datetime | None = None
    for at in timestamps_newest_first:
        if newer is not None:
            hours = (newer - at).total_seconds() / 3600.0
            if NO_RECOVERY + hours / decay_hours >= FULL_RECOVERY:
                return newer
        newer = at
    return newer


# ---------------------------------------------------------------------------
# Readiness (one formula: this signal-only score and the adaptation engine's
# full score, ``adaptation.engine.readiness``, share the weights below)
# ---------------------------------------------------------------------------
#: Sleep hours mapped linearly onto 0–1 between these bounds. Adults need 7 h or
#: more (AASM/SRS 2015 consensus); the 4 h floor and the 8 h ceiling are Alloy's
#: design choice [U].
SLEEP_HOURS_FLOOR = 4.0
SLEEP_HOURS_CEILING = 8.0

#: Readiness components and their weights (sum 1). Which inputs count: recovery
#: depends on "volume, intensity, sleep, diet, stress" (Fitbod blog, reference §10
#: [V]) and on the trained muscles' own recovery (Fitbod recovery %, §10 [V]; seeds
#: 002 MuscleRecoveryState); effort above target is the RPE-based autoregulation
#: signal (Zourdos 2016, §5a). The weights themselves are a design choice [U]:
#: sleep first (the one input with a consensus dose, 7 h+), then the trained
#: muscles' recovery, then how the athlete feels and trains, nutrition last.
READINESS_WEIGHTS: dict[str, float] = {
    "sleep": 0.25,
    "muscle_recovery": 0.20,
    "energy": 0.15,
    "stress": 0.15,
    "recent_effort": 0.15,
    "nutrition": 0.10,
}


def rating_component(rating: int, *, inverted: bool = False) -> float:
    """A 1–5 rating as 0–1 (5 → 1.0; with ``inverted``, 5 → 0.0, as for stress)."""
    value = (float(rating) - 1.0) / 4.0
    value = max(0.0, min(1.0, value))
    return 1.0 - value if inverted else value


def signal_components(
    *,
    sleep_hours: float | None = None,
    sleep_quality: int | None = None,
    stress: int | None = None,
    energy: int | None = None,
    nutrition: int | None = None,
) -> dict[str, float]:
    """The recovery signal's readiness components, each 0–1, only those known.

    ``sleep`` is the mean of sleep hours (linear between 4 and 8 h) and sleep
    quality (1–5) when both are given, else whichever is; ``stress`` is inverted
    (5 = most stressed → 0).
    """
    parts: dict[str, float] = {}
    sleep: list[float] = []
    if sleep_hours is not None:
        span = SLEEP_HOURS_CEILING - SLEEP_HOURS_FLOOR
        sleep.append(
            max(0.0, min(1.0, (float(sleep_hours) - SLEEP_HOURS_FLOOR) / span))
        )
    if sleep_quality is not None:
        sleep.append(rating_component(sleep_quality))
    if sleep:
        parts["sleep"] = sum(sleep) / len(sleep)
    if stress is not None:
        parts["stress"] = rating_component(stress, inverted=True)
    if energy is not None:
        parts["energy"] = rating_component(energy)
    if nutrition is not None:
        parts["nutrition"] = rating_component(nutrition)
    return parts


def weighted_readiness(
    components: Mapping[str, float],
) -> tuple[float, dict[str, float]] | None:
    """Combine known components (0–1) into 0–100 with :data:`READINESS_WEIGHTS`,
    renormalised over the components present (a missing input neither helps nor
    hurts). Returns ``(score, weights applied)`` or ``None`` when none is known.
    Unknown component names raise ``KeyError``.
    """
    known = {name: READINESS_WEIGHTS[name] for name in components}
    total = sum(known.values())
    if total <= 0:
        return None
    applied = {name: weight / total for name, weight in known.items()}
    score = 100.0 * sum(applied[name] * components[name] for name in applied)
    return score, applied


def readiness_score(
    *,
    sleep_hours: float | None = None,
    sleep_quality: int | None = None,
    stress: int | None = None,
    energy: int | None = None,
    nutrition: int | None = None,
) -> int | None:
    """A 0–100 readiness score from one recovery signal alone: the weighted mean of
    :func:`signal_components` (weights :data:`READINESS_WEIGHTS`, renormalised over
    the inputs given). ``None`` when nothing is given. The adaptation engine's
    ``readiness()`` adds the trained muscles' recovery and recent effort with the
    same weights, so for a signal alone the two agree.
    """
    combined = weighted_readiness(
        signal_components(
            sleep_hours=sleep_hours,
            sleep_quality=sleep_quality,
            stress=stress,
            energy=energy,
            nutrition=nutrition,
        )
    )
    return None if combined is None else round(combined[0])
