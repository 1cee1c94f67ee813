"""Lifting sessions: warm-up, (skill), main lifts, accessory XOR finisher, cool-down,
fitted to the session budget within ±5 %.

Seven modules build a lifting day. This one holds the phases in order
(:func:`lifting_day`: skill, mains, middle, grow, shrink, finish);
:mod:`.mainlifts` picks the main lifts (kept for progressive overload); deload
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
    MAJOR_GROUPS,
    available_sides,
    balance_note,
    floor_pattern,
    hypertrophy_weighted,
    lacking,
    pattern_capped,
    patterns_at_cap,
    primary_groups,
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
from .families import slot_repeats
from .finegrowth import FineGrowth
from .finishers import build_finisher, finisher_rationale
from .fitting import SessionFit
from .floorfit import FloorFit
from .heuristics import (
    DELOAD_VOLUME_MULTIPLIER,
    SKILL_PRACTICE_MIN_WEIGHT,
)
from .mainlifts import MainLifts
from .optimizer import commit, pick
from .periodization import main_scheme, rpe_cap
from .planner import MAIN_CAPABLE
from .prescription import Draft, skill_rx
from .rotation import AccessoryRotation
from .scorer import Slot
from .splits import FOCI, PULL_PATTERNS, PUSH_PATTERNS
from .timing import total_seconds
from .types import ExerciseRole, Goal, ProgressionStyle
from .volume import SessionVolume, rows_of


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


class _LiftingDay(MainLifts, AccessoryPicks, SessionFit, FloorFit, FineGrowth):
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
