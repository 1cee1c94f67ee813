"""Public API of the planning-and-optimizing engine.

* :func:`validate_request` — bounds, $10 budget, goal interference.
* :func:`plan_program` — the skeleton (cheap; runs on the web request path).
* :func:`iter_generate_sessions` — fills every non-rest session, in date order,
  yielding each as it goes; a failing session yields a SessionFailure and the rest
  go on (seeds 000 fork 5.2.3 branch C: resilient loop).
* :func:`generate_program` — convenience for the CLI and benchmark.
* :func:`heuristics` — JSON-serialisable, read-only view of the tunables.

Determinism: every random choice comes from ``random.Random(f"{seed}:{mc_seq}:
{day_index}:{variant}")``; nothing reads the clock.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import heuristics as H
from .balance import primary_groups, week_floors
from .blocks import Built, SessionInput
from .builder import lifting_day
from .carry import carried_rows, hold_later_days
from .daytypes import cardio_day, conditioning_day, mobility_day
from .library import PULL_ROW, PUSH_ROW, LibraryIndex, build_index
from .optimizer import enjoyable_ids
from .periodization import BLOCK_PHASES, WAVES, WeekScheme, week_schemes
from .planner import build_plan
from .prescription import RTS_SEQUENCE, Draft
from .splits import FOCI, PULL_PATTERNS, PUSH_PATTERNS
from .timing import ROLE_REST, SET_SECONDS, SET_SECONDS_MAX
from .types import (
    ExerciseRole,
    GeneratedProgram,
    GeneratedSession,
    Goal,
    MovementLibrary,
    PlannedMicrocycle,
    PlannedSession,
    ProgramPlan,
    ProgramRequest,
    ProgramSpec,
    SessionFailure,
    SessionType,
)
from .validation import interference_severity
from .validation import validate_request as _validate
from .volume import (
    LANDMARKS,
    MUSCLE_ROW,
    SESSION_SET_CAP,
    UNTRACKED,
    mrv,
    rows_of,
    weekly_target,
)
from .weekbalance import (
    MAX_PASSES,
    held_sides,
    miss,
    seen,
    side_budgets,
    smaller_side,
    tighten,
)


def validate_request(request: ProgramRequest) -> tuple[str, ...]:
    """Raise SpecValidationError with every field error; return warnings."""
    return _validate(request)


def plan_program(spec: ProgramSpec) -> ProgramPlan:
    """Validate and lay out the program skeleton (see planner.build_plan)."""
    return build_plan(spec)


@dataclass(slots=True)
class _State:
    main_cache: dict[tuple[str, int], tuple[int, tuple[str, ...]]] = field(
        default_factory=dict
    )
    last_loading: dict[
        int, tuple[int, dict[str, list[Draft]], tuple[str, tuple[str, ...]]]
    ] = field(default_factory=dict)
    meso_ids: dict[tuple[int, int], set[int]] = field(default_factory=dict)
    prev_day: tuple[date, dict[str, float]] | None = None

    def copy(self) -> _State:
        """A copy a week's pass may change without touching this one."""
        return _State(
            dict(self.main_cache), dict(self.last_loading),
            {k: set(v) for k, v in self.meso_ids.items()}, self.prev_day,
        )  # fmt: skip

    def restore(self, other: _State) -> None:
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


def _build(inp: SessionInput) -> Built:
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


def iter_generate_sessions(
    spec: ProgramSpec, plan: ProgramPlan, library: MovementLibrary
) -> Iterator[GeneratedSession | SessionFailure]:
    """Fill every non-RECOVERY session of every microcycle, in date order."""
    weights = {gw.goal: gw.weight for gw in spec.request.goals}
    index: LibraryIndex = build_index(library, spec.athlete, weights)
    enjoy = enjoyable_ids(index, spec.athlete.enjoyable_activities)
    schemes = week_schemes(
        len(plan.microcycles), spec.request.deload_every_n_microcycles,
        plan.progression_style, spec.athlete.persona_aggression, spec.extra_deloads,
    )  # fmt: skip
    state = _State()
    for mc, scheme in zip(plan.microcycles, schemes, strict=True):
        yield from _microcycle(spec, plan, index, enjoy, mc, scheme, state)


