"""The planner: from a validated spec to the program skeleton (no library needed).

Steps (seeds 000 fork 3.5; seeds 003 session 16): resolve the split template and
progression style; allocate weekly minutes; place the training days; decide which
days are lifting, cardio, conditioning or mobility (cardio/conditioning only under
the three conditions); assign foci, dominant goals, finishers and anatomy; rotate
intent tags so consecutive days never share a main pattern; replicate over the
microcycles with their deload and progression numbers. Cheap: a few hundred
dictionary operations, once per request.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .allocation import allocate_weekly_minutes
from .finisherdays import (
    WARMUP_COOLDOWN_MINUTES,
    finisher_count,
    finisher_days,
    finisher_minutes,
    leftover_note,
    lift_first,
    shortened_note,
    side_minutes,
    sided_finisher_days,
    sided_note,
)
from .heuristics import (
    BEGINNER_MAX_LIFTING_DAYS,
    CARDIO_MAX_PCT,
    CONDITION_BEGINNER,
    CONDITION_OVERTRAINING,
    CONDITION_PROFILE,
    CONDITIONING_DAY_MIN_BUDGET,
    CREDIT_PER_HARD_SET,
    FINISHER_MAX_MINUTES,
    FINISHER_MIN_MINUTES,
    FINISHER_MIN_WEEKLY_MINUTES,
    MINUTES_PER_HARD_SET,
    MOBILITY_DAY_MIN_WEIGHT,
    MOBILITY_MAX_PCT,
    OVERTRAINING_MIN_DAYS,
    PROFILE_PRIORITY_THRESHOLD,
)
from .periodization import microcycle_count, week_schemes
from .schedule import pick_positions, training_positions
from .splits import FOCI, infer_split_template, split_for
from .types import (
    ExperienceLevel,
    Goal,
    PlannedMicrocycle,
    PlannedSession,
    ProgramPlan,
    ProgramSpec,
    ProgressionStyle,
    SessionType,
    SplitTemplate,
)
from .validation import validate_request
from .volume import LANDMARKS, mrv

#: Progression style by experience when the request has none (seeds 002).
STYLE_BY_EXPERIENCE: dict[ExperienceLevel, ProgressionStyle] = {
    ExperienceLevel.BEGINNER: ProgressionStyle.SINGLE_PROGRESSION,
    ExperienceLevel.INTERMEDIATE: ProgressionStyle.DOUBLE_PROGRESSION,
    ExperienceLevel.ADVANCED: ProgressionStyle.WAVE_LOADING,
    ExperienceLevel.EXPERT: ProgressionStyle.WAVE_LOADING,
}
GOAL_SESSION_TYPE: dict[Goal, SessionType] = {
    Goal.STRENGTH: SessionType.STRENGTH,
    Goal.HYPERTROPHY: SessionType.HYPERTROPHY,
    Goal.ENDURANCE: SessionType.ENDURANCE,
    Goal.SKILL: SessionType.SKILL,
}
#: Heavy goals take the first occurrence of each focus in the week.
HEAVY_FIRST: tuple[Goal, ...] = (
    Goal.STRENGTH,
    Goal.SKILL,
    Goal.HYPERTROPHY,
    Goal.ENDURANCE,
)
MAIN_CAPABLE = frozenset(
    {"squat", "hinge", "lunge", "horizontal_push", "horizontal_pull", "vertical_push",
     "vertical_pull", "olympic"}
)  # fmt: skip
LIFT = "lift"


@dataclass(slots=True)
class _Day:
    kind: str  # "lift" | "cardio" | "conditioning" | "mobility"
    reasons: list[str] = field(default_factory=list)
    focus: str = ""
    tags: tuple[str, ...] = ()
    goal: Goal | None = None
    finisher: int = 0


def resolve_style(spec: ProgramSpec) -> ProgressionStyle:
    """Requested progression style, else by experience (seeds 002)."""
    requested = spec.request.progression_style
    return requested or STYLE_BY_EXPERIENCE[spec.athlete.experience_level]


def _priority(spec: ProgramSpec, discipline: str) -> float:
    return float(spec.athlete.discipline_priorities.get(discipline, 0.0))


def _decide_day_kinds(
    spec: ProgramSpec, positions: list[int], weights: dict[Goal, int], cardio_minutes: int,
    mobility_minutes: int, warnings: list[str],
) -> dict[int, _Day]:  # fmt: skip
    """Kinds of the training days (seeds 003 s16: dedicated cardio/conditioning
    days only under condition 1 overtraining risk, 2 beginner safety steering or
    3 advanced profile filters; each day records which)."""
    req, athlete = spec.request, spec.athlete
    budget, length = req.max_session_minutes, req.microcycle_length_days
    n = len(positions)
    days = {p: _Day(LIFT) for p in positions}
    # Condition 1: overtraining risk.
    lift_minutes = n * (budget - WARMUP_COOLDOWN_MINUTES)
    credit = lift_minutes / MINUTES_PER_HARD_SET * CREDIT_PER_HARD_SET
    mrv_sum = sum(mrv(row, athlete.experience_level) for row in LANDMARKS)
    c1 = []
    if req.days_per_week >= OVERTRAINING_MIN_DAYS:
        c1.append(f"{req.days_per_week} training days a week")
    if credit > mrv_sum:
        c1.append(f"{n} × {budget} min of lifting would pass the weekly MRVs")
    c2 = athlete.experience_level == ExperienceLevel.BEGINNER and req.days_per_week >= 4
    c3 = []
    if athlete.prefer_dedicated_cardio_days:
        c3.append("your profile prefers dedicated cardio days")
    for discipline in ("CARDIO", "CROSSFIT"):
        if _priority(spec, discipline) >= PROFILE_PRIORITY_THRESHOLD:
            c3.append(f"{discipline} priority {_priority(spec, discipline):.1f}")
    # Mobility days (not cardio/conditioning, so outside the three conditions).
    wants_mobility = (
        weights.get(Goal.MOBILITY, 0) >= MOBILITY_DAY_MIN_WEIGHT
        or athlete.prefer_dedicated_mobility_days
        or _priority(spec, "MOBILITY") >= PROFILE_PRIORITY_THRESHOLD
    )
    n_mob = 0
    if wants_mobility and n >= 2:
        n_mob = max(
            1, min(mobility_minutes // budget, math.floor(MOBILITY_MAX_PCT * n))
        )
    # Cardio / conditioning days.
    n_cardio, condition, why = 0, "", ""
    # When dedicated days are allowed, finishers take only their minimum so lifting
    # days keep their lifting volume; otherwise finishers may run to 20 min.
    per_finisher = FINISHER_MIN_MINUTES if (c1 or c3) else FINISHER_MAX_MINUTES
    finisher_room = (n - n_mob) * per_finisher if athlete.cardio_as_finisher else 0
    if c2 and n - n_mob > BEGINNER_MAX_LIFTING_DAYS:
        n_cardio = n - n_mob - BEGINNER_MAX_LIFTING_DAYS
        condition = CONDITION_BEGINNER
        why = (
            f"beginners lift on at most {BEGINNER_MAX_LIFTING_DAYS} days a week "
            "(NSCA §1d, ACSM novice 2–3 d); the other days build the aerobic base"
        )
    elif c3 and (
        cardio_minutes or _priority(spec, "CARDIO") or _priority(spec, "CROSSFIT")
    ):
        n_cardio = max(1, round(max(0, cardio_minutes - finisher_room) / budget))
        condition, why = CONDITION_PROFILE, "; ".join(c3)
    elif c1:
        excess = max(0.0, credit - mrv_sum)
        per_day = (
            (budget - WARMUP_COOLDOWN_MINUTES)
            / MINUTES_PER_HARD_SET
            * CREDIT_PER_HARD_SET
        )
        need = math.ceil(excess / per_day) if excess else 0
        need = max(need, round(max(0, cardio_minutes - finisher_room) / budget))
        if n == length and n_mob == 0:
            need = max(need, 1)
        n_cardio = need
        condition, why = CONDITION_OVERTRAINING, "; ".join(c1)
    max_cardio = math.floor(CARDIO_MAX_PCT * n)
    n_cardio = max(0, min(n_cardio, max_cardio, n - n_mob - 1))
    chosen = pick_positions(positions, n_mob + n_cardio, length)
    cond_ok = budget >= CONDITIONING_DAY_MIN_BUDGET and condition != CONDITION_BEGINNER
    prefers_cond = _priority(
        spec, "CROSSFIT"
    ) >= PROFILE_PRIORITY_THRESHOLD or weights.get(Goal.FAT_LOSS, 0) >= max(
        1, weights.get(Goal.ENDURANCE, 0)
    )
    if n_cardio and prefers_cond and not cond_ok and condition != CONDITION_BEGINNER:
        warnings.append(
            f"Conditioning days need {CONDITIONING_DAY_MIN_BUDGET}+ minute sessions "
            "(≥5 movements for ≥30 min, seeds 003 s16); cardio days are used instead."
        )
    cardio_spots = sorted(chosen[:n_cardio])
    for i, pos in enumerate(cardio_spots):
        kind = "conditioning" if cond_ok and prefers_cond and i % 2 == 0 else "cardio"
        days[pos] = _Day(kind, [f"[{condition}] {kind.capitalize()}-only day: {why}."])
    for pos in sorted(chosen[n_cardio:]):
        days[pos] = _Day(
            "mobility",
            [f"Mobility-only day: MOBILITY ${weights.get(Goal.MOBILITY, 0)} or a profile "
             "preference (ACSM flexibility ≥2–3 d/wk, reference §2c)."],
        )  # fmt: skip
    if c2 and n_cardio:
        warnings.append(
            f"Beginner safety: {n_cardio} of your {n} training days are cardio, not "
            "lifting, while you build a base."
        )
    return days


def _assign_goals(days: dict[int, _Day], weights: dict[Goal, int]) -> None:
    """Dominant goal of each lifting day by largest-remainder apportionment of the
    lifting goals' weights; heavy goals take each focus's first occurrence."""
    lifting = [g for g in (Goal.STRENGTH, Goal.HYPERTROPHY) if weights.get(g)]
    pool = {g: weights[g] for g in lifting}
    if not pool:
        # No strength/hypertrophy goal: muscular endurance or skill sessions when
        # that goal leads; otherwise general resistance training in the ACSM
        # 8–12 range (hypertrophy), which keeps fat-free mass (Donnelly 2009).
        endurance, skill = weights.get(Goal.ENDURANCE, 0), weights.get(Goal.SKILL, 0)
        if endurance and endurance >= skill:
            pool = {Goal.ENDURANCE: 1}
        elif skill >= 5:
            pool = {Goal.SKILL: 1}
        else:
            pool = {Goal.HYPERTROPHY: 1}
    lifts = [p for p in sorted(days) if days[p].kind == LIFT]
    total = sum(pool.values())
    quotas = {g: len(lifts) * w / total for g, w in pool.items()}
    counts = {g: math.floor(q) for g, q in quotas.items()}
    rest = len(lifts) - sum(counts.values())
    for g in sorted(
        pool, key=lambda g: (-(quotas[g] - counts[g]), -pool[g], HEAVY_FIRST.index(g))
    )[:rest]:
        counts[g] += 1
    seen: dict[str, int] = {}
    order = []
    for p in lifts:
        order.append((seen.get(days[p].focus, 0), p))
        seen[days[p].focus] = seen.get(days[p].focus, 0) + 1
    queue = [g for g in HEAVY_FIRST for _ in range(counts.get(g, 0))]
    for (_, p), goal in zip(sorted(order), queue, strict=True):
        days[p].goal = goal


def _fix_consecutive(days: dict[int, _Day], length: int) -> None:
    """Rotate intent tags so consecutive lifting days never share a main pattern
    (seeds 000 fork 5.2.2). Checks the wrap from the last day to the next
    microcycle's first day too, since microcycles repeat."""
    for _ in range(length):
        changed = False
        for p in sorted(days):
            prev = days.get((p - 1) % length)
            if (
                days[p].kind != LIFT
                or prev is None
                or prev.kind != LIFT
                or not prev.tags
            ):
                continue
            if (p - 1) % length == p or days[p].tags[0] != prev.tags[0]:
                continue
            nxt = days.get((p + 1) % length)
            avoid = {prev.tags[0]} | (
                {nxt.tags[0]} if nxt and nxt.kind == LIFT and nxt.tags else set()
            )
            for i, tag in enumerate(days[p].tags[1:], start=1):
                if tag in MAIN_CAPABLE and tag not in avoid:
                    tags = days[p].tags
                    days[p].tags = (tag,) + tags[:i] + tags[i + 1 :]
                    days[p].reasons.append(
                        f"Main pattern rotated to {tag}: the day before also led with "
                        f"{prev.tags[0]} (seeds 000 fork 5.2.2)."
                    )
                    changed = True
                    break
        if not changed:
            return


