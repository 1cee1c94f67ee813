"""Planner invariants a coach would sign (issue 10), as properties over goal mixes ×
levels × days × minutes × templates on the shipped library. Engine only, no
database; ``programs.generation.review`` does the reading, so the matrix command,
the coach's view and these tests agree on what each invariant means.

Enforced here, with the exceptions each allows:

* push_pull — an upper or full-body session that pushes also pulls, whatever its
  length, and an upper day with 2+ hard exercises (a full-body day with 3+) also
  pushes. Only a side the equipment and rules leave no movement for is excused;
  any other miss is reported, and its rationale says why (budget or volume).
* main_first — no accessory has more sets than a main lift of its session.
* volume_step — a mesocycle keeps its exercises and steps volume as planned.
* mev_floor — met when the budget can hold the floors, else explained.
* mobility_order — compound drills before isolation ones on mobility days.
* pattern_cap — at most two hard exercises of one compound pattern a day, unless
  the day's focus lists two compound patterns or fewer (push, pull, body-part).
* tiers — a SPECIALTY or NOVELTY pick says why (preferred, the athlete's kit, or
  nothing else fits).
* long sessions — a lifting session of 90+ minutes outside a deload week ends
  within ±5 % of its budget or says why it is shorter (mobility-only days are the
  known gap xfailed in test_athlete_constraints).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from programs.generation import generate_program
from programs.generation.balance import (
    patterns_at_cap,
)
from programs.generation.review import review_program
from programs.generation.splits import FOCI
from programs.generation.types import (
    ExerciseRole,
    ExperienceLevel,
    Goal,
    SplitTemplate,
)

from .conftest import make_spec
from .helpers import COMMERCIAL_GYM, MATRIX_DRAWS, is_lifting, matrix_case, planned

G = Goal


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(**MATRIX_DRAWS)
def test_generated_programs_keep_the_coaching_invariants(
    real_library, goals, experience, days, minutes, template, seed
):
    spec = make_spec(
        goals, weeks=8, days=days, minutes=minutes, seed=seed, equipment=COMMERCIAL_GYM,
        experience=experience, request={"split_template": template},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    assert not program.failures
    review = review_program(
        program, real_library, goals=dict(goals), experience=experience,
        budget_minutes=minutes,
    )  # fmt: skip
    for v in review.violations:
        if v.invariant == "push_pull":
            assert "(No p" in v.detail, v  # never silent: the session says why
        assert v.invariant not in ("main_first", "mobility_order", "pattern_cap"), v
    deloads = {mc.sequence_number for mc in program.plan.microcycles if mc.is_deload}
    for s in program.sessions:
        for e in s.exercises:
            m = real_library.movements[e.movement_id]
            if e.role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY) and m.tier in (
                "SPECIALTY",
                "NOVELTY",
            ):
                assert any(n.startswith(m.tier.lower()) for n in e.rationale.notes)
        lifting = is_lifting(planned(program, s))
        if lifting and minutes >= 90 and s.microcycle_sequence not in deloads:
            assert s.estimated_minutes <= minutes * 1.05 + 0.5
            if s.estimated_minutes < minutes * 0.95 - 0.5:
                assert any("Shorter than the budget" in r for r in s.rationale), (
                    s.rationale
                )


def test_long_sessions_past_the_volume_caps_fill_with_easy_zone2_cardio(library):
    spec = make_spec(((G.HYPERTROPHY, 10),), days=4, minutes=120)
    program = generate_program(spec, library)
    filled = 0
    for s in program.sessions:
        cool = [e for e in s.exercises if e.role == ExerciseRole.COOLDOWN]
        easy = [e for e in cool if (e.duration_seconds or 0) >= 300]
        if not easy:
            continue
        filled += 1
        (bout,) = easy
        assert bout is cool[0]  # it opens the cool-down, stretches follow
        assert library.movements[bout.movement_id].pattern == "cardio"
        assert bout.sets == 1
        assert 300 <= bout.duration_seconds <= 2700
        assert bout.target_rpe <= 5
        assert any("zone-2" in r for r in s.rationale)
        if not program.plan.microcycles[s.microcycle_sequence - 1].is_deload:
            # Within ±5 %, or (the bout is capped at 30 min) it says why not.
            assert abs(s.estimated_minutes - 120) <= 0.05 * 120 + 0.5 or any(
                "Shorter than the budget" in r for r in s.rationale
            ), s.rationale
    assert filled


def test_zone2_cardio_says_what_stopped_the_lifting(real_library):
    """A 2-day, 120-minute beginner hypertrophy week (matrix seed 25) stops
    adding sets because every lift is at a beginner's 3 sets and the day at its
    lifts, not because of the volume caps (chest 9 of a beginner's MRV 15.5):
    the zone-2 bout's rationale says so instead of blaming the caps."""
    spec = make_spec(
        ((G.HYPERTROPHY, 7), (G.ENDURANCE, 3)), weeks=8, days=2, minutes=120,
        seed=25, equipment=COMMERCIAL_GYM, experience=ExperienceLevel.BEGINNER,
        request={"split_template": SplitTemplate.UPPER_LOWER},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    notes = [r for s in program.sessions for r in s.rationale if "zone-2" in r]
    assert notes
    for note in notes:
        assert "volume caps" not in note or "reached for" in note, note
    assert any("the most sets its prescription allows (3)" in n for n in notes)


@pytest.mark.parametrize("days", [4, 5, 6])
@pytest.mark.parametrize("experience", list(ExperienceLevel))
def test_short_upper_lower_weeks_pull_at_least_0_8_per_push(
    real_library, experience, days
):
    """Short upper days hold one main lift: the week leans its mains and
    accessories towards pulling, so weekly pull:push stays in 0.8–2.0 (issue 10;
    before the lean, the intermediate 5-day case pushed 6 sets a week to 3 pulled:
    both upper A days led with the bench press). Not yet a property over every
    mix: the matrix still lists weeks at 0.7 (see program_matrix)."""
    goals = ((G.FAT_LOSS, 6), (G.HYPERTROPHY, 4))
    spec = make_spec(
        goals, weeks=8, days=days, minutes=30, seed=1, equipment=COMMERCIAL_GYM,
        experience=experience,
        request={"split_template": SplitTemplate.UPPER_LOWER},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    review = review_program(
        program, real_library, goals=dict(goals), experience=experience,
        budget_minutes=30,
    )  # fmt: skip
    assert review.sessions_checked["pull_push_ratio"]
    bent = [v for v in review.violations if v.invariant == "pull_push_ratio"]
    assert not bent, bent


@pytest.mark.parametrize("minutes", [30, 45])
@pytest.mark.parametrize(
    "template", [SplitTemplate.UPPER_LOWER, SplitTemplate.FULL_BODY]
)
@pytest.mark.parametrize(
    "goals",
    [((G.FAT_LOSS, 6), (G.HYPERTROPHY, 4)), ((G.HYPERTROPHY, 10),)],
    ids=["finisher-days", "hypertrophy"],
)
def test_short_upper_and_full_body_days_pull_whenever_they_push(
    real_library, goals, template, minutes
):
    """The coach's read (issue 10): a 30–45-minute upper or full-body day, with a
    finisher or without, never pushes without pulling; the side it lacks comes
    before finisher rounds and extra sets. Before: bench press + finisher on
    30-minute upper days, squat + press on 45-minute full-body days. (Strength
    days at 30–45 min, with 3-minute rests, can still hold a single press: the
    matrix reports them with the reason.)"""
    for days in (3, 4, 5):
        spec = make_spec(
            goals, weeks=8, days=days, minutes=minutes, seed=3, equipment=COMMERCIAL_GYM,
            experience=ExperienceLevel.INTERMEDIATE,
            request={"split_template": template},
        )  # fmt: skip
        program = generate_program(spec, real_library)
        review = review_program(
            program, real_library, goals=dict(goals),
            experience=ExperienceLevel.INTERMEDIATE, budget_minutes=minutes,
        )  # fmt: skip
        assert review.sessions_checked["push_pull"]
        bent = [v for v in review.violations if v.invariant == "push_pull"]
        assert not bent, (days, bent)


def test_short_sessions_keep_warm_up_and_cool_down_to_their_minimums(real_library):
    """A 30-minute lifting day warms up with the 5-minute general piece only (NSCA's
    minimum; the ramp sets are the specific warm-up, reference §9b) and cools down
    with two stretches of about a minute (ACSM, §2c) and a minute of walking per
    stretch, 4 min in all, so it holds two hard exercises (issue 10)."""
    spec = make_spec(
        ((G.HYPERTROPHY, 10),), weeks=8, days=4, minutes=30, seed=2, equipment=COMMERCIAL_GYM,
        request={"split_template": SplitTemplate.UPPER_LOWER},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    for s in program.sessions:
        if not is_lifting(planned(program, s)):
            continue
        assert s.time_breakdown.warmup <= 6
        assert s.time_breakdown.cooldown <= 4
        hard = [
            e
            for e in s.exercises
            if e.role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
        ]
        assert len(hard) >= 2, s


@pytest.mark.parametrize("minutes", [45, 75, 120])
@pytest.mark.parametrize(
    "goals",
    [
        ((G.HYPERTROPHY, 10),),
        ((G.STRENGTH, 6), (G.HYPERTROPHY, 4)),
        ((G.HYPERTROPHY, 6), (G.FAT_LOSS, 4)),
    ],
    ids=["hypertrophy", "strength-hypertrophy", "hypertrophy-fat-loss"],
)
def test_a_mesocycle_keeps_its_exercises_and_steps_volume_as_planned(
    real_library, goals, minutes
):
    """Issue 10: weekly hard sets of a group jumped 50–60 % between loading weeks
    (biceps 10 → 16) as the accessory rotation changed week to week. A lifting
    day now keeps its hard exercises across a mesocycle's loading weeks and its
    sets follow the planned volume step, so no group moves by more than 20 %
    (or one set) beyond the plan; the next mesocycle may rotate."""
    for days, experience in (
        (3, ExperienceLevel.BEGINNER),
        (5, ExperienceLevel.ADVANCED),
    ):
        spec = make_spec(
            goals, weeks=8, days=days, minutes=minutes, seed=4, equipment=COMMERCIAL_GYM,
            experience=experience,
        )  # fmt: skip
        program = generate_program(spec, real_library)
        review = review_program(
            program, real_library, goals=dict(goals), experience=experience,
            budget_minutes=minutes,
        )  # fmt: skip
        assert review.sessions_checked["volume_step"]
        bent = [v for v in review.violations if v.invariant == "volume_step"]
        assert not bent, (days, bent)
        hard: dict[tuple[int, int], list[int]] = {}
        for s in program.sessions:
            if not is_lifting(planned(program, s)):
                continue  # cardio, conditioning and mobility days vary by design
            hard[(s.microcycle_sequence, s.day_index)] = [
                e.movement_id
                for e in s.exercises
                if e.role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
            ]
        loading = [mc for mc in program.plan.microcycles if not mc.is_deload]
        kept = 0
        for prev, cur in zip(loading, loading[1:], strict=False):
            if cur.sequence_number != prev.sequence_number + 1:
                continue  # a deload sits between: a new mesocycle
            for day in {d for w, d in hard if w == cur.sequence_number}:
                before = hard.get((prev.sequence_number, day))
                if before is not None:
                    assert set(hard[(cur.sequence_number, day)]) <= set(before)
                    kept += 1
        assert kept


def test_hypertrophy_floors_are_met_when_time_allows_and_explained_when_not(
    real_library,
):
    """Issue 10, item 7: a hypertrophy-weighted program keeps chest, back,
    quadriceps and hamstrings at MEV when its budget can hold them; a week
    whose budget cannot (2 × 30 min hold fewer hard sets than the four floors
    add up to) reports the miss with that reason instead of hiding it."""
    goals = ((G.HYPERTROPHY, 10),)
    roomy = make_spec(
        goals, weeks=8, days=4, minutes=90, seed=5, equipment=COMMERCIAL_GYM,
        request={"split_template": SplitTemplate.FULL_BODY},
    )  # fmt: skip
    review = review_program(
        generate_program(roomy, real_library), real_library, goals=dict(goals),
        experience=ExperienceLevel.INTERMEDIATE, budget_minutes=90,
    )  # fmt: skip
    assert review.sessions_checked["mev_floor"]
    assert not [v for v in review.violations if v.invariant == "mev_floor"]

    tight = make_spec(
        goals, weeks=8, days=2, minutes=30, seed=5, equipment=COMMERCIAL_GYM
    )
    review = review_program(
        generate_program(tight, real_library), real_library, goals=dict(goals),
        experience=ExperienceLevel.INTERMEDIATE, budget_minutes=30,
    )  # fmt: skip
    misses = [v for v in review.violations if v.invariant == "mev_floor"]
    assert misses
    for v in misses:
        assert v.excepted, v
        assert "the budget holds" in v.detail, v


def test_the_pattern_cap_spares_foci_that_call_for_repeats():
    """Two hard exercises of one compound pattern fill the cap on a focus with three
    or more compound patterns; isolation work and two-pattern foci (a chest day
    presses three times by design) are not capped."""
    upper = FOCI["upper_b"].intent_tags
    presses = ["vertical_push", "horizontal_push", "horizontal_push", "vertical_pull"]
    assert patterns_at_cap(presses, upper) == {"horizontal_push"}
    assert not patterns_at_cap(presses[1:2] + presses[3:], upper)
    assert not patterns_at_cap(["isolation"] * 3, upper)
    assert not patterns_at_cap(["horizontal_push"] * 3, FOCI["chest"].intent_tags)
    assert patterns_at_cap(["squat", "squat"], FOCI["full_body_a"].intent_tags) == {
        "squat"
    }


@pytest.mark.parametrize(
    ("template", "days"),
    [
        (SplitTemplate.UPPER_LOWER, 4),
        (SplitTemplate.FULL_BODY, 3),
        (SplitTemplate.HYBRID, 5),
    ],
)
def test_long_days_cover_another_pattern_before_a_third_of_one(
    real_library, template, days
):
    """Issue 10: a coach saw Upper B = bench press + incline press + dumbbell press.
    Long hypertrophy upper, lower and full-body days hold at most two hard
    exercises of one compound pattern; the next slot goes to a pattern the day
    has not trained yet (or to isolation work)."""
    goals = ((G.HYPERTROPHY, 10),)
    spec = make_spec(
        goals, weeks=8, days=days, minutes=120, seed=6, equipment=COMMERCIAL_GYM,
        request={"split_template": template},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    review = review_program(
        program, real_library, goals=dict(goals),
        experience=ExperienceLevel.INTERMEDIATE, budget_minutes=120,
    )  # fmt: skip
    assert review.sessions_checked["pattern_cap"]
    bent = [v for v in review.violations if v.invariant == "pattern_cap"]
    assert not bent, bent


def test_a_floor_the_days_that_train_it_cannot_hold_is_explained(real_library):
    """Issue 10 (matrix seed 0, #79): five 30-minute upper/lower days. The two
    upper days hold 9 hard sets each, 18 a week, and chest 10 + back 10 need 20,
    so the chest stays at 9 whatever the selection, while the lower days'
    planned step lifts the week's total past the four floors' sum. The miss is
    reported with that reason; a floor those days could hold is not excused."""
    goals = ((G.HYPERTROPHY, 5), (G.MOBILITY, 5))
    _, review = matrix_case(
        real_library, goals, experience=ExperienceLevel.ADVANCED, days=5,
        minutes=30, template=SplitTemplate.UPPER_LOWER, seed=79,
    )  # fmt: skip
    misses = [
        v
        for v in review.violations
        if v.invariant == "mev_floor" and "the budget holds" not in v.detail
    ]
    assert misses  # weeks 2, 3, 6 and 7; week 1's total is short as well
    for v in misses:
        week = next(w for w in review.weeks if w.sequence == v.week)
        held = week.pair_sets["upper-body"]
        assert v.excepted, v
        assert f"the upper-body days hold {held} hard sets a week" in v.detail, v
        assert held < 20
        # The lower days can hold their floors, and do.
        assert v.detail.split()[0] in ("chest", "back"), v
