"""Weekly volume landmarks and fractional set counting.

Hard sets per muscle per week are counted fractionally: a set counts 1.0 for each
primary muscle and 0.5 for each secondary muscle (Pelland et al. 2024, reference §0).
Library muscles are grouped into the Renaissance Periodization rows of reference §3
using the mapping of reference §14 (lats + middle back = "back"; the library's single
"shoulders" bucket is judged against the side/rear-delt landmarks). Within one RP row
a set counts once, with the strongest role (a row that hits lats and middle back is
one back set, not two).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .types import ExperienceLevel, MovementInfo

if TYPE_CHECKING:
    from .library import Facts


@dataclass(frozen=True, slots=True)
class Landmark:
    """RP landmarks in hard sets per week: MEV, MAV range, MRV (reference §3)."""

    mev: float
    mav_low: float
    mav_high: float
    mrv: float


#: RP landmarks per row (reference §3, Israetel 2017 series; verification tags there).
#: Rows without an RP number (forearms, lower back, adductors, abductors, neck) are
#: "untracked" (reference §3/§14) and get ``UNTRACKED`` — a soft engine cap, a
#: design choice [U], so no muscle can be loaded without limit.
LANDMARKS: dict[str, Landmark] = {
    "chest": Landmark(10, 12, 20, 22),
    "back": Landmark(10, 14, 22, 25),
    "traps": Landmark(0, 12, 20, 26),
    "shoulders": Landmark(8, 16, 22, 26),
    "quadriceps": Landmark(8, 12, 18, 20),
    "hamstrings": Landmark(6, 10, 16, 20),
    "glutes": Landmark(0, 4, 12, 16),
    "calves": Landmark(8, 12, 16, 20),
    "biceps": Landmark(8, 14, 20, 26),
    "triceps": Landmark(6, 10, 14, 18),
    "abdominals": Landmark(0, 16, 20, 25),
}
UNTRACKED = Landmark(0, 4, 10, 16)

#: Library muscle (types.MUSCLES) → volume row (reference §14).
MUSCLE_ROW: dict[str, str] = {
    "chest": "chest",
    "lats": "back",
    "middle_back": "back",
    "traps": "traps",
    "shoulders": "shoulders",
    "quadriceps": "quadriceps",
    "hamstrings": "hamstrings",
    "glutes": "glutes",
    "calves": "calves",
    "biceps": "biceps",
    "triceps": "triceps",
    "abdominals": "abdominals",
    "forearms": "forearms",
    "lower_back": "lower_back",
    "adductors": "adductors",
    "abductors": "abductors",
    "neck": "neck",
}
#: RP: one session's productive volume for a muscle is "no higher than 12" working
#: sets (reference §3, related rules).
SESSION_SET_CAP = 12.0
#: Beginners need less volume than RP's intermediate-advanced landmarks (reference
#: §3: no numeric table; scaling is a design choice [U]). Targets and the MRV
#: ceiling are both scaled for BEGINNER.
BEGINNER_SCALE = 0.7


def landmark(row: str) -> Landmark:
    """Landmarks of a volume row; untracked rows get the soft ``UNTRACKED`` cap."""
    return LANDMARKS.get(row, UNTRACKED)


def mrv(row: str, experience: ExperienceLevel) -> float:
    """Weekly hard-set ceiling for a row (MRV, scaled ×0.7 for beginners)."""
    value = landmark(row).mrv
    return value * BEGINNER_SCALE if experience == ExperienceLevel.BEGINNER else value


def weekly_target(row: str, experience: ExperienceLevel, ramp: float) -> float:
    """Target weekly hard sets for a row at ``ramp`` ∈ [0, 1] through a mesocycle.

    Starts at MEV (or half the MAV floor where MEV is 0) and climbs to the top of
    MAV (RP mesocycle shape, reference §3); never above MRV.
    """
    lm = landmark(row)
    start = lm.mev if lm.mev > 0 else lm.mav_low / 2
    value = start + (lm.mav_high - start) * max(0.0, min(1.0, ramp))
    if experience == ExperienceLevel.BEGINNER:
        value *= BEGINNER_SCALE
    return min(value, mrv(row, experience))


def set_credit(movement: MovementInfo) -> dict[str, float]:
    """Fractional credit per volume row for ONE hard set of ``movement``.

    Primary muscles 1.0, secondary 0.5 (Pelland 2024); one credit per row, the
    strongest role wins.
    """
    credit: dict[str, float] = {}
    for muscle in movement.secondary_muscles:
        row = MUSCLE_ROW.get(muscle)
        if row is not None:
            credit[row] = max(credit.get(row, 0.0), 0.5)
    for muscle in movement.primary_muscles:
        row = MUSCLE_ROW.get(muscle)
        if row is not None:
            credit[row] = 1.0
    return credit


def add_sets(
    totals: dict[str, float], credit: Mapping[str, float], sets: float
) -> None:
    """Add ``sets`` hard sets with per-row ``credit`` into ``totals`` in place."""
    for row, value in credit.items():
        totals[row] = totals.get(row, 0.0) + value * sets


def rows_of(muscles: Iterable[str]) -> frozenset[str]:
    """Volume rows of a collection of library muscles."""
    return frozenset(MUSCLE_ROW[m] for m in muscles if m in MUSCLE_ROW)


class SessionVolume:
    """One session's hard sets per volume row, checked against two allowances:
    ``soft`` (the week's target share, steering primary rows) and ``hard`` (the
    MRV share, bounding every row; both ≤ SESSION_SET_CAP). ``allow`` is the tier
    in force; the builder switches it from soft to hard when time is left."""

    def __init__(self, soft: dict[str, float], hard: dict[str, float]) -> None:
        self.soft, self.hard = soft, hard
        self.rows: dict[str, float] = {}
        self.allow = soft
        self._cache: dict[tuple[int, bool], tuple[frozenset[str], frozenset[str]]] = {}

    def usable(self, f: Facts, sets: int = 2, hard: bool = False) -> bool:
        """Whether ``sets`` more sets of ``f`` fit (fast path of :meth:`room`,
        using the rows that are full for primary (1.0) and secondary (0.5) credit)."""
        key = (sets, hard or self.allow is not self.soft)
        blocked = self._cache.get(key)
        if blocked is None:
            soft = not key[1]
            prim, sec = set(), set()
            for row in set(self.hard) | set(self.soft):
                used = self.rows.get(row, 0.0)
                hard_cap = min(SESSION_SET_CAP, self.hard.get(row, SESSION_SET_CAP))
                prim_cap = (
                    min(hard_cap, self.soft.get(row, SESSION_SET_CAP))
                    if soft
                    else hard_cap
                )
                if prim_cap - used < sets - 1e-9:
                    prim.add(row)
                if hard_cap - used < 0.5 * sets - 1e-9:
                    sec.add(row)
            blocked = (frozenset(prim), frozenset(sec))
            self._cache[key] = blocked
        return not (f.prows & blocked[0]) and not (f.srows & blocked[1])

    def room(self, credit: dict[str, float], hard: bool = False) -> int:
        """Sets still allowed for a movement: the week's target share steers its
        primary rows (soft tier), the MRV share bounds every row (hard tier)."""
        best = math.inf
        soft = self.allow is self.soft and not hard
        for row, c in credit.items():
            allow = self.soft if soft and c >= 1.0 else self.hard
            cap = min(SESSION_SET_CAP, allow.get(row, SESSION_SET_CAP))
            best = min(best, math.floor((cap - self.rows.get(row, 0.0)) / c + 1e-9))
        return int(min(best, 99))

    def add(self, credit: dict[str, float], sets: float) -> None:
        """Add (or, negative, remove) ``sets`` sets with per-row ``credit``."""
        self._cache.clear()
        for row, c in credit.items():
            self.rows[row] = self.rows.get(row, 0.0) + c * sets
