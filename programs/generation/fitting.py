"""Fitting a lifting session to its budget: grow to the ±5 % window, shrink back
under it.

:class:`SessionFit` holds the growing and shrinking steps of
:class:`.builder._LiftingDay` (which inherits it; the build state — ``blocks``,
``vol``, ``ctx``, ``low``/``high`` in seconds — and the picking steps live
there). Growing: coarse growth adds accessories (or, on finisher days, further
main-role lifts and finisher rounds) and sets while weekly volume allows (first
the week's target share, then the MRV share; RP §3); fine growth
(:mod:`.finegrowth`) fills what time is left. Shrinking: rests to their floor,
the lowest-scored accessory, sets, extras (seeds 000 fork 8.1 time tolerance;
seeds 002 time tables).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .balance import (
    below_mev,
    floor_aim,
    floor_family,
    floor_short,
    lacking,
    primary_groups,
    week_sides,
)
from .finegrowth import REST_STEP
from .finishers import grow_finisher
from .holdback import hold_for_step
from .prescription import Draft
from .splits import PULL_PATTERNS
from .types import ExerciseRole
from .weekbalance import one_sided, week_short

if TYPE_CHECKING:
    from .builder import _LiftingDay

#: A hypertrophy-weighted finisher day holds at most this many lifts while the
#: neediest major group it trains is below MEV this week or trained on fewer
#: than two days (:func:`.balance.floor_short`; a 2-day 120-min week held four
#: 3-set lifts and 31 min of zone-2 cardio: chest and back 6 < MEV 7; issue
#: 10, RP and Schoenfeld 2016, reference §3); otherwise four [U]. The time
#: window still bounds them.
FLOOR_MAX_LIFTS = 6


class SessionFit:
    """The grow and shrink phases of a lifting day (see module doc)."""

    def grow(self: _LiftingDay) -> None:
        """Fill the session up to the window's floor: coarse growth (accessories or
        extra main lifts, sets, finisher rounds), then fine growth (rests inside
        their ranges, then warm-up drills and cool-down stretches)."""
        self._grow_coarse()
        self._balance_week()
        hold_for_step(self)
        self._floor_sets()
        self._grow_fine()

    def _balance_week(self: _LiftingDay) -> None:
        """A push- or pull-only day whose week, counting it, still bends out
        of 0.8–2.0 its way (:func:`.weekbalance.week_short`: a pull day of a
        push, pull, push week on 30 minutes, 3 pulled to 4 pressed) takes one
        more accessory of its side beyond the time rule, making room from the
        day's other sets (:meth:`_make_room`), or none (issue 10; reference
        §11: at least as much pulling as pushing); a finisher day takes a
        main-role lift of its side instead."""
        blocks, vol, index = self.blocks, self.vol, self.index
        if not one_sided(self.planned.intent_tags):
            return
        short = self._week_short()
        if short and self.middle_block == "FINISHER":
            # A finisher day takes it as a further main-role lift (working
            # sets before the finisher's rounds), a pattern it has not
            # trained first, in the focus's tag order.
            done = {d.movement.pattern for d in blocks["MAIN"] if d.hard}
            tags = self.planned.intent_tags
            pattern = min(
                (t for t in tags if t in short),
                key=lambda t: (t in done, tags.index(t)),
            )
            key = (self.planned.focus, len(self.main_ids))
            if self._add_main(key[1], pattern):
                if self.total() <= self.high or self._make_room():
                    return
                d = blocks["MAIN"].pop()
                vol.add(index.facts[d.movement.id].credit, -d.sets)
                self.main_ids.pop(key, None)
            return
        if not short or not self._add_accessory():
            return
        new = blocks["ACCESSORY"][-1]
        credit = index.facts[new.movement.id].credit
        # Its own sets go to a lift's two before the day's main lift loses one.
        while self.total() > self.high and new.sets > max(2, new.set_range[0]):
            new.sets -= 1
            vol.add(credit, -1)
        if new.movement.pattern in short and (
            self.total() <= self.high or self._make_room()
        ):
            return
        blocks["ACCESSORY"].pop()
        vol.add(credit, -new.sets)
        self.ctx.session_ids.discard(new.movement.id)
        self.rotation.forget()

    def shrink(self: _LiftingDay) -> None:
        """Bring an over-budget session back under +5 %: rests to their floor, the
        lowest-scored accessory, accessory then main sets, extra drills, finisher
        rounds, the skill practice; then extra cool-down stretches."""
        blocks, vol, index, high = self.blocks, self.vol, self.index, self.high
        total = self.total
        worked = blocks["MAIN"] + blocks[self.middle_block]
        for d in worked:
            while total() > high and d.hard and d.rest - REST_STEP >= d.rest_range[0]:
                d.rest -= REST_STEP
        while total() > high and len(blocks.get("ACCESSORY", [])) > 1:
            # Never the lift that keeps the session pushing and pulling (issue 10).
            keeps = [d for d in blocks["ACCESSORY"] if not self._balances(d)]
            if not keeps:
                break
            worst = min(keeps, key=lambda d: d.total)
            blocks["ACCESSORY"].remove(worst)
            vol.add(index.facts[worst.movement.id].credit, -worst.sets)
        worked = blocks["MAIN"] + blocks[self.middle_block]
        for role in (ExerciseRole.ACCESSORY, ExerciseRole.MAIN):
            for d in worked:
                while (
                    total() > high
                    and d.role == role
                    and d.hard
                    and d.sets > d.set_range[0]
                ):
                    d.sets -= 1
                    vol.add(index.facts[d.movement.id].credit, -1)
        while total() > high and len(blocks["WARMUP"]) > 2:
            blocks["WARMUP"].pop()
        fin = blocks.get("FINISHER", [])
        # A curated circuit is done as written (chosen to fit the finisher's
        # minutes); only a generated finisher loses rounds.
        curated = bool(fin) and fin[0].circuit_id is not None
        while total() > high and fin and not curated and max(d.sets for d in fin) > 2:
            for d in fin:
                d.sets = max(1, d.sets - 1)
        skill = [d for d in blocks["MAIN"] if d.role == ExerciseRole.SKILL]
        if total() > high and skill:
            blocks["MAIN"].remove(skill[0])
        while total() > high and len(blocks["COOLDOWN"]) > 2:
            blocks["COOLDOWN"].pop()

    def _balances(self: _LiftingDay, d: Draft) -> bool:
        """Whether the session would lack a push or pull side without ``d``."""
        before = self._lacking()
        rest = {name: [x for x in ds if x is not d] for name, ds in self.blocks.items()}
        return bool(lacking(self.planned.intent_tags, rest) - before)

    def _grow_coarse(self: _LiftingDay) -> None:
        """Accessories (or extra main lifts on finisher days), one set at a time,
        finisher rounds — within the week's target share first, then the MRV share;
        stops when nothing more fits the window or the volume."""
        blocks, vol, index, high = self.blocks, self.vol, self.index, self.high
        middle, total = self.middle_block, self.total
        main_patterns, acc_patterns = self.main_patterns, self.rotation.patterns
        max_acc = max(1, (self.minutes - 15) // 10)
        # A push- or pull-only day also takes the side its week lacks (a pull
        # day of a push, pull, push week: :func:`.weekbalance.seen`).
        lean = self._week_lean() if one_sided(self.planned.intent_tags) else set()
        lack = self._lacking() or lean
        if middle == "FINISHER" and lack:
            # The finisher was drafted at its planned length; the side the day
            # lacks comes before its rounds (issue 10: working sets first).
            # In the focus's tag order, pull first, a pattern the day has not
            # trained first, then the one training a major group still short
            # this week (a bench press, not an overhead press, for a chest
            # pressed once): never a set's iteration order, which changes
            # with PYTHONHASHSEED.
            # A day whose side the week's budget holds spends it on the
            # group below MEV first (a second chest press, not an overhead
            # one, for a chest at 8 < MEV 10; issue 10).
            done = {d.movement.pattern for d in blocks["MAIN"] if d.hard}
            sides = tuple(t for t in self.planned.intent_tags if t in lack)
            floor = self._floor(sides, lean=False)
            need = (floor or ("",))[0]
            first = (
                bool(floor)
                and self._side_held()
                and below_mev(floor[1], vol.rows, self.inp.week_floors)
            )
            pull = sorted(
                sides,
                key=lambda t: (
                    t not in PULL_PATTERNS,
                    (t != need, t in done) if first else (t in done, t != need),
                ),
            )
            added = self._add_main(len(self.main_ids), pull[0])
            if added and total() > high and not self._make_room():
                d = blocks["MAIN"].pop()
                vol.add(index.facts[d.movement.id].credit, -d.sets)
        extra_main = len(self.main_ids)
        acc_full = False
        while total() < self.low:
            # One accessory more than the time rule allows when the day still
            # lacks a push or a pull (a 30-minute upper day still rows).
            # So does a hypertrophy-weighted day whose neediest major group
            # has been trained on fewer than two days this week.
            needs_day = self._floor_needs_day()
            # So does a re-built day whose side the week's budget holds, for
            # a major group still below MEV, when it fits as it is.
            held = not needs_day and self._floor_held_below_mev()
            room_for = max_acc + (1 if self._lacking() or needs_day or held else 0)
            if (
                middle == "ACCESSORY"
                and len(blocks["ACCESSORY"]) < room_for
                and not acc_full
            ):
                balancing = bool(self._lacking()) or needs_day
                if self._add_accessory():
                    if total() <= high or balancing and self._make_room():
                        continue
                    d = blocks["ACCESSORY"].pop()
                    vol.add(index.facts[d.movement.id].credit, -d.sets)
                    self.ctx.session_ids.discard(d.movement.id)
                    self.rotation.forget()
                    acc_full = True
                elif vol.allow is vol.soft:
                    vol.allow = vol.hard
                    continue
            # Hypertrophy-weighted finisher days take a fourth lift whatever
            # their main patterns, and up to FLOOR_MAX_LIFTS while the
            # neediest major group the day trains is still short this week
            # (below MEV or trained once): the major groups' floors come
            # first, before zone-2 cardio and stretches fill the time
            # (issue 10; RP, reference §3).
            pool = main_patterns + acc_patterns
            floor = (
                self._floor(floor_family(tuple(pool))) if middle == "FINISHER" else None
            )
            most = 4 if self.floors else min(4, len(main_patterns) + 1)
            if floor and floor_short(
                floor[1], vol.rows, primary_groups(blocks, index), self.inp.week_floors
            ):
                most = FLOOR_MAX_LIFTS
            if middle == "FINISHER" and extra_main < most:
                pattern = pool[extra_main % max(1, len(pool))]
                aim: frozenset[str] = frozenset()
                group = ""
                if floor:  # hypertrophy first: the neediest major group
                    pattern, aim = floor[0], floor_aim(floor)
                if floor and extra_main >= 4:
                    # A lift past the usual four is there for the group's
                    # MEV: one with it as a primary mover (a pulldown, not a
                    # face pull, for the back).
                    group = floor[1]
                # A day lacking a side takes it next, a pull before a push: a
                # push without a pull is never left (issue 10, reference §11).
                # The week's lean as it stands now, this session's lifts so
                # far counted (a push day whose bench press alone leaned it
                # no longer leans once it presses three lifts), and never a
                # pattern at the day's cap: the chest's fly, not a shoulder
                # press for a horizontal push the day cannot take.
                now = self._week_lean() if lean else frozenset()
                balance = sorted(
                    (
                        t
                        for t in pool
                        if t in self._lacking() | now and t not in self._at_cap()
                    ),
                    key=lambda t: t not in PULL_PATTERNS,
                )
                if balance:
                    pattern, aim, group = balance[0], frozenset(), ""
                balancing = bool(balance) or self._floor_needs_day()
                extra_main += 1
                if self._add_main(extra_main - 1, pattern, aim, group):
                    if total() <= high or balancing and self._make_room():
                        continue
                    d = blocks["MAIN"].pop()
                    vol.add(index.facts[d.movement.id].credit, -d.sets)
            if self._add_set():
                continue
            if middle == "FINISHER" and grow_finisher(
                blocks["FINISHER"], self.planned.finisher_minutes, total, high
            ):
                continue
            if vol.allow is vol.soft:
                vol.allow = vol.hard
                continue
            break
        if middle == "FINISHER" and extra_main < FLOOR_MAX_LIFTS:
            self._floor_lift_over_finisher(main_patterns + acc_patterns, extra_main)

    def _week_short(self: _LiftingDay) -> frozenset[str]:
        """The day's patterns of the side its week still lacks, counting this
        session (:func:`.weekbalance.week_short`)."""
        pull, push = week_sides(self.blocks, self.inp.week_pull_push)
        return week_short(self.planned.intent_tags, pull, push)

    def _make_room(self: _LiftingDay) -> bool:
        """Make the lift just added for push/pull balance (the last accessory, or
        on finisher days the last main lift) fit the window: working sets come
        before the finisher's length (issue 10), so a generated finisher first
        loses rounds (never below 2), then sets are trimmed elsewhere
        (accessories first, most sets first, never below their range), then the
        new lift's own sets down to its range. It then gets no more sets than
        any main lift. True when it fits; otherwise the caller drops it (the
        finisher keeps the rounds it lost, still within its time)."""
        blocks, vol, index = self.blocks, self.vol, self.index
        fin_day = self.middle_block == "FINISHER"
        new = blocks["MAIN"][-1] if fin_day else blocks["ACCESSORY"][-1]
        fin = blocks.get("FINISHER", [])
        while (
            self.total() > self.high
            and fin
            and fin[0].circuit_id is None
            and max(d.sets for d in fin) > 2
        ):
            for d in fin:
                d.sets = max(1, d.sets - 1)
        while self.total() > self.high:
            others = [
                d
                for d in blocks["MAIN"] + blocks.get("ACCESSORY", [])
                if d.hard and d is not new and d.sets > d.set_range[0]
            ]
            if not others:
                if new.sets <= max(2, new.set_range[0]):
                    return False
                new.sets -= 1
                vol.add(index.facts[new.movement.id].credit, -1)
                continue
            d = max(others, key=lambda d: (d.role == ExerciseRole.ACCESSORY, d.sets))
            d.sets -= 1
            vol.add(index.facts[d.movement.id].credit, -1)
        if new.role == ExerciseRole.MAIN:
            return True
        floor = self._main_floor()
        if new.sets > floor:
            vol.add(index.facts[new.movement.id].credit, floor - new.sets)
            new.sets = floor
        return True

    def _add_set(self: _LiftingDay) -> bool:
        """One more set on the hard exercise with the fewest sets (accessories
        first) that has volume room and still fits the window. An accessory never
        passes the fewest sets of a main lift; on accessory days a main lift grows
        only when it holds the accessories back (issue 10). False when none fits."""
        blocks, vol, index, middle = (
            self.blocks,
            self.vol,
            self.index,
            self.middle_block,
        )
        floor = self._main_floor()
        top_acc = max(
            (d.sets for d in blocks[middle] if d.role == ExerciseRole.ACCESSORY),
            default=0,
        )
        for d in sorted(
            blocks[middle] + blocks["MAIN"],
            key=lambda d: (d.role == ExerciseRole.MAIN, d.sets, -d.total),
        ):
            if not d.hard or d.sets >= d.set_range[1]:
                continue
            if d.role == ExerciseRole.ACCESSORY and d.sets >= floor:
                continue
            if (
                d.role == ExerciseRole.MAIN
                and middle == "ACCESSORY"
                and d.sets > top_acc
            ):
                continue
            credit = index.facts[d.movement.id].credit
            if vol.room(credit) < 1:
                continue
            d.sets += 1
            if self.total() > self.high:
                d.sets -= 1
                continue
            vol.add(credit, 1)
            return True
        return False
