from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from movements.models import Movement
from programs import services
from programs.models import (
    GenerationStatus,
    Microcycle,
    Program,
    Session,
    SessionExercise,
    SessionType,
)
from programs.tests.conftest import make_input

pytestmark = pytest.mark.django_db


def test_create_writes_skeleton_and_enqueues_generation_on_commit(
    user, library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        program, warnings = services.program_create(
            user=user, data=make_input(duration_weeks=12, days_per_week=6)
        )
    assert len(callbacks) == 1  # generation is enqueued only once the rows exist
    assert program.generation_status == GenerationStatus.PENDING
    assert Microcycle.objects.filter(program=program).count() == 12
    sessions = Session.objects.filter(program=program)
    assert sessions.count() == 12 * 7
    training = sessions.exclude(session_type=SessionType.RECOVERY)
    assert training.count() == 12 * 6
    assert set(training.values_list("generation_status", flat=True)) == {
        GenerationStatus.PENDING
    }
    assert not SessionExercise.objects.exists()
    deloads = list(
        Microcycle.objects.filter(program=program, is_deload=True).values_list(
            "sequence_number", flat=True
        )
    )
    assert deloads == [4, 8, 12]


def test_create_stores_goals_heaviest_first_and_resolves_defaults(user, library):
    program, _ = services.program_create(
        user=user,
        data=make_input(goals=[("HYPERTROPHY", 3), ("STRENGTH", 7)], start_date=None),
    )
    assert program.goals == [("STRENGTH", 7), ("HYPERTROPHY", 3)]
    assert program.goal_weight_3 == 0
    assert program.split_template  # inferred by the engine
    assert program.progression_style == "SINGLE_PROGRESSION"  # beginner default
    assert program.experience_level == user.experience_level
    assert program.persona_tone == user.persona_tone
    assert program.start_date == dt.date.today()
    assert "barbell" in program.equipment  # no equipment given: a full gym
    assert program.name


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"goals": []}, "goals"),
        ({"goals": [("STRENGTH", 5), ("HYPERTROPHY", 4)]}, "goals"),
        ({"goals": [("STRENGTH", 6), ("HYPERTROPHY", 5)]}, "goals"),
        (
            {
                "goals": [
                    ("STRENGTH", 4),
                    ("HYPERTROPHY", 3),
                    ("MOBILITY", 2),
                    ("SKILL", 1),
                ]
            },
            "goals",
        ),
        ({"duration_weeks": 6}, "duration_weeks"),
        ({"duration_weeks": 9}, "duration_weeks"),
        ({"duration_weeks": 14}, "duration_weeks"),
        ({"days_per_week": 1}, "days_per_week"),
        ({"days_per_week": 8}, "days_per_week"),
        ({"max_session_minutes": 29}, "max_session_minutes"),
        ({"max_session_minutes": 121}, "max_session_minutes"),
    ],
)
def test_create_rejects_out_of_bounds_and_writes_nothing(
    user, library, overrides, field
):
    with pytest.raises(ValidationError) as excinfo:
        services.program_create(user=user, data=make_input(**overrides))
    assert field in excinfo.value.message_dict
    assert not Program.objects.exists()
    assert not Session.objects.exists()


def test_create_validates_movement_rules(user, library):
    squat = library["Barbell Back Squat"]
    bad_rules = [
        {"movement_id": 999999, "rule": "HARD_NO"},
        {"movement_id": squat.pk, "rule": "SUBSTITUTE", "substitute_id": None},
    ]
    with pytest.raises(ValidationError) as excinfo:
        services.program_create(user=user, data=make_input(movement_rules=bad_rules))
    messages = excinfo.value.message_dict["movement_rules"]
    assert any("999999" in m for m in messages)
    assert any("substitute_with" in m for m in messages)
    assert not Program.objects.exists()


def test_create_rejects_two_rules_on_one_movement(user, library):
    squat = library["Barbell Back Squat"]
    rules = [
        {"movement_id": squat.pk, "rule": "HARD_NO"},
        {"movement_id": squat.pk, "rule": "PREFER"},
    ]
    with pytest.raises(ValidationError):
        services.program_create(user=user, data=make_input(movement_rules=rules))


def test_generate_completes_every_session_with_anatomy(user, create_program):
    program = create_program(user, days_per_week=5, duration_weeks=8)
    assert program.generation_status == GenerationStatus.COMPLETED, (
        program.generation_error
    )
    training = Session.objects.filter(program=program).exclude(
        session_type=SessionType.RECOVERY
    )
    assert training.count() == 8 * 5
    for session in training.prefetch_related("exercises"):
        assert session.generation_status == GenerationStatus.COMPLETED
        roles = [e.role for e in session.exercises.all()]
        assert roles[0] == "WARMUP"
        assert roles[-1] == "COOLDOWN"
        assert not ("ACCESSORY" in roles and "FINISHER" in roles)
        assert 0 < len(session.coach_notes) <= 200
        assert session.time_breakdown["total"] == session.estimated_minutes
    assert set(
        Microcycle.objects.filter(program=program).values_list(
            "generation_status", flat=True
        )
    ) == {GenerationStatus.COMPLETED}


