"""Cardio-only, conditioning-only and mobility-only days (seeds 003, session 16).

Each has warm-up, ONE middle block (CARDIO / CONDITIONING / MOBILITY) and
cool-down — never an accessory or finisher. Middle-block exercises carry role MAIN
(ExerciseRole has no CARDIO value); the block name is in PlannedSession.blocks.
Each day fills its budget within ±5 % by its duration, rounds or drill count.
"""

from __future__ import annotations

from dataclasses import replace

from .blocks import (
    Built,
    SessionInput,
    add_stretch,
    attach,
    budget_seconds,
    new_context,
    sub_context,
    to_session,
    tune_cooldown,
    warmup_block,
    window,
)
from .circuits import (
    MAIN_TYPES,
    choose_circuit,
    circuit_drafts,
    conditioning_window,
    describe,
)
from .finegrowth import ZONE2_MAX_SECONDS, ZONE2_MIN_SESSION
from .heuristics import (
    CONDITIONING_MIN_MINUTES,
    CONDITIONING_MIN_MOVEMENTS,
    DELOAD_RPE_OFFSET,
)
from .optimizer import Pick, commit, pick
from .prescription import Draft, cardio_rx, circuit_rx, mobility_rx
from .scorer import Context, Slot
from .timing import circuit_seconds, total_seconds
from .types import CircuitInfo, ExerciseRole, Goal


def cardio_day(inp: SessionInput) -> Built:
    """Cardio-only day: warm-up, one or two cardio pieces (enjoyable activities
    first), cool-down. Steady state at RPE 5, or 2-min intervals on every second
    cardio day for non-beginners outside deloads (ACSM 2011, reference §2c/§13).

    A lifter's recovery day (:func:`is_recovery_cardio`: no endurance or fat-loss
    goal) is steady, low-impact first and at most ``ZONE2_MAX_SECONDS`` of it; the
    session is then shorter than the budget and says why."""
    low, high = window(inp)
    ctx = new_context(inp, frozenset({"quadriceps", "hamstrings", "calves", "glutes"}))
    blocks: dict[str, list[Draft]] = {"WARMUP": [], "CARDIO": [], "COOLDOWN": []}
    # The athlete's liked activities are the day's main piece: the warm-up
    # never takes one (a rowing warm-up left a rower-lover a treadmill run).
    reserved = inp.enjoy - ctx.session_ids
    ctx.session_ids |= reserved
    blocks["WARMUP"] = warmup_block(inp, ctx, 2, general=False)
    ctx.session_ids -= reserved
    recovery = is_recovery_cardio(inp)
    slot = Slot("cardio", ExerciseRole.MAIN)
    p = None
    if recovery and not inp.enjoy:
        p = pick(inp.index, slot, ctx, inp.rng, usable=_low_impact, max_step=0)
    if p is None:
        p = pick(inp.index, slot, ctx, inp.rng)
    if p is None:
        raise RuntimeError("no cardio movement is available with this equipment")
    commit(p, ctx)
    cctx = sub_context(ctx, ctx.focus_targets | {"quadriceps", "hamstrings", "calves"})
    blocks["COOLDOWN"] = [d for _ in range(2) for d in add_stretch(inp, cctx)]
    beginner = inp.spec.athlete.experience_level == "BEGINNER"
    interval = (
        inp.cardio_rank % 2 == 1
        and not beginner
        and not inp.scheme.is_deload
        and not recovery
    )
    drop = DELOAD_RPE_OFFSET / 2 if inp.scheme.is_deload else 0.0
    rest = total_seconds(blocks)
    block = max(600, int(budget_seconds(inp) - rest))
    draft = attach(cardio_rx(p.facts.m, block, interval, drop), p)
    blocks["CARDIO"] = [draft]
    target = budget_seconds(inp)
    rationale = [f"Cardio-only day ({'intervals' if interval else 'steady'})."]
    if interval:
        while total_seconds(blocks) < low:
            draft.sets += 1
        while total_seconds(blocks) > high and draft.sets > 2:
            draft.sets -= 1
    else:
        draft.duration = max(300, int(target - rest))
    if recovery and draft.duration > ZONE2_MAX_SECONDS:
        draft.duration = ZONE2_MAX_SECONDS
        rationale += _recovery_flow(inp, blocks, cctx, low, high, p.facts.m.name)
    tune_cooldown(inp, blocks, cctx, low, high)
    kind = "intervals" if interval else "steady"
    minutes = round(total_seconds({"CARDIO": blocks["CARDIO"]}) / 60)
    summary = {
        "kind": "cardio",
        "main": p.facts.m.name,
        "minutes": str(minutes),
        "style": kind,
    }
    return Built(
        to_session(inp, blocks, rationale, summary),
        blocks,
        {},
        {},
        {},
    )


