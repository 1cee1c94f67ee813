"""Fitting a session into less time, and the recovery/mobility session.

Shrink order (issue 9 §1, "the coach's order"), one small step at a time until the
estimate is within +5 % of the minutes available:

1. the finisher (dropped, then a round at a time) and accessories (last first:
   dropped, then a set at a time);
2. sets of later exercises: MAIN-block exercises after the first, last first, one
   set at a time down to :data:`MIN_MAIN_SETS`;
3. rest: 15 s at a time on every hard exercise down to the floors
   (:data:`REST_FLOOR`);
4. main lifts last: the first main lift's sets down to :data:`MIN_MAIN_SETS`, then
   warm-up drills and cool-down stretches down to one each, then every main lift
   down to one set, then later main-block exercises dropped (one main lift stays);
5. on cardio, conditioning and mobility days the middle block is the main work:
   it shrinks after the warm-up and cool-down extras (:func:`_middle_steps`).

A step that would take the estimate below −5 % is skipped for the next, finer one
(so a 6-minute accessory is not dropped when cutting a set would do); only when no
step keeps the estimate within the window is the first one taken anyway. The
timing is the planning engine's (``programs.generation.timing``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from programs.generation.library import LibraryIndex
from programs.generation.prescription import mobility_rx, stretch_rx, warmup_rx
from programs.generation.timing import TIME_TOLERANCE
from programs.generation.types import ExerciseRole

from .types import OpKind
from .work import Item, OpLog, describe, total_seconds

#: Main lifts keep at least this many sets until the last shrink phase (the
#: planner's MAIN_SETS floor, ``prescription.MAIN_SETS``: 2).
MIN_MAIN_SETS = 2
#: Rest floors in seconds: 60 s for main lifts (Grgic 2018: 60–120 s is enough for
#: the untrained, reference §9a [V]); 30 s for other work (NSCA hypertrophy 30–90 s,
#: §1a [S]).
REST_FLOOR = {ExerciseRole.MAIN: 60}
REST_FLOOR_OTHER = 30
REST_STEP = 15
#: Steady cardio is shortened a minute at a time down to 10 min (design choice [U]:
#: the shortest bout worth a warm-up; ACSM 2011 counts aerobic minutes, §2c).
CARDIO_MIN_SECONDS = 600
DURATION_STEP = 60
#: Circuit stations keep at least 20 s of work (design choice [U]; the planner's
#: circuits use 30–45 s stations, seeds 003 s16).
CIRCUIT_MIN_WORK = 20
WORK_STEP = 5
#: A recovery/mobility session lasts at most this long (design choice [U]: light
#: mobility work of 20–30 min; reference §2c ACSM flexibility ≈60 s per stretch).
RECOVERY_MAX_MINUTES = 30

Step = tuple[Item, Callable[[], None], Callable[[], None], OpKind, str]


def window(minutes: int) -> tuple[float, float]:
    """(low, high) seconds of the ±5 % window around ``minutes``."""
    return minutes * 60 * (1 - TIME_TOLERANCE), minutes * 60 * (1 + TIME_TOLERANCE)


def _set_cut(item: Item, floor: int) -> Step | None:
    d = item.draft
    if d.sets <= floor:
        return None

    def do() -> None:
        d.sets -= 1

    def undo() -> None:
        d.sets += 1

    return item, do, undo, OpKind.CUT_SETS, "set"


def _drop(item: Item, items: list[Item]) -> Step:
    at = items.index(item)

    def do() -> None:
        items.remove(item)

    def undo() -> None:
        items.insert(at, item)

    return item, do, undo, OpKind.DROP, "drop"


def _rest_cut(item: Item) -> Step | None:
    d = item.draft
    floor = REST_FLOOR.get(d.role, REST_FLOOR_OTHER)
    if d.sets < 2 or d.rest <= floor:
        return None
    old = d.rest

    def do() -> None:
        d.rest = max(floor, old - REST_STEP)

    def undo() -> None:
        d.rest = old

    return item, do, undo, OpKind.SHORTEN_REST, "rest"


def _steps(items: list[Item]) -> Iterator[Step]:
    """Candidate steps, best first (module doc)."""
    finisher = [i for i in items if i.block == "FINISHER"]
    accessories = [i for i in items if i.block == "ACCESSORY"][::-1]
    main = [i for i in items if i.block == "MAIN"]
    first = next((i for i in main if i.draft.role == ExerciseRole.MAIN), None)
    later = [i for i in main if i is not first][::-1]
    for item in finisher:
        yield _drop(item, items)
    for item in finisher:
        step = _set_cut(item, 1)
        if step:
            yield step
    for item in accessories:
        yield _drop(item, items)
        step = _set_cut(item, 1)
        if step:
            yield step
    for item in later:
        step = _set_cut(item, MIN_MAIN_SETS)
        if step:
            yield step
    for item in [*later, *([first] if first else [])]:
        step = _rest_cut(item)
        if step:
            yield step
    if first is not None:
        step = _set_cut(first, MIN_MAIN_SETS)
        if step:
            yield step
    for block in ("WARMUP", "COOLDOWN"):
        extras = [i for i in items if i.block == block]
        if len(extras) > 1:
            yield _drop(extras[-1], items)
    for item in [*later, *([first] if first else [])]:
        step = _set_cut(item, 1)
        if step:
            yield step
    for item in later:
        yield _drop(item, items)
    yield from _middle_steps(items)


def _duration_cut(item: Item) -> Step | None:
    d = item.draft
    if d.sets != 1 or not d.duration or d.duration <= CARDIO_MIN_SECONDS:
        return None
    old = d.duration

    def do() -> None:
        d.duration = max(CARDIO_MIN_SECONDS, old - DURATION_STEP)

    def undo() -> None:
        d.duration = old

    return item, do, undo, OpKind.CUT_SETS, "duration"


def _round_cut(circuit: list[Item]) -> Step | None:
    if not circuit or max(i.draft.sets for i in circuit) <= 1:
        return None
    before = [i.draft.sets for i in circuit]

    def do() -> None:
        for i in circuit:
            i.draft.sets = max(1, i.draft.sets - 1)

    def undo() -> None:
        for i, sets in zip(circuit, before, strict=True):
            i.draft.sets = sets

    return circuit[0], do, undo, OpKind.CUT_SETS, "round"


def _work_cut(circuit: list[Item]) -> Step | None:
    if not circuit or min(i.draft.duration or 0 for i in circuit) <= CIRCUIT_MIN_WORK:
        return None
    before = [i.draft.duration for i in circuit]

    def do() -> None:
        for i in circuit:
            i.draft.duration = max(CIRCUIT_MIN_WORK, i.draft.duration - WORK_STEP)

    def undo() -> None:
        for i, seconds in zip(circuit, before, strict=True):
            i.draft.duration = seconds

    return circuit[0], do, undo, OpKind.CUT_SETS, "work"


def _middle_steps(items: list[Item]) -> Iterator[Step]:
    """Cardio, conditioning and mobility days: a circuit loses a round at a time,
    then 5 s of work per station (down to :data:`CIRCUIT_MIN_WORK`); steady cardio
    a minute at a time down to :data:`CARDIO_MIN_SECONDS`; intervals and drills a
    set at a time (to 2), then their rests; then drills are dropped (one stays),
    then single sets."""
    middle = [i for i in items if i.block in ("CARDIO", "CONDITIONING", "MOBILITY")]
    single = [i for i in middle if i.draft.superset is None][::-1]
    circuit = [i for i in middle if i.draft.superset is not None]
    for step in (_round_cut(circuit), _work_cut(circuit)):
        if step:
            yield step
    for item in single:
        step = _duration_cut(item) or _set_cut(item, 2)
        if step:
            yield step
    for item in single:
        step = _rest_cut(item)
        if step:
            yield step
    if len(single) > 1:
        yield _drop(single[0], items)
    for item in single:
        step = _set_cut(item, 1)
        if step:
            yield step


def shrink(items: list[Item], minutes: int, log: OpLog) -> bool:
    """Shrink ``items`` in place to fit ``minutes`` (module doc); record each step
    in ``log``. Returns whether the estimate ends within ±5 %."""
    low, high = window(minutes)
    before = {i.uid: describe(i.draft) for i in items}
    reason = f"to fit the {minutes} min you have today"
    while total_seconds(items) > high:
        chosen: Step | None = None
        fallback: Step | None = None
        for step in _steps(items):
            step[1]()
            now = total_seconds(items)
            step[2]()
            if now >= low:
                chosen = step
                break
            fallback = fallback or step
        chosen = chosen or fallback
        if chosen is None:
            break
        item, do, _, kind, what = chosen
        do()
        name = item.movement.name
        if kind == OpKind.DROP:
            log.add(kind, f"{name} left out {reason}.", item, before=before[item.uid])
        elif what in ("duration", "round", "work"):
            label = {"duration": "Shorter", "round": "Fewer rounds",
                     "work": "Shorter stations"}[what]  # fmt: skip
            log.add(
                kind, f"{label} {reason}.", item, before=before[item.uid],
                after=describe(item.draft),
            )  # fmt: skip
        elif kind == OpKind.SHORTEN_REST:
            log.add(
                kind, f"Shorter rests {reason}.", item, before=before[item.uid],
                after=describe(item.draft),
            )  # fmt: skip
        else:
            log.add(
                kind, f"Fewer sets {reason}.", item, before=before[item.uid],
                after=describe(item.draft),
            )  # fmt: skip
    return low <= total_seconds(items) <= high


def recovery_items(
    index: LibraryIndex,
    muscles: frozenset[str],
    minutes: int,
    next_uid: Callable[[], int],
) -> list[Item]:
    """A recovery/mobility session of ``min(minutes, RECOVERY_MAX_MINUTES)``: an easy
    5-min general warm-up, mobility drills for ``muscles`` first (3 × 40 s,
    ``prescription.mobility_rx``) and static stretches (2 × 30 s, ACSM flexibility,
    reference §2c), fitted within ±5 % when the library allows. Deterministic."""
    target = min(minutes, RECOVERY_MAX_MINUTES)
    low, high = window(target)

    def rank(pool: list) -> list:
        return sorted(pool, key=lambda f: (not (f.primary & muscles), f.m.id))

    general = [f for f in index.facts.values()
               if f.m.pattern == "cardio" and not f.m.equipment and f.m.level <= 1]  # fmt: skip
    items: list[Item] = []
    if general:
        items.append(_item(warmup_rx(general[0].m, general=True), "WARMUP", next_uid))
    elif index.warmups:
        first = rank(index.warmups)[0]
        items.append(_item(warmup_rx(first.m, general=False), "WARMUP", next_uid))
    warm = {i.movement.id for i in items}
    for f in [f for f in rank(index.stretches) if f.m.id not in warm][:2]:
        items.append(_item(stretch_rx(f.m), "COOLDOWN", next_uid))
    drills = _drill_pool(index, rank, {i.movement.id for i in items})
    for f in drills:
        if total_seconds(items) >= low:
            break
        draft = mobility_rx(f.m)
        trial = _item(draft, "MOBILITY", next_uid)
        items.append(trial)
        if total_seconds(items) > high:
            items.remove(trial)
    return items


def _drill_pool(index: LibraryIndex, rank: Callable[[list], list], used: set[int]):
    """A recovery session's MOBILITY candidates in order: mobility drills, then
    static stretches, each movement once and none already in the session. A
    movement can sit in both pools (a warm-up drill named a stretch, e.g. "World's
    Greatest Stretch": ``library._is_warmup`` and ``_is_stretch`` both accept it),
    and it once came back as a second exercise of the same movement when the
    session needed enough drills to reach it."""
    pool = []
    seen = set(used)
    mobility = [f for f in rank(index.warmups) if f.m.pattern == "mobility"]
    for f in [*mobility, *rank(index.stretches)]:
        if f.m.id not in seen:
            seen.add(f.m.id)
            pool.append(f)
    return pool


def _item(draft, block: str, next_uid: Callable[[], int]) -> Item:
    return Item(draft, block, None, next_uid())
