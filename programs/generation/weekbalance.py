"""The week's pull:push held by per-day budgets (issue 10; reference §11: at
least as much pulling as pushing, ≤ 2:1 keeps pressing productive).

The engine builds a loading week once; when its pull:push hard sets fall outside
0.8–2.0 it builds the week again with a budget for the side in excess on each
day that trained it: that day's sets of the side scaled so the week lands at
:data:`AIM_LOW` (too little pulling: pressing is held back, the time goes to
the day's other patterns) or :data:`AIM_HIGH` (too much pulling), never below
the sets its main lifts of that side had (a budget trims accessory pressing,
not the day's main press: no accessory gets more sets than a main lift, so a
cut bench press would also cap the day's rows, and a 2-day beginner week went
from 9:12 to 7:9 instead of 9:10), nor, on a day carried from last week, below
last week's sets of that side (the planned step's added sets go first; cutting
last week's sets too dropped triceps 7.5 → 6.5 where the plan stepped up).
Budgets are
volume-row caps on the engine's side rows (:data:`.library.PUSH_ROW`,
:data:`.library.PULL_ROW`), so main lifts, accessories, extra sets and carried
sessions all respect them. Pure and deterministic: the same first pass gives
the same budgets. Typical case: a 3-day push/pull week (two push days, one
pull day; the pull day is held at 12 back sets a session).

One re-build can land short of the window (a 4-day 30-min full-body week pulled
12 to 0 pushed, was capped to 8:12, and stayed there), so the engine builds a
week up to :data:`MAX_PASSES` times, each pass adding budgets from the last one
to those already held (:func:`tighten`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .library import PULL_ROW, PUSH_ROW
from .prescription import Draft
from .splits import PULL_PATTERNS, PUSH_PATTERNS
from .types import ExerciseRole
from .volume import SESSION_SET_CAP

PULL_PUSH_MIN, PULL_PUSH_MAX = 0.8, 2.0
#: Where a re-balanced week aims: inside the window with a margin, since the
#: second pass re-fits every session to its budget [U].
AIM_LOW, AIM_HIGH = 0.9, 1.8
#: A budget never goes below one lift's two hard sets (a main lift needs them).
MIN_SIDE_SETS = 2
#: At most this many builds of one week (the first and two re-builds) [U]:
#: each budget only tightens, so later passes change less.
MAX_PASSES = 3


def miss(pull: float, push: float) -> float:
    """How far a week's pull:push sits outside 0.8–2.0 (0 inside it, or when
    the week trains only one side or neither)."""
    if not pull or not push:
        return 0.0
    ratio = pull / push
    return max(0.0, PULL_PUSH_MIN - ratio, ratio - PULL_PUSH_MAX)


def side_budgets(
    days: dict[int, tuple[float, float]],
    held: dict[int, tuple[float, float]] | None = None,
) -> dict[int, dict[str, float]]:
    """Per-day caps (day index → {side row: hard sets}) from a first pass's
    ``days`` (day index → (pull, push) hard sets), or {} when the week's
    pull:push is within 0.8–2.0 (or it trains only one side). ``held``: each
    day's (pull, push) sets a cap never goes below (:func:`held_sides`: its
    main lifts', on a carried day last week's; module doc)."""
    pull = sum(p for p, _ in days.values())
    push = sum(p for _, p in days.values())
    if not miss(pull, push):
        return {}
    if pull < PULL_PUSH_MIN * push:
        row, scale, index = PUSH_ROW, pull / AIM_LOW / push, 1
    else:
        row, scale, index = PULL_ROW, push * AIM_HIGH / pull, 0
    held = held or {}
    return {
        day: {
            row: float(
                max(
                    MIN_SIDE_SETS,
                    min(sets[index], held.get(day, (0.0, 0.0))[index]),
                    math.floor(sets[index] * scale),
                )
            )
        }
        for day, sets in days.items()
        if sets[index]
    }


def held_sides(
    blocks: dict[str, list[Draft]], carried: dict[str, list[Draft]] | None = None
) -> tuple[float, float]:
    """(pull, push) hard sets a budget leaves a built session (``blocks``):
    its MAIN lifts' of a side it trains no more than the other and, on a day carried from last week (``carried``: last
    week's blocks, :mod:`.carry`), last week's MAIN and ACCESSORY sets of each
    side, whichever is more. A carried week whose planned step tipped its
    pull:push out of the window takes back the step's added sets, not last
    week's: it stays within the 20 % step (issue 10)."""
    pull, push = _sides(d for ds in blocks.values() for d in ds)
    main = _sides(d for d in blocks.get("MAIN", []) if d.role == ExerciseRole.MAIN)
    # Only a day that already trains the other side as much keeps its main
    # lifts whole (a push day of a push/pull week is the one to cut).
    main = (main[0] if push >= pull else 0.0, main[1] if pull >= push else 0.0)
    if carried is None:
        return main
    last = _sides(d for ds in carried.values() for d in ds)
    return max(main[0], last[0]), max(main[1], last[1])


def _sides(drafts: Iterable[Draft]) -> tuple[float, float]:
    """(pull, push) sets of the hard MAIN and ACCESSORY ``drafts``."""
    pull = push = 0.0
    for d in drafts:
        if not d.hard or d.role not in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY):
            continue
        if d.movement.pattern in PULL_PATTERNS:
            pull += d.sets
        elif d.movement.pattern in PUSH_PATTERNS:
            push += d.sets
    return pull, push


