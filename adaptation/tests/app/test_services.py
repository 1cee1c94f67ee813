"""The daily coach's services over a real generated program: check-in, adapt,
accept/reject, the day's plan, swap and deload-now."""

from __future__ import annotations

import math
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from adaptation import selectors, services
from adaptation.models import AdaptationStatus, DailyCheckIn, SessionAdaptation
from coach.exceptions import ApplicationError
from movements.models import Movement, MovementMuscle
from programs.models import GenerationStatus, Session, SessionExercise, SessionType
from training_logs.models import MuscleRecoveryState, RecoverySignal, SorenessLog

from .conftest import lifting_session_training, swappable_exercise

pytestmark = pytest.mark.django_db


def _primary(movement_id: int) -> set[str]:
    return set(
        MovementMuscle.objects.filter(
            movement_id=movement_id, role="PRIMARY"
        ).values_list("muscle__slug", flat=True)
    )


# ---------------------------------------------------------------------------
# The "Done when" scenario
# ---------------------------------------------------------------------------
def test_sore_quads_short_sleep_35_minutes_end_to_end(user, program, logged, quad_day):
    """Quads 8/10, 5 h sleep, 35 minutes: the plan spares the quads, fits 35
    minutes ±5 %, says why for each change, carries a load target on every
    weighted working set, and after Accept it is what the day shows and what
    logging pre-fills."""
    day = quad_day.date
    adaptation = services.session_adapt(
        user=user,
        day=day,
        data=services.CheckInInput(
            soreness={"quadriceps": 8}, sleep_hours=Decimal("5"), minutes_available=35
        ),
    )
    assert adaptation.status == AdaptationStatus.PROPOSED
    rx = adaptation.prescription
    # Spares the quads: no loaded (main/accessory) exercise trains them as primary.
    for e in rx["exercises"]:
        if e["role"] in ("MAIN", "ACCESSORY"):
            assert "quadriceps" not in _primary(e["movement_id"]), e
    # Fits 35 minutes ±5 % (the engine fits seconds; whole minutes round).
    assert rx["fits_time"] is True
    assert math.floor(35 * 0.95) <= adaptation.estimated_minutes <= math.ceil(35 * 1.05)
    # Every change says why.
    assert adaptation.operations
    assert all(op["reason"].strip() for op in adaptation.operations)
    # The anatomy survives: warm-up first, a main lift, cool-down last.
    roles = [e["role"] for e in rx["exercises"]]
    assert roles[0] == "WARMUP"
    assert roles[-1] == "COOLDOWN"
    assert "MAIN" in roles
    # Readiness saw the short night and the sore quads.
    components = adaptation.readiness["components"]
    assert components["sleep"] < 0.5
    assert components["muscle_recovery"] < 1
    # A swap names the movement as planned and the one swapped in.
    for op in adaptation.operations:
        if op["kind"] == "SWAP":
            assert op["movement_id"] != op["new_movement_id"]
            assert "quadriceps" in _primary(op["movement_id"])

    services.adaptation_accept(adaptation=adaptation)
    plan = services.day_plan(user=user, day=day)
    assert plan.adaptation == adaptation
    assert [e.movement_id for e in plan.exercises] == [
        e["movement_id"] for e in rx["exercises"]
    ]
    assert plan.changes == adaptation.operations
    for e in plan.exercises:
        if e.role in ("MAIN", "ACCESSORY") and e.reps_min:
            assert len(e.load_targets) == e.sets
            assert all(t.text for t in e.load_targets)

    # Logging pre-fills the adapted sets with their target loads.
    rows = services.adapted_log_sets(adaptation=adaptation, user=user)
    assert [r.movement_id for r in rows] == [
        e.movement_id for e in plan.exercises for _ in range(e.sets)
    ]


