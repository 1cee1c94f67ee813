"""Prescriptions: sets, reps or seconds, RPE/RIR, %1RM and rest, by role and goal.

Numbers (reference tables, cited per constant below):

* STRENGTH main lifts 3–5 × 3–6 @ RPE 7–9, rest 180–300 s (NSCA §1a: ≤6 reps,
  2–5 min; ACSM 2009 §2a: heavy core lifts 3–5 min).
* HYPERTROPHY 3–4 × 6–12 @ RPE 7–9 (RIR 1–3), rest 120–180 s on compounds and
  60–120 s otherwise (NSCA §1a; ACSM §2b; Schoenfeld 2016 3-min > 1-min, §9a).
* ENDURANCE 2–3 × 12–20, rest 30–60 s (NSCA §1a, ACSM §2b, reference §13).
* SKILL low reps far from failure, rest 90–180 s (reference §13).
* Accessories 2–4 × 8–15; warm-up drills 1–2 light sets or 30–60 s; cool-down
  stretches 2 × 30 s holds ≈ 60 s per stretch (ACSM flexibility §2c).
* Beginners: ACSM novice 1–3 × 8–12 at RPE ≤ 8 (§2a/§2b), rests 60–120 s are
  enough for the untrained (Grgic 2018, §9a).
* %1RM from the RTS chart for (reps, RPE) (reference §5b, rule
  ``seq[2·(reps−1) + 2·(10−RPE)]``); beyond 12 effective reps, Epley on effective
  reps = reps + RIR (reference §6 cross-check), which matches ACSM §1c (16–20RM ≈ 60 %).
* target_rir = round(10 − RPE) (Zourdos 2016, §5a).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .periodization import MainScheme
from .types import LOADABLE, ExerciseRole, ExperienceLevel, Goal, MovementInfo

#: RTS / Tuchscherer flattened sequence (reference §5b, [V]).
RTS_SEQUENCE: tuple[float, ...] = (
    100, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1, 79.9,
    78.6, 77.4, 76.2, 75.1, 73.9, 72.3, 70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3,
    59.9, 58.6, 57.2,
)  # fmt: skip

#: (goal, role) → (rest low, rest high, default) in seconds; see module doc.
REST: dict[tuple[Goal, str], tuple[int, int, int]] = {
    (Goal.STRENGTH, "main"): (180, 300, 180),
    (Goal.HYPERTROPHY, "main"): (120, 180, 120),
    (Goal.ENDURANCE, "main"): (30, 60, 45),
    (Goal.SKILL, "main"): (120, 180, 120),
    (Goal.STRENGTH, "accessory"): (60, 120, 75),
    (Goal.HYPERTROPHY, "accessory"): (60, 120, 60),
    (Goal.ENDURANCE, "accessory"): (30, 60, 45),
    (Goal.SKILL, "accessory"): (60, 120, 60),
}
NOVICE_MAIN_REST = (90, 180, 120)
NOVICE_ACCESSORY_REST = (60, 120, 60)
SKILL_PRACTICE_REST = (90, 180, 90)
#: Accessory (reps_min, reps_max, base sets, base RPE) per session goal
#: (accessory 2–4 × 8–15; endurance 12–20; reference §1a/§2b).
ACCESSORY: dict[Goal, tuple[int, int, int, float]] = {
    Goal.STRENGTH: (8, 12, 3, 8.0),
    Goal.HYPERTROPHY: (8, 12, 3, 8.5),
    Goal.ENDURANCE: (15, 20, 2, 7.5),
    Goal.SKILL: (8, 12, 3, 8.0),
}
ACCESSORY_SETS = (2, 4)
MAIN_SETS = (2, 5)
WARMUP_SECONDS = 45
STRETCH_HOLD_SECONDS = 30
STRETCH_REPS = 2
GENERAL_WARMUP_SECONDS = 300


def percent_1rm(reps: int, rpe: float) -> float:
    """%1RM (unrounded) for ``reps`` at ``rpe``: the RTS chart for 1–12 reps at RPE
    6–10 (reference §5b), Epley on effective reps = reps + (10 − RPE) beyond it
    (reference §6). Public for the adaptation engine's load targets."""
    rpe = max(1.0, min(10.0, rpe))
    effective = reps + (10 - rpe)
    if 1 <= reps <= 12 and rpe >= 6:
        step = round(2 * (reps - 1) + 2 * (10 - rpe))
        if step < len(RTS_SEQUENCE):
            return float(RTS_SEQUENCE[step])
    return 100 / (1 + effective / 30)


