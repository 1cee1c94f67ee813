"""Curated circuits in generated sessions (issue 12 §1).

Staff curate named circuits (``movements.Circuit``); the snapshot carries them as
:class:`~.types.CircuitInfo` in ``MovementLibrary.circuits``. Per run,
:func:`usable_circuits` keeps only those the athlete can do as written: every
movement available (its kit at hand, not a hard no — the library index has
already dropped those), within the athlete's level, not one they asked to swap,
not of a discipline they rule out, no Olympic lift without Olympic experience,
and a difficulty within their level. So no
relaxation step can bring a hard-no movement or missing kit back through a
circuit. A beginner gets a circuit scaled as a coach scales it (single-unders
for double-unders, rows for pull-ups: :mod:`.scaling`), or not at all.

A conditioning-only day uses a curated circuit when one fits the day's time
(see :func:`conditioning_window`); a metabolic finisher may be a short one.
Otherwise the generated builders run exactly as before (no random draw is spent
when no circuit fits, so their output is unchanged). Beyond that scaling a
curated circuit is never altered: its movements become exercise rows (every movement listed, so logging
and volume counting keep working) and its estimated duration is the block's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .heuristics import CONDITIONING_MIN_MINUTES
from .prescription import Draft
from .scaling import SCALED_PREFIX, scaled_for_beginner
from .timing import cooldown_walk_seconds
from .types import CircuitInfo, ExerciseRole, MovementInfo

if TYPE_CHECKING:
    from .blocks import SessionInput
    from .library import Facts

#: Formats for a conditioning-only day's middle block, and for a finisher. A
#: complex is a barbell strength-endurance piece, not a finisher.
MAIN_TYPES = frozenset({"METCON", "AMRAP", "EMOM", "CIRCUIT", "TABATA", "COMPLEX"})
FINISHER_TYPES = frozenset({"METCON", "AMRAP", "EMOM", "CIRCUIT", "TABATA"})
#: Warm-up and cool-down of a conditioning-only day, seconds: the warm-up is
#: 5 min + 2 drills (seeds 002 block default); the cool-down 2 to 8 stretches
#: (``tune_cooldown``) with a minute of walking per stretch, at most 5
#: (``timing.cooldown_walk_seconds``).
WARMUP_SECONDS = 300 + 2 * 60
COOLDOWN_SECONDS = (
    cooldown_walk_seconds(2) + 2 * 60,
    cooldown_walk_seconds(8) + 8 * 60,
)
#: Circuit tags (``movements.Circuit.tags``) no beginner is given, scaled or
#: not: a chipper (one grinding pass of 50–100-rep sets: Angie, Jackie) or a
#: hero workout (Murph, Michael) asks for volume a novice has not built; the
#: Level 1 guide scales a beginner's volume as well as the movements
#: (CrossFit Level 1 Training Guide, "Scaling").
BEGINNER_EXCLUDED_TAGS = frozenset({"chipper", "hero"})
#: Score bonuses when several circuits fit (Alloy's choice): a discipline the
#: athlete ranks, a movement they enjoy or prefer; a penalty for a movement a
#: regenerated session should avoid or the week already used.
DISCIPLINE_BONUS = 1.0
ENJOY_BONUS = 0.5
AVOID_PENALTY = 2.0
USED_PENALTY = 0.25


def usable_circuits(
    circuits: Iterable[CircuitInfo],
    facts: Mapping[int, Facts],
    substitutes: Mapping[int, int | None],
    level: int,
    olympic_ok: bool = True,
    beginner: bool = False,
    prefer: frozenset[int] = frozenset(),
) -> tuple[CircuitInfo, ...]:
    """The circuits the athlete can do as written (see the module docstring).
    ``facts`` is the library index's (available movements only), ``level`` the
    athlete's skill ceiling on 1–5 (``heuristics.MAX_LEVEL``). Without Olympic
    experience (``olympic_ok`` false, as for main lifts) no circuit holding an
    Olympic-pattern lift is given: cleans and snatches under fatigue need it.
    A ``beginner`` gets no circuit tagged :data:`BEGINNER_EXCLUDED_TAGS` and
    each other circuit scaled (:func:`.scaling.scaled_for_beginner`,
    ``prefer`` the movements of their PREFER rules), or not at all when a
    movement has no scaling they can do."""
    out = []
    for circuit in circuits:
        if circuit.difficulty > level or (
            beginner and circuit.tags & BEGINNER_EXCLUDED_TAGS
        ):
            continue
        ok = True
        for item in circuit.items:
            f = facts.get(item.movement_id)
            if (
                f is None
                or not f.level_ok
                or f.discipline_excluded
                or item.movement_id in substitutes
                or (not olympic_ok and f.m.pattern == "olympic")
            ):
                ok = False
                break
        if ok and beginner:
            circuit = scaled_for_beginner(circuit, facts, substitutes, prefer)
            ok = circuit is not None
        if ok:
            out.append(circuit)
    return tuple(out)


def conditioning_window(low: float, high: float) -> tuple[float, float]:
    """Seconds a curated circuit may last on a conditioning-only day whose session
    must land in ``[low, high]``: what the warm-up and a tunable cool-down leave,
    and never under the seeds' 30 minutes (003 s16; the seeds' five-movement
    minimum is for the generated circuit: a named workout is complete as written).
    """
    least = max(
        CONDITIONING_MIN_MINUTES * 60, low - WARMUP_SECONDS - COOLDOWN_SECONDS[1]
    )
    return least, high - WARMUP_SECONDS - COOLDOWN_SECONDS[0]


def choose_circuit(
    inp: SessionInput,
    low: float,
    high: float,
    types: frozenset[str],
    taken: Iterable[int] = (),
) -> CircuitInfo | None:
    """The best usable circuit of ``types`` lasting ``low``–``high`` seconds and
    sharing no movement with ``taken`` (the session's movements so far), or None
    (then no random draw is spent). Ties are broken with the session's RNG, so a
    regenerated session may draw another."""
    taken = frozenset(taken)
    candidates = [
        c
        for c in inp.index.circuits
        if c.circuit_type in types
        and low <= c.estimated_seconds <= high
        and not taken & {item.movement_id for item in c.items}
    ]
    if not candidates:
        return None
    priorities = inp.spec.athlete.discipline_priorities
    scored: list[tuple[float, CircuitInfo]] = []
    for c in candidates:
        ids = {item.movement_id for item in c.items}
        score = DISCIPLINE_BONUS * max(
            (float(priorities.get(d, 0.0)) for d in c.disciplines), default=0.0
        )
        if ids & (inp.enjoy | inp.index.prefer):
            score += ENJOY_BONUS
        if ids & inp.avoid:
            score -= AVOID_PENALTY
        if ids & inp.used_week:
            score -= USED_PENALTY
        scored.append((round(score, 6), c))
    best = max(score for score, _ in scored)
    top = sorted((c for score, c in scored if score == best), key=lambda c: c.id)
    return inp.rng.choice(top)


def circuit_sets(circuit: CircuitInfo) -> int:
    """Rows' sets: rounds (METCON, CIRCUIT, COMPLEX), the Tabata's rounds, an
    EMOM's intervals (shared between the movements when they alternate), one
    for an AMRAP (its rounds are the score)."""
    kind = circuit.circuit_type
    if kind == "AMRAP":
        return 1
    if kind == "TABATA":
        return circuit.rounds or 8
    rounds = circuit.rounds or 1
    if kind == "EMOM" and "alternating" in circuit.tags:
        return max(1, rounds // len(circuit.items))
    return rounds


def _dose_note(item) -> str:
    if item.distance_m:
        return f"{item.distance_m} m"
    if item.calories:
        return f"{item.calories} cal"
    return ""


def circuit_drafts(
    circuit: CircuitInfo,
    movements: Mapping[int, MovementInfo],
    role: ExerciseRole,
    rpe: float,
) -> list[Draft]:
    """One draft per movement of ``circuit``, in order, all in one group that
    timing costs at the circuit's own estimate. Reps stay reps; seconds,
    metres and calories become a duration (the note keeps the metres or
    calories); a Tabata's or timed station's interval is the duration."""
    sets = circuit_sets(circuit)
    interval = circuit.circuit_type == "TABATA" or (
        circuit.circuit_type == "CIRCUIT" and circuit.work_seconds
    )
    fmt = f"{circuit.name} ({circuit.circuit_type.lower()})"
    drafts = []
    for item in circuit.items:
        draft = Draft(
            movements[item.movement_id], role, sets, rpe=rpe, superset=1,
            circuit_id=circuit.id, circuit_seconds=circuit.estimated_seconds,
        )  # fmt: skip
        if interval:
            draft.duration = circuit.work_seconds or 20
            draft.rest = (
                circuit.rest_seconds
                if circuit.rest_seconds is not None
                else (10 if circuit.circuit_type == "TABATA" else 0)
            )
        elif item.reps:
            draft.reps_min = draft.reps_max = item.reps
        else:
            draft.duration = item.seconds or item.work_seconds
        notes = [f"curated circuit: {fmt}"]
        if dose := _dose_note(item):
            notes.append(dose)
        if item.load_hint:
            notes.append(item.load_hint)
        if item.scaled:
            notes.append(item.scaled)
        draft.notes.extend(notes)
        drafts.append(draft)
    return drafts


def describe(circuit: CircuitInfo) -> str:
    """A line for the session's rationale: "Curated circuit: Cindy (AMRAP, 20 min)."
    and, when the engine scaled it (:mod:`.scaling`), how: "Curated circuit:
    Annie (METCON, 12 min), scaled for a beginner: single-unders for
    double-unders (2× reps)."."""
    minutes = round(circuit.estimated_seconds / 60)
    line = f"Curated circuit: {circuit.name} ({circuit.circuit_type}, {minutes} min)"
    scaled = list(dict.fromkeys(i.scaled for i in circuit.items if i.scaled))
    if scaled:
        words = "; ".join(s.removeprefix(SCALED_PREFIX) for s in scaled)
        line += f", {SCALED_PREFIX}{words}"
    return line + "."
