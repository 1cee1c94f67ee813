"""The 7-dimension movement scorer (seeds 000 fork 8.1), plus bounded adjustments.

Dimensions, each 0–1, weighted by :data:`.heuristics.SCORER_WEIGHTS`:

==================== ====== ==========================================================
pattern_alignment     0.25  exact pattern 1.0; compatible pattern (step ≥ 1) 0.8; else 0
muscle_coverage       0.20  trains a muscle not yet covered this session 1.0, else 0.3
                            (step ≥ 2 counts synergists as coverage too); Alloy scores
                            a new muscle outside the day's focus 0.6, so a neck or
                            forearm drill does not outrank a focus muscle

discipline_preference 0.15  the athlete's discipline 1.0, related 0.6, unrelated 0;
                            0.5 for everyone when no priorities are set; on cardio
                            slots, a movement matching an enjoyable activity is 1.0
compound_bonus        0.15  compound 1.0, isolation 0.0 (unknown 0.5)
specialization        0.10  primary muscle among the day's focus muscles 1.0, else 0.5
goal_alignment        0.10  Σ goal weight/10 × goal affinity (library.goal_affinity)
time_utilization      0.05  projected session within +5 % 1.0, ≤ +15 % 0.5, else 0
==================== ====== ==========================================================

Step 3 multiplies the discipline weight by 0.7 (fork 7.1). Adjustments outside the
weighted sum (heuristics constants): previous-day fatigue −0.2 × share of primary
muscles with > 2 fractional sets yesterday (seeds 000 fork 6.2.2); reuse within the
microcycle −0.25 (seeds 003 s7 variety); the movement's tier (issue 10,
heuristics.TIER_WEIGHTS: STAPLE +0.08, COMMON 0, SPECIALTY −0.15, NOVELTY −0.30,
the rationale naming why a specialty or novelty pick was allowed); continuity with last week's same day
+0.12 (RP: keep exercises through a mesocycle); rotation away from the previous
mesocycle −0.08; a regenerated variant −0.5 on the original's picks; PREFER
+15 % of the score (seeds 003 s16 ``preference_deviation_pct``), so a preference
can tip a close call but never outweigh structure, hard rules or the time fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .heuristics import (
    CONTINUITY_BONUS,
    DISCIPLINE_RELAXED_MULTIPLIER,
    FATIGUE_PENALTY,
    PATTERN_COMPATIBILITY,
    PREFERENCE_DEVIATION_PCT,
    REUSE_PENALTY,
    ROTATION_PENALTY,
    SCORER_WEIGHTS,
    VARIANT_PENALTY,
)
from .library import Facts
from .types import ExerciseRole

W = SCORER_WEIGHTS


@dataclass(frozen=True, slots=True)
class Slot:
    """What the builder asks the optimizer for: one exercise of a kind and role.

    ``kind`` is lift, skill, warmup, general, cooldown, cardio, conditioning or
    mobility; ``targets`` are library muscles the slot aims at; ``est_seconds`` is
    the slot's expected cost for the time_utilization dimension. ``strength``: a
    main lift of a STRENGTH-dominant session (free weights first,
    :func:`.optimizer.free_weight_first`).
    """

    kind: str
    role: ExerciseRole
    pattern: str = ""
    targets: frozenset[str] = frozenset()
    main: bool = False
    hard: bool = False
    est_seconds: int = 0
    strength: bool = False


@dataclass(slots=True)
class Context:
    """Mutable per-session state the scorer reads (ids, muscles, seconds)."""

    intent: tuple[str, ...]
    focus_targets: frozenset[str]
    budget_seconds: int
    seconds: int = 0
    session_ids: set[int] = field(default_factory=set)
    covered: set[str] = field(default_factory=set)
    covered_all: set[str] = field(default_factory=set)
    fatigued: frozenset[str] = frozenset()
    used_week: frozenset[int] = frozenset()
    used_main: frozenset[int] = frozenset()
    continuity: frozenset[int] = frozenset()
    rotation: frozenset[int] = frozenset()
    avoid: frozenset[int] = frozenset()
    prefer: frozenset[int] = frozenset()
    enjoy: frozenset[int] = frozenset()
    #: Lift families the session's picks already hold (:mod:`.families`).
    families: set[str] = field(default_factory=set)
    #: Hard exercises per slot (pattern, main landmark group) the session holds
    #: (:func:`.families.session_slot`; an accessory never fills a full slot).
    slots: dict[tuple[str, str], int] = field(default_factory=dict)
    #: Landmark groups whose slots take two exercises (:func:`.families.slot_repeats`).
    slot_repeats: frozenset[str] = frozenset()
    #: Groups whose slots take one exercise more for the week's floor (the
    #: week's last session for a group below MEV, :mod:`.accessories`).
    slot_extra: frozenset[str] = frozenset()
    #: Whether ballistic hinges (:data:`.families.BALLISTIC_FAMILIES`) may fill
    #: lifting slots: not in a strength or hypertrophy session.
    ballistic_ok: bool = False


def pattern_alignment(f: Facts, slot: Slot, ctx: Context, step: int) -> float:
    """Exact 1.0 / compatible 0.8 (from step 1) / 0 (seeds 000 fork 8.1)."""
    p = f.m.pattern
    if slot.kind == "warmup":
        if p in ctx.intent:
            return 1.0
        return (
            0.8 if f.muscles & ctx.focus_targets or p in ("mobility", "cardio") else 0.5
        )
    wanted = slot.pattern or {"general": "cardio", "cooldown": "mobility"}.get(
        slot.kind, slot.kind
    )
    if p == wanted:
        return 1.0
    if step >= 1 and p in PATTERN_COMPATIBILITY.get(wanted, ()):
        return 0.8
    return 0.0


def score(
    f: Facts, slot: Slot, ctx: Context, step: int, detail: bool = True
) -> tuple[float, dict[str, float], list[str]]:
    """Total score, the seven dimension scores and adjustment notes for ``f``.

    With ``detail=False`` (the optimizer's candidate sweep) only the total is
    computed; dimensions and notes come back empty — same total either way.
    """
    pattern = pattern_alignment(f, slot, ctx, step)
    covered = ctx.covered_all if step >= 2 else ctx.covered
    muscles = f.muscles if step >= 2 else f.primary
    fresh = muscles - covered
    if not muscles:
        coverage = 0.5
    elif fresh & ctx.focus_targets or (fresh and not ctx.focus_targets):
        coverage = 1.0
    else:
        coverage = 0.6 if fresh else 0.3
    discipline = f.discipline
    if slot.kind in ("cardio", "general") and ctx.enjoy:
        discipline = 1.0 if f.m.id in ctx.enjoy else 0.3
    specialization = 1.0 if f.primary & ctx.focus_targets else 0.5
    projected = ctx.seconds + slot.est_seconds
    budget = ctx.budget_seconds
    time = (
        1.0
        if projected <= budget * 1.05
        else (0.5 if projected <= budget * 1.15 else 0.0)
    )
    dims = (
        {}
        if not detail
        else {
            "pattern_alignment": pattern,
            "muscle_coverage": coverage,
            "discipline_preference": discipline,
            "compound_bonus": f.compound,
            "specialization": specialization,
            "goal_alignment": f.goal,
            "time_utilization": time,
        }
    )
    disc_weight = W["discipline_preference"] * (
        DISCIPLINE_RELAXED_MULTIPLIER if step >= 3 else 1.0
    )
    base = (
        W["pattern_alignment"] * pattern
        + W["muscle_coverage"] * coverage
        + disc_weight * discipline
        + W["compound_bonus"] * f.compound
        + W["specialization"] * specialization
        + W["goal_alignment"] * f.goal
        + W["time_utilization"] * time
    )
    total = base + f.tier
    notes: list[str] = []
    if detail and f.tier_note:
        notes.append(f.tier_note)
    mid = f.m.id
    if slot.hard and ctx.fatigued and f.primary & ctx.fatigued:
        share = len(f.primary & ctx.fatigued) / len(f.primary)
        total -= FATIGUE_PENALTY * share
        if detail:
            notes.append(
                f"fatigue: {', '.join(sorted(f.primary & ctx.fatigued))} trained hard"
                " yesterday"
            )
    # Main lifts compete only with other main lifts; accessories avoid anything
    # already used this week, main lifts of other days included.
    if mid in (ctx.used_main if slot.main else ctx.used_week):
        total -= REUSE_PENALTY
        notes.append("already used this microcycle")
    if mid in ctx.continuity:
        total += CONTINUITY_BONUS
        notes.append("kept from last week (same mesocycle)")
    if mid in ctx.rotation:
        total -= ROTATION_PENALTY
    if mid in ctx.avoid:
        total -= VARIANT_PENALTY
    if mid in ctx.prefer:
        bonus = PREFERENCE_DEVIATION_PCT * base
        total += bonus
        notes.append(f"preferred movement +{bonus:.3f} (your rule, capped at 15 %)")
    return total, dims, notes
