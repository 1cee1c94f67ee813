"""A hypertrophy mesocycle climbs week by week (issue 10, "programs a coach
would sign"; RP: a mesocycle starts near MEV and adds sets toward MRV,
reference §3).

A coach read "volume ×1 → ×1.1 → ×1.2" over weeks whose hard sets never
moved: the first week filled its time with every set its ranges and MRV
allowed, so the carried weeks had no room for the step. The first week now
holds the step back (:mod:`.holdback`) and the carried weeks round it over
the week (:func:`.carry.step_targets` with what earlier days owe), within
the review's 20 % bound.
"""

from __future__ import annotations

import pytest

from programs.generation.carry import step_targets
from programs.generation.types import ExperienceLevel, Goal, SplitTemplate

from .helpers import matrix_case

MAJOR = ("chest", "back", "quadriceps", "hamstrings")


def test_a_day_takes_the_step_sets_an_earlier_day_of_the_week_rounded_away():
    """Three days at 3.4 planned quadriceps sets: each alone holds 3 (9 for
    the week, planned 10.2); the second day takes the 0.4 the first owed."""
    assert step_targets([("quadriceps", 3.4)]) == [3]
    assert step_targets([("quadriceps", 3.4)], {"quadriceps": 0.4}) == [4]
    # Owed sets of another group leave this one alone.
    assert step_targets([("quadriceps", 3.4)], {"chest": 0.9}) == [3]


def test_owed_step_sets_never_pass_a_lifts_set_range():
    """A 5-set hypertrophy main lift (range 2–5) on a day the week still owes
    its group 0.6 sets stays at 5: the owed set goes to a lift with room, or
    nowhere (test_prescription_ranges_by_goal saw a main lift at 6)."""
    assert step_targets([("chest", 5.0)], {"chest": 0.6}, [5], [5]) == [5]
    assert step_targets(
        [("chest", 5.0), ("chest", 3.0)], {"chest": 0.6}, [5, 3], [5, 4]
    ) == [5, 4]


@pytest.mark.parametrize(
    ("experience", "days", "minutes", "template"),
    [
        # 3-day 45-min full body: chest 14, 14, 14 and quads 12, 12, 12.
        (ExperienceLevel.ADVANCED, 3, 45, SplitTemplate.FULL_BODY),
        # 4-day 60-min: chest 22, 22, 22 in the second mesocycle (MRV).
        (ExperienceLevel.INTERMEDIATE, 4, 60, None),
    ],
)
def test_every_major_group_climbs_through_each_hypertrophy_mesocycle(
    real_library, experience, days, minutes, template
):
    program, review = matrix_case(
        real_library, ((Goal.HYPERTROPHY, 10),), experience=experience,
        days=days, minutes=minutes, template=template, seed=0,
    )  # fmt: skip
    assert not program.failures
    assert review.ramps["checked"] == 2 * len(MAJOR)
    assert review.ramps["climbs"] == review.ramps["checked"]
    assert not review.ramps["starts_above_mav"]
    # Never a jump: each week within the planned step's 20 % (or one set).
    assert not [v for v in review.violations if v.invariant == "volume_step"]
    # Week to week the sets rise or hold, never fall, inside a mesocycle.
    loading = [w for w in review.weeks if not w.is_deload]
    for prev, cur in zip(loading, loading[1:], strict=False):
        if cur.sequence != prev.sequence + 1:
            continue
        for group in MAJOR:
            assert cur.sets.get(group, 0.0) >= prev.sets.get(group, 0.0)
