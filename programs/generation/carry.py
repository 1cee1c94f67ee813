"""Carrying a lifting day across the loading weeks of a mesocycle (issue 10).

The first loading week of a mesocycle picks its exercises; every later loading
week of the same mesocycle, on the same day with the same focus and blocks,
keeps them (accessories rotate at mesocycle boundaries, not week to week:
``engine`` penalises the previous mesocycle's picks through ``rotation``). Each
hard exercise's sets follow the planned volume step — its sets in the first
week × this week's ``volume_multiplier`` / that week's, rounded — so weekly hard
sets per landmark group move by the planned step only (RP: volume rises across
a mesocycle by plan, reference §3; progressive overload on the same exercises,
NSCA §1e). Reps and RPE are this week's (``main_rx`` / ``accessory_rx`` with the
week's scheme): the wave or block moves them as before. Sets never pass the
week's MRV share; the session is then fitted to its budget by the usual shrink
(rests, sets) and fine growth (rests, drills, stretches, zone-2), never by new
exercises.
"""

from __future__ import annotations

from dataclasses import replace

from .blocks import Built
from .prescription import Draft, accessory_rx, main_rx
from .types import ExerciseRole

HARD = (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)


def carried_blocks(day, previous: dict[str, list[Draft]]) -> dict[str, list[Draft]]:
    """Copies of last loading week's drafts with this week's prescription (reps,
    RPE, rest) and planned sets on hard lifts, capped by the MRV share
    (``day.vol`` counts them). ``day`` is the :class:`.builder._LiftingDay`."""
    inp, vol, week = day.inp, day.vol, day.week
    out: dict[str, list[Draft]] = {}
    mains = 0
    for block, drafts in previous.items():
        copies: list[Draft] = []
        for d in drafts:
            c = replace(d, notes=list(d.notes), scores=dict(d.scores))
            if d.hard and d.role in HARD and d.superset is None:
                fresh = _fresh(day, d, mains)
                mains += d.role == ExerciseRole.MAIN
                base = d.planned_sets if d.planned_sets is not None else float(d.sets)
                ratio = week.volume_multiplier / max(1e-9, d.planned_multiplier or 1.0)
                # Within this week's set range; a main lift no higher than its
                # periodised sets or last week's (the scheme owns main sets).
                top = fresh.set_range[1]
                if d.role == ExerciseRole.MAIN:
                    top = min(top, max(d.sets, fresh.sets))
                c.planned_sets = min(base * ratio, float(top))
                c.planned_multiplier = week.volume_multiplier
                c.set_range = fresh.set_range
                c.reps_min, c.reps_max, c.duration = (
                    fresh.reps_min, fresh.reps_max, fresh.duration
                )  # fmt: skip
                # Last week's rest as fitted, inside this week's range.
                c.rpe, c.rest_range = fresh.rpe, fresh.rest_range
                c.rest = min(max(d.rest, fresh.rest_range[0]), fresh.rest_range[1])
                # Last week's sets first (every lift), the planned step after.
                credit = inp.index.facts[d.movement.id].credit
                c.sets = min(d.sets, vol.room(credit, hard=True))
                if c.sets < 1:
                    continue
                vol.add(credit, c.sets)
                day.carried_from[id(c)] = d.sets
                c.notes = [n for n in c.notes if not n.startswith("kept from week")]
                c.notes.append(
                    f"kept from week 1 of this mesocycle: {c.sets} sets by the "
                    "planned volume step"
                )
            copies.append(c)
        out[block] = copies
    _step(day, out)
    return out


