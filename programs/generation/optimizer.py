"""Greedy selection with progressive relaxation (seeds 000 forks 7.0–7.1).

For each slot the optimizer tries step 0 (strict) and relaxes one step at a time
until some candidate qualifies:

0 strict                       exact pattern, compound (unless the slot is an
                               isolation slot), skill level ≤ the athlete's,
                               disciplines the athlete zeroed excluded
1 expand pattern compatibility  + compatible patterns (heuristics.PATTERN_COMPATIBILITY)
2 include synergist muscles     + any lifting movement whose primary or secondary
                               muscles hit the slot's targets; coverage counts synergists
3 reduce discipline weight      discipline weight × 0.7; zeroed disciplines allowed
4 accept isolation movements    isolation mechanics allowed in any slot
5 accept generic movements      any lifting pattern of the slot's body region;
                               skill level + 1
6 emergency mode                any available movement of a usable kind

Within a step, SPECIALTY and NOVELTY movements compete only when no STAPLE or
COMMON candidate qualifies (unless the athlete sanctioned them: library.
tier_standing), and the scorer weighs tiers (heuristics.TIER_WEIGHTS). A main
lift of a strength-dominant session is then a free-weight compound whenever one
qualifies, and first one progressed by load at low reps (no inverted row or
walking lunge: :func:`load_progressable`); cable and machine lifts only
otherwise (:func:`free_weight_first`).

Hard rules hold at every step, emergency included: HARD_NO and missing equipment
are filtered out of the index before scoring (library.build_index); no movement
twice in a session; no second variant of a lift family in a session's hard
work (:mod:`.families`: a trap-bar deadlift after a deadlift, two lunges);
one accessory per slot, pattern and main landmark group (:func:`slot_open`:
no second pulldown, upright row or hip adduction; no specialty drill for a
group a staple trains); no kettlebell swing in a strength or hypertrophy
session's lifts (:func:`ballistic`);
Olympic lifts never in MAIN unless the athlete may
(library.olympic_main_ok); never more than one skill level above the athlete.
SUBSTITUTE: when X wins, Y replaces it (if Y is usable; otherwise X is dropped).
Ties within ``SELECTION_BAND`` are broken with the session's injected RNG.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from .activities import enjoyed_activity
from .families import BALLISTIC_FAMILIES, lift_family
from .heuristics import (
    PATTERN_COMPATIBILITY,
    PATTERN_REGION,
    RELAXATION_STEPS,
    SELECTION_BAND,
)
from .library import Facts, LibraryIndex
from .scorer import Context, Slot, score
from .types import ExerciseRole


@dataclass(frozen=True, slots=True)
class Pick:
    """The chosen movement with its scores, relaxation step and notes."""

    facts: Facts
    total: float
    dims: dict[str, float]
    step: int
    notes: tuple[str, ...]

    @property
    def relaxation(self) -> str:
        """Name of the relaxation step (seeds 000 fork 7.1)."""
        return RELAXATION_STEPS[self.step]


#: Power patterns: only their own slots (skill/power blocks) take them.
EXPLOSIVE = frozenset({"plyometric", "olympic"})
#: Slot patterns whose ordinary movements are single-joint (no step-4 relaxation needed).
ISOLATION_FRIENDLY = frozenset({"isolation", "core", "carry"})


def _lift_pool(index: LibraryIndex, slot: Slot, step: int) -> list[Facts]:
    pool = list(index.pattern(slot.pattern))
    if step >= 1:
        for p in PATTERN_COMPATIBILITY.get(slot.pattern, ()):
            pool += index.pattern(p)
    if step >= 2:
        for muscle in sorted(slot.targets):
            pool += index.by_muscle.get(muscle, [])
    if step >= 5:
        region = PATTERN_REGION.get(slot.pattern, "any")
        pool += (
            index.lifting
            if region == "any"
            else index.by_region.get(region, []) + index.by_region.get("any", [])
        )
    if step >= 6:
        pool += index.non_stretch
    return pool


def _pool(
    index: LibraryIndex, slot: Slot, step: int, enjoy: frozenset[int] = frozenset()
) -> list[Facts]:
    kind = slot.kind
    if kind in ("lift", "skill"):
        return _lift_pool(index, slot, step)
    if kind == "warmup":
        pool = list(index.warmups)
        if step >= 5:
            pool += index.easy
    elif kind == "cooldown" and step < 2:
        # Strict: stretches for the muscles trained (pool pre-indexed by muscle).
        pool = [
            f for m in sorted(slot.targets) for f in index.stretch_by_muscle.get(m, ())
        ]
    elif kind == "cooldown":
        pool = list(index.stretches)
        if step >= 2:
            pool += index.pattern("mobility")
    elif kind == "mobility":
        pool = list(index.pattern("mobility"))
    elif kind == "cardio" and enjoy and step == 0:
        # Enjoyable activities first; any cardio movement from step 1.
        pool = [f for f in index.pattern("cardio") if f.m.id in enjoy]
    elif kind in ("cardio", "general", "conditioning"):
        wanted = "conditioning" if kind == "conditioning" else "cardio"
        pool = list(index.pattern(wanted))
        if step >= 1:
            for p in PATTERN_COMPATIBILITY.get(wanted, ()):
                pool += index.pattern(p)
    else:
        pool = []
    if step >= 6:
        for p in ("mobility", "cardio", "conditioning", "plyometric", "core"):
            pool += index.pattern(p)
    return pool


NEVER = 99


def _required_step(f: Facts, slot: Slot, ctx: Context, index: LibraryIndex) -> int:
    """Lowest relaxation step at which ``f`` may fill ``slot`` (NEVER if none)."""
    m = f.m
    if m.id in ctx.session_ids:
        return NEVER
    need = 0 if f.level_ok else 5
    if slot.kind == "cooldown" and not f.primary & ctx.focus_targets:
        need = max(need, 2)
    if slot.kind == "general" and "swim" in m.name.lower():
        return NEVER
    if slot.kind not in ("lift", "skill"):
        return need
    if slot.main and f.olympic and not index.olympic_main_ok:
        return NEVER
    if slot.hard and f.family in ctx.families:
        return NEVER
    if slot.role == ExerciseRole.ACCESSORY and not slot_open(f, ctx, index):
        return NEVER
    if (
        m.pattern in EXPLOSIVE
        and slot.pattern not in EXPLOSIVE
        and m.id not in index.prefer
        and (m.pattern == "plyometric" or not index.olympic_main_ok)
    ):
        # A throw or a jump is power work: 1-6 fast reps, done fresh, first in
        # the session (NSCA and ACSM power rows, reference §1a, §1e, §2); a
        # weightlifting derivative also needs the athlete's own Olympic
        # practice. In a strength or hypertrophy slot (3×8-12 at RPE 7-8)
        # neither is what a coach would write: emergency mode only, unless the
        # athlete prefers the movement (a kettlebell swing: :func:`ballistic`).
        need = 6
    if not f.lifting or (slot.main and m.is_timed):
        need = 6
    if slot.pattern not in ISOLATION_FRIENDLY and f.compound == 0.0:
        need = max(need, 4)
    if f.discipline_excluded:
        need = max(need, 3)
    if slot.pattern == "isolation" and slot.targets and not f.primary & slot.targets:
        # Other muscles from step 2 (the scorer still ranks focus muscles first).
        need = max(need, 2)
    return need


def pick(
    index: LibraryIndex,
    slot: Slot,
    ctx: Context,
    rng: random.Random,
    usable: Callable[[Facts], bool] | None = None,
    start_step: int = 0,
    max_step: int = 6,
    memo: dict[int, int] | None = None,
) -> Pick | None:
    """Best movement for ``slot`` at the lowest relaxation step that has one.

    ``usable`` is an extra hard predicate from the builder (e.g. the muscle still
    has weekly volume left). ``memo`` (id → step from which to look again) lets a
    caller that walks the steps itself skip candidates already ruled out. Returns
    None when even emergency mode finds nothing.
    """
    memo = {} if memo is None else memo
    for step in range(start_step, min(max_step, len(RELAXATION_STEPS) - 1) + 1):
        scored: dict[int, tuple[float, dict[str, float], list[str], Facts]] = {}
        for f in _pool(index, slot, step, ctx.enjoy):
            mid = f.m.id
            if mid in scored or memo.get(mid, 0) > step:
                continue
            need = _required_step(f, slot, ctx, index)
            if need > step:
                memo[mid] = need
                continue
            if usable is not None and not usable(f):
                memo[mid] = NEVER
                continue
            total, dims, notes = score(f, slot, ctx, step, detail=False)
            if slot.main:
                total += main_fit(f, slot)
            elif slot.role == ExerciseRole.ACCESSORY:
                total += accessory_fit(f)
            scored[mid] = (total, dims, notes, f)
        if scored:
            # Tier gate (issue 10): specialty, then novelty, only when no
            # staple or common (or athlete-sanctioned) candidate qualifies.
            floor = min(v[3].tier_class for v in scored.values())
            scored = {k: v for k, v in scored.items() if v[3].tier_class == floor}
            if slot.main and slot.strength:
                loadable = {k: v for k, v in scored.items() if load_progressable(v[3])}
                free = {k: v for k, v in scored.items() if not fixed_path(v[3])}
                scored = loadable or free or scored
        while scored:
            best = max(v[0] for v in scored.values())
            width = 1e-9 if slot.main else SELECTION_BAND
            band = sorted(k for k, v in scored.items() if v[0] >= best - width)
            chosen = band[0] if len(band) == 1 else rng.choice(band)
            total, dims, notes, f = scored.pop(chosen)
            if step < 6 and ballistic(f, slot, ctx, index):
                continue
            _, dims, notes = score(f, slot, ctx, step)
            if chosen in index.substitutes:
                sub_id = index.substitutes[chosen]
                sub = index.facts.get(sub_id) if sub_id is not None else None
                if (
                    sub is None
                    or sub.m.id in ctx.session_ids
                    or (slot.hard and sub.family in ctx.families)
                    or (
                        slot.role == ExerciseRole.ACCESSORY
                        and not slot_open(sub, ctx, index)
                    )
                    or (slot.main and sub.olympic and not index.olympic_main_ok)
                ):
                    continue
                total, dims, extra = score(sub, slot, ctx, step)
                notes = [*extra, f"substituted for {f.m.name} (your rule)"]
                f = sub
            if f.m.id in ctx.enjoy:
                notes = [*notes, "an activity you enjoy (your settings)"]
            return Pick(
                f,
                round(total, 4),
                {k: round(v, 4) for k, v in dims.items()},
                step,
                tuple(notes),
            )
    return None


#: Equipment that guides or assists the load (cable stacks, machines, the Smith
#: machine, bands): fine for hypertrophy work, not a strength main lift.
FIXED_PATH_EQUIPMENT = frozenset({"cable", "machine", "smith_machine", "bands"})


def fixed_path(f: Facts) -> bool:
    """Whether a movement's load runs on a cable, machine or band (or it is an
    isolation movement) rather than a barbell, dumbbell, kettlebell or the
    athlete's own weight, loadable with a belt (pull-up, dip)."""
    return bool(f.m.equipment & FIXED_PATH_EQUIPMENT) or f.compound == 0.0


