"""Venues (a pool, skates) are not gym kit: nobody is sent to swim or skate from a
gym session unless they list the venue or say they enjoy the activity."""

from __future__ import annotations

import pytest

from programs.generation import generate_program
from programs.generation.library import build_index
from programs.generation.types import Goal, SessionType

from .conftest import FULL_GYM, make_spec
from .helpers import sessions_of_type

GOALS = ((Goal.ENDURANCE, 5), (Goal.STRENGTH, 3), (Goal.MOBILITY, 2))
VENUE_MOVEMENTS = {"Swimming": "swimming", "Skating": "skating"}


def _index(library, **athlete):
    spec = make_spec(GOALS, equipment=FULL_GYM | {"ski_erg"}, athlete=athlete)
    return build_index(library, spec.athlete, dict(GOALS))


def _ids(library, name):
    return next(m.id for m in library.movements.values() if m.name == name)


@pytest.mark.parametrize("name", VENUE_MOVEMENTS)
def test_a_gym_athlete_is_never_sent_to_a_venue(real_library, name):
    """The endurance reading found "Swimming 8 × 60 s" as the finisher of a gym
    session after barbell lunges, and "Skating" as a general warm-up."""
    movement = real_library.movements[_ids(real_library, name)]
    assert movement.equipment & {"pool", "skates"}
    assert movement.id not in _index(real_library).facts


@pytest.mark.parametrize(("name", "activity"), VENUE_MOVEMENTS.items())
def test_enjoying_the_activity_means_having_the_venue(real_library, name, activity):
    index = _index(real_library, enjoyable_activities=(activity,))
    assert _ids(real_library, name) in index.facts
    other = next(n for n in VENUE_MOVEMENTS if n != name)
    assert _ids(real_library, other) not in index.facts


def test_listing_the_venue_makes_it_available(real_library):
    spec = make_spec(GOALS, equipment=FULL_GYM | {"pool"})
    index = build_index(real_library, spec.athlete, dict(GOALS))
    assert _ids(real_library, "Swimming") in index.facts


def test_a_swimmer_swims_on_cardio_days(real_library):
    spec = make_spec(
        GOALS,
        days=4,
        equipment=FULL_GYM,
        athlete={
            "enjoyable_activities": ("swimming",),
            "prefer_dedicated_cardio_days": True,
        },
    )
    prog = generate_program(spec, real_library)
    swim = _ids(real_library, "Swimming")
    cardio = sessions_of_type(prog, SessionType.CARDIO)
    assert cardio
    assert all(any(e.movement_id == swim for e in s.exercises) for s in cardio)
