"""The athlete's profile through the engine alone (no database): property-based
tests over random profiles, equipment sets and movement-rule sets, and focused
examples for each preference.

Every generated program, whatever the draw:

* never holds a HARD_NO movement or one needing equipment the athlete lacks —
  at any relaxation step, emergency included;
* never holds the source of a SUBSTITUTE rule, and every "substituted for X"
  note sits on X's substitute;
* keeps the session anatomy (warm-up, one middle piece, cool-down; accessory XOR
  finisher) and the time budget (+5 %);
* keeps a PREFER bonus within ``preference_deviation_pct`` of the movement's
  weighted score;
* puts sessions on the preferred weekdays (when there are enough of them), a
  dedicated mobility day in every week when asked, and an enjoyable activity on
  cardio days when one is usable.

Expectations the engine does not meet yet are ``xfail(strict=True)`` with the
reason; they pass (and so fail the suite) the day the engine honours them.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import replace

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from programs.generation import generate_program
from programs.generation.heuristics import (
    DISCIPLINE_RELAXED_MULTIPLIER,
    EXPERIENCE_RANK,
    MAX_LEVEL,
    PREFERENCE_DEVIATION_PCT,
    SCORER_WEIGHTS,
    SELECTION_BAND,
)
from programs.generation.library import build_index
from programs.generation.optimizer import enjoyable_ids, pick
from programs.generation.scorer import Context, Slot, score
from programs.generation.types import (
    AthleteProfile,
    ExerciseRole,
    ExperienceLevel,
    GeneratedProgram,
    Goal,
    MovementRule,
    MovementRuleKind,
    ProgramSpec,
    SessionType,
)

from .conftest import FULL_GYM, make_library, make_spec
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
GOAL_SPLITS = [
    ((Goal.STRENGTH, 6), (Goal.HYPERTROPHY, 4)),
    ((Goal.HYPERTROPHY, 7), (Goal.MOBILITY, 3)),
    ((Goal.FAT_LOSS, 5), (Goal.HYPERTROPHY, 3), (Goal.SKILL, 2)),
    ((Goal.ENDURANCE, 7), (Goal.STRENGTH, 3)),
    ((Goal.STRENGTH, 10),),
    ((Goal.MOBILITY, 4), (Goal.STRENGTH, 4), (Goal.SKILL, 2)),
]
DISCIPLINES = ("MOBILITY", "CALISTHENICS", "OLYMPIC_LIFTING", "CROSSFIT", "CARDIO")
ACTIVITIES = ("running", "cycling", "rowing", "swimming", "walking", "jump rope")


# ---------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------
@st.composite
def rule_sets(draw) -> tuple[MovementRule, ...]:
    """Up to 12 rules, one per movement, valid as the services make them: a
    SUBSTITUTE target is another movement that is no hard no and has no
    substitute of its own (no chains)."""
    movements = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=12))
    kinds = draw(
        st.lists(
            st.sampled_from(list(MovementRuleKind)),
            min_size=len(movements),
            max_size=len(movements),
        )
    )
    rules: dict[int, MovementRule] = {}
    for movement_id, kind in zip(movements, kinds, strict=True):
        if kind != MovementRuleKind.SUBSTITUTE:
            rules[movement_id] = MovementRule(movement_id, kind)
    for movement_id, kind in zip(movements, kinds, strict=True):
        if kind != MovementRuleKind.SUBSTITUTE:
            continue
        pattern = LIB.movements[movement_id].pattern
        targets = [
            i
            for i in IDS
            if i != movement_id
            and (i not in rules or rules[i].rule == MovementRuleKind.PREFER)
            and i not in movements[: movements.index(movement_id)]
            and (LIB.movements[i].pattern == pattern or draw(st.booleans()))
        ]
        if targets:
            target = draw(st.sampled_from(targets))
            rules[movement_id] = MovementRule(
                movement_id, MovementRuleKind.SUBSTITUTE, target
            )
    # No chains: drop a substitution whose target has a substitution itself.
    sources = {m for m, r in rules.items() if r.rule == MovementRuleKind.SUBSTITUTE}
    return tuple(
        r
        for r in rules.values()
        if not (r.rule == MovementRuleKind.SUBSTITUTE and r.substitute_id in sources)
    )


equipment_sets = st.one_of(
    st.sampled_from(list(PRESETS.values())),
    st.frozensets(st.sampled_from(KIT), max_size=len(KIT)),
)
priorities = st.dictionaries(
    st.sampled_from(DISCIPLINES),
    st.integers(0, 5).map(lambda p: p / 5),
    max_size=len(DISCIPLINES),
)
experiences = st.dictionaries(
    st.sampled_from(DISCIPLINES),
    st.sampled_from([level.value for level in ExperienceLevel]),
    max_size=len(DISCIPLINES),
)


@st.composite
def specs(draw) -> ProgramSpec:
    """A random request and athlete profile (weeks 8–12, 2–7 days, 30–120 min)."""
    athlete = {
        "movement_rules": draw(rule_sets()),
        "discipline_priorities": draw(priorities),
        "discipline_experience": draw(experiences),
        "preferred_weekdays": tuple(
            sorted(draw(st.lists(st.integers(0, 6), unique=True, max_size=7)))
        ),
        "prefer_dedicated_mobility_days": draw(st.booleans()),
        "prefer_dedicated_cardio_days": draw(st.booleans()),
        "cardio_as_finisher": draw(st.booleans()),
        "enjoyable_activities": tuple(
            draw(st.lists(st.sampled_from(ACTIVITIES), unique=True, max_size=3))
        ),
    }
    return make_spec(
        draw(st.sampled_from(GOAL_SPLITS)),
        weeks=draw(st.sampled_from([8, 10, 12])),
        days=draw(st.integers(2, 7)),
        minutes=draw(st.sampled_from([30, 45, 60, 75, 90, 120])),
        seed=draw(st.integers(0, 10_000)),
        equipment=draw(equipment_sets),
        experience=draw(st.sampled_from(list(ExperienceLevel))),
        athlete=athlete,
    )


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------
def _event(name: str) -> None:
    """Count ``name`` in Hypothesis' statistics (a no-op outside ``@given``)."""
    with contextlib.suppress(InvalidArgument):
        event(name)


