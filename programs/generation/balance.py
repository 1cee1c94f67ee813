"""Push/pull balance of lifting days (issue 10; reference §11).

Pure helpers over a session's drafts: which push or pull patterns a session
still lacks (every upper or full-body day with 2+ hard exercises pushes and
pulls), which side the week so far leans away from (weekly pull:push hard sets
0.8–2.0), and the rationale line when a session could not balance.
"""

from __future__ import annotations

from .library import LibraryIndex
from .prescription import Draft
from .splits import PULL_PATTERNS, PUSH_PATTERNS
from .types import Goal


def available_sides(index: LibraryIndex) -> frozenset[str]:
    """The push and pull patterns with at least one movement the athlete may do
    (the index holds only movements their equipment and rules allow)."""
    return frozenset(p for p in PUSH_PATTERNS | PULL_PATTERNS if index.pattern(p))


def lacking(tags: tuple[str, ...], blocks: dict[str, list[Draft]]) -> frozenset[str]:
    """The push or pull intent patterns still missing from a session's hard work:
    each side the day's focus lists (upper and full-body days both, issue 10; a
    "Push (squat + press)" day its press, which a 30-min day once swapped for a
    fly) until the session trains it; empty once it does."""
    push = [t for t in tags if t in PUSH_PATTERNS]
    pull = [t for t in tags if t in PULL_PATTERNS]
    done = {d.movement.pattern for ds in blocks.values() for d in ds if d.hard}
    lacking: list[str] = []
    if push and not done & PUSH_PATTERNS:
        lacking += push
    if pull and not done & PULL_PATTERNS:
        lacking += pull
    return frozenset(lacking)


#: The rationale's words when the athlete's equipment and rules leave no
#: movement of the missing side: the one allowed exception to the push/pull
#: invariant (:mod:`.review`).
NO_SIDE_AVAILABLE = "your equipment and rules leave no movement of that kind"


def balance_note(
    tags: tuple[str, ...],
    blocks: dict[str, list[Draft]],
    minutes: int,
    full: bool,
    available: frozenset[str] = PUSH_PATTERNS | PULL_PATTERNS,
) -> str:
    """Why an upper or full-body session pushes without pulling (any number of
    hard exercises), or pulls without pushing (2+ hard exercises), else "".

    ``available``: the push and pull patterns the athlete's library still holds
    (equipment, hard-no rules); a side with none of them is the allowed
    exception (:data:`NO_SIDE_AVAILABLE`). Otherwise the budget (``full``: the
    session filled its window) or the week's volume caps are named: the
    session is reported, not excused (issue 10, reference §11)."""
    hard = [d for ds in blocks.values() for d in ds if d.hard]
    missing = lacking(tags, blocks)
    if not hard or not missing:
        return ""
    side = "pull" if missing & PULL_PATTERNS else "push"
    if side == "push" and len(hard) < 2:
        return ""
    if not missing & available:
        why = NO_SIDE_AVAILABLE
    elif full:
        why = f"the {minutes}-minute budget holds only {len(hard)} hard exercises"
    else:
        why = "this week's volume caps leave no room for it"
    return f"No {side} today: {why}; the week balances it."


def week_lean(
    tags: tuple[str, ...],
    blocks: dict[str, list[Draft]],
    week_pull_push: tuple[float, float],
) -> frozenset[str]:
    """The day's pull intent patterns while the week so far (``week_pull_push``:
    hard pull and push sets of its earlier sessions, plus this session's
    ``blocks``) has fewer pull than push hard sets; its push patterns past 1.8
    pulls per push; else empty. Accessories then lean that way, so the weekly
    pull:push stays within 0.8–2.0 (issue 10; reference §11: at least as much
    pulling as pushing, ≤ 2:1 keeps pressing productive)."""
    pull, push = week_pull_push
    for d in (d for ds in blocks.values() for d in ds if d.hard):
        if d.movement.pattern in PULL_PATTERNS:
            pull += d.sets
        elif d.movement.pattern in PUSH_PATTERNS:
            push += d.sets
    if pull < push:
        return frozenset(t for t in tags if t in PULL_PATTERNS)
    if pull > 1.8 * push and push:
        return frozenset(t for t in tags if t in PUSH_PATTERNS)
    return frozenset()


#: RP's major groups whose weekly MEV hypertrophy-weighted programs keep, and
#: the lifting patterns that train each (reference §3, §11; issue 10).
MAJOR_GROUPS = ("chest", "back", "quadriceps", "hamstrings")
FLOOR_PATTERNS: dict[str, tuple[str, ...]] = {
    "chest": ("horizontal_push",),
    "back": ("horizontal_pull", "vertical_pull"),
    "quadriceps": ("squat", "lunge"),
    "hamstrings": ("hinge",),
}
#: HYPERTROPHY is the largest goal weight and at least this (of 10).
HYPERTROPHY_MIN_WEIGHT = 4


def hypertrophy_weighted(weights: dict) -> bool:
    """Whether a program's goal weights put hypertrophy first (≥ 4 of 10 and no
    goal weighs more): its major groups keep MEV (issue 10)."""
    weight = weights.get(Goal.HYPERTROPHY, 0)
    return weight >= HYPERTROPHY_MIN_WEIGHT and weight >= max(
        weights.values(), default=0
    )


def floor_pattern(
    tags: tuple[str, ...],
    rows: dict[str, float],
    exclude: frozenset[str] = frozenset(),
) -> str | None:
    """The day's pattern for the major group with the fewest hard sets in the
    session so far (``rows``: landmark group → sets), among the groups the day's
    intent patterns can train; None when it trains none of them. Extra work on
    a hypertrophy-weighted day goes there first, so chest, back, quadriceps and
    hamstrings reach MEV before other work (RP, reference §3; issue 10).
    ``exclude``: patterns the week's pull:push leans away from (not chosen)."""
    options = [
        (rows.get(g, 0.0), i, p)
        for i, g in enumerate(MAJOR_GROUPS)
        for p in FLOOR_PATTERNS[g]
        if p in tags and p not in exclude
    ]
    return min(options)[2] if options else None


#: A day holds at most this many hard exercises of one compound lifting pattern
#: (issue 10: a coach saw Upper B = bench press + incline press + dumbbell press;
#: a third press is better spent on a pattern the day has not trained, reference
#: §11: both planes of pushing and pulling, knee- and hip-dominant work).
PATTERN_CAP = 2
CAPPED_PATTERNS = PUSH_PATTERNS | PULL_PATTERNS | {"squat", "hinge", "lunge"}


def pattern_capped(tags: tuple[str, ...]) -> bool:
    """Whether a day's focus keeps :data:`PATTERN_CAP`: it lists three or more
    compound lifting patterns (upper, lower, legs, full-body, push/pull days), so
    a third exercise of one pattern crowds out another. A focus with two or
    fewer (push, pull, chest, back, shoulders, arms, posterior-chain days) calls
    for repeats of its patterns and is not capped."""
    return len(set(tags) & CAPPED_PATTERNS) >= 3


def patterns_at_cap(patterns: list[str], tags: tuple[str, ...]) -> frozenset[str]:
    """The compound patterns that already fill :data:`PATTERN_CAP` among a day's
    hard exercises (``patterns``: one movement pattern per hard exercise) on a
    capped focus (:func:`pattern_capped`); empty otherwise."""
    if not pattern_capped(tags):
        return frozenset()
    return frozenset(
        p for p in set(patterns) & CAPPED_PATTERNS if patterns.count(p) >= PATTERN_CAP
    )
