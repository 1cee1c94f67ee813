"""An early deload the athlete accepted (issue 9 deload-now): the spec's
``extra_deloads`` make those microcycles deload in the plan and in generation."""

from __future__ import annotations

from dataclasses import replace

from programs.generation import iter_generate_sessions, plan_program
from programs.generation.types import GeneratedSession

from .conftest import make_spec


def test_an_extra_deload_is_planned_as_a_deload_and_starts_a_new_mesocycle():
    spec = replace(make_spec(weeks=8), extra_deloads=frozenset({2}))
    plan = plan_program(spec)
    assert [m.sequence_number for m in plan.microcycles if m.is_deload] == [2, 4, 8]
    week2 = plan.microcycles[1]
    assert week2.rpe_offset == -2
    assert 0.5 <= week2.volume_multiplier <= 0.6
    assert any("Deload week" in reason for s in week2.sessions for reason in s.reasons)


def test_an_extra_deload_generates_fewer_sets_than_the_same_week_loading(library):
    base = make_spec(weeks=8)
    early = replace(base, extra_deloads=frozenset({2}))

    def week2_sets(spec) -> int:
        plan = plan_program(spec)
        return sum(
            ex.sets
            for item in iter_generate_sessions(spec, plan, library)
            if isinstance(item, GeneratedSession) and item.microcycle_sequence == 2
            for ex in item.exercises
            if ex.role.value in ("MAIN", "ACCESSORY")
        )

    assert week2_sets(early) < week2_sets(base)
