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
from hypothesis import strategies as st

from movements.equipment import PRESET_EQUIPMENT
from movements.models import EquipmentPreset
from programs.generation import generate_program
from programs.generation.balance import (
    WeekFloors,
    floor_family,
    floor_leads,
    floor_pattern,
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
from programs.generation.volume import landmark

from .conftest import make_spec
from .helpers import is_lifting, planned

G = Goal
GOAL_MIXES = st.sampled_from(
    [
        ((G.STRENGTH, 10),),
        ((G.HYPERTROPHY, 10),),
        ((G.STRENGTH, 6), (G.HYPERTROPHY, 4)),
        ((G.HYPERTROPHY, 7), (G.ENDURANCE, 3)),
        ((G.HYPERTROPHY, 6), (G.FAT_LOSS, 4)),
        ((G.STRENGTH, 5), (G.HYPERTROPHY, 3), (G.MOBILITY, 2)),
        ((G.HYPERTROPHY, 5), (G.MOBILITY, 5)),
        ((G.STRENGTH, 4), (G.SKILL, 3), (G.HYPERTROPHY, 3)),
        ((G.ENDURANCE, 7), (G.STRENGTH, 3)),
    ]
)
GYM = frozenset(
    {"barbell", "rack", "bench", "dumbbell", "kettlebell", "ez_bar", "trap_bar",
     "cable", "machine", "smith_machine", "bands", "medicine_ball", "exercise_ball",
     "foam_roller", "pull_up_bar", "dip_station", "box", "rower", "bike", "treadmill",
     "ski_erg", "jump_rope", "plates", "landmine"}
)  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    goals=GOAL_MIXES,
    experience=st.sampled_from(list(ExperienceLevel)),
    days=st.integers(2, 7),
    minutes=st.sampled_from([30, 45, 60, 75, 90, 120]),
    template=st.sampled_from([None, *SplitTemplate]),
    seed=st.integers(0, 10_000),
)
def test_generated_programs_keep_the_coaching_invariants(
    real_library, goals, experience, days, minutes, template, seed
):
    spec = make_spec(
        goals, weeks=8, days=days, minutes=minutes, seed=seed, equipment=GYM,
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
        goals, weeks=8, days=days, minutes=30, seed=1, equipment=GYM,
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
            goals, weeks=8, days=days, minutes=minutes, seed=3, equipment=GYM,
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
        ((G.HYPERTROPHY, 10),), weeks=8, days=4, minutes=30, seed=2, equipment=GYM,
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
            goals, weeks=8, days=days, minutes=minutes, seed=4, equipment=GYM,
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
        goals, weeks=8, days=4, minutes=90, seed=5, equipment=GYM,
        request={"split_template": SplitTemplate.FULL_BODY},
    )  # fmt: skip
    review = review_program(
        generate_program(roomy, real_library), real_library, goals=dict(goals),
        experience=ExperienceLevel.INTERMEDIATE, budget_minutes=90,
    )  # fmt: skip
    assert review.sessions_checked["mev_floor"]
    assert not [v for v in review.violations if v.invariant == "mev_floor"]

    tight = make_spec(goals, weeks=8, days=2, minutes=30, seed=5, equipment=GYM)
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
        goals, weeks=8, days=days, minutes=120, seed=6, equipment=GYM,
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


COMMERCIAL_GYM = PRESET_EQUIPMENT[EquipmentPreset.COMMERCIAL_GYM]


