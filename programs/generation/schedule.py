"""Where training days fall in a microcycle (planner helper).

Spread by default (3 → Mon/Wed/Fri pattern, 4 → Mon/Tue/Thu/Fri; offsets from the
microcycle's first day), on the athlete's preferred weekdays when they name
enough of them, and — for beginners steered to fewer lifting days — lifting on
non-consecutive days (ACSM: novices train on non-consecutive days, reference §10).
"""

from __future__ import annotations

import math

from .types import ExperienceLevel, ProgramSpec

#: Training-day offsets in a 7-day microcycle: spread so rest days break the week
#: (3 → Mon/Wed/Fri, 4 → Mon/Tue/Thu/Fri; ACSM: novices on non-consecutive days).
DAY_OFFSETS: dict[int, tuple[int, ...]] = {
    1: (0,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 4, 5),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}


def training_positions(spec: ProgramSpec, mc_start_weekday: int) -> list[int]:
    """Day indexes (0-based in the microcycle) that hold a training session.

    Preferred weekdays win when the athlete names at least ``days_per_week`` of
    them (weekday of each date, 0 = Monday); with fewer, every preferred weekday
    trains and the extra days are spread around them; with none, ``DAY_OFFSETS``
    spreads the days, scaled to microcycles longer than 7 days.
    """
    req = spec.request
    length = req.microcycle_length_days
    prefs = sorted(set(spec.athlete.preferred_weekdays))
    if prefs and len(prefs) >= req.days_per_week:
        step = len(prefs) / req.days_per_week
        chosen = {prefs[math.floor(i * step)] for i in range(req.days_per_week)}
        return [d for d in range(length) if (mc_start_weekday + d) % 7 in chosen]
    if prefs and length == 7:
        # Fewer preferred weekdays than training days: every preferred weekday
        # trains, and each extra day goes where it is furthest from the others
        # (fewest back-to-back days; ACSM >= 48 h for the same muscles).
        chosen_days = {(w - mc_start_weekday) % 7 for w in prefs}
        while len(chosen_days) < req.days_per_week:
            chosen_days.add(
                max(
                    (d for d in range(7) if d not in chosen_days),
                    key=lambda d: (
                        min(min((d - c) % 7, (c - d) % 7) for c in chosen_days),
                        -d,
                    ),
                )
            )
        return sorted(chosen_days)
    n = max(1, min(length, round(req.days_per_week * length / 7)))
    if (
        length == 7
        and spec.athlete.experience_level == ExperienceLevel.BEGINNER
        and n > 3
    ):
        # Beginner steering: lifting Mon/Wed/Fri (ACSM: novices on non-consecutive
        # days), the extra days placed after them for cardio/mobility.
        extra = [d for d in (5, 1, 3, 6) if d not in DAY_OFFSETS[3]][: n - 3]
        return sorted(DAY_OFFSETS[3] + tuple(extra))
    if length == 7:
        return list(DAY_OFFSETS[n])
    if length == 14:
        return [o + 7 * k for k in range(2) for o in DAY_OFFSETS[req.days_per_week]]
    return sorted({math.floor(i * length / n) for i in range(n)})


def _max_run(lifting: set[int], length: int) -> tuple[int, int]:
    """Longest run of consecutive lifting days (cyclic) and count of adjacent pairs."""
    if len(lifting) == length:
        return length, length
    best = run = pairs = 0
    for d in list(range(length)) * 2:
        run = run + 1 if d in lifting else 0
        best = max(best, run)
    pairs = sum(1 for d in lifting if (d + 1) % length in lifting)
    return min(best, length), pairs


def pick_positions(positions: list[int], k: int, length: int) -> list[int]:
    """Greedily choose ``k`` training positions to turn into non-lifting days,
    breaking the longest runs of consecutive lifting days first."""
    lifting = set(positions)
    chosen: list[int] = []
    for _ in range(min(k, len(positions))):
        best = min(
            sorted(lifting),
            key=lambda p: (*_max_run(lifting - {p}, length), -p),
        )
        lifting.discard(best)
        chosen.append(best)
    return chosen