def load_percent(reps: int, rpe: float) -> int:
    """%1RM for ``reps`` at ``rpe`` (RTS chart; Epley on effective reps beyond it)."""
    return round(percent_1rm(reps, rpe))


def rir(rpe: float | None) -> int | None:
    """Reps in reserve for an RPE: round(10 − RPE) (reference §5a)."""
    return None if rpe is None else round(10 - rpe)


@dataclass(slots=True)
class Draft:
    """A mutable exercise under construction (the builder turns it into a
    PrescribedExercise). Times in seconds; ``rest_range`` bounds rest tuning."""

    movement: MovementInfo
    role: ExerciseRole
    sets: int
    reps_min: int | None = None
    reps_max: int | None = None
    duration: int | None = None
    rpe: float | None = None
    rest: int = 0
    rest_range: tuple[int, int] = (0, 0)
    set_range: tuple[int, int] = (1, 1)
    superset: int | None = None
    hard: bool = False
    scores: dict[str, float] = field(default_factory=dict)
    total: float = 0.0
    step: int = 0
    notes: list[str] = field(default_factory=list)
    fixed_percent: int | None = None
    #: A movement of a curated circuit: the circuit's id and its whole duration
    #: (``CircuitInfo.estimated_seconds``), which timing uses for the group.
    circuit_id: int | None = None
    circuit_seconds: int | None = None
    #: Carried across a mesocycle (:mod:`.carry`): the unrounded sets the
    #: planned volume step asks for, and the week's volume multiplier they
    #: belong to (None until the session is finished).
    planned_sets: float | None = None
    planned_multiplier: float | None = None

    @property
    def percent(self) -> int | None:
        """%1RM for hard, rep-based sets of externally loaded lifts (a bar, a
        dumbbell, a stack: :data:`.types.LOADABLE`); None otherwise: a
        pull-up, a dip or a push-up is bodyweight, and "64 % of 1RM" means
        nothing on the bar it hangs from (the daily coach gives those no load
        either, ``adaptation.engine.loads.equipment_kind``). ``fixed_percent``
        (double progression: same bar, more reps) wins."""
        if not self.hard or self.reps_max is None or self.rpe is None:
            return None
        if not self.movement.equipment & LOADABLE:
            return None
        if self.fixed_percent is not None:
            return self.fixed_percent
        return load_percent(round((self.reps_min + self.reps_max) / 2), self.rpe)


def _timed_or_reps(draft: Draft, reps: tuple[int, int], seconds: int) -> Draft:
    if draft.movement.is_timed:
        draft.duration = seconds
    else:
        draft.reps_min, draft.reps_max = reps
    return draft


def main_rx(
    movement: MovementInfo,
    goal: Goal,
    scheme: MainScheme,
    experience: ExperienceLevel,
    volume_multiplier: float,
    scale_sets: bool,
) -> Draft:
    """A MAIN lift for one loading week (scheme from periodization.main_scheme)."""
    sets = scheme.sets
    if scale_sets:
        sets = round(sets * volume_multiplier)
    low, high = MAIN_SETS
    if experience == ExperienceLevel.BEGINNER:
        high = 3
    sets = max(low, min(high, sets))
    rest = NOVICE_MAIN_REST if experience == ExperienceLevel.BEGINNER else None
    rest = rest or REST.get((goal, "main"), REST[(Goal.HYPERTROPHY, "main")])
    draft = Draft(
        movement, ExerciseRole.MAIN, sets, rpe=scheme.rpe, rest=rest[2],
        rest_range=(rest[0], rest[1]), set_range=(low, high), hard=True,
    )  # fmt: skip
    return _timed_or_reps(draft, (scheme.reps_min, scheme.reps_max), 40)


