"""Generation leases: per-session claims, the heartbeat and the sweeper."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from programs import leases, services
from programs.models import (
    GenerationStatus,
    Program,
    Session,
    SessionExercise,
    SessionType,
)
from programs.services import generation

pytestmark = pytest.mark.django_db


def _training(program):
    return Session.objects.filter(program=program).exclude(
        session_type=SessionType.RECOVERY
    )


def _age(program, seconds: float) -> None:
    """Pretend the program and its claims last showed life ``seconds`` ago."""
    past = timezone.now() - timedelta(seconds=seconds)
    Program.objects.filter(pk=program.pk).update(
        generation_heartbeat_at=past, created_at=past
    )
    Session.objects.filter(program=program).exclude(claim_token="").update(
        claimed_at=past
    )


def _empty_session(session):
    from programs.generation import types as t

    return t.GeneratedSession(
        microcycle_sequence=session.microcycle.sequence_number,
        day_index=session.day_index,
        exercises=(),
        time_breakdown=t.TimeBreakdown(0, 0, 0, 0, 0, 0),
        estimated_minutes=0,
        coach_notes="",
        rationale=(),
    )


def test_a_live_claim_cannot_be_taken_and_a_stale_one_can(user, create_program):
    program = create_program(user, generate=False)
    first = leases.sessions_claim(program_id=program.pk, token="a" * 32)
    assert len(first) == _training(program).count()
    assert leases.sessions_claim(program_id=program.pk, token="b" * 32) == {}
    _age(program, leases.stale_seconds() + 1)
    second = leases.sessions_claim(program_id=program.pk, token="b" * 32)
    assert second == first
    assert set(_training(program).values_list("claim_token", flat=True)) == {"b" * 32}


def test_a_run_that_lost_its_claim_writes_nothing(user, create_program):
    program = create_program(user, generate=False)
    leases.sessions_claim(program_id=program.pk, token="a" * 32)
    _age(program, leases.stale_seconds() + 1)
    # Another run takes over, then the stalled one wakes up and tries to write.
    leases.sessions_claim(program_id=program.pk, token="b" * 32)
    session = _training(program).first()
    with pytest.raises(leases.ClaimLost):
        generation._session_write(
            session.pk, _empty_session(session), None, token="a" * 32
        )
    session.refresh_from_db()
    assert session.claim_token == "b" * 32
    assert session.generation_status == GenerationStatus.IN_PROGRESS


def test_a_batch_with_one_lost_claim_writes_none_of_its_sessions(user, create_program):
    # A microcycle is written in one transaction: when the run lost the claim of
    # one of its sessions, the sessions before it in the batch are rolled back
    # too (still claimed by the run, which then releases them).
    program = create_program(user, generate=False)
    leases.sessions_claim(program_id=program.pk, token="a" * 32)
    first, second = _training(program).order_by("date")[:2]
    Session.objects.filter(pk=second.pk).update(claim_token="b" * 32)
    batch = [(s.pk, _empty_session(s), None) for s in (first, second)]
    with pytest.raises(leases.ClaimLost):
        generation._sessions_write(batch, token="a" * 32)
    first.refresh_from_db()
    assert first.claim_token == "a" * 32
    assert first.generation_status == GenerationStatus.IN_PROGRESS


def test_generation_writes_a_microcycle_per_transaction(
    user, create_program, django_assert_max_num_queries
):
    # 8 weeks: the statements grow with the weeks, not with the sessions: per
    # week about one UPDATE per session + DELETE + INSERT + the transaction
    # (SAVEPOINT or BEGIN/COMMIT), plus a fixed cost (program, claim, library
    # snapshot, heartbeat, roll-up).
    program = create_program(user, generate=False)
    sessions = _training(program).count()
    weeks = program.microcycles.count()
    with django_assert_max_num_queries(sessions + 4 * weeks + 25):
        report = services.program_generate(program_id=program.pk)
    assert report.written == sessions
    program.refresh_from_db()
    assert program.generation_status == GenerationStatus.COMPLETED


def test_generation_leaves_sessions_a_live_run_holds_and_keeps_the_program_open(
    user, create_program
):
    program = create_program(user, generate=False)
    held = _training(program).order_by("-date")[:3]
    held_ids = [s.pk for s in held]
    Session.objects.filter(pk__in=held_ids).update(
        claim_token="c" * 32,
        claimed_at=timezone.now(),
        generation_status=GenerationStatus.IN_PROGRESS,
    )
    report = services.program_generate(program_id=program.pk)
    assert report.written == _training(program).count() - 3
    assert not SessionExercise.objects.filter(session_id__in=held_ids).exists()
    program.refresh_from_db()
    assert program.generation_status == GenerationStatus.IN_PROGRESS
    assert program.generation_finished_at is None
    # Once the holder is stale, the sweeper's run finishes the job.
    _age(program, leases.stale_seconds() + 1)
    services.program_generate(program_id=program.pk)
    program.refresh_from_db()
    assert program.generation_status == GenerationStatus.COMPLETED
    assert all(s.exercises.exists() for s in _training(program))
    assert set(_training(program).values_list("claim_token", flat=True)) == {""}


def test_a_finished_run_beats_and_releases_every_claim(user, create_program):
    program = create_program(user)
    assert program.generation_status == GenerationStatus.COMPLETED
    assert program.generation_heartbeat_at is not None
    assert not Session.objects.filter(program=program).exclude(claim_token="").exists()
    # A late duplicate task (the broker re-delivering it) finds nothing to do.
    report = services.program_generate(program_id=program.pk)
    assert (report.written, report.failed) == (0, 0)


def test_sweeper_requeues_only_stalled_programs_and_only_once(
    user, create_program, monkeypatch
):
    done = create_program(user)  # nothing open: never swept, however old
    _age(done, leases.stale_seconds() + 1)
    queued: list[int] = []
    monkeypatch.setattr(services, "enqueue_generation", queued.append)
    stalled = create_program(user, generate=False)
    leases.sessions_claim(program_id=stalled.pk, token="d" * 32)
    _age(stalled, leases.stale_seconds() + 1)
    alive = create_program(user, generate=False)
    leases.sessions_claim(program_id=alive.pk, token="e" * 32)
    _age(alive, leases.stale_seconds() + 1)
    leases.Heartbeat(program_id=alive.pk, token="e" * 32).beat(force=True)
    fresh = create_program(user, generate=False)  # just created: its task is queued

    assert leases.generation_sweep() == [stalled.pk]
    assert queued == [stalled.pk]
    assert leases.generation_sweep() == []  # its task is queued: wait a bound
    assert {fresh.pk, alive.pk, done.pk}.isdisjoint(queued)


def test_sweep_task_runs_the_sweeper(user, create_program, monkeypatch):
    from programs.tasks import generation_sweep_task

    queued: list[int] = []
    monkeypatch.setattr(services, "enqueue_generation", queued.append)
    program = create_program(user, generate=False)
    _age(program, leases.stale_seconds() + 1)
    assert generation_sweep_task() == {"requeued": [program.pk]}
    assert queued == [program.pk]


def test_schedule_command_is_idempotent():
    from django_q.models import Schedule

    call_command("schedule_generation_sweep")
    call_command("schedule_generation_sweep")
    schedule = Schedule.objects.get(name=leases.SWEEP_SCHEDULE_NAME)
    assert Schedule.objects.count() == 1
    assert schedule.func == leases.SWEEP_TASK
    assert (schedule.schedule_type, schedule.minutes) == (Schedule.MINUTES, 1)
