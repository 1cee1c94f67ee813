"""Pure personal-record detection and top-set selection (no Django, STYLE C2).

Personal records are found by replaying an athlete's working sets of a movement in
the order they were performed, one workout at a time: a workout's best set of a
kind sets a record when it is strictly better than the best before that workout.
Replaying (rather than comparing against a stored best) keeps records right when a
workout is back-dated or deleted. Loads in kg.

Kinds:

- ``E1RM``: the best estimated 1RM. Low-confidence estimates (outside the formulas'
  valid range, reference §6) never set a record, so a 30-rep set cannot beat a
  heavy triple on paper. A lighter set with more reps *can* set one.
- ``LOAD_AT_REPS``: the heaviest load lifted for exactly ``reps`` reps (load > 0).
- ``REPS_AT_LOAD``: the most reps at one load, loads compared to 0.01 kg
  (load 0 = bodyweight counts: most pull-ups).

Ties are not records. The first set of a kind and key is a record with no
previous value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import groupby

E1RM = "E1RM"
LOAD_AT_REPS = "LOAD_AT_REPS"
REPS_AT_LOAD = "REPS_AT_LOAD"
KINDS = (E1RM, LOAD_AT_REPS, REPS_AT_LOAD)

#: Values are compared after rounding to this many decimals (0.01 kg, 0.01 rep):
#: smaller differences are float noise from unit conversion, i.e. ties.
PRECISION = 2


@dataclass(frozen=True, slots=True)
class LoggedSet:
    """One logged set as the record replay sees it.

    ``order`` is the set's position in its workout; ``load_kg`` is ``None`` when
    not recorded; ``reps`` is ``None`` for a timed set; ``e1rm_kg`` is the stored
    estimate (``None`` for warm-ups, timed sets and unknown loads).
    """

    set_id: int
    workout_id: int
    performed_at: datetime
    movement_id: int
    order: int
    load_kg: float | None
    reps: int | None
    e1rm_kg: float | None = None
    e1rm_low_confidence: bool = False
    is_warmup: bool = False
    duration_seconds: int | None = None


@dataclass(frozen=True, slots=True)
class RecordEvent:
    """A personal record set by ``set_id``.

    ``key`` is what the record is *at*: ``None`` for E1RM, the rep count for
    LOAD_AT_REPS, the load (kg, 2 decimals) for REPS_AT_LOAD. ``value`` is kg for
    E1RM and LOAD_AT_REPS, reps for REPS_AT_LOAD; ``previous_value`` is the best
    before (``None`` for a first). ``is_current`` marks the standing record of its
    movement, kind and key.
    """

    movement_id: int
    kind: str
    key: float | None
    value: float
    previous_value: float | None
    set_id: int
    workout_id: int
    achieved_at: datetime
    reps: int | None
    load_kg: float | None
    is_current: bool = False


def _candidates(s: LoggedSet) -> list[tuple[str, float | None, float]]:
    """``(kind, key, value)`` for every record ``s`` could set."""
    if s.is_warmup or s.reps is None:
        return []
    out: list[tuple[str, float | None, float]] = []
    if s.e1rm_kg is not None and not s.e1rm_low_confidence:
        out.append((E1RM, None, round(s.e1rm_kg, PRECISION)))
    if s.load_kg is not None:
        load = round(s.load_kg, PRECISION)
        if load > 0:
            out.append((LOAD_AT_REPS, float(s.reps), load))
        out.append((REPS_AT_LOAD, load, float(s.reps)))
    return out


def replay_records(sets: Iterable[LoggedSet]) -> list[RecordEvent]:
    """Every personal record in ``sets`` (any movements, any order given).

    Workouts are replayed by ``(performed_at, workout_id)``; within one workout
    only its best set per movement, kind and key can set a record (the earliest of
    equal sets). Returns events oldest first, the standing ones ``is_current``.
    """
    ordered = sorted(sets, key=lambda s: (s.performed_at, s.workout_id, s.order))
    best: dict[tuple[int, str, float | None], float] = {}
    events: list[RecordEvent] = []
    for _, workout_sets in groupby(ordered, key=lambda s: s.workout_id):
        in_workout: dict[tuple[int, str, float | None], tuple[float, LoggedSet]] = {}
        for s in workout_sets:
            for kind, key, value in _candidates(s):
                slot = (s.movement_id, kind, key)
                held = in_workout.get(slot)
                if held is None or value > held[0]:
                    in_workout[slot] = (value, s)
        for slot, (value, s) in in_workout.items():
            previous = best.get(slot)
            if previous is not None and value <= previous:
                continue
            best[slot] = value
            events.append(
                RecordEvent(
                    movement_id=slot[0],
                    kind=slot[1],
                    key=slot[2],
                    value=value,
                    previous_value=previous,
                    set_id=s.set_id,
                    workout_id=s.workout_id,
                    achieved_at=s.performed_at,
                    reps=s.reps,
                    load_kg=s.load_kg,
                )
            )
    last: dict[tuple[int, str, float | None], int] = {}
    for index, event in enumerate(events):
        last[(event.movement_id, event.kind, event.key)] = index
    current = set(last.values())
    return [replace(e, is_current=i in current) for i, e in enumerate(events)]


def pick_top_set(sets: Sequence[LoggedSet]) -> LoggedSet | None:
    """The top set of one movement in one workout, or ``None`` if all are warm-ups.

    The working set with the highest confident e1RM; failing that the highest
    low-confidence e1RM; failing that (no load recorded, bodyweight or timed work)
    the heaviest load, then the most reps, then the longest duration. The earliest
    set wins a tie.
    """
    working = [s for s in sets if not s.is_warmup]
    if not working:
        return None

    def rank(s: LoggedSet) -> tuple:
        confident = s.e1rm_kg is not None and not s.e1rm_low_confidence
        return (
            confident,
            s.e1rm_kg is not None,
            s.e1rm_kg or 0.0,
            s.load_kg or 0.0,
            s.reps or 0,
            s.duration_seconds or 0,
            -s.order,
        )

    return max(working, key=rank)
