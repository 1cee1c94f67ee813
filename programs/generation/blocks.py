"""Shared session pieces: inputs/outputs, warm-up, cool-down, finalising, and the
cardio-only, conditioning-only and mobility-only days.

Anatomy (seeds 003, session 16): warm-up always; one middle piece; cool-down
always. Cardio-only, conditioning-only and mobility-only days have only their
middle block (CARDIO / CONDITIONING / MOBILITY) between warm-up and cool-down.
ExerciseRole has no CARDIO value, so middle-block exercises of these days carry
role MAIN; the block name is in PlannedSession.blocks. SKILL-role practice (when
the SKILL goal has $2+) opens the MAIN block of lifting days, fresh and before the
main lifts (reference §13); it is counted in the ``main`` minutes.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace

from .balance import WeekFloors
from .heuristics import (
    DELOAD_MAX_RPE,
    DELOAD_RPE_OFFSET,
    MOBILITY_EXTRA_STRETCH_PER_WEIGHT,
    RELAXATION_STEPS,
)
from .library import LibraryIndex
from .notes import coach_note
from .optimizer import Pick, commit, pick
from .periodization import WeekScheme, deload_main
from .prescription import (
    Draft,
    stretch_rx,
    warmup_rx,
)
from .scorer import Context, Slot
from .splits import FOCI
from .timing import (
    TIME_TOLERANCE,
    block_seconds,
    breakdown,
    circuit_seconds,
    exercise_seconds,
    total_seconds,
)
from .types import (
    ExerciseRationale,
    ExerciseRole,
    GeneratedSession,
    Goal,
    PlannedMicrocycle,
    PlannedSession,
    PrescribedExercise,
    ProgramSpec,
    ProgressionStyle,
)
from .volume import SessionVolume


@dataclass(slots=True)
class SessionInput:
    """Everything one session build needs; state is read-only here (the engine
    commits the outcome), so a build can be repeated (variants) without effects."""

    spec: ProgramSpec
    planned: PlannedSession
    microcycle: PlannedMicrocycle
    scheme: WeekScheme
    style: ProgressionStyle
    index: LibraryIndex
    rng: random.Random
    fatigued: frozenset[str] = frozenset()
    used_week: frozenset[int] = frozenset()
    used_main: frozenset[int] = frozenset()
    continuity: frozenset[int] = frozenset()
    rotation: frozenset[int] = frozenset()
    avoid: frozenset[int] = frozenset()
    enjoy: frozenset[int] = frozenset()
    soft_allow: dict[str, float] = field(default_factory=dict)
    hard_allow: dict[str, float] = field(default_factory=dict)
    main_cache: dict[tuple[str, int], tuple[int, tuple[str, ...]]] = field(
        default_factory=dict
    )
    previous: dict[str, list[Draft]] | None = None
    #: Last loading week's session of this day in the same mesocycle, carried
    #: with the planned volume step (:mod:`.carry`); None: pick afresh.
    carry: dict[str, list[Draft]] | None = None
    #: Sets per landmark row the week's carried days may still add beyond
    #: last week × the planned step (:func:`.carry.step_room`); None: no
    #: bound.
    step_room: dict[str, float] | None = None
    cardio_rank: int = 0
    #: Hard (pull, push) sets of the week's sessions built so far (issue 10:
    #: weekly pull:push 0.8–2.0).
    week_pull_push: tuple[float, float] = (0.0, 0.0)
    #: A hypertrophy-weighted week's major-group sets and training days so far
    #: (:class:`.balance.WeekFloors`; issue 10: MEV twice a week); None: the
    #: session's floor work looks at the session alone.
    week_floors: WeekFloors | None = None
    #: Per landmark group, the planned less given sets of the week's earlier
    #: carried days, from −½ (at most 0 unless a hypertrophy day still owes
    #: its step's sets: :func:`.carry.step_residue`).
    step_residue: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Built:
    """A built session plus what the engine needs to update its state."""

    session: GeneratedSession
    blocks: dict[str, list[Draft]]
    row_sets: dict[str, float]
    muscle_sets: dict[str, float]
    main_ids: dict[tuple[str, int], tuple[int, tuple[str, ...]]]


def budget_seconds(inp: SessionInput) -> int:
    """The session budget in seconds."""
    return inp.spec.request.max_session_minutes * 60


def window(inp: SessionInput) -> tuple[float, float]:
    """(low, high) seconds: the ±5 % fit window (seeds 000 fork 8.1)."""
    b = budget_seconds(inp)
    return b * (1 - TIME_TOLERANCE), b * (1 + TIME_TOLERANCE)


def new_context(inp: SessionInput, targets: frozenset[str]) -> Context:
    """A fresh scoring context for the session."""
    return Context(
        intent=inp.planned.intent_tags,
        focus_targets=targets,
        budget_seconds=budget_seconds(inp),
        fatigued=inp.fatigued,
        used_week=inp.used_week | frozenset(v[0] for v in inp.main_cache.values()),
        used_main=inp.used_main,
        continuity=inp.continuity,
        rotation=inp.rotation,
        avoid=inp.avoid,
        prefer=inp.index.prefer,
        enjoy=inp.enjoy,
    )


def attach(draft: Draft, p: Pick) -> Draft:
    """Copy a pick's scores, step and notes onto its draft."""
    draft.scores, draft.total, draft.step = p.dims, p.total, p.step
    draft.notes.extend(p.notes)
    if p.step:
        draft.notes.append(f"relaxation step {p.step}: {p.relaxation}")
    return draft


