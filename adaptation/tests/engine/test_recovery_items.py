"""fit.recovery_items: the recovery/mobility session holds each movement once,
even when a movement sits in both the warm-up drill pool and the stretch pool
(no DB)."""

from __future__ import annotations

import itertools

import pytest

from adaptation.engine.fit import recovery_items, window
from adaptation.engine.substitution import drill_library, library_index
from adaptation.engine.work import total_seconds
from programs.generation.types import MovementLibrary

from .conftest import mid

#: A mobility drill tagged warmup_friendly and named a stretch: the planning
#: index files it under warm-up drills and under stretches alike.
BOTH = "World's Greatest Stretch"
STRETCHES = (
    "Standing Hamstring Stretch",
    "Couch Stretch",
    "Pigeon Stretch",
    "Doorway Chest Stretch",
    "Lat Stretch",
)


def small_index(lib, athlete, names):
    ids = {mid(lib, n) for n in names}
    sub = MovementLibrary({i: m for i, m in lib.movements.items() if i in ids})
    return library_index(drill_library(sub), athlete)


@pytest.fixture(scope="module")
def athlete(program_60):
    return program_60[0].athlete


@pytest.mark.parametrize(
    ("general", "muscles"),
    [
        # With a general piece: the two cool-down stretches are the quad and
        # chest ones, so the drill pool met BOTH as a drill and as a stretch.
        (("Brisk Walking",), frozenset({"quadriceps", "chest"})),
        # Without one: BOTH was the warm-up drill and a cool-down stretch too.
        ((), frozenset({"hamstrings"})),
    ],
)
def test_a_movement_in_both_pools_appears_once(lib, athlete, general, muscles):
    index = small_index(lib, athlete, (*general, BOTH, *STRETCHES))
    both = mid(lib, BOTH)
    assert both in {f.m.id for f in index.warmups}
    assert both in {f.m.id for f in index.stretches}
    uid = itertools.count(1)
    items = recovery_items(index, muscles, 30, lambda: next(uid))
    ids = [i.movement.id for i in items]
    assert len(ids) == len(set(ids)), [i.movement.name for i in items]
    assert both in ids
    # The small library cannot fill 30 min: every usable movement is in it once.
    assert set(ids) == set(index.facts)
    assert total_seconds(items) < window(30)[0]