def _is_olympic(movement) -> bool:
    return (
        movement.pattern == "olympic"
        or movement.discipline == "OLYMPIC_LIFTING"
        or "olympic" in movement.tags
    )


def _olympic_main_ok(athlete: AthleteProfile) -> bool:
    """The engine's documented rule (library.build_index)."""
    rank = EXPERIENCE_RANK[athlete.experience_level]
    return "OLYMPIC_LIFTING" in athlete.discipline_experience or (
        rank >= EXPERIENCE_RANK[ExperienceLevel.ADVANCED]
        and athlete.discipline_priorities.get("OLYMPIC_LIFTING", 0) > 0
    )


def _base_score(scores: dict[str, float], step: int) -> float:
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
    olympic_ok = _olympic_main_ok(athlete)
    max_level = MAX_LEVEL[athlete.experience_level]
    for levels in athlete.discipline_experience.values():
        max_level = max(max_level, MAX_LEVEL[ExperienceLevel(levels)])
    for session in prog.sessions:
        for e in session.exercises:
            movement = LIB.movements[e.movement_id]
            where = f"{movement.name} in week {session.microcycle_sequence} day {session.day_index}"
            _event(f"relaxation step {e.rationale.relaxation_step}")
            assert e.movement_id not in hard_no, f"hard no: {where}"
            assert movement.equipment <= athlete.equipment, f"equipment: {where}"
            assert e.movement_id not in substituted, f"not substituted: {where}"
            assert movement.level <= max_level + 1, f"skill level: {where}"
            if (
                e.role == ExerciseRole.MAIN
                and _is_olympic(movement)
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
                    base = _base_score(e.rationale.scores, e.rationale.relaxation_step)
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


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(spec=specs())
def test_random_profiles_never_cross_a_hard_rule(spec):
    prog = generate_program(spec, LIB)
    for failure in prog.failures:
        # A session may be impossible (say, a conditioning day with bodyweight
        # only); the engine then says why instead of breaking a rule.
        assert failure.error.startswith("RuntimeError: "), failure.error
        _event("a session could not be filled")
    check_hard_rules(spec, prog)
    check_structure_and_time(spec, prog)
    check_preferences(spec, prog)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rules=rule_sets(),
    goals=st.sampled_from(GOAL_SPLITS),
    days=st.integers(2, 6),
    seed=st.integers(0, 10_000),
)
def test_a_full_gym_with_rules_fills_every_session(rules, goals, days, seed):
    """With the kit to do it, rules never leave a session unfilled."""
    spec = make_spec(goals, days=days, seed=seed, athlete={"movement_rules": rules})
    prog = generate_program(spec, LIB)
    assert prog.failures == ()
    check_hard_rules(spec, prog)
    check_structure_and_time(spec, prog)


