"""Timing tables shared by the engine and the circuit library (pure Python).

The numbers are the seeds' time-estimation tables (seeds 002,
TimeEstimationService): set execution by rep range and 60 s between circuit
rounds. They live here, in the leftmost app that needs them, because the circuit
library (``movements``) must estimate a circuit's duration and may not import
``programs``; ``programs.generation.timing`` imports them from here rather than
keeping a copy. This module imports nothing from Django (an import-linter
contract holds it to that), so the pure engine may use it.

Alloy adds, as documented choices where the seeds have no table: paces for
distance work and a rate for calorie work (see :data:`PACE_SECONDS_PER_METRE`
and :data:`SECONDS_PER_CALORIE`), and the Tabata protocol's defaults.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: Execution seconds of one set by its top rep count (seeds 002): 1–3 → 15 s,
#: 4–6 → 25, 7–10 → 35, 11–15 → 45, 16–20 → 55, 21+ → 70.
SET_SECONDS: tuple[tuple[int, int], ...] = (
    (3, 15),
    (6, 25),
    (10, 35),
    (15, 45),
    (20, 55),
)
SET_SECONDS_MAX = 70
#: Rest between circuit rounds (seeds 002 "Circuit rounds: 60s between rounds").
CIRCUIT_ROUND_REST = 60
#: A circuit item with no dose of its own (seeds' ``duration or 30``).
DEFAULT_ITEM_SECONDS = 30

#: Tabata's protocol (Tabata et al. 1996): 8 rounds of 20 s work / 10 s rest.
TABATA_ROUNDS = 8
TABATA_WORK_SECONDS = 20
TABATA_REST_SECONDS = 10
#: An EMOM's interval when none is stated: every minute on the minute.
EMOM_INTERVAL_SECONDS = 60

#: Alloy's pace assumptions for distance work, seconds per metre, by kit or
#: pattern (a moderate effort for a trained adult): rowing or ski erg 2:00/500 m,
#: a bike about 30 km/h, a run 5:00/km, a loaded carry about 1 m/s, a sled
#: push or drag a little slower.
PACE_SECONDS_PER_METRE: dict[str, float] = {
    "rower": 0.24,
    "ski_erg": 0.24,
    "bike": 0.12,
    "sled": 1.2,
    "carry": 1.0,
    "run": 0.3,
}
#: Alloy's rate for calorie work on a rower, bike or ski erg (about 15 cal/min).
SECONDS_PER_CALORIE = 4.0


def set_seconds(reps: int) -> int:
    """Execution seconds of one set of ``reps`` (seeds 002 table)."""
    for top, seconds in SET_SECONDS:
        if reps <= top:
            return seconds
    return SET_SECONDS_MAX


def reps_seconds(reps: int) -> int:
    """Execution seconds of ``reps`` done as circuit work: the set table for up to
    20, and beyond that one more 20-rep set (55 s) per 20 reps (Alloy's reading:
    100 push-ups are done as sets, not as one 70 s set)."""
    if reps <= 20:
        return set_seconds(reps)
    full, rest = divmod(reps, 20)
    return full * set_seconds(20) + (set_seconds(rest) if rest else 0)


def pace_seconds_per_metre(equipment: Iterable[str], pattern: str) -> float:
    """Seconds per metre for distance work with this kit or pattern (Alloy's paces)."""
    kit = set(equipment)
    for key in ("rower", "ski_erg", "bike", "sled"):
        if key in kit:
            return PACE_SECONDS_PER_METRE[key]
    if pattern == "carry":
        return PACE_SECONDS_PER_METRE["carry"]
    return PACE_SECONDS_PER_METRE["run"]


@dataclass(frozen=True, slots=True)
class CircuitItemDose:
    """One movement of a circuit as timing sees it: at most one of ``reps``,
    ``seconds``, ``distance_m`` (metres) or ``calories``; ``equipment`` and
    ``pattern`` choose the pace of distance work."""

    reps: int | None = None
    seconds: int | None = None
    distance_m: int | None = None
    calories: int | None = None
    equipment: frozenset[str] = frozenset()
    pattern: str = ""

    def work_seconds(self) -> int:
        """Seconds to perform the dose once: :func:`reps_seconds` for reps, the pace for
        metres, the calorie rate for calories, 30 s when there is no dose."""
        if self.seconds:
            return self.seconds
        if self.reps:
            return reps_seconds(self.reps)
        if self.distance_m:
            pace = pace_seconds_per_metre(self.equipment, self.pattern)
            return round(self.distance_m * pace)
        if self.calories:
            return round(self.calories * SECONDS_PER_CALORIE)
        return DEFAULT_ITEM_SECONDS


def circuit_estimated_seconds(
    *,
    circuit_type: str,
    rounds: int | None,
    time_cap_seconds: int | None,
    work_seconds: int | None,
    rest_seconds: int | None,
    items: Sequence[CircuitItemDose],
) -> int:
    """Estimated seconds of a circuit of ``circuit_type`` (``Circuit.CircuitType``
    values), rest included.

    * AMRAP: its time cap.
    * EMOM: intervals × interval length (``work_seconds``, 60 s if unstated).
    * TABATA: each movement in turn for rounds × (work + rest) (8 × 20/10 s
      unless stated), 60 s between movements.
    * METCON (for time): rounds × the items' work, no set rest, at most the cap.
    * COMPLEX: each round is one continuous set of all the reps (set table),
      ``rest_seconds`` (60 s if unstated) between rounds.
    * CIRCUIT: each round runs every station (its ``work_seconds`` if stated,
      else its dose) plus ``rest_seconds`` of transition after each, with 60 s
      between rounds (seeds 002).

    Missing required values count as zero or the type's default: validation,
    not this function, refuses them.
    """
    n = len(items)
    if circuit_type == "AMRAP":
        return time_cap_seconds or 0
    if circuit_type == "EMOM":
        return (rounds or 0) * (work_seconds or EMOM_INTERVAL_SECONDS)
    if circuit_type == "TABATA":
        per_movement = (rounds or TABATA_ROUNDS) * (
            (work_seconds or TABATA_WORK_SECONDS)
            + (TABATA_REST_SECONDS if rest_seconds is None else rest_seconds)
        )
        return n * per_movement + max(0, n - 1) * CIRCUIT_ROUND_REST
    rounds = rounds or 1
    if circuit_type == "METCON":
        work = rounds * sum(item.work_seconds() for item in items)
        return min(work, time_cap_seconds) if time_cap_seconds else work
    if circuit_type == "COMPLEX":
        per_round = reps_seconds(sum(item.reps or 0 for item in items))
        rest = CIRCUIT_ROUND_REST if rest_seconds is None else rest_seconds
        return rounds * per_round + (rounds - 1) * rest
    per_round = sum(work_seconds or item.work_seconds() for item in items)
    per_round += n * (rest_seconds or 0)
    return rounds * per_round + (rounds - 1) * CIRCUIT_ROUND_REST
