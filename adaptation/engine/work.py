"""The adapter's working state: a session as mutable items, timed with the planning
engine's tables, and the operation log.

Exercises become ``programs.generation.prescription.Draft`` objects so the session
is costed with exactly the planning engine's timing (``timing.total_seconds``,
``timing.breakdown``: seeds 002 set/rest tables, changeover and ramp-up sets), never
a copy of it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from programs.generation.prescription import Draft
from programs.generation.timing import breakdown, circuit_seconds, exercise_seconds
from programs.generation.timing import total_seconds as _total_seconds
from programs.generation.types import (
    ExerciseRole,
    MovementInfo,
    MovementLibrary,
    SessionType,
    TimeBreakdown,
)
from programs.generation.volume import add_sets, set_credit

from .types import ExercisePlan, Operation, OpKind, SessionPlan

#: Middle block of the non-lifting day types (planning engine anatomy, seeds 003
#: s16: warm-up, one middle block, cool-down).
MIDDLE_BLOCK: dict[SessionType, str] = {
    SessionType.CARDIO: "CARDIO",
    SessionType.CONDITIONING: "CONDITIONING",
    SessionType.MOBILITY: "MOBILITY",
}
BLOCK_ORDER = ("WARMUP", "MAIN", "CARDIO", "CONDITIONING", "MOBILITY", "ACCESSORY",
               "FINISHER", "COOLDOWN")  # fmt: skip
HARD_ROLES = (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)


def is_lifting(session_type: SessionType) -> bool:
    """Lifting days: every type but cardio, conditioning, mobility and recovery."""
    return session_type not in (*MIDDLE_BLOCK, SessionType.RECOVERY)


def block_of(role: ExerciseRole, session_type: SessionType) -> str:
    """The anatomy block an exercise of ``role`` sits in on a day of that type."""
    if role in (ExerciseRole.WARMUP, ExerciseRole.COOLDOWN, ExerciseRole.ACCESSORY):
        return role.value
    if role == ExerciseRole.FINISHER:
        return "FINISHER"
    return MIDDLE_BLOCK.get(session_type, "MAIN")


@dataclass(slots=True)
class Item:
    """One exercise being adapted: its draft (mutable prescription), block and the
    caller's id of the planned exercise (None for added ones)."""

    draft: Draft
    block: str
    exercise_id: int | None
    uid: int

    @property
    def movement(self) -> MovementInfo:
        return self.draft.movement

    @property
    def hard(self) -> bool:
        return self.draft.hard


def to_item(
    ep: ExercisePlan, movement: MovementInfo, session_type: SessionType, uid: int
) -> Item:
    """An ExercisePlan as a working item; hard = MAIN/ACCESSORY role in the MAIN or
    ACCESSORY block of a lifting day (the planning engine's ``Draft.hard``)."""
    block = block_of(ep.role, session_type)
    hard = ep.role in HARD_ROLES and block in ("MAIN", "ACCESSORY")
    draft = Draft(
        movement, ep.role, ep.sets, reps_min=ep.reps_min, reps_max=ep.reps_max,
        duration=ep.duration_seconds, rpe=ep.target_rpe, rest=ep.rest_seconds,
        superset=ep.superset_group, hard=hard,
    )  # fmt: skip
    return Item(draft, block, ep.exercise_id, uid)


def hard_sets_by_row(plan: SessionPlan, library: MovementLibrary) -> dict[str, float]:
    """Fractional hard sets per volume row of one session (primary 1.0, synergist
    0.5 per set, one credit per row: ``programs.generation.volume``), counting
    MAIN/ACCESSORY work of lifting days only — the same count the adapter checks
    the MRV caps with. Sum it over the microcycle's other sessions for
    ``adapt_session(week_sets=…)``."""
    rows: dict[str, float] = {}
    for n, ep in enumerate(plan.exercises):
        item = to_item(ep, library.movements[ep.movement_id], plan.session_type, n)
        if item.hard:
            add_sets(rows, set_credit(item.movement), ep.sets)
    return rows