# ---------------------------------------------------------------------------
# Check-in
# ---------------------------------------------------------------------------
def test_checkin_soreness_goes_through_the_training_logs_soreness_path(user, program):
    now = timezone.now()
    checkin = services.checkin_create(
        user=user,
        day=timezone.localdate(),
        data=services.CheckInInput(soreness={"quadriceps": 8}, sleep_hours=Decimal(5)),
        now=now,
    )
    assert checkin.soreness == {"quadriceps": 8}
    log = SorenessLog.objects.get(user=user)
    assert (log.muscle.slug, log.level) == ("quadriceps", 8)
    state = MuscleRecoveryState.objects.get(user=user, muscle__slug="quadriceps")
    assert state.level == 2  # 10 − soreness, as POST /logs/soreness/ does
    assert checkin.recovery_signal.sleep_hours == Decimal("5.0")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"soreness": {"quadriceps": 0}}, "soreness"),
        ({"soreness": {"quadriceps": 11}}, "soreness"),
        ({"soreness": {"wings": 5}}, "soreness"),
        ({"minutes_available": 0}, "minutes_available"),
        ({"equipment": ["jetpack"]}, "equipment"),
    ],
)
def test_bad_checkin_writes_nothing(user, program, quad_day, data, field):
    with pytest.raises(ValidationError) as exc:
        services.session_adapt(
            user=user, day=quad_day.date, data=services.CheckInInput(**data)
        )
    assert field in exc.value.message_dict
    assert not DailyCheckIn.objects.exists()
    assert not SorenessLog.objects.exists()
    assert not RecoverySignal.objects.exists()
    assert not SessionAdaptation.objects.exists()


def test_a_date_outside_the_program_or_a_rest_day_is_a_date_error(user, program):
    end = selectors.program_end_date(program)
    for day in (program.start_date - timedelta(days=1), end + timedelta(days=1)):
        with pytest.raises(ValidationError) as exc:
            services.session_adapt(user=user, day=day, data=services.CheckInInput())
        assert "outside your program" in exc.value.message_dict["date"][0]
    rest = Session.objects.filter(
        program=program, session_type=SessionType.RECOVERY
    ).first()
    with pytest.raises(ValidationError) as exc:
        services.session_adapt(user=user, day=rest.date, data=services.CheckInInput())
    assert "rest day" in exc.value.message_dict["date"][0]
    assert not DailyCheckIn.objects.exists()


def test_no_active_program_is_a_404(user):
    with pytest.raises(selectors.NoActiveProgram):
        services.day_plan(user=user, day=timezone.localdate())


# ---------------------------------------------------------------------------
# Proposals: supersede, accept, reject, re-adapt
# ---------------------------------------------------------------------------
def test_a_new_checkin_supersedes_a_proposal_but_not_an_accepted_one(
    user, program, quad_day
):
    day = quad_day.date
    first = services.session_adapt(
        user=user, day=day, data=services.CheckInInput(minutes_available=40)
    )
    second = services.session_adapt(
        user=user, day=day, data=services.CheckInInput(minutes_available=30)
    )
    first.refresh_from_db()
    assert first.status == AdaptationStatus.SUPERSEDED
    assert second.status == AdaptationStatus.PROPOSED

    services.adaptation_accept(adaptation=second)
    with pytest.raises(ValidationError) as exc:
        services.session_adapt(
            user=user, day=day, data=services.CheckInInput(minutes_available=45)
        )
    assert "readapt" in exc.value.message_dict
    second.refresh_from_db()
    assert second.status == AdaptationStatus.ACCEPTED

    third = services.session_adapt(
        user=user,
        day=day,
        data=services.CheckInInput(minutes_available=45),
        readapt=True,
    )
    second.refresh_from_db()
    assert second.status == AdaptationStatus.ACCEPTED  # until the new one is accepted
    services.adaptation_accept(adaptation=third)
    second.refresh_from_db()
    assert second.status == AdaptationStatus.SUPERSEDED
    assert (
        SessionAdaptation.objects.filter(
            session=quad_day, status=AdaptationStatus.ACCEPTED
        ).count()
        == 1
    )


def test_reject_keeps_the_original_plan(user, program, quad_day):
    adaptation = services.session_adapt(
        user=user, day=quad_day.date, data=services.CheckInInput(minutes_available=30)
    )
    services.adaptation_reject(adaptation=adaptation)
    assert adaptation.status == AdaptationStatus.REJECTED
    plan = services.day_plan(user=user, day=quad_day.date)
    assert plan.adaptation is None
    assert [e.exercise_id for e in plan.exercises] == [
        e.pk for e in quad_day.exercises.order_by("order")
    ]
    with pytest.raises(ApplicationError):
        services.adaptation_accept(adaptation=adaptation)


def test_the_planned_session_is_never_rewritten(user, program, quad_day):
    before = list(
        quad_day.exercises.order_by("order").values_list(
            "movement_id", "sets", "target_rpe", "rest_seconds"
        )
    )
    adaptation = services.session_adapt(
        user=user,
        day=quad_day.date,
        data=services.CheckInInput(soreness={"quadriceps": 9}, minutes_available=30),
    )
    services.adaptation_accept(adaptation=adaptation)
    after = list(
        quad_day.exercises.order_by("order").values_list(
            "movement_id", "sets", "target_rpe", "rest_seconds"
        )
    )
    assert before == after


