"""Inputs and outputs of the planning-and-optimizing engine.

Plain, frozen dataclasses and string enums: no Django, no database. The service layer
builds a :class:`ProgramSpec` and a :class:`MovementLibrary` snapshot from the ORM,
calls the engine, and persists what comes back. Enum values equal the Django
``TextChoices`` values in ``programs.models`` / ``movements.models`` / ``coach.models``
so rows and dataclasses convert with ``Enum(value)``.

Units everywhere: minutes for session budgets, seconds for rest, set and exercise
durations, RPE on the 1–10 scale (Zourdos et al. 2016), RIR in reps, %1RM as an
integer percent, loads are not prescribed in kg (the athlete's e1RM is unknown at
planning time; %1RM and RPE carry the intensity).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Goal(StrEnum):
    STRENGTH = "STRENGTH"
    HYPERTROPHY = "HYPERTROPHY"
    ENDURANCE = "ENDURANCE"
    MOBILITY = "MOBILITY"
    SKILL = "SKILL"
    FAT_LOSS = "FAT_LOSS"


class SplitTemplate(StrEnum):
    HYBRID = "HYBRID"
    UPPER_LOWER = "UPPER_LOWER"
    PPL = "PPL"
    FULL_BODY = "FULL_BODY"
    BODY_PART_SPLIT = "BODY_PART_SPLIT"
    PUSH_PULL = "PUSH_PULL"


class ProgressionStyle(StrEnum):
    SINGLE_PROGRESSION = "SINGLE_PROGRESSION"
    DOUBLE_PROGRESSION = "DOUBLE_PROGRESSION"
    WAVE_LOADING = "WAVE_LOADING"
    BLOCK_PERIODIZATION = "BLOCK_PERIODIZATION"


class ExperienceLevel(StrEnum):
    BEGINNER = "BEGINNER"
    INTERMEDIATE = "INTERMEDIATE"
    ADVANCED = "ADVANCED"
    EXPERT = "EXPERT"


class PersonaTone(StrEnum):
    SUPPORTIVE = "SUPPORTIVE"
    NEUTRAL = "NEUTRAL"
    DIRECT = "DIRECT"


class PersonaAggression(StrEnum):
    CONSERVATIVE = "CONSERVATIVE"
    BALANCED = "BALANCED"
    AGGRESSIVE = "AGGRESSIVE"


class SessionType(StrEnum):
    STRENGTH = "STRENGTH"
    HYPERTROPHY = "HYPERTROPHY"
    ENDURANCE = "ENDURANCE"
    MOBILITY = "MOBILITY"
    SKILL = "SKILL"
    CONDITIONING = "CONDITIONING"
    CARDIO = "CARDIO"
    RECOVERY = "RECOVERY"


class ExerciseRole(StrEnum):
    WARMUP = "WARMUP"
    MAIN = "MAIN"
    ACCESSORY = "ACCESSORY"
    FINISHER = "FINISHER"
    COOLDOWN = "COOLDOWN"
    SKILL = "SKILL"


class MovementRuleKind(StrEnum):
    HARD_NO = "HARD_NO"
    SUBSTITUTE = "SUBSTITUTE"
    PREFER = "PREFER"


# Movement patterns, muscles and equipment are plain strings, equal to the values of
# movements.models.MovementPattern / Muscle.slug / Equipment.
PATTERNS: tuple[str, ...] = (
    "squat",
    "hinge",
    "lunge",
    "horizontal_push",
    "horizontal_pull",
    "vertical_push",
    "vertical_pull",
    "carry",
    "core",
    "isolation",
    "olympic",
    "conditioning",
    "cardio",
    "mobility",
    "plyometric",
)
MUSCLES: tuple[str, ...] = (
    "abdominals",
    "abductors",
    "adductors",
    "biceps",
    "calves",
    "chest",
    "forearms",
    "glutes",
    "hamstrings",
    "lats",
    "lower_back",
    "middle_back",
    "neck",
    "quadriceps",
    "shoulders",
    "traps",
    "triceps",
)


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoalWeight:
    """One goal and its share of the $10 (an integer 1–10)."""

    goal: Goal
    weight: int


@dataclass(frozen=True, slots=True)
class MovementRule:
    """An athlete's rule on one movement. ``substitute_id`` only for SUBSTITUTE."""

    movement_id: int
    rule: MovementRuleKind
    substitute_id: int | None = None


@dataclass(frozen=True, slots=True)
class ProgramRequest:
    """What the athlete asked for (the wizard / ``POST /programs`` body).

    ``split_template`` and ``progression_style`` may be None: the engine infers them
    (split from days per week and goals; progression from experience level as the
    seeds say: beginner → single, intermediate → double, advanced/expert → wave).
    """

    goals: tuple[GoalWeight, ...]
    duration_weeks: int
    days_per_week: int
    max_session_minutes: int
    start_date: date
    split_template: SplitTemplate | None = None
    progression_style: ProgressionStyle | None = None
    deload_every_n_microcycles: int = 4
    microcycle_length_days: int = 7


