"""Soreness sets recovery; recovery signals; activities complete sessions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from movements.tests.factories import ActivityDefinitionFactory
from training_logs.models import (
    ActivityInstance,
    ActivitySource,
    MuscleRecoveryState,
    RecoverySignal,
    SorenessLog,
)
from training_logs.services import (
    SetInput,
    SorenessInput,
    activity_log_create,
    recovery_signal_create,
    soreness_log_create,
    workout_log_create,
)
from training_logs.signals import session_completed
from training_logs.tests.factories import (
    PAST_MONDAY,
    SessionFactory,
    at,
)

pytestmark = pytest.mark.django_db

MON = PAST_MONDAY


def levels(user) -> dict[str, Decimal]:
    return {
        s.muscle.slug: s.level
        for s in MuscleRecoveryState.objects.filter(user=user).select_related("muscle")
    }


def test_soreness_sets_recovery_to_ten_minus_level(user, muscles):
    soreness_log_create(
        user=user, logged_at=at(MON), entries=[SorenessInput(level=3, muscle="chest")]
    )
    assert levels(user) == {"chest": Decimal("7.00")}


def test_a_body_part_fans_out_and_the_highest_soreness_wins(user, muscles):
    rows = soreness_log_create(
        user=user,
        logged_at=at(MON),
        entries=[
            SorenessInput(level=2, body_part="ARMS"),
            SorenessInput(level=6, muscle="biceps"),
        ],
    )
    assert {(r.muscle.slug, r.level, r.body_part) for r in rows} == {
        ("biceps", 6, ""),
        ("triceps", 2, "ARMS"),
        ("forearms", 2, "ARMS"),
    }
    assert levels(user)["biceps"] == 4


def test_soreness_after_training_overrides_the_training_drop(user, lifts):
    workout_log_create(
        user=user,
        performed_at=at(MON, 8),
        sets=[SetInput(movement_id=lifts.bench.pk, load_kg=Decimal(80), reps=5)],
    )
    assert levels(user)["chest"] == 9
    soreness_log_create(
        user=user,
        logged_at=at(MON, 20),
        entries=[SorenessInput(level=5, muscle="chest")],
    )
    assert levels(user)["chest"] == 5


def test_bad_soreness_writes_nothing(user, muscles):
    with pytest.raises(ValidationError):
        soreness_log_create(
            user=user,
            logged_at=at(MON),
            entries=[
                SorenessInput(level=3, muscle="chest"),
                SorenessInput(level=3, muscle="wings"),
            ],
        )
    with pytest.raises(ValidationError):
        soreness_log_create(
            user=user, entries=[SorenessInput(level=11, muscle="chest")]
        )
    with pytest.raises(ValidationError):
        soreness_log_create(user=user, entries=[])
    assert not SorenessLog.objects.exists()
    assert not MuscleRecoveryState.objects.exists()


def test_recovery_signal_is_recorded_and_validated(user):
    signal = recovery_signal_create(
        user=user, logged_at=at(MON), sleep_hours=Decimal("7.5"), energy=4
    )
    assert signal.stress is None
    with pytest.raises(ValidationError):
        recovery_signal_create(user=user)
    with pytest.raises(ValidationError):
        recovery_signal_create(user=user, stress=6)
    with pytest.raises(ValidationError):
        recovery_signal_create(user=user, sleep_hours=Decimal("25"))
    assert RecoverySignal.objects.count() == 1


def test_an_activity_is_logged_manually(user):
    running = ActivityDefinitionFactory()
    run = activity_log_create(
        user=user,
        definition_id=running.pk,
        performed_start=at(MON, 7),
        duration_seconds=1800,
        distance_km=Decimal("5.2"),
        perceived_difficulty=3,
        enjoyment=5,
    )
    assert run.source == ActivitySource.MANUAL
    assert run.name == "Running"


def test_an_activity_for_a_planned_session_completes_it_once(
    user, django_capture_on_commit_callbacks
):
    running = ActivityDefinitionFactory()
    session = SessionFactory(microcycle__program__user=user, session_type="CARDIO")
    received = []

    def receiver(sender, **kwargs):
        received.append((sender, kwargs["session_id"]))

    session_completed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            run = activity_log_create(
                user=user,
                definition_id=running.pk,
                session_id=session.pk,
                performed_start=at(MON, 7),
                duration_seconds=1800,
            )
    finally:
        session_completed.disconnect(receiver)
    assert run.source == ActivitySource.SCHEDULED
    assert received == [(ActivityInstance, session.pk)]
    with pytest.raises(ValidationError, match="already logged"):
        activity_log_create(
            user=user,
            definition_id=running.pk,
            session_id=session.pk,
            duration_seconds=600,
        )


def test_activity_errors(user, other_user):
    running = ActivityDefinitionFactory()
    theirs = SessionFactory(microcycle__program__user=other_user)
    with pytest.raises(Http404):
        activity_log_create(
            user=user,
            definition_id=running.pk,
            session_id=theirs.pk,
            duration_seconds=60,
        )
    with pytest.raises(ValidationError):
        activity_log_create(user=user, definition_id=999, duration_seconds=60)
    with pytest.raises(ValidationError):
        activity_log_create(user=user, definition_id=running.pk, duration_seconds=0)
    with pytest.raises(ValidationError):
        activity_log_create(
            user=user, definition_id=running.pk, duration_seconds=60, enjoyment=6
        )
    assert not ActivityInstance.objects.exists()
