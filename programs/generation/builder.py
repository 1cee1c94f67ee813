"""Lifting sessions: warm-up, (skill), main lifts, accessory XOR finisher, cool-down,
fitted to the session budget within ±5 %.

Fit (seeds 000 fork 8.1 time tolerance; seeds 002 time tables): coarse growth adds
accessories (or, on finisher days, further main-role lifts and finisher rounds)
and accessory sets while weekly volume allows — first up to the week's target for
the day's focus muscles (MEV → MAV ramp, RP §3), then up to the MRV share for any
muscle — then fine growth lengthens rests inside each prescription's range and
spends spare time on mobility: warm-up drills and cool-down stretches (60 s each,
more of them on longer sessions). Accessories rotate through the day's patterns,
least-used first, trunk work last. Over budget, the lowest-scored accessory goes
first, then sets, then extras. When the budget cannot be reached without passing
MRV or RP's 12 sets per muscle per session, or the library runs out, the session
stays short and says so in its rationale (deliberate degrade). Deload weeks copy
last week's session with half the sets and RPE − 2 and are shorter by design.
"""

from __future__ import annotations

from dataclasses import replace

from .blocks import (
    Built,
    SessionInput,
    add_drill,
    add_stretch,
    attach,
    base_stretches,
    deload_copy,
    finish_lifting,
    new_context,
    sub_context,
    warmup_block,
    window,
)
from .errors import GenerationError
from .finishers import build_finisher, grow_finisher
from .heuristics import (
    AGGRESSION,
    DELOAD_VOLUME_MULTIPLIER,
    SKILL_PRACTICE_MIN_WEIGHT,
)
from .optimizer import Pick, commit, pick
from .periodization import main_scheme, rpe_cap
from .planner import MAIN_CAPABLE
from .prescription import Draft, accessory_rx, load_percent, main_rx, skill_rx
from .rotation import AccessoryRotation
from .scorer import Slot, score
from .splits import FOCI, PULL_PATTERNS, PUSH_PATTERNS
from .timing import total_seconds
from .types import ExerciseRole, Goal, ProgressionStyle
from .volume import SESSION_SET_CAP, SessionVolume

REST_STEP = 15
#: Zone-2 cardio fills sessions (from this many minutes) that productive volume
#: cannot, 5 to 30 minutes (issue 10; ACSM 2011 moderate aerobic work).
ZONE2_MIN_SESSION = 60
ZONE2_MAX_SECONDS = 1800


def lifting_day(inp: SessionInput) -> Built:
    """Build one lifting session (see module doc): deload weeks copy last week's
    session; otherwise the phases of :class:`_LiftingDay` run in order — skill,
    mains, middle, grow, shrink, finish. Raises GenerationError when no main lift
    fits the day."""
    if inp.scheme.is_deload and inp.previous:
        return _deload_day(inp)
    day = _LiftingDay(inp)
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
    note = _balance_note(inp.planned.intent_tags, blocks, minutes, True)
    if note:
        rationale.append(note)
    for d in blocks.get("COOLDOWN", []):
        if d.duration and d.duration >= 300:
            rationale.append(
                f"Easy zone-2 {d.movement.name.lower()} for {d.duration // 60} min "
                "kept from last week: low-fatigue aerobic work suits a deload."
            )
    return finish_lifting(inp, blocks, vol, {}, rationale, goal)


def _lacking(tags: tuple[str, ...], blocks: dict[str, list[Draft]]) -> frozenset[str]:
    """The push or pull intent patterns still missing from a session's hard work,
    on a day whose focus has both (upper and full-body days, issue 10); empty
    once the session pushes and pulls."""
    push = [t for t in tags if t in PUSH_PATTERNS]
    pull = [t for t in tags if t in PULL_PATTERNS]
    if not push or not pull:
        return frozenset()
    done = {d.movement.pattern for ds in blocks.values() for d in ds if d.hard}
    lacking: list[str] = []
    if not done & PUSH_PATTERNS:
        lacking += push
    if not done & PULL_PATTERNS:
        lacking += pull
    return frozenset(lacking)


def _balance_note(
    tags: tuple[str, ...], blocks: dict[str, list[Draft]], minutes: int, full: bool
) -> str:
    """Why an upper or full-body session with 2+ hard exercises lacks a push or a
    pull (the invariant bends only for the budget or the library), else ""."""
    hard = [d for ds in blocks.values() for d in ds if d.hard]
    lacking = _lacking(tags, blocks)
    if len(hard) < 2 or not lacking:
        return ""
    side = "pull" if lacking & PULL_PATTERNS else "push"
    why = (
        f"the {minutes}-minute budget holds only {len(hard)} hard exercises"
        if full
        else "no movement of that kind fits your equipment, rules or this week's volume"
    )
    return f"No {side} today: {why}; the week balances it."