def test_generate_twice_duplicates_nothing(user, create_program):
    program = create_program(user)
    exercises = SessionExercise.objects.filter(session__program=program).count()
    assert exercises > 0
    report = services.program_generate(program_id=program.pk)
    assert report.written == 0
    # Force every session back to PENDING: a full re-run rewrites, never adds.
    Session.objects.filter(program=program).exclude(
        session_type=SessionType.RECOVERY
    ).update(generation_status=GenerationStatus.PENDING)
    report = services.program_generate(program_id=program.pk)
    assert report.written == program.days_per_week * program.duration_weeks
    assert SessionExercise.objects.filter(session__program=program).count() == exercises


def test_generation_is_deterministic_for_the_program_seed(user, create_program):
    program = create_program(user)
    before = list(
        SessionExercise.objects.filter(session__program=program)
        .order_by("session__date", "order")
        .values_list("movement_id", "sets")
    )
    Session.objects.filter(program=program).exclude(
        session_type=SessionType.RECOVERY
    ).update(generation_status=GenerationStatus.PENDING)
    services.program_generate(program_id=program.pk)
    after = list(
        SessionExercise.objects.filter(session__program=program)
        .order_by("session__date", "order")
        .values_list("movement_id", "sets")
    )
    assert before == after


def test_generation_with_an_empty_library_fails_visibly_then_retry_recovers(
    user, library, django_capture_on_commit_callbacks
):
    ids = list(Movement.objects.values_list("pk", flat=True))
    # Hide the whole library from this program: every session fails, visibly.
    rules = [{"movement_id": pk, "rule": "HARD_NO"} for pk in ids]
    with django_capture_on_commit_callbacks(execute=True):
        program, _ = services.program_create(
            user=user, data=make_input(movement_rules=rules)
        )
    program.refresh_from_db()
    assert program.generation_status == GenerationStatus.FAILED
    assert "could not be generated" in program.generation_error
    failed = Session.objects.filter(
        program=program, generation_status=GenerationStatus.FAILED
    )
    assert failed.count() == 4 * 8
    assert all(s.generation_error for s in failed)
    assert not SessionExercise.objects.filter(session__program=program).exists()

    # The athlete lifts the rules (staff fix) and retries: everything completes.
    Program.objects.filter(pk=program.pk).update(movement_rules=[])
    program.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        retried = services.program_retry_failed(program=program)
    assert retried == 4 * 8
    program.refresh_from_db()
    assert program.generation_status == GenerationStatus.COMPLETED


def test_one_failed_session_does_not_stop_the_rest(user, create_program):
    program = create_program(user, generate=False)
    target = (
        Session.objects.filter(program=program)
        .exclude(session_type=SessionType.RECOVERY)
        .order_by("date")[3]
    )
    # A skeleton row whose day the plan no longer has cannot be generated.
    Session.objects.filter(pk=target.pk).update(day_index=13)
    report = services.program_generate(program_id=program.pk)
    assert report.failed == 1
    assert report.written == program.days_per_week * program.duration_weeks - 1
    target.refresh_from_db()
    assert target.generation_status == GenerationStatus.FAILED
    program.refresh_from_db()
    assert program.generation_status == GenerationStatus.FAILED
    assert (
        Microcycle.objects.get(pk=target.microcycle_id).generation_status
        == GenerationStatus.FAILED
    )


def test_regenerate_draws_a_fresh_selection_for_that_session_only(
    user, create_program, django_capture_on_commit_callbacks
):
    program = create_program(user)
    sessions = list(
        Session.objects.filter(program=program)
        .exclude(session_type=SessionType.RECOVERY)
        .order_by("date")
    )
    target, other = sessions[1], sessions[2]

    def picks(session):
        return list(
            session.exercises.order_by("order").values_list("movement_id", flat=True)
        )

    before_target, before_other = picks(target), picks(other)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_regenerate(session=target)
    target.refresh_from_db()
    assert target.variant == 1
    assert target.generation_status == GenerationStatus.COMPLETED
    assert picks(other) == before_other
    assert picks(target) != before_target


def test_regenerate_rest_day_is_refused(user, create_program):
    program = create_program(user, generate=False)
    rest = Session.objects.filter(
        program=program, session_type=SessionType.RECOVERY
    ).first()
    with pytest.raises(ValidationError):
        services.session_regenerate(session=rest)


def test_generate_for_deleted_program_is_a_no_op(db):
    report = services.program_generate(program_id=123456)
    assert report.written == 0


def test_hard_no_and_missing_equipment_never_appear(user, library, create_program):
    squat = library["Barbell Back Squat"]
    bench = library["Barbell Bench Press"]
    program = create_program(
        user,
        equipment=["dumbbell", "bench", "pull_up_bar"],
        movement_rules=[
            {"movement_id": squat.pk, "rule": "HARD_NO"},
            {"movement_id": bench.pk, "rule": "HARD_NO"},
        ],
    )
    assert program.generation_status == GenerationStatus.COMPLETED
    allowed = {"dumbbell", "bench", "pull_up_bar"}
    for exercise in SessionExercise.objects.filter(
        session__program=program
    ).select_related("movement"):
        assert exercise.movement_id not in {squat.pk, bench.pk}
        assert set(exercise.movement.equipment) <= allowed, exercise.movement.name
