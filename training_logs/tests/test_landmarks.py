"""Weekly sets against RP landmarks (no DB)."""

from __future__ import annotations

import pytest

from training_logs import landmarks as lm

BY_GROUP = {landmark.group: landmark for landmark in lm.LANDMARKS}


@pytest.mark.parametrize(
    ("sets", "zone"),
    [
        (0, lm.BELOW_MEV),
        (9.5, lm.BELOW_MEV),
        (10, lm.MEV_TO_MAV),
        (12, lm.MAV),
        (20, lm.MAV),
        (21, lm.MAV_TO_MRV),
        (22, lm.MAV_TO_MRV),
        (22.5, lm.ABOVE_MRV),
    ],
)
def test_chest_zones_follow_the_rp_2017_numbers(sets, zone):
    assert lm.zone(sets, BY_GROUP["chest"]) == zone


def test_a_row_is_one_back_set_not_one_and_a_half():
    totals = lm.group_sets([(3, ["middle_back"], ["lats", "biceps"])])
    assert totals["back"] == 3
    assert totals["biceps"] == 1.5


def test_every_library_muscle_is_tracked_or_listed_untracked():
    library = {
        "abdominals", "abductors", "adductors", "biceps", "calves", "chest",
        "forearms", "glutes", "hamstrings", "lats", "lower_back", "middle_back",
        "neck", "quadriceps", "shoulders", "traps", "triceps",
    }  # fmt: skip
    tracked = {m for landmark in lm.LANDMARKS for m in landmark.muscles}
    assert tracked | set(lm.UNTRACKED_MUSCLES) == library
    assert not tracked & set(lm.UNTRACKED_MUSCLES)


def test_landmarks_are_ordered():
    for landmark in lm.LANDMARKS:
        assert landmark.mv <= landmark.mev <= landmark.mav_low <= landmark.mav_high
        assert landmark.mav_high <= landmark.mrv