class _LiftingDay:
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
        self.vol = SessionVolume(inp.soft_allow, inp.hard_allow)
        self.middle_block = "FINISHER" if planned.finisher_minutes else "ACCESSORY"
        self.rationale: list[str] = []
        minutes = self.minutes
        self.blocks: dict[str, list[Draft]] = {
            "WARMUP": warmup_block(
                inp, self.ctx, 1 if minutes < 45 else 2 if minutes < 75 else 3
            ),
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
        self.scale = inp.style in (
            ProgressionStyle.SINGLE_PROGRESSION,
            ProgressionStyle.DOUBLE_PROGRESSION,
        )
        self.cctx = self.ctx  # the cool-down's own context, from middle() on
        #: Patterns the first main lift may keep from the focus's cache (None:
        #: any; PULL_PATTERNS on a short day leading with a pull for balance).
        self.main_side: frozenset[str] | None = None

    def total(self) -> int:
        """The session's estimated seconds as drafted so far."""
        return total_seconds(self.blocks)

    def _lacking(self) -> frozenset[str]:
        """The day's push or pull patterns still missing from its hard work."""
        return _lacking(self.planned.intent_tags, self.blocks)

    def _week_lean(self) -> frozenset[str]:
        """The day's pull patterns while the week so far (this session included)
        has fewer pull than push hard sets, its push patterns past 1.8 pulls per
        push; else empty. Accessories then lean that way, so the weekly pull:push
        stays within 0.8–2.0 (issue 10; reference §11: at least as much pulling as
        pushing, ≤ 2:1 keeps pressing productive)."""
        pull, push = self.inp.week_pull_push
        for d in (d for ds in self.blocks.values() for d in ds if d.hard):
            if d.movement.pattern in PULL_PATTERNS:
                pull += d.sets
            elif d.movement.pattern in PUSH_PATTERNS:
                push += d.sets
        tags = self.planned.intent_tags
        if pull < push:
            return frozenset(t for t in tags if t in PULL_PATTERNS)
        if pull > 1.8 * push and push:
            return frozenset(t for t in tags if t in PUSH_PATTERNS)
        return frozenset()

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
        45 min). Raises GenerationError when none fits."""
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
        for i, pattern in enumerate(patterns[:count]):
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
        self.cctx = sub_context(self.ctx, frozenset(self.ctx.covered) | self.targets)
        self.blocks["COOLDOWN"] = [
            d for _ in range(base_stretches(inp)) for d in add_stretch(inp, self.cctx)
        ]

    def grow(self) -> None:
        """Fill the session up to the window's floor: coarse growth (accessories or
        extra main lifts, sets, finisher rounds), then fine growth (rests inside
        their ranges, then warm-up drills and cool-down stretches)."""
        self._grow_coarse()
        self._grow_fine()

    def shrink(self) -> None:
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
            worst = min(blocks["ACCESSORY"], key=lambda d: d.total)
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

    def finish(self) -> Built:
        """Say in the rationale when the session misses the window (deliberate
        degrade: MRV share reached or library exhausted), then finalise it."""
        inp, vol, minutes = self.inp, self.vol, self.minutes
        floor = self._main_floor()
        for d in self.blocks[self.middle_block]:
            if d.role == ExerciseRole.ACCESSORY and d.sets > floor:
                vol.add(self.index.facts[d.movement.id].credit, floor - d.sets)
                d.sets = floor
        note = _balance_note(
            self.planned.intent_tags, self.blocks, minutes, self.total() >= self.low
        )
        if note:
            self.rationale.append(note)
        secs = self.total()
        if secs < self.low:
            full = sorted(
                r
                for r, v in vol.rows.items()
                if v >= min(SESSION_SET_CAP, inp.hard_allow.get(r, 99)) - 0.5
            )
            why = (
                f"weekly volume caps (MRV share) reached for {', '.join(full)}"
                if full
                else "the library has no more suitable movements"
            )
            self.rationale.append(
                f"Shorter than the budget ({secs / 60:.0f} of {minutes} min): {why}; more sets would not be productive."
            )
        elif secs > self.high:
            self.rationale.append(
                f"Longer than the budget ({secs / 60:.0f} of {minutes} min): the minimum session did not fit."
            )
        return finish_lifting(
            inp, self.blocks, vol, self.main_ids, self.rationale, self.goal
        )

    # -- steps -------------------------------------------------------------
    def _add_main(self, i: int, pattern: str) -> bool:
        """The i-th main lift on ``pattern``: last week's lift for this focus and
        slot when it still fits (progressive overload), else a fresh pick with
        room for 2+ hard sets. False when nothing fits."""
        inp, index, ctx, vol, week = self.inp, self.index, self.ctx, self.vol, self.week
        slot = Slot(
            "lift",
            ExerciseRole.MAIN,
            pattern,
            self.targets,
            main=True,
            hard=True,
            est_seconds=900,
        )
        focus = self.planned.focus
        cached, kept_notes = inp.main_cache.get((focus, i), (None, ()))
        p: Pick | None = None
        if (
            cached is not None
            and cached in index.facts
            and cached not in ctx.session_ids
            and (
                i
                or self.main_side is None
                or index.facts[cached].m.pattern in self.main_side
            )
        ):
            f = index.facts[cached]
            if vol.room(f.credit, hard=True) >= 2:
                total, dims, notes = score(f, slot, ctx, 0)
                notes = (*notes, *kept_notes, "main lift kept for progressive overload")
                p = Pick(f, round(total, 4), dims, 0, notes)
        if p is None:
            p = pick(
                index, slot, ctx, inp.rng, usable=lambda f: vol.usable(f, 2, hard=True)
            )
        if p is None:
            return False
        commit(p, ctx)
        goal, exp, aggr = self.goal, self.exp, self.aggr
        d = attach(
            main_rx(
                p.facts.m, goal, self.scheme, exp, week.volume_multiplier, self.scale
            ),
            p,
        )
        if inp.style == ProgressionStyle.DOUBLE_PROGRESSION and d.reps_min is not None:
            # Double progression keeps the bar weight for the mesocycle: the entry
            # load (week 1: bottom of the range at the first week's RPE).
            first = replace(week, week_in_meso=0, rpe_offset=AGGRESSION[aggr][3])
            entry = main_scheme(goal, inp.style, first, exp, aggr)
            d.fixed_percent = load_percent(entry.reps_min, entry.rpe)
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

    def _add_accessory(self) -> bool:
        """Draft the rotation's next accessory; False when none is left."""
        vol = self.vol
        p = self.rotation.next(
            self.index,
            self.ctx,
            self.inp.rng,
            self.targets,
            hard_tier=vol.allow is self.inp.hard_allow,
            first=not self.blocks["ACCESSORY"],
            usable=lambda f: vol.usable(f, 2),
            balance=self._lacking() | self._week_lean(),
        )
        if p is None:
            return False
        self._draft_accessory(p)
        return True

    def _draft_accessory(self, p: Pick) -> None:
        """Prescribe a picked accessory, capped by the volume room it has."""
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
        d.sets = min(d.sets, vol.room(p.facts.credit), self._main_floor())
        vol.add(p.facts.credit, d.sets)
        self.blocks["ACCESSORY"].append(d)

    def _grow_coarse(self) -> None:
        """Accessories (or extra main lifts on finisher days), one set at a time,
        finisher rounds — within the week's target share first, then the MRV share;
        stops when nothing more fits the window or the volume."""
        blocks, vol, index, high = self.blocks, self.vol, self.index, self.high
        middle, total = self.middle_block, self.total
        main_patterns, acc_patterns = self.main_patterns, self.rotation.patterns
        max_acc = max(1, (self.minutes - 15) // 10)
        extra_main = len(self.main_ids)
        acc_full = False
        while total() < self.low:
            # One accessory more than the time rule allows when the day still
            # lacks a push or a pull (a 30-minute upper day still rows).
            room_for = max_acc + (1 if self._lacking() else 0)
            if (
                middle == "ACCESSORY"
                and len(blocks["ACCESSORY"]) < room_for
                and not acc_full
            ):
                balancing = bool(self._lacking())
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
            if (
                middle == "FINISHER"
                and extra_main < len(main_patterns) + 1
                and extra_main < 4
            ):
                pool = main_patterns + acc_patterns
                pattern = pool[extra_main % max(1, len(pool))]
                balance = [t for t in pool if t in self._lacking()]
                if balance:  # a day that only pushes pulls next (issue 10)
                    pattern = balance[0]
                extra_main += 1
                if self._add_main(extra_main - 1, pattern):
                    if total() <= high:
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

    def _make_room(self) -> bool:
        """Trim sets elsewhere (accessories first, most sets first, never below
        their range) so the accessory just added for push/pull balance fits the
        window; it then gets no more sets than any main lift. True when it fits."""
        blocks, vol, index = self.blocks, self.vol, self.index
        new = blocks["ACCESSORY"][-1]
        while self.total() > self.high:
            others = [
                d
                for d in blocks["MAIN"] + blocks["ACCESSORY"]
                if d.hard and d is not new and d.sets > d.set_range[0]
            ]
            if not others:
                return False
            d = max(others, key=lambda d: (d.role == ExerciseRole.ACCESSORY, d.sets))
            d.sets -= 1
            vol.add(index.facts[d.movement.id].credit, -1)
        floor = self._main_floor()
        if new.sets > floor:
            vol.add(index.facts[new.movement.id].credit, floor - new.sets)
            new.sets = floor
        return True

    def _add_set(self) -> bool:
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

    def _grow_fine(self) -> None:
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
            if not more:
                break
            blocks["COOLDOWN"] += more
        self._zone2()

    def _zone2(self) -> None:
        """A session of an hour or more still short of its window after productive
        volume, drills and stretches opens its cool-down with easy zone-2 cardio
        for the gap (5–30 min at RPE 3–4: low-fatigue aerobic work, ACSM 2011,
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
        self.rationale.append(
            f"Easy zone-2 {p.facts.m.name.lower()} for {gap // 60} min opens the "
            "cool-down: more hard sets would pass this week's volume caps."
        )