#: Free-weight implements a lift is loaded with, plate by plate.
FREE_LOAD = frozenset(
    {"barbell", "dumbbell", "kettlebell", "trap_bar", "ez_bar", "landmine", "sandbag"}
)
#: Lifts whose load is the body on a fixed bar, or that travel (a walking lunge
#: is not done heavy for low reps), whatever their equipment lists.
NOT_LOAD_PROGRESSED = ("inverted row", "walking")
#: Bodyweight lifts a belt loads (weighted pull-up, chin-up, dip).
BELT_LOADED = frozenset({"pull_up", "dip"})


def load_progressable(f: Facts) -> bool:
    """Whether a strength main lift can be progressed by load at low reps:
    a free-weight compound (barbell, dumbbell, kettlebell, trap bar) or a
    bodyweight lift a belt loads (pull-up, dip), not an inverted row or a
    walking lunge (NSCA: core, multi-joint, loadable lifts for strength,
    reference §1, §11; issue 10, a coach's review)."""
    if fixed_path(f):
        return False
    name = f.m.name.lower()
    if any(w in name for w in NOT_LOAD_PROGRESSED):
        return False
    if f.m.equipment & FREE_LOAD:
        return True
    return lift_family(f.m, False) in BELT_LOADED


def free_weight_first(f: Facts, slot: Slot, index: LibraryIndex) -> bool:
    """Whether a kept (cached) main lift gives way on a strength main slot: it
    is :func:`fixed_path` while the athlete's library holds a free-weight
    compound of the slot's pattern at their level, or a free-weight lift not
    :func:`load_progressable` (an inverted row) while it holds one that is. A coach's strength main lift
    is a loadable barbell, dumbbell or weighted-bodyweight compound (weighted
    pull-up, barbell row), not an underhand cable pulldown for 4 × 3 (issue 10;
    reference §11, §14). :func:`pick` applies the same gate to fresh picks, like
    the tier gate: cable and machine lifts compete only when no free-weight one
    qualifies."""
    if not (slot.main and slot.strength) or load_progressable(f):
        return False
    better = load_progressable if not fixed_path(f) else lambda g: not fixed_path(g)
    return any(
        g.level_ok and g.lifting and better(g) for g in index.pattern(slot.pattern)
    )