def sub_context(ctx: Context, targets: frozenset[str]) -> Context:
    """A context for warm-up/cool-down picks: own coverage, shared session ids;
    a bodyweight squat drill does not take the squat family from the lifts."""
    sub = replace(
        ctx,
        focus_targets=targets,
        covered=set(),
        covered_all=set(),
        families=set(),
        slots={},
    )
    sub.session_ids = ctx.session_ids
    return sub


def warmup_block(
    inp: SessionInput, ctx: Context, drills: int, general: bool = True
) -> list[Draft]:
    """General 5-min piece + ``drills`` dynamic drills tied to the day's patterns
    (NSCA general then specific warm-up, reference §9b)."""
    out: list[Draft] = []
    wctx = sub_context(ctx, ctx.focus_targets)
    if general:
        p = pick(
            inp.index,
            Slot("general", ExerciseRole.WARMUP, est_seconds=300),
            wctx,
            inp.rng,
        )
        if p is not None:
            commit(p, wctx)
            out.append(attach(warmup_rx(p.facts.m, general=True), p))
    for _ in range(drills):
        out += add_drill(inp, wctx)
    return out


def warmup_drills(minutes: int) -> int:
    """Dynamic drills after the general warm-up of a lifting day of ``minutes``:
    none under 45 min (the 5-min general piece is NSCA's minimum and the main
    lift's 2–3 ramp sets are its specific warm-up, reference §9b; issue 10: a
    short session gives its time to working sets), 2 under 75 min, else 3.
    Spare time still buys drills later (fine growth)."""
    return 0 if minutes < 45 else 2 if minutes < 75 else 3


def add_drill(inp: SessionInput, ctx: Context) -> list[Draft]:
    """One more warm-up drill (or nothing if the library has none left)."""
    p = pick(
        inp.index, Slot("warmup", ExerciseRole.WARMUP, est_seconds=60), ctx, inp.rng
    )
    if p is None:
        return []
    commit(p, ctx)
    return [attach(warmup_rx(p.facts.m, general=False), p)]


