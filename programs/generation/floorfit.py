"""Floor work of a hypertrophy-weighted lifting day (issue 10; RP and
Schoenfeld 2016, reference §3): when a day's neediest major group still lacks
its second day or its MEV, what the day adds for it beyond the time rule —
one more accessory (a day the week's pull:push budget holds, a group trained
on fewer than two days), one more lift on a finisher day, or the sets that
bring the week's last day for a group to MEV.

:class:`FloorFit` holds these steps of :class:`.builder._LiftingDay` (which
inherits it with :class:`.fitting.SessionFit`, which calls them while
growing; the build state lives there). Split from :mod:`.fitting`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .balance import (
    MAJOR_GROUPS,
    below_mev,
    floor_aim,
    floor_family,
    primary_groups,
    week_sides,
)
from .library import PULL_ROW, PUSH_ROW
from .prescription import Draft
from .splits import FOCI, PULL_PATTERNS, PUSH_PATTERNS
from .types import ExerciseRole
from .volume import SESSION_SET_CAP, rows_of
from .weekbalance import miss, one_sided

if TYPE_CHECKING:
    from .builder import _LiftingDay

SIDE_ROWS = (PUSH_ROW, PULL_ROW)
#: A generated finisher giving up movements for floor sets keeps this many [U].
FINISHER_MIN_MOVES = 2


class FloorFit:
    """The floor steps of a lifting day (see module doc)."""

    def _floor_sets(self: _LiftingDay) -> None:
        """A hypertrophy-weighted day already in its window, the week's last
        lifting day targeting a major group still below MEV (this session
        counted), adds sets to the lift training it as a primary mover
        (fewest sets first; no accessory past the main lifts' sets, none past
        its range or the week's MRV share) while they fit within +5 %: a
        30-min legs day at 29 min with quadriceps 7 < MEV 8 takes a fourth
        set of lunges (issue 10; RP, reference §3). Only sets that reach MEV
        are kept: a session at the top of its window leaves the next week's
        planned step no room (a 2-day 30-min week far below its floors cut
        12 → 9 sets a week later), unless a later day of the week plans the
        group's compound work without targeting it (:attr:`.balance.
        WeekFloors.later`: a 30-min chest day's third set of flyes, the arms
        day's dip to follow). Working sets before longer rests and
        stretches, and before a generated finisher's rounds (never below 2:
        a 45-min legs day with quadriceps 6 < MEV 8 and a 4-round finisher),
        then its movements (never below :data:`FINISHER_MIN_MOVES`)."""
        week, vol, index = self.inp.week_floors, self.vol, self.index
        if week is None:
            return
        day = self.planned.day_index
        later = frozenset().union(
            *(
                rows_of(FOCI[s.focus].target_muscles)
                for s in self.inp.microcycle.sessions
                if s.day_index > day and s.focus in FOCI
            )
        )
        for group in MAJOR_GROUPS:
            if group in later:
                continue
            added: list[Draft] = []
            dropped: list[Draft] = []
            fin = self.blocks.get("FINISHER", [])
            rounds = [d.sets for d in fin]
            while below_mev(group, vol.rows, week):
                floor = self._main_floor()
                lifts = [
                    d
                    for d in self.blocks["MAIN"] + self.blocks[self.middle_block]
                    if d.hard
                    and index.facts[d.movement.id].credit.get(group, 0.0) >= 1.0
                    and d.sets < d.set_range[1]
                    and (d.role == ExerciseRole.MAIN or d.sets < floor)
                    and vol.room(index.facts[d.movement.id].credit, hard=True) >= 1
                ]
                if not lifts:
                    break
                d = min(lifts, key=lambda d: (d.sets, d.role == ExerciseRole.MAIN))
                if self._tips_week(d):
                    break
                d.sets += 1
                while (
                    self.total() > self.high
                    and fin
                    and fin[0].circuit_id is None
                    and max(f.sets for f in fin) > 2
                ):  # a generated finisher gives up rounds (never below 2)
                    for f in fin:
                        f.sets = max(1, f.sets - 1)
                while (
                    self.total() > self.high
                    and len(fin) > FINISHER_MIN_MOVES
                    and fin[0].circuit_id is None
                ):  # then movements (never below two)
                    dropped.append(fin.pop())
                if self.total() > self.high:
                    d.sets -= 1
                    break
                vol.add(index.facts[d.movement.id].credit, 1)
                added.append(d)
            if below_mev(group, vol.rows, week) and not week.later.get(group):
                # Sets that do not reach the floor only crowd the window
                # the next week's planned step needs: taken back, with the
                # finisher's rounds and movements. Kept while a later day
                # plans the group's compound work without targeting it (the
                # arms day's dip after a 30-min chest day): they leave that
                # day less to find.
                for d in added:
                    d.sets -= 1
                    vol.add(index.facts[d.movement.id].credit, -1)
                fin += reversed(dropped)
                for f, n in zip(fin, rounds, strict=True):
                    f.sets = n

    def _tips_week(self: _LiftingDay, d: Draft) -> bool:
        """Whether one more set of ``d`` moves the week so far, this session
        counted, further outside pull:push 0.8–2.0 (:func:`.weekbalance.miss`;
        reference §11): floor sets do not unbalance it."""
        pull, push = week_sides(self.blocks, self.inp.week_pull_push)
        after = (
            pull + (d.movement.pattern in PULL_PATTERNS),
            push + (d.movement.pattern in PUSH_PATTERNS),
        )
        return miss(*after) > miss(pull, push)

    def _floor_lift_over_finisher(
        self: _LiftingDay, pool: list[str], extra_main: int
    ) -> None:
        """A hypertrophy-weighted finisher day already in its window with the
        usual four lifts, pushing and pulling as its focus asks, whose
        neediest major group it trains is still below MEV this week takes one
        more lift for it (a staple or common one with the group as a primary
        mover: an RDL for hamstrings 5.5 < 6 on a 60-min legs day), the
        finisher giving up rounds to fit it (never below 2, :meth:`_make_room`):
        working sets before the finisher's length (issue 10; RP, reference
        §3). Dropped again when it does not fit."""
        if extra_main < 4 or self._lacking():
            return  # a short day's finisher and its push/pull balance stay
        floor, week = self._floor(floor_family(tuple(pool))), self.inp.week_floors
        if floor is None or not below_mev(floor[1], self.vol.rows, week):
            return
        if not self._add_main(extra_main, floor[0], floor_aim(floor), floor[1]):
            return
        if self.total() <= self.high or self._make_room():
            return
        d = self.blocks["MAIN"].pop()
        self.vol.add(self.index.facts[d.movement.id].credit, -d.sets)

    def _floor_needs_day(self: _LiftingDay) -> bool:
        """Whether the neediest major group of a hypertrophy-weighted day
        (:func:`.balance.floor_pattern`) has been trained on fewer than two
        days this week, this session included: its lift then makes room
        like a push/pull balancing one (Schoenfeld 2016, reference §3)."""
        floor, week = self._floor(), self.inp.week_floors
        if floor is None or week is None:
            return False
        hit = primary_groups(self.blocks, self.index)
        return week.days.get(floor[1], 0) + (floor[1] in hit) < 2

    def _side_held(self: _LiftingDay) -> bool:
        """Whether the week's pull:push budget caps one of this day's sides
        (a re-built week, :mod:`.weekbalance`)."""
        soft = self.inp.soft_allow
        return any(soft.get(r, SESSION_SET_CAP) < SESSION_SET_CAP for r in SIDE_ROWS)

    def _floor_held_below_mev(self: _LiftingDay) -> bool:
        """Whether a re-built day whose side is held by the week's pull:push
        budget (:mod:`.weekbalance`) still has its neediest major group
        (:func:`.balance.floor_pattern`, the other side first) below MEV this
        week: the time the budget freed goes to that group's lift, one
        accessory beyond the time rule (a 30-min upper day whose pressing was
        cut rows again: back 9.5 < MEV 10 became 12.5; issue 10, RP, reference
        §3, §11). Days pushing and pulling only (upper, full-body)."""
        if one_sided(self.planned.intent_tags) or not self._side_held():
            return False  # a push or pull day balances by :meth:`_balance_week`
        floor = self._floor()
        return floor is not None and below_mev(
            floor[1], self.vol.rows, self.inp.week_floors
        )
