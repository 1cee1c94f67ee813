"""Holding back the planned volume step in a mesocycle's first week (issue 10).

RP (reference §3): a mesocycle starts near MEV and adds sets week by week
toward MRV. A fresh build fills its session time with sets, up to the top of
each lift's set range and the week's MRV share, so the carried weeks that
follow (:mod:`.carry`) had no room left to add the planned step: a 5-day
advanced week held chest at 21.5 hard sets in weeks 1, 2 and 3 of a
×1 → ×1.1 → ×1.2 mesocycle. A hypertrophy day below its mesocycle's peak now
holds back the sets the step will add (:attr:`.periodization.WeekScheme.
headroom`); fine growth (longer rests inside their ranges, drills, stretches,
zone-2 cardio on long days) fills the time, and the carried weeks shorten the
rests again to take the sets (:func:`.carry.carry_day`). Exercise selection is
unchanged: the day is built as before, then held.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .balance import below_mev
from .prescription import Draft
from .splits import PULL_PATTERNS, PUSH_PATTERNS
from .types import ExerciseRole, Goal

if TYPE_CHECKING:
    from .builder import _LiftingDay

HARD = (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)


def held_floor(d: Draft) -> int:
    """The fewest sets :func:`hold_for_step` leaves a lift: its set range's
    bottom, and at least three on a main lift, two on an accessory (a
    coach's first week still does three work sets of its main lift)."""
    return max(d.set_range[0], 3 if d.role == ExerciseRole.MAIN else 2)


def hold_for_step(day: _LiftingDay) -> None:
    """A hypertrophy day below its mesocycle's peak week holds back the
    sets its planned volume step will add (``headroom``: this week's
    ``volume_multiplier`` over the peak's; 17 of 20 hard sets in the first
    of three weeks at ×1, ×1.1, ×1.2), one at a time from the lift with the
    most (an accessory before a main lift at equal sets), never below
    :func:`held_floor`, nor a main lift below the day's accessories, nor taking a major group below MEV this week (the
    week so far and this session, :func:`.balance.below_mev`). Each side
    (pull, push, neither) gives the same share, so the week's pull:push
    stays where the side budgets put it (:mod:`.weekbalance`). Only a
    hypertrophy-weighted program's hypertrophy days hold (RP's ramp is a
    hypertrophy mesocycle's; a fat-loss week's 30-min hypertrophy day keeps
    its sets); a mesocycle's peak week holds nothing."""
    headroom = day.week.headroom
    if headroom >= 1.0 or day.goal != Goal.HYPERTROPHY or not day.floors:
        return
    hard = [
        d
        for d in day.blocks["MAIN"] + day.blocks[day.middle_block]
        if d.hard and d.role in HARD and d.superset is None
    ]
    sides = PULL_PATTERNS | PUSH_PATTERNS
    for side in (PULL_PATTERNS, PUSH_PATTERNS, None):
        lifts = [
            d
            for d in hard
            if (d.movement.pattern in side if side else d.movement.pattern not in sides)
        ]
        sets = sum(d.sets for d in lifts)
        for _ in range(sets - round(sets * headroom)):
            over = [
                d
                for d in lifts
                if d.sets > held_floor(d)
                and _keeps_mev(day, d)
                and (d.role != ExerciseRole.MAIN or d.sets > _top_accessory(hard))
            ]
            if not over:
                break
            d = max(over, key=lambda d: (d.sets, d.role == ExerciseRole.ACCESSORY))
            d.sets -= 1
            day.vol.add(day.index.facts[d.movement.id].credit, -1)


def _top_accessory(hard: list[Draft]) -> int:
    """The most sets an accessory among ``hard`` holds: a main lift held
    below it would cap the accessories at its sets when the session is
    finished (an accessory never passes the smallest main lift), cutting
    sets the hold-back did not weigh (a 30-min day's lunge 4 → 3 took the
    chin-up 4 → 3 and back below MEV)."""
    return max((d.sets for d in hard if d.role == ExerciseRole.ACCESSORY), default=0)


def _keeps_mev(day: _LiftingDay, d: Draft) -> bool:
    """Whether every major group ``d`` trains stays at MEV or more this week
    (earlier sessions and this one) without one of its sets."""
    week = day.inp.week_floors
    if week is None:
        return True
    credit = day.index.facts[d.movement.id].credit
    rows = {g: day.vol.rows.get(g, 0.0) - credit.get(g, 0.0) for g in credit}
    return not any(below_mev(g, rows, week) for g in credit if g in week.mev)
