"""Substitution: tiers (EQUIVALENT → same pattern → regressions), filters by
equipment, rules, level and spared muscles, scorer ranking (no DB)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from adaptation.engine import AlternativeKind, alternatives
from programs.generation.types import (
    AthleteProfile,
    ExperienceLevel,
    MovementRule,
    MovementRuleKind,
)

from .conftest import FULL_GYM, make_library, mid

ATHLETE = AthleteProfile(
    experience_level=ExperienceLevel.INTERMEDIATE, equipment=FULL_GYM
)


@pytest.fixture(scope="module")
def graph():
    lib = make_library()
    n = lambda name: mid(lib, name)  # noqa: E731
    return replace(
        lib,
        equivalents=((n("Barbell Back Squat"), n("Leg Press")),),
        progressions=(
            (n("Goblet Squat"), n("Barbell Back Squat")),
            (n("Bodyweight Squat"), n("Walking Lunge")),
            (n("Reverse Lunge"), n("Bodyweight Squat")),
        ),
    )


def test_equivalent_edges_come_first_then_same_pattern(graph):
    squat = mid(graph, "Barbell Back Squat")
    alts = alternatives(squat, library=graph, athlete=ATHLETE)
    assert alts[0].name == "Leg Press"
    assert alts[0].kind == AlternativeKind.EQUIVALENT
    assert [a.rank for a in alts] == list(range(1, len(alts) + 1))
    kinds = [a.kind for a in alts]
    assert kinds == sorted(kinds, key=[*AlternativeKind].index)
    same = [a for a in alts if a.kind == AlternativeKind.SAME_PATTERN]
    assert {a.name for a in same} >= {"Goblet Squat", "Kettlebell Front Squat"}
    # Within a tier, the planning scorer orders them.
    assert [a.score for a in same] == sorted((a.score for a in same), reverse=True)
    assert all(graph.movements[a.movement_id].pattern == "squat" for a in same)
    assert "quadriceps" in same[0].reason


def test_same_pattern_needs_an_overlapping_primary_muscle(graph):
    """Close-Grip Bench (triceps primary) is a horizontal push but not a chest
    press; Leg Extension trains quads but is not a squat."""
    bench = alternatives(
        mid(graph, "Barbell Bench Press"), library=graph, athlete=ATHLETE
    )
    assert "Close-Grip Bench Press" not in {a.name for a in bench}
    assert "Dumbbell Bench Press" in {a.name for a in bench}
    squat = alternatives(
        mid(graph, "Barbell Back Squat"), library=graph, athlete=ATHLETE
    )
    assert "Leg Extension" not in {a.name for a in squat}


def test_regressions_only_when_easier_and_nothing_harder(graph):
    lunge = mid(graph, "Walking Lunge")
    normal = alternatives(lunge, library=graph, athlete=ATHLETE, limit=50)
    assert "Bodyweight Squat" not in {a.name for a in normal}
    easier = alternatives(lunge, library=graph, athlete=ATHLETE, easier=True, limit=50)
    by_name = {a.name: a for a in easier}
    assert by_name["Bodyweight Squat"].kind == AlternativeKind.REGRESSION
    assert "progresses to Walking Lunge" in by_name["Bodyweight Squat"].reason
    # Two steps back along the PROGRESSION edges is still a regression; the kind
    # of a same-pattern regression is SAME_PATTERN (tier order of the issue).
    assert by_name["Reverse Lunge"].kind == AlternativeKind.SAME_PATTERN
    assert "Bulgarian Split Squat" in {a.name for a in normal}  # level 2
    assert "Bulgarian Split Squat" not in by_name  # harder than the level-1 lunge
    level = graph.movements[lunge].level
    assert all(graph.movements[a.movement_id].level <= level for a in easier)


def test_filters_equipment_rules_and_level(graph):
    squat = mid(graph, "Barbell Back Squat")
    home = replace(ATHLETE, equipment=frozenset({"dumbbell"}))
    alts = alternatives(squat, library=graph, athlete=home, limit=50)
    assert alts
    assert all(graph.movements[a.movement_id].equipment <= {"dumbbell"} for a in alts)
    never = replace(
        ATHLETE,
        movement_rules=(
            MovementRule(mid(graph, "Leg Press"), MovementRuleKind.HARD_NO),
        ),
    )
    assert "Leg Press" not in {
        a.name for a in alternatives(squat, library=graph, athlete=never, limit=50)
    }
    # Front squat is skill level 3: an intermediate (≤ 4) gets it, and a beginner
    # (≤ 3) too; Depth Jump (level 4) never shows up for a beginner.
    beginner = replace(ATHLETE, experience_level=ExperienceLevel.BEGINNER)
    box = mid(graph, "Box Jump")
    assert "Depth Jump" in {
        a.name for a in alternatives(box, library=graph, athlete=ATHLETE, limit=50)
    }
    assert "Depth Jump" not in {
        a.name for a in alternatives(box, library=graph, athlete=beginner, limit=50)
    }


def test_spared_muscles_are_never_a_primary_mover(graph):
    squat = mid(graph, "Barbell Back Squat")
    alts = alternatives(
        squat, library=graph, athlete=ATHLETE, spare=frozenset({"quadriceps"}),
        limit=50,
    )  # fmt: skip
    assert alts
    for a in alts:
        assert "quadriceps" not in graph.movements[a.movement_id].primary_muscles
        assert "quadriceps" in a.reason
    # The hinge family takes over, sharing the squat's glutes/hamstrings.
    assert {a.kind for a in alts} == {AlternativeKind.RELATED}
    assert alts[0].name in {"Romanian Deadlift", "Hip Thrust", "Good Morning",
                            "Dumbbell Romanian Deadlift", "Back Extension"}  # fmt: skip
    # Candidates that do not touch quads at all outrank those that use them as
    # a synergist.
    touches = [
        "quadriceps" in graph.movements[a.movement_id].secondary_muscles for a in alts
    ]
    assert touches == sorted(touches)


def test_sparing_reads_the_muscle_table_not_names():
    """Seeds P8: "Quad Sparing Squat" trains glutes (table) and is offered when
    quads must rest; "Glute Kickback Machine" trains quads (table) and is not."""
    rows = [
        ("Barbell Back Squat", "squat", "compound", "push", "barbell rack", 1, "ALL", "quadriceps", "glutes hamstrings", "", 0, 0),
        ("Quad Sparing Squat", "squat", "compound", "push", "barbell", 1, "ALL", "glutes", "hamstrings", "", 0, 0),
        ("Glute Kickback Machine", "squat", "compound", "push", "machine", 1, "ALL", "quadriceps", "", "", 0, 0),
        ("Hamstring Hinge", "hinge", "compound", "pull", "barbell", 1, "ALL", "hamstrings", "glutes", "", 0, 0),
    ]  # fmt: skip
    lib = make_library(rows)
    alts = alternatives(
        1, library=lib, athlete=ATHLETE, spare=frozenset({"quadriceps"})
    )
    names = [a.name for a in alts]
    assert "Quad Sparing Squat" in names
    assert "Glute Kickback Machine" not in names
    assert "Hamstring Hinge" in names


def test_exclude_and_unknown_movement(graph):
    squat = mid(graph, "Barbell Back Squat")
    leg_press = mid(graph, "Leg Press")
    alts = alternatives(
        squat, library=graph, athlete=ATHLETE, exclude=frozenset({leg_press})
    )
    assert leg_press not in {a.movement_id for a in alts}
    assert squat not in {a.movement_id for a in alts}
    with pytest.raises(ValueError, match="Unknown movement"):
        alternatives(99999, library=graph, athlete=ATHLETE)


def test_preferred_movement_is_marked_and_scored_higher(graph):
    squat = mid(graph, "Barbell Back Squat")
    goblet = mid(graph, "Goblet Squat")
    plain = {
        a.movement_id: a for a in alternatives(squat, library=graph, athlete=ATHLETE)
    }
    liked = replace(
        ATHLETE, movement_rules=(MovementRule(goblet, MovementRuleKind.PREFER),)
    )
    pref = {a.movement_id: a for a in alternatives(squat, library=graph, athlete=liked)}
    assert pref[goblet].score > plain[goblet].score
    assert "preferred" in pref[goblet].reason


def test_warmup_items_are_replaced_by_warmup_drills_only(graph):
    from programs.generation.types import ExerciseRole

    swings = mid(graph, "Leg Swings")
    alts = alternatives(
        swings, library=graph, athlete=ATHLETE, role=ExerciseRole.WARMUP
    )
    assert alts
    for a in alts:
        m = graph.movements[a.movement_id]
        assert "warmup_friendly" in m.tags or m.pattern == "cardio"


@pytest.mark.parametrize(
    "name", ["Barbell Back Squat", "Walking Lunge", "Barbell Bench Press", "Leg Swings"]
)
@pytest.mark.parametrize("spare", [frozenset(), frozenset({"quadriceps", "chest"})])
def test_indexing_only_the_candidates_changes_no_rank(graph, name, spare):
    """alternatives() indexes a subset of the library for speed; ranking over the
    whole library's index gives exactly the same list."""
    from adaptation.engine.substitution import library_index, rank_alternatives
    from programs.generation.types import ExerciseRole

    movement = graph.movements[mid(graph, name)]
    role = ExerciseRole.WARMUP if movement.pattern == "mobility" else ExerciseRole.MAIN
    for easier in (False, True):
        full = rank_alternatives(
            movement, library_index(graph, ATHLETE), graph, role=role, easier=easier,
            spare=spare, limit=100,
        )  # fmt: skip
        fast = alternatives(movement.id, library=graph, athlete=ATHLETE, role=role,
                            easier=easier, spare=spare, limit=100)  # fmt: skip
        assert fast == full