def add_stretch(
    inp: SessionInput, ctx: Context, role: ExerciseRole = ExerciseRole.COOLDOWN
) -> list[Draft]:
    """One more static stretch for a trained muscle not yet stretched."""
    p = pick(
        inp.index,
        Slot("cooldown", role, targets=ctx.focus_targets, est_seconds=60),
        ctx,
        inp.rng,
    )
    if p is None:
        return []
    commit(p, ctx)
    return [attach(stretch_rx(p.facts.m, role), p)]


def base_stretches(inp: SessionInput) -> int:
    """Cool-down stretches: 2, or 3 from 60 min, plus the MOBILITY goal's extra
    (heuristics.MOBILITY_EXTRA_STRETCH_PER_WEIGHT; BIAS_RATIONALE mobility)."""
    weights = {gw.goal: gw.weight for gw in inp.spec.request.goals}
    extra = round(weights.get(Goal.MOBILITY, 0) * MOBILITY_EXTRA_STRETCH_PER_WEIGHT)
    return (3 if inp.spec.request.max_session_minutes >= 60 else 2) + extra


def deload_copy(
    previous: dict[str, list[Draft]], multiplier: float
) -> dict[str, list[Draft]]:
    """Last loading week's session with sets × multiplier and RPE − 2 (same
    exercises and order: Rogerson 2024, Bell 2023, reference §7); a hard set's
    RPE at most ``DELOAD_MAX_RPE`` (RIR ≥ 4). A main lift also does one rep
    fewer per set (:func:`.periodization.deload_main`), its %1RM read again off
    the chart, so load, reps, sets and effort all come down. A curated circuit
    keeps its rounds, done as written at the lower RPE."""
    out: dict[str, list[Draft]] = {}
    for block, drafts in previous.items():
        copies = []
        for d in drafts:
            c = replace(d, notes=list(d.notes), scores=dict(d.scores))
            hard = d.hard and d.role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
            if hard:
                c.sets = max(1, math.floor(d.sets * multiplier + 0.5))
                c.notes.append(f"deload: sets cut from {d.sets} to {c.sets}")
            elif d.circuit_id is not None:
                pass  # a curated circuit keeps its rounds: it deloads by effort
            elif d.superset is not None or d.duration and d.role == ExerciseRole.MAIN:
                c.sets = max(1, round(d.sets * (multiplier + 1) / 2))
            if d.rpe is not None and d.role != ExerciseRole.WARMUP:
                c.rpe = max(4.0, d.rpe + DELOAD_RPE_OFFSET)
                if hard:
                    c.rpe = min(c.rpe, DELOAD_MAX_RPE)
                c.notes.append(f"deload: RPE {d.rpe:g} → {c.rpe:g}")
            if (
                hard
                and d.role == ExerciseRole.MAIN
                and d.reps_min
                and d.rpe is not None
            ):
                reps, c.rpe = deload_main(d.reps_min, d.rpe)
                c.reps_min = c.reps_max = reps
                c.notes.append(f"deload: {d.reps_min} → {c.reps_min} reps a set")
            copies.append(c)
        out[block] = copies
    return out


def to_session(
    inp: SessionInput,
    blocks: dict[str, list[Draft]],
    rationale: list[str],
    summary: dict[str, str],
) -> GeneratedSession:
    """Freeze drafts into a GeneratedSession (order across blocks, time, notes)."""
    exercises = []
    order = 0
    for name, drafts in blocks.items():
        circuit = [d for d in drafts if d.superset is not None]
        circuit_share = circuit_seconds(circuit) // len(circuit) if circuit else 0
        for d in drafts:
            order += 1
            seconds = circuit_share if d.superset is not None else exercise_seconds(d)
            rir = None if d.rpe is None else round(10 - d.rpe)
            exercises.append(
                PrescribedExercise(
                    movement_id=d.movement.id, role=d.role, order=order, sets=d.sets,
                    reps_min=None if d.duration else d.reps_min,
                    reps_max=None if d.duration else d.reps_max,
                    duration_seconds=d.duration, target_rpe=d.rpe, target_rir=rir,
                    load_percent_1rm=d.percent, rest_seconds=d.rest, superset_group=d.superset,
                    estimated_seconds=seconds,
                    rationale=ExerciseRationale(
                        scores=d.scores, total=d.total, relaxation_step=d.step,
                        relaxation=_step_name(d.step), notes=tuple(d.notes),
                    ),
                    notes=f"{name.lower()} block",
                )
            )  # fmt: skip
    times = breakdown(blocks)
    note = coach_note(
        inp.spec.athlete.persona_tone, inp.spec.athlete.persona_aggression, summary
    )
    circuits = {
        name: d.circuit_id
        for name, drafts in blocks.items()
        for d in drafts
        if d.circuit_id is not None
    }
    main_circuit = next((c for n, c in circuits.items() if n != "FINISHER"), None)
    return GeneratedSession(
        inp.microcycle.sequence_number, inp.planned.day_index, tuple(exercises), times,
        round(total_seconds(blocks) / 60), note, tuple(rationale),
        main_circuit_id=main_circuit, finisher_circuit_id=circuits.get("FINISHER"),
    )  # fmt: skip