# ---------------------------------------------------------------------------
# Focused examples
# ---------------------------------------------------------------------------
def _names(prog: GeneratedProgram, role: ExerciseRole | None = None) -> set[str]:
    return {
        LIB.movements[e.movement_id].name
        for s in prog.sessions
        for e in s.exercises
        if role is None or e.role == role
    }


def test_the_dumbbell_athlete_of_the_issue():
    """Dumbbells only, two hard noes, mobility on dedicated days, Mon/Wed/Fri/Sat."""
    banned = (BY_NAME["Goblet Squat"], BY_NAME["Walking Lunge"])
    spec = make_spec(
        ((Goal.HYPERTROPHY, 6), (Goal.STRENGTH, 4)),
        days=4,
        equipment=PRESETS["dumbbells_only"],
        athlete={
            "movement_rules": tuple(
                MovementRule(m, MovementRuleKind.HARD_NO) for m in banned
            ),
            "prefer_dedicated_mobility_days": True,
            "preferred_weekdays": (0, 2, 4, 5),
        },
    )
    prog = generate_program(spec, LIB)
    assert prog.failures == ()
    check_hard_rules(spec, prog)
    check_structure_and_time(spec, prog)
    assert not {"Goblet Squat", "Walking Lunge"} & _names(prog)
    for mc in prog.plan.microcycles:
        days = {d.date.weekday(): d for d in mc.sessions}
        training = {
            w for w, d in days.items() if d.session_type != SessionType.RECOVERY
        }
        assert training == {0, 2, 4, 5}
        assert any(d.session_type == SessionType.MOBILITY for d in days.values())
    reasons = " ".join(
        r for mc in prog.plan.microcycles for d in mc.sessions for r in d.reasons
    )
    assert "Mobility-only day" in reasons


def test_a_substitute_replaces_the_movement_wherever_it_would_be_chosen():
    base = make_spec(days=4, seed=3)
    before = generate_program(base, LIB)
    assert "Barbell Back Squat" in _names(before, ExerciseRole.MAIN)
    rule = MovementRule(
        BY_NAME["Barbell Back Squat"], MovementRuleKind.SUBSTITUTE, BY_NAME["Leg Press"]
    )
    spec = replace(base, athlete=replace(base.athlete, movement_rules=(rule,)))
    after = generate_program(spec, LIB)
    check_hard_rules(spec, after)
    assert "Barbell Back Squat" not in _names(after)
    swapped = [
        e
        for s in after.sessions
        for e in s.exercises
        if "substituted for Barbell Back Squat (your rule)" in e.rationale.notes
    ]
    assert swapped
    assert {e.movement_id for e in swapped} == {BY_NAME["Leg Press"]}
    # Where the squat was a main lift, the leg press is.
    squat_days = {
        (s.microcycle_sequence, s.day_index)
        for s in before.sessions
        for e in s.exercises
        if e.movement_id == BY_NAME["Barbell Back Squat"]
    }
    press_days = {
        (s.microcycle_sequence, s.day_index)
        for s in after.sessions
        for e in s.exercises
        if e.movement_id == BY_NAME["Leg Press"]
    }
    assert squat_days <= press_days