@pytest.mark.parametrize(
    ("goals", "experience", "days", "minutes", "template", "seed", "checked"),
    [
        # A body-part week whose push day held three 3-set lifts: chest 3 < 7.
        (((G.HYPERTROPHY, 6), (G.FAT_LOSS, 4)), ExperienceLevel.BEGINNER, 3, 90,
         SplitTemplate.BODY_PART_SPLIT, 75, ("mev_floor", "frequency")),
        # Three 45-minute full-body days, one leading with a hinge: hamstrings
        # trained once a week and chest 6 < 10.
        (((G.HYPERTROPHY, 10),), ExperienceLevel.ADVANCED, 3, 45, None, 99,
         ("mev_floor", "frequency")),
        # 45-minute finisher days: Upper B led with the overhead press, so the
        # chest was pressed on Upper A only.
        (((G.HYPERTROPHY, 7), (G.ENDURANCE, 3)), ExperienceLevel.EXPERT, 4, 45,
         SplitTemplate.UPPER_LOWER, 26, ("frequency",)),
        # Three 30-minute lower days a week, hamstrings trained on one of them;
        # the third upper day's push was an overhead press: chest 7 < 10.
        (((G.HYPERTROPHY, 5), (G.MOBILITY, 5)), ExperienceLevel.EXPERT, 6, 30,
         SplitTemplate.UPPER_LOWER, 5, ("mev_floor", "frequency")),
        # 30-minute full-body days: the push a day lacked for the chest was a
        # close-grip bench press (triceps), so the chest was trained once.
        (((G.HYPERTROPHY, 10),), ExperienceLevel.INTERMEDIATE, 4, 30,
         SplitTemplate.FULL_BODY, 151, ("frequency",)),
        # The same 30-minute full-body week: its B days pressed only overhead,
        # so the chest was pressed on the two A days: chest 8 < 10. A B day
        # lacking its press while the chest is short presses on the bench.
        (((G.HYPERTROPHY, 10),), ExperienceLevel.INTERMEDIATE, 4, 30,
         SplitTemplate.FULL_BODY, 151, ("mev_floor",)),
        # Two 120-minute beginner finisher days held four 3-set lifts (a face
        # pull among them) and filled the rest with 31 min of zone-2 cardio:
        # chest 6 and back 6 < 7.
        (((G.HYPERTROPHY, 7), (G.ENDURANCE, 3)), ExperienceLevel.BEGINNER, 2, 120,
         SplitTemplate.UPPER_LOWER, 25, ("mev_floor",)),
        # One 120-minute full-body day a week: its rows were capped at two
        # (a row and a face pull) and the back took no isolation work: back
        # 6.5 < 10 while the chest had 12.
        (((G.HYPERTROPHY, 5), (G.MOBILITY, 5)), ExperienceLevel.ADVANCED, 2, 120,
         SplitTemplate.UPPER_LOWER, 162, ("mev_floor",)),
    ],
)  # fmt: skip
def test_floor_work_reaches_mev_twice_a_week_across_the_week(
    real_library, goals, experience, days, minutes, template, seed, checked
):
    """Issue 10 (matrix, commercial gym): a hypertrophy-weighted week with room
    for it keeps chest, back, quadriceps and hamstrings at MEV, each trained on
    two days. Extra work goes to the group furthest behind over the week so
    far (not the session alone): a fly when its presses are capped or the
    week's pull:push holds pressing back, a leg curl or RDL on a squat day when
    hamstrings were trained once; a day leads with the lift of a group trained
    on fewer days; the side a short day still lacks takes its pattern that
    trains the neediest group (a bench press, not another overhead press)."""
    spec = make_spec(
        goals, weeks=8, days=days, minutes=minutes, seed=seed,
        equipment=COMMERCIAL_GYM, experience=experience,
        request={"split_template": template},
    )  # fmt: skip
    review = review_program(
        generate_program(spec, real_library), real_library, goals=dict(goals),
        experience=experience, budget_minutes=minutes,
    )  # fmt: skip
    assert review.sessions_checked[checked[0]]
    misses = [v for v in review.violations if v.invariant in checked and not v.excepted]
    assert not misses, misses


def test_a_two_day_push_pull_week_fills_its_extra_lifts_for_the_floors(real_library):
    """Issue 10 (matrix, commercial gym): push (squat + press) and pull days of
    120 min; the push day's extra lifts went to lunges: chest 5, back 9.5,
    quadriceps 7.5 below MEV, with 24 hard sets a week. Its finisher days now
    take lifts for the groups short of MEV: back, quadriceps and hamstrings
    reach it; the chest gets at least 8 of its 10 (its pressing is held by the
    week's pull:push budget, weekly pull:push 0.8–2.0, reference §11)."""
    goals = ((G.HYPERTROPHY, 7), (G.ENDURANCE, 3))
    spec = make_spec(
        goals, weeks=8, days=2, minutes=120, seed=125,
        equipment=COMMERCIAL_GYM, experience=ExperienceLevel.EXPERT,
        request={"split_template": SplitTemplate.PUSH_PULL},
    )  # fmt: skip
    review = review_program(
        generate_program(spec, real_library), real_library, goals=dict(goals),
        experience=ExperienceLevel.EXPERT, budget_minutes=120,
    )  # fmt: skip
    loading = [w for w in review.weeks if not w.is_deload and w.lifting_days]
    assert loading
    for w in loading:
        for group in ("back", "quadriceps", "hamstrings"):
            assert w.sets.get(group, 0.0) >= landmark(group).mev, (w.sequence, group)
        assert w.sets.get("chest", 0.0) >= 8, w.sequence