def tighten(
    held: dict[int, dict[str, float]], more: dict[int, dict[str, float]]
) -> dict[int, dict[str, float]]:
    """``held`` budgets with ``more`` added: per day and side row the smaller
    cap. A re-built week keeps the caps that brought it nearer the window while
    the next pass trims what is still in excess."""
    out = {day: dict(rows) for day, rows in held.items()}
    for day, rows in more.items():
        for row, cap in rows.items():
            day_rows = out.setdefault(day, {})
            day_rows[row] = min(cap, day_rows.get(row, cap))
    return out


#: A relaxing pass raises each budget by one lift's two sets (:func:`relaxed`).
RELAX_STEP = 2


def relaxed(
    budgets: dict[int, dict[str, float]], days: dict[int, tuple[float, float]]
) -> dict[int, dict[str, float]]:
    """``budgets`` raised one step for a re-built week inside 0.8–2.0 whose
    major groups are still below MEV: each day's cap on a side becomes its
    sets of that side this pass (``days``: day index → (pull, push) hard
    sets) plus :data:`RELAX_STEP`, never above
    :data:`.volume.SESSION_SET_CAP` (RP) nor below the cap held. Both sides
    rise, so a pull day held to 5 rows while its push day pressed 3 may row
    again once the push day presses more (issue 10: a 2-day push/pull week
    left at chest 8 < MEV 10 with 10 pulled to 5 pressed). The engine keeps
    the pass only if the week stays inside the window and nearer its floors.
    {} when the week is outside the window or no cap can rise."""
    pull = sum(p for p, _ in days.values())
    push = sum(p for _, p in days.values())
    if miss(pull, push):
        return {}
    out: dict[int, dict[str, float]] = {}
    for day, rows in budgets.items():
        sets = days.get(day, (0.0, 0.0))
        out[day] = {
            row: max(
                cap, min(float(SESSION_SET_CAP), sets[row == PUSH_ROW] + RELAX_STEP)
            )
            for row, cap in rows.items()
        }
    return out if out != budgets else {}


def smaller_side(days: dict[int, tuple[float, float]]) -> float:
    """The week's hard sets of its less-trained side (pull or push) from a
    pass's ``days`` (day index → (pull, push)). A re-build that lowers it
    balanced the week by shrinking it, which costs the muscles their floors."""
    return min(sum(p for p, _ in days.values()), sum(p for _, p in days.values()))


def capped_rows_note(rows: list[str]) -> str:
    """Why a short session stopped adding sets, naming each full row by its
    cap: a muscle's row is its session share of the weekly volume caps (MRV,
    RP; reference §3), a side row (:data:`.library.PUSH_ROW`,
    :data:`.library.PULL_ROW`) its share of the week's pull:push budget (issue
    10), never an MRV. ``rows``: the full rows, sorted; "" when none."""
    muscles = [r for r in rows if r not in (PUSH_ROW, PULL_ROW)]
    sides = [r for r in rows if r in (PUSH_ROW, PULL_ROW)]
    parts = []
    if muscles:
        parts.append(f"weekly volume caps (MRV share) reached for {', '.join(muscles)}")
    if sides:
        parts.append(
            f"its share of the week's pull:push budget reached for {' and '.join(sides)}"
        )
    return "; ".join(parts)


def week_short(tags: tuple[str, ...], pull: float, push: float) -> frozenset[str]:
    """The intent patterns (``tags``) of the side a week's pull:push still
    lacks: its pulls below 0.8 pulls per push, its pushes past 2.0; empty
    inside the window. ``pull``, ``push``: the week's hard sets as a session
    sees them, itself included (:func:`seen`). A pull day of a push, pull,
    push week on 30 minutes then takes a second pull accessory beyond the time
    rule's one (making room from the day's other sets): 3:4 became 4:4."""
    if not miss(pull, push):
        return frozenset()
    side = PULL_PATTERNS if pull < PULL_PUSH_MIN * push else PUSH_PATTERNS
    return frozenset(t for t in tags if t in side)


def one_sided(tags: tuple[str, ...]) -> bool:
    """Whether a day's focus lists push patterns or pull patterns but not both
    (push/pull and PPL days): it balances only over the week, so on a re-build
    it weighs the week's later days too (:func:`seen`)."""
    return bool(set(tags) & PUSH_PATTERNS) != bool(set(tags) & PULL_PATTERNS)


def seen(
    pull_push: tuple[float, float],
    ahead: dict[int, tuple[float, float]],
    day: int,
    tags: tuple[str, ...],
) -> tuple[float, float]:
    """The week's (pull, push) hard sets a session weighs: the sessions so far
    (``pull_push``), plus on a re-build of a :func:`one_sided` day the later
    days of the previous pass (``ahead``: day → (pull, push)). A pull day of a
    push, pull, push week then sees both pressing days and takes a second pull
    lift instead of leaving the week at 4:6."""
    if not one_sided(tags):
        return pull_push
    later = [v for d, v in ahead.items() if d > day]
    return (
        pull_push[0] + sum(p for p, _ in later),
        pull_push[1] + sum(p for _, p in later),
    )
