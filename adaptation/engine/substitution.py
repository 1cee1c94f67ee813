"""Exercise substitution (seeds 002 gap 2 "exercise substitution"; 003 s11 graph).

Candidates come in tiers, best first:

1. EQUIVALENT — an EQUIVALENT edge of the movement graph (either direction);
2. SAME_PATTERN — the same movement pattern with at least one primary muscle in
   common (muscles from the movement↔muscle table, never from names: seeds 002 P8);
3. REGRESSION — only when the athlete asks for easier: PROGRESSION edges walked in
   reverse (easier → harder, seeds 003 s11), one or two steps back;
4. RELATED — only when muscles must be spared: the same pattern, a compatible
   pattern (``heuristics.PATTERN_COMPATIBILITY``) or a lift of the same body
   region (``heuristics.PATTERN_REGION``) that shares any muscle with the original.

Hard filters come from the planning engine's library index (``library.build_index``:
HARD_NO rules and equipment not available removed before any scoring) plus the
athlete's level (``Facts.level_ok``: skill level ≤ ``heuristics.MAX_LEVEL``) and the
planner's Olympic rule (an Olympic lift leads a session only for an athlete with
Olympic-lifting experience, ``LibraryIndex.olympic_main_ok``); with
``easier`` nothing harder (higher skill level) than the original is offered; a
``spare`` muscle is never a primary muscle of an alternative. Within a tier
candidates that do not touch a spared muscle at all (not even as a synergist) come
first, then by the planning scorer (``scorer.score``, the seven weighted dimensions
plus the PREFER bonus) for the original's slot, its focus being the original's
muscles minus the spared ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from programs.generation.heuristics import PATTERN_COMPATIBILITY, PATTERN_REGION
from programs.generation.library import Facts, LibraryIndex, build_index
from programs.generation.scorer import Context, Slot, score
from programs.generation.types import (
    AthleteProfile,
    ExerciseRole,
    GoalWeight,
    MovementInfo,
    MovementLibrary,
)

from .types import Alternative, AlternativeKind

#: Tier order (module doc).
TIERS: tuple[AlternativeKind, ...] = (
    AlternativeKind.EQUIVALENT,
    AlternativeKind.SAME_PATTERN,
    AlternativeKind.REGRESSION,
    AlternativeKind.RELATED,
)
#: How many PROGRESSION edges back a regression may be (design choice [U]: two
#: steps stay recognisably the same skill).
MAX_REGRESSION_STEPS = 2
#: The scorer's step for alternatives: 1 = compatible patterns score 0.8 (seeds
#: 000 fork 7.1 "expand pattern compatibility").
SCORER_STEP = 1


def library_index(
    library: MovementLibrary, athlete: AthleteProfile, goals: Iterable[GoalWeight] = ()
) -> LibraryIndex:
    """The planning engine's per-athlete index (hard filters applied once)."""
    return build_index(library, athlete, {gw.goal: gw.weight for gw in goals})


def _subset(library: MovementLibrary, keep: Iterable[int]) -> MovementLibrary:
    ids = set(keep)
    return MovementLibrary(
        {mid: m for mid, m in library.movements.items() if mid in ids},
        library.progressions, library.equivalents, library.antagonists,
    )  # fmt: skip


def candidate_library(
    library: MovementLibrary, original: MovementInfo
) -> MovementLibrary:
    """The movements any tier could offer for ``original``: its graph neighbours
    (equivalents, regressions) and everything sharing a muscle with it (every
    other tier needs one). Indexing only these keeps the planning engine's
    ``build_index`` (≈ 25 ms over the shipped 900-movement library) cheap; the
    facts of each movement do not depend on the others, so ranks are unchanged."""
    muscles = set(original.primary_muscles) | set(original.secondary_muscles)
    keep = {b for a, b in library.equivalents if a == original.id}
    keep |= {a for a, b in library.equivalents if b == original.id}
    keep |= set(_regressions(library, original.id))
    keep |= {
        mid for mid, m in library.movements.items()
        if not muscles.isdisjoint(m.primary_muscles)
        or not muscles.isdisjoint(m.secondary_muscles)
    }  # fmt: skip
    return _subset(library, keep | {original.id})


def drill_library(library: MovementLibrary) -> MovementLibrary:
    """Every movement that can be a warm-up piece, drill or stretch
    (``library._is_warmup``/``_is_stretch`` only ever accept these), so the
    index's warm-up and stretch pools equal those of the full index."""
    return _subset(library, (
        mid for mid, m in library.movements.items()
        if m.pattern in ("mobility", "cardio", "plyometric")
        or "warmup_friendly" in m.tags
        or (not m.equipment and m.level <= 1)
    ))  # fmt: skip


def _regressions(library: MovementLibrary, movement_id: int) -> dict[int, int]:
    """Movements that progress (in ≤ MAX_REGRESSION_STEPS edges) to the given one:
    {easier id: steps back}."""
    easier_of: dict[int, set[int]] = {}
    for easier, harder in library.progressions:
        easier_of.setdefault(harder, set()).add(easier)
    found: dict[int, int] = {}
    frontier = {movement_id}
    for step in range(1, MAX_REGRESSION_STEPS + 1):
        frontier = {e for h in frontier for e in easier_of.get(h, ())} - set(found)
        frontier.discard(movement_id)
        for mid in frontier:
            found[mid] = step
    return found