#: The prime movers a main lift of each pattern should load (reference §11/§14).
PRIME_MOVERS: dict[str, frozenset[str]] = {
    "squat": frozenset({"quadriceps"}),
    "lunge": frozenset({"quadriceps", "glutes"}),
    "hinge": frozenset({"hamstrings", "glutes"}),
    "horizontal_push": frozenset({"chest"}),
    "vertical_push": frozenset({"shoulders"}),
    "horizontal_pull": frozenset({"middle_back", "lats"}),
    "vertical_pull": frozenset({"lats"}),
    "olympic": frozenset({"hamstrings", "glutes", "quadriceps", "shoulders"}),
}


def main_fit(f: Facts, slot: Slot) -> float:
    """Main-lift suitability, added to MAIN slots only (a coach's tie-break among
    equally scored lifts): loads the pattern's prime mover (+0.05), barbell (+0.03),
    lower skill level (−0.01 per level), bilateral (−0.03 if unilateral), more
    prime movers (+0.02 per extra primary muscle, at most 2). Staples come first
    through the tier weight in the scorer (heuristics.TIER_WEIGHTS)."""
    bonus = 0.05 if f.primary & PRIME_MOVERS.get(slot.pattern, frozenset()) else 0.0
    bonus += 0.03 if "barbell" in f.m.equipment else 0.0
    bonus -= 0.01 * (f.m.level - 1)
    bonus -= 0.03 if f.m.is_unilateral else 0.0
    bonus += 0.02 * min(2, len(f.primary) - 1) if f.primary else 0.0
    return bonus


