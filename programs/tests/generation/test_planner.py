"""plan_program: splits for every template × day count, spacing, the three
conditions for dedicated days, allocation caps, deload layout."""

from __future__ import annotations

from datetime import timedelta

import pytest

from programs.generation import SpecValidationError, plan_program
from programs.generation.allocation import allocate_weekly_minutes
from programs.generation.heuristics import (
    CONDITION_BEGINNER,
    CONDITION_OVERTRAINING,
    CONDITION_PROFILE,
)
from programs.generation.types import (
    ExperienceLevel,
    Goal,
    GoalWeight,
    ProgressionStyle,
    SessionType,
    SplitTemplate,
)

from .conftest import make_spec

DEDICATED = {SessionType.CARDIO, SessionType.CONDITIONING}


def conditions(session) -> set[str]:
    return {
        c
        for c in (CONDITION_OVERTRAINING, CONDITION_BEGINNER, CONDITION_PROFILE)
        for r in session.reasons
        if r.startswith(f"[{c}]")
    }


@pytest.mark.parametrize("template", list(SplitTemplate))
@pytest.mark.parametrize("days", range(2, 8))
def test_every_template_and_day_count(template, days):
    spec = make_spec(days=days, request={"split_template": template})
    plan = plan_program(spec)
    assert plan.split_template == template
    assert len(plan.microcycles) == 8
    for mc in plan.microcycles:
        assert [s.day_index for s in mc.sessions] == list(range(7))
        assert [s.date for s in mc.sessions] == [
            mc.start_date + timedelta(days=d) for d in range(7)
        ]
        training = [s for s in mc.sessions if s.session_type != SessionType.RECOVERY]
        assert len(training) == days
        for s in mc.sessions:
            if s.session_type == SessionType.RECOVERY:
                assert s.blocks == ()
                assert s.intent_tags == ()
        # No same main pattern on consecutive calendar days (incl. the week wrap).
        lifting = {s.day_index: s for s in mc.sessions if s.blocks[1:2] == ("MAIN",)}
        for d, s in lifting.items():
            prev = lifting.get((d - 1) % 7)
            if prev is not None and prev is not s:
                assert s.intent_tags[0] != prev.intent_tags[0], (
                    d,
                    s.intent_tags,
                    prev.intent_tags,
                )
    if template in (SplitTemplate.PPL, SplitTemplate.BODY_PART_SPLIT) and days <= 3 - (
        template == SplitTemplate.PPL
    ):
        assert any("adapted" in w for w in plan.warnings)


@pytest.mark.parametrize(
    ("days", "offsets"),
    [
        (2, [0, 3]),
        (3, [0, 2, 4]),
        (4, [0, 1, 3, 4]),
        (5, [0, 1, 2, 4, 5]),
        (7, list(range(7))),
    ],
)
def test_rest_days_spread(days, offsets):
    plan = plan_program(make_spec(days=days, goals=((Goal.STRENGTH, 10),)))
    got = [
        s.day_index
        for s in plan.microcycles[0].sessions
        if s.session_type != SessionType.RECOVERY
    ]
    assert got == offsets


def test_preferred_weekdays_are_used():
    spec = make_spec(days=3, athlete={"preferred_weekdays": (1, 3, 5)})  # Tue Thu Sat
    plan = plan_program(spec)
    for mc in plan.microcycles:
        weekdays = {
            s.date.weekday()
            for s in mc.sessions
            if s.session_type != SessionType.RECOVERY
        }
        assert weekdays == {1, 3, 5}


def test_templates_inferred_and_styles_by_experience():
    plan = plan_program(make_spec(days=4, experience=ExperienceLevel.BEGINNER))
    assert plan.split_template == SplitTemplate.FULL_BODY
    assert plan.progression_style == ProgressionStyle.SINGLE_PROGRESSION
    assert plan_program(make_spec(days=4)).split_template == SplitTemplate.UPPER_LOWER
    assert (
        plan_program(make_spec(days=4)).progression_style
        == ProgressionStyle.DOUBLE_PROGRESSION
    )
    adv = plan_program(make_spec(days=6, experience=ExperienceLevel.EXPERT))
    assert adv.progression_style == ProgressionStyle.WAVE_LOADING


def test_plan_validates():
    with pytest.raises(SpecValidationError):
        plan_program(make_spec(weeks=9))


def test_deloads_every_nth_and_final_week():
    plan = plan_program(make_spec(weeks=8))
    assert [m.sequence_number for m in plan.microcycles if m.is_deload] == [4, 8]
    plan = plan_program(make_spec(weeks=10))
    assert [m.sequence_number for m in plan.microcycles if m.is_deload] == [4, 8]
    plan = plan_program(make_spec(weeks=12, request={"deload_every_n_microcycles": 5}))
    assert [m.sequence_number for m in plan.microcycles if m.is_deload] == [5, 10]
    for m in plan.microcycles:
        if m.is_deload:
            assert 0.5 <= m.volume_multiplier <= 0.6
            assert m.rpe_offset == -2
        else:
            assert m.volume_multiplier >= 1.0


def test_longer_microcycles():
    plan = plan_program(
        make_spec(weeks=12, days=4, request={"microcycle_length_days": 14})
    )
    assert len(plan.microcycles) == 6
    for mc in plan.microcycles:
        assert len(mc.sessions) == 14
        assert sum(s.session_type != SessionType.RECOVERY for s in mc.sessions) == 8