def _microcycle(
    spec: ProgramSpec, plan: ProgramPlan, index: LibraryIndex, enjoy: frozenset[int],
    mc: PlannedMicrocycle, scheme: WeekScheme, state: _State,
) -> Iterator[GeneratedSession | SessionFailure]:  # fmt: skip
    """One week's sessions in date order. A loading week whose pull:push hard
    sets bend out of 0.8–2.0 is built again with per-day budgets for the side in
    excess (:mod:`.weekbalance`, issue 10), up to :data:`.weekbalance.MAX_PASSES`
    builds with budgets tightened from the last pass; the pass nearest the
    window is kept; a later re-build only if it trains the week's smaller side
    no less (a cap on pressing that also cost pulling sets is a smaller week,
    not a balanced one)."""
    args = (spec, plan, index, enjoy, mc, scheme)
    kept = state.copy()
    held: dict[int, tuple[float, float]] = {}
    items, sides = _week_pass(*args, kept, {}, held=held)
    budgets: dict[int, dict[str, float]] = {}
    last = sides
    for rebuild in range(MAX_PASSES - 1):
        more = {} if scheme.is_deload else side_budgets(last, held)
        if not more:
            break
        budgets = tighten(budgets, more)
        trial = state.copy()
        again, last = _week_pass(*args, trial, budgets, last, held=held)
        fails = sum(isinstance(i, SessionFailure) for i in items)
        refails = sum(isinstance(i, SessionFailure) for i in again)
        if (
            refails <= fails
            and _week_miss(last) < _week_miss(sides)
            and (not rebuild or smaller_side(last) >= smaller_side(sides))
        ):
            items, sides, kept = again, last, trial
    state.restore(kept)
    yield from items


def _week_miss(sides: dict[int, tuple[float, float]]) -> float:
    return miss(sum(p for p, _ in sides.values()), sum(p for _, p in sides.values()))


def _week_pass(
    spec: ProgramSpec, plan: ProgramPlan, index: LibraryIndex, enjoy: frozenset[int],
    mc: PlannedMicrocycle, scheme: WeekScheme, state: _State,
    budgets: dict[int, dict[str, float]],
    ahead: dict[int, tuple[float, float]] | None = None,
    held: dict[int, tuple[float, float]] | None = None,
) -> tuple[list[GeneratedSession | SessionFailure], dict[int, tuple[float, float]]]:  # fmt: skip
    """Build one week into ``state``: its sessions (or failures) in date order
    and each lifting day's (pull, push) hard sets. ``budgets``: per-day side-row
    caps (:func:`.weekbalance.side_budgets`); ``ahead``: a re-build's previous
    pass (:func:`.weekbalance.seen`); ``held``, when given, is filled with
    the (pull, push) sets a budget leaves each lifting day (:func:`.weekbalance.
    held_sides`)."""
    out: list[GeneratedSession | SessionFailure] = []
    sides: dict[int, tuple[float, float]] = {}
    used_rows: dict[str, float] = {}
    used_ids: set[int] = set()
    main_ids: set[int] = set()
    lifting = [s for s in mc.sessions if s.focus in FOCI]
    cardio_rank = 0
    pull_push = [0.0, 0.0]
    weights = {gw.goal: gw.weight for gw in spec.request.goals}
    trained: dict[str, int] = {}  # days each major group got primary hard sets
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
                "week_floors": week_floors(weights, spec.athlete.experience_level, used_rows, trained),
            }  # fmt: skip
            same_day = last is not None and last[2] == (session.focus, session.blocks)
            deload_source = last[1] if same_day and scheme.is_deload else None
            carried = None
            if variant:
                # A regenerated session: avoid what the original picked (except
                # the main lifts, kept for progression), same state otherwise.
                original = _build(
                    _input(shared, 0, frozenset(), continuity, deload_source)
                )
                avoid = frozenset(
                    d.movement.id
                    for ds in original.blocks.values()
                    for d in ds
                    if not (d.role == ExerciseRole.MAIN and d.hard)
                )
                built = _build(_input(shared, variant, avoid, frozenset(), None))
            else:
                inp = _input(shared, 0, frozenset(), continuity, deload_source)
                if continuity and not scheme.is_deload and last is not None:
                    # Same mesocycle, day and focus: carry last week's session
                    # with the planned volume step (issue 10; .carry).
                    inp.carry = carried = last[1]
                built = _build(inp)
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
        if session.focus in FOCI:
            sides[day] = (pull_push[0] - before[0], pull_push[1] - before[1])
            if held is not None:
                held[day] = held_sides(built.blocks, carried)
        main_ids.update(v[0] for v in built.main_ids.values())
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


