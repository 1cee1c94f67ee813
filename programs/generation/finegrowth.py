"""Fine growth of a lifting session: the time productive volume leaves (rests
inside their ranges, warm-up drills, cool-down stretches, then easy zone-2
cardio on sessions of an hour or more), and the rationale's words for why
coarse growth stopped adding sets.

:class:`FineGrowth` holds these steps of :class:`.builder._LiftingDay` (which
inherits it with :class:`.fitting.SessionFit`; the build state lives there).
Split from :mod:`.fitting` along its coarse/fine seam.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .blocks import add_drill, add_stretch, attach, sub_context
from .optimizer import commit, pick
from .prescription import Draft
from .scorer import Slot
from .types import ExerciseRole
from .volume import SESSION_SET_CAP
from .weekbalance import capped_rows_note

if TYPE_CHECKING:
    from .builder import _LiftingDay

REST_STEP = 15
#: Zone-2 cardio fills sessions (from this many minutes) that productive volume
#: cannot, 5 to 45 minutes (issue 10; ACSM 2011, reference §2c: ≥ 150 min a week
#: of moderate aerobic work, ≥ 30 min a day; the 45-min cap is Alloy's choice [U]).
ZONE2_MIN_SESSION = 60
ZONE2_MAX_SECONDS = 2700


class FineGrowth:
    """The fine-growth steps of a lifting day (see module doc)."""

    def _grow_fine(self: _LiftingDay) -> None:
        """Rests inside their ranges, then spare time beyond productive volume
        goes to mobility: more warm-up drills and cool-down stretches, more of
        them on longer sessions (ACSM flexibility §2c)."""
        inp, blocks, low, total = self.inp, self.blocks, self.low, self.total
        changed = True
        while total() < low and changed:
            changed = False
            for d in blocks["MAIN"] + blocks[self.middle_block]:
                if (
                    d.hard
                    and d.sets > 1
                    and d.rest + REST_STEP <= d.rest_range[1]
                    and total() < low
                ):
                    d.rest += REST_STEP
                    changed = True
        wctx = sub_context(self.ctx, self.targets)
        max_drills, max_stretches = 4 + self.minutes // 30, 6 + self.minutes // 20
        while total() < low and len(blocks["WARMUP"]) < max_drills:
            more = add_drill(inp, wctx)
            if not more:
                break
            blocks["WARMUP"] += more
        while total() < low and len(blocks["COOLDOWN"]) < max_stretches:
            more = add_stretch(inp, self.cctx)
            if not more or any(d.duration is None for d in more):
                # Only held stretches fill a cool-down: once the usable ones run
                # out the pick relaxes to a rep drill (leg swings), which is not one.
                break
            blocks["COOLDOWN"] += more
        self._zone2()

    def _zone2(self: _LiftingDay) -> None:
        """A session of an hour or more still short of its window after productive
        volume, drills and stretches opens its cool-down with easy zone-2 cardio
        for the gap (5–45 min at RPE 3–4: low-fatigue aerobic work, ACSM 2011,
        reference §2c; issue 10: fill long sessions sensibly, not short). An
        enjoyable activity first; the rationale says why it is there."""
        if self.minutes < ZONE2_MIN_SESSION or self.total() >= self.low:
            return

        want = max(300, round((self.minutes * 60 - self.total()) / 60) * 60)
        gap = min(ZONE2_MAX_SECONDS, int(self.high - self.total()) // 60 * 60, want)
        if gap < 300:
            return
        slot = Slot("cardio", ExerciseRole.COOLDOWN, est_seconds=gap)
        p = pick(self.index, slot, self.cctx, self.inp.rng)
        if p is None:
            return
        commit(p, self.cctx)
        d = attach(Draft(p.facts.m, ExerciseRole.COOLDOWN, 1, duration=gap, rpe=4.0), p)
        self.blocks["COOLDOWN"].insert(0, d)
        why = self._why_no_more_sets() or (
            "the day holds as many lifts as its rules allow"
        )
        self.rationale.append(
            f"Easy zone-2 {p.facts.m.name.lower()} for {gap // 60} min opens the "
            f"cool-down: {why}."
        )

    def _why_no_more_sets(self: _LiftingDay) -> str:
        """Why coarse growth stopped adding hard sets, as the rationale says it:
        the rows at their session cap (:func:`.weekbalance.capped_rows_note`:
        the MRV share, RP's 12 sets a session, the pull:push budget), else every
        hard lift at the top of its set range (a beginner's 3 sets: seeds 000
        prescription tables), else "" (the caller names its own reason)."""
        full = sorted(
            r
            for r, v in self.vol.rows.items()
            if v >= min(SESSION_SET_CAP, self.inp.hard_allow.get(r, 99)) - 0.5
        )
        if full:
            return capped_rows_note(full)
        hard = [d for ds in self.blocks.values() for d in ds if d.hard]
        if hard and all(d.sets >= d.set_range[1] for d in hard):
            top = max(d.set_range[1] for d in hard)
            return (
                f"every lift is at the most sets its prescription allows ({top}), "
                "and the day holds as many lifts as its rules allow"
            )
        return ""