def accessory_fit(f: Facts) -> float:
    """Accessory tie-break: −0.01 per skill level above 1 (staples come first
    through the tier weight in the scorer). Far smaller than one scorer
    dimension's weight."""
    return -0.01 * (f.m.level - 1)


def ballistic(f: Facts, slot: Slot, ctx: Context, index: LibraryIndex) -> bool:
    """Whether ``f`` is a ballistic hinge (a kettlebell swing,
    :data:`.families.BALLISTIC_FAMILIES`) drawn for a lifting slot of a
    strength or hypertrophy session (``ctx.ballistic_ok`` False) that the
    athlete does not prefer: hip power done fast and submaximal, not a
    3 × 8–12 or 4 × 5 lift at a %1RM (NSCA power rows, reference §1a, §1e).
    :func:`pick` passes it over at the draw and draws again from the rest, so
    the other candidates' draw is unchanged; emergency mode (step 6) may still
    take it."""
    return (
        slot.kind == "lift"
        and f.family in BALLISTIC_FAMILIES
        and not ctx.ballistic_ok
        and f.m.id not in index.prefer
    )


def slot_open(f: Facts, ctx: Context, index: LibraryIndex) -> bool:
    """Whether ``f`` may be a session's next accessory by its slot (pattern,
    main landmark group, :func:`.families.session_slot`): the slot holds no
    hard exercise yet (two on a day :func:`.families.slot_repeats` allows, one
    more for a floor's last chance, ``Context.slot_extra``), and
    ``f`` is not a SPECIALTY or NOVELTY movement (unless the athlete sanctioned
    it, :func:`.library.tier_standing`) for a group a STAPLE or COMMON movement
    at the athlete's level trains (:attr:`.library.LibraryIndex.staple_groups`):
    a band hip flexion is no lifting accessory when leg extensions are there,
    nor a balance board once the session's calf raise is in (issue 10, a
    coach's review; reference §11; seeds 000 fork 6.4). Such a session's next
    accessory trains another muscle it targets instead."""
    key = f.slot
    if not key[1]:
        return True
    if f.tier_class and key[1] in index.staple_groups:
        return False
    limit = 1 + (key[1] in ctx.slot_repeats) + (key[1] in ctx.slot_extra)
    return ctx.slots.get(key, 0) < limit


def holds_slot(f: Facts, main: bool) -> bool:
    """Whether a hard exercise fills its slot against the session's accessories
    (:func:`slot_open`): every accessory does; a main lift only on a pulling
    plane. An RDL after the deadlift, a leg press after the squat, an incline
    press or a dip after the bench press are a main lift's assistance (the
    families' rule, :mod:`.families`), but a pulldown after the chin-up is the
    same plane again where the day's back work wants the other (RP back:
    horizontal and vertical pulling in about equal share, reference §11)."""
    return bool(f.lifting and f.slot[1]) and (
        not main or f.m.pattern in ("horizontal_pull", "vertical_pull")
    )


def commit(pick_: Pick, ctx: Context, main: bool = False) -> None:
    """Record a pick in the session context (ids, lift family, slot, covered
    muscles); ``main``: a main lift (:func:`holds_slot`)."""
    ctx.session_ids.add(pick_.facts.m.id)
    if pick_.facts.family:
        ctx.families.add(pick_.facts.family)
    if holds_slot(pick_.facts, main):
        key = pick_.facts.slot
        ctx.slots[key] = ctx.slots.get(key, 0) + 1
    ctx.covered |= pick_.facts.primary
    ctx.covered_all |= pick_.facts.muscles


def enjoyable_ids(index: LibraryIndex, activities: tuple[str, ...]) -> frozenset[int]:
    """Cardio movements matching the athlete's enjoyable activities by name, slug
    or tag (keywords per activity in ``ACTIVITY_KEYWORDS``)."""
    return frozenset(
        f.m.id
        for f in index.pattern("cardio")
        if enjoyed_activity(f.m.name, f.m.slug, f.m.tags, activities) is not None
    )
