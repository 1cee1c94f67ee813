"""Engine API: determinism, variants, resilience, order, heuristics(), and quality
checks on the real fixture library when it exists."""

from __future__ import annotations

import importlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import programs.generation.week as week
from programs.generation import (
    generate_program,
    heuristics,
    iter_generate_sessions,
    plan_program,
)
from programs.generation.heuristics import SCORER_WEIGHTS
from programs.generation.types import (
    ExerciseRole,
    ExperienceLevel,
    GeneratedSession,
    Goal,
    MovementRule,
    MovementRuleKind,
    ProgressionStyle,
    SessionType,
    SplitTemplate,
)
from programs.generation.volume import mrv

from .conftest import FULL_GYM, make_library, make_spec
from .helpers import check_anatomy, hard_sets, is_lifting, planned

LIB = make_library()


def test_same_seed_same_program():
    spec = make_spec(days=5, goals=((Goal.HYPERTROPHY, 5), (Goal.FAT_LOSS, 5)), seed=7)
    assert generate_program(spec, LIB) == generate_program(spec, LIB)


def test_variant_changes_that_session():
    spec = make_spec(days=4, seed=3)
    base = {
        (s.microcycle_sequence, s.day_index): s
        for s in generate_program(spec, LIB).sessions
    }
    for key in ((1, 0), (2, 1), (5, 3)):
        varied = make_spec(days=4, seed=3, variants={key: 1})
        got = {
            (s.microcycle_sequence, s.day_index): s
            for s in generate_program(varied, LIB).sessions
        }
        before = [
            e.movement_id for e in base[key].exercises if e.role != ExerciseRole.MAIN
        ]
        after = [
            e.movement_id for e in got[key].exercises if e.role != ExerciseRole.MAIN
        ]
        assert before != after
        mains = [
            e.movement_id for e in base[key].exercises if e.role == ExerciseRole.MAIN
        ]
        assert mains == [
            e.movement_id for e in got[key].exercises if e.role == ExerciseRole.MAIN
        ]
        earlier = [k for k in base if k < key]
        assert all(base[k] == got[k] for k in earlier)


def test_sessions_in_date_order_and_complete():
    spec = make_spec(days=5)
    plan = plan_program(spec)
    items = list(iter_generate_sessions(spec, plan, LIB))
    dates = []
    for item in items:
        assert isinstance(item, GeneratedSession)
        dates.append(
            plan.microcycles[item.microcycle_sequence - 1].sessions[item.day_index].date
        )
    assert dates == sorted(dates)
    expected = sum(
        s.session_type != SessionType.RECOVERY
        for mc in plan.microcycles
        for s in mc.sessions
    )
    assert len(items) == expected


def test_one_failure_does_not_stop_the_rest(monkeypatch):
    real = week.build_session

    def flaky(inp):
        if (inp.microcycle.sequence_number, inp.planned.day_index) == (1, 1):
            raise RuntimeError("boom")
        return real(inp)

    monkeypatch.setattr(week, "build_session", flaky)
    prog = generate_program(make_spec(days=4), LIB)
    assert [(f.microcycle_sequence, f.day_index) for f in prog.failures] == [(1, 1)]
    assert "boom" in prog.failures[0].error
    assert len(prog.sessions) == 31


def test_heuristics_view_is_json():
    data = heuristics()
    text = json.dumps(data)
    assert data["version"]
    assert "interference" in data
    assert json.loads(text) == data
    assert data["scorer_weights"] == SCORER_WEIGHTS
    assert abs(sum(SCORER_WEIGHTS.values()) - 1) < 1e-9
    assert data["preference_deviation_pct"] == 0.15
    assert data["time_caps"] == {"mobility_max_pct": 0.30, "cardio_max_pct": 0.75}
    assert len(data["relaxation_steps"]) == 7
    assert any(p["severity"] > 0.8 for p in data["interference"]["pairs"]) or (
        data["interference"]["escalation"]["severity"] > 0.8
    )
    for key in (
        "bias_rationale",
        "hard_coded_bias_locations",
        "time_estimation",
        "volume_landmarks",
    ):
        assert data[key]


def test_every_hard_coded_bias_location_names_a_real_function_once():
    """``/api/v1/heuristics/`` tells readers where the goal biases live: each
    ``module:attribute`` must resolve, and none may be listed twice."""
    locations = heuristics()["hard_coded_bias_locations"]
    assert len(locations) == len(set(locations))
    for location in locations:
        module_name, _, attribute = location.partition(":")
        module = importlib.import_module(module_name)
        assert callable(getattr(module, attribute, None)), location


# ---------------------------------------------------------------------------
# Real library (fixtures/movements.json), skipped until it exists.
# ---------------------------------------------------------------------------
REAL_CASES = [
    {"days": 3, "minutes": 45, "experience": ExperienceLevel.BEGINNER},
    {"days": 4, "minutes": 60},
    {"days": 5, "minutes": 75, "goals": ((Goal.HYPERTROPHY, 6), (Goal.FAT_LOSS, 4))},
    {"days": 6, "minutes": 90, "weeks": 12, "experience": ExperienceLevel.ADVANCED},
    {"days": 4, "minutes": 30, "equipment": frozenset({"dumbbell", "bench", "pull_up_bar"})},
    {"days": 6, "minutes": 60, "goals": ((Goal.ENDURANCE, 7), (Goal.STRENGTH, 3)),
     "athlete": {"prefer_dedicated_cardio_days": True, "enjoyable_activities": ("cycling", "rowing")}},
    {"days": 5, "minutes": 60, "goals": ((Goal.MOBILITY, 4), (Goal.SKILL, 2), (Goal.STRENGTH, 4)),
     "request": {"split_template": SplitTemplate.BODY_PART_SPLIT}},
]  # fmt: skip