def test_a_substitute_that_is_not_usable_drops_the_movement_instead():
    rule = MovementRule(
        BY_NAME["Barbell Back Squat"], MovementRuleKind.SUBSTITUTE, BY_NAME["Leg Press"]
    )
    spec = make_spec(
        days=4,
        equipment=FULL_GYM - {"machine"},
        athlete={"movement_rules": (rule,)},
    )
    prog = generate_program(spec, LIB)
    assert prog.failures == ()
    assert not {"Barbell Back Squat", "Leg Press"} & _names(prog)


SQUAT_SLOT = Slot(
    "lift", ExerciseRole.ACCESSORY, pattern="squat", targets=frozenset({"quadriceps"})
)


def _squat_context(
    prefer: frozenset[int] = frozenset(), used: frozenset[int] = frozenset()
) -> Context:
    return Context(
        intent=("squat",),
        focus_targets=frozenset({"quadriceps"}),
        budget_seconds=3600,
        prefer=prefer,
        used_week=used,
    )


def test_prefer_is_bounded_by_the_preference_deviation():
    """The bonus is exactly 15 % of the movement's weighted score, at every
    relaxation step, and says so."""
    spec = make_spec(days=4)
    index = build_index(
        LIB, spec.athlete, {g.goal: g.weight for g in spec.request.goals}
    )
    for facts in index.pattern("squat"):
        for step in range(7):
            base, dims, _ = score(facts, SQUAT_SLOT, _squat_context(), step)
            liked = _squat_context(frozenset({facts.m.id}))
            boosted, _, notes = score(facts, SQUAT_SLOT, liked, step)
            bound = PREFERENCE_DEVIATION_PCT * _base_score(dims, step)
            assert 0 < boosted - base <= bound + 1e-9
            assert any("capped at 15 %" in n for n in notes)


def test_a_prefer_tips_close_calls_and_only_close_calls():
    """In one accessory slot, preferring a close runner-up changes the pick;
    preferring a movement further behind than 15 % of its score does not (here:
    one already used this week, −0.25), nor one of another pattern (a lunge in a
    squat slot: the preference never relaxes the slot's structure)."""
    spec = make_spec(days=4)
    index = build_index(
        LIB, spec.athlete, {g.goal: g.weight for g in spec.request.goals}
    )
    squats = list(index.pattern("squat"))
    used = frozenset({squats[0].m.id})
    winner = pick(index, SQUAT_SLOT, _squat_context(used=used), random.Random(0))
    flipped, held = [], []
    for facts in squats + index.pattern("lunge"):
        if facts.m.id == winner.facts.m.id:
            continue
        chosen = pick(
            index,
            SQUAT_SLOT,
            _squat_context(prefer=frozenset({facts.m.id}), used=used),
            random.Random(0),
        )
        if chosen.facts.m.id != facts.m.id:
            held.append(facts.m.name)
            continue
        flipped.append(facts.m.name)
        alone = pick(
            index,
            SQUAT_SLOT,
            _squat_context(used=used),
            random.Random(0),
            usable=lambda f, mid=facts.m.id: f.m.id == mid,
        )
        bonus = PREFERENCE_DEVIATION_PCT * _base_score(alone.dims, alone.step)
        assert winner.total - alone.total <= bonus + SELECTION_BAND + 1e-9
    assert flipped, "no preference changed the pick"
    assert squats[0].m.name in held
    assert {f.m.name for f in index.pattern("lunge")} <= set(held)