@dataclass(frozen=True, slots=True)
class AthleteProfile:
    """Who the program is for, and the hard and soft constraints on selection.

    ``equipment`` is the set of normalised equipment available (bodyweight is always
    available and is not listed). ``discipline_priorities`` maps a discipline value
    (``movements.models.Discipline``) to a 0–1 priority. ``preferred_weekdays`` are
    ISO weekday numbers 0=Monday … 6=Sunday; empty means "spread the days".
    ``discipline_experience`` maps a discipline to an ExperienceLevel value; a
    discipline absent from it means "no experience".
    """

    experience_level: ExperienceLevel = ExperienceLevel.BEGINNER
    persona_tone: PersonaTone = PersonaTone.SUPPORTIVE
    persona_aggression: PersonaAggression = PersonaAggression.BALANCED
    equipment: frozenset[str] = frozenset()
    movement_rules: tuple[MovementRule, ...] = ()
    enjoyable_activities: tuple[str, ...] = ()
    discipline_priorities: Mapping[str, float] = field(default_factory=dict)
    discipline_experience: Mapping[str, str] = field(default_factory=dict)
    preferred_weekdays: tuple[int, ...] = ()
    prefer_dedicated_mobility_days: bool = False
    prefer_dedicated_cardio_days: bool = False
    cardio_as_finisher: bool = True


@dataclass(frozen=True, slots=True)
class ProgramSpec:
    """Everything the engine needs for one program, besides the movement library."""

    request: ProgramRequest
    athlete: AthleteProfile
    seed: int = 0
    # Salts for individual sessions that were regenerated: {(microcycle_seq, day_index): n}.
    session_variants: Mapping[tuple[int, int], int] = field(default_factory=dict)
    # Microcycles (sequence numbers) that deload early because the athlete accepted
    # a deload suggestion (issue 9), on top of every deload_every_n-th one.
    extra_deloads: frozenset[int] = frozenset()


