"""Shared by the athlete-profile engine tests (``test_athlete_constraints.py``,
``test_athlete_preferences.py``): the synthetic library, the equipment presets
and the checks every generated program must pass (hard rules, substitutes,
anatomy and time, the bounded PREFER bonus, Olympic main lifts by experience)."""

from __future__ import annotations

import contextlib

from hypothesis import event
from hypothesis.errors import InvalidArgument

from programs.generation.activities import venues_for
from programs.generation.heuristics import (
    DISCIPLINE_RELAXED_MULTIPLIER,
    EXPERIENCE_RANK,
    MAX_LEVEL,
    PREFERENCE_DEVIATION_PCT,
    SCORER_WEIGHTS,
)
from programs.generation.library import build_index
from programs.generation.optimizer import enjoyable_ids
from programs.generation.types import (
    AthleteProfile,
    ExerciseRole,
    ExperienceLevel,
    GeneratedProgram,
    MovementRuleKind,
    ProgramSpec,
    SessionType,
)

from .conftest import FULL_GYM, make_library
from .helpers import check_anatomy, is_lifting, planned

LIB = make_library()
IDS = sorted(LIB.movements)
BY_NAME = {m.name: m.id for m in LIB.movements.values()}
KIT = sorted(FULL_GYM)

# The presets of movements/equipment.py, restricted to the synthetic library's kit
# (the engine test tree stays free of Django).
PRESETS = {
    "commercial_gym": FULL_GYM,
    "home_barbell": frozenset({"barbell", "rack", "bench", "pull_up_bar"}),
    "dumbbells_only": frozenset({"dumbbell"}),
    "bodyweight_only": frozenset(),
}


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------
def count_event(name: str) -> None:
    """Count ``name`` in Hypothesis' statistics (a no-op outside ``@given``)."""
    with contextlib.suppress(InvalidArgument):
        event(name)


def is_olympic(movement) -> bool:
    return (
        movement.pattern == "olympic"
        or movement.discipline == "OLYMPIC_LIFTING"
        or "olympic" in movement.tags
    )


def olympic_main_ok(athlete: AthleteProfile) -> bool:
    """The engine's documented rule (library.build_index)."""
    rank = EXPERIENCE_RANK[athlete.experience_level]
    return "OLYMPIC_LIFTING" in athlete.discipline_experience or (
        rank >= EXPERIENCE_RANK[ExperienceLevel.ADVANCED]
        and athlete.discipline_priorities.get("OLYMPIC_LIFTING", 0) > 0
    )


def base_score(scores: dict[str, float], step: int) -> float:
    """The weighted sum of the seven dimensions (scorer.score)."""
    total = 0.0
    for name, weight in SCORER_WEIGHTS.items():
        if name == "discipline_preference" and step >= 3:
            weight *= DISCIPLINE_RELAXED_MULTIPLIER
        total += weight * scores[name]
    return total


def check_hard_rules(spec: ProgramSpec, prog: GeneratedProgram) -> None:
    """Everything the athlete's profile makes a hard rule, for every exercise."""
    athlete = spec.athlete
    hard_no = {
        r.movement_id
        for r in athlete.movement_rules
        if r.rule == MovementRuleKind.HARD_NO
    }
    substituted = {
        r.movement_id: r.substitute_id
        for r in athlete.movement_rules
        if r.rule == MovementRuleKind.SUBSTITUTE
    }
    by_name = {LIB.movements[m].name: m for m in substituted}
    olympic_ok = olympic_main_ok(athlete)
    max_level = MAX_LEVEL[athlete.experience_level]
    for levels in athlete.discipline_experience.values():
        max_level = max(max_level, MAX_LEVEL[ExperienceLevel(levels)])
    # A venue (a pool) counts as available only through an enjoyed activity.
    equipment = athlete.equipment | venues_for(
        ((m.name, m.slug, m.tags, m.equipment) for m in LIB.movements.values()),
        athlete.enjoyable_activities,
    )
    for session in prog.sessions:
        for e in session.exercises:
            movement = LIB.movements[e.movement_id]
            where = f"{movement.name} in week {session.microcycle_sequence} day {session.day_index}"
            count_event(f"relaxation step {e.rationale.relaxation_step}")
            assert e.movement_id not in hard_no, f"hard no: {where}"
            assert movement.equipment <= equipment, f"equipment: {where}"
            assert e.movement_id not in substituted, f"not substituted: {where}"
            assert movement.level <= max_level + 1, f"skill level: {where}"
            if (
                e.role == ExerciseRole.MAIN
                and is_olympic(movement)
                and is_lifting(planned(prog, session))
            ):
                assert olympic_ok, f"Olympic main lift: {where}"
            for note in e.rationale.notes:
                if note.startswith("substituted for "):
                    source = by_name[
                        note.removeprefix("substituted for ").split(" (")[0]
                    ]
                    assert substituted[source] == e.movement_id, where
                if note.startswith("preferred movement +"):
                    bonus = float(note.removeprefix("preferred movement +").split()[0])
                    base = base_score(e.rationale.scores, e.rationale.relaxation_step)
                    assert bonus <= PREFERENCE_DEVIATION_PCT * base + 1e-3, where


def check_structure_and_time(spec: ProgramSpec, prog: GeneratedProgram) -> None:
    """Anatomy (seeds 003 s16) and the time budget of every session: never over
    by more than 5 %; under by more than 5 % only on a deload or with a reason
    (mobility-only days aside: see the xfail below)."""
    check_anatomy(prog)
    budget = spec.request.max_session_minutes
    for session in prog.sessions:
        assert session.estimated_minutes <= budget * 1.05 + 0.5, session
        assert len(session.coach_notes) <= 200
        day = planned(prog, session)
        if (
            session.estimated_minutes < budget * 0.95 - 0.5
            and day.session_type != SessionType.MOBILITY
        ):
            deload = prog.plan.microcycles[session.microcycle_sequence - 1].is_deload
            assert deload or any(
                "Shorter than the budget" in r for r in session.rationale
            ), session


def check_preferences(spec: ProgramSpec, prog: GeneratedProgram) -> None:
    """Soft preferences the engine honours whenever it can."""
    athlete, request = spec.athlete, spec.request
    prefs = set(athlete.preferred_weekdays)
    if len(prefs) >= request.days_per_week and request.microcycle_length_days == 7:
        for mc in prog.plan.microcycles:
            for day in mc.sessions:
                if day.session_type != SessionType.RECOVERY:
                    assert day.date.weekday() in prefs, (day.date, prefs)
    if athlete.prefer_dedicated_mobility_days and request.days_per_week >= 2:
        for mc in prog.plan.microcycles:
            assert any(d.session_type == SessionType.MOBILITY for d in mc.sessions), (
                "no mobility day"
            )
    weights = {gw.goal: gw.weight for gw in request.goals}
    index = build_index(LIB, athlete, weights)
    enjoy = enjoyable_ids(index, athlete.enjoyable_activities)
    # Swapped-away activities do not count (a swap to something unusable drops
    # the activity; a swap to something usable shows as a note).
    usable = {
        i for i in enjoy if index.facts[i].level_ok and i not in index.substitutes
    }
    liked = {f"substituted for {LIB.movements[i].name} (your rule)" for i in enjoy}
    for session in prog.sessions:
        if planned(prog, session).session_type == SessionType.CARDIO and usable:
            main = [e for e in session.exercises if e.role == ExerciseRole.MAIN][0]
            # A liked activity the athlete swaps for something else is swapped.
            assert main.movement_id in enjoy or liked & set(main.rationale.notes), (
                "cardio day without a liked activity"
            )