def test_a_body_part_week_presses_the_chest_twice_and_reaches_its_mev(real_library):
    """Issue 10 (matrix seed 37, commercial gym): four 60-minute body-part
    finisher days. The chest day's second main lift was a military press and
    the shoulder day rowed three times: chest 8.5 < MEV 10, trained once a
    week. The chest day now presses twice (a second lift with the chest as a
    primary mover), and the shoulder day's extra lift may press on the bench
    for a chest short of MEV: chest at MEV and trained on two days, with the
    weekly pull:push within 0.8–2.0 (RP and Schoenfeld 2016, reference §3, §11)."""
    goals = ((G.HYPERTROPHY, 7), (G.ENDURANCE, 3))
    spec = make_spec(
        goals, weeks=8, days=4, minutes=60, seed=37,
        equipment=COMMERCIAL_GYM, experience=ExperienceLevel.EXPERT,
        request={"split_template": SplitTemplate.BODY_PART_SPLIT},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    review = review_program(
        program, real_library, goals=dict(goals),
        experience=ExperienceLevel.EXPERT, budget_minutes=60,
    )  # fmt: skip
    loading = [w for w in review.weeks if not w.is_deload and w.lifting_days]
    assert loading
    for w in loading:
        assert w.sets.get("chest", 0.0) >= landmark("chest").mev, w.sequence
        assert w.frequency.get("chest", 0) >= 2, w.sequence
        assert 0.8 <= w.pull_sets / w.push_sets <= 2.0, w.sequence
    for s in program.sessions:
        if planned(program, s).focus != "chest":
            continue
        mains = [e for e in s.exercises if e.role == ExerciseRole.MAIN][:2]
        moves = [real_library.movements[e.movement_id] for e in mains]
        assert [m.pattern for m in moves] == ["horizontal_push"] * 2, moves
        assert all("chest" in m.primary_muscles for m in moves), moves


def test_floor_family_widens_upper_patterns_only():
    """Issue 10: a finisher day's floor lifts may take another pattern of an
    upper family it trains (an incline press on the shoulder day), never one of
    a family it does not train, and never a second lower-body pattern."""
    shoulders = FOCI["shoulders"].intent_tags
    widened = floor_family(shoulders)
    assert widened[: len(shoulders)] == shoulders
    assert {"horizontal_push", "vertical_pull"} <= set(widened)
    assert floor_family(FOCI["legs_a"].intent_tags) == FOCI["legs_a"].intent_tags
    assert not set(floor_family(("vertical_push", "isolation"))) & {
        "horizontal_pull",
        "vertical_pull",
    }


def test_a_back_with_its_rows_capped_takes_an_isolation_slot_below_mev():
    """Issue 10: the one full-body day of a week held a row and a face pull (the
    pattern cap) and no back isolation, so the back stayed at 6.5 < MEV 10 while
    the chest had 12. A back whose listed patterns are only capped, below its
    MEV, takes the isolation slot (a straight-arm pulldown); not while the
    week's pull:push holds its rows back, nor once it reaches MEV."""
    tags = FOCI["full_body_a"].intent_tags
    mev = {"chest": 10.0, "back": 10.0, "quadriceps": 8.0, "hamstrings": 6.0}
    rows = {"chest": 12.0, "back": 4.5, "quadriceps": 10.0, "hamstrings": 9.5}
    week = WeekFloors(rows={}, days={}, mev=mev)
    hit = frozenset(mev)
    aimable = frozenset(mev)
    capped = frozenset({"horizontal_pull", "horizontal_push", "squat"})
    assert floor_pattern(tags, rows, capped, week, hit, aimable, capped) == (
        "isolation",
        "back",
    )
    # Held back by the week's pull:push (excluded, not capped): no back work.
    assert floor_pattern(tags, rows, capped, week, hit, aimable)[1] != "back"
    met = {**rows, "back": 10.0}
    assert floor_pattern(tags, met, capped, week, hit, aimable, capped) != (
        "isolation",
        "back",
    )


def test_a_day_leads_with_the_lift_of_a_group_trained_on_fewer_days():
    """Issue 10: a second upper day led with the overhead press although the
    chest had been pressed once that week; a lower day led with a lunge while
    the hamstrings had not been trained. Same side (or lower body) only, so the
    day still pushes and pulls."""
    mev = {"chest": 10.0, "back": 10.0, "quadriceps": 8.0, "hamstrings": 6.0}
    week = WeekFloors(
        rows={"chest": 5.0, "back": 10.0, "quadriceps": 4.0},
        days={"chest": 1, "back": 2, "quadriceps": 1},
        mev=mev,
    )
    upper = ["vertical_push", "vertical_pull", "horizontal_push", "horizontal_pull"]
    assert floor_leads(upper, 2, week)[:2] == ["horizontal_push", "vertical_pull"]
    lower = ["lunge", "horizontal_push", "vertical_pull", "hinge"]
    assert floor_leads(lower, 1, week)[0] == "hinge"
    assert floor_leads(upper, 2, None) == upper
    trained = WeekFloors(rows=dict(mev), days=dict.fromkeys(mev, 2), mev=mev)
    assert floor_leads(upper, 2, trained) == upper
