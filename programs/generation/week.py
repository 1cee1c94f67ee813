"""One week's build: each session of a microcycle in date order.

:func:`build_week` fills a week into a :class:`WeekState` (what later weeks
carry: main-lift choices, last loading week per day, the mesocycle's picks,
yesterday's muscle sets) and reports each lifting day's (pull, push) hard sets,
so :func:`.engine.iter_generate_sessions` can re-build a week whose pull:push
bends (:mod:`.weekbalance`, issue 10). Session allowances follow RP's landmarks
(reference §3): what is left of the week's target and MRV, shared over the
sessions that still target a row, never above 12 sets per session.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import heuristics as H
from .balance import planned_groups, primary_groups, week_floors
from .blocks import Built, SessionInput
from .builder import lifting_day
from .carry import (
    carried_rows,
    hold_later_days,
    step_expected,
    step_residue,
    step_room,
)
from .daytypes import cardio_day, conditioning_day, mobility_day
from .library import PULL_ROW, PUSH_ROW, LibraryIndex
from .periodization import WeekScheme
from .prescription import Draft
from .splits import FOCI, PULL_PATTERNS, PUSH_PATTERNS
from .types import (
    ExerciseRole,
    GeneratedSession,
    Goal,
    PlannedMicrocycle,
    PlannedSession,
    ProgramPlan,
    ProgramSpec,
    SessionFailure,
    SessionType,
)
from .volume import MUSCLE_ROW, SESSION_SET_CAP, mrv, rows_of, weekly_target
from .weekbalance import held_sides, seen


@dataclass(slots=True)
class WeekState:
    """What one week leaves the next: main-lift picks per (slot, mesocycle), each
    day's last loading session, the mesocycle's picks per day (for rotation) and
    yesterday's muscle sets (for fatigue)."""

    main_cache: dict[tuple[str, int], tuple[int, tuple[str, ...]]] = field(
        default_factory=dict
    )
    last_loading: dict[
        int, tuple[int, dict[str, list[Draft]], tuple[str, tuple[str, ...]]]
    ] = field(default_factory=dict)
    meso_ids: dict[tuple[int, int], set[int]] = field(default_factory=dict)
    prev_day: tuple[date, dict[str, float]] | None = None

    def copy(self) -> WeekState:
        """A copy a week's pass may change without touching this one."""
        return WeekState(
            dict(self.main_cache), dict(self.last_loading),
            {k: set(v) for k, v in self.meso_ids.items()}, self.prev_day,
        )  # fmt: skip

    def restore(self, other: WeekState) -> None:
        """Take ``other``'s state (the kept pass of a week)."""
        self.main_cache, self.last_loading = other.main_cache, other.last_loading
        self.meso_ids, self.prev_day = other.meso_ids, other.prev_day


#: Off-focus rows must leave this many sets for each later session of the week
#: that targets them (design choice, tuned so sessions fill their time
#: without starving the week's later focus days).
RESERVE_PER_SESSION = 2.0


def _allowances(
    spec: ProgramSpec, scheme: WeekScheme, session: PlannedSession, remaining: dict[str, int],
    used: dict[str, float],
) -> tuple[dict[str, float], dict[str, float]]:  # fmt: skip
    """Per-row session allowances: (target share, MRV share), each ≤ 12 (RP).

    A row the session targets gets an even share of what is left of the week's
    limit over the remaining sessions that target it. Other rows get nothing in
    the target tier (off-focus accessories only once the focus muscles are done)
    and, in the MRV tier, what is left after reserving ``RESERVE_PER_SESSION``
    sets for each later focus session.
    """
    exp = spec.athlete.experience_level
    # Landmarks are weekly; a longer microcycle holds proportionally more.
    weeks = spec.request.microcycle_length_days / 7
    targeted = rows_of(FOCI[session.focus].target_muscles)
    soft: dict[str, float] = {}
    hard: dict[str, float] = {}
    for row in set(MUSCLE_ROW.values()):
        n = max(1, remaining.get(row, 0))
        for out, limit in (
            (
                soft,
                weekly_target(row, exp, scheme.ramp)
                * max(1.0, scheme.volume_multiplier)
                * weeks,
            ),
            (hard, mrv(row, exp) * weeks),
        ):
            left = max(0.0, min(limit, mrv(row, exp) * weeks) - used.get(row, 0.0))
            if row in targeted:
                share = left / n
            elif out is soft:  # the target tier only grows the day's focus muscles
                share = 0.0
            else:  # off-focus rows: what later focus sessions do not need
                share = max(0.0, left - RESERVE_PER_SESSION * (n - 1))
            out[row] = min(SESSION_SET_CAP, share)
    return soft, hard


