"""``specs.recent_effort``: the RPE overshoot and the adherence count the
readiness score reads, against a real generated program and real logs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from adaptation import specs
from adaptation.tests.app.conftest import log_as_prescribed
from programs.models import Session, SessionType

pytestmark = pytest.mark.django_db


def _lifting_before_today(program):
    return list(
        Session.objects.filter(program=program, date__lt=timezone.localdate())
        .exclude(session_type__in=[SessionType.RECOVERY, SessionType.MOBILITY])
        .prefetch_related("exercises")
        .order_by("date")
    )


def test_an_athlete_who_never_logged_has_missed_nothing(user, program):
    # Nothing logged: unknown, not "missed them all".
    assert _lifting_before_today(program)
    assert specs.recent_effort(user=user, now=timezone.now()) == (None, 0, 0)


def test_sessions_count_from_the_first_logged_workout_on(user, program):
    past = _lifting_before_today(program)
    assert len(past) >= 3
    # Log the second and the last past sessions: the first is before the
    # athlete's first log (not counted), the ones in between are missed.
    log_as_prescribed(user, past[1])
    log_as_prescribed(user, past[-1])
    overshoot, planned, missed = specs.recent_effort(user=user, now=timezone.now())
    assert planned == len(past) - 1
    assert missed == len(past) - 3
    # The last one (this week) logged at the target RPE: no overshoot.
    assert overshoot == 0.0


def test_sessions_older_than_the_adherence_window_are_not_counted(user, program):
    past = _lifting_before_today(program)
    log_as_prescribed(user, past[0])
    now = timezone.now() + specs.ADHERENCE_WINDOW + timedelta(days=1)
    in_window = (
        Session.objects.filter(
            program=program,
            date__gte=now.date() - specs.ADHERENCE_WINDOW,
            date__lt=now.date(),
        )
        .exclude(session_type__in=[SessionType.RECOVERY, SessionType.MOBILITY])
        .count()
    )
    _, planned, missed = specs.recent_effort(user=user, now=now)
    assert planned == in_window
    assert missed == in_window  # the one logged session is out of the window


def test_recent_effort_reads_two_queries(user, program, django_assert_num_queries):
    log_as_prescribed(user, _lifting_before_today(program)[0])
    with django_assert_num_queries(2):
        specs.recent_effort(user=user, now=timezone.now())