def generate_program(spec: ProgramSpec, library: MovementLibrary) -> GeneratedProgram:
    """Plan and fill a whole program (CLI / benchmark convenience)."""
    plan = plan_program(spec)
    sessions: list[GeneratedSession] = []
    failures: list[SessionFailure] = []
    for item in iter_generate_sessions(spec, plan, library):
        (failures if isinstance(item, SessionFailure) else sessions).append(item)
    return GeneratedProgram(plan, tuple(sessions), tuple(failures))


def heuristics() -> dict:
    """A JSON-serialisable snapshot of every heuristic that drives choices."""
    pairs = []
    for pair, (severity, explanation, adjustment) in H.INTERFERENCE_TABLE.items():
        a, b = sorted(g.value for g in pair)
        pairs.append(
            {
                "goals": [a, b],
                "severity": severity,
                "explanation": explanation,
                "adjustment": adjustment,
            }
        )
    pairs.sort(key=lambda p: (-p["severity"], p["goals"]))
    escalated = interference_severity(Goal.STRENGTH, Goal.ENDURANCE, 4, 4)
    return {
        "version": H.HEURISTICS_VERSION,
        "interference": {
            "blocking_above": H.BLOCKING_SEVERITY,
            "warn_from": H.WARNING_MIN_SEVERITY,
            "pairs": pairs,
            "escalation": {
                "goals": ["ENDURANCE", "STRENGTH"],
                "min_weight_each": H.HEAVY_CONCURRENT_MIN_WEIGHT,
                "severity": escalated,
            },
        },  # fmt: skip
        "time_caps": {
            "mobility_max_pct": H.MOBILITY_MAX_PCT,
            "cardio_max_pct": H.CARDIO_MAX_PCT,
        },
        "preference_deviation_pct": H.PREFERENCE_DEVIATION_PCT,
        "finisher": {
            "min_minutes": H.FINISHER_MIN_MINUTES,
            "max_minutes": H.FINISHER_MAX_MINUTES,
        },
        "dedicated_days": {
            "conditions": [
                H.CONDITION_OVERTRAINING,
                H.CONDITION_BEGINNER,
                H.CONDITION_PROFILE,
            ],
            "overtraining_min_days": H.OVERTRAINING_MIN_DAYS,
            "beginner_max_lifting_days": H.BEGINNER_MAX_LIFTING_DAYS,
            "profile_priority_threshold": H.PROFILE_PRIORITY_THRESHOLD,
            "conditioning_min_movements": H.CONDITIONING_MIN_MOVEMENTS,
            "conditioning_min_minutes": H.CONDITIONING_MIN_MINUTES,
            "mobility_day_min_weight": H.MOBILITY_DAY_MIN_WEIGHT,
        },
        "bias_rationale": dict(H.BIAS_RATIONALE),
        "hard_coded_bias_locations": list(H.HARD_CODED_BIAS_LOCATIONS),
        "scorer_weights": dict(H.SCORER_WEIGHTS),
        "relaxation_steps": [
            {"step": i, "name": n} for i, n in enumerate(H.RELAXATION_STEPS)
        ],
        "time_estimation": {
            "set_seconds_by_max_reps": [list(x) for x in SET_SECONDS]
            + [[None, SET_SECONDS_MAX]],
            "rest_by_role": dict(ROLE_REST),
            "superset_rest_factor": 0.5,
            "circuit_round_rest_seconds": 60,
            "warmup": "5 min + 1 min per drill",
            "cooldown": "1 min per stretch + 1 min walking per stretch (at most 5)",
            "tolerance_pct": 0.05,
        },
        "volume_landmarks": {
            row: {"mev": lm.mev, "mav": [lm.mav_low, lm.mav_high], "mrv": lm.mrv}
            for row, lm in {**LANDMARKS, "untracked": UNTRACKED}.items()
        },
        "session_set_cap": SESSION_SET_CAP,
        "deload": {
            "volume_multiplier": H.DELOAD_VOLUME_MULTIPLIER,
            "rpe_offset": H.DELOAD_RPE_OFFSET,
        },
        "aggression": {
            a.value: {
                "volume_step": v[0],
                "rpe_step": v[1],
                "rpe_cap": v[2],
                "first_week_rpe_offset": v[3],
            }
            for a, v in H.AGGRESSION.items()
        },
        "progression": {
            "waves": {g.value: [list(w) for w in ws] for g, ws in WAVES.items()},
            "blocks": [
                {"name": n, "share": s, "volume": v, "rpe_offset": r}
                for n, s, v, r in BLOCK_PHASES
            ],
        },
        "rts_percent_chart": list(RTS_SEQUENCE),
    }