def blocks(items: list[Item]) -> dict[str, list[Draft]]:
    """Drafts grouped by block, in anatomy order."""
    out: dict[str, list[Draft]] = {}
    for name in BLOCK_ORDER:
        drafts = [i.draft for i in items if i.block == name]
        if drafts:
            out[name] = drafts
    return out


def ordered(items: list[Item]) -> list[Item]:
    """Items in anatomy order (stable within a block)."""
    return sorted(items, key=lambda i: BLOCK_ORDER.index(i.block))


def total_seconds(items: list[Item]) -> int:
    """Session seconds by the planning engine's tables (``timing.total_seconds``)."""
    return _total_seconds(blocks(items))


def time_breakdown(items: list[Item]) -> TimeBreakdown:
    """Minutes per block (``timing.breakdown``)."""
    return breakdown(blocks(items))


def to_plans(items: list[Item]) -> tuple[ExercisePlan, ...]:
    """Freeze items into ExercisePlans, orders renumbered from 1, seconds filled
    (a circuit's seconds shared equally among its items, as the planner does)."""
    out: list[ExercisePlan] = []
    items = ordered(items)
    for order, item in enumerate(items, start=1):
        d = item.draft
        if d.superset is not None:
            group = [
                i.draft
                for i in items
                if i.block == item.block and i.draft.superset == d.superset
            ]
            seconds = circuit_seconds(group) // len(group)
        else:
            seconds = exercise_seconds(d)
        out.append(
            ExercisePlan(
                movement_id=d.movement.id, role=d.role, order=order, sets=d.sets,
                reps_min=None if d.duration else d.reps_min,
                reps_max=None if d.duration else d.reps_max,
                duration_seconds=d.duration, target_rpe=d.rpe, rest_seconds=d.rest,
                superset_group=d.superset, exercise_id=item.exercise_id,
                estimated_seconds=seconds,
            )
        )  # fmt: skip
    return tuple(out)


def describe(d: Draft) -> str:
    """A prescription in words: "4×5–6 @ RPE 8, rest 180 s"."""
    if d.duration:
        work = f"{d.sets}×{d.duration} s"
    elif d.reps_min is not None:
        reps = d.reps_min if d.reps_min == d.reps_max else f"{d.reps_min}–{d.reps_max}"
        work = f"{d.sets}×{reps}"
    else:
        work = f"{d.sets} sets"
    if d.rpe is not None:
        work += f" @ RPE {d.rpe:g}"
    return f"{work}, rest {d.rest} s" if d.rest else work


class OpLog:
    """Operations in the order applied; repeated CUT_SETS / SHORTEN_REST /
    LOWER_EFFORT on one exercise are merged into one (first "before", last
    "after", reasons joined once each)."""

    MERGED = (OpKind.CUT_SETS, OpKind.SHORTEN_REST, OpKind.LOWER_EFFORT)

    def __init__(self) -> None:
        self.ops: list[Operation] = []
        self._at: dict[tuple[OpKind, int], int] = {}

    def add(
        self, kind: OpKind, reason: str, item: Item | None = None, *,
        movement_id: int | None = None, new_movement_id: int | None = None,
        before: str = "", after: str = "",
    ) -> None:  # fmt: skip
        """Record one operation (merged per item for the MERGED kinds).

        ``movement_id`` is the movement the operation applies to, by default the
        item's current one; a SWAP retargets the item first, so it passes the
        movement it replaced here and the one it put in as ``new_movement_id``.
        """
        key = (kind, item.uid) if item is not None else None
        if key is not None and kind in self.MERGED and key in self._at:
            at = self._at[key]
            old = self.ops[at]
            text = old.reason if reason in old.reason else f"{old.reason} {reason}"
            self.ops[at] = replace(old, reason=text, after=after)
            return
        op = Operation(
            kind, reason,
            exercise_id=item.exercise_id if item is not None else None,
            movement_id=(
                movement_id if movement_id is not None
                else item.movement.id if item is not None else None
            ),
            new_movement_id=new_movement_id, before=before, after=after,
        )  # fmt: skip
        if key is not None:
            self._at[key] = len(self.ops)
        self.ops.append(op)