def _input(
    shared: dict, variant: int, avoid: frozenset[int], continuity: frozenset[int],
    previous: dict[str, list[Draft]] | None,
) -> SessionInput:  # fmt: skip
    """A SessionInput with the per-session RNG ``Random(f"{seed}:{mc}:{day}:{v}")``."""
    spec, mc, planned = shared["spec"], shared["microcycle"], shared["planned"]
    rng = random.Random(
        f"{spec.seed}:{mc.sequence_number}:{planned.day_index}:{variant}"
    )
    return SessionInput(
        rng=rng, avoid=avoid, continuity=continuity, previous=previous, **shared
    )


def build_session(inp: SessionInput) -> Built:
    """Build one session by its type (cardio, conditioning, mobility or lifting)."""
    kind = inp.planned.session_type
    if kind == SessionType.CARDIO:
        return cardio_day(inp)
    if kind == SessionType.CONDITIONING:
        return conditioning_day(inp)
    if kind == SessionType.MOBILITY:
        return mobility_day(inp)
    return lifting_day(inp)


def _ids(built: Built, main: bool = True) -> set[int]:
    """Movement ids of a built session (without MAIN-role ones if ``main`` is off)."""
    return {
        d.movement.id
        for drafts in built.blocks.values()
        for d in drafts
        if main or d.role != ExerciseRole.MAIN
    }


def _planned_later(lifting: list[PlannedSession], day: int) -> dict[str, int]:
    """The lifting days after ``day`` planning compound work for each major
    group (:func:`.balance.planned_groups`): the floor shortfall counts them."""
    later: dict[str, int] = {}
    for s in lifting:
        if s.day_index > day:
            focus = FOCI[s.focus]
            for g in planned_groups(focus.intent_tags, rows_of(focus.target_muscles)):
                later[g] = later.get(g, 0) + 1
    return later


