"""Weekly time allocation across goals (seeds 003, session 16, plan item 4).

Total weekly minutes = training days × max session minutes. Each goal gets
weight/10 of it, clamped to its cap (mobility ≤ 30 %, cardio-type goals ≤ 75 %,
:mod:`.heuristics`); what a cap cuts is redistributed to the uncapped goals in
proportion to their weights, or — when every goal is capped — to resistance
training that keeps fat-free mass (ACSM 2009 Donnelly, reference §2d).
"""

from __future__ import annotations

from .heuristics import (
    CARDIO_GOALS,
    CARDIO_MAX_PCT,
    DEFAULT_LIFTING_GOAL,
    MOBILITY_MAX_PCT,
)
from .types import Goal, GoalAllocation, GoalWeight

_WHY: dict[Goal, str] = {
    Goal.STRENGTH: "heavy main lifts and accessories on lifting days",
    Goal.HYPERTROPHY: "main + accessory volume between MEV and MRV",
    Goal.ENDURANCE: "cardio blocks or interval finishers, higher-rep lifting",
    Goal.FAT_LOSS: "metabolic finishers or cardio/conditioning days",
    Goal.MOBILITY: "mobility days and longer warm-ups and cool-downs",
    Goal.SKILL: "skill practice at the start of lifting days",
}


def goal_cap(goal: Goal) -> float | None:
    """Share cap of a goal (0–1), or None when uncapped (seeds 003 s16)."""
    if goal == Goal.MOBILITY:
        return MOBILITY_MAX_PCT
    if goal in CARDIO_GOALS:
        return CARDIO_MAX_PCT
    return None


def allocate_weekly_minutes(
    goals: tuple[GoalWeight, ...], days_per_week: int, session_minutes: int
) -> tuple[tuple[GoalAllocation, ...], int]:
    """Split the weekly minutes across goals.

    Returns ``(allocations, unassigned_lifting_minutes)``: one GoalAllocation per
    goal (minutes are whole numbers, rationale in plain text), and the minutes that
    caps freed but no uncapped goal could take (they go to general lifting).
    """
    total = days_per_week * session_minutes
    raw = {gw.goal: total * gw.weight / 10 for gw in goals}
    capped: dict[Goal, bool] = {}
    freed = 0.0
    for gw in goals:
        cap = goal_cap(gw.goal)
        if cap is not None and raw[gw.goal] > cap * total:
            freed += raw[gw.goal] - cap * total
            raw[gw.goal] = cap * total
            capped[gw.goal] = True
        else:
            capped[gw.goal] = False
    takers = [gw for gw in goals if goal_cap(gw.goal) is None]
    leftover = 0
    if freed and takers:
        weight_sum = sum(gw.weight for gw in takers)
        for gw in takers:
            raw[gw.goal] += freed * gw.weight / weight_sum
    elif freed:
        leftover = round(freed)
    allocations = []
    for gw in goals:
        minutes = round(raw[gw.goal])
        share = minutes / total
        text = (
            f"${gw.weight} of $10 → {minutes} of {total} weekly minutes "
            f"({share:.0%}) for {_WHY[gw.goal]}."
        )
        if capped[gw.goal]:
            text += f" Capped at {goal_cap(gw.goal):.0%} of the week (seeds 003 s16)."
        elif freed and gw in takers:
            text += " Includes minutes freed by another goal's cap."
        if leftover and gw == goals[0]:
            text += (
                f" {leftover} min the caps freed go to general "
                f"{DEFAULT_LIFTING_GOAL.value.lower()} lifting to keep fat-free mass."
            )
        allocations.append(
            GoalAllocation(
                goal=gw.goal,
                weight=gw.weight,
                weekly_minutes=minutes,
                capped=capped[gw.goal],
                rationale=text,
            )
        )
    return tuple(allocations), leftover
