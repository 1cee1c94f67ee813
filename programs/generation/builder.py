"""Lifting sessions: warm-up, (skill), main lifts, accessory XOR finisher, cool-down,
fitted to the session budget within ±5 %.

Six modules build a lifting day. This one holds the phases in order
(:func:`lifting_day`: skill, mains, middle, grow, shrink, finish) and the main
lifts (kept for progressive overload); deload
weeks copy last week's session with half the sets and RPE − 2 and are shorter by
design; later loading weeks of a mesocycle carry the day's exercises with the
planned volume step (:mod:`.carry`, issue 10). :mod:`.fitting` grows and shrinks the session to its budget (coarse
growth: accessories and sets up to the week's target share, then the MRV share,
RP §3, with the floor work of :mod:`.floorfit`; fine growth, :mod:`.finegrowth`: rests, drills, stretches, zone-2
cardio; seeds 000 fork 8.1
time tolerance). :mod:`.balance` keeps push and pull in the session and the week
(issue 10); :mod:`.accessories` picks the accessories (the side a session
lacks, then the floors, then the rotation). When the budget cannot be reached without passing MRV or RP's 12 sets
per muscle per session, or the library runs out, the session stays short and
says so in its rationale (deliberate degrade).
"""

from __future__ import annotations

from .accessories import AccessoryPicks
from .balance import (
    FREQUENCY_MIN_DAYS,
    MAJOR_GROUPS,
    PATTERN_GROUP,
    available_sides,
    balance_note,
    floor_leads,
    floor_pattern,
    hypertrophy_weighted,
    lacking,
    pattern_capped,
    patterns_at_cap,
    primary_groups,
    side_of,
    week_lean,
)
from .blocks import (
    Built,
    SessionInput,
    add_stretch,
    attach,
    base_stretches,
    deload_copy,
    finish_lifting,
    new_context,
    sub_context,
    warmup_block,
    warmup_drills,
    window,
)
from .carry import carry_day
from .errors import GenerationError
from .families import slot_repeats
from .finegrowth import FineGrowth
from .finishers import build_finisher, finisher_rationale
from .fitting import SessionFit
from .floorfit import FloorFit
from .heuristics import (
    DELOAD_VOLUME_MULTIPLIER,
    SKILL_PRACTICE_MIN_WEIGHT,
)
from .optimizer import Pick, commit, free_weight_first, pick
from .periodization import main_scheme, rpe_cap
from .planner import MAIN_CAPABLE
from .prescription import Draft, main_rx, skill_rx
from .rotation import AccessoryRotation
from .scorer import Slot, score
from .splits import FOCI, PULL_PATTERNS, PUSH_PATTERNS
from .timing import total_seconds
from .types import ExerciseRole, Goal, ProgressionStyle
from .volume import SessionVolume, rows_of

LOWER_PATTERNS = frozenset({"squat", "hinge", "lunge"})
#: The lower-body major groups (RP landmarks, reference §3).
LEG_GROUPS = frozenset({"quadriceps", "hamstrings"})


def lifting_day(inp: SessionInput) -> Built:
    """Build one lifting session (see module doc): deload weeks copy last week's
    session; otherwise the phases of :class:`_LiftingDay` run in order — skill,
    mains, middle, grow, shrink, finish. Raises GenerationError when no main lift
    fits the day."""
    if inp.scheme.is_deload and inp.previous:
        return _deload_day(inp)
    day = _LiftingDay(inp)
    if inp.carry:
        return carry_day(day, inp.carry)
    day.skill()
    day.mains()
    day.middle()
    day.grow()
    day.shrink()
    return day.finish()


def _deload_day(inp: SessionInput) -> Built:
    """Last week's session with about half the sets and RPE − 2, same exercises
    (reference §7: Bell 2023, Rogerson 2024)."""
    vol = SessionVolume(inp.soft_allow, inp.hard_allow)
    blocks = deload_copy(inp.previous or {}, DELOAD_VOLUME_MULTIPLIER)
    for d in (d for drafts in blocks.values() for d in drafts if d.hard):
        vol.add(inp.index.facts[d.movement.id].credit, d.sets)
    mins = round(total_seconds(blocks) / 60)
    minutes = inp.spec.request.max_session_minutes
    goal = inp.planned.dominant_goal or Goal.HYPERTROPHY
    rationale = [
        f"Deload: last week's session with about half the sets, {mins} of {minutes} min by design."
    ]
    note = balance_note(
        inp.planned.intent_tags, blocks, minutes, True, available_sides(inp.index)
    )
    if note:
        rationale.append(note)
    rationale.extend(finisher_rationale(inp, blocks.get("FINISHER", [])))
    for d in blocks.get("COOLDOWN", []):
        if d.duration and d.duration >= 300:
            rationale.append(
                f"Easy zone-2 {d.movement.name.lower()} for {d.duration // 60} min "
                "kept from last week: low-fatigue aerobic work suits a deload."
            )
    return finish_lifting(inp, blocks, vol, {}, rationale, goal)


