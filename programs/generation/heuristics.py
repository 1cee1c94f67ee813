"""The engine's tunable heuristics, in one auditable place.

This is the seeds' ``app/config/activity_distribution.py`` (seeds 003, session 16,
plan items 4–6): caps, thresholds, the preference margin, the plain-text
``BIAS_RATIONALE`` and ``HARD_CODED_BIAS_LOCATIONS``; plus the goal-interference
table (reference §8), the scorer weights and relaxation steps (seeds 000, forks 7.1
and 8.1) and the persona-aggression table. Everything here is data: no behaviour,
so :func:`programs.generation.engine.heuristics` can serve it read-only.
"""

from __future__ import annotations

from .types import ExperienceLevel, Goal, PersonaAggression

HEURISTICS_VERSION = "2026.11-1"

# ---------------------------------------------------------------------------
# Activity distribution (seeds 003, session 16, item 4)
# ---------------------------------------------------------------------------
#: Mobility may take at most 30 % of the weekly minutes (seeds 003 s16).
MOBILITY_MAX_PCT = 0.30
#: Cardio-type goals (ENDURANCE, FAT_LOSS) may take at most 75 % (seeds 003 s16).
CARDIO_MAX_PCT = 0.75
#: PREFER rules add at most 15 % of a movement's score (seeds 003 s16, item 5).
PREFERENCE_DEVIATION_PCT = 0.15
CARDIO_GOALS: frozenset[Goal] = frozenset({Goal.ENDURANCE, Goal.FAT_LOSS})
LIFTING_GOALS: tuple[Goal, ...] = (
    Goal.STRENGTH,
    Goal.HYPERTROPHY,
    Goal.ENDURANCE,
    Goal.SKILL,
)
#: Goal whose minutes absorb what the caps leave when no uncapped goal exists:
#: resistance training preserves fat-free mass (ACSM 2009 Donnelly, reference §2d).
DEFAULT_LIFTING_GOAL = Goal.HYPERTROPHY

# Finishers (seeds 003 s13: "10–20 minute cardio finishers"; s16 item 6).
FINISHER_MIN_MINUTES = 10
FINISHER_MAX_MINUTES = 20
#: Weekly cardio-type minutes below this are not worth a finisher.
FINISHER_MIN_WEEKLY_MINUTES = 10
#: Minutes of working sets a short lifting day of a hypertrophy-weighted week
#: (≥ 3 lifting days) keeps before any finisher: three hard exercises (a lower-
#: body lift, a push and a pull, about 7 min each with their rests, seeds 002
#: time tables), so chest, back, quadriceps and hamstrings can each be trained
#: on two days a week (Schoenfeld 2016, reference §4; issue 10: working sets
#: first). Longer endurance work also blunts hypertrophy more (Wilson 2012,
#: reference §8: ES falls with endurance duration).
HYPERTROPHY_LIFT_MINUTES = 21

# Dedicated days (seeds 003 s16: only under one of three conditions).
CONDITION_OVERTRAINING = "overtraining_risk"
CONDITION_BEGINNER = "beginner_safety"
CONDITION_PROFILE = "profile_filters"
#: Condition 1: this many training days a week is an overtraining risk on its own.
OVERTRAINING_MIN_DAYS = 6
#: Condition 1 (volume form): minutes of lifting per hard set, and the average
#: muscle credit per hard set under fractional counting (1 primary + ~1 synergist
#: × 0.5, Pelland 2024). Used to project weekly sets against the sum of MRVs.
MINUTES_PER_HARD_SET = 2.5
CREDIT_PER_HARD_SET = 1.5
#: Condition 2: beginners lift on at most 3 days (NSCA 2–3 sessions/wk, §1d;
#: ACSM novice 2–3 d/wk, §2a); extra days become cardio or mobility.
BEGINNER_MAX_LIFTING_DAYS = 3
#: Condition 3: a discipline priority at or above this allows dedicated days.
PROFILE_PRIORITY_THRESHOLD = 0.6
#: A conditioning-only day needs ≥5 conditioning movements for ≥30 minutes
#: (seeds 003 s16), so the session budget must hold 30 min + warm-up + cool-down.
CONDITIONING_MIN_MOVEMENTS = 5
CONDITIONING_MIN_MINUTES = 30
CONDITIONING_DAY_MIN_BUDGET = 45
#: Mobility days: MOBILITY weight from which dedicated mobility days are planned.
MOBILITY_DAY_MIN_WEIGHT = 4
#: Extra cool-down stretches per point of MOBILITY weight on lifting days
#: ("mobility → longer warm-up/cool-down", BIAS_RATIONALE).
MOBILITY_EXTRA_STRETCH_PER_WEIGHT = 0.5
#: SKILL weight from which every lifting day opens with SKILL-role practice.
SKILL_PRACTICE_MIN_WEIGHT = 2

