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
  ``seq[2·(reps−1) + 2·(10−RPE)]``), read on effective reps = reps + RIR; beyond
  the chart's 16 effective reps, Epley's shape anchored at its last cell (§6).
  A main lift's %1RM is stated at its rep floor (``reps_min``), an accessory's
  at the middle of its range (:func:`load_reps`); every main lift's (reps, RPE,
  %1RM) sits within :data:`COHERENCE_TOLERANCE_PP` of the chart.
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


#: Effective reps (reps + RIR) the RTS chart covers: 1 rep @ 10 … 12 reps @ 6
#: (reference §5b; every cell is ``seq[2·(effective − 1)]``).
RTS_MAX_EFFECTIVE = 16.0
#: How far a main lift's stored %1RM may sit from the chart's %1RM for its
#: (reps_min, RPE), in percentage points: under the chart's half-RPE step (1.1–
#: 1.6 pp), so no triple is off by half an RPE, and inside the ±1.5 pp the chart's
#: sources differ by (reference §5b). Rounding to a whole percent uses ≤ 0.5 of it.
COHERENCE_TOLERANCE_PP = 1.0


def percent_1rm(reps: int, rpe: float) -> float:
    """%1RM (unrounded) for ``reps`` at ``rpe``, a function of the effective reps
    reps + (10 − RPE) as the RTS chart is (reference §5b: ``seq[2·(reps−1) +
    2·(10−RPE)]``). Up to :data:`RTS_MAX_EFFECTIVE` effective reps it is the
    chart's cell (between two cells for a quarter RPE), whatever the split between reps and RIR (13 reps @ 9 is 12 @ 8);
    beyond, Epley's shape on effective reps (reference §6) anchored at the chart's
    last cell, so the curve is continuous and falls as reps or RIR rise (the chart
    is stricter than Epley at high reps, reference §5b note). Public for the
    adaptation engine's load targets."""
    rpe = max(1.0, min(10.0, rpe))
    effective = max(1.0, reps + (10 - rpe))
    if effective <= RTS_MAX_EFFECTIVE:
        # Half-RPE cells; a quarter RPE (block weeks step by 0.25) lies between two.
        at = 2 * (effective - 1)
        low = int(at)
        high = min(low + 1, len(RTS_SEQUENCE) - 1)
        return float(
            RTS_SEQUENCE[low] + (RTS_SEQUENCE[high] - RTS_SEQUENCE[low]) * (at - low)
        )
    anchor = RTS_SEQUENCE[-1] * (1 + RTS_MAX_EFFECTIVE / 30)
    return anchor / (1 + effective / 30)


def load_percent(reps: int, rpe: float) -> int:
    """%1RM for ``reps`` at ``rpe`` rounded to a whole percent (:func:`percent_1rm`)."""
    return round(percent_1rm(reps, rpe))


def load_reps(role: ExerciseRole, reps_min: int, reps_max: int) -> int:
    """The reps a prescription's RPE and %1RM are stated for: a MAIN lift's
    ``reps_min`` (the week's rep floor: the load makes the floor the RPE asked
    for, and a set that beats the floor is what double progression counts,
    reference §12), otherwise the middle of the range. The adaptation engine's
    load targets use the same reps, so a target agrees with the stored %1RM."""
    if role == ExerciseRole.MAIN:
        return reps_min
    return round((reps_min + reps_max) / 2)


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
        either, ``adaptation.engine.loads.equipment_kind``). Read off the chart
        at :func:`load_reps`: double progression's same bar comes from its
        (reps, RPE) pairs, which climb together (``periodization._double``)."""
        if not self.hard or self.reps_max is None or self.rpe is None:
            return None
        if not self.movement.equipment & LOADABLE:
            return None
        reps_min = self.reps_min if self.reps_min is not None else self.reps_max
        return load_percent(load_reps(self.role, reps_min, self.reps_max), self.rpe)


#: Kit that holds the athlete's own bodyweight on a pull or a dip.
BODYWEIGHT_HANG = frozenset({"pull_up_bar", "dip_station", "rings"})
#: A novice's pull-ups or dips when nothing loadable can take their place:
#: short sets, any clean rep counting (see :func:`novice_bodyweight_lift`).
NOVICE_BODYWEIGHT_REPS = (1, 5)
NOVICE_BODYWEIGHT_NOTE = (
    "novice: pull-ups and dips are your whole bodyweight; do the clean reps you "
    "have, up to 5, and slow 3–5 s lowerings from the top when a full rep is not "
    "there yet"
)


def novice_bodyweight_lift(m: MovementInfo) -> bool:
    """Whether ``m`` is an unassisted pull-up, chin-up or dip: a compound vertical
    pull on a bar or rings, or a dip on a station or rings, without a band.

    Its load is the athlete's bodyweight (plus any plates), which a novice cannot
    scale down to the 8–12 RM (60–70 %1RM) ACSM starts novices at (reference
    §2a/§2b); most untrained adults cannot do 10 strict pull-ups [U]. A beginner
    gets the loadable pulldown or press in its place when one is available
    (:func:`.library.build_index`), otherwise :data:`NOVICE_BODYWEIGHT_REPS`."""
    if "bands" in m.equipment or m.mechanic == "isolation":
        return False
    if not m.equipment & BODYWEIGHT_HANG:
        return False
    if m.pattern == "vertical_pull":
        return True
    return m.pattern in ("horizontal_push", "vertical_push") and bool(
        m.equipment & (BODYWEIGHT_HANG - {"pull_up_bar"})
    )


def _novice_reps(draft: Draft, experience: ExperienceLevel) -> Draft:
    """A beginner's pull-up or dip (:func:`novice_bodyweight_lift`): 1–5 reps."""
    if experience != ExperienceLevel.BEGINNER or draft.movement.is_timed:
        return draft
    if not novice_bodyweight_lift(draft.movement):
        return draft
    draft.reps_min, draft.reps_max = NOVICE_BODYWEIGHT_REPS
    draft.notes.append(NOVICE_BODYWEIGHT_NOTE)
    return draft


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
    draft = _timed_or_reps(draft, (scheme.reps_min, scheme.reps_max), 40)
    return _novice_reps(draft, experience)


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
    draft = _timed_or_reps(draft, (lo, hi), 60 if goal == Goal.ENDURANCE else 40)
    return _novice_reps(draft, experience)


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
