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

Hard rules hold at every step, emergency included: HARD_NO and missing equipment
are filtered out of the index before scoring (library.build_index); no movement
twice in a session; Olympic lifts never in MAIN unless the athlete may
(library.olympic_main_ok); never more than one skill level above the athlete.
SUBSTITUTE: when X wins, Y replaces it (if Y is usable; otherwise X is dropped).
Ties within ``SELECTION_BAND`` are broken with the session's injected RNG.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

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
        while scored:
            best = max(v[0] for v in scored.values())
            width = 1e-9 if slot.main else SELECTION_BAND
            band = sorted(k for k, v in scored.items() if v[0] >= best - width)
            chosen = band[0] if len(band) == 1 else rng.choice(band)
            total, dims, notes, f = scored.pop(chosen)
            _, dims, notes = score(f, slot, ctx, step)
            if chosen in index.substitutes:
                sub_id = index.substitutes[chosen]
                sub = index.facts.get(sub_id) if sub_id is not None else None
                if (
                    sub is None
                    or sub.m.id in ctx.session_ids
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


#: A coach's staple main lifts per pattern, best first (NSCA "core" exercises:
#: squat, deadlift, bench, overhead press, row, pull-up and their standard
#: variants; reference §1e/§11). Matched on the normalised movement name; a main
#: slot adds 0.15 − 0.01 × rank, so staples win ties but never beat hard rules.
STAPLE_LIFTS: dict[str, tuple[str, ...]] = {
    pattern: tuple("".join(ch for ch in n.lower() if ch.isalnum()) for n in names)
    for pattern, names in {
        "squat": ("Barbell Squat", "Barbell Back Squat", "Front Barbell Squat",
                  "Barbell Front Squat", "Goblet Squat", "Dumbbell Squat", "Leg Press",
                  "Hack Squat", "Smith Machine Squat", "Bodyweight Squat"),
        "hinge": ("Barbell Deadlift", "Romanian Deadlift", "Trap Bar Deadlift", "Sumo Deadlift",
                  "Dumbbell Romanian Deadlift", "Stiff-Legged Dumbbell Deadlift",
                  "Barbell Hip Thrust", "Hip Thrust", "Kettlebell Swing", "Good Morning",
                  "Cable Deadlifts", "Back Extension"),
        "horizontal_push": ("Barbell Bench Press - Medium Grip", "Barbell Bench Press",
                            "Dumbbell Bench Press", "Incline Dumbbell Press",
                            "Barbell Incline Bench Press - Medium Grip", "Machine Chest Press",
                            "Leverage Chest Press", "Push-Up", "Pushups", "Dips - Chest Version"),
        "vertical_push": ("Standing Military Press", "Overhead Press", "Barbell Shoulder Press",
                          "Seated Dumbbell Press", "Dumbbell Shoulder Press",
                          "Standing Dumbbell Press", "Machine Shoulder (Military) Press",
                          "Landmine Press", "Push Press", "Pike Push-Up"),
        "horizontal_pull": ("Bent Over Barbell Row", "Barbell Row", "One-Arm Dumbbell Row",
                            "Seated Cable Rows", "Seated Cable Row", "T-Bar Row with Handle",
                            "Bent Over Two-Dumbbell Row", "Inverted Row", "Leverage Iso Row"),
        "vertical_pull": ("Pullups", "Pull-Up", "Chin-Up", "Wide-Grip Lat Pulldown",
                          "Lat Pulldown", "Band Assisted Pull-Up", "Band-Assisted Pull-Up",
                          "Close-Grip Front Lat Pulldown"),
        "lunge": ("Barbell Walking Lunge", "Dumbbell Lunges", "Walking Lunge",
                  "Split Squat with Dumbbells", "Bulgarian Split Squat", "Barbell Lunge",
                  "Reverse Lunge", "Dumbbell Rear Lunge", "Dumbbell Step Ups", "Step-Up",
                  "Bodyweight Walking Lunge"),
        "olympic": ("Power Clean", "Hang Power Clean", "Clean and Jerk", "Power Snatch",
                    "Hang Power Snatch", "Push Jerk", "Clean"),
    }.items()
}  # fmt: skip


def main_fit(f: Facts, slot: Slot) -> float:
    """Main-lift suitability, added to MAIN slots only (a coach's tie-break among
    equally scored lifts): loads the pattern's prime mover (+0.05), barbell (+0.03),
    lower skill level (−0.01 per level), bilateral (−0.03 if unilateral), more
    prime movers (+0.02 per extra primary muscle, at most 2), staple lift (see
    ``STAPLE_LIFTS``)."""
    bonus = 0.05 if f.primary & PRIME_MOVERS.get(slot.pattern, frozenset()) else 0.0
    bonus += 0.03 if "barbell" in f.m.equipment else 0.0
    bonus -= 0.01 * (f.m.level - 1)
    bonus -= 0.03 if f.m.is_unilateral else 0.0
    bonus += 0.02 * min(2, len(f.primary) - 1) if f.primary else 0.0
    staples = STAPLE_LIFTS.get(slot.pattern, ())
    name = _normal(f.m.name)
    if name in staples:
        bonus += 0.15 - 0.01 * staples.index(name)
    return bonus


#: Everyday accessories a coach reaches for first (normalised names), on top of
#: the staple main lifts: curls, pushdowns, raises, flyes, leg curls/extensions,
#: calf raises, shrugs, planks, carries, hip thrusts (reference §11 balance).
ACCESSORY_STAPLES: frozenset[str] = frozenset(
    "".join(ch for ch in n.lower() if ch.isalnum())
    for n in (
        "Barbell Curl", "Dumbbell Bicep Curl", "Dumbbell Curl", "Hammer Curls", "Hammer Curl",
        "Alternate Hammer Curl", "EZ-Bar Curl", "Preacher Curl", "Cable Hammer Curls - Rope Attachment",
        "Triceps Pushdown", "Triceps Pushdown - Rope Attachment", "Cable Triceps Pushdown",
        "Lying Triceps Press", "EZ-Bar Skullcrusher", "Skull Crusher",
        "Cable Rope Overhead Triceps Extension", "Overhead Triceps Extension",
        "Side Lateral Raise", "Seated Side Lateral Raise", "Cable Seated Lateral Raise",
        "Lateral Raise", "Reverse Flyes", "Cable Rear Delt Fly", "Rear Delt Fly", "Face Pull",
        "Dumbbell Flyes", "Dumbbell Fly", "Cable Crossover", "Cable Fly", "Incline Dumbbell Flyes",
        "Butterfly", "Leg Extensions", "Leg Extension", "Lying Leg Curls", "Lying Leg Curl",
        "Seated Leg Curl", "Standing Calf Raises", "Standing Calf Raise", "Seated Calf Raise",
        "Standing Barbell Calf Raise", "Barbell Shrug", "Dumbbell Shrug", "Plank", "Side Plank",
        "Hanging Leg Raise", "Cable Crunch", "Ab Roller", "Ab Wheel Rollout", "Pallof Press",
        "Dead Bug", "Farmer's Walk", "Farmer's Carry", "Suitcase Carry", "Barbell Hip Thrust",
        "Hip Thrust", "Barbell Glute Bridge", "Cable Hip Adduction", "Thigh Adductor",
        "Thigh Abductor", "Back Extension", "Hyperextensions (Back Extensions)",
    )
) | frozenset(n for names in STAPLE_LIFTS.values() for n in names)  # fmt: skip


def accessory_fit(f: Facts) -> float:
    """Accessory tie-break (a coach's everyday choices): staple +0.06, −0.01 per
    skill level above 1. Far smaller than one scorer dimension's weight."""
    bonus = 0.06 if _normal(f.m.name) in ACCESSORY_STAPLES else 0.0
    return bonus - 0.01 * (f.m.level - 1)


@functools.cache
def _normal(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def commit(pick_: Pick, ctx: Context) -> None:
    """Record a pick in the session context (ids, covered muscles)."""
    ctx.session_ids.add(pick_.facts.m.id)
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


def enjoyed_activity(
    name: str, slug: str, tags: Iterable[str], activities: Iterable[str]
) -> str | None:
    """The first of ``activities`` a movement (its name, slug and tags) is, or
    ``None``: an activity matches when one of its ``ACTIVITY_KEYWORDS`` (or the
    activity word itself) occurs in the movement's text."""
    text = f"{name} {slug} {' '.join(tags or ())}".lower()
    for activity in activities:
        key = activity.strip().lower()
        if any(w and w in text for w in ACTIVITY_KEYWORDS.get(key, (key,))):
            return activity
    return None


#: Activity names the wizard offers → words that identify matching movements.
ACTIVITY_KEYWORDS: Mapping[str, tuple[str, ...]] = {
    "running": ("run", "jog", "treadmill"),
    "jogging": ("jog", "run"),
    "cycling": ("bike", "cycl", "bicycl", "spin"),
    "biking": ("bike", "cycl", "bicycl"),
    "rowing": ("rowing", "rower", "row erg"),
    "swimming": ("swim",),
    "walking": ("walk",),
    "hiking": ("hike", "hiking", "trail", "incline walk", "stair"),
    "elliptical": ("elliptical",),
    "stairs": ("stair", "step mill"),
    "skiing": ("ski",),
    "skating": ("skat",),
    "jump rope": ("rope jump", "jump rope", "skipping"),
}
