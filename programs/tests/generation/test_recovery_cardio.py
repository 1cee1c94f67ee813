"""A lifter's cardio day is recovery, not a second stimulus (reference §8).

Read as a coach: a hypertrophy-only, 6-day, 90-minute program turned one day into
cardio (seeds 003 s16, overtraining risk) and prescribed a 79-minute treadmill
run. The day is now easy, low-impact first, at most 45 minutes, then a mobility
flow in the cool-down fills the day and the rationale says why; programs with an
aerobic goal still spend the day on cardio."""

from __future__ import annotations

import pytest

from programs.generation import enjoyed_activity, generate_program
from programs.generation.daytypes import RECOVERY_FLOW_DRILLS
from programs.generation.finegrowth import ZONE2_MAX_SECONDS
from programs.generation.types import ExperienceLevel, Goal, SessionType

from .conftest import make_spec
from .helpers import sessions_of_type


def _cardio_days(library, goals, *, athlete=None):
    spec = make_spec(
        goals,
        days=6,
        minutes=90,
        experience=ExperienceLevel.ADVANCED,
        athlete=athlete or {},
    )
    prog = generate_program(spec, library)
    days = sessions_of_type(prog, SessionType.CARDIO)
    assert days, "the planner made no cardio day"
    return prog, days


@pytest.mark.parametrize(
    "goals",
    [((Goal.HYPERTROPHY, 10),), ((Goal.STRENGTH, 6), (Goal.HYPERTROPHY, 4))],
)
def test_a_lifters_cardio_day_is_easy_capped_and_filled_with_mobility(goals, library):
    _, days = _cardio_days(library, goals)
    for s in days:
        main = [e for e in s.exercises if e.role == "MAIN"]
        assert len(main) == 1, s
        assert main[0].sets == 1  # steady state, never intervals
        # 90 min: the flow fills what 45 min of cardio leaves.
        assert main[0].duration_seconds <= ZONE2_MAX_SECONDS
        assert "low_impact" in library.movements[main[0].movement_id].tags
        assert any("recovery day for a lifter" in r for r in s.rationale), s
        # The flow's drills rest 15 s between rounds; closing stretches do not.
        flow = [e for e in s.exercises if e.role == "COOLDOWN" and e.rest_seconds]
        assert 0 < len(flow) <= RECOVERY_FLOW_DRILLS, s
        assert all(library.movements[e.movement_id].pattern == "mobility" for e in flow)
        assert s.estimated_minutes >= 90 * 0.95 - 0.5, s


def test_an_enjoyed_run_stays_a_run_but_short(real_library):
    library = real_library
    _, days = _cardio_days(
        library,
        ((Goal.HYPERTROPHY, 10),),
        athlete={"enjoyable_activities": ("running",)},
    )
    for s in days:
        (main,) = [e for e in s.exercises if e.role == "MAIN"]
        m = library.movements[main.movement_id]
        assert enjoyed_activity(m.name, m.slug, m.tags, ("running",)) == "running"
        assert main.duration_seconds <= ZONE2_MAX_SECONDS


def test_an_endurance_athletes_cardio_day_is_all_cardio(library):
    _, days = _cardio_days(library, ((Goal.ENDURANCE, 7), (Goal.HYPERTROPHY, 3)))
    for s in days:
        assert s.estimated_minutes >= 90 * 0.95 - 0.5, s
        assert not any("recovery day" in r for r in s.rationale)
        (main,) = [e for e in s.exercises if e.role == "MAIN"]
        assert (
            main.sets * (main.duration_seconds + main.rest_seconds) > ZONE2_MAX_SECONDS
        )
