"""Finishers: the 10–20 min block that closes a lifting day for cardio-type goals
(seeds 003 s13 "10–20 minute cardio finishers", s16 accessory XOR finisher).

Metabolic circuit when FAT_LOSS leads (3 conditioning movements, 30 s work, 15 s
transition — superset rest −50 % — and 60 s between rounds, seeds 002), cardio
intervals when ENDURANCE leads (60 s hard at RPE 8.5 / 60 s easy). A metabolic
finisher is a short curated circuit (10 min up to the finisher's minutes) when
one fits the athlete (``circuits.usable_circuits``), outside deloads.
"""

from __future__ import annotations

from collections.abc import Callable

from .blocks import SessionInput, attach
from .circuits import FINISHER_TYPES, choose_circuit, circuit_drafts, describe
from .heuristics import FINISHER_MAX_MINUTES, FINISHER_MIN_MINUTES
from .optimizer import commit, pick
from .prescription import Draft, cardio_rx, circuit_rx
from .scorer import Context, Slot
from .timing import block_seconds
from .types import ExerciseRole, Goal


def finisher_kind(weights: dict[Goal, int]) -> str:
    """Metabolic circuit when FAT_LOSS leads the cardio-type goals, intervals when
    ENDURANCE does (BIAS_RATIONALE fat_loss / endurance)."""
    return (
        "interval"
        if weights.get(Goal.ENDURANCE, 0) > weights.get(Goal.FAT_LOSS, 0)
        else "metabolic"
    )


def build_finisher(
    inp: SessionInput, ctx: Context, weights: dict[Goal, int], minutes: int
) -> list[Draft]:
    """10–20 min finisher: metabolic circuit of 3 conditioning movements (30 s work,
    15 s transition, 60 s between rounds) or cardio intervals (60 s hard / 60 s easy)."""
    rpe = 8.0
    if finisher_kind(weights) == "metabolic" and not inp.scheme.is_deload:
        low = FINISHER_MIN_MINUTES * 60
        circuit = choose_circuit(
            inp, low, max(low, minutes * 60), FINISHER_TYPES, ctx.session_ids
        )
        if circuit is not None:
            movements = {f.m.id: f.m for f in inp.index.facts.values()}
            out = circuit_drafts(circuit, movements, ExerciseRole.FINISHER, rpe)
            for d in out:
                ctx.session_ids.add(d.movement.id)
            return out
    if finisher_kind(weights) == "interval":
        p = pick(inp.index, Slot("cardio", ExerciseRole.FINISHER), ctx, inp.rng)
        if p is not None:
            commit(p, ctx)
            d = attach(cardio_rx(p.facts.m, minutes * 60, True, 0.0), p)
            d.role, d.duration, d.rest, d.rpe = ExerciseRole.FINISHER, 60, 60, 8.5
            d.sets = max(3, round((minutes * 60 + 60) / 120))
            d.notes.append("interval finisher")
            return [d]
    picks = []
    for _ in range(3):
        p = pick(inp.index, Slot("conditioning", ExerciseRole.FINISHER), ctx, inp.rng)
        if p is None:
            break
        commit(p, ctx)
        picks.append(p)
    if not picks:
        return []
    per_round = len(picks) * 45 + 60
    rounds = max(2, round((minutes * 60 + 60) / per_round))
    drafts = circuit_rx(
        [p.facts.m for p in picks], ExerciseRole.FINISHER, rounds, 30, rpe
    )
    out = [attach(d, p) for d, p in zip(drafts, picks, strict=True)]
    for d in out:
        d.notes.append("metabolic finisher")
    return out


def finisher_rationale(inp: SessionInput, fin: list[Draft]) -> list[str]:
    """The session's line for a curated finisher: which named workout, and how
    it was scaled for the athlete (:func:`.circuits.describe`); none for a
    generated one."""
    ids = {d.circuit_id for d in fin} - {None}
    return [describe(c) for c in inp.index.circuits if c.id in ids]


def grow_finisher(
    fin: list[Draft], planned: int, total: Callable[[], int], high: float
) -> bool:
    """One more round/interval while the finisher stays ≤ 20 min and under budget.
    A curated circuit is done as written: it never grows."""
    if not fin or fin[0].circuit_id is not None:
        return False
    if block_seconds(fin, "FINISHER") + 120 > FINISHER_MAX_MINUTES * 60:
        return False
    for d in fin:
        d.sets += 1
    if total() > high:
        for d in fin:
            d.sets -= 1
        return False
    return True
