"""Muscle recovery read for an injected "now"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from training_logs.selectors import muscle_recovery_now
from training_logs.services import (
    SetInput,
    SorenessInput,
    soreness_log_create,
    workout_log_create,
)
from training_logs.tests.factories import PAST_MONDAY, at

pytestmark = pytest.mark.django_db

MON = PAST_MONDAY


def by_slug(readings):
    return {r.muscle_slug: r for r in readings}


def test_untouched_muscles_are_fully_recovered(user, muscles):
    readings = muscle_recovery_now(user=user, now=at(MON))
    assert len(readings) == 17
    assert all(r.level == 10 and r.last_updated_at is None for r in readings)


def test_recovery_climbs_one_point_per_decay_hours_and_caps_at_ten(user, lifts):
    trained = at(MON, 8)
    workout_log_create(
        user=user,
        performed_at=trained,
        sets=[
            SetInput(movement_id=lifts.squat.pk, load_kg=Decimal(100), reps=5)
            for _ in range(4)
        ],
    )
    hours = dt.timedelta(hours=1)

    def quads(after):
        return by_slug(muscle_recovery_now(user=user, now=trained + after))[
            "quadriceps"
        ]

    assert quads(0 * hours).level == 6
    assert quads(10 * hours).level == 7
    later = by_slug(muscle_recovery_now(user=user, now=trained + 25 * hours))
    assert later["quadriceps"].level == 8.5
    assert later["quadriceps"].hours_to_full == 15
    assert later["glutes"].level == 10  # 8 + 2.5, capped
    assert quads(100 * hours).level == 10


def test_decay_hours_is_injectable(user, muscles):
    soreness_log_create(
        user=user, logged_at=at(MON), entries=[SorenessInput(level=8, muscle="chest")]
    )
    reading = by_slug(
        muscle_recovery_now(
            user=user, now=at(MON) + dt.timedelta(hours=10), decay_hours=5
        )
    )["chest"]
    assert reading.level == 4


def test_settings_decay_hours_is_the_default(user, muscles, settings):
    settings.SORENESS_DECAY_HOURS = 20.0
    soreness_log_create(
        user=user, logged_at=at(MON), entries=[SorenessInput(level=8, muscle="chest")]
    )
    reading = by_slug(
        muscle_recovery_now(user=user, now=at(MON) + dt.timedelta(hours=10))
    )
    assert reading["chest"].level == 2.5


def test_other_athletes_recovery_is_not_mixed_in(user, other_user, muscles):
    soreness_log_create(
        user=other_user,
        logged_at=at(MON),
        entries=[SorenessInput(level=9, muscle="chest")],
    )
    assert by_slug(muscle_recovery_now(user=user, now=at(MON)))["chest"].level == 10


def test_rebuild_replays_only_events_after_the_last_full_recovery_gap(
    user, lifts, monkeypatch
):
    """Older history cannot change today's recovery (10 × decay hours climbs any
    level back to 10), so the rebuild never reads it; the reading is unchanged."""
    from training_logs import metrics

    squat = [SetInput(movement_id=lifts.squat.pk, load_kg=Decimal(100), reps=5)] * 4
    long_ago = at(MON) - dt.timedelta(days=60)
    for day in range(0, 30, 3):  # a month of training, then a break
        workout_log_create(
            user=user, performed_at=long_ago + dt.timedelta(days=day), sets=squat
        )
    before_break = by_slug(muscle_recovery_now(user=user, now=at(MON)))

    replayed: list = []
    real = metrics.replay_recovery

    def spy(events, *, decay_hours):
        events = list(events)
        replayed.extend(events)
        return real(events, decay_hours=decay_hours)

    monkeypatch.setattr(metrics, "replay_recovery", spy)
    soreness_log_create(
        user=user, logged_at=at(MON), entries=[SorenessInput(level=8, muscle="chest")]
    )
    assert replayed
    assert {e.at for e in replayed} == {at(MON)}
    after = by_slug(muscle_recovery_now(user=user, now=at(MON)))
    assert after["chest"].level == 2
    # The quads' last change is still the last squat session, fully recovered.
    assert after["quadriceps"] == before_break["quadriceps"]
    assert after["quadriceps"].level == 10
    assert after["quadriceps"].last_updated_at == long_ago + dt.timedelta(days=27)
