"""Carrying a lifting day across the loading weeks of a mesocycle (issue 10).

The first loading week of a mesocycle picks its exercises; every later loading
week of the same mesocycle, on the same day with the same focus and blocks,
keeps them (accessories rotate at mesocycle boundaries, not week to week:
``engine`` penalises the previous mesocycle's picks through ``rotation``). Each
hard exercise's sets follow the planned volume step — its sets in the first
week × this week's ``volume_multiplier`` / that week's, rounded per landmark
group over the week's carried days (:func:`step_targets`, :func:`step_residue`) — so weekly hard sets per landmark group move by
the planned step only (RP: volume rises across a mesocycle by plan, reference
§3; progressive overload on the same exercises, NSCA §1e). A day's step never
takes the MRV room its week's later carried days held last week
(:func:`hold_later_days`). On a hypertrophy day the step is the week's: its
main lifts step too, the rounding carries over the week's days
(:func:`step_residue`: what earlier days did not hold stays owed), the week's added sets stay within the review's 20 %
(:func:`step_room`), and rests the first week lengthened give their time
back first (:func:`.holdback.hold_for_step`). Reps and RPE are this week's (``main_rx`` / ``accessory_rx`` with the
week's scheme): the wave or block moves them as before. Sets never pass the
week's MRV share; the session is then fitted to its budget by the usual shrink
(rests, sets) and fine growth (rests, drills, stretches, zone-2), never by new
exercises.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from .blocks import Built
from .finegrowth import REST_STEP
from .finishers import finisher_rationale
from .library import PULL_ROW, PUSH_ROW
from .optimizer import holds_slot
from .prescription import Draft, accessory_rx, main_rx
from .types import ExerciseRole, Goal
from .volume import MUSCLE_ROW, SESSION_SET_CAP

HARD = (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)


def carried_rows(blocks: dict[str, list[Draft]], index) -> dict[str, float]:
    """Hard sets per landmark row of last week's session of a day that will be
    carried (``blocks``; ``index``: the :class:`.library.LibraryIndex`): its
    MAIN and ACCESSORY sets outside supersets, as :func:`carried_blocks`
    keeps them (side rows left out: the pull:push budgets hold those)."""
    rows: dict[str, float] = {}
    for d in (d for ds in blocks.values() for d in ds):
        if d.hard and d.role in HARD and d.superset is None:
            for row, c in index.facts[d.movement.id].credit.items():
                if row in MUSCLE_ROW.values() and row not in (PUSH_ROW, PULL_ROW):
                    rows[row] = rows.get(row, 0.0) + c * d.sets
    return rows


def step_expected(
    previous: dict[str, list[Draft]], index, multiplier: float
) -> dict[str, float]:
    """Last week's hard sets per landmark row of a carried day (``previous``;
    :func:`carried_rows`) × the planned step to ``multiplier`` (this week's
    ``volume_multiplier`` over last week's)."""
    last = next(
        (d.planned_multiplier for ds in previous.values() for d in ds
         if d.hard and d.planned_multiplier),
        multiplier,
    )  # fmt: skip
    ratio = multiplier / max(1e-9, last)
    return {row: v * ratio for row, v in carried_rows(previous, index).items()}


def step_room(
    expected: dict[str, float], mev: dict[str, float] | None = None
) -> dict[str, float]:
    """Sets per landmark row a week's carried days may add beyond their
    expected sets (``expected``: :func:`step_expected` summed over the week's
    carried days): a fifth of them, at least one set, less
    :data:`STEP_MARGIN` for the days' whole-set rounding. The week's hard
    sets then move by the planned step within the review's bound
    (``volume_step``: 20 % or one set; issue 10, RP, reference §3): two days
    each adding a squat set moved quadriceps 4.5 → 6 where the plan said
    4.9. ``mev``: a hypertrophy-weighted week's major-group floors; while
    the week holds a major group below its MEV, the others get no room: the
    step's sets go to the group short of its floor first (a 3-day 45-min
    week's chest 7 < MEV 10 while the step took legs 11 → 13)."""
    room = {row: max(STEP_SLACK * v, 1.0) - STEP_MARGIN for row, v in expected.items()}
    short = [g for g in mev or {} if expected.get(g, 0.0) < mev[g] - 1e-9]
    for g in (mev or {}) if short else ():
        if g not in short:
            room[g] = 0.0
    return room


#: A week's carried sets stay within this share (or one set) of the planned
#: step, less :data:`STEP_MARGIN` sets (the review's ``volume_step`` bound,
#: 20 %, with room for the rounding of half-credit rows).
STEP_SLACK = 0.2
STEP_MARGIN = 0.25


def hold_later_days(
    allowances: tuple[dict[str, float], dict[str, float]],
    used: dict[str, float],
    own: dict[str, float],
    later: dict[str, float],
    weekly_cap: Callable[[str], float],
) -> None:
    """Leave the week's later carried days their last week's sets: each row's
    session allowances (``allowances``: soft, hard; changed in place) go no
    higher than the weekly cap (``weekly_cap(row)``: MRV, sets) less what the
    week used (``used``) and what the later carried days held last week
    (``later``), nor lower than this day's own last week's sets (``own``).
    The planned step's extra sets come out of what is left: a lower day's
    deadlift keeps its back sets (secondary) where an upper day's extra row
    once took the back's last MRV room and left the deadlift one set, and
    with it, by the main-lift floor, every accessory of the day (issue 10;
    MRV, RP, reference §3). Nor is this day's MRV share below its own last
    week's sets while the weekly cap holds them beside the later days':
    the week's even share once cut a suitcase carry 2 → 1 set for its half
    glutes set (abdominals 8 → 7) after a squat's step took the glutes'
    room, where the later day's RDL, glutes primary, could give up its step
    instead (matrix seed 0, draw 211)."""
    soft, hard = allowances
    for row, mine in own.items():
        room = weekly_cap(row) - used.get(row, 0.0) - later.get(row, 0.0)
        hard[row] = max(hard.get(row, SESSION_SET_CAP), min(mine, room))
    for row, need in later.items():
        room = weekly_cap(row) - used.get(row, 0.0) - need
        keep = max(own.get(row, 0.0), room, 0.0)
        if keep < hard.get(row, SESSION_SET_CAP):
            hard[row] = keep
            soft[row] = min(soft.get(row, SESSION_SET_CAP), keep)


def carried_blocks(day, previous: dict[str, list[Draft]]) -> dict[str, list[Draft]]:
    """Copies of last loading week's drafts with this week's prescription (reps,
    RPE, rest) and planned sets on hard lifts, capped by the MRV share
    (``day.vol`` counts them). ``day`` is the :class:`.builder._LiftingDay`."""
    inp, vol, week = day.inp, day.vol, day.week
    out: dict[str, list[Draft]] = {}
    mains = 0
    rising: set[int] = set()  # the carried lifts the planned step raises
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
                # A hypertrophy day's main lifts step like its accessories (RP:
                # every hard set of the muscle climbs, reference §3).
                top = fresh.set_range[1]
                if d.role == ExerciseRole.MAIN and day.goal != Goal.HYPERTROPHY:
                    top = min(top, max(d.sets, fresh.sets))
                c.planned_sets = min(base * ratio, float(top))
                if ratio >= 1.0:
                    rising.add(id(c))
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
    _step(day, out, rising)
    return out


def step_targets(
    lifts: list[tuple[str, float]],
    residue: dict[str, float] | None = None,
    lows: list[int] | None = None,
    tops: list[int] | None = None,
) -> list[int]:
    """Whole sets for carried lifts from their planned sets (``lifts``: (the
    landmark group a lift trains as a primary mover, planned sets), in session
    order): each lift gets its planned sets rounded down (at least 1), and each
    group the sets its lifts' planned sets add up to, rounded, the extra sets
    going to the lifts nearest their next set (ties: the earlier lift). Three
    core lifts at 3.6 planned sets each get 4, 4 and 3 (11 for the group), not
    4, 4 and 4: rounding each lift alone moved the group 9 → 12 sets (+33 %)
    where the plan stepped it +9 % (issue 10: weekly hard sets per landmark
    group move by the planned step; RP, reference §3). ``residue``: per group,
    the sets the week's earlier carried days gave beyond their planned ones
    (planned less given, :func:`step_residue`): the group rounds over the week,
    not up on each day (two 3.6-set bench presses on two days get 4 and 3,
    chest 6 → 7 for a +9 % step, not 6 → 8); on a climbing hypertrophy week a
    positive residue is what earlier days still owe (three days at 3.4
    planned quadriceps sets hold 3, 4 and 3, 10 of a planned 10.2, not 3
    each). ``lows``: per lift, the sets it
    keeps whatever the rounding (last week's on a rising step: the week's
    rounding never takes back a set a lift already holds). ``tops``: per lift,
    the most sets it may take (its set range's top: a group's owed sets never
    push a 5-set main lift to 6)."""
    residue = residue or {}
    lows = lows or [1] * len(lifts)
    out = [
        max(low, math.floor(p + 1e-9)) for (_, p), low in zip(lifts, lows, strict=True)
    ]
    groups: dict[str, list[int]] = {}
    for i, (group, _) in enumerate(lifts):
        groups.setdefault(group, []).append(i)
    for group, members in groups.items():
        want = round(sum(lifts[i][1] for i in members) + residue.get(group, 0.0))
        spare = want - sum(out[i] for i in members)
        by_rest = sorted(
            (i for i in members if tops is None or out[i] < tops[i]),
            key=lambda i: (-(lifts[i][1] - out[i]), i),
        )
        for i in by_rest[: max(0, spare)]:
            out[i] += 1
    return out


def _primary(day, d: Draft) -> str:
    """The landmark group ``d``'s movement trains most (:func:`primary_group`)."""
    return primary_group(day.index, d)


def primary_group(index, d: Draft) -> str:
    """The landmark group ``d``'s movement trains most (its step group;
    ``index``: the :class:`.library.LibraryIndex`; the side rows
    :data:`.library.PUSH_ROW` and :data:`.library.PULL_ROW` are a budget, not
    a group)."""
    credit = index.facts[d.movement.id].credit
    groups = [g for g in credit if g not in (PUSH_ROW, PULL_ROW)]
    return max(groups, key=lambda g: (credit[g], g), default="")


def step_residue(
    residue: dict[str, float],
    blocks: dict[str, list[Draft]],
    index,
    owes: bool = False,
) -> None:
    """Add a built day's carried lifts to the week's ``residue`` (group →
    planned less given sets, changed in place, never below −½): a day that
    rounded a group's step up leaves its later days rounding down, so the
    week's sets move by the planned step. A day that rounded down (or whose
    time or MRV share cut a set) asks no later day for more (residue at most
    0) unless ``owes``: a hypertrophy day's step is the week's (RP's climbing
    mesocycle, reference §3), so what it did not hold stays owed to the
    week's later hypertrophy days (:func:`step_targets`)."""
    top = math.inf if owes else 0.0
    for d in (d for ds in blocks.values() for d in ds):
        if d.hard and d.role in HARD and d.planned_sets is not None:
            g = primary_group(index, d)
            residue[g] = max(
                -0.5, min(top, residue.get(g, 0.0) + d.planned_sets - d.sets)
            )


def _step(day, blocks: dict[str, list[Draft]], rising: set[int]) -> None:
    """Add the planned step's sets one at a time, to the lift furthest below
    its target (:func:`step_targets`), while the MRV share has room (a cut
    week removes them: a target below last week's sets)."""
    carried = [d for ds in blocks.values() for d in ds if id(d) in day.carried_from]
    # A hypertrophy day's step is the week's (RP's climbing mesocycle):
    # rounded over the week's carried days and bound by the week's room.
    ramps = day.goal == Goal.HYPERTROPHY
    goal = dict(
        zip(
            map(id, carried),
            step_targets(
                [(_primary(day, d), d.planned_sets or d.sets) for d in carried],
                {
                    g: v if ramps else min(0.0, v)
                    for g, v in day.inp.step_residue.items()
                },
                [
                    min(day.carried_from[id(d)], math.ceil(d.planned_sets or d.sets))
                    if id(d) in rising
                    else 1
                    for d in carried
                ],
                [d.set_range[1] for d in carried],
            ),
            strict=True,
        )
    )
    for d in carried:
        while d.sets > goal[id(d)]:
            d.sets -= 1
            day.vol.add(day.index.facts[d.movement.id].credit, -1)
    room = day.inp.step_room if ramps else None
    while True:
        # An accessory never passes the session's smallest main lift (finish()
        # would cut it back: priorities, issue 10).
        floor = min(
            (d.sets for d in carried if d.role == ExerciseRole.MAIN), default=99
        )
        short = [
            d
            for d in carried
            if d.sets < goal[id(d)]
            and (d.role == ExerciseRole.MAIN or d.sets < floor)
            and day.vol.room(day.index.facts[d.movement.id].credit, hard=True) >= 1
            and _within_step(day, blocks, d, room)
        ]
        if not short:
            return
        d = max(short, key=lambda d: (d.planned_sets or 0) - d.sets)
        d.sets += 1
        day.vol.add(day.index.facts[d.movement.id].credit, 1)


def _within_step(day, blocks, d: Draft, room: dict[str, float] | None) -> bool:
    """Whether one more set of ``d`` keeps every landmark row it trains within
    the week's step room (``room``: :func:`step_room` less what the week's
    earlier carried days added beyond their expected sets; None: no bound)."""
    if room is None:
        return True
    rows = carried_rows(blocks, day.index)
    for row, c in day.index.facts[d.movement.id].credit.items():
        if row in room:
            over = rows.get(row, 0.0) + c - day.step_expected.get(row, 0.0)
            if over > room[row] + 1e-9:
                return False
    return True


def _fresh(day, d: Draft, mains: int) -> Draft:
    """This week's prescription for ``d``'s movement (sets aside)."""
    if d.role == ExerciseRole.MAIN:
        fresh = main_rx(
            d.movement, day.goal, day.scheme, day.exp,
            day.week.volume_multiplier, day.scale,
        )  # fmt: skip
        if mains and fresh.rpe is not None:
            fresh.rpe = max(6.0, fresh.rpe - 0.5)
        return fresh
    return accessory_rx(
        d.movement, day.goal, day.exp, day.week.volume_multiplier,
        day.week.rpe_offset, day.cap,
    )  # fmt: skip


def _trim_rests(day) -> None:
    """Over the budget: rests lengthened beyond this week's prescription (a
    week below the mesocycle's peak fills the time its held-back sets leave
    with rest, :func:`.holdback.hold_for_step`) come back to it,
    before the planned step's sets, drills or stretches give way: the step's
    sets are what the held time was kept for (RP, reference §3)."""
    hard = [d for ds in day.blocks.values() for d in ds if id(d) in day.carried_from]
    for d in hard:
        rx = _fresh(day, d, 0).rest
        while day.total() > day.high and d.rest - REST_STEP >= max(rx, d.rest_range[0]):
            d.rest -= REST_STEP


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


def _trim_sets(day) -> None:
    """Still over the budget: rests to their floor, then last week's working
    sets one at a time from the lift with the most (a main lift before an
    accessory at equal sets, unless the cut would leave an accessory above
    it: one cut main set cost a 30-min day three sets once finishing capped
    its accessories; then the side the week so far holds more of, keeping
    its pull:push), never below two or their range, before the usual shrink
    drops a whole exercise: a carried day keeps its exercises (a 4-set fly
    dropped for a minute moved chest 8 → 4 sets; issue 10)."""
    hard = [d for ds in day.blocks.values() for d in ds if id(d) in day.carried_from]
    for d in hard:
        while day.total() > day.high and d.rest - REST_STEP >= d.rest_range[0]:
            d.rest -= REST_STEP
    while day.total() > day.high:
        over = [d for d in hard if d.sets > max(2, d.set_range[0])]
        if not over:
            return
        # A main lift cut below an accessory's sets would take the accessory
        # down with it (finishing caps accessories at the main lifts' sets).
        top = max((d.sets for d in hard if d.role == ExerciseRole.ACCESSORY), default=0)
        safe = [d for d in over if d.role != ExerciseRole.MAIN or d.sets > top]
        # At equal sets, the side the week so far holds more of goes first.
        pull, push = day.inp.week_pull_push
        rows = day.vol.rows
        pull, push = pull + rows.get(PULL_ROW, 0.0), push + rows.get(PUSH_ROW, 0.0)
        excess = PUSH_ROW if push > pull else PULL_ROW if pull > push else ""
        d = max(
            safe or over,
            key=lambda d: (
                d.sets,
                d.role == ExerciseRole.MAIN,
                excess in day.index.facts[d.movement.id].credit,
            ),
        )
        d.sets -= 1
        day.vol.add(day.index.facts[d.movement.id].credit, -1)


def carry_day(day, previous: dict[str, list[Draft]]) -> Built:
    """Build ``day`` (a fresh :class:`.builder._LiftingDay`) from last loading
    week's session of the same mesocycle (module doc), fitted to the budget."""
    day.carried_from = {}
    day.step_expected = step_expected(previous, day.index, day.week.volume_multiplier)
    day.blocks = carried_blocks(day, previous)
    ids = {d.movement.id for ds in day.blocks.values() for d in ds}
    day.ctx.session_ids.clear()
    day.ctx.session_ids.update(ids)
    day.ctx.families.update(
        day.index.facts[d.movement.id].family
        for ds in day.blocks.values()
        for d in ds
        if d.hard and d.movement.id in day.index.facts
    )
    day.ctx.families.discard("")
    for ds in day.blocks.values():
        for d in ds:
            f = day.index.facts.get(d.movement.id)
            if d.hard and f is not None and holds_slot(f, d.role == ExerciseRole.MAIN):
                day.ctx.slots[f.slot] = day.ctx.slots.get(f.slot, 0) + 1
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
    day.rationale.extend(finisher_rationale(day.inp, day.blocks.get("FINISHER", [])))
    if day.goal == Goal.HYPERTROPHY:
        _trim_rests(day)
    _trim_growth(day)
    _trim_extras(day)
    _trim_sets(day)
    day.shrink()
    day._grow_fine()
    if day.total() < day.low:
        # Still short after rests, drills, stretches and zone-2: more sets and,
        # last, a new exercise (the session says why if it stays short).
        day._grow_coarse()
    return day.finish()