def test_a_prefer_changes_selection_within_its_bound():
    """Preferring movements of the library changes what is picked, each pick's
    bonus stays within 15 % of its score, and the program's structure, time
    and hard rules hold."""
    spec = make_spec(days=4, seed=11)
    before = generate_program(spec, LIB)
    chosen = {e.movement_id for s in before.sessions for e in s.exercises}
    candidates = [
        m.id
        for m in LIB.movements.values()
        if m.id not in chosen
        and m.pattern not in ("olympic",)
        and not m.equipment - FULL_GYM
    ]
    rules = tuple(MovementRule(m, MovementRuleKind.PREFER) for m in candidates)
    liked = replace(spec, athlete=replace(spec.athlete, movement_rules=rules))
    after = generate_program(liked, LIB)
    check_hard_rules(liked, after)
    check_structure_and_time(liked, after)
    picked = {e.movement_id for s in after.sessions for e in s.exercises}
    assert picked & set(candidates), "no preference ever tipped a choice"
    notes = [
        n
        for s in after.sessions
        for e in s.exercises
        for n in e.rationale.notes
        if n.startswith("preferred movement +")
    ]
    assert notes
    # Bounded: the preferred movements do not take over the program.
    assert len(picked & set(candidates)) < len(candidates)


def test_no_olympic_main_lifts_without_olympic_experience():
    """Experience per discipline: an intermediate lifter with Olympic lifts as a
    priority but no Olympic experience gets none as a main lift, even when every
    other hinge is ruled out; the same lifter with experience does."""
    hinges = tuple(
        MovementRule(m.id, MovementRuleKind.HARD_NO)
        for m in LIB.movements.values()
        if m.pattern == "hinge"
    )
    athlete = {
        "movement_rules": hinges,
        "discipline_priorities": {"OLYMPIC_LIFTING": 1.0},
    }
    never = generate_program(
        make_spec(((Goal.STRENGTH, 10),), days=4, athlete=athlete), LIB
    )
    assert not {
        n
        for n in _names(never, ExerciseRole.MAIN)
        if _is_olympic(LIB.movements[BY_NAME[n]])
    }
    done = generate_program(
        make_spec(
            ((Goal.STRENGTH, 10),),
            days=4,
            experience=ExperienceLevel.ADVANCED,
            athlete={
                **athlete,
                "discipline_experience": {"OLYMPIC_LIFTING": "ADVANCED"},
            },
        ),
        LIB,
    )
    assert {"Power Clean", "Hang Power Snatch", "Push Jerk"} & _names(
        done, ExerciseRole.MAIN
    )


def test_advanced_lifters_without_olympic_experience_get_no_olympic_main_lifts():
    hinges = tuple(
        MovementRule(m.id, MovementRuleKind.HARD_NO)
        for m in LIB.movements.values()
        if m.pattern == "hinge"
    )
    spec = make_spec(
        ((Goal.STRENGTH, 10),),
        days=4,
        seed=1,
        experience=ExperienceLevel.ADVANCED,
        athlete={
            "movement_rules": hinges,
            "discipline_priorities": {"OLYMPIC_LIFTING": 0.2},
        },
    )
    prog = generate_program(spec, LIB)
    mains = _names(prog, ExerciseRole.MAIN)
    assert not {n for n in mains if _is_olympic(LIB.movements[BY_NAME[n]])}


def test_fewer_preferred_weekdays_than_days_are_still_used():
    spec = make_spec(days=4, athlete={"preferred_weekdays": (0, 2, 4)})
    prog = generate_program(spec, LIB)
    training = {
        d.date.weekday()
        for d in prog.plan.microcycles[0].sessions
        if d.session_type != SessionType.RECOVERY
    }
    assert {0, 2, 4} <= training


def test_cardio_days_use_the_enjoyable_activity():
    spec = make_spec(
        ((Goal.ENDURANCE, 7), (Goal.STRENGTH, 3)),
        days=5,
        athlete={
            "prefer_dedicated_cardio_days": True,
            "enjoyable_activities": ("rowing",),
        },
    )
    prog = generate_program(spec, LIB)
    cardio = [
        s for s in prog.sessions if planned(prog, s).session_type == SessionType.CARDIO
    ]
    assert cardio
    for session in cardio:
        main = [e for e in session.exercises if e.role == ExerciseRole.MAIN]
        assert LIB.movements[main[0].movement_id].name == "Rowing Machine"