def build_week(
    spec: ProgramSpec, plan: ProgramPlan, index: LibraryIndex, enjoy: frozenset[int],
    mc: PlannedMicrocycle, scheme: WeekScheme, state: WeekState,
    budgets: dict[int, dict[str, float]],
    ahead: dict[int, tuple[float, float]] | None = None,
    held: dict[int, tuple[float, float]] | None = None,
    rows: dict[str, float] | None = None,
) -> tuple[list[GeneratedSession | SessionFailure], dict[int, tuple[float, float]]]:  # fmt: skip
    """Build one week into ``state``: its sessions (or failures) in date order
    and each lifting day's (pull, push) hard sets. ``budgets``: per-day side-row
    caps (:func:`.weekbalance.side_budgets`); ``ahead``: a re-build's previous
    pass (:func:`.weekbalance.seen`); ``held``, when given, is filled with
    the (pull, push) sets a budget leaves each lifting day (:func:`.weekbalance.
    held_sides`); ``rows``, when given, with the week's hard sets per volume
    row (RP's landmark rows, reference §3)."""
    out: list[GeneratedSession | SessionFailure] = []
    sides: dict[int, tuple[float, float]] = {}
    used_rows: dict[str, float] = {} if rows is None else rows
    used_ids: set[int] = set()
    main_ids: set[int] = set()
    lifting = [s for s in mc.sessions if s.focus in FOCI]
    cardio_rank = 0
    pull_push = [0.0, 0.0]
    weights = {gw.goal: gw.weight for gw in spec.request.goals}
    trained: dict[str, int] = {}  # days each major group got primary hard sets
    residue: dict[str, float] = {}  # the planned step's rounding (.carry)
    exp, weeks = spec.athlete.experience_level, spec.request.microcycle_length_days / 7
    # Days carried from last week (.carry): their last week's sets per row.
    kept_rows = {
        s.day_index: carried_rows(state.last_loading[s.day_index][1], index)
        for s in lifting
        if not scheme.is_deload
        and not spec.session_variants.get((mc.sequence_number, s.day_index), 0)
        and s.day_index in state.last_loading
        and state.last_loading[s.day_index][0] == scheme.meso_index
        and state.last_loading[s.day_index][2] == (s.focus, s.blocks)
    }
    expected = {
        day: step_expected(state.last_loading[day][1], index, scheme.volume_multiplier)
        for day in kept_rows
    }
    room = step_room(
        {
            row: sum(e.get(row, 0.0) for e in expected.values())
            for row in {r for e in expected.values() for r in e}
        },
        getattr(week_floors(weights, exp, {}, {}), "mev", None),
    )
    for session in mc.sessions:
        if session.session_type == SessionType.RECOVERY:
            continue
        seq, day = mc.sequence_number, session.day_index
        try:
            remaining: dict[str, int] = {}
            for s in lifting:
                if s.day_index >= day:
                    for row in rows_of(FOCI[s.focus].target_muscles):
                        remaining[row] = remaining.get(row, 0) + 1
            soft, hard = ({}, {})
            if session.focus in FOCI:
                soft, hard = _allowances(spec, scheme, session, remaining, used_rows)
                later: dict[str, float] = {}
                for d, rows in kept_rows.items():
                    for row, v in rows.items() if d > day else ():
                        later[row] = later.get(row, 0.0) + v
                hold_later_days(
                    (soft, hard), used_rows, kept_rows.get(day, {}), later,
                    lambda row: mrv(row, exp) * weeks,
                )  # fmt: skip
                for row in (PUSH_ROW, PULL_ROW):
                    cap = budgets.get(day, {}).get(row, SESSION_SET_CAP)
                    soft[row] = hard[row] = min(SESSION_SET_CAP, cap)
            fatigued: frozenset[str] = frozenset()
            if state.prev_day and state.prev_day[0] == session.date - timedelta(days=1):
                fatigued = frozenset(
                    m
                    for m, v in state.prev_day[1].items()
                    if v > H.FATIGUE_SET_THRESHOLD
                )
            last = state.last_loading.get(day)
            continuity: frozenset[int] = frozenset()
            if (
                last
                and last[0] == scheme.meso_index
                and last[2] == (session.focus, session.blocks)
            ):
                continuity = frozenset(
                    d.movement.id for ds in last[1].values() for d in ds
                )
            rotation = frozenset(
                state.meso_ids.get((scheme.meso_index - 1, day), set())
            )
            variant = spec.session_variants.get((seq, day), 0)
            shared = {
                "spec": spec, "planned": session, "microcycle": mc, "scheme": scheme,
                "style": plan.progression_style, "index": index, "fatigued": fatigued,
                "used_week": frozenset(used_ids), "used_main": frozenset(main_ids), "rotation": rotation, "enjoy": enjoy,
                "soft_allow": soft, "hard_allow": hard, "main_cache": state.main_cache,
                "cardio_rank": cardio_rank,
                "week_pull_push": seen(
                    (pull_push[0], pull_push[1]), ahead or {}, day,
                    FOCI[session.focus].intent_tags if session.focus in FOCI else (),
                ),
                "week_floors": week_floors(
                    weights, spec.athlete.experience_level, used_rows, trained,
                    _planned_later(lifting, day),
                ),
                "step_residue": dict(residue),
                "step_room": dict(room),
            }  # fmt: skip
            same_day = last is not None and last[2] == (session.focus, session.blocks)
            deload_source = last[1] if same_day and scheme.is_deload else None
            carried = None
            if variant:
                # A regenerated session: avoid what the original picked (except
                # the main lifts, kept for progression), same state otherwise.
                original = build_session(
                    _input(shared, 0, frozenset(), continuity, deload_source)
                )
                avoid = frozenset(
                    d.movement.id
                    for ds in original.blocks.values()
                    for d in ds
                    if not (d.role == ExerciseRole.MAIN and d.hard)
                )
                built = build_session(_input(shared, variant, avoid, frozenset(), None))
            else:
                inp = _input(shared, 0, frozenset(), continuity, deload_source)
                if continuity and not scheme.is_deload and last is not None:
                    # Same mesocycle, day and focus: carry last week's session
                    # with the planned volume step (issue 10; .carry).
                    inp.carry = carried = last[1]
                built = build_session(inp)
        except Exception as exc:  # one failed session never stops the rest
            out.append(SessionFailure(seq, day, f"{type(exc).__name__}: {exc}"))
            state.prev_day = None
            continue
        if session.session_type == SessionType.CARDIO:
            cardio_rank += 1
        ids = _ids(built)
        used_ids |= ids
        before = tuple(pull_push)
        for d in (d for ds in built.blocks.values() for d in ds if d.hard):
            if d.role not in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY):
                continue
            if d.movement.pattern in PULL_PATTERNS:
                pull_push[0] += d.sets
            elif d.movement.pattern in PUSH_PATTERNS:
                pull_push[1] += d.sets
        if carried is not None:
            step_residue(
                residue, built.blocks, index,
                (session.dominant_goal or Goal.HYPERTROPHY) == Goal.HYPERTROPHY,
            )  # fmt: skip
        if session.focus in FOCI:
            sides[day] = (pull_push[0] - before[0], pull_push[1] - before[1])
            if held is not None:
                held[day] = held_sides(built.blocks, carried)
        main_ids.update(v[0] for v in built.main_ids.values())
        if carried is not None:
            took = carried_rows(built.blocks, index)
            for row, v in expected.get(day, {}).items():
                if row in room:
                    room[row] -= took.get(row, 0.0) - v
        for g in primary_groups(built.blocks, index):
            trained[g] = trained.get(g, 0) + 1
        for row, value in built.row_sets.items():
            used_rows[row] = used_rows.get(row, 0.0) + value
        for key, mid in built.main_ids.items():
            state.main_cache.setdefault(key, mid)
        if not scheme.is_deload:
            state.last_loading[day] = (
                scheme.meso_index,
                built.blocks,
                (session.focus, session.blocks),
            )
        state.meso_ids.setdefault((scheme.meso_index, day), set()).update(
            _ids(built, main=False)
        )
        state.prev_day = (session.date, built.muscle_sets)
        out.append(built.session)
    return out, sides
