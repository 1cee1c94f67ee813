"""A coach's read-out of a generated program, and the planner invariants it checks.

Pure: a :class:`~.types.GeneratedProgram` and its :class:`~.types.MovementLibrary`
in, frozen dataclasses out. Used by ``manage.py program_review`` /
``program_matrix``, the program page's "Coach's view" and the property tests.

Weekly hard sets count MAIN and ACCESSORY sets of lifting days fractionally per
landmark group (primary 1.0, secondary 0.5, one credit per group; Pelland 2024,
reference §0) with the muscle → group map of :data:`.volume.MUSCLE_ROW`
(reference §14: back = lats + middle back), the same way the engine's weekly caps
and floors count (:func:`.volume.set_credit`).

The invariants (issue 10, item 3), each reported per session or per week:

``push_pull``       an upper or full-body lifting session that pushes also pulls,
                    whatever its length; an upper day with ≥ 2 hard exercises
                    (a full-body day with ≥ 3: its first slot is the lower
                    body's) also pushes (pattern horizontal/vertical push and pull;
                    reference §11: agonist and antagonist). The one allowed
                    exception is a side the athlete's equipment and rules leave
                    no movement for (:data:`.balance.NO_SIDE_AVAILABLE` in the
                    rationale); a budget or volume reason is reported, not
                    excused. Push- or pull-only foci (PPL, PUSH_PULL, body-part
                    days) are one-sided by design and balance over the week.
``pull_push_ratio`` weekly pull:push hard sets within 0.8–2.0 in programs that
                    train both (reference §11: at least as much pulling as
                    pushing; ≤ 2:1 keeps pressing productive).
``main_first``      every MAIN lift has at least as many sets as any accessory of
                    its session (priorities: the main lift is the session's point).
``volume_step``     weekly hard sets of a landmark group change by at most 20 %
                    (and at least ±1 set is tolerated) between consecutive loading
                    weeks of a mesocycle, after the planned volume step (the
                    ratio of the weeks' ``volume_multiplier``) is taken out.
``mev_floor``       hypertrophy-weighted programs (HYPERTROPHY the largest goal
                    weight, ≥ 4 of 10) keep chest, back, quadriceps and hamstrings
                    at or above MEV (×0.7 for beginners, :data:`.volume.
                    BEGINNER_SCALE`) in every loading week (RP, reference §3).
                    Explained when the budget cannot hold them: the week's hard
                    sets, or those of the days that train a group and its pair
                    (:data:`FLOOR_PAIRS`), are fewer than the floors need.
``frequency``       in those programs, with ≥ 3 lifting days a week, each of those
                    groups gets ≥ 1 primary hard set on ≥ 2 days (Schoenfeld 2016,
                    reference §3: 2×/week beats 1×).

Explained exceptions (``Violation.excepted``, listed apart by the matrix, never
hidden): a MEV miss in a week whose hard sets, all of them, are fewer than the
four floors add up to (the time budget cannot hold them); a frequency miss for a
group the week's split targets on fewer than two lifting days (a body-part or
PPL week trains legs once by design).
``mobility_order``  in a mobility day's main block, compound drills come before
                    isolation ones.
``pattern_cap``     a lifting day holds at most two hard exercises of one compound
                    pattern when its focus lists three or more (:func:`.balance.
                    pattern_capped`; push, pull and body-part days repeat theirs).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .balance import (
    CAPPED_PATTERNS,
    FREQUENCY_MIN_DAYS,
    HYPERTROPHY_MIN_WEIGHT,
    MAJOR_GROUPS,
    NO_SIDE_AVAILABLE,
    PATTERN_CAP,
    pattern_capped,
)
from .splits import FOCI, PULL_PATTERNS, PUSH_PATTERNS
from .types import (
    ExerciseRole,
    ExperienceLevel,
    GeneratedProgram,
    GeneratedSession,
    Goal,
    MovementLibrary,
    PlannedMicrocycle,
    PlannedSession,
    SessionType,
)
from .volume import BEGINNER_SCALE, LANDMARKS, add_sets, landmark, rows_of, set_credit

HARD_ROLES = (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
#: Foci that must hold both a push and a pull (upper and full-body days).
BALANCED_FOCI = frozenset(
    {"upper_a", "upper_b", "full_body_a", "full_body_b", "full_body_c"}
)
UPPER_FOCI = frozenset({"upper_a", "upper_b"})
PULL_PUSH_MIN, PULL_PUSH_MAX = 0.8, 2.0
VOLUME_STEP_MAX = 0.20
VOLUME_STEP_MIN_SETS = 1.0
TIERS = ("STAPLE", "COMMON", "SPECIALTY", "NOVELTY")
INVARIANTS = (
    "push_pull",
    "pull_push_ratio",
    "main_first",
    "volume_step",
    "mev_floor",
    "frequency",
    "mobility_order",
    "pattern_cap",
)


#: The invariants in words the athlete reads.
INVARIANT_LABELS: dict[str, str] = {
    "push_pull": "A push and a pull in the session",
    "pull_push_ratio": "Weekly pull:push between 0.8 and 2",
    "main_first": "Main lifts get the most sets",
    "volume_step": "Weekly volume changes by at most 20 %",
    "mev_floor": "Major muscles at or above MEV",
    "frequency": "Major muscles trained twice a week",
    "mobility_order": "Compound mobility drills first",
    "pattern_cap": "At most two exercises of one pattern a day",
}


@dataclass(frozen=True, slots=True)
class Violation:
    """One invariant that bent: which, where (week, day or None) and why."""

    invariant: str
    week: int
    day: int | None
    detail: str
    #: The engine said why in the session's rationale (an allowed exception:
    #: the budget or the athlete's equipment and rules left no room).
    excepted: bool = False

    @property
    def label(self) -> str:
        return INVARIANT_LABELS[self.invariant]


@dataclass(frozen=True, slots=True)
class WeekReview:
    """One microcycle as a coach reads it.

    ``sets``: hard sets per landmark group; ``frequency``: days each group got
    ≥ 1 primary hard set; ``pull_push``: pull / push hard sets (None without
    pushing); ``mains``: (movement name, sets, reps or seconds text, RPE) per
    main lift; ``tiers``: tier → count over MAIN + ACCESSORY picks.
    """

    sequence: int
    is_deload: bool
    volume_multiplier: float
    sets: dict[str, float]
    frequency: dict[str, int]
    pull_sets: float
    push_sets: float
    mains: tuple[tuple[str, int, str, float | None], ...]
    tiers: dict[str, int]
    lifting_days: int
    #: Hard sets of the week (MAIN + ACCESSORY, whole sets): what its budget held.
    hard_sets: int = 0
    #: Lifting days whose focus targets each landmark group (the split's offer).
    focus_days: dict[str, int] = field(default_factory=dict)
    #: Per major-group pair (:data:`FLOOR_PAIRS`), hard sets of the lifting days
    #: whose focus targets either group: all the sets those floors could have.
    pair_sets: dict[str, int] = field(default_factory=dict)

    @property
    def pull_push(self) -> float | None:
        return None if not self.push_sets else self.pull_sets / self.push_sets


@dataclass(slots=True)
class ProgramReview:
    """Every week's read-out plus the invariants that bent, and time-fit counts."""

    weeks: list[WeekReview] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    #: The factor on RP's landmarks the engine holds this athlete to
    #: (:data:`.volume.BEGINNER_SCALE` for a beginner, else 1).
    landmark_scale: float = 1.0
    long_sessions: int = 0
    long_in_window: int = 0
    sessions_checked: Counter[str] = field(default_factory=Counter)
    #: Hypertrophy-weighted programs: how each major group's weekly sets move
    #: across a mesocycle's loading weeks (:func:`volume_ramps`), reported,
    #: not enforced: "checked", "climbs", "flat", "starts_above_mav".
    ramps: Counter[str] = field(default_factory=Counter)

    @property
    def tiers(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for w in self.weeks:
            total.update(w.tiers)
        return total


def _planned(program: GeneratedProgram, s: GeneratedSession) -> PlannedSession:
    return program.plan.microcycles[s.microcycle_sequence - 1].sessions[s.day_index]


def _is_lifting(p: PlannedSession) -> bool:
    return p.focus in FOCI and p.session_type not in (
        SessionType.CARDIO,
        SessionType.CONDITIONING,
        SessionType.MOBILITY,
        SessionType.RECOVERY,
    )


def _reps(e) -> str:
    if e.duration_seconds:
        return f"{e.duration_seconds}s"
    if e.reps_min == e.reps_max:
        return str(e.reps_min)
    return f"{e.reps_min}-{e.reps_max}"


def review_program(
    program: GeneratedProgram,
    library: MovementLibrary,
    *,
    goals: dict[Goal, int],
    experience: ExperienceLevel,
    budget_minutes: int,
) -> ProgramReview:
    """Read ``program`` week by week and check every invariant (module doc).

    ``goals`` are the goal weights (out of 10), ``budget_minutes`` the session
    budget (long sessions are ≥ 90 min; within ±5 % outside deload weeks counts
    as fitting). Movements missing from ``library`` raise ``KeyError``.
    """
    out = ProgramReview(
        landmark_scale=BEGINNER_SCALE if experience == ExperienceLevel.BEGINNER else 1.0
    )
    by_week: dict[int, list[GeneratedSession]] = {}
    for s in program.sessions:
        by_week.setdefault(s.microcycle_sequence, []).append(s)
    for mc in program.plan.microcycles:
        sessions = by_week.get(mc.sequence_number, [])
        out.weeks.append(_week(program, library, mc, sessions, out))
        if budget_minutes >= 90 and not mc.is_deload:
            for s in sessions:
                out.long_sessions += 1
                if abs(s.estimated_minutes - budget_minutes) <= 0.05 * budget_minutes:
                    out.long_in_window += 1
    _weekly_invariants(out, goals, experience)
    out.ramps = volume_ramps(out.weeks, goals, experience)
    return out


def _week(
    program: GeneratedProgram,
    library: MovementLibrary,
    mc: PlannedMicrocycle,
    sessions: list[GeneratedSession],
    out: ProgramReview,
) -> WeekReview:
    sets: dict[str, float] = {}
    days: Counter[str] = Counter()
    pull = push = 0.0
    mains: list[tuple[str, int, str, float | None]] = []
    tiers: Counter[str] = Counter()
    lifting_days = hard_sets = 0
    focus_days: Counter[str] = Counter()
    pair_sets: Counter[str] = Counter()
    for s in sessions:
        p = _planned(program, s)
        if p.session_type == SessionType.MOBILITY:
            _mobility_order(library, mc, s, out)
        if not _is_lifting(p):
            continue
        lifting_days += 1
        focus_days.update(rows_of(FOCI[p.focus].target_muscles))
        hard = [e for e in s.exercises if e.role in HARD_ROLES]
        hard_sets += sum(e.sets for e in hard)
        offered = rows_of(FOCI[p.focus].target_muscles)
        for pair, groups in FLOOR_PAIRS.items():
            if offered & set(groups):
                pair_sets[pair] += sum(e.sets for e in hard)
        hit: set[str] = set()
        has_push = has_pull = False
        for e in hard:
            m = library.movements[e.movement_id]
            credit = set_credit(m)
            add_sets(sets, credit, e.sets)
            hit |= {g for g, c in credit.items() if c >= 1.0}
            tiers[m.tier] += 1
            if m.pattern in PUSH_PATTERNS:
                push += e.sets
                has_push = True
            elif m.pattern in PULL_PATTERNS:
                pull += e.sets
                has_pull = True
            if e.role == ExerciseRole.MAIN:
                mains.append((m.name, e.sets, _reps(e), e.target_rpe))
        days.update(hit)
        if p.focus in BALANCED_FOCI and hard:
            out.sessions_checked["push_pull"] += 1
            pushes_only = has_push and not has_pull
            # Two hard slots on an upper day, three on a full-body day (whose
            # first is the lower body's) are room for both sides.
            room = 2 if p.focus in UPPER_FOCI else 3
            if pushes_only or len(hard) >= room and not has_push:
                missing = "pull" if has_push else "push" if has_pull else "push or pull"
                said = [n for n in s.rationale if n.startswith("No p")]
                out.violations.append(
                    Violation("push_pull", mc.sequence_number, s.day_index,
                              f"{FOCI[p.focus].label} has no {missing}"
                              + (f" ({said[0]})" if said else ""),
                              excepted=any(NO_SIDE_AVAILABLE in n for n in said))
                )  # fmt: skip
        patterns = Counter(library.movements[e.movement_id].pattern for e in hard)
        if pattern_capped(FOCI[p.focus].intent_tags):
            out.sessions_checked["pattern_cap"] += 1
            over = sorted(
                t
                for t, n in patterns.items()
                if n > PATTERN_CAP and t in CAPPED_PATTERNS
            )
            if over:
                out.violations.append(
                    Violation(
                        "pattern_cap",
                        mc.sequence_number,
                        s.day_index,
                        f"{FOCI[p.focus].label}: {patterns[over[0]]}× {over[0]}",
                    )
                )
        main_sets = [e.sets for e in hard if e.role == ExerciseRole.MAIN]
        acc = [e for e in hard if e.role == ExerciseRole.ACCESSORY]
        if main_sets and acc:
            out.sessions_checked["main_first"] += 1
            top = max(acc, key=lambda e: e.sets)
            if min(main_sets) < top.sets:
                out.violations.append(
                    Violation("main_first", mc.sequence_number, s.day_index,
                              f"main lift {min(main_sets)} sets < "
                              f"{library.movements[top.movement_id].name} {top.sets}")
                )  # fmt: skip
    return WeekReview(
        sequence=mc.sequence_number,
        is_deload=mc.is_deload,
        volume_multiplier=mc.volume_multiplier,
        sets={g: round(v, 1) for g, v in sorted(sets.items())},
        frequency=dict(sorted(days.items())),
        pull_sets=pull,
        push_sets=push,
        mains=tuple(mains),
        tiers=dict(tiers),
        lifting_days=lifting_days,
        hard_sets=hard_sets,
        focus_days=dict(focus_days),
        pair_sets=dict(pair_sets),
    )


def _mobility_order(
    library: MovementLibrary,
    mc: PlannedMicrocycle,
    s: GeneratedSession,
    out: ProgramReview,
) -> None:
    block = [e for e in s.exercises if e.role == ExerciseRole.MAIN]
    mechanics = [library.movements[e.movement_id].mechanic for e in block]
    out.sessions_checked["mobility_order"] += 1
    last_compound = max(
        (i for i, mech in enumerate(mechanics) if mech == "compound"), default=-1
    )
    if last_compound > 0 and "isolation" in mechanics[:last_compound]:
        out.violations.append(
            Violation("mobility_order", mc.sequence_number, s.day_index,
                      "an isolation drill precedes a compound one")
        )  # fmt: skip


#: The floors' groups by the days that train them: a 30-min upper day holds
#: chest and back work, a lower day quadriceps and hamstrings (reference §3).
FLOOR_PAIRS: dict[str, tuple[str, str]] = {
    "upper-body": ("chest", "back"),
    "lower-body": ("quadriceps", "hamstrings"),
}


def _weekly_invariants(
    out: ProgramReview, goals: dict[Goal, int], experience: ExperienceLevel
) -> None:
    loading = [w for w in out.weeks if not w.is_deload and w.lifting_days]
    for w in loading:
        if w.push_sets and w.pull_sets or (w.push_sets + w.pull_sets) >= 4:
            out.sessions_checked["pull_push_ratio"] += 1
            ratio = w.pull_sets / w.push_sets if w.push_sets else float("inf")
            if not PULL_PUSH_MIN <= ratio <= PULL_PUSH_MAX:
                out.violations.append(
                    Violation("pull_push_ratio", w.sequence, None,
                              f"pull:push {w.pull_sets:g}:{w.push_sets:g}")
                )  # fmt: skip
    for prev, cur in zip(out.weeks, out.weeks[1:], strict=False):
        if prev.is_deload or cur.is_deload or not prev.lifting_days:
            continue
        planned = cur.volume_multiplier / prev.volume_multiplier
        for group in LANDMARKS:
            before, after = prev.sets.get(group, 0.0), cur.sets.get(group, 0.0)
            if not before and not after:
                continue
            out.sessions_checked["volume_step"] += 1
            expected = before * planned
            slack = max(VOLUME_STEP_MAX * expected, VOLUME_STEP_MIN_SETS)
            if abs(after - expected) > slack + 1e-9:
                out.violations.append(
                    Violation("volume_step", cur.sequence, None,
                              f"{group} {before:g} → {after:g} sets")
                )  # fmt: skip
    weight = goals.get(Goal.HYPERTROPHY, 0)
    if weight < HYPERTROPHY_MIN_WEIGHT or weight < max(goals.values(), default=0):
        return
    scale = BEGINNER_SCALE if experience == ExperienceLevel.BEGINNER else 1.0
    floors = {g: landmark(g).mev * scale for g in MAJOR_GROUPS}
    for w in loading:
        # The budget cannot hold the floors when the week's hard sets, all of
        # them, are fewer than the four floors add up to.
        short = w.hard_sets < sum(floors.values()) - 1e-9
        for group in MAJOR_GROUPS:
            out.sessions_checked["mev_floor"] += 1
            floor = floors[group]
            if w.sets.get(group, 0.0) < floor - 1e-9:
                pair = next(p for p, gs in FLOOR_PAIRS.items() if group in gs)
                need = sum(floors[g] for g in FLOOR_PAIRS[pair])
                held = w.pair_sets.get(pair, 0)
                if short:
                    why = (
                        f" (the budget holds {w.hard_sets} hard sets a week; the "
                        f"four floors need {sum(floors.values()):g})"
                    )
                elif held < need - 1e-9:
                    # Even every set of the days that train these groups could
                    # not hold both floors (30-min upper days, say).
                    why = (
                        f" (the {pair} days hold {held} hard sets a week; "
                        f"{' and '.join(FLOOR_PAIRS[pair])} need {need:g})"
                    )
                else:
                    why = ""
                out.violations.append(
                    Violation("mev_floor", w.sequence, None,
                              f"{group} {w.sets.get(group, 0.0):g} < MEV {floor:g}{why}",
                              excepted=bool(why))
                )  # fmt: skip
            if w.lifting_days >= FREQUENCY_MIN_DAYS:
                out.sessions_checked["frequency"] += 1
                if w.frequency.get(group, 0) < 2:
                    offered = w.focus_days.get(group, 0)
                    why = (
                        f" (the split gives it {offered} day{'s' * (offered != 1)})"
                        if offered < 2
                        else ""
                    )
                    out.violations.append(
                        Violation("frequency", w.sequence, None,
                                  f"{group} trained {w.frequency.get(group, 0)}×{why}",
                                  excepted=offered < 2)
                    )  # fmt: skip


def volume_ramps(
    weeks: list[WeekReview], goals: dict[Goal, int], experience: ExperienceLevel
) -> Counter[str]:
    """How a hypertrophy-weighted program's major groups climb through each
    mesocycle (RP: a mesocycle starts near MEV and adds sets week by week
    toward MRV, reference §3). For every run of two or more loading weeks
    whose planned ``volume_multiplier`` rises, and every major group: "climbs"
    when its last week holds more hard sets than its first, "flat" when not
    (the plan's step never reached the week), and "starts_above_mav" when the
    first week already holds more than MAV's top (×0.7 for beginners). Empty
    for other programs."""
    out: Counter[str] = Counter()
    weight = goals.get(Goal.HYPERTROPHY, 0)
    if weight < HYPERTROPHY_MIN_WEIGHT or weight < max(goals.values(), default=0):
        return out
    scale = BEGINNER_SCALE if experience == ExperienceLevel.BEGINNER else 1.0
    runs: list[list[WeekReview]] = [[]]
    for w in weeks:
        if w.is_deload or not w.lifting_days:
            runs.append([])
        else:
            runs[-1].append(w)
    for run in runs:
        if len(run) < 2 or run[-1].volume_multiplier <= run[0].volume_multiplier:
            continue
        for group in MAJOR_GROUPS:
            first, last = run[0].sets.get(group, 0.0), run[-1].sets.get(group, 0.0)
            out["checked"] += 1
            out["climbs" if last > first + 1e-9 else "flat"] += 1
            if first > landmark(group).mav_high * scale + 1e-9:
                out["starts_above_mav"] += 1
    return out