def _layout(
    spec: ProgramSpec, start_weekday: int, weights: dict[Goal, int], cardio_minutes: int,
    mobility_minutes: int, template: SplitTemplate, warnings: list[str],
) -> dict[int, _Day]:  # fmt: skip
    req, athlete = spec.request, spec.athlete
    length = req.microcycle_length_days
    # Allocation is weekly; a longer microcycle holds proportionally more minutes.
    cardio_minutes = round(cardio_minutes * length / 7)
    mobility_minutes = round(mobility_minutes * length / 7)
    positions = training_positions(spec, start_weekday)
    days = _decide_day_kinds(
        spec, positions, weights, cardio_minutes, mobility_minutes, warnings
    )
    lifts = [p for p in sorted(days) if days[p].kind == LIFT]
    weekly = min(7, math.ceil(len(lifts) * 7 / length)) if lifts else 0
    sequence, adapted = split_for(template, weekly)
    sequence = (sequence * (len(lifts) // max(1, len(sequence)) + 1))[: len(lifts)]
    if adapted:
        warnings.append(adapted)
    olympic = (
        "OLYMPIC_LIFTING" in athlete.discipline_experience
        and _priority(spec, "OLYMPIC_LIFTING") >= PROFILE_PRIORITY_THRESHOLD
    )
    for p, focus in zip(lifts, sequence, strict=True):
        tags = FOCI[focus].intent_tags
        if olympic and tags[0] in ("squat", "hinge", "lunge"):
            tags = ("olympic",) + tags
        days[p].focus, days[p].tags = focus, tags
    _assign_goals(days, weights)
    _fix_consecutive(days, req.microcycle_length_days)
    # Finishers: cardio-type minutes not given to dedicated days (seeds 003 s16).
    budget = req.max_session_minutes
    dedicated = sum(
        budget - WARMUP_COOLDOWN_MINUTES
        for d in days.values()
        if d.kind in ("cardio", "conditioning")
    )
    need = cardio_minutes - dedicated
    if need >= FINISHER_MIN_WEEKLY_MINUTES and lifts:
        if athlete.cardio_as_finisher:
            _plan_finishers(days, lifts, need, budget, weekly, weights, warnings)
        else:
            warnings.append(
                f"{need} cardio-type minutes a week have no place: your profile turns "
                "off cardio finishers and no dedicated cardio day is allowed."
            )
    return days


def _plan_finishers(
    days: dict[int, _Day], lifts: list[int], need: int, budget: int, weekly: int,
    weights: dict[Goal, int], warnings: list[str],
) -> None:  # fmt: skip
    """Finishers for ``need`` cardio-type minutes a week, 10–20 min each, on the
    non-strength lifting days, the latest first (seeds 003 s13, s16). A short
    hypertrophy-weighted week (:func:`.finisherdays.lift_first`) puts them only
    on days whose lost lifts other days still cover, at 10 min up to what the
    day's lifting leaves (:mod:`.finisherdays`; issue 10); every lifting day's
    reasons and the plan's warnings say where the other minutes go (easy
    cardio apart from lifting)."""
    ranked = sorted(lifts, key=lambda p: (days[p].goal == Goal.STRENGTH, -p))
    if lift_first(weights, weekly, budget):
        tags = {p: days[p].tags for p in lifts}
        chosen = finisher_days(tags, finisher_count(need, budget), budget, ranked)
        minutes = finisher_minutes(need, len(chosen), budget) if chosen else 0
        for p in chosen:
            days[p].finisher = minutes
        placed = minutes * len(chosen)
        if need - placed >= FINISHER_MIN_WEEKLY_MINUTES:
            note = leftover_note(weights, budget, need, placed, minutes)
            warnings.append(note)
            for p in lifts:
                days[p].reasons.append(note)
        return
    count = min(len(lifts), math.ceil(need / FINISHER_MAX_MINUTES))
    top = max(FINISHER_MIN_MINUTES, min(FINISHER_MAX_MINUTES, budget - 20))
    minutes = max(FINISHER_MIN_MINUTES, min(top, round(need / count)))
    tags = {p: days[p].tags for p in lifts}
    chosen = sided_finisher_days(tags, count, budget, ranked, minutes)
    note_for = sided_note
    short = side_minutes(budget)
    if len(chosen) < count and FINISHER_MIN_MINUTES <= short < minutes:
        # Shorter finishers that leave each day its row hold more minutes
        # than fewer full-length ones (issue 10; reference §11).
        more = min(len(lifts), math.ceil(need / short))
        alt = sided_finisher_days(tags, more, budget, ranked, short)
        if short * len(alt) > minutes * len(chosen):
            chosen, minutes, note_for = alt, short, shortened_note
    for p in chosen:
        days[p].finisher = minutes
    placed = minutes * len(chosen)
    if len(chosen) < count or (
        note_for is shortened_note and need - placed >= FINISHER_MIN_WEEKLY_MINUTES
    ):
        note = note_for(weights, budget, need, placed, minutes)
        warnings.append(note)
        for p in lifts:
            days[p].reasons.append(note)


def _session(day_index: int, day_date: date, day: _Day | None) -> PlannedSession:
    if day is None:
        return PlannedSession(
            day_index, day_date, SessionType.RECOVERY, "rest", (), (), ("Rest day.",)
        )
    if day.kind == LIFT:
        focus = FOCI[day.focus]
        goal = day.goal or Goal.HYPERTROPHY
        middle = "FINISHER" if day.finisher else "ACCESSORY"
        reasons = [
            f"{focus.label}: {goal.value.lower()} emphasis, led by {day.tags[0]}."
        ]
        reasons.append(
            f"Main + finisher ({day.finisher} min): cardio-type goals get metabolic or "
            "interval finishers (BIAS_RATIONALE)."
            if day.finisher
            else "Main + accessory: strength/hypertrophy volume (BIAS_RATIONALE)."
        )
        return PlannedSession(
            day_index, day_date, GOAL_SESSION_TYPE[goal], day.focus, day.tags,
            ("WARMUP", "MAIN", middle, "COOLDOWN"), tuple(reasons + day.reasons),
            dominant_goal=goal, finisher_minutes=day.finisher,
        )  # fmt: skip
    kind = {"cardio": SessionType.CARDIO, "conditioning": SessionType.CONDITIONING}.get(
        day.kind, SessionType.MOBILITY
    )
    goal = Goal.MOBILITY if day.kind == "mobility" else None
    return PlannedSession(
        day_index, day_date, kind, day.kind, (day.kind,),
        ("WARMUP", day.kind.upper(), "COOLDOWN"), tuple(day.reasons), dominant_goal=goal,
    )  # fmt: skip


# How a split reads in a sentence shown to the athlete.
SPLIT_LABELS: dict[SplitTemplate, str] = {
    SplitTemplate.HYBRID: "hybrid",
    SplitTemplate.UPPER_LOWER: "upper/lower",
    SplitTemplate.PPL: "push/pull/legs",
    SplitTemplate.FULL_BODY: "full-body",
    SplitTemplate.BODY_PART_SPLIT: "body-part",
    SplitTemplate.PUSH_PULL: "push/pull",
}


def build_plan(spec: ProgramSpec) -> ProgramPlan:
    """Validate ``spec`` and lay out every microcycle and day (see module doc)."""
    req, athlete = spec.request, spec.athlete
    warnings = list(validate_request(req))
    template = req.split_template
    if template is None:
        template = infer_split_template(
            req.days_per_week, req.goals, athlete.experience_level
        )
        warnings.append(
            f"Alloy chose a {SPLIT_LABELS[template]} split for "
            f"{req.days_per_week} days a week and your goals."
        )
    style = resolve_style(spec)
    allocation, _ = allocate_weekly_minutes(
        req.goals, req.days_per_week, req.max_session_minutes
    )
    weights = {gw.goal: gw.weight for gw in req.goals}
    minutes = {a.goal: a.weekly_minutes for a in allocation}
    cardio = minutes.get(Goal.ENDURANCE, 0) + minutes.get(Goal.FAT_LOSS, 0)
    mobility = minutes.get(Goal.MOBILITY, 0)
    length = req.microcycle_length_days
    count = microcycle_count(req.duration_weeks, length)
    schemes = week_schemes(
        count,
        req.deload_every_n_microcycles,
        style,
        athlete.persona_aggression,
        spec.extra_deloads,
    )
    layouts: dict[int, dict[int, _Day]] = {}
    microcycles = []
    for scheme in schemes:
        start = req.start_date + timedelta(days=(scheme.sequence_number - 1) * length)
        key = start.weekday() if athlete.preferred_weekdays else 0
        if key not in layouts:
            layouts[key] = _layout(
                spec, start.weekday(), weights, cardio, mobility, template, warnings
            )
        days = layouts[key]
        sessions = []
        for d in range(length):
            session = _session(d, start + timedelta(days=d), days.get(d))
            if scheme.is_deload and session.session_type != SessionType.RECOVERY:
                session = _with_reason(
                    session,
                    "Deload week: same exercises and days, about half the sets, RPE −2 (reference §7).",
                )
            sessions.append(session)
        microcycles.append(
            PlannedMicrocycle(
                scheme.sequence_number, start, length, scheme.is_deload,
                round(scheme.volume_multiplier, 3), scheme.rpe_offset, tuple(sessions),
            )
        )  # fmt: skip
    return ProgramPlan(
        template, style, tuple(dict.fromkeys(warnings)), allocation, tuple(microcycles)
    )


def _with_reason(session: PlannedSession, reason: str) -> PlannedSession:
    return replace(session, reasons=session.reasons + (reason,))