def _role_ok(f: Facts, role: ExerciseRole) -> bool:
    if role == ExerciseRole.WARMUP:
        return f.warmup or f.m.pattern == "cardio"
    if role == ExerciseRole.COOLDOWN:
        return f.stretch
    return True


def muscle_names(muscles: Iterable[str]) -> str:
    """Muscle slugs as words, sorted: "glutes, hamstrings, lower back"."""
    return ", ".join(sorted(m.replace("_", " ") for m in muscles))


def rank_alternatives(
    original: MovementInfo,
    index: LibraryIndex,
    library: MovementLibrary,
    *,
    role: ExerciseRole = ExerciseRole.MAIN,
    easier: bool = False,
    exclude: frozenset[int] = frozenset(),
    spare: frozenset[str] = frozenset(),
    limit: int = 10,
    covered: frozenset[str] = frozenset(),
) -> tuple[Alternative, ...]:
    """:func:`alternatives` over a prebuilt index (the session adapter reuses one).
    ``covered``: muscles the rest of the session already trains (the scorer's
    muscle_coverage then prefers fresh ones)."""
    equivalents = {b for a, b in library.equivalents if a == original.id} | {
        a for a, b in library.equivalents if b == original.id
    }
    regressions = _regressions(library, original.id) if easier else {}
    primary = frozenset(original.primary_muscles)
    muscles = primary | frozenset(original.secondary_muscles)
    region = PATTERN_REGION.get(original.pattern)
    compatible = set(PATTERN_COMPATIBILITY.get(original.pattern, ()))
    slot = Slot(
        "lift", role, original.pattern, primary, main=role == ExerciseRole.MAIN,
        hard=role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY),
    )  # fmt: skip
    focus = (primary - spare) or (muscles - spare)
    ctx = Context(
        intent=(original.pattern,), focus_targets=focus, budget_seconds=3600,
        prefer=index.prefer, covered=set(covered), covered_all=set(covered),
    )  # fmt: skip
    ranked: list[tuple[int, bool, float, int, Alternative]] = []
    for mid, f in index.facts.items():
        m = f.m
        if mid == original.id or mid in exclude or not f.level_ok:
            continue
        if f.primary & spare or not _role_ok(f, role):
            continue
        if easier and m.level > original.level:
            continue
        if f.olympic and role == ExerciseRole.MAIN and not index.olympic_main_ok:
            continue  # the planner's rule: Olympic lifts lead only for the experienced
        overlap = f.primary & primary
        if mid in equivalents:
            kind = AlternativeKind.EQUIVALENT
            reason = f"Equivalent to {original.name} in the movement graph."
        elif m.pattern == original.pattern and overlap:
            kind = AlternativeKind.SAME_PATTERN
            reason = (
                f"Same pattern ({m.pattern.replace('_', ' ')}), also trains "
                f"{muscle_names(overlap)}."
            )
        elif mid in regressions:
            kind = AlternativeKind.REGRESSION
            reason = f"Easier: {m.name} progresses to {original.name}."
        elif (
            spare
            and f.lifting == (original.pattern in PATTERN_REGION)
            and (
                m.pattern == original.pattern
                or m.pattern in compatible
                or (region is not None and PATTERN_REGION.get(m.pattern) == region)
            )
            and f.muscles & muscles
        ):
            kind = AlternativeKind.RELATED
            reason = f"Trains {muscle_names((f.muscles & muscles) - spare)}."
        else:
            continue
        touches = bool(f.muscles & spare)
        if spare:
            reason += (
                f" Works {muscle_names(f.muscles & spare)} only as a helper."
                if touches
                else f" Spares {muscle_names(spare)}."
            )
        if mid in index.prefer:
            reason += " One of your preferred movements."
        total, _, _ = score(f, slot, ctx, SCORER_STEP, detail=False)
        alt = Alternative(mid, m.name, kind, round(total, 4), 0, reason)
        ranked.append((TIERS.index(kind), touches, -total, mid, alt))
    ranked.sort(key=lambda row: row[:4])
    return tuple(
        Alternative(a.movement_id, a.name, a.kind, a.score, i, a.reason)
        for i, (*_, a) in enumerate(ranked[:limit], start=1)
    )


def alternatives(
    movement_id: int,
    *,
    library: MovementLibrary,
    athlete: AthleteProfile,
    role: ExerciseRole = ExerciseRole.MAIN,
    easier: bool = False,
    exclude: frozenset[int] = frozenset(),
    spare: frozenset[str] = frozenset(),
    goals: tuple[GoalWeight, ...] = (),
    limit: int = 10,
) -> tuple[Alternative, ...]:
    """Ranked alternatives for one exercise (tiers and filters in the module doc).

    ``movement_id`` is the exercise's movement; ``athlete`` carries the equipment,
    movement rules and experience that filter candidates; ``role`` the exercise's
    role (warm-up and cool-down items are replaced by warm-up drills and stretches
    only); ``exclude`` movement ids not to offer (e.g. already in the session);
    ``spare`` muscle slugs no alternative may load as a primary mover; ``goals``
    steer the scorer's goal_alignment. Returns at most ``limit`` alternatives,
    ranks from 1; empty when nothing fits. Raises ``ValueError`` for a movement id
    absent from ``library``.
    """
    original = library.movements.get(movement_id)
    if original is None:
        raise ValueError(f"Unknown movement id {movement_id}.")
    index = library_index(candidate_library(library, original), athlete, goals)
    return rank_alternatives(
        original, index, library, role=role, easier=easier, exclude=exclude,
        spare=frozenset(spare), limit=limit,
    )  # fmt: skip