def test_the_enjoyable_activity_is_named_in_the_exercise_rationale():
    spec = make_spec(
        ((Goal.ENDURANCE, 7), (Goal.STRENGTH, 3)),
        days=5,
        athlete={
            "prefer_dedicated_cardio_days": True,
            "enjoyable_activities": ("rowing",),
        },
    )
    prog = generate_program(spec, LIB)
    session = next(
        s for s in prog.sessions if planned(prog, s).session_type == SessionType.CARDIO
    )
    main = next(e for e in session.exercises if e.role == ExerciseRole.MAIN)
    assert any("enjoy" in n for n in main.rationale.notes)


def test_dedicated_mobility_days_come_from_the_profile_flag():
    plain = make_spec(((Goal.STRENGTH, 6), (Goal.HYPERTROPHY, 4)), days=4)
    dedicated = replace(
        plain, athlete=replace(plain.athlete, prefer_dedicated_mobility_days=True)
    )
    kinds = [
        {d.session_type for d in generate_program(s, LIB).plan.microcycles[0].sessions}
        for s in (plain, dedicated)
    ]
    assert SessionType.MOBILITY not in kinds[0]
    assert SessionType.MOBILITY in kinds[1]


def test_mobility_priority_alone_allows_dedicated_mobility_days():
    spec = make_spec(
        ((Goal.STRENGTH, 6), (Goal.HYPERTROPHY, 4)),
        days=4,
        athlete={"discipline_priorities": {"MOBILITY": 0.8}},
    )
    prog = generate_program(spec, LIB)
    assert any(
        d.session_type == SessionType.MOBILITY
        for d in prog.plan.microcycles[0].sessions
    )


def test_cardio_as_finisher_off_and_on():
    goals = ((Goal.HYPERTROPHY, 5), (Goal.FAT_LOSS, 5))
    with_finishers = generate_program(make_spec(goals, days=4), LIB)
    without = generate_program(
        make_spec(goals, days=4, athlete={"cardio_as_finisher": False}), LIB
    )
    assert ExerciseRole.FINISHER in {
        e.role for s in with_finishers.sessions for e in s.exercises
    }
    assert ExerciseRole.FINISHER not in {
        e.role for s in without.sessions for e in s.exercises
    }
    assert any("finisher" in w for w in without.plan.warnings)


def _home_barbell_mobility_days():
    """The dedicated mobility days of a 4-day, 120-min strength/hypertrophy plan
    on a home barbell (no foam roller): at least one, or the test is void."""
    spec = make_spec(
        ((Goal.STRENGTH, 6), (Goal.HYPERTROPHY, 4)),
        days=4,
        minutes=120,
        equipment=PRESETS["home_barbell"],
        athlete={"prefer_dedicated_mobility_days": True},
    )
    prog = generate_program(spec, LIB)
    mobility = [
        s
        for s in prog.sessions
        if planned(prog, s).session_type == SessionType.MOBILITY
    ]
    assert mobility
    return mobility


def test_a_short_mobility_day_says_why():
    mobility = _home_barbell_mobility_days()
    for session in mobility:
        assert 120 * 0.95 - 0.5 <= session.estimated_minutes <= 120 * 1.05 + 0.5 or any(
            "Shorter than the budget" in r for r in session.rationale
        ), (session.estimated_minutes, session.rationale)


def test_a_mobility_day_out_of_drills_fills_with_easy_zone2():
    # No foam roller, 120 min: the usable mobility drills at 4 rounds fall short,
    # so easy zone-2 cardio (RPE 4, 5–45 min, ACSM 2011 §2c) opens the cool-down
    # and the day lands within ±5 %; cardio is never a "mobility drill".
    mobility = _home_barbell_mobility_days()
    for session in mobility:
        assert 114 <= session.estimated_minutes <= 126, session.estimated_minutes
        cool = [e for e in session.exercises if e.role == ExerciseRole.COOLDOWN]
        bout = cool[0]
        assert LIB.movements[bout.movement_id].pattern == "cardio"
        assert 300 <= bout.duration_seconds <= 2700
        assert bout.target_rpe == 4.0
        assert any("Easy zone-2" in r for r in session.rationale)
        drills = [e for e in session.exercises if e.role == ExerciseRole.MAIN]
        assert all(LIB.movements[e.movement_id].pattern == "mobility" for e in drills)
