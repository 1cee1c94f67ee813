"""Session time estimation (seeds 002, TimeEstimationService).

* Set execution by rep range: 1–3 → 15 s, 4–6 → 25, 7–10 → 35, 11–15 → 45,
  16–20 → 55, 21+ → 70. Timed sets take their duration.
* Rest by role (seeds 002): warmup 30, main strength 180, main hypertrophy 90,
  main endurance 45, accessory 60, skill 90, finisher 30, cooldown 15 — used only
  when a prescription gives no rest of its own.
* Supersets rest −50 %; circuits add 60 s between rounds.
* Warm-up block: 5 min base + 1 min per drill (seeds 002 default); the base is
  the general warm-up piece when one is prescribed.
* Cool-down block: 1 min per static stretch (ACSM ≈ 60 s per stretch, reference
  §2c; static stretching belongs after the session, NSCA §9b) plus easy walking
  and breathing of 1 min per stretch, at most the seeds' 5-min base (issue 10: a
  2-stretch cool-down of a short day takes 4 min, not 7, and gives the time to
  working sets). An undrafted (empty) cool-down holds the 5-min base.
* Alloy adds, as a documented choice: 30 s changeover per lifting exercise
  (walk, load, set up) and 120 s of ramp-up sets before each MAIN lift
  (2–3 ramp sets, reference §9b).

The set table and the 60 s between rounds live in ``movements.timing`` (pure, no
Django), where the circuit library's duration estimate reads them too.
"""

from __future__ import annotations

from collections.abc import Iterable

# The seeds' tables, shared with the circuit library. SET_SECONDS and
# SET_SECONDS_MAX are re-exported: the heuristics API lists them from here.
from movements.timing import (
    CIRCUIT_ROUND_REST,
    SET_SECONDS,  # noqa: F401 (re-exported)
    SET_SECONDS_MAX,  # noqa: F401 (re-exported)
    set_seconds,
)

from .prescription import Draft
from .types import ExerciseRole, TimeBreakdown

ROLE_REST: dict[str, int] = {
    "warmup": 30,
    "main_strength": 180,
    "main_hypertrophy": 90,
    "main_endurance": 45,
    "accessory": 60,
    "skill": 90,
    "finisher": 30,
    "cooldown": 15,
}
SUPERSET_REST_FACTOR = 0.5
BLOCK_BASE_SECONDS = 300
PER_ITEM_SECONDS = 60
#: Easy walking after the stretches: this much per stretch, at most the base.
COOLDOWN_WALK_PER_STRETCH = 60
CHANGEOVER_SECONDS = 30
MAIN_RAMP_SECONDS = 120
TIME_TOLERANCE = 0.05


def exercise_seconds(draft: Draft) -> int:
    """All sets of one exercise including rests between them, changeover and
    (MAIN) ramp-up sets. Warm-up and cool-down items are costed by their block."""
    if draft.role == ExerciseRole.WARMUP:
        return (
            draft.duration
            if draft.duration and draft.duration >= 300
            else PER_ITEM_SECONDS
        )
    if draft.role == ExerciseRole.COOLDOWN and not is_drill_in_rounds(draft):
        return (
            draft.duration
            if draft.duration and draft.duration >= 300
            else PER_ITEM_SECONDS
        )
    if draft.duration is not None:
        work = draft.duration
    else:
        work = set_seconds(round(((draft.reps_min or 1) + (draft.reps_max or 1)) / 2))
    rest = draft.rest
    if draft.superset is not None:
        rest = round(rest * SUPERSET_REST_FACTOR) if draft.rest else 0
    seconds = draft.sets * work + max(0, draft.sets - 1) * rest
    if draft.hard or draft.role == ExerciseRole.SKILL:
        seconds += CHANGEOVER_SECONDS
    if draft.role == ExerciseRole.MAIN and draft.hard:
        seconds += MAIN_RAMP_SECONDS
    return seconds


def is_drill_in_rounds(draft: Draft) -> bool:
    """A cool-down mobility drill done in rounds with rests between them (a
    recovery day's flow, ``daytypes._recovery_flow``), costed like any exercise;
    a static stretch (no rest) is costed by the minute."""
    return draft.role == ExerciseRole.COOLDOWN and draft.rest > 0 and draft.sets > 1


def circuit_seconds(drafts: Iterable[Draft]) -> int:
    """A circuit: each round runs every movement (work + superset transition),
    with 60 s between rounds (seeds 002). A curated circuit's drafts carry its
    whole estimate (``Draft.circuit_seconds``), which is used as is."""
    drafts = list(drafts)
    if not drafts:
        return 0
    if drafts[0].circuit_seconds is not None:
        # A curated circuit: its own estimate (movements.timing, same tables).
        return drafts[0].circuit_seconds
    rounds = max(d.sets for d in drafts)
    per_round = sum(d.duration or 30 for d in drafts) + sum(d.rest for d in drafts)
    return rounds * per_round + (rounds - 1) * CIRCUIT_ROUND_REST


def cooldown_walk_seconds(stretches: int) -> int:
    """Seconds of easy walking and breathing in a cool-down of ``stretches``
    static stretches: 60 s each, at most the seeds' 5-min base; an undrafted
    cool-down (none yet) holds the whole base (module doc)."""
    if stretches <= 0:
        return BLOCK_BASE_SECONDS
    return min(BLOCK_BASE_SECONDS, COOLDOWN_WALK_PER_STRETCH * stretches)


def block_seconds(drafts: list[Draft], block: str) -> int:
    """Seconds of one block (WARMUP, MAIN, ACCESSORY, FINISHER, COOLDOWN…)."""
    if block == "WARMUP":
        drills = [d for d in drafts if not (d.duration and d.duration >= 300)]
        return BLOCK_BASE_SECONDS + PER_ITEM_SECONDS * len(drills)
    if block == "COOLDOWN":
        # Stretches at a minute each; an easy zone-2 bout (≥ 5 min) by its length;
        # mobility drills done in rounds by their sets and rests.
        stretches = seconds = 0
        for d in drafts:
            if d.duration and d.duration >= 300:
                seconds += d.duration
            elif d.rest and d.sets > 1:  # is_drill_in_rounds, inlined: hot path
                seconds += exercise_seconds(d)
            else:
                stretches += 1
        return seconds + cooldown_walk_seconds(stretches) + PER_ITEM_SECONDS * stretches
    circuit = [d for d in drafts if d.superset is not None]
    single = [d for d in drafts if d.superset is None]
    return circuit_seconds(circuit) + sum(exercise_seconds(d) for d in single)


def breakdown(blocks: dict[str, list[Draft]]) -> TimeBreakdown:
    """TimeBreakdown in whole minutes; middle blocks other than ACCESSORY/FINISHER
    (CARDIO, CONDITIONING, MOBILITY, SKILL) count as ``main``."""
    seconds = {name: block_seconds(drafts, name) for name, drafts in blocks.items()}
    warm = seconds.pop("WARMUP", 0)
    cool = seconds.pop("COOLDOWN", 0)
    acc = seconds.pop("ACCESSORY", 0)
    fin = seconds.pop("FINISHER", 0)
    main = sum(seconds.values())
    total = warm + cool + acc + fin + main
    return TimeBreakdown(
        warmup=round(warm / 60),
        main=round(main / 60),
        accessory=round(acc / 60),
        finisher=round(fin / 60),
        cooldown=round(cool / 60),
        total=round(total / 60),
    )


def total_seconds(blocks: dict[str, list[Draft]]) -> int:
    """Exact session seconds (the fit to the budget is checked on this)."""
    return sum(block_seconds(drafts, name) for name, drafts in blocks.items())
