"""Accessory picks of a lifting day: the side a session lacks first, then the
neediest major group's floor, then the rotation (issue 10).

:class:`AccessoryPicks` holds the accessory steps of :class:`.builder._LiftingDay`
(which inherits it, as it inherits :class:`.fitting.SessionFit`); the build
state — ``blocks``, ``vol``, ``ctx``, ``rotation`` — lives there. An accessory
never gets more sets than the session's fewest main-lift sets (priorities,
issue 10), nor more than the week's volume share allows (RP §3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .balance import (
    GROUP_MUSCLES,
    below_mev,
    floor_aim,
    floor_family,
    floor_short,
    primary_groups,
    week_sides,
)
from .blocks import attach
from .optimizer import Pick, commit
from .prescription import accessory_rx
from .splits import FOCI, PULL_PATTERNS
from .volume import rows_of

if TYPE_CHECKING:
    from .builder import _LiftingDay


class AccessoryPicks:
    """The accessory picking steps of a lifting day (see module doc)."""

    def _add_accessory(self: _LiftingDay) -> bool:
        """Draft the rotation's next accessory; False when none is left. A side
        the session still lacks (push or pull) is searched first within the
        MRV share, before any other pattern within the week's target share
        (issue 10: a pull is non-negotiable on a day that pushes)."""
        vol, full = self.vol, self._at_cap()  # no third press on an upper day
        lack = self._lacking()
        if lack and vol.allow is not vol.hard:
            # The side's pattern that trains the neediest major group first,
            # by a lift with it as a primary mover (a bench press, not a
            # close-grip one, for the chest); when none of the day's own
            # patterns of that side does, one of the side the focus does not
            # list: a full-body B day lacking its press, with the week's chest
            # the neediest group, presses on the bench or incline rather than
            # overhead (RP chest: horizontal and incline press, reference §3,
            # §11), while its pull stays vertical.
            side = floor_family(tuple(sorted(lack)))
            pref = self._floor(tuple(sorted(lack)), lean=False)
            wide = None if pref else self._floor(side, lean=False)
            if wide and floor_short(
                wide[1], self.vol.rows, primary_groups(self.blocks, self.index),
                self.inp.week_floors,
            ):  # fmt: skip
                pref = wide
            aim = pref if pref and pref[0] in side else ("", "")
            p = self.rotation.next(
                self.index,
                self.ctx,
                self.inp.rng,
                self.targets,
                hard_tier=True,
                first=True,
                usable=lambda f: (
                    vol.usable(f, 2, hard=True)
                    and f.m.pattern not in full
                    and (f.m.pattern != aim[0] or aim[1] in f.prows)
                ),
                balance=frozenset({aim[0]}) if aim[0] else lack,
                only=lack | {aim[0]} if aim[0] else lack,
            )
            if p is not None:
                self._draft_accessory(p, hard=True)
                return True
        floor = self._floor()
        if floor and floor_short(
            floor[1],
            self.vol.rows,
            primary_groups(self.blocks, self.index),
            self.inp.week_floors,
        ):
            # A major group still below MEV or trained once this week: its
            # pattern first, within the MRV share (issue 10: a leg curl or RDL
            # on the squat day, a fly for a chest short of MEV); a compound
            # lift for it has the group as a primary mover (a bench press,
            # not a close-grip one, for the chest). The week's last session for
            # a group still below MEV may give it a second exercise of a slot.
            if self._last_chance(floor[1]):
                self.ctx.slot_extra = frozenset({floor[1]})
            p = self.rotation.next(
                self.index,
                self.ctx,
                self.inp.rng,
                GROUP_MUSCLES[floor[1]],
                hard_tier=True,
                first=False,
                usable=lambda f: (
                    vol.usable(f, 2, hard=True)
                    and f.m.pattern not in full
                    and (floor[0] == "isolation" or floor[1] in f.prows)
                ),
                balance=frozenset(floor[:1]),
                only=frozenset(floor[:1]),
                aim=floor_aim(floor),
            )
            self.ctx.slot_extra = frozenset()
            if p is not None:
                self._draft_accessory(p, hard=True)
                return True
        lean = self._week_lean()
        pulls = frozenset(self.planned.intent_tags) & PULL_PATTERNS
        pull, push = week_sides(self.blocks, self.inp.week_pull_push)
        p = None
        if pulls and pull <= push and not self._slot_room(pulls):
            # The week pulls no more than it presses and the day's own pulling
            # plane has its exercise: a pull of the other plane (a row after
            # the pull-up) before any other pattern, rather than a second
            # press (RP back: both planes; pull:push ≥ 0.8, reference §11; the
            # slot rule, :func:`.families.session_slot`).
            p = self.rotation.next(
                self.index, self.ctx, self.inp.rng, self.targets,
                hard_tier=vol.allow is self.inp.hard_allow, first=False,
                usable=lambda f: vol.usable(f, 2) and f.m.pattern not in full,
                balance=PULL_PATTERNS, only=PULL_PATTERNS,
            )  # fmt: skip
        p = p or self.rotation.next(
            self.index,
            self.ctx,
            self.inp.rng,
            self.targets,
            hard_tier=vol.allow is self.inp.hard_allow,
            first=not self.blocks["ACCESSORY"],
            usable=lambda f: vol.usable(f, 2) and f.m.pattern not in full,
            balance=self._lacking() | lean | frozenset(floor[:1] if floor else ()),
            aim=floor_aim(floor),
        )
        if p is None:
            return False
        self._draft_accessory(p)
        return True

    def _slot_room(self: _LiftingDay, patterns: frozenset[str]) -> bool:
        """Whether one of ``patterns`` still has room for a back exercise in
        the session (:func:`.optimizer.slot_open`'s count)."""
        ctx = self.ctx
        limit = 1 + ("back" in ctx.slot_repeats) + ("back" in ctx.slot_extra)
        return any(ctx.slots.get((p, "back"), 0) < limit for p in patterns)

    def _last_chance(self: _LiftingDay, group: str) -> bool:
        """Whether ``group`` (a major group) is still below its MEV this week
        and no later lifting session of the week targets it: this session is
        its last chance, so the floor may take one more exercise of one of its
        slots (RP: MEV is the least weekly volume that grows the muscle,
        reference §3; :func:`.families.slot_repeats` for the rule it bends)."""
        if not below_mev(group, self.vol.rows, self.inp.week_floors):
            return False
        day = self.planned.day_index
        return not any(
            group in rows_of(FOCI[s.focus].target_muscles)
            for s in self.inp.microcycle.sessions
            if s.day_index > day and s.focus in FOCI
        )

    def _draft_accessory(self: _LiftingDay, p: Pick, hard: bool = False) -> None:
        """Prescribe a picked accessory, capped by the volume room it has
        (``hard``: within the MRV share rather than the current tier)."""
        commit(p, self.ctx)
        week, vol = self.week, self.vol
        d = attach(
            accessory_rx(
                p.facts.m,
                self.goal,
                self.exp,
                week.volume_multiplier,
                week.rpe_offset,
                self.cap,
            ),
            p,
        )
        d.sets = min(d.sets, vol.room(p.facts.credit, hard=hard), self._main_floor())
        vol.add(p.facts.credit, d.sets)
        self.blocks["ACCESSORY"].append(d)