#: Equipment that puts an external load on a lift (a bar, a dumbbell, a weight
#: stack): only these lifts get a %1RM or a weight on the bar. A pull-up bar, a
#: dip station, a box or a band hold the athlete's own bodyweight.
LOADABLE = frozenset(
    {"barbell", "dumbbell", "kettlebell", "trap_bar", "machine", "smith_machine", "cable",
     "ez_bar", "landmine", "sandbag", "plates"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class MovementInfo:
    """A movement as the engine sees it (snapshot of ``movements.Movement``).

    ``level`` is skill on 1–5. ``equipment`` empty means bodyweight. ``is_timed``
    movements are prescribed in seconds. ``tier`` is the curated quality tier
    (STAPLE / COMMON / SPECIALTY / NOVELTY, ``movements.models.Tier``; a library
    without one reads as COMMON); ``requires_coaching`` marks lifts that need
    hands-on teaching.
    """

    id: int
    name: str
    slug: str
    pattern: str
    mechanic: str  # "compound" | "isolation" | ""
    force: str  # "push" | "pull" | "static" | ""
    equipment: frozenset[str]
    level: int
    discipline: str
    primary_muscles: tuple[str, ...]
    secondary_muscles: tuple[str, ...]
    tags: frozenset[str] = frozenset()
    is_unilateral: bool = False
    is_timed: bool = False
    tier: str = "COMMON"
    requires_coaching: bool = False


@dataclass(frozen=True, slots=True)
class MovementLibrary:
    """The movement library snapshot, built once per generation run.

    ``movements`` is keyed by id. ``progressions`` are (easier_id, harder_id) pairs
    (PROGRESSION edges); ``equivalents`` and ``antagonists`` unordered pairs.
    """

    movements: Mapping[int, MovementInfo]
    progressions: tuple[tuple[int, int], ...] = ()
    equivalents: tuple[tuple[int, int], ...] = ()
    antagonists: tuple[tuple[int, int], ...] = ()
    #: The staff-curated circuits (``movements.Circuit``), id order.
    circuits: tuple[CircuitInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class CircuitItemInfo:
    """One movement of a curated circuit, in ``order``, with at most one dose
    (reps, seconds, metres or calories; none when the interval is the dose) and
    ``work_seconds``, the time one dose takes (``movements.timing``).
    ``scaled`` says how the engine scaled it for the athlete ("scaled for a
    beginner: single-unders for double-unders (2× reps)", :mod:`.scaling`);
    empty as written."""

    movement_id: int
    order: int
    reps: int | None = None
    seconds: int | None = None
    distance_m: int | None = None
    calories: int | None = None
    load_hint: str = ""
    work_seconds: int = 30
    scaled: str = ""


@dataclass(frozen=True, slots=True)
class CircuitInfo:
    """A curated circuit as the engine sees it (snapshot of ``movements.Circuit``).

    ``circuit_type`` is METCON, EMOM, AMRAP, TABATA, COMPLEX or CIRCUIT;
    ``difficulty`` is skill on 1–5; ``estimated_seconds`` the circuit's whole
    duration, rest included (``movements.timing``), computed once at snapshot time.
    """

    id: int
    name: str
    circuit_type: str
    scoring: str
    difficulty: int
    estimated_seconds: int
    items: tuple[CircuitItemInfo, ...]
    rounds: int | None = None
    time_cap_seconds: int | None = None
    work_seconds: int | None = None
    rest_seconds: int | None = None
    disciplines: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()


# ---------------------------------------------------------------------------
# Outputs
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoalAllocation:
    """Weekly minutes the planner gives one goal, and why."""

    goal: Goal
    weight: int
    weekly_minutes: int
    capped: bool
    rationale: str


@dataclass(frozen=True, slots=True)
class PlannedSession:
    """One day of a microcycle, before exercise selection.

    ``day_index`` is 0-based within the microcycle; rest days are RECOVERY.
    ``blocks`` names the session anatomy in order, e.g. ``("WARMUP", "MAIN",
    "ACCESSORY", "COOLDOWN")`` or ``("WARMUP", "CARDIO", "COOLDOWN")``.
    ``reasons`` are plain-text explanations of the day's type and structure.
    """

    day_index: int
    date: date
    session_type: SessionType
    focus: str
    intent_tags: tuple[str, ...]
    blocks: tuple[str, ...]
    reasons: tuple[str, ...] = ()
    # Added by the engine (optional, defaulted): the goal that drives the day's
    # prescriptions (None on rest days) and the minutes of its FINISHER block
    # (0 when the day has none).
    dominant_goal: Goal | None = None
    finisher_minutes: int = 0


@dataclass(frozen=True, slots=True)
class PlannedMicrocycle:
    """A microcycle of the plan: its place, whether it deloads, and its days.

    ``volume_multiplier`` scales working sets against the baseline week (1.0);
    ``rpe_offset`` is added to the goal's target RPE (negative on deloads).
    """

    sequence_number: int
    start_date: date
    length_days: int
    is_deload: bool
    volume_multiplier: float
    rpe_offset: float
    sessions: tuple[PlannedSession, ...]


@dataclass(frozen=True, slots=True)
class ProgramPlan:
    """The skeleton: resolved template and progression, allocation, microcycles."""

    split_template: SplitTemplate
    progression_style: ProgressionStyle
    warnings: tuple[str, ...]
    allocation: tuple[GoalAllocation, ...]
    microcycles: tuple[PlannedMicrocycle, ...]


@dataclass(frozen=True, slots=True)
class ExerciseRationale:
    """Why an exercise was chosen: the scorer's dimensions (each 0–1), the weighted
    total, the relaxation step (0 strict … 6 emergency) and any rule that applied."""

    scores: Mapping[str, float]
    total: float
    relaxation_step: int
    relaxation: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PrescribedExercise:
    """A movement prescribed in a session.

    Either ``reps_min``/``reps_max`` or ``duration_seconds`` (per set) is set.
    ``estimated_seconds`` covers all sets including rest.
    """

    movement_id: int
    role: ExerciseRole
    order: int
    sets: int
    reps_min: int | None
    reps_max: int | None
    duration_seconds: int | None
    target_rpe: float | None
    target_rir: int | None
    load_percent_1rm: int | None
    rest_seconds: int
    superset_group: int | None
    estimated_seconds: int
    rationale: ExerciseRationale
    notes: str = ""


@dataclass(frozen=True, slots=True)
class TimeBreakdown:
    """Minutes per block of a session (seeds 002 SessionTimeBreakdown)."""

    warmup: int
    main: int
    accessory: int
    finisher: int
    cooldown: int
    total: int


@dataclass(frozen=True, slots=True)
class GeneratedSession:
    """The filled session: exercises in order, time, notes (≤200 characters)."""

    microcycle_sequence: int
    day_index: int
    exercises: tuple[PrescribedExercise, ...]
    time_breakdown: TimeBreakdown
    estimated_minutes: int
    coach_notes: str
    # Added by the engine: plain-text notes on how the session was built, including
    # any deliberate deviation (e.g. shorter than the budget because a weekly MRV
    # cap was reached, or a deload by design).
    rationale: tuple[str, ...] = ()
    # The curated circuits the session uses (``CircuitInfo.id``), if any: the
    # conditioning block's and the finisher's. Their movements are also exercises.
    main_circuit_id: int | None = None
    finisher_circuit_id: int | None = None


@dataclass(frozen=True, slots=True)
class SessionFailure:
    """A session the engine could not fill; the rest of the program goes on."""

    microcycle_sequence: int
    day_index: int
    error: str


@dataclass(frozen=True, slots=True)
class GeneratedProgram:
    """A whole program: the plan, every filled session (date order) and failures."""

    plan: ProgramPlan
    sessions: tuple[GeneratedSession, ...]
    failures: tuple[SessionFailure, ...]