BIAS_RATIONALE: dict[str, str] = {
    "fat_loss": (
        "Fat loss biases toward metabolic finishers (10–20 min circuits) on lifting "
        "days and, when allowed, dedicated cardio or conditioning days; lifting stays "
        "to keep fat-free mass (ACSM 2009 weight-loss stand)."
    ),
    "endurance": (
        "Endurance biases toward dedicated cardio blocks when allowed, otherwise "
        "interval finishers, and muscular-endurance rep ranges (12–20) on lifting days."
    ),
    "strength": (
        "Strength biases toward main + accessory volume: heavy compound main lifts "
        "(3–6 reps, long rests) followed by accessories, never a finisher."
    ),
    "hypertrophy": (
        "Hypertrophy biases toward main + accessory volume in the 6–12 rep range, "
        "with weekly hard sets per muscle kept between MEV and MRV."
    ),
    "mobility": (
        "Mobility biases toward mobility-only sessions when weighted heavily or "
        "preferred, and toward longer warm-ups and cool-downs on every other day."
    ),
    "skill": (
        "Skill biases toward SKILL-role practice early in the session, fresh, at low "
        "reps and far from failure."
    ),
}

HARD_CODED_BIAS_LOCATIONS: tuple[str, ...] = (
    "programs.generation.allocation:allocate_weekly_minutes",
    "programs.generation.planner:_decide_day_kinds",
    "programs.generation.planner:_assign_goals",
    "programs.generation.splits:infer_split_template",
    "programs.generation.library:_goal_affinity",
    "programs.generation.optimizer:main_fit",
    "programs.generation.optimizer:accessory_fit",
    "programs.generation.library:tier_standing",
    "programs.generation.prescription:main_rx",
    "programs.generation.finishers:finisher_kind",
    "programs.generation.rotation:AccessoryRotation",
    "programs.generation.builder:lifting_day",
)

# ---------------------------------------------------------------------------
# Goal interference (reference §8: Wilson 2012, Schumann 2022, Lundberg 2022;
# §2d Donnelly 2009). Severity 0–1; > 0.8 blocks (seeds 002 InterferenceService).
# ---------------------------------------------------------------------------
BLOCKING_SEVERITY = 0.8
WARNING_MIN_SEVERITY = 0.25
#: STRENGTH + ENDURANCE escalate to this when both weigh at least this much.
HEAVY_CONCURRENT_SEVERITY = 0.85
HEAVY_CONCURRENT_MIN_WEIGHT = 4


def _pair(a: Goal, b: Goal) -> frozenset[Goal]:
    return frozenset({a, b})


#: {frozenset({goal, goal}): (base severity, explanation, adjustment)}.
INTERFERENCE_TABLE: dict[frozenset[Goal], tuple[float, str, str]] = {
    _pair(Goal.STRENGTH, Goal.ENDURANCE): (
        0.5,
        "endurance volume blunts strength and power gains in proportion to its "
        "frequency and duration (Wilson 2012: r up to -0.75 with duration; "
        "Schumann 2022: explosive strength SMD -0.28)",
        "cardio kept to finishers or separate days, cycling preferred, never "
        "before the main lifts",
    ),
    _pair(Goal.HYPERTROPHY, Goal.ENDURANCE): (
        0.5,
        "concurrent endurance work lowers hypertrophy (Wilson 2012: ES 1.23 "
        "strength-only vs 0.85 concurrent; Lundberg 2022: running blunts fibre growth)",
        "cardio sessions short (≤20–30 min), low impact, away from leg days",
    ),
    _pair(Goal.HYPERTROPHY, Goal.FAT_LOSS): (
        0.55,
        "the energy deficit fat loss needs limits muscle gain; resistance training "
        "mainly preserves fat-free mass in a deficit (Donnelly 2009)",
        "volume kept near MEV-MAV, metabolic work as finishers, not extra days",
    ),
    _pair(Goal.STRENGTH, Goal.FAT_LOSS): (
        0.3,
        "a deficit slows strength gains a little; heavy loads keep strength",
        "main lifts stay heavy; conditioning goes to finishers",
    ),
    _pair(Goal.STRENGTH, Goal.SKILL): (
        0.2,
        "skill practice needs freshness that heavy lifting uses up",
        "skill practice first in the session, far from failure",
    ),
    _pair(Goal.HYPERTROPHY, Goal.SKILL): (
        0.2,
        "fatiguing volume competes with skill practice quality",
        "skill practice first in the session",
    ),
    _pair(Goal.SKILL, Goal.ENDURANCE): (
        0.2,
        "fatigue from endurance work degrades technique practice",
        "skill practice on fresh days, before conditioning",
    ),
    _pair(Goal.SKILL, Goal.FAT_LOSS): (
        0.2,
        "metabolic fatigue degrades technique practice",
        "skill first, finishers last",
    ),
    _pair(Goal.STRENGTH, Goal.HYPERTROPHY): (
        0.1,
        "compatible: both are resistance training, differing in loads and reps",
        "heavy and moderate days alternate",
    ),
    _pair(Goal.ENDURANCE, Goal.FAT_LOSS): (
        0.1,
        "compatible: both add aerobic minutes (ACSM 2011; Donnelly 2009)",
        "none needed",
    ),
    _pair(Goal.STRENGTH, Goal.MOBILITY): (0.1, "compatible", "none needed"),
    _pair(Goal.HYPERTROPHY, Goal.MOBILITY): (0.1, "compatible", "none needed"),
    _pair(Goal.ENDURANCE, Goal.MOBILITY): (0.1, "compatible", "none needed"),
    _pair(Goal.MOBILITY, Goal.SKILL): (0.1, "compatible", "none needed"),
    _pair(Goal.MOBILITY, Goal.FAT_LOSS): (0.1, "compatible", "none needed"),
}

