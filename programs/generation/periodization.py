"""Periodization: microcycles, deloads, mesocycles and main-lift progression.

* A deload every Nth microcycle (seeds 002 ``deload_every_n_microcycles``, default
  4; reference §7: coaches deload every 4–6 weeks for 5–7 days). Only multiples of
  N deload, so the last week of a program deloads only when it is one.
* A mesocycle is the run of loading weeks before a deload (RP: start near MEV,
  add sets toward MAV, deload, reset — reference §3). Volume multiplier rises by
  the aggression's step per week (capped at 1.3); RPE rises from −1 (or −0.5) to 0.
* Deload weeks: volume × 0.5, RPE − 2 (RIR ≥ 4), same exercises and frequency;
  main lifts one rep fewer per set, so their load falls too (Bell 2023, Rogerson
  2024, reference §7; :func:`deload_main`).
* Main lifts progress by style (reference §12): SINGLE fixed reps and rising RPE
  (the load rises with it); DOUBLE the same load while the rep floor climbs and
  the RPE with it, one per rep (:func:`_double`); WAVE 3-week 5/3/1-like waves;
  BLOCK accumulation → transmutation → realization (Issurin ATR). Every
  (reps floor, RPE) pair reads its %1RM off the RTS chart (``prescription``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .heuristics import (
    AGGRESSION,
    BEGINNER_RPE_CAP,
    DELOAD_MAX_RPE,
    DELOAD_RPE_OFFSET,
    DELOAD_VOLUME_MULTIPLIER,
    MAX_VOLUME_MULTIPLIER,
)
from .types import ExperienceLevel, Goal, PersonaAggression, ProgressionStyle


@dataclass(frozen=True, slots=True)
class WeekScheme:
    """Where one microcycle sits in the program (all indexes 0-based).

    ``ramp`` (0–1) is the progress through the mesocycle used for weekly volume
    targets; ``phase`` is "loading", "deload" or a block name.
    """

    sequence_number: int
    is_deload: bool
    meso_index: int
    week_in_meso: int
    loading_weeks_in_meso: int
    phase: str
    volume_multiplier: float
    rpe_offset: float
    ramp: float
    #: The highest ``volume_multiplier`` of the mesocycle's loading weeks: a
    #: week below it holds back the sets the step still has to add (RP: a
    #: mesocycle climbs from near MEV toward MRV, reference §3).
    meso_peak: float = 1.0

    @property
    def headroom(self) -> float:
        """This week's volume over its mesocycle's peak (≤ 1; 1 in a deload):
        the share of its hard sets a hypertrophy week below the peak keeps
        (:func:`.holdback.hold_for_step`), so the planned step has room to
        add sets (:mod:`.carry`)."""
        if self.is_deload or not self.meso_peak:
            return 1.0
        return min(1.0, self.volume_multiplier / self.meso_peak)


#: Issurin ATR blocks (reference §12): share of the program's loading weeks,
#: volume multiplier and RPE offset of each block.
BLOCK_PHASES: tuple[tuple[str, float, float, float], ...] = (
    ("accumulation", 0.40, 1.15, -1.0),
    ("transmutation", 0.35, 1.0, -0.5),
    ("realization", 0.25, 0.8, 0.0),
)


def microcycle_count(duration_weeks: int, length_days: int) -> int:
    """Number of microcycles: weeks × 7 / length, rounded half up, at least 1."""
    return max(1, math.floor(duration_weeks * 7 / length_days + 0.5))


def week_schemes(
    count: int,
    deload_every: int,
    style: ProgressionStyle,
    aggression: PersonaAggression,
    extra_deloads: frozenset[int] = frozenset(),
) -> tuple[WeekScheme, ...]:
    """One :class:`WeekScheme` per microcycle (sequence numbers 1..count).

    Every ``deload_every``-th microcycle deloads, and so does every sequence
    number in ``extra_deloads`` (an early deload the athlete accepted; a new
    mesocycle starts after it).
    """
    vol_step, rpe_step, _, rpe_start = AGGRESSION[aggression]
    deloads = [
        seq % deload_every == 0 or seq in extra_deloads for seq in range(1, count + 1)
    ]
    loading_total = deloads.count(False)
    # Lengths of each mesocycle's loading run.
    runs: list[int] = []
    current = 0
    for is_deload in deloads:
        if is_deload:
            runs.append(current)
            current = 0
        else:
            current += 1
    runs.append(current)
    schemes = []
    meso = 0
    week = 0
    loading_seen = 0
    for index, is_deload in enumerate(deloads):
        seq = index + 1
        length = max(1, runs[meso])
        if is_deload:
            schemes.append(
                WeekScheme(
                    seq, True, meso, week, length, "deload",
                    DELOAD_VOLUME_MULTIPLIER, DELOAD_RPE_OFFSET, 0.0,
                )
            )  # fmt: skip
            meso += 1
            week = 0
            continue
        ramp = week / (length - 1) if length > 1 else 0.0
        vm = min(MAX_VOLUME_MULTIPLIER, 1.0 + vol_step * week)
        rpe = min(0.0, rpe_start + rpe_step * week)
        phase = "loading"
        if style == ProgressionStyle.BLOCK_PERIODIZATION:
            phase, vm, rpe = _block_phase(loading_seen, loading_total)
            rpe = min(0.0, rpe + 0.25 * week)
        schemes.append(WeekScheme(seq, False, meso, week, length, phase, vm, rpe, ramp))
        week += 1
        loading_seen += 1
    peaks: dict[int, float] = {}
    for w in schemes:
        if not w.is_deload:
            peaks[w.meso_index] = max(peaks.get(w.meso_index, 0.0), w.volume_multiplier)
    return tuple(
        replace(w, meso_peak=peaks.get(w.meso_index, w.volume_multiplier))
        for w in schemes
    )


def _block_phase(index: int, total: int) -> tuple[str, float, float]:
    edge = 0.0
    for name, share, vm, rpe in BLOCK_PHASES:
        edge += share
        if index < math.ceil(edge * total - 1e-9) or name == "realization":
            return name, vm, rpe
    raise AssertionError("unreachable")  # pragma: no cover


def rpe_cap(experience: ExperienceLevel, aggression: PersonaAggression) -> float:
    """Highest RPE any working set may carry (aggression cap; beginners ≤ 8)."""
    cap = AGGRESSION[aggression][2]
    if experience == ExperienceLevel.BEGINNER:
        cap = min(cap, BEGINNER_RPE_CAP)
    return cap


@dataclass(frozen=True, slots=True)
class MainScheme:
    """Sets, rep range and RPE for a main lift in one loading week."""

    sets: int
    reps_min: int
    reps_max: int
    rpe: float


#: Goal → (sets, reps for SINGLE, DOUBLE range, base RPE). NSCA §1a / ACSM §2b:
#: strength 3–5 × 3–6 @ 7–9; hypertrophy 3–4 × 6–12 @ 7–9; endurance 2–3 × 12–20;
#: skill low reps far from failure (reference §13).
MAIN_BASE: dict[Goal, tuple[int, int, tuple[int, int], float]] = {
    Goal.STRENGTH: (4, 5, (4, 6), 8.0),
    Goal.HYPERTROPHY: (3, 10, (8, 12), 8.0),
    Goal.ENDURANCE: (2, 15, (12, 20), 7.5),
    Goal.SKILL: (4, 3, (2, 4), 6.5),
}
#: WAVE_LOADING (5/3/1-like, reference §12): week-in-wave → (reps, RPE).
WAVES: dict[Goal, tuple[tuple[int, float], ...]] = {
    Goal.STRENGTH: ((5, 7.5), (3, 8.0), (1, 8.5)),
    Goal.HYPERTROPHY: ((12, 7.5), (10, 8.0), (8, 8.5)),
    Goal.ENDURANCE: ((20, 7.0), (15, 7.5), (12, 8.0)),
    Goal.SKILL: ((3, 6.0), (2, 6.5), (1, 7.0)),
}
#: BLOCK_PERIODIZATION: block → goal → (sets, reps_min, reps_max, RPE).
BLOCKS: dict[str, dict[Goal, tuple[int, int, int, float]]] = {
    "accumulation": {
        Goal.STRENGTH: (5, 6, 6, 7.0),
        Goal.HYPERTROPHY: (4, 10, 12, 7.0),
        Goal.ENDURANCE: (3, 15, 20, 7.0),
        Goal.SKILL: (4, 3, 4, 6.0),
    },
    "transmutation": {
        Goal.STRENGTH: (4, 4, 5, 8.0),
        Goal.HYPERTROPHY: (4, 8, 10, 8.0),
        Goal.ENDURANCE: (3, 12, 15, 7.5),
        Goal.SKILL: (4, 2, 3, 6.5),
    },
    "realization": {
        Goal.STRENGTH: (3, 2, 3, 8.5),
        Goal.HYPERTROPHY: (3, 6, 8, 8.5),
        Goal.ENDURANCE: (2, 12, 12, 8.0),
        Goal.SKILL: (3, 1, 2, 7.0),
    },
}
#: ACSM novice: 1–3 sets of 8–12 at moderate effort (reference §2a/§2b).
NOVICE = MainScheme(3, 8, 12, 7.0)
#: Novice waves and blocks stay inside 8–12 reps at RPE ≤ 8.
NOVICE_WAVE: tuple[tuple[int, float], ...] = ((12, 7.0), (10, 7.5), (8, 8.0))
NOVICE_BLOCKS: dict[str, tuple[int, float]] = {
    "accumulation": (12, 7.0),
    "transmutation": (10, 7.5),
    "realization": (8, 7.75),
}


def main_scheme(
    goal: Goal,
    style: ProgressionStyle,
    week: WeekScheme,
    experience: ExperienceLevel,
    aggression: PersonaAggression,
) -> MainScheme:
    """Prescription of a main lift in ``week``. A deload week's (a session
    built fresh in one, such as a regenerated variant; most deload sessions copy
    last week's, ``blocks.deload_copy``) is the mesocycle's last loading week's
    with :func:`deload_main`'s reps and RPE; ``main_rx`` halves its sets."""
    if week.is_deload:
        loading = main_scheme(
            goal, style, _last_loading(week, style, aggression), experience, aggression
        )
        reps, rpe = deload_main(loading.reps_min, loading.rpe)
        return MainScheme(loading.sets, reps, reps, rpe)
    cap = rpe_cap(experience, aggression)
    lift_goal = goal if goal in MAIN_BASE else Goal.HYPERTROPHY
    sets, reps, (lo, hi), base_rpe = MAIN_BASE[lift_goal]
    w = week.week_in_meso
    if experience == ExperienceLevel.BEGINNER and lift_goal != Goal.SKILL:
        # ACSM novice: 1–3 sets of 8–12 at RPE ≤ 8, whatever the goal; the style
        # still decides how the weeks progress inside that range.
        sets, reps, (lo, hi), base_rpe = (
            NOVICE.sets,
            10,
            (NOVICE.reps_min, NOVICE.reps_max),
            NOVICE.rpe,
        )
        if style == ProgressionStyle.WAVE_LOADING:
            wave_reps, wave_rpe = NOVICE_WAVE[w % 3]
            return MainScheme(sets, wave_reps, wave_reps, min(cap, wave_rpe))
        if style == ProgressionStyle.BLOCK_PERIODIZATION:
            reps, rpe = NOVICE_BLOCKS.get(week.phase, NOVICE_BLOCKS["transmutation"])
            return MainScheme(sets, reps, reps, min(cap, rpe + 0.25 * w))
        base_rpe += 1.0  # novices start at RPE 7 after the −1 first-week offset
    if style == ProgressionStyle.SINGLE_PROGRESSION:
        return MainScheme(sets, reps, reps, min(cap, base_rpe + week.rpe_offset))
    if style == ProgressionStyle.DOUBLE_PROGRESSION:
        return _double(sets, lo, hi, base_rpe, cap, week)
    if style == ProgressionStyle.WAVE_LOADING:
        wave_reps, wave_rpe = WAVES[lift_goal][w % 3]
        return MainScheme(3, wave_reps, wave_reps, min(cap, wave_rpe))
    block = BLOCKS.get(week.phase, BLOCKS["transmutation"])[lift_goal]
    b_sets, b_lo, b_hi, b_rpe = block
    return MainScheme(b_sets, b_lo, b_hi, min(cap, b_rpe + 0.25 * w))


