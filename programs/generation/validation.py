"""Request validation: bounds, the $10 goal budget and goal interference.

Bounds come from seeds 000 fork 1.2 (1–3 goals summing to $10; 8–12 weeks, even;
2–7 days) and seeds 002 (Program/Microcycle constraints: 30–120 min sessions,
microcycles of 7–14 days, deload every ≥2 microcycles; Alloy caps it at 8).
Interference follows seeds 002 InterferenceService — pairwise over the unique
goals, severity > 0.8 blocks, lower severities warn — with the table in
:mod:`.heuristics` (reference §8).
"""

from __future__ import annotations

from itertools import combinations

from .errors import SpecValidationError
from .heuristics import (
    BLOCKING_SEVERITY,
    HEAVY_CONCURRENT_MIN_WEIGHT,
    HEAVY_CONCURRENT_SEVERITY,
    INTERFERENCE_TABLE,
    WARNING_MIN_SEVERITY,
)
from .types import Goal, ProgramRequest

GOAL_BUDGET = 10
#: An athlete picks 1 to this many distinct goals (seeds 000 fork 1.2).
MAX_GOALS = 3
BOUNDS: dict[str, tuple[int, int]] = {
    "duration_weeks": (8, 12),
    "days_per_week": (2, 7),
    "max_session_minutes": (30, 120),
    "deload_every_n_microcycles": (2, 8),
    "microcycle_length_days": (7, 14),
}


def interference_severity(a: Goal, b: Goal, weight_a: int, weight_b: int) -> float:
    """Severity (0–1) of running goals ``a`` and ``b`` together at these weights.

    STRENGTH + ENDURANCE escalates to 0.85 (blocking) when both weigh ≥ 4 of $10.
    Why: Wilson 2012 found interference grows with endurance frequency and duration
    (r = -0.26 to -0.35 and up to -0.75); at ≥ 40 % of the weekly time each, the
    program would ask for a strength peak while spending its largest share on the
    very dose that blunts it, and Schumann 2022 shows explosive strength suffers
    most (SMD -0.28) when both share sessions — which a 2–7 day week forces. The
    athlete must shrink one of them to ≤ 3 so the other is clearly primary.
    """
    entry = INTERFERENCE_TABLE.get(frozenset({a, b}))
    if entry is None:
        return 0.0
    if (
        frozenset({a, b}) == frozenset({Goal.STRENGTH, Goal.ENDURANCE})
        and min(weight_a, weight_b) >= HEAVY_CONCURRENT_MIN_WEIGHT
    ):
        return HEAVY_CONCURRENT_SEVERITY
    return entry[0]


def _interference(weights: dict[Goal, int]) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    for a, b in combinations(sorted(weights, key=list(Goal).index), 2):
        entry = INTERFERENCE_TABLE.get(frozenset({a, b}))
        if entry is None:
            continue
        severity = interference_severity(a, b, weights[a], weights[b])
        _, explanation, adjustment = entry
        if severity > BLOCKING_SEVERITY:
            errors.append(
                f"{a.value} and {b.value} conflict heavily (severity {severity:.2f}) "
                f"at ${weights[a]} and ${weights[b]}: {explanation}. Give one of "
                f"them $3 or less so the other is clearly the primary goal."
            )
        elif severity >= WARNING_MIN_SEVERITY:
            warnings.append(
                f"{a.value} and {b.value} have some conflict (severity "
                f"{severity:.2f}): {explanation}. Adjustment: {adjustment}."
            )
    return errors, warnings


def validate_request(request: ProgramRequest) -> tuple[str, ...]:
    """Check every rule on ``request``; raise or return the warnings.

    Raises :class:`SpecValidationError` with ALL field errors at once
    (``{"goals": [...], "duration_weeks": [...], ...}``). Returns warning strings
    for soft goal conflicts (severity 0.25–0.8).
    """
    errors: dict[str, list[str]] = {}

    def add(field_name: str, message: str) -> None:
        errors.setdefault(field_name, []).append(message)

    goals = tuple(request.goals)
    if not 1 <= len(goals) <= MAX_GOALS:
        add("goals", f"Choose 1 to {MAX_GOALS} goals (got {len(goals)}).")
    seen: set[Goal] = set()
    weights_ok = True
    for gw in goals:
        if gw.goal in seen:
            add("goals", f"{gw.goal.value} is listed more than once.")
        seen.add(gw.goal)
        if type(gw.weight) is not int or gw.weight < 1:
            weights_ok = False
            add("goals", f"{gw.goal.value}: a weight must be a whole number ≥ 1.")
    if goals and weights_ok:
        total = sum(gw.weight for gw in goals)
        if total != GOAL_BUDGET:
            add("goals", f"Goal weights must add up to $10 (they add up to ${total}).")

    for name, (low, high) in BOUNDS.items():
        value = getattr(request, name)
        if type(value) is not int or not low <= value <= high:
            add(name, f"Must be a whole number from {low} to {high} (got {value!r}).")
    if type(request.duration_weeks) is int and request.duration_weeks % 2:
        add("duration_weeks", "Must be an even number of weeks (8, 10 or 12).")

    warnings: list[str] = []
    if "goals" not in errors:
        weights = {gw.goal: gw.weight for gw in goals}
        blocking, warnings = _interference(weights)
        for message in blocking:
            add("goals", message)
    if errors:
        raise SpecValidationError(errors)
    return tuple(warnings)