# ---------------------------------------------------------------------------
# Persona aggression (seeds 002 enums; design choice documented here): how fast
# loading weeks progress and where RPE is capped. RPE caps follow the RIR scale
# (reference §5a): 8.5 ≈ 1–2 RIR, 9 ≈ 1 RIR, 9.5 ≈ 0–1 RIR.
# ---------------------------------------------------------------------------
#: aggression -> (volume step per loading week, RPE step per week, RPE cap,
#:                RPE offset of the first loading week)
AGGRESSION: dict[PersonaAggression, tuple[float, float, float, float]] = {
    PersonaAggression.CONSERVATIVE: (0.05, 0.25, 8.5, -1.0),
    PersonaAggression.BALANCED: (0.10, 0.5, 9.0, -1.0),
    PersonaAggression.AGGRESSIVE: (0.15, 0.5, 9.5, -0.5),
}
#: Loading-week volume multiplier ceiling (RP: MEV → toward MAV, reference §3).
MAX_VOLUME_MULTIPLIER = 1.3
#: Deload: sets × 0.5 and RPE − 2 (≈ RIR ≥ 4): reference §7 (Bell 2023 Delphi;
#: Rogerson 2024 — fewer sets, same exercises and frequency; RIR ≥4 row).
DELOAD_VOLUME_MULTIPLIER = 0.5
DELOAD_RPE_OFFSET = -2.0
#: A deload's hard sets end at least 4 reps from failure (RIR ≥ 4 ⇒ RPE ≤ 6,
#: reference §5a; the "RIR ≥4 on all sets" row of reference §7).
DELOAD_MAX_RPE = 6.0
#: Beginners never go past RPE 8 (ACSM 2009 novice; reference §2a).
BEGINNER_RPE_CAP = 8.0

#: Maximum movement skill level (1–5) by experience; relaxable by one level from
#: relaxation step 5 (design choice; free-exercise-db beginner=1/intermediate=3/
#: expert=5, movements.models.Movement.level).
MAX_LEVEL: dict[ExperienceLevel, int] = {
    ExperienceLevel.BEGINNER: 3,
    ExperienceLevel.INTERMEDIATE: 4,
    ExperienceLevel.ADVANCED: 5,
    ExperienceLevel.EXPERT: 5,
}
EXPERIENCE_RANK: dict[str, int] = {
    ExperienceLevel.BEGINNER: 0,
    ExperienceLevel.INTERMEDIATE: 1,
    ExperienceLevel.ADVANCED: 2,
    ExperienceLevel.EXPERT: 3,
}

