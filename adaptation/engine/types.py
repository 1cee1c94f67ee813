"""Inputs and outputs of the adaptation engine (issue 9 §1).

Plain frozen dataclasses and string enums: no Django, no database. The service
layer builds them from the ORM (a planned ``Session`` and its exercises, a check-in,
logged sets, recovery states), calls the engine and persists what comes back.

The movement library snapshot, the athlete's constraints and the prescription
vocabulary are the planning engine's own types (``programs.generation.types``:
:class:`MovementLibrary`, :class:`AthleteProfile`, :class:`ExerciseRole`,
:class:`SessionType`, :class:`TimeBreakdown`), re-exported here so callers import one
module.

Units everywhere: loads in kg unless a field says ``unit``; rest and set durations
in seconds; session budgets and time available in minutes; RPE on the 1–10 scale
(Zourdos et al. 2016, reference §5a); RIR in reps; soreness 1–10 (10 = worst);
muscle recovery 0–10 (10 = fully recovered, ``training_logs.metrics``); ratings
1–5 (sleep quality, stress, energy, nutrition; 5 = most stressed for stress);
readiness 0–100.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from programs.generation.types import (
    AthleteProfile,
    ExerciseRole,
    ExperienceLevel,
    GoalWeight,
    MovementInfo,
    MovementLibrary,
    MovementRule,
    MovementRuleKind,
    SessionType,
    TimeBreakdown,
)

__all__ = [
    "Adaptation",
    "Alternative",
    "AlternativeKind",
    "AthleteProfile",
    "CheckIn",
    "DeloadSuggestion",
    "ExercisePlan",
    "ExerciseRole",
    "ExperienceLevel",
    "GoalWeight",
    "LiftHistory",
    "LoadBasis",
    "LoadTarget",
    "LoggedSet",
    "MovementInfo",
    "MovementLibrary",
    "MovementRule",
    "MovementRuleKind",
    "OpKind",
    "Operation",
    "Readiness",
    "ReadinessBand",
    "ReadinessInputs",
    "SessionPlan",
    "SessionType",
    "TimeBreakdown",
]


# ---------------------------------------------------------------------------
# Readiness
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReadinessInputs:
    """Everything readiness is computed from; every field may be unknown (None/empty).

    * ``sleep_hours`` (0–24), ``sleep_quality``/``stress``/``energy``/``nutrition``
      ratings 1–5 — the latest recovery signals (a check-in or
      ``POST /logs/recovery-signal``).
    * ``muscle_recovery``: muscle slug → recovery 0–10 *now* for the muscles the
      session trains (primary muscles), only those with a known state; soreness
      reported in today's check-in already applied (recovery = 10 − soreness).
    * ``rpe_overshoot``: mean (logged RPE − target RPE) over the recent hard sets that
      had both (the service picks the window; 7 days suggested). Positive = harder
      than planned.
    * ``sessions_planned`` / ``sessions_missed``: planned lifting sessions in the
      recent window (14 days suggested) and how many of them were not logged.
    """

    sleep_hours: float | None = None
    sleep_quality: int | None = None
    stress: int | None = None
    energy: int | None = None
    nutrition: int | None = None
    muscle_recovery: Mapping[str, float] = field(default_factory=dict)
    rpe_overshoot: float | None = None
    sessions_planned: int | None = None
    sessions_missed: int | None = None


class ReadinessBand(StrEnum):
    """Where a readiness score falls (thresholds in :mod:`.readiness`)."""

    VERY_LOW = "VERY_LOW"
    LOW = "LOW"
    NORMAL = "NORMAL"
    HIGH = "HIGH"


@dataclass(frozen=True, slots=True)
class Readiness:
    """A 0–100 readiness score and how it was made.

    ``components`` maps each *known* component (``sleep``, ``energy``, ``stress``,
    ``nutrition``, ``muscle_recovery``, ``recent_effort``) to 0–1 (1 = ready);
    ``weights`` the weight each one actually got (renormalised over the known ones,
    summing to 1; empty when nothing was known); ``missing`` the components with no
    input; ``treatment`` says in words how missing inputs were handled; ``defaulted``
    is True when nothing was known and the score is the seeds' default 50.
    """

    score: int
    band: ReadinessBand
    components: Mapping[str, float]
    weights: Mapping[str, float]
    missing: tuple[str, ...]
    treatment: str
    defaulted: bool


# ---------------------------------------------------------------------------
# A planned session and a check-in
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ExercisePlan:
    """One exercise of a session (planned, or adapted on the way out).

    Either ``reps_min``/``reps_max`` or ``duration_seconds`` (per set) is set.
    ``target_rpe`` may be None (warm-up drills, stretches). ``exercise_id`` is the
    caller's id for the planned row (``SessionExercise.pk``), carried through swaps
    and cuts so the service can tell which planned exercise became what; None on
    exercises the engine added. ``estimated_seconds`` is ignored on input and
    filled on output (all sets, rests, changeover and ramp-up, seeds 002 tables
    via ``programs.generation.timing``).
    """

    movement_id: int
    role: ExerciseRole
    order: int
    sets: int
    reps_min: int | None = None
    reps_max: int | None = None
    duration_seconds: int | None = None
    target_rpe: float | None = None
    rest_seconds: int = 0
    superset_group: int | None = None
    exercise_id: int | None = None
    estimated_seconds: int = 0

    @property
    def target_rir(self) -> int | None:
        """round(10 − RPE) (reference §5a); None without an RPE."""
        return None if self.target_rpe is None else round(10 - self.target_rpe)


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """The session planned for a day, as the service reads it from the program.

    ``exercises`` in session order (warm-up first, cool-down last).
    ``budget_minutes`` is the program's ``max_session_minutes``; ``goals`` the
    program's goals (they steer the scorer's goal_alignment when swapping);
    ``is_deload`` whether the day is in a deload microcycle.
    """

    session_type: SessionType
    exercises: tuple[ExercisePlan, ...]
    budget_minutes: int
    focus: str = ""
    goals: tuple[GoalWeight, ...] = ()
    is_deload: bool = False


@dataclass(frozen=True, slots=True)
class CheckIn:
    """What the athlete says today.

    ``soreness``: muscle slug → 1–10 (absent = not sore). ``minutes_available``:
    None = the planned budget. ``equipment``: None = the program's equipment (the
    athlete's profile); otherwise exactly what is available today (bodyweight is
    always available and never listed). The recovery signals (sleep…) go into
    :class:`ReadinessInputs`, not here.
    """

    soreness: Mapping[str, int] = field(default_factory=dict)
    minutes_available: int | None = None
    equipment: frozenset[str] | None = None


# ---------------------------------------------------------------------------
# Adaptation
# ---------------------------------------------------------------------------
class OpKind(StrEnum):
    """The named operations an adaptation is made of (issue 9 §1)."""

    SWAP = "SWAP"
    DROP = "DROP"
    CUT_SETS = "CUT_SETS"
    LOWER_EFFORT = "LOWER_EFFORT"
    SHORTEN_REST = "SHORTEN_REST"
    EXTEND_WARMUP = "EXTEND_WARMUP"
    CONVERT_TO_RECOVERY = "CONVERT_TO_RECOVERY"


@dataclass(frozen=True, slots=True)
class Operation:
    """One change, with a plain-text ``reason`` the athlete reads.

    ``exercise_id``/``movement_id`` name the exercise it applies to and the
    movement it held before the operation (None for session-wide operations:
    CONVERT_TO_RECOVERY, EXTEND_WARMUP); ``new_movement_id`` is set on SWAP, the
    movement put in (so a SWAP reads ``movement_id`` → ``new_movement_id``), and on
    EXTEND_WARMUP (the drill added);
    ``before``/``after`` are short human-readable states ("4×5 @ RPE 8" →
    "3×5 @ RPE 7", "180 s" → "120 s").
    """

    kind: OpKind
    reason: str
    exercise_id: int | None = None
    movement_id: int | None = None
    new_movement_id: int | None = None
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class Adaptation:
    """A planned session adapted to a check-in: the proposal the athlete accepts.

    ``exercises`` is the adapted prescription in order (orders renumbered from 1);
    ``operations`` every change with its reason, in the order applied (empty when
    nothing changed). ``planned_minutes`` / ``estimated_minutes`` are the session
    estimates before and after; ``minutes_available`` the check-in's (None = not
    limited). ``fits_time`` is True when the adapted estimate is within
    ``minutes_available`` + 5 % (and, when time forced cuts, within ±5 %);
    ``notes`` say why it could not fit when it does not. ``session_type`` is MOBILITY
    when the session was converted to a recovery/mobility session.
    """

    session_type: SessionType
    exercises: tuple[ExercisePlan, ...]
    operations: tuple[Operation, ...]
    time_breakdown: TimeBreakdown
    planned_minutes: int
    estimated_minutes: int
    minutes_available: int | None
    readiness: Readiness
    fits_time: bool
    notes: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# Substitution
# ---------------------------------------------------------------------------
class AlternativeKind(StrEnum):
    """Why an alternative is on the list, best tier first (seeds gap 2; 003 s11)."""

    EQUIVALENT = "EQUIVALENT"  # an EQUIVALENT edge of the movement graph
    SAME_PATTERN = "SAME_PATTERN"  # same pattern, overlapping primary muscles
    REGRESSION = "REGRESSION"  # a PROGRESSION edge walked in reverse (easier)
    RELATED = "RELATED"  # compatible pattern / same region (only when sparing)


@dataclass(frozen=True, slots=True)
class Alternative:
    """One ranked alternative: ``score`` is the planning scorer's weighted total
    for the exercise's slot (0–1 plus bounded adjustments, higher is better);
    ``rank`` starts at 1; ``reason`` is plain text."""

    movement_id: int
    name: str
    kind: AlternativeKind
    score: float
    rank: int
    reason: str


# ---------------------------------------------------------------------------
# Load targets
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LoggedSet:
    """One logged set (``training_logs.SetLog``) as history for load targets.

    ``performed_at`` groups sets into exposures (one workout = one exposure);
    ``load_kg`` None or 0 = bodyweight; either ``rpe`` or ``rir`` may be given.
    """

    movement_id: int
    performed_at: datetime
    load_kg: float | None
    reps: int | None
    rpe: float | None = None
    rir: int | None = None
    is_warmup: bool = False


class LoadBasis(StrEnum):
    """How a target load was found."""

    E1RM = "E1RM"  # today's e1RM × RTS %1RM for reps @ target RPE
    DOUBLE_PROGRESSION = "DOUBLE_PROGRESSION"  # last exposure's load + one step
    NO_HISTORY = "NO_HISTORY"  # no usable logged sets: a first-session ramp
    NOT_LOADED = "NOT_LOADED"  # bodyweight, bands or timed work: no number


@dataclass(frozen=True, slots=True)
class LoadTarget:
    """The target for one prescribed working set.

    ``load`` is in ``unit`` ("KG" or "LB"), rounded to a loadable increment;
    ``load_kg`` the same load in kg (unrounded conversion of ``load``); both None
    when ``basis`` is NO_HISTORY or NOT_LOADED. ``percent_1rm`` is the RTS chart
    value used (None without one); ``e1rm_kg`` today's e1RM of the movement (None
    without history). ``text`` is what the athlete reads ("102.5 kg × 5 @ RPE 8",
    "work up to RPE 7 for 5").
    """

    exercise_order: int
    movement_id: int
    set_number: int
    reps: int | None
    target_rpe: float | None
    load: float | None
    unit: str
    load_kg: float | None
    percent_1rm: float | None
    e1rm_kg: float | None
    basis: LoadBasis
    text: str


# ---------------------------------------------------------------------------
# Deload triggers
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LiftHistory:
    """One main lift's e1RM per exposure, oldest first (kg; the best set of each
    workout). ``name`` is for the reason text."""

    movement_id: int
    name: str
    e1rm_kg: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class DeloadSuggestion:
    """An early deload the athlete may accept (``POST /programs/{id}/deload-now/``).

    ``triggers`` names what fired (``"readiness"``, ``"e1rm_stall"``);
    ``reasons`` says it in words, with the numbers.
    """

    triggers: tuple[str, ...]
    reasons: tuple[str, ...]