def _last_loading(
    deload: WeekScheme, style: ProgressionStyle, aggression: PersonaAggression
) -> WeekScheme:
    """The loading week before ``deload`` as :func:`week_schemes` builds it (a
    block program's last phase is not known here: transmutation stands in)."""
    _, rpe_step, _, rpe_start = AGGRESSION[aggression]
    last = max(0, deload.loading_weeks_in_meso - 1)
    phase = (
        "transmutation" if style == ProgressionStyle.BLOCK_PERIODIZATION else "loading"
    )
    return replace(
        deload, is_deload=False, week_in_meso=last, phase=phase,
        rpe_offset=min(0.0, rpe_start + rpe_step * last),
    )  # fmt: skip


#: Double progression: the most reps the weekly rep floor climbs in a mesocycle
#: at the same load. Each added rep at the same load costs one RPE (the RTS chart
#: reads on reps + RIR, reference §5b), so two reps span RPE 7 → 9.
DOUBLE_MAX_CLIMB = 2


def _double(
    sets: int, lo: int, hi: int, base_rpe: float, cap: float, week: WeekScheme
) -> MainScheme:
    """DOUBLE_PROGRESSION for one loading week: the bar weight stays for the
    mesocycle and the rep floor climbs from ``lo`` (reference §12 [S]: a fixed
    load within a rep range; once the range's top is reached, raise the load).

    At a fixed load every added rep is one RPE closer to failure (RTS chart,
    reference §5b), so the RPE climbs one per rep added: the mesocycle ends at
    ``min(cap, base + 1)`` and starts ``climb`` below it (e.g. 4 @ 7, 5 @ 8,
    6 @ 9 at 81 %), and every week's (reps floor, RPE) reads the same %1RM.
    ``climb`` is at most :data:`DOUBLE_MAX_CLIMB` and the range's width."""
    top = min(cap, base_rpe + 1.0)
    climb = min(hi - lo, DOUBLE_MAX_CLIMB)
    steps = max(1, week.loading_weeks_in_meso - 1)
    added = round(climb * min(1.0, week.week_in_meso / steps))
    return MainScheme(sets, lo + added, hi, top - climb + added)


def deload_main(reps_min: int, rpe: float) -> tuple[int, float]:
    """(reps, RPE) of a main lift in a deload week, from its last loading week:
    one rep fewer per set (at least 1) and RPE − 2, at most
    :data:`.heuristics.DELOAD_MAX_RPE` (RIR ≥ 4), so by the RTS chart the load
    falls too (reference §7: Rogerson 2024, fewer reps per set and fewer sets,
    load and effort down; sets are halved by the deload copy)."""
    return max(1, reps_min - 1), max(4.0, min(DELOAD_MAX_RPE, rpe + DELOAD_RPE_OFFSET))
