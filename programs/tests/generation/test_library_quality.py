"""The shipped library's tiers as the engine reads them, and tier-aware selection
(issue 10). No database: the fixture is parsed as the snapshot reads the rows."""

from __future__ import annotations

import pytest

from programs.generation import generate_program
from programs.generation.library import build_index
from programs.generation.review import TIERS
from programs.generation.types import ExerciseRole, Goal, MovementRule, MovementRuleKind
from programs.generation.volume import LANDMARKS, MUSCLE_ROW

from .conftest import FULL_GYM, make_spec


def test_every_fixture_movement_has_a_tier(real_library):
    tiers = {m.tier for m in real_library.movements.values()}
    assert tiers == set(TIERS)


def test_every_staple_has_a_primary_muscle_in_a_landmark_group(real_library):
    for m in real_library.movements.values():
        if m.tier == "STAPLE":
            groups = {MUSCLE_ROW[p] for p in m.primary_muscles}
            assert groups & set(LANDMARKS), m.name


def _hard_picks(program, library):
    return [
        (e, library.movements[e.movement_id])
        for s in program.sessions
        for e in s.exercises
        if e.role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
    ]


@pytest.mark.parametrize("days", [2, 4])
def test_specialty_and_novelty_picks_say_why(real_library, days):
    spec = make_spec(
        ((Goal.HYPERTROPHY, 10),), days=days, minutes=60, weeks=8,
        experience="EXPERT", equipment=FULL_GYM,
    )  # fmt: skip
    program = generate_program(spec, real_library)
    picks = _hard_picks(program, real_library)
    share = sum(m.tier in ("STAPLE", "COMMON") for _, m in picks) / len(picks)
    assert share >= 0.9
    for e, m in picks:
        if m.tier in ("SPECIALTY", "NOVELTY"):
            assert any(n.startswith(m.tier.lower()) for n in e.rationale.notes)


def test_a_preferred_specialty_movement_competes_and_says_so(real_library):
    bent_press = next(
        m for m in real_library.movements.values() if m.name == "Bent Press"
    )
    rule = MovementRule(bent_press.id, MovementRuleKind.PREFER)
    spec = make_spec(
        equipment=FULL_GYM, experience="EXPERT", athlete={"movement_rules": (rule,)}
    )
    weights = {gw.goal: gw.weight for gw in spec.request.goals}
    facts = build_index(real_library, spec.athlete, weights).facts[bent_press.id]
    assert facts.tier_class == 0
    assert facts.tier_note == "novelty movement: you prefer it (your rule)"
    plain = build_index(real_library, make_spec(equipment=FULL_GYM).athlete, weights)
    assert plain.facts[bent_press.id].tier_class == 2


def test_specialty_kit_the_athlete_lists_sanctions_its_movements(real_library):
    sled_push = next(
        m for m in real_library.movements.values()
        if "sled" in m.equipment and m.tier == "SPECIALTY"
    )  # fmt: skip
    spec = make_spec(equipment=FULL_GYM | {"sled"})
    weights = {gw.goal: gw.weight for gw in spec.request.goals}
    facts = build_index(real_library, spec.athlete, weights).facts[sled_push.id]
    assert facts.tier_class == 0
    assert facts.tier_note == "specialty movement: uses your sled"