@pytest.mark.parametrize("case", REAL_CASES)
def test_real_library_quality(real_library, case):
    case = dict(case)
    rules = ()
    spec = make_spec(**case)
    banned = {
        mid
        for mid, m in real_library.movements.items()
        if "Squat" in m.name and m.level > 1
    }
    rules = tuple(
        MovementRule(mid, MovementRuleKind.HARD_NO) for mid in sorted(banned)[:5]
    )
    spec = make_spec(
        **{**case, "athlete": {**case.get("athlete", {}), "movement_rules": rules}}
    )
    prog = generate_program(spec, real_library)
    assert prog.failures == ()
    check_anatomy(prog)
    budget = spec.request.max_session_minutes
    equipment = spec.athlete.equipment or frozenset()
    weeks: dict[int, dict[str, float]] = {}
    short = 0
    for s in prog.sessions:
        p = planned(prog, s)
        assert s.estimated_minutes <= budget * 1.05 + 0.5
        if s.estimated_minutes < budget * 0.95 - 0.5:
            short += 1
            mc = prog.plan.microcycles[s.microcycle_sequence - 1]
            assert mc.is_deload or any(
                "Shorter than the budget" in r for r in s.rationale
            )
        for e in s.exercises:
            m = real_library.movements[e.movement_id]
            assert e.movement_id not in banned or e.movement_id not in {
                r.movement_id for r in rules
            }
            assert m.equipment <= (equipment or FULL_GYM)
        week = weeks.setdefault(s.microcycle_sequence, {})
        for row, v in hard_sets(s, real_library, p).items():
            week[row] = week.get(row, 0.0) + v
        assert len(s.coach_notes) <= 200
    for week in weeks.values():
        for row, v in week.items():
            assert v <= mrv(row, spec.athlete.experience_level) + 1e-9
    # Main lifts of full-gym athletes are staples a coach would sign.
    if "equipment" not in case:
        first_week = [
            s
            for s in prog.sessions
            if s.microcycle_sequence == 1 and is_lifting(planned(prog, s))
        ]
        mains = [
            e for s in first_week for e in s.exercises[:6]
            if e.role == ExerciseRole.MAIN and e.rationale.relaxation_step == 0
        ]  # fmt: skip
        named = [real_library.movements[e.movement_id].tier == "STAPLE" for e in mains]
        assert sum(named) >= 0.6 * len(named)
    assert prog.plan.allocation
    assert all(a.rationale for a in prog.plan.allocation)
    assert set(prog.sessions[0].exercises[0].rationale.scores) == set(SCORER_WEIGHTS)


GOAL_SPLITS = st.sampled_from(
    [
        ((Goal.STRENGTH, 10),),
        ((Goal.HYPERTROPHY, 7), (Goal.MOBILITY, 3)),
        ((Goal.FAT_LOSS, 5), (Goal.HYPERTROPHY, 3), (Goal.SKILL, 2)),
        ((Goal.ENDURANCE, 6), (Goal.MOBILITY, 2), (Goal.SKILL, 2)),
        ((Goal.SKILL, 7), (Goal.FAT_LOSS, 3)),
        ((Goal.MOBILITY, 10),),
    ]
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    goals=GOAL_SPLITS,
    days=st.integers(2, 7),
    minutes=st.sampled_from([30, 40, 45, 60, 75, 90, 120]),
    length=st.sampled_from([7, 8, 10, 14]),
    deload=st.integers(2, 8),
    template=st.sampled_from([None, *SplitTemplate]),
    style=st.sampled_from([None, *ProgressionStyle]),
    experience=st.sampled_from(list(ExperienceLevel)),
    weekdays=st.lists(st.integers(0, 6), unique=True, max_size=7),
    cardio_days=st.booleans(),
    seed=st.integers(0, 10_000),
)
def test_random_specs_keep_every_rule(
    goals,
    days,
    minutes,
    length,
    deload,
    template,
    style,
    experience,
    weekdays,
    cardio_days,
    seed,
):
    spec = make_spec(
        goals, weeks=12, days=days, minutes=minutes, seed=seed, experience=experience,
        request={"microcycle_length_days": length, "deload_every_n_microcycles": deload,
                 "split_template": template, "progression_style": style},
        athlete={"preferred_weekdays": tuple(weekdays), "prefer_dedicated_cardio_days": cardio_days},
    )  # fmt: skip
    prog = generate_program(spec, LIB)
    assert prog.failures == ()
    check_anatomy(prog)
    for s in prog.sessions:
        assert s.estimated_minutes <= minutes * 1.05 + 0.5
        assert len(s.coach_notes) <= 200