# ---------------------------------------------------------------------------
# The day's plan
# ---------------------------------------------------------------------------
def test_plan_of_a_rest_day_names_the_next_session(user, program):
    rest = (
        Session.objects.filter(program=program, session_type=SessionType.RECOVERY)
        .order_by("date")
        .first()
    )
    plan = services.day_plan(user=user, day=rest.date)
    assert plan.rest_day is True
    assert plan.exercises == ()
    assert plan.next_session.date > rest.date
    assert plan.next_session.session_type != SessionType.RECOVERY


def test_plan_without_history_suggests_a_ramp_and_with_history_a_load(
    user, program, logged
):
    # A session with a movement never logged: the first-session ramp, no number.
    logged_movements = {
        s.movement_id for w in logged for s in w.sets.all() if s.load_kg is not None
    }
    later = Session.objects.filter(
        program=program, date__gte=timezone.localdate()
    ).exclude(session_type=SessionType.RECOVERY)
    found_ramp = found_load = False
    for session in later[:8]:
        plan = services.day_plan(user=user, day=session.date)
        for e in plan.exercises:
            if e.role != "MAIN" or not e.reps_min:
                continue
            if e.movement_id in logged_movements:
                assert all(t.load_kg for t in e.load_targets)
                found_load = True
            elif e.load_targets and e.load_targets[0].load is None:
                assert e.load_note
                found_ramp = True
    assert found_load
    assert found_ramp


def test_readiness_defaults_to_50_when_nothing_is_known(user, program, quad_day):
    plan = services.day_plan(user=user, day=quad_day.date)
    assert plan.readiness.score == 50
    assert plan.readiness.defaulted


# ---------------------------------------------------------------------------
# Swap and deload-now
# ---------------------------------------------------------------------------
def test_swap_records_the_swap_and_refuses_a_hard_no_or_missing_kit(
    user, program, quad_day
):
    exercise, alternatives = swappable_exercise(quad_day)
    pick = alternatives[0]
    swapped = services.exercise_swap(
        session=quad_day, exercise=exercise, movement_id=pick.movement_id
    )
    assert swapped.movement_id == pick.movement_id
    assert swapped.rationale["swaps"][-1]["to_movement_id"] == pick.movement_id
    assert any("Swapped in for" in n for n in swapped.rationale["notes"])

    program = quad_day.program
    program.movement_rules = [
        {"movement_id": alternatives[1].movement_id, "rule": "HARD_NO"}
    ]
    program.save(update_fields=["movement_rules"])
    with pytest.raises(ValidationError) as exc:
        services.exercise_swap(
            session=quad_day,
            exercise=exercise,
            movement_id=alternatives[1].movement_id,
        )
    assert "hard-no" in exc.value.message_dict["movement"][0]
    program.equipment = ["barbell"]
    program.save(update_fields=["equipment"])
    needs_kit = next(
        m
        for m in Movement.objects.order_by("pk")
        if set(m.equipment) - {"barbell"} and not m.is_timed
    )
    with pytest.raises(ValidationError) as exc:
        services.exercise_swap(
            session=quad_day, exercise=exercise, movement_id=needs_kit.pk
        )
    assert "equipment" in exc.value.message_dict["movement"][0]