# ---------------------------------------------------------------------------
# Scorer (seeds 000 fork 8.1) and relaxation (fork 7.1)
# ---------------------------------------------------------------------------
SCORER_WEIGHTS: dict[str, float] = {
    "pattern_alignment": 0.25,
    "muscle_coverage": 0.20,
    "discipline_preference": 0.15,
    "compound_bonus": 0.15,
    "specialization": 0.10,
    "goal_alignment": 0.10,
    "time_utilization": 0.05,
}
RELAXATION_STEPS: tuple[str, ...] = (
    "strict",
    "expand pattern compatibility",
    "include synergist muscles",
    "reduce discipline weight",
    "accept isolation movements",
    "accept generic movements",
    "emergency mode",
)
DISCIPLINE_RELAXED_MULTIPLIER = 0.7
#: Penalties and bonuses outside the seven weighted dimensions (documented in
#: scorer.py): previous-day fatigue (seeds 000 fork 6.2.2, > 2 fractional sets),
#: reuse within the microcycle (seeds 003 s7 variety), continuity within a
#: mesocycle (RP: keep exercises for the mesocycle), rotation between mesocycles.
FATIGUE_SET_THRESHOLD = 2.0
FATIGUE_PENALTY = 0.2
REUSE_PENALTY = 0.25
CONTINUITY_BONUS = 0.12
ROTATION_PENALTY = 0.08
VARIANT_PENALTY = 0.5
#: Candidates within this much of the best are drawn from with the session RNG.
SELECTION_BAND = 0.03

#: Movement tier (issue 10; ``movements.models.Tier``, the reviewed table in
#: ``movements.library_data``) → adjustment added to the scorer's total. A staple
#: outranks an equally scored common variation; a specialty movement loses about
#: what a missed focus muscle costs (muscle_coverage 0.20 × 0.7); a novelty
#: about a whole pattern mismatch. On top of the weight, the optimizer keeps
#: SPECIALTY and NOVELTY out of a slot while a STAPLE or COMMON candidate
#: qualifies at the same relaxation step, unless the athlete prefers the
#: movement (PREFER rule or a liked discipline) or it uses specialty equipment
#: they listed (``SPECIALTY_KIT``); its rationale says which.
TIER_WEIGHTS: dict[str, float] = {
    "STAPLE": 0.08,
    "COMMON": 0.0,
    "SPECIALTY": -0.15,
    "NOVELTY": -0.30,
}
#: Equipment outside a commercial gym (``movements.equipment``): an athlete who
#: lists it wants the movements that use it.
SPECIALTY_KIT = frozenset(
    {"strongman", "sled", "sandbag", "rings", "suspension_trainer", "battle_ropes"}
)
#: Venues rather than kit (``movements.equipment.VENUE_EQUIPMENT``): a pool for
#: swimming, skates for skating. Not in any preset; available to an athlete who
#: lists them or enjoys an activity that needs them (``activities.venues_for``).
VENUE_KIT = frozenset({"pool", "skates"})

#: Session minutes from which a hypertrophy-led session may hold a second
#: exercise of one slot for a group it targets (:func:`.families.slot_repeats`):
#: on a day that calls for repeats of its patterns (a push, pull or back day,
#: the week's one or two sessions for those groups: a pulldown after the
#: pull-up, an incline press after the bench, RP chest's three classes,
#: reference §11), and on any day with time for more than one exercise per
#: slot (upper, lower, full-body days of 90 min or more; seeds 002 time tables,
#: reference §9c). Below them the session has room for one exercise per slot.
SLOT_REPEAT_MIN_MINUTES = 45
SLOT_REPEAT_ANY_DAY_MINUTES = 90

#: Step ≥1 "expand pattern compatibility" (seeds 000 fork 7.1): patterns treated
#: as compatible (score 0.8). Grounded in reference §11 (knee- vs hip-dominant,
#: push/pull planes): a lunge trains the squat's muscles, pulls of either plane
#: train the back, and so on.
PATTERN_COMPATIBILITY: dict[str, tuple[str, ...]] = {
    "squat": ("lunge",),
    "lunge": ("squat",),
    "hinge": ("olympic",),
    "horizontal_push": ("vertical_push",),
    "vertical_push": ("horizontal_push",),
    "horizontal_pull": ("vertical_pull",),
    "vertical_pull": ("horizontal_pull",),
    "core": ("carry",),
    "carry": ("core",),
    "olympic": ("hinge", "plyometric"),
    "plyometric": ("olympic", "conditioning"),
    "conditioning": ("plyometric", "carry", "cardio"),
    "cardio": ("conditioning",),
    "isolation": (),
    "mobility": (),
}
#: Body region of each lifting pattern, for step 5 "generic movements".
PATTERN_REGION: dict[str, str] = {
    "squat": "lower",
    "hinge": "lower",
    "lunge": "lower",
    "horizontal_push": "upper",
    "horizontal_pull": "upper",
    "vertical_push": "upper",
    "vertical_pull": "upper",
    "carry": "core",
    "core": "core",
    "olympic": "lower",
    "plyometric": "lower",
    "isolation": "any",
}