#: A recovery day's mobility flow: about one drill per major muscle–tendon unit
#: (ACSM flexibility: cover every major unit, 2–4 reps each, reference §2c), not
#: every drill the library holds.
RECOVERY_FLOW_DRILLS = 10


def is_recovery_cardio(inp: SessionInput) -> bool:
    """A cardio day in a program with no endurance or fat-loss goal: the planner
    made it to spare a lifter's recovery (seeds 003 s16, condition 1 or a
    beginner's base day), so it is easy aerobic work, not a second training
    stimulus (reference §8: hypertrophy and strength interference grow with the
    duration and frequency of endurance work, Wilson 2012)."""
    weights = {gw.goal: gw.weight for gw in inp.spec.request.goals}
    return not weights.get(Goal.ENDURANCE) and not weights.get(Goal.FAT_LOSS)


def _recovery_flow(
    inp: SessionInput,
    blocks: dict[str, list[Draft]],
    cctx: Context,
    low: float,
    high: float,
    cardio: str,
) -> list[str]:
    """After a recovery day's capped cardio, up to ``RECOVERY_FLOW_DRILLS``
    mobility drills (2–4 rounds of 30–45 s or 8–10 reps, ACSM flexibility §2c)
    open the cool-down until the day fills its window (issue 10: a long day fills with useful low-fatigue work, not more
    cardio). Returns the rationale line, saying why the cardio stops at
    ``ZONE2_MAX_SECONDS`` and, if the drills run out, why the day is short."""
    cool = blocks["COOLDOWN"]
    drills: list[Draft] = []
    while total_seconds(blocks) < low and len(drills) < RECOVERY_FLOW_DRILLS:
        p = pick(
            inp.index, Slot("mobility", ExerciseRole.COOLDOWN), cctx, inp.rng,
            max_step=5,
        )  # fmt: skip
        if p is None:
            break
        commit(p, cctx)
        draft = attach(replace(mobility_rx(p.facts.m), role=ExerciseRole.COOLDOWN), p)
        drills.append(draft)
        cool.insert(len(drills) - 1, draft)
        if total_seconds(blocks) > high:
            draft.sets = 2
            if total_seconds(blocks) > high:
                cool.remove(draft)
                drills.pop()
                break
    for draft in drills:
        while draft.sets < 4 and total_seconds(blocks) < low:
            draft.sets += 1
    piece = blocks["CARDIO"][0]
    gap = int(budget_seconds(inp) - total_seconds(blocks)) // 60 * 60
    if total_seconds(blocks) < low and gap > 0:
        # A long budget the flow cannot fill: the easy piece takes the rest (it is
        # low-impact and easy, so it recovers rather than trains).
        piece.duration = (piece.duration or 0) + gap
    minutes = round((piece.duration or 0) / 60)
    return [
        f"A recovery day for a lifter: {minutes} min of easy {cardio.lower()}, then "
        f"a mobility flow of {len(drills)} drills. Hard or long cardio would cost "
        "muscle and strength (interference grows with cardio duration and "
        "running costs more than cycling: Wilson 2012, Lundberg 2022, reference "
        "§8), so the cardio stops at "
        f"{ZONE2_MAX_SECONDS // 60} min unless your session length leaves more."
    ]


def _low_impact(facts) -> bool:
    """Cycling, rowing, walking, swimming: running blunted type I fibre growth in
    concurrent training where cycling did not (Lundberg 2022, reference §8)."""
    return "low_impact" in facts.m.tags