def test_deload_now_marks_the_next_loading_week_and_regenerates_it(
    user, program, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    target = services.next_loading_microcycle(program=program, today=today)
    sets_before = sum(
        e.sets
        for e in target.sessions.exclude(session_type=SessionType.RECOVERY)
        .prefetch_related("exercises")
        .all()
        for e in e.exercises.all()
        if e.role in ("MAIN", "ACCESSORY")
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        microcycle = services.program_deload_now(program=program, today=today)
    assert len(callbacks) == 1  # the generation task, enqueued on commit
    assert microcycle.pk == target.pk
    assert microcycle.is_deload
    microcycle.refresh_from_db()
    assert microcycle.generation_status == GenerationStatus.COMPLETED
    sets_after = sum(
        e.sets
        for s in microcycle.sessions.exclude(session_type=SessionType.RECOVERY)
        for e in s.exercises.all()
        if e.role in ("MAIN", "ACCESSORY")
    )
    assert sets_after < sets_before
    program.refresh_from_db()
    assert program.generation_status == GenerationStatus.COMPLETED


def test_deload_now_without_a_loading_week_left_is_refused(user, program):
    end = selectors.program_end_date(program)
    with pytest.raises(ApplicationError):
        services.program_deload_now(program=program, today=end)


def test_lifting_session_training_helper_finds_quads(program):
    session = lifting_session_training(program, "quadriceps")
    assert session.session_type != SessionType.RECOVERY


def test_library_snapshot_is_kept_until_the_library_changes(
    program, settings, django_assert_num_queries
):
    from adaptation import specs
    from programs import library_cache

    settings.LIBRARY_CACHE_SECONDS = 300
    settings.LIBRARY_CHECK_SECONDS = 0
    library_cache._library_cache.clear()
    first = specs.library_snapshot()
    # A kept snapshot costs one query: the library's fingerprint.
    with django_assert_num_queries(1):
        assert specs.library_snapshot() is first
    # Between checks it costs none; a new movement is then unseen…
    settings.LIBRARY_CHECK_SECONDS = 300
    specs.library_snapshot()
    with django_assert_num_queries(0):
        assert specs.library_snapshot() is first
    carry = Movement.objects.create(
        name="Sandbag Carry", slug="sandbag-carry", pattern="carry", level=1
    )
    assert specs.library_snapshot() is first
    # …unless a session asks for it: then the library is read again at once.
    second = specs.library_snapshot(require=[carry.pk])
    assert second is not first
    assert any(m.name == "Sandbag Carry" for m in second.movements.values())
    with django_assert_num_queries(0):
        assert specs.library_snapshot(require=[carry.pk]) is second
    # With checks every call, a removed movement re-reads it too.
    settings.LIBRARY_CHECK_SECONDS = 0
    carry.delete()
    third = specs.library_snapshot()
    assert third is not second
    assert carry.pk not in third.movements
    settings.LIBRARY_CACHE_SECONDS = 0
    assert specs.library_snapshot() is not third
    library_cache._library_cache.clear()


def test_very_low_readiness_proposes_a_recovery_session(user, program, quad_day):
    adaptation = services.session_adapt(
        user=user,
        day=quad_day.date,
        data=services.CheckInInput(
            soreness={"quadriceps": 9, "hamstrings": 9, "glutes": 9, "chest": 9},
            sleep_hours=Decimal("3"),
            sleep_quality=1,
            energy=1,
            stress=5,
            nutrition=1,
        ),
    )
    assert adaptation.readiness["band"] == "VERY_LOW"
    assert [op["kind"] for op in adaptation.operations] == ["CONVERT_TO_RECOVERY"]
    assert adaptation.prescription["is_recovery"] is True
    services.adaptation_accept(adaptation=adaptation)
    plan = services.day_plan(user=user, day=quad_day.date)
    assert all(not t.load_kg for e in plan.exercises for t in e.load_targets)


def test_low_readiness_on_three_check_ins_suggests_a_deload(user, create_program):
    today = timezone.localdate()
    program = create_program(user, start_date=today - timedelta(days=30))
    past = list(
        Session.objects.filter(
            program=program, date__lt=today, date__gte=today - timedelta(days=12)
        )
        .exclude(session_type=SessionType.RECOVERY)
        .order_by("-date")[:3]
    )
    assert len(past) == 3
    assert services.day_plan(user=user, day=today).deload_suggestion is None
    for session in past:
        services.session_adapt(
            user=user,
            day=session.date,
            data=services.CheckInInput(
                sleep_hours=Decimal("4"), energy=1, stress=5, nutrition=2
            ),
        )
    suggestion = services.day_plan(user=user, day=today).deload_suggestion
    assert suggestion is not None
    assert "readiness" in suggestion.triggers
    assert suggestion.reasons


def test_falling_e1rm_on_two_main_lifts_suggests_a_deload(user, create_program):
    from training_logs.services import SetInput, workout_log_create

    today = timezone.localdate()
    program = create_program(user, start_date=today - timedelta(days=30))
    week = selectors.session_for_date(program=program, day=today)
    mains = list(
        dict.fromkeys(
            SessionExercise.objects.filter(
                session__microcycle=week.microcycle, role="MAIN", reps_min__isnull=False
            ).values_list("movement_id", flat=True)
        )
    )[:2]
    assert len(mains) == 2
    for days_ago, load in ((9, 100), (6, 95), (3, 90)):
        workout_log_create(
            user=user,
            performed_at=timezone.now() - timedelta(days=days_ago),
            sets=[
                SetInput(movement_id=m, load_kg=Decimal(load), reps=5, rpe=Decimal(8))
                for m in mains
            ],
        )
    suggestion = services.day_plan(user=user, day=today).deload_suggestion
    assert suggestion is not None
    assert "e1rm_stall" in suggestion.triggers
