"""A lifting day's main lifts (a mixin of :class:`.builder._LiftingDay`).

One main lift per main-capable intent pattern, two at most (one under 45 min),
last week's lift kept for progressive overload when it still fits; the lead
follows the week's push/pull and floors (issue 10: a short upper day leads
with a pull once the week has pushed more, a major group trained on fewer than
two days leads) and, on full-body weeks short of lower-body lifts, one lift
trains both quadriceps and hamstrings (Schoenfeld 2016, reference §4).
"""

from __future__ import annotations

from .balance import FREQUENCY_MIN_DAYS, PATTERN_GROUP, floor_leads, side_of
from .blocks import attach
from .errors import GenerationError
from .optimizer import Pick, commit, free_weight_first, pick
from .prescription import main_rx
from .scorer import Slot, score
from .splits import PULL_PATTERNS, PUSH_PATTERNS
from .types import ExerciseRole, Goal

LOWER_PATTERNS = frozenset({"squat", "hinge", "lunge"})
#: The lower-body major groups (RP landmarks, reference §3).
LEG_GROUPS = frozenset({"quadriceps", "hamstrings"})


class MainLifts:
    """The main-lift steps of a lifting day; the state (``inp``, ``index``,
    ``ctx``, ``vol``, ``blocks``, ``main_ids``, ``main_side``...) is the
    day's (:class:`.builder._LiftingDay`)."""

    def mains(self) -> None:
        """One main lift per main-capable intent pattern, two at most (one under
        45 min); a pattern listed twice lifts its major group twice. Raises
        GenerationError when none fits."""
        count = 1 if self.minutes < 45 else 2
        patterns = self.main_patterns
        if count == 1:
            # One main lift on a day that both pushes and pulls: lead with a
            # pull once the week has pushed at least as many hard sets as it
            # pulled, so short upper days balance over the week (issue 10).
            pulls, pushes = self.inp.week_pull_push
            pull_first = [p for p in patterns if p in PULL_PATTERNS]
            if pull_first and patterns[0] in PUSH_PATTERNS and 0 < pushes >= pulls:
                patterns = [pull_first[0], *(p for p in patterns if p != pull_first[0])]
                # A second day of the same focus in the week leads with the pull
                # too, not with the push lift its focus cached.
                self.main_side = PULL_PATTERNS
        if self.floors:  # a major group short of two days leads (issue 10)
            patterns = floor_leads(patterns, count, self.inp.week_floors)
        both = self._both_legs(patterns[:count])
        for i, pattern in enumerate(patterns[:count]):
            if both and pattern in LOWER_PATTERNS:
                both, lead = frozenset(), self._add_main(i, "hinge", need=both)
                if lead:
                    self.rationale.append(
                        f"{self.blocks['MAIN'][-1].movement.name} leads instead of "
                        f"a {pattern}: the week's full-body days hold fewer "
                        "lower-body lifts than the days quadriceps and hamstrings "
                        "need, so one lift trains both (twice a week each, "
                        "Schoenfeld 2016)."
                    )
                    continue
            # A focus that lists its main pattern twice (the chest day: a bench
            # press, then an incline press) wants the repeat for the pattern's
            # major group: a staple or common lift with it as a primary mover,
            # not a close-grip bench for the triceps (issue 10).
            group = PATTERN_GROUP.get(pattern, "") if pattern in patterns[:i] else ""
            if not (group and self._add_main(i, pattern, group=group)):
                self._add_main(i, pattern)
        if not any(d.role == ExerciseRole.MAIN for d in self.blocks["MAIN"]):
            raise GenerationError(f"no main lift available for {self.planned.focus}")

    def _both_legs(self, leads: list[str]) -> frozenset[str]:
        """Quadriceps and hamstrings when this full-body day's one lower-body
        lift must train both: each is short of two days this week and the
        day and the week's later lifting days hold fewer lower-body lifts
        than their days missing (three full-body days give the legs three
        lifts for the four days the two groups need), in a week of ≥ 3
        lifting days (the twice-a-week rule's). A lift with both as
        primary movers (a trap-bar deadlift) then leads (Schoenfeld 2016,
        reference §4; issue 10); from 60 minutes, whose accessories have room
        for the other group, only on the last such day when the day leads with
        a squat or a hinge: the week keeps both (a beginner's 60-min full-body
        week had trap-bar deadlift, deadlift and walking lunge, and no squat).
        Empty otherwise."""
        week, tags = self.inp.week_floors, set(self.planned.intent_tags)
        if (
            week is None
            or not tags & LOWER_PATTERNS
            or not tags & (PUSH_PATTERNS | PULL_PATTERNS)
        ):
            return frozenset()
        lifting = [s for s in self.inp.microcycle.sessions if "MAIN" in s.blocks]
        missing = [max(0, 2 - week.days.get(g, 0)) for g in LEG_GROUPS]
        later = sum(
            1
            for s in lifting
            if s.day_index > self.planned.day_index
            and set(s.intent_tags) & LOWER_PATTERNS
        )
        lead = next((p for p in leads if p in LOWER_PATTERNS), "")
        if (
            len(lifting) >= FREQUENCY_MIN_DAYS
            and min(missing)
            and sum(missing) > 1 + later
            and not (later and lead in ("squat", "hinge") and self.minutes >= 60)
        ):
            return LEG_GROUPS
        return frozenset()

    def _add_main(
        self,
        i: int,
        pattern: str,
        aim: frozenset[str] = frozenset(),
        group: str = "",
        need: frozenset[str] = frozenset(),
    ) -> bool:
        """The i-th main lift on ``pattern``: last week's lift for this focus and
        slot when it still fits (progressive overload), else a fresh pick with
        room for 2+ hard sets. ``aim``: the muscles the slot targets (an
        isolation lift for a major group below its floor) instead of the
        day's. ``group``: a major group the lift is for (a floor lift past the
        usual four): only a staple or common lift of the pattern with it as a
        primary mover (a pulldown, not a face pull, for the back). ``need``:
        major groups the lift must train as primary movers (:meth:`_both_legs`).
        False when nothing fits."""
        inp, index, ctx, vol, week = self.inp, self.index, self.ctx, self.vol, self.week
        slot = Slot(
            "lift",
            ExerciseRole.MAIN,
            pattern,
            aim or self.targets,
            main=True,
            hard=True,
            est_seconds=900,
            strength=self.goal == Goal.STRENGTH,
        )
        focus = self.planned.focus
        cached, kept_notes = inp.main_cache.get((focus, i), (None, ()))
        p: Pick | None = None
        if (
            cached is not None
            and cached in index.facts
            and (not group or group in index.facts[cached].prows)
            and cached not in ctx.session_ids
            and index.facts[cached].family not in ctx.families
            and not free_weight_first(index.facts[cached], slot, index)
            and index.facts[cached].m.pattern not in self._at_cap()
            and (
                i
                or self.main_side is None
                or index.facts[cached].m.pattern in self.main_side
            )
            # A later slot asked for the other side (push/pull balance) does not
            # keep a cached lift of the wrong side.
            and (not i or side_of(index.facts[cached].m.pattern) == side_of(pattern))
            and need <= index.facts[cached].prows
        ):
            f = index.facts[cached]
            if vol.room(f.credit, hard=True) >= 2:
                total, dims, notes = score(f, slot, ctx, 0)
                notes = (*notes, *kept_notes, "main lift kept for progressive overload")
                p = Pick(f, round(total, 4), dims, 0, notes)
        full = self._at_cap()
        if p is None and group:
            p = pick(
                index, slot, ctx, inp.rng,
                usable=lambda f: vol.usable(f, 2, hard=True) and f.m.pattern not in full
                and group in f.prows and not f.tier_class,
                max_step=0,
            )  # fmt: skip
        if p is None and not group:
            p = pick(
                index, slot, ctx, inp.rng,
                usable=lambda f: (
                    vol.usable(f, 2, hard=True)
                    and f.m.pattern not in full
                    and need <= f.prows
                ),
            )  # fmt: skip
        if p is None:
            return False
        commit(p, ctx, main=True)
        goal, exp = self.goal, self.exp
        d = attach(
            main_rx(
                p.facts.m, goal, self.scheme, exp, week.volume_multiplier, self.scale
            ),
            p,
        )
        if i >= 1:
            d.sets = max(2, d.sets - 1)
            if d.rpe is not None:
                d.rpe = max(6.0, d.rpe - 0.5)
        d.sets = min(d.sets, vol.room(p.facts.credit, hard=True))
        vol.add(p.facts.credit, d.sets)
        self.blocks["MAIN"].append(d)
        subs = tuple(n for n in p.notes if n.startswith("substituted for"))
        self.main_ids[(focus, i)] = (p.facts.m.id, subs)
        return True