def curated_conditioning_day(inp: SessionInput, circuit: CircuitInfo) -> Built:
    """Conditioning-only day around a staff-curated circuit, done as written:
    warm-up, the circuit (every movement an exercise row), cool-down tuned to the
    budget (``circuits.conditioning_window`` chose a circuit that lets it fit)."""
    low, high = window(inp)
    ctx = new_context(inp, frozenset())
    # The circuit's movements are taken first: warm-up and cool-down pick others.
    ctx.session_ids.update(item.movement_id for item in circuit.items)
    blocks: dict[str, list[Draft]] = {"WARMUP": [], "CONDITIONING": [], "COOLDOWN": []}
    blocks["WARMUP"] = warmup_block(inp, ctx, 2)
    movements = {f.m.id: f.m for f in inp.index.facts.values()}
    blocks["CONDITIONING"] = circuit_drafts(circuit, movements, ExerciseRole.MAIN, 8.0)
    cctx = sub_context(
        ctx, frozenset({"quadriceps", "hamstrings", "shoulders", "chest"})
    )
    blocks["COOLDOWN"] = [d for _ in range(2) for d in add_stretch(inp, cctx)]
    tune_cooldown(inp, blocks, cctx, low, high)
    minutes = round(circuit.estimated_seconds / 60)
    summary = {
        "kind": "conditioning",
        "main": circuit.name,
        "minutes": str(minutes),
        "rounds": str(circuit.rounds or 1),
        "stations": str(len({i.movement_id for i in circuit.items})),
    }
    scaled = any(item.scaled for item in circuit.items)
    why = f"Conditioning-only day: {describe(circuit)[:-1]}" + (
        "." if scaled else ", done as written."
    )
    return Built(to_session(inp, blocks, [why], summary), blocks, {}, {}, {})


def conditioning_day(inp: SessionInput) -> Built:
    """Conditioning-only day: a curated circuit when one fits the time, kit,
    rules and level (outside deloads: a named workout is not eased), else ≥5
    conditioning movements as one circuit for ≥30 min (seeds 003 s16), timed
    stations (work + 15 s transition), 60 s between rounds."""
    low, high = window(inp)
    if not inp.scheme.is_deload:
        circuit = choose_circuit(inp, *conditioning_window(low, high), MAIN_TYPES)
        if circuit is not None:
            return curated_conditioning_day(inp, circuit)
    ctx = new_context(inp, frozenset())
    blocks: dict[str, list[Draft]] = {"WARMUP": [], "CONDITIONING": [], "COOLDOWN": []}
    blocks["WARMUP"] = warmup_block(inp, ctx, 2)
    picks: list[Pick] = []
    for _ in range(8 if inp.spec.request.max_session_minutes >= 75 else 6):
        p = pick(inp.index, Slot("conditioning", ExerciseRole.MAIN), ctx, inp.rng)
        if p is None:
            break
        commit(p, ctx)
        picks.append(p)
    if len(picks) < CONDITIONING_MIN_MOVEMENTS:
        raise RuntimeError(
            f"only {len(picks)} conditioning movements are available; a conditioning "
            f"day needs {CONDITIONING_MIN_MOVEMENTS}"
        )
    cctx = sub_context(
        ctx, frozenset({"quadriceps", "hamstrings", "shoulders", "chest"})
    )
    blocks["COOLDOWN"] = [d for _ in range(2) for d in add_stretch(inp, cctx)]
    fixed = total_seconds(blocks)
    rpe = 8.0 + (DELOAD_RPE_OFFSET if inp.scheme.is_deload else 0.0)
    best: tuple[float, int, int, int] | None = None
    for n in range(CONDITIONING_MIN_MOVEMENTS, len(picks) + 1):
        for rounds in range(3, 13):
            for work in range(30, 65, 5):
                block = rounds * n * (work + 15) + (rounds - 1) * 60
                if block < CONDITIONING_MIN_MINUTES * 60:
                    continue
                off = abs(fixed + block - budget_seconds(inp))
                if best is None or off < best[0]:
                    best = (off, n, rounds, work)
    assert best is not None
    _, n, rounds, work = best
    drafts = circuit_rx(
        [p.facts.m for p in picks[:n]], ExerciseRole.MAIN, rounds, work, rpe
    )
    blocks["CONDITIONING"] = [attach(d, p) for d, p in zip(drafts, picks, strict=False)]
    for p in picks[n:]:
        ctx.session_ids.discard(p.facts.m.id)
    tune_cooldown(inp, blocks, cctx, low, high)
    minutes = round(circuit_seconds(blocks["CONDITIONING"]) / 60)
    summary = {
        "kind": "conditioning",
        "main": picks[0].facts.m.name,
        "minutes": str(minutes),
        "rounds": str(rounds),
        "stations": str(n),
    }
    why = f"Conditioning-only day: {n} stations × {rounds} rounds, {work} s work, {minutes} min."
    return Built(to_session(inp, blocks, [why], summary), blocks, {}, {}, {})