def _step_name(step: int) -> str:
    return RELAXATION_STEPS[step]


def tune_cooldown(
    inp: SessionInput,
    blocks: dict[str, list[Draft]],
    cctx: Context,
    low: float,
    high: float,
) -> None:
    """Fine 60-s steps: add stretches (≤ 8) while short, drop them (≥ 2) while over."""
    cool = blocks["COOLDOWN"]
    while total_seconds(blocks) < low and len(cool) < 8:
        more = add_stretch(inp, cctx)
        if not more:
            break
        cool += more
    while total_seconds(blocks) > high and len(cool) > 2:
        cool.pop()


def _prescription(d: Draft) -> str:
    if d.duration:
        return (
            f"{d.sets}×{d.duration}s @ RPE {d.rpe:g}"
            if d.rpe
            else f"{d.sets}×{d.duration}s"
        )
    reps = f"{d.reps_min}" if d.reps_min == d.reps_max else f"{d.reps_min}–{d.reps_max}"
    return f"{d.sets}×{reps} @ RPE {d.rpe:g}"


def finish_lifting(
    inp: SessionInput, blocks: dict[str, list[Draft]], vol: SessionVolume,
    main_ids: dict[tuple[str, int], tuple[int, tuple[str, ...]]], rationale: list[str], goal: Goal,
) -> Built:  # fmt: skip
    """Summaries for notes and state; freeze the session."""
    muscles: dict[str, float] = {}
    for drafts in blocks.values():
        for d in drafts:
            if not d.hard:
                continue
            for m in d.movement.secondary_muscles:
                muscles[m] = muscles.get(m, 0.0) + 0.5 * d.sets
            for m in d.movement.primary_muscles:
                muscles[m] = muscles.get(m, 0.0) + d.sets
    main = next((d for d in blocks["MAIN"] if d.role == ExerciseRole.MAIN), None)
    fin = blocks.get("FINISHER") or []
    finisher = ""
    if fin:
        kind = "interval" if len(fin) == 1 else "metabolic circuit"
        finisher = f"{round(block_seconds(fin, 'FINISHER') / 60)} min {kind}"
    summary = {
        "kind": "lift",
        "focus": FOCI[inp.planned.focus].label,
        "main": main.movement.name if main else "",
        "prescription": _prescription(main) if main else "",
        "finisher": finisher,
        "deload": "1" if inp.scheme.is_deload else "",
    }
    hard = sum(d.sets for ds in blocks.values() for d in ds if d.hard)
    rationale.insert(
        0,
        f"{summary['focus']}, {goal.value.lower()} emphasis: {hard} hard sets, "
        f"{round(total_seconds(blocks) / 60)} of {inp.spec.request.max_session_minutes} min.",
    )
    return Built(
        to_session(inp, blocks, rationale, summary),
        blocks,
        dict(vol.rows),
        muscles,
        main_ids,
    )