def test_plain_lifting_program_has_no_dedicated_days():
    for days in (2, 3, 4, 5):
        plan = plan_program(make_spec(days=days))
        assert not any(
            s.session_type in DEDICATED for s in plan.microcycles[0].sessions
        )


def test_condition_overtraining():
    plan = plan_program(make_spec(days=7, goals=((Goal.STRENGTH, 10),)))
    dedicated = [s for s in plan.microcycles[0].sessions if s.session_type in DEDICATED]
    assert dedicated
    assert all(conditions(s) == {CONDITION_OVERTRAINING} for s in dedicated)
    plan = plan_program(
        make_spec(days=6, goals=((Goal.FAT_LOSS, 5), (Goal.HYPERTROPHY, 5)))
    )
    dedicated = [s for s in plan.microcycles[0].sessions if s.session_type in DEDICATED]
    assert dedicated
    assert all(conditions(s) == {CONDITION_OVERTRAINING} for s in dedicated)


def test_condition_beginner():
    plan = plan_program(make_spec(days=5, experience=ExperienceLevel.BEGINNER))
    sessions = plan.microcycles[0].sessions
    lifting = [s.day_index for s in sessions if s.blocks[1:2] == ("MAIN",)]
    assert lifting == [0, 2, 4]  # non-consecutive (ACSM novice)
    dedicated = [s for s in sessions if s.session_type in DEDICATED]
    assert len(dedicated) == 2
    assert all(conditions(s) == {CONDITION_BEGINNER} for s in dedicated)
    assert any("Beginner safety" in w for w in plan.warnings)


def test_condition_profile_filters():
    goals = ((Goal.STRENGTH, 7), (Goal.ENDURANCE, 3))
    base = plan_program(make_spec(days=3, goals=goals))
    assert not any(s.session_type in DEDICATED for s in base.microcycles[0].sessions)
    plan = plan_program(
        make_spec(days=3, goals=goals, athlete={"prefer_dedicated_cardio_days": True})
    )
    dedicated = [s for s in plan.microcycles[0].sessions if s.session_type in DEDICATED]
    assert len(dedicated) == 1
    assert conditions(dedicated[0]) == {CONDITION_PROFILE}
    plan = plan_program(
        make_spec(days=4, athlete={"discipline_priorities": {"CROSSFIT": 0.8}})
    )
    dedicated = [s for s in plan.microcycles[0].sessions if s.session_type in DEDICATED]
    assert dedicated
    assert conditions(dedicated[0]) == {CONDITION_PROFILE}


def test_conditioning_day_needs_budget():
    spec = make_spec(
        days=6, minutes=30, goals=((Goal.FAT_LOSS, 5), (Goal.HYPERTROPHY, 5))
    )
    plan = plan_program(spec)
    types = {s.session_type for s in plan.microcycles[0].sessions}
    assert SessionType.CONDITIONING not in types
    assert SessionType.CARDIO in types
    assert any("Conditioning days need" in w for w in plan.warnings)


def test_mobility_days():
    plan = plan_program(
        make_spec(days=5, goals=((Goal.MOBILITY, 4), (Goal.STRENGTH, 6)))
    )
    mob = [
        s
        for s in plan.microcycles[0].sessions
        if s.session_type == SessionType.MOBILITY
    ]
    assert len(mob) == 1
    assert mob[0].blocks == ("WARMUP", "MOBILITY", "COOLDOWN")
    plan = plan_program(
        make_spec(days=4, athlete={"prefer_dedicated_mobility_days": True})
    )
    assert any(
        s.session_type == SessionType.MOBILITY for s in plan.microcycles[0].sessions
    )


def test_accessory_xor_finisher_follows_goals():
    plan = plan_program(
        make_spec(days=4, goals=((Goal.HYPERTROPHY, 6), (Goal.FAT_LOSS, 4)))
    )
    lifting = [s for s in plan.microcycles[0].sessions if s.blocks[1:2] == ("MAIN",)]
    assert any("FINISHER" in s.blocks for s in lifting)
    for s in lifting:
        assert ("ACCESSORY" in s.blocks) != ("FINISHER" in s.blocks)
        assert (s.finisher_minutes > 0) == ("FINISHER" in s.blocks)
        assert s.finisher_minutes == 0 or 10 <= s.finisher_minutes <= 20
    plan = plan_program(make_spec(days=4))
    assert all("FINISHER" not in s.blocks for s in plan.microcycles[0].sessions)


def test_allocation_caps_and_redistribution():
    goals = (GoalWeight(Goal.MOBILITY, 5), GoalWeight(Goal.STRENGTH, 5))
    alloc, leftover = allocate_weekly_minutes(goals, 4, 60)
    by = {a.goal: a for a in alloc}
    assert by[Goal.MOBILITY].weekly_minutes == 72
    assert by[Goal.MOBILITY].capped
    assert by[Goal.STRENGTH].weekly_minutes == 168
    assert leftover == 0
    alloc, leftover = allocate_weekly_minutes((GoalWeight(Goal.ENDURANCE, 10),), 3, 60)
    assert alloc[0].weekly_minutes == 135
    assert alloc[0].capped
    assert leftover == 45
    assert all(a.rationale for a in alloc)
