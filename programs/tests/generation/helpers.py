"""Shared checks for generated programs (used by several test modules)."""

from __future__ import annotations

from hypothesis import strategies as st

from movements.equipment import PRESET_EQUIPMENT
from movements.models import EquipmentPreset
from programs.generation import generate_program
from programs.generation.review import ProgramReview, review_program
from programs.generation.types import (
    ExerciseRole,
    ExperienceLevel,
    GeneratedProgram,
    GeneratedSession,
    Goal,
    MovementLibrary,
    PlannedSession,
    SessionType,
    SplitTemplate,
)
from programs.generation.volume import add_sets, set_credit

from .conftest import make_spec

HARD_ROLES = (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)


def planned(program: GeneratedProgram, session: GeneratedSession) -> PlannedSession:
    """The PlannedSession a GeneratedSession fills."""
    mc = program.plan.microcycles[session.microcycle_sequence - 1]
    return mc.sessions[session.day_index]


def sessions_of_type(
    program: GeneratedProgram, kind: SessionType
) -> list[GeneratedSession]:
    """The program's sessions whose planned type is ``kind``."""
    return [s for s in program.sessions if planned(program, s).session_type == kind]


def is_lifting(p: PlannedSession) -> bool:
    return p.blocks[1:2] == ("MAIN",)


def hard_sets(
    session: GeneratedSession, library: MovementLibrary, planned_session
) -> dict[str, float]:
    """Fractional hard sets per volume row (MAIN/ACCESSORY of lifting days)."""
    totals: dict[str, float] = {}
    if not is_lifting(planned_session):
        return totals
    for e in session.exercises:
        if e.role in HARD_ROLES:
            add_sets(totals, set_credit(library.movements[e.movement_id]), e.sets)
    return totals


def check_anatomy(program: GeneratedProgram) -> None:
    """Seeds 003 s16: warm-up first, cool-down last, accessory XOR finisher on
    lifting days, single middle block on cardio/conditioning/mobility days."""
    for s in program.sessions:
        p = planned(program, s)
        roles = [e.role for e in s.exercises]
        assert roles[0] == ExerciseRole.WARMUP, roles
        assert roles[-1] == ExerciseRole.COOLDOWN, roles
        first_cool = roles.index(ExerciseRole.COOLDOWN)
        assert all(r == ExerciseRole.COOLDOWN for r in roles[first_cool:])
        last_warm = max(i for i, r in enumerate(roles) if r == ExerciseRole.WARMUP)
        assert all(r == ExerciseRole.WARMUP for r in roles[: last_warm + 1])
        middle = set(roles[last_warm + 1 : first_cool])
        assert not {ExerciseRole.ACCESSORY, ExerciseRole.FINISHER} <= middle
        if is_lifting(p):
            assert ExerciseRole.MAIN in middle
            assert middle <= {
                ExerciseRole.MAIN,
                ExerciseRole.SKILL,
                ExerciseRole.ACCESSORY,
                ExerciseRole.FINISHER,
            }
            if "FINISHER" in p.blocks:
                assert ExerciseRole.ACCESSORY not in middle
            else:
                assert ExerciseRole.FINISHER not in middle
        else:
            assert p.session_type in (
                SessionType.CARDIO,
                SessionType.CONDITIONING,
                SessionType.MOBILITY,
            )
            assert len(p.blocks) == 3
            assert middle == {ExerciseRole.MAIN}
        if p.session_type == SessionType.CONDITIONING:
            circuit = [e for e in s.exercises if e.role == ExerciseRole.MAIN]
            # The seeds' five movements are for the generated circuit; a curated
            # one is done as written.
            assert len(circuit) >= (2 if s.main_circuit_id else 5)
            assert {e.superset_group for e in circuit} == {1}
            assert s.time_breakdown.main >= 30
        # A curated circuit may repeat a movement (a ladder, Murph's two runs);
        # nothing else repeats, nor repeats one of its movements.
        rows = [
            (any(n.startswith("curated circuit:") for n in e.rationale.notes), e)
            for e in s.exercises
        ]
        curated = {e.movement_id for in_circuit, e in rows if in_circuit}
        ids = [e.movement_id for in_circuit, e in rows if not in_circuit]
        assert len(ids) == len(set(ids)), "duplicate movement in a session"
        assert not curated & set(ids), "a curated circuit's movement repeated"


#: The matrix's equipment (``program_matrix``): a commercial gym.
COMMERCIAL_GYM = PRESET_EQUIPMENT[EquipmentPreset.COMMERCIAL_GYM]

#: The goal mixes the property tests draw (the matrix's spread: single goals,
#: lifting pairs, lifting with an aerobic, mobility or skill goal).
MATRIX_GOALS: tuple[tuple[tuple[Goal, int], ...], ...] = (
    ((Goal.STRENGTH, 10),),
    ((Goal.HYPERTROPHY, 10),),
    ((Goal.STRENGTH, 6), (Goal.HYPERTROPHY, 4)),
    ((Goal.HYPERTROPHY, 7), (Goal.ENDURANCE, 3)),
    ((Goal.HYPERTROPHY, 6), (Goal.FAT_LOSS, 4)),
    ((Goal.STRENGTH, 5), (Goal.HYPERTROPHY, 3), (Goal.MOBILITY, 2)),
    ((Goal.HYPERTROPHY, 5), (Goal.MOBILITY, 5)),
    ((Goal.STRENGTH, 4), (Goal.SKILL, 3), (Goal.HYPERTROPHY, 3)),
    ((Goal.ENDURANCE, 7), (Goal.STRENGTH, 3)),
)
#: Keyword strategies for ``@given(**MATRIX_DRAWS)``: one program of the
#: generation matrix (goal mix × level × 2–7 days × 30–120 min × template × seed).
MATRIX_DRAWS = {
    "goals": st.sampled_from(MATRIX_GOALS),
    "experience": st.sampled_from(list(ExperienceLevel)),
    "days": st.integers(2, 7),
    "minutes": st.sampled_from([30, 45, 60, 75, 90, 120]),
    "template": st.sampled_from([None, *SplitTemplate]),
    "seed": st.integers(0, 10_000),
}


def matrix_case(
    library: MovementLibrary,
    goals: tuple[tuple[Goal, int], ...],
    *,
    experience: ExperienceLevel,
    days: int,
    minutes: int,
    template: SplitTemplate | None,
    seed: int,
) -> tuple[GeneratedProgram, ProgramReview]:
    """One program of ``manage.py program_matrix`` (8 weeks, the commercial
    gym, the draw's ``seed``) generated from ``library`` and read by the
    coach's review, as the matrix reads it."""
    spec = make_spec(
        goals, weeks=8, days=days, minutes=minutes, seed=seed,
        equipment=COMMERCIAL_GYM, experience=experience,
        request={"split_template": template},
    )  # fmt: skip
    program = generate_program(spec, library)
    review = review_program(
        program, library, goals=dict(goals), experience=experience,
        budget_minutes=minutes,
    )  # fmt: skip
    return program, review
