"""Weekly hard sets per muscle against RP volume landmarks (pure, no Django).

The landmarks are Renaissance Periodization's (Israetel; reference §3): MV
(maintenance), MEV (minimum effective), MAV (maximum adaptive, a range) and MRV
(maximum recoverable), in hard sets per muscle per week, for intermediate-to-advanced
lifters. RP muscles are mapped onto the movement library's muscles as reference §14
says: Back = lats + middle back; "shoulders" (one bucket in the library) is judged
against the side/rear-delt landmarks; forearms, lower back, adductors, abductors and
neck have no RP landmark and are shown untracked.

A set counts toward a landmark group once, with the best credit any of the group's
muscles gets from it (primary 1.0, secondary 0.5 — fractional counting, reference
§0): a barbell row (middle back primary, lats secondary) is one back set, not 1.5.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from training_logs.metrics import PRIMARY_CREDIT, SECONDARY_CREDIT

BELOW_MEV = "BELOW_MEV"
MEV_TO_MAV = "MEV_TO_MAV"
MAV = "MAV"
MAV_TO_MRV = "MAV_TO_MRV"
ABOVE_MRV = "ABOVE_MRV"
UNTRACKED = "UNTRACKED"


@dataclass(frozen=True, slots=True)
class Landmark:
    """RP landmarks of one muscle group, hard sets per week; ``muscles`` are the
    library muscle slugs that make up the group; ``source`` the reference row."""

    group: str
    name: str
    muscles: tuple[str, ...]
    mv: float
    mev: float
    mav_low: float
    mav_high: float
    mrv: float
    source: str


#: Reference §3 table (2017 RP article values where the revision differs).
LANDMARKS: tuple[Landmark, ...] = (
    Landmark("chest", "Chest", ("chest",), 8, 10, 12, 20, 22, "§3 Chest [V] (2017)"),
    Landmark("back", "Back", ("lats", "middle_back"), 8, 10, 14, 22, 25, "§3 Back [V]"),
    Landmark("traps", "Traps", ("traps",), 0, 0, 12, 20, 26, "§3 Traps [V]/[S]"),
    Landmark(
        "shoulders",
        "Shoulders (side/rear delts)",
        ("shoulders",),
        0,
        8,
        16,
        22,
        26,
        "§3 Side + rear delts [S]; §14 mapping [U]",
    ),
    Landmark("quads", "Quads", ("quadriceps",), 6, 8, 12, 18, 20, "§3 Quads [S]"),
    Landmark("hamstrings", "Hamstrings", ("hamstrings",), 4, 6, 10, 16, 20, "§3 [S]"),
    Landmark("glutes", "Glutes", ("glutes",), 0, 0, 4, 12, 16, "§3 Glutes [S]"),
    Landmark("calves", "Calves", ("calves",), 6, 8, 12, 16, 20, "§3 Calves [S]"),
    Landmark("biceps", "Biceps", ("biceps",), 4, 8, 14, 20, 26, "§3 Biceps [V]"),
    Landmark("triceps", "Triceps", ("triceps",), 4, 6, 10, 14, 18, "§3 Triceps [S]"),
    Landmark("abs", "Abs", ("abdominals",), 0, 0, 16, 20, 25, "§3 Abs [S] (2017)"),
)
#: Library muscles with no RP landmark (reference §3, §14).
UNTRACKED_MUSCLES = ("forearms", "lower_back", "adductors", "abductors", "neck")


def zone(sets: float, landmark: Landmark) -> str:
    """Where ``sets`` weekly hard sets fall: BELOW_MEV (< MEV), MEV_TO_MAV,
    MAV (within the MAV range), MAV_TO_MRV (above MAV, up to MRV), ABOVE_MRV."""
    if sets < landmark.mev:
        return BELOW_MEV
    if sets < landmark.mav_low:
        return MEV_TO_MAV
    if sets <= landmark.mav_high:
        return MAV
    if sets <= landmark.mrv:
        return MAV_TO_MRV
    return ABOVE_MRV


def group_sets(
    movement_sets: Iterable[tuple[float, Sequence[str], Sequence[str]]],
) -> dict[str, float]:
    """Hard sets per landmark group.

    ``movement_sets`` holds ``(hard_sets, primary_muscles, secondary_muscles)`` per
    movement (or per set). Returns ``{group: sets}`` for every group in
    :data:`LANDMARKS` (0.0 when untouched).
    """
    totals = {lm.group: 0.0 for lm in LANDMARKS}
    for hard_sets, primary, secondary in movement_sets:
        for lm in LANDMARKS:
            if any(m in primary for m in lm.muscles):
                totals[lm.group] += hard_sets * PRIMARY_CREDIT
            elif any(m in secondary for m in lm.muscles):
                totals[lm.group] += hard_sets * SECONDARY_CREDIT
    return totals
