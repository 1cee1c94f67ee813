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

from collections.abc import Callable
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
    RELAXATION_STEPS,
    SKILL_PRACTICE_MIN_WEIGHT,
)
from .library import LibraryIndex
from .optimizer import Pick, commit, pick
from .periodization import main_scheme, rpe_cap
from .planner import MAIN_CAPABLE
from .prescription import Draft, accessory_rx, load_percent, main_rx, skill_rx
from .scorer import Slot, score
from .splits import FOCI
from .timing import total_seconds
from .types import ExerciseRole, Goal, ProgressionStyle
from .volume import SESSION_SET_CAP, SessionVolume

REST_STEP = 15


def lifting_day(inp: SessionInput) -> Built:
    """Build one lifting session (see module doc)."""
    planned, spec, index = inp.planned, inp.spec, inp.index
    athlete = spec.athlete
    weights = {gw.goal: gw.weight for gw in spec.request.goals}
    goal = planned.dominant_goal or Goal.HYPERTROPHY
    focus = FOCI[planned.focus]
    targets = frozenset(focus.target_muscles)
    minutes = spec.request.max_session_minutes
    low, high = window(inp)
    ctx = new_context(inp, targets)
    vol = SessionVolume(inp.soft_allow, inp.hard_allow)
    middle = "FINISHER" if planned.finisher_minutes else "ACCESSORY"
    rationale: list[str] = []
    if inp.scheme.is_deload and inp.previous:
        blocks = deload_copy(inp.previous, DELOAD_VOLUME_MULTIPLIER)
        for drafts in blocks.values():
            for d in drafts:
                if d.hard:
                    vol.add(index.facts[d.movement.id].credit, d.sets)
        mins = round(total_seconds(blocks) / 60)
        rationale.append(
            f"Deload: last week's session with about half the sets, {mins} of {minutes} min by design."
        )
        return finish_lifting(inp, blocks, vol, {}, rationale, goal)
    blocks: dict[str, list[Draft]] = {
        "WARMUP": [],
        "MAIN": [],
        middle: [],
        "COOLDOWN": [],
    }
    blocks["WARMUP"] = warmup_block(
        inp, ctx, 1 if minutes < 45 else 2 if minutes < 75 else 3
    )
    exp, aggr = athlete.experience_level, athlete.persona_aggression
    cap = rpe_cap(exp, aggr)
    week = inp.scheme
    if goal == Goal.SKILL or weights.get(Goal.SKILL, 0) >= SKILL_PRACTICE_MIN_WEIGHT:
        pattern = "olympic" if index.olympic_main_ok else "plyometric"
        p = pick(
            index,
            Slot("skill", ExerciseRole.SKILL, pattern, targets, est_seconds=480),
            ctx,
            inp.rng,
        )
        if p is not None:
            commit(p, ctx)
            blocks["MAIN"].append(attach(skill_rx(p.facts.m), p))
    scheme = main_scheme(goal, inp.style, week, exp, aggr)
    scale = inp.style in (
        ProgressionStyle.SINGLE_PROGRESSION,
        ProgressionStyle.DOUBLE_PROGRESSION,
    )
    main_patterns = [t for t in planned.intent_tags if t in MAIN_CAPABLE]
    main_ids: dict[tuple[str, int], tuple[int, tuple[str, ...]]] = {}

    def add_main(i: int, pattern: str) -> bool:
        slot = Slot(
            "lift",
            ExerciseRole.MAIN,
            pattern,
            targets,
            main=True,
            hard=True,
            est_seconds=900,
        )
        cached, kept_notes = inp.main_cache.get((planned.focus, i), (None, ()))
        p: Pick | None = None
        if (
            cached is not None
            and cached in index.facts
            and cached not in ctx.session_ids
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
        d = attach(
            main_rx(p.facts.m, goal, scheme, exp, week.volume_multiplier, scale), p
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
        blocks["MAIN"].append(d)
        subs = tuple(n for n in p.notes if n.startswith("substituted for"))
        main_ids[(planned.focus, i)] = (p.facts.m.id, subs)
        return True

    for i, pattern in enumerate(main_patterns[: 1 if minutes < 45 else 2]):
        add_main(i, pattern)
    if not any(d.role == ExerciseRole.MAIN for d in blocks["MAIN"]):
        raise GenerationError(f"no main lift available for {planned.focus}")
    # Accessory rotation: the day's other patterns, then variants of the main
    # patterns, trunk work (core/carry) last — focus muscles before extras.
    trunk = ("core", "carry")
    mains = main_patterns[:2]
    rest = [t for t in planned.intent_tags if t not in mains and t not in trunk]
    acc_patterns = rest + mains + [t for t in planned.intent_tags if t in trunk]
    uses: dict[str, int] = {}
    exhausted: dict[bool, bool] = {}
    # Ruled-out candidates per (tier, pattern, targets); availability only shrinks
    # as sets are added, and the memo is cleared whenever an exercise is removed.
    memos: dict[tuple[bool, str, frozenset[str]], dict[int, int]] = {}
    dead: set[tuple[tuple[bool, str, frozenset[str]], int]] = set()

    def add_accessory() -> bool:
        """Next accessory: every pattern of the rotation is tried at a step before
        any pattern is relaxed further (relaxation is the last resort)."""
        tier = vol.allow is inp.hard_allow
        if exhausted.get(tier):
            return False
        # Soft tier: only strict and pattern-compatible picks; going past the week's
        # target share (still ≤ MRV) beats an off-focus movement.
        top = 3 if not tier else len(RELAXATION_STEPS) if not blocks["ACCESSORY"] else 5
        # Least-used pattern first (trunk work counts as already used once), so
        # focus patterns come before extras and the day still varies.
        order = sorted(
            range(len(acc_patterns)),
            key=lambda i: (
                uses.get(acc_patterns[i], 0) + (acc_patterns[i] in trunk),
                i,
            ),
        )
        for step in range(top):
            # From step 2 the pool is muscle-driven, so one lifting pattern and the
            # isolation slot cover every distinct pool.
            tries = order if step < 2 else order[:2]
            for i in tries:
                pattern = acc_patterns[i]
                slot_targets = targets
                if pattern == "isolation":
                    lacking = sorted(targets, key=lambda m: (m in ctx.covered, m))
                    slot_targets = frozenset(lacking[:2])
                slot = Slot(
                    "lift",
                    ExerciseRole.ACCESSORY,
                    pattern,
                    slot_targets,
                    hard=True,
                    est_seconds=400,
                )
                key = (tier, pattern, slot_targets)
                if (key, step) in dead:  # failed before; availability only shrank
                    continue
                memo = memos.setdefault(key, {})
                p = pick(
                    index,
                    slot,
                    ctx,
                    inp.rng,
                    usable=lambda f: vol.usable(f, 2),
                    start_step=step,
                    max_step=step,
                    memo=memo,
                )
                if p is None:
                    dead.add((key, step))
                else:
                    _add_accessory(p)
                    uses[pattern] = uses.get(pattern, 0) + 1
                    return True
        exhausted[tier] = True
        return False

    def _add_accessory(p: Pick) -> None:
        commit(p, ctx)
        d = attach(
            accessory_rx(
                p.facts.m, goal, exp, week.volume_multiplier, week.rpe_offset, cap
            ),
            p,
        )
        d.sets = min(d.sets, vol.room(p.facts.credit))
        vol.add(p.facts.credit, d.sets)
        blocks["ACCESSORY"].append(d)

    if middle == "FINISHER":
        blocks["FINISHER"] = build_finisher(inp, ctx, weights, planned.finisher_minutes)
    cctx = sub_context(ctx, frozenset(ctx.covered) | targets)
    blocks["COOLDOWN"] = [
        d for _ in range(base_stretches(inp)) for d in add_stretch(inp, cctx)
    ]

    def total() -> int:
        return total_seconds(blocks)

    # Coarse growth.
    max_acc = max(1, (minutes - 15) // 10)
    extra_main = len(main_ids)
    acc_full = False
    while total() < low:
        grown = False
        if (
            middle == "ACCESSORY"
            and len(blocks["ACCESSORY"]) < max_acc
            and not acc_full
        ):
            if add_accessory():
                if total() <= high:
                    continue
                d = blocks["ACCESSORY"].pop()
                vol.add(index.facts[d.movement.id].credit, -d.sets)
                ctx.session_ids.discard(d.movement.id)
                memos.clear()
                dead.clear()
                acc_full = True
            elif vol.allow is vol.soft:
                vol.allow = vol.hard
                continue
        if (
            middle == "FINISHER"
            and extra_main < len(main_patterns) + 1
            and extra_main < 4
        ):
            pattern = (main_patterns + acc_patterns)[
                extra_main % max(1, len(main_patterns + acc_patterns))
            ]
            extra_main += 1
            if add_main(extra_main - 1, pattern):
                if total() <= high:
                    continue
                d = blocks["MAIN"].pop()
                vol.add(index.facts[d.movement.id].credit, -d.sets)
        for d in sorted(
            blocks[middle] + blocks["MAIN"],
            key=lambda d: (d.role == ExerciseRole.MAIN, d.sets, -d.total),
        ):
            if (
                not d.hard
                or d.sets >= d.set_range[1]
                or d.role == ExerciseRole.MAIN
                and middle == "ACCESSORY"
            ):
                continue
            credit = index.facts[d.movement.id].credit
            if vol.room(credit) < 1:
                continue
            d.sets += 1
            if total() > high:
                d.sets -= 1
                continue
            vol.add(credit, 1)
            grown = True
            break
        if grown:
            continue
        if middle == "FINISHER" and grow_finisher(
            blocks["FINISHER"], planned.finisher_minutes, total, high
        ):
            continue
        if vol.allow is vol.soft:
            vol.allow = vol.hard
            continue
        break
    # Fine growth: rests inside their ranges, then drills and stretches.
    changed = True
    while total() < low and changed:
        changed = False
        for d in blocks["MAIN"] + blocks[middle]:
            if (
                d.hard
                and d.sets > 1
                and d.rest + REST_STEP <= d.rest_range[1]
                and total() < low
            ):
                d.rest += REST_STEP
                changed = True
    wctx = sub_context(ctx, targets)
    # Spare time beyond productive volume goes to mobility: more warm-up drills and
    # cool-down stretches, more of them on longer sessions (ACSM flexibility §2c).
    max_drills, max_stretches = 4 + minutes // 30, 6 + minutes // 20
    while total() < low and len(blocks["WARMUP"]) < max_drills:
        more = add_drill(inp, wctx)
        if not more:
            break
        blocks["WARMUP"] += more
    while total() < low and len(blocks["COOLDOWN"]) < max_stretches:
        more = add_stretch(inp, cctx)
        if not more:
            break
        blocks["COOLDOWN"] += more
    _shrink(blocks, middle, total, high, vol, index)
    while total() > high and len(blocks["COOLDOWN"]) > 2:
        blocks["COOLDOWN"].pop()
    secs = total()
    if secs < low:
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
        rationale.append(
            f"Shorter than the budget ({secs / 60:.0f} of {minutes} min): {why}; more sets would not be productive."
        )
    elif secs > high:
        rationale.append(
            f"Longer than the budget ({secs / 60:.0f} of {minutes} min): the minimum session did not fit."
        )
    return finish_lifting(inp, blocks, vol, main_ids, rationale, goal)


def _shrink(
    blocks: dict[str, list[Draft]], middle: str, total: Callable[[], int], high: float,
    vol: SessionVolume, index: LibraryIndex,
) -> None:  # fmt: skip
    """Bring an over-budget session back under +5 %: rests to their floor, the
    lowest-scored accessory, accessory then main sets, extra drills, finisher."""
    for d in blocks["MAIN"] + blocks[middle]:
        while total() > high and d.hard and d.rest - REST_STEP >= d.rest_range[0]:
            d.rest -= REST_STEP
    while total() > high and len(blocks.get("ACCESSORY", [])) > 1:
        worst = min(blocks["ACCESSORY"], key=lambda d: d.total)
        blocks["ACCESSORY"].remove(worst)
        vol.add(index.facts[worst.movement.id].credit, -worst.sets)
    for role in (ExerciseRole.ACCESSORY, ExerciseRole.MAIN):
        for d in blocks["MAIN"] + blocks[middle]:
            while (
                total() > high and d.role == role and d.hard and d.sets > d.set_range[0]
            ):
                d.sets -= 1
                vol.add(index.facts[d.movement.id].credit, -1)
    while total() > high and len(blocks["WARMUP"]) > 2:
        blocks["WARMUP"].pop()
    fin = blocks.get("FINISHER", [])
    while total() > high and fin and max(d.sets for d in fin) > 2:
        for d in fin:
            d.sets = max(1, d.sets - 1)
    skill = [d for d in blocks["MAIN"] if d.role == ExerciseRole.SKILL]
    if total() > high and skill:
        blocks["MAIN"].remove(skill[0])
