"""A planned session reached for logging: the one ownership choke point
(``programs.selectors.session_get_for_user``) and the one "already logged" rule."""

from __future__ import annotations

import pytest
from django.http import Http404

from movements.tests.factories import ActivityDefinitionFactory
from programs.selectors import session_get_for_user
from training_logs.selectors import session_log_status, session_prescription_load
from training_logs.services import SetInput, activity_log_create, workout_log_create
from training_logs.tests.factories import (
    PAST_MONDAY,
    SessionExerciseFactory,
    SessionFactory,
    at,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(user):
    return SessionFactory(
        microcycle__program__user=user,
        microcycle__start_date=PAST_MONDAY,
        date=PAST_MONDAY,
    )


def test_another_athletes_session_is_404_with_or_without_its_program(
    session, user, other_user
):
    assert session_get_for_user(user=user, session_id=session.pk) == session
    for lookup in ({}, {"program_id": session.program_id}):
        with pytest.raises(Http404):
            session_get_for_user(user=other_user, session_id=session.pk, **lookup)
    with pytest.raises(Http404):
        session_get_for_user(
            user=user, session_id=session.pk, program_id=session.program_id + 1
        )
    with pytest.raises(Http404):
        session_get_for_user(user=user, session_id="not-a-number")


def test_a_session_is_logged_by_a_workout_or_an_activity(session, user, lifts):
    status = session_log_status(session=session)
    assert not status.is_logged
    assert status.workout_log_id is None
    log = workout_log_create(
        user=user,
        session_id=session.pk,
        performed_at=at(PAST_MONDAY),
        sets=[SetInput(movement_id=lifts.squat.pk, reps=5)],
    )
    status = session_log_status(session=session)
    assert status.is_logged
    assert status.workout_log_id == log.pk
    assert not status.by_activity

    run_session = SessionFactory(
        microcycle=session.microcycle, day_index=1, session_type="CARDIO"
    )
    activity_log_create(
        user=user,
        definition_id=ActivityDefinitionFactory().pk,
        duration_seconds=1800,
        performed_start=at(PAST_MONDAY),
        session_id=run_session.pk,
    )
    status = session_log_status(session=run_session)
    assert status.is_logged
    assert status.by_activity
    assert status.workout_log_id is None


def test_the_prescription_is_loaded_in_order_in_one_query(
    session, lifts, django_assert_num_queries
):
    SessionExerciseFactory(session=session, movement=lifts.bench, order=1)
    SessionExerciseFactory(session=session, movement=lifts.squat, order=0)
    with django_assert_num_queries(1):
        session_prescription_load(session)
        names = [e.movement.name for e in session.exercises.all()]
    assert names == [lifts.squat.name, lifts.bench.name]