def _step(day, blocks: dict[str, list[Draft]]) -> None:
    """Add the planned step's sets one at a time, to the lift furthest below
    its planned sets, while the MRV share has room (a cut week removes them:
    ``round(planned_sets)`` below last week's)."""
    carried = [d for ds in blocks.values() for d in ds if id(d) in day.carried_from]
    for d in carried:
        target = max(1, round(d.planned_sets or d.sets))
        while d.sets > target:
            d.sets -= 1
            day.vol.add(day.index.facts[d.movement.id].credit, -1)
    while True:
        # An accessory never passes the session's smallest main lift (finish()
        # would cut it back: priorities, issue 10).
        floor = min(
            (d.sets for d in carried if d.role == ExerciseRole.MAIN), default=99
        )
        short = [
            d
            for d in carried
            if d.sets < round(d.planned_sets or 0)
            and (d.role == ExerciseRole.MAIN or d.sets < floor)
            and day.vol.room(day.index.facts[d.movement.id].credit, hard=True) >= 1
        ]
        if not short:
            return
        d = max(short, key=lambda d: (d.planned_sets or 0) - d.sets)
        d.sets += 1
        day.vol.add(day.index.facts[d.movement.id].credit, 1)


def _fresh(day, d: Draft, mains: int) -> Draft:
    """This week's prescription for ``d``'s movement (sets aside)."""
    if d.role == ExerciseRole.MAIN:
        fresh = main_rx(
            d.movement, day.goal, day.scheme, day.exp,
            day.week.volume_multiplier, day.scale,
        )  # fmt: skip
        if mains and fresh.rpe is not None:
            fresh.rpe = max(6.0, fresh.rpe - 0.5)
        if d.fixed_percent is not None:
            fresh.fixed_percent = d.fixed_percent
        return fresh
    return accessory_rx(
        d.movement, day.goal, day.exp, day.week.volume_multiplier,
        day.week.rpe_offset, day.cap,
    )  # fmt: skip


def _trim_growth(day) -> None:
    """Over the budget: take back the sets the planned step added, one at a
    time from the lift that grew most (accessories first), before the usual
    shrink touches rests, exercises or last week's sets. Holding last week's
    sets is within the invariant's 20 %; dropping an exercise is not."""
    hard = [d for ds in day.blocks.values() for d in ds if id(d) in day.carried_from]
    while day.total() > day.high:
        grown = [d for d in hard if d.sets > day.carried_from[id(d)]]
        if not grown:
            return
        d = max(
            grown,
            key=lambda d: (
                d.sets - day.carried_from[id(d)],
                d.role == ExerciseRole.ACCESSORY,
            ),
        )
        d.sets -= 1
        day.vol.add(day.index.facts[d.movement.id].credit, -1)


def _trim_extras(day) -> None:
    """Still over the budget: a generated finisher's rounds (to 2), then extra
    warm-up drills and cool-down stretches (to 2 each) go before any of last
    week's working sets (issue 10: working sets first)."""
    fin = day.blocks.get("FINISHER", [])
    while (
        day.total() > day.high
        and fin
        and fin[0].circuit_id is None
        and max(d.sets for d in fin) > 2
    ):
        for d in fin:
            d.sets = max(1, d.sets - 1)
    for block in ("WARMUP", "COOLDOWN"):
        while day.total() > day.high and len(day.blocks[block]) > 2:
            day.blocks[block].pop()


def carry_day(day, previous: dict[str, list[Draft]]) -> Built:
    """Build ``day`` (a fresh :class:`.builder._LiftingDay`) from last loading
    week's session of the same mesocycle (module doc), fitted to the budget."""
    day.carried_from = {}
    day.blocks = carried_blocks(day, previous)
    ids = {d.movement.id for ds in day.blocks.values() for d in ds}
    day.ctx.session_ids.clear()
    day.ctx.session_ids.update(ids)
    day.middle_block = "FINISHER" if "FINISHER" in day.blocks else "ACCESSORY"
    day.blocks.setdefault(day.middle_block, [])
    # Last week's zone-2 bout is re-decided by this week's fine growth.
    day.blocks["COOLDOWN"] = [
        d for d in day.blocks.get("COOLDOWN", []) if not (d.duration or 0) >= 300
    ]
    day.cctx = day.ctx
    day.rationale.append(
        "Same exercises as last week (this mesocycle's selection), sets by the "
        f"planned volume step (×{day.week.volume_multiplier:g})."
    )
    _trim_growth(day)
    _trim_extras(day)
    day.shrink()
    day._grow_fine()
    if day.total() < day.low:
        # Still short after rests, drills, stretches and zone-2: more sets and,
        # last, a new exercise (the session says why if it stays short).
        day._grow_coarse()
    return day.finish()