def mobility_day(inp: SessionInput) -> Built:
    """Mobility-only day: warm-up, a MOBILITY block of drills and holds (3 × 40 s,
    ACSM flexibility ≥2–3 d/wk, 2–4 reps per stretch, §2c), cool-down stretches;
    still short with every usable drill at 4 rounds, easy zone-2 cardio opens the
    cool-down (:func:`_mobility_fill`), else the rationale says why it is short."""
    low, high = window(inp)
    ctx = new_context(inp, frozenset())
    blocks: dict[str, list[Draft]] = {"WARMUP": [], "MOBILITY": [], "COOLDOWN": []}
    blocks["WARMUP"] = warmup_block(inp, ctx, 1)
    cctx = sub_context(ctx, frozenset({"hamstrings", "glutes", "chest", "lats"}))
    blocks["COOLDOWN"] = [d for _ in range(2) for d in add_stretch(inp, cctx)]
    while total_seconds(blocks) < low:
        # Emergency mode (step 6: cardio, plyometric, core work as "drills") only
        # for a first drill; after that the gap goes to zone-2 (_mobility_fill).
        last = 6 if not blocks["MOBILITY"] else 5
        slot = Slot("mobility", ExerciseRole.MAIN)
        p = pick(inp.index, slot, ctx, inp.rng, max_step=last)
        if p is None:
            break
        commit(p, ctx)
        draft = attach(mobility_rx(p.facts.m), p)
        blocks["MOBILITY"].append(draft)
        if total_seconds(blocks) > high:
            draft.sets = 2
            if total_seconds(blocks) > high:
                blocks["MOBILITY"].pop()
                break
    for draft in blocks["MOBILITY"]:
        if total_seconds(blocks) >= low:
            break
        while draft.sets < 4 and total_seconds(blocks) < low:
            draft.sets += 1
    tune_cooldown(inp, blocks, cctx, low, high)
    if not blocks["MOBILITY"]:
        raise RuntimeError("no mobility movement is available")
    rationale = ["Mobility-only day.", *_mobility_fill(inp, blocks, cctx, low, high)]
    # Multi-joint drills before single-joint ones (issue 10): the big positions
    # first, while fresh, the local work after (stable within each kind).
    blocks["MOBILITY"].sort(key=lambda d: d.movement.mechanic == "isolation")
    summary = {
        "kind": "mobility",
        "main": blocks["MOBILITY"][0].movement.name,
        "minutes": str(round(total_seconds(blocks) / 60)),
    }
    return Built(to_session(inp, blocks, rationale, summary), blocks, {}, {}, {})


def _mobility_fill(
    inp: SessionInput,
    blocks: dict[str, list[Draft]],
    cctx: Context,
    low: float,
    high: float,
) -> list[str]:
    """A mobility day still short of its window once every usable drill holds 4
    rounds (ACSM's most, 2–4 reps per stretch, §2c) and the cool-down its stretches:
    on a day of an hour or more, easy zone-2 cardio opens the cool-down for the
    gap (5–45 min at RPE 4, ACSM 2011 §2c, as lifting days fill:
    ``finegrowth.FineGrowth._zone2``). Returns the rationale lines: the zone-2 bout's
    reason, or why the day is shorter than its budget (issue 10: say so on the
    page, as lifting days do)."""
    minutes = inp.spec.request.max_session_minutes
    secs = total_seconds(blocks)
    if secs >= low:
        return []
    want = max(300, round((minutes * 60 - secs) / 60) * 60)
    gap = min(ZONE2_MAX_SECONDS, int(high - secs) // 60 * 60, want)
    p = None
    if minutes >= ZONE2_MIN_SESSION and gap >= 300:
        slot = Slot("cardio", ExerciseRole.COOLDOWN, est_seconds=gap)
        p = pick(inp.index, slot, cctx, inp.rng)
    if p is not None:
        commit(p, cctx)
        d = attach(Draft(p.facts.m, ExerciseRole.COOLDOWN, 1, duration=gap, rpe=4.0), p)
        blocks["COOLDOWN"].insert(0, d)
        return [
            f"Easy zone-2 {p.facts.m.name.lower()} for {gap // 60} min opens the "
            "cool-down: every usable mobility drill is in, at 4 rounds."
        ]
    return [
        f"Shorter than the budget ({secs / 60:.0f} of {minutes} min): every usable "
        "mobility drill and stretch is in, drills at 4 rounds; more holds would not "
        "be productive."
    ]