class _LiftingDay(AccessoryPicks, SessionFit, FloorFit, FineGrowth):
    """The build state of one (non-deload) lifting session.

    ``blocks`` maps a block name (WARMUP, MAIN, ACCESSORY or FINISHER, COOLDOWN) to
    its drafts in order; ``vol`` counts the session's hard sets against the week's
    allowances (soft: the week's target share, hard: the MRV share); ``ctx`` is the
    scorer's context (movements already in the session, muscles covered). The
    phases mutate this state and must run in the order :func:`lifting_day` calls
    them: every pick draws from ``inp.rng``, so the order fixes the output.
    Times are seconds; ``low``/``high`` are the ±5 % fit window.
    """

    def __init__(self, inp: SessionInput) -> None:
        self.inp, self.index, self.planned = inp, inp.index, inp.planned
        planned, spec, athlete = inp.planned, inp.spec, inp.spec.athlete
        self.weights = {gw.goal: gw.weight for gw in spec.request.goals}
        self.goal = planned.dominant_goal or Goal.HYPERTROPHY
        self.targets = frozenset(FOCI[planned.focus].target_muscles)
        self.minutes = spec.request.max_session_minutes
        self.low, self.high = window(inp)
        self.ctx = new_context(inp, self.targets)
        # One exercise per slot unless the day calls for repeats (families).
        self.ctx.slot_repeats = slot_repeats(
            pattern_capped(planned.intent_tags),
            self.goal == Goal.HYPERTROPHY,
            self.minutes,
            rows_of(self.targets),
        )
        self.ctx.ballistic_ok = self.goal not in (Goal.STRENGTH, Goal.HYPERTROPHY)
        self.vol = SessionVolume(inp.soft_allow, inp.hard_allow)
        self.middle_block = "FINISHER" if planned.finisher_minutes else "ACCESSORY"
        self.rationale: list[str] = []
        minutes = self.minutes
        self.blocks: dict[str, list[Draft]] = {
            "WARMUP": warmup_block(inp, self.ctx, warmup_drills(minutes)),
            "MAIN": [],
            self.middle_block: [],
            "COOLDOWN": [],
        }
        self.exp, self.aggr = athlete.experience_level, athlete.persona_aggression
        self.cap = rpe_cap(self.exp, self.aggr)
        self.week = inp.scheme
        self.main_patterns = [t for t in planned.intent_tags if t in MAIN_CAPABLE]
        self.main_ids: dict[tuple[str, int], tuple[int, tuple[str, ...]]] = {}
        self.rotation = AccessoryRotation(planned.intent_tags, self.main_patterns)
        self.scheme = main_scheme(self.goal, inp.style, self.week, self.exp, self.aggr)
        # Main-lift sets follow the week's volume in single and double
        # progression, and in any deload week (half the sets, reference §7).
        self.scale = self.week.is_deload or inp.style in (
            ProgressionStyle.SINGLE_PROGRESSION,
            ProgressionStyle.DOUBLE_PROGRESSION,
        )
        self.cctx = self.ctx  # the cool-down's own context, from middle() on
        #: Patterns the first main lift may keep from the focus's cache (None:
        #: any; PULL_PATTERNS on a short day leading with a pull for balance).
        self.main_side: frozenset[str] | None = None
        #: A carried day (:mod:`.carry`): id(draft) → its sets last week.
        self.carried_from: dict[int, int] = {}
        #: A carried day: its hard sets per landmark row last week × the
        #: planned step (:func:`.carry.step_expected`).
        self.step_expected: dict[str, float] = {}
        #: Hypertrophy-weighted: extra work aims at the major groups' MEV first.
        self.floors = hypertrophy_weighted(self.weights)
        #: The major groups the day's focus targets: an isolation slot may aim
        #: at them for the floors (:func:`.balance.floor_pattern`).
        self.aimable = rows_of(FOCI[planned.focus].target_muscles) & frozenset(
            MAJOR_GROUPS
        )

    def total(self) -> int:
        """The session's estimated seconds as drafted so far."""
        return total_seconds(self.blocks)

    def _lacking(self) -> frozenset[str]:
        """The day's push or pull patterns still missing from its hard work."""
        return lacking(self.planned.intent_tags, self.blocks)

    def _week_lean(self) -> frozenset[str]:
        """The side the week so far leans away from (:func:`.balance.week_lean`)."""
        return week_lean(self.planned.intent_tags, self.blocks, self.inp.week_pull_push)

    def _floor(
        self, tags: tuple[str, ...] | None = None, lean: bool = True
    ) -> tuple[str, str] | None:
        """(pattern, major group) of the neediest major group on a hypertrophy-
        weighted day (:func:`.balance.floor_pattern`: fewer than two days this
        week, then furthest below MEV), among ``tags`` (the day's intent
        patterns by default) minus those at the day's pattern cap and (``lean``)
        those the week's pull:push leans away from; else None."""
        if not self.floors:
            return None
        leans = self._leans_off() if lean else frozenset()
        capped = self._at_cap()
        return floor_pattern(
            self.planned.intent_tags if tags is None else tags,
            self.vol.rows,
            leans | capped,
            self.inp.week_floors,
            primary_groups(self.blocks, self.index),
            self.aimable,
            capped - leans,
        )

    def _leans_off(self) -> frozenset[str]:
        """Push patterns while the week so far pulls less than it pushes, pull
        patterns past 1.8 pulls per push (:func:`.balance.week_lean`'s other
        side): floor work does not tip the weekly pull:push out of 0.8–2.0."""
        lean = week_lean(
            PUSH_PATTERNS | PULL_PATTERNS, self.blocks, self.inp.week_pull_push
        )
        if lean & PULL_PATTERNS:
            return PUSH_PATTERNS
        if lean & PUSH_PATTERNS:
            return PULL_PATTERNS
        return frozenset()

    def _at_cap(self) -> frozenset[str]:
        """Patterns with two hard exercises already (:func:`.balance.patterns_at_cap`)."""
        hard = [d.movement.pattern for ds in self.blocks.values() for d in ds if d.hard]
        return patterns_at_cap(hard, self.planned.intent_tags)

    def _main_floor(self) -> int:
        """The fewest sets of any main lift: no accessory gets more (priorities,
        issue 10: the main lift is the session's point). 99 without main lifts."""
        sets = [d.sets for d in self.blocks["MAIN"] if d.role == ExerciseRole.MAIN]
        return min(sets, default=99)

    # -- phases ------------------------------------------------------------
    def skill(self) -> None:
        """SKILL-role practice opens the MAIN block on SKILL days, or when SKILL
        has $2+ of the goal budget (reference §13): Olympic lifts when the athlete
        may do them, else plyometrics."""
        goal, index = self.goal, self.index
        if not (
            goal == Goal.SKILL
            or self.weights.get(Goal.SKILL, 0) >= SKILL_PRACTICE_MIN_WEIGHT
        ):
            return
        pattern = "olympic" if index.olympic_main_ok else "plyometric"
        slot = Slot("skill", ExerciseRole.SKILL, pattern, self.targets, est_seconds=480)
        p = pick(index, slot, self.ctx, self.inp.rng)
        if p is not None:
            commit(p, self.ctx)
            self.blocks["MAIN"].append(attach(skill_rx(p.facts.m), p))

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

    def middle(self) -> None:
        """The finisher (on finisher days; accessories come while growing), then
        the cool-down's base stretches."""
        inp = self.inp
        if self.middle_block == "FINISHER":
            self.blocks["FINISHER"] = build_finisher(
                inp, self.ctx, self.weights, self.planned.finisher_minutes
            )
            self.rationale.extend(finisher_rationale(inp, self.blocks["FINISHER"]))
        self.cctx = sub_context(self.ctx, frozenset(self.ctx.covered) | self.targets)
        self.blocks["COOLDOWN"] = [
            d for _ in range(base_stretches(inp)) for d in add_stretch(inp, self.cctx)
        ]

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

    def finish(self) -> Built:
        """Say in the rationale when the session misses the window (deliberate
        degrade: MRV share reached or library exhausted), then finalise it."""
        inp, vol, minutes = self.inp, self.vol, self.minutes
        floor = self._main_floor()
        capped = False
        for d in self.blocks[self.middle_block]:
            if d.role == ExerciseRole.ACCESSORY and d.sets > floor:
                vol.add(self.index.facts[d.movement.id].credit, floor - d.sets)
                d.sets = floor
                capped = True
        if capped and self.total() < self.low:
            self._grow_fine()  # the time the capped sets gave back
        note = balance_note(
            self.planned.intent_tags,
            self.blocks,
            minutes,
            self.total() >= self.low,
            available_sides(self.index),
        )
        if note:
            self.rationale.append(note)
        secs = self.total()
        if secs < self.low:
            why = (
                self._why_no_more_sets() or "the library has no more suitable movements"
            )
            self.rationale.append(
                f"Shorter than the budget ({secs / 60:.0f} of {minutes} min): {why}; more sets would not be productive."
            )
        elif secs > self.high:
            self.rationale.append(
                f"Longer than the budget ({secs / 60:.0f} of {minutes} min): the minimum session did not fit."
            )
        for d in (d for ds in self.blocks.values() for d in ds if d.hard):
            if d.planned_multiplier is None:
                d.planned_multiplier = self.week.volume_multiplier
        if not self.main_ids:  # a carried day: its main lifts as they stand
            mains = [d for d in self.blocks["MAIN"] if d.role == ExerciseRole.MAIN]
            for i, d in enumerate(mains):
                self.main_ids[(self.planned.focus, i)] = (d.movement.id, ())
        return finish_lifting(
            inp, self.blocks, vol, self.main_ids, self.rationale, self.goal
        )

    # -- steps -------------------------------------------------------------
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