def accessory_rx(
    movement: MovementInfo,
    goal: Goal,
    experience: ExperienceLevel,
    volume_multiplier: float,
    rpe_offset: float,
    rpe_cap: float,
) -> Draft:
    """An ACCESSORY for the session's goal (2–4 × 8–15 by goal; isolation +2 reps)."""
    lo, hi, base_sets, base_rpe = ACCESSORY.get(goal, ACCESSORY[Goal.HYPERTROPHY])
    if movement.mechanic == "isolation" and goal != Goal.ENDURANCE:
        lo, hi = lo + 2, hi + 3
    set_low, set_high = ACCESSORY_SETS
    if experience == ExperienceLevel.BEGINNER:
        lo, hi, set_high = 8, 12, 3
    sets = max(set_low, min(set_high, round(base_sets * volume_multiplier)))
    rest = NOVICE_ACCESSORY_REST if experience == ExperienceLevel.BEGINNER else None
    rest = rest or REST.get((goal, "accessory"), REST[(Goal.HYPERTROPHY, "accessory")])
    draft = Draft(
        movement, ExerciseRole.ACCESSORY, sets, rpe=min(rpe_cap, base_rpe + rpe_offset),
        rest=rest[2], rest_range=(rest[0], rest[1]), set_range=(set_low, set_high), hard=True,
    )  # fmt: skip
    return _timed_or_reps(draft, (lo, hi), 60 if goal == Goal.ENDURANCE else 40)


def skill_rx(movement: MovementInfo) -> Draft:
    """SKILL practice: 4 × 2–3 (or 20 s) at RPE 6, early and fresh (reference §13)."""
    draft = Draft(
        movement, ExerciseRole.SKILL, 4, rpe=6.0, rest=SKILL_PRACTICE_REST[2],
        rest_range=SKILL_PRACTICE_REST[:2], set_range=(2, 5),
    )  # fmt: skip
    return _timed_or_reps(draft, (2, 3), 20)


def warmup_rx(movement: MovementInfo, general: bool) -> Draft:
    """Warm-up: a 5-min general piece (NSCA 5–10 min light aerobic, §9b) or a
    dynamic drill, 1–2 light sets of 8–10 or one 45 s bout."""
    if general:
        return Draft(
            movement, ExerciseRole.WARMUP, 1, duration=GENERAL_WARMUP_SECONDS, rpe=4.0
        )
    draft = Draft(movement, ExerciseRole.WARMUP, 1 if movement.is_timed else 2, rpe=4.0)
    return _timed_or_reps(draft, (8, 10), WARMUP_SECONDS)


def stretch_rx(
    movement: MovementInfo, role: ExerciseRole = ExerciseRole.COOLDOWN
) -> Draft:
    """Static stretch: 2 × 30 s holds ≈ 60 s per stretch (ACSM flexibility, §2c)."""
    draft = Draft(movement, role, STRETCH_REPS)
    return _timed_or_reps(draft, (8, 10), STRETCH_HOLD_SECONDS)


def mobility_rx(movement: MovementInfo) -> Draft:
    """Mobility-day drill: 3 × 30–45 s holds or 3 × 8–10 controlled reps, 15 s
    between (ACSM 2–4 reps per stretch; seeds 002 cooldown rest 15 s)."""
    draft = Draft(
        movement, ExerciseRole.MAIN, 3, rest=15, rest_range=(15, 30), set_range=(2, 4)
    )
    return _timed_or_reps(draft, (8, 10), 40)


def cardio_rx(
    movement: MovementInfo, seconds: int, interval: bool, rpe_drop: float
) -> Draft:
    """Cardio block: steady state 1 × N min at RPE 5 (moderate, ACSM 2011 §2c) or
    intervals 2 min hard (RPE 8) / 2 min easy."""
    if interval:
        sets = max(2, seconds // 240)
        return Draft(
            movement, ExerciseRole.MAIN, sets, duration=120, rpe=8.0 + rpe_drop, rest=120,
            rest_range=(60, 180), set_range=(2, 30),
        )  # fmt: skip
    return Draft(
        movement, ExerciseRole.MAIN, 1, duration=seconds, rpe=5.0 + rpe_drop / 2
    )


def circuit_rx(
    movements: list[MovementInfo],
    role: ExerciseRole,
    rounds: int,
    work: int,
    rpe: float,
) -> list[Draft]:
    """A circuit (conditioning day or metabolic finisher): every movement in one
    superset group, rounds as sets, timed work intervals (seeds 003 s16)."""
    return [
        Draft(m, role, rounds, duration=work, rpe=rpe, rest=15, rest_range=(10, 30),
              set_range=(1, 12), superset=1)
        for m in movements
    ]  # fmt: skip
