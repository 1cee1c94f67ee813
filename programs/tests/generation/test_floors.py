"""Hypertrophy floors across the week (issue 10): chest, back, quadriceps and
hamstrings at RP's MEV in loading weeks and each trained on two days, on matrix
programs (commercial gym; the matrix's draws are reproducible by seed), and the
pure rules that steer extra work to them (:mod:`programs.generation.balance`).
Split from ``test_invariants`` (same fixtures and review)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from programs.generation import generate_program
from programs.generation.balance import (
    FAMILIES,
    WeekFloors,
    floor_family,
    floor_leads,
    floor_pattern,
    planned_groups,
)
from programs.generation.splits import FOCI
from programs.generation.types import (
    ExerciseRole,
    ExperienceLevel,
    Goal,
    SplitTemplate,
)
from programs.generation.volume import landmark, rows_of

from .conftest import make_spec
from .helpers import COMMERCIAL_GYM, matrix_case, planned

G = Goal


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
        # Four 60-minute body-part finisher days: the legs day, in its window
        # with four lifts, left hamstrings 5.5 < 6; it now takes a fifth lift
        # for them, its cardio finisher giving up a round.
        (((G.HYPERTROPHY, 7), (G.ENDURANCE, 3)), ExperienceLevel.EXPERT, 4, 60,
         SplitTemplate.BODY_PART_SPLIT, 37, ("mev_floor",)),
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
        # Short days of a second goal's finishers (matrix seeds 17, 200, 133,
        # 72): 10-minute finishers on two of three 30-minute full-body days
        # left room for a lower-body lift and a pull only (chest and
        # hamstrings once); a 30-minute hybrid week's lower B held its lunge
        # alone and its upper B pressed overhead; 18-minute finishers on three
        # 45-minute full-body days left the hamstrings one hinge.
        (((G.HYPERTROPHY, 7), (G.ENDURANCE, 3)), ExperienceLevel.ADVANCED, 3, 30,
         SplitTemplate.FULL_BODY, 17, ("frequency", "mev_floor")),
        (((G.HYPERTROPHY, 7), (G.ENDURANCE, 3)), ExperienceLevel.ADVANCED, 4, 30,
         SplitTemplate.HYBRID, 200, ("frequency",)),
        (((G.HYPERTROPHY, 7), (G.ENDURANCE, 3)), ExperienceLevel.INTERMEDIATE, 4,
         30, SplitTemplate.FULL_BODY, 133, ("frequency",)),
        (((G.HYPERTROPHY, 6), (G.FAT_LOSS, 4)), ExperienceLevel.ADVANCED, 3, 45,
         SplitTemplate.FULL_BODY, 72, ("frequency", "mev_floor")),
        # Two 75-minute beginner push/pull days (matrix seed 1): the pull day
        # was held to its first pass's pulling, so the re-built push day
        # pressed little: chest 5–6 < 7. The re-build gives both days back a
        # lift's sets while the week stays in 0.8–2.0.
        # Bench and dip then fill the push day's two horizontal presses (the
        # pattern cap), and its next push went to the week's pull:push lean,
        # read when the day had pressed once, as an overhead press: chest 6 <
        # 7. The lean is read as the day stands, the chest's fly comes first.
        (((G.HYPERTROPHY, 6), (G.FAT_LOSS, 4)), ExperienceLevel.BEGINNER, 2, 75,
         SplitTemplate.PUSH_PULL, 9, ("mev_floor",)),
        # Four 30-minute body-part days (matrix seed 1): the one legs day
        # reached its window at 29 min with quadriceps 7 < MEV 8; the week's
        # last day for the quadriceps adds a set of lunges that fits +5 %.
        (((G.HYPERTROPHY, 10),), ExperienceLevel.EXPERT, 4, 30,
         SplitTemplate.BODY_PART_SPLIT, 148, ("mev_floor",)),
        # Six 45-minute body-part finisher days (matrix seed 1): the one legs
        # day held three lifts and a 4-round finisher: quadriceps 6 < 8,
        # hamstrings 4.5 < 6. Its finisher gives up rounds (to 2) for the
        # sets that reach MEV.
        (((G.HYPERTROPHY, 6), (G.FAT_LOSS, 4)), ExperienceLevel.ADVANCED, 6, 45,
         SplitTemplate.BODY_PART_SPLIT, 34, ("mev_floor",)),
        # Two 60-minute body-part days: floor sets for the chest on the upper
        # day stop where they would tip the week's pull:push (6:10 before).
        (((G.HYPERTROPHY, 7), (G.ENDURANCE, 3)), ExperienceLevel.INTERMEDIATE, 2,
         60, SplitTemplate.BODY_PART_SPLIT, 234, ("pull_push_ratio",)),
        # Six 30-minute body-part days with fat-loss finishers (matrix seed
        # 1): the chest day (incline press, fly) and the arms day's dip left
        # the chest at 8 < 10, each day 135 s short of a set with its
        # finisher at two rounds. A generated finisher gives up a movement
        # (never below two) for floor sets, and the chest day keeps its set
        # short of MEV while the arms day still plans a press: chest 10.
        (((G.HYPERTROPHY, 6), (G.FAT_LOSS, 4)), ExperienceLevel.EXPERT, 6, 30,
         SplitTemplate.BODY_PART_SPLIT, 147, ("mev_floor",)),
        # Three 30-minute full-body days lift the legs three times (squat,
        # hinge, lunge) for the four days quadriceps and hamstrings need: one
        # lift trains both (a trap-bar deadlift).
        (((G.HYPERTROPHY, 10),), ExperienceLevel.ADVANCED, 3, 30,
         SplitTemplate.FULL_BODY, 17, ("frequency",)),
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
    _, review = matrix_case(
        real_library, goals, experience=experience, days=days, minutes=minutes,
        template=template, seed=seed,
    )  # fmt: skip
    assert review.sessions_checked[checked[0]]
    misses = [v for v in review.violations if v.invariant in checked and not v.excepted]
    assert not misses, misses


def test_a_two_day_push_pull_week_fills_its_extra_lifts_for_the_floors(real_library):
    """Issue 10 (matrix, commercial gym): push (squat + press) and pull days of
    120 min; the push day's extra lifts went to lunges: chest 5, back 9.5,
    quadriceps 7.5 below MEV, with 24 hard sets a week. Its finisher days now
    take lifts for the groups short of MEV: back, quadriceps and hamstrings
    reach it, with one variant of a lift a session (:mod:`.families`). The
    chest stayed at 8: the week's
    pull:push budget held the push day to 5 pressing sets, and it spent 2 of
    them on an overhead press. A day whose side the budget holds presses for
    the chest first (a bench press and a dip), so the chest reaches MEV too,
    with the weekly pull:push within 0.8–2.0 (RP, reference §3, §11). The
    push day's next lift then went to the week's lean as read after its first
    press (a machine shoulder press: chest 7): the lean is read as the day
    stands, never for a pattern at its cap, so it is a chest fly."""
    goals = ((G.HYPERTROPHY, 7), (G.ENDURANCE, 3))
    _, review = matrix_case(
        real_library, goals, experience=ExperienceLevel.EXPERT, days=2, minutes=120,
        template=SplitTemplate.PUSH_PULL, seed=125,
    )  # fmt: skip
    loading = [w for w in review.weeks if not w.is_deload and w.lifting_days]
    assert loading
    for w in loading:
        for group in ("back", "quadriceps", "hamstrings"):
            assert w.sets.get(group, 0.0) >= landmark(group).mev, (w.sequence, group)
        assert w.sets.get("chest", 0.0) >= landmark("chest").mev, w.sequence
        assert 0.8 <= w.pull_sets / w.push_sets <= 2.0, w.sequence


def test_a_short_upper_lower_week_rows_and_presses_back_to_mev(real_library):
    """Issue 10 (matrix seed 131, commercial gym): four 30-minute days for an
    advanced hypertrophy-only athlete. The first pass pulled 8 to 11 pressed,
    so the re-build cut the upper days' pressing and left them short of their
    window with nothing added: chest 8 and back 9.5 < MEV 10. The day the
    budget holds takes a row for the back (one accessory beyond the time
    rule), and a week left with headroom in 0.8–2.0 presses again: chest and
    back at MEV every loading week (RP, Schoenfeld 2016; reference §3, §11)."""
    goals = ((G.HYPERTROPHY, 10),)
    _, review = matrix_case(
        real_library, goals, experience=ExperienceLevel.ADVANCED, days=4, minutes=30,
        template=None, seed=131,
    )  # fmt: skip
    loading = [w for w in review.weeks if not w.is_deload and w.lifting_days]
    assert loading
    for w in loading:
        for group in ("chest", "back"):
            assert w.sets.get(group, 0.0) >= landmark(group).mev, (w.sequence, group)
        assert 0.8 <= w.pull_sets / w.push_sets <= 2.0, w.sequence
    assert not [v for v in review.violations if not v.excepted]


def test_a_floor_set_at_the_top_of_the_window_keeps_next_weeks_step(real_library):
    """Issue 10 (matrix seed 1, commercial gym): three 30-minute full-body
    days; the last back day stopped at its window's floor with back 9.5 < MEV
    10. It now adds a chin-up set (32 of 30 min, inside +5 %). The next week,
    carried with the planned step, ran over and cut the lunge (its main lift)
    first, which capped both accessories at its sets: chest 8 → 7, a 12 %
    drop where 10 % more was planned. A carried day cuts an accessory before
    a main lift that would leave one above it, the side the week holds more
    of first: back at MEV in the first week, and every step within 20 %."""
    goals = ((G.HYPERTROPHY, 7), (G.ENDURANCE, 3))
    _, review = matrix_case(
        real_library, goals, experience=ExperienceLevel.INTERMEDIATE, days=3,
        minutes=30, template=SplitTemplate.FULL_BODY, seed=186,
    )  # fmt: skip
    assert review.weeks[0].sets.get("back", 0.0) >= landmark("back").mev
    assert review.sessions_checked["volume_step"]
    steps = [v for v in review.violations if v.invariant == "volume_step"]
    assert not steps, steps


def test_a_body_part_week_presses_the_chest_twice_and_reaches_its_mev(real_library):
    """Issue 10 (matrix seed 37, commercial gym): four 60-minute body-part
    finisher days. The chest day's second main lift was a military press and
    the shoulder day rowed three times: chest 8.5 < MEV 10, trained once a
    week. The chest day now presses twice (a second lift with the chest as a
    primary mover), and the shoulder day's extra lift may press on the bench
    for a chest short of MEV: chest at MEV and trained on two days, with the
    weekly pull:push within 0.8–2.0 (RP and Schoenfeld 2016, reference §3, §11)."""
    goals = ((G.HYPERTROPHY, 7), (G.ENDURANCE, 3))
    program, review = matrix_case(
        real_library, goals, experience=ExperienceLevel.EXPERT, days=4, minutes=60,
        template=SplitTemplate.BODY_PART_SPLIT, seed=37,
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


PATTERNS = st.sampled_from(
    ["squat", "hinge", "lunge", "horizontal_push", "vertical_push",
     "horizontal_pull", "vertical_pull", "isolation", "core", "carry"]
)  # fmt: skip


@given(tags=st.lists(PATTERNS, max_size=6).map(tuple))
def test_floor_family_only_adds_siblings_of_trained_upper_families(tags):
    """Property (issue 10): a finisher day's floor patterns keep its own, in
    order, and add only patterns of a push or pull family it already trains,
    each once — never a lower-body pattern or the other side."""
    widened = floor_family(tags)
    assert widened[: len(tags)] == tags
    added = widened[len(tags) :]
    assert len(set(added)) == len(added)
    assert not set(added) & set(tags)
    for p in added:
        family = next(f for f in FAMILIES[:2] if p in f)
        assert family & set(tags)


def test_a_floor_press_for_the_chest_has_it_as_a_primary_mover(real_library):
    """Issue 10 (matrix seed 131, commercial gym, four 30-minute upper/lower
    days): the accessory an upper day took for a chest short of MEV was a
    close-grip bench press (triceps), so the chest got half credit: 7 < 10. A
    compound floor lift has its group as a primary mover (a dip or a bench
    press), as the side a day lacks already did (RP chest, reference §3, §11)."""
    goals = ((G.HYPERTROPHY, 10),)
    spec = make_spec(
        goals, weeks=8, days=4, minutes=30, seed=131,
        equipment=COMMERCIAL_GYM, experience=ExperienceLevel.ADVANCED,
    )  # fmt: skip
    program = generate_program(spec, real_library)
    presses = [
        real_library.movements[e.movement_id]
        for s in program.sessions
        if planned(program, s).focus.startswith("upper")
        for e in s.exercises
        if e.role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
        and real_library.movements[e.movement_id].pattern == "horizontal_push"
    ]
    assert presses
    assert all("chest" in m.primary_muscles for m in presses), presses


def test_a_short_full_body_week_leads_one_day_with_a_lift_for_both_legs(
    real_library,
):
    """Issue 10: three 30-minute full-body days lift the legs once a day, three
    lifts for the four days quadriceps and hamstrings need. The first day leads
    with a lift training both as primary movers and its rationale says why."""
    goals = ((G.HYPERTROPHY, 10),)
    spec = make_spec(
        goals, weeks=8, days=3, minutes=30, seed=17, equipment=COMMERCIAL_GYM,
        experience=ExperienceLevel.ADVANCED,
        request={"split_template": SplitTemplate.FULL_BODY},
    )  # fmt: skip
    program = generate_program(spec, real_library)
    first = program.sessions[0]
    lead = next(e for e in first.exercises if e.role == ExerciseRole.MAIN)
    primary = set(real_library.movements[lead.movement_id].primary_muscles)
    assert {"quadriceps", "hamstrings"} <= primary
    assert any("one lift trains both" in r for r in first.rationale)


def test_a_later_arms_day_plans_the_chest_it_presses():
    """Issue 10: a body-part week's arms day lists a horizontal press first
    (a dip), so an earlier chest day counts it as planned chest work and
    keeps floor sets short of MEV (:func:`.balance.planned_groups`); Upper B
    plans chest and back; a lower day plans no chest."""

    def plans(focus: str) -> frozenset[str]:
        f = FOCI[focus]
        return planned_groups(f.intent_tags, rows_of(f.target_muscles))

    assert "chest" in plans("arms")
    assert {"chest", "back"} <= plans("upper_b")
    assert "chest" not in plans("lower_a")


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_full_body_week_of_an_hour_keeps_its_squat_and_its_hinge(real_library, seed):
    """A coach's read of a beginner's 3-day, 60-minute full-body program: main
    lifts trap-bar deadlift, deadlift and walking lunge, and no squat all week
    (the trap-bar deadlift led day A to train quadriceps and hamstrings in one
    lift). From 60 minutes the day's accessories have room for the other
    group, so day A squats and day B hinges; the legs still get their two
    days a week."""
    goals = ((G.HYPERTROPHY, 6), (G.STRENGTH, 4))
    program, review = matrix_case(
        real_library, goals, experience=ExperienceLevel.BEGINNER, days=3,
        minutes=60, template=SplitTemplate.FULL_BODY, seed=seed,
    )  # fmt: skip
    for week in {s.microcycle_sequence for s in program.sessions}:
        mains = {
            real_library.movements[e.movement_id].pattern
            for s in program.sessions
            if s.microcycle_sequence == week
            for e in s.exercises
            if e.role == ExerciseRole.MAIN
        }
        assert {"squat", "hinge"} <= mains, (week, mains)
    misses = [v for v in review.violations if v.invariant == "frequency"]
    assert not [v for v in misses if not v.excepted], misses
