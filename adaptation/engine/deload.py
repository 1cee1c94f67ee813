"""Early-deload triggers (seeds 002 DeloadService ``should_deload``; 003 s2, s11).

A deload is "a period of reduced training stress designed to mitigate fatigue"
(Bell 2023 Delphi, reference §0/§7 [V]); coaches plan one every 4–6 weeks and also
autoregulate (Rogerson 2024, §7 [V]). Alloy suggests one early when either:

* **readiness**: at least :data:`LOW_CHECKINS` of the last :data:`CHECKIN_WINDOW`
  check-ins since the program started scored under :data:`READINESS_BELOW` (the
  seeds' "low recovery" line, seeds 002 ``recovery_score`` < 40). Check-ins with
  nothing known (the default 50) are not evidence either way and are skipped; each
  check-in is scored on its own — never a sum of sleep hours across days (the
  seeds' aggregation bug, 003 s11);
* **e1RM stall**: at least :data:`STALLED_LIFTS` main lifts whose latest e1RM is
  less than :data:`STALL_GAIN` (0.5 %) above the e1RM :data:`STALL_EXPOSURES`
  exposures back, i.e. stalled or fallen over their last three exposures [U:
  0.5 % is below a plate's worth on most lifts]. Lifts with fewer exposures are
  skipped (missing data never triggers).

Never on a brand-new program (< :data:`NEW_PROGRAM_DAYS` days since its start: the
seeds' false triggers came from start dates, 003 s11), never during a deload and
never when the planned one starts within :data:`NEAR_DELOAD_DAYS` days.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .types import DeloadSuggestion, LiftHistory, Readiness

CHECKIN_WINDOW = 5
LOW_CHECKINS = 3
READINESS_BELOW = 40
STALL_EXPOSURES = 3
STALLED_LIFTS = 2
STALL_GAIN = 0.005
#: Two microcycles: a main lift trained twice a week has its three exposures by
#: then, and a fresh program's first week is always the hardest to read [U].
NEW_PROGRAM_DAYS = 14
NEAR_DELOAD_DAYS = 7


def deload_trigger(
    *,
    readiness_history: Sequence[tuple[date, Readiness]],
    main_lifts: Sequence[LiftHistory],
    program_start: date,
    today: date,
    in_deload: bool = False,
    days_to_next_deload: int | None = None,
) -> DeloadSuggestion | None:
    """An early-deload suggestion, or None (rules in the module doc).

    ``readiness_history``: (check-in date, its readiness) in any order; only those
    from ``program_start`` to ``today`` count, the latest five of them.
    ``main_lifts``: each main lift's e1RM per exposure, oldest first.
    ``days_to_next_deload``: days until the program's next planned deload
    microcycle starts (None = none left). Never raises for missing data.
    """
    if in_deload or (today - program_start).days < NEW_PROGRAM_DAYS:
        return None
    if days_to_next_deload is not None and days_to_next_deload <= NEAR_DELOAD_DAYS:
        return None
    triggers: list[str] = []
    reasons: list[str] = []
    recent = sorted(
        (d, r) for d, r in readiness_history if program_start <= d <= today
    )[-CHECKIN_WINDOW:]
    known = [r for _, r in recent if not r.defaulted]
    low = [r.score for r in known if r.score < READINESS_BELOW]
    if len(low) >= LOW_CHECKINS:
        triggers.append("readiness")
        reasons.append(
            f"Readiness was under {READINESS_BELOW} on {len(low)} of your last "
            f"{len(recent)} check-ins ({', '.join(str(s) for s in low)})."
        )
    stalled = []
    for lift in main_lifts:
        values = lift.e1rm_kg[-STALL_EXPOSURES:]
        if len(values) == STALL_EXPOSURES and values[-1] < values[0] * (1 + STALL_GAIN):
            stalled.append(f"{lift.name} {values[0]:.1f} → {values[-1]:.1f} kg")
    if len(stalled) >= STALLED_LIFTS:
        triggers.append("e1rm_stall")
        reasons.append(
            f"Estimated 1RM has stalled or fallen over the last {STALL_EXPOSURES} "
            f"sessions on {len(stalled)} main lifts: {'; '.join(stalled)}."
        )
    if not triggers:
        return None
    return DeloadSuggestion(triggers=tuple(triggers), reasons=tuple(reasons))
