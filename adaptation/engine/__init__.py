"""The adaptation engine: the daily coach's pure calculations (issue 9 §1).

Plain Python over frozen dataclasses (:mod:`.types`), no Django (STYLE C2; an
import-linter contract enforces it), deterministic: the same inputs give the same
outputs, and "today" is always passed in. It reuses the planning engine
(``programs.generation``: library snapshot and index, scorer, timing tables, RTS
chart, volume caps) and ``training_logs.metrics`` (e1RM formulas, readiness
weights) instead of copying them.

Contract for the service layer (``adaptation/services.py``):

``readiness(inputs: ReadinessInputs) -> Readiness``
    0–100 score from sleep/stress/energy/nutrition, the session muscles' recovery
    (0–10) and recent effort (RPE over target, missed sessions). Lists missing
    inputs and how they were treated; 50 when nothing is known. Never raises.

``adapt_session(plan: SessionPlan, checkin: CheckIn, *, library: MovementLibrary,
athlete: AthleteProfile, readiness: Readiness, recovery: Mapping[str, float] = {},
week_sets: Mapping[str, float] = {}) -> Adaptation``
    Adapts one planned session. ``athlete`` is the program's AthleteProfile
    (experience, equipment, movement rules); ``checkin.equipment`` overrides its
    equipment for today. ``readiness`` comes from :func:`readiness` (the service
    computes it first: it also goes on the plan). ``recovery``: muscle slug → recovery 0–10 now (before the
    check-in's soreness, which the engine applies as 10 − soreness). ``week_sets``:
    hard sets per volume row (``programs.generation.volume.MUSCLE_ROW`` values)
    already done or planned in this microcycle *excluding* this session — the MRV
    caps are checked against it. Returns the adapted exercises, every operation
    with its reason, the time breakdown and the fit. Raises ``ValueError`` for a
    movement id absent from ``library`` or a check-in out of range (soreness
    outside 1–10, minutes < 1).

``alternatives(movement_id: int, *, library: MovementLibrary, athlete:
AthleteProfile, role: ExerciseRole = MAIN, easier: bool = False, exclude:
frozenset[int] = frozenset(), spare: frozenset[str] = frozenset(), goals:
tuple[GoalWeight, ...] = (), limit: int = 10) -> tuple[Alternative, ...]``
    Ranked substitutes: EQUIVALENT edges, then same pattern with overlapping
    primary muscles, then (``easier``) regressions; only movements the athlete's
    equipment, rules and level allow; ``spare`` muscles are never a primary
    muscle of an alternative (and, when sparing, related patterns are searched
    too). Raises ``ValueError`` for an unknown movement id.

``load_targets(exercises: Sequence[ExercisePlan], history: Sequence[LoggedSet], *,
library: MovementLibrary, formula: str = "EPLEY", unit: str = "KG") ->
tuple[LoadTarget, ...]``
    One target per working set of every hard, rep-based exercise: today's e1RM
    (the athlete's formula, RPE-adjusted, recent exposures weighted) × the RTS
    %1RM for reps @ target RPE, rounded to a loadable step in ``unit``; a
    first-session ramp text without history; double progression when the last
    exposure topped the rep range at or under target RPE on every set. Raises
    ``ValueError`` for an unknown formula or unit.

``deload_trigger(*, readiness_history: Sequence[tuple[date, Readiness]], main_lifts:
Sequence[LiftHistory], program_start: date, today: date, in_deload: bool = False,
days_to_next_deload: int | None = None) -> DeloadSuggestion | None``
    Suggests an early deload when readiness was low on ≥ 3 of the last 5
    check-ins since the program started, or e1RM stalled/fell on ≥ 2 main lifts
    over their last 3 exposures; never on a brand-new program (< 14 days), during
    a deload or when the planned one starts within 7 days. Missing data never
    triggers.

Helpers for building the inputs the same way the engine counts:
``hard_sets_by_row(plan, library)`` (hard sets per volume row of one session; sum
the microcycle's other sessions for ``week_sets``) and ``exposure_e1rms(sets,
formula)`` (a movement's e1RM per exposure, oldest first, for ``LiftHistory``).

Thresholds and their sources are documented in each module: readiness weights and
bands (:mod:`.readiness`), recovery threshold and low-readiness steps
(:mod:`.session`), shrink order and rest floors (:mod:`.fit`), alternative tiers
(:mod:`.substitution`), e1RM weighting, rounding and progression steps
(:mod:`.loads`), deload triggers (:mod:`.deload`). ``bench.adaptation_timings``
measures the engine time per adaptation.
"""

from __future__ import annotations

from .deload import deload_trigger
from .loads import exposure_e1rms, load_targets
from .readiness import readiness
from .session import adapt_session
from .substitution import alternatives
from .types import (
    Adaptation,
    Alternative,
    AlternativeKind,
    CheckIn,
    DeloadSuggestion,
    ExercisePlan,
    LiftHistory,
    LoadBasis,
    LoadTarget,
    LoggedSet,
    Operation,
    OpKind,
    Readiness,
    ReadinessBand,
    ReadinessInputs,
    SessionPlan,
)
from .work import hard_sets_by_row

__all__ = [
    "Adaptation",
    "Alternative",
    "AlternativeKind",
    "CheckIn",
    "DeloadSuggestion",
    "ExercisePlan",
    "LiftHistory",
    "LoadBasis",
    "LoadTarget",
    "LoggedSet",
    "OpKind",
    "Operation",
    "Readiness",
    "ReadinessBand",
    "ReadinessInputs",
    "SessionPlan",
    "adapt_session",
    "alternatives",
    "deload_trigger",
    "exposure_e1rms",
    "hard_sets_by_row",
    "load_targets",
    "readiness",
]
