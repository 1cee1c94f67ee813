"""The bounded recovery replay (:func:`metrics.recovery_window_start`) gives the
full replay's result on any history (no DB)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from training_logs import metrics as m

T0 = dt.datetime(2026, 1, 5, 6, tzinfo=dt.UTC)

events = st.lists(
    st.tuples(
        st.sampled_from(["quadriceps", "glutes", "chest"]),
        # minutes after T0: dense enough for gaps both under and over 100 h
        st.integers(min_value=0, max_value=60 * 24 * 40),
        st.sampled_from([m.WORKOUT, m.SORENESS]),
        st.floats(min_value=0.5, max_value=10, allow_nan=False),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(
    history=events,
    decay_hours=st.sampled_from([10.0, 7.0, 0.3, 2.5, 24.0]),
    later=st.integers(min_value=0, max_value=60 * 24 * 10),
)
def test_bounded_replay_equals_the_full_replay(history, decay_hours, later):
    per_muscle: dict[str, list[m.RecoveryEvent]] = {}
    for muscle, minutes, kind, amount in history:
        at = T0 + dt.timedelta(minutes=minutes)
        per_muscle.setdefault(muscle, []).append(m.RecoveryEvent(at, kind, amount))
    stamps = sorted((e.at for es in per_muscle.values() for e in es), reverse=True)
    start = m.recovery_window_start(iter(stamps), decay_hours=decay_hours)
    if not stamps:
        assert start is None
        return
    now = stamps[0] + dt.timedelta(minutes=later)
    for muscle, muscle_events in per_muscle.items():
        full = m.replay_recovery(muscle_events, decay_hours=decay_hours)
        bounded = m.replay_recovery(
            [e for e in muscle_events if e.at >= start], decay_hours=decay_hours
        )
        if bounded is not None:
            assert bounded == full, muscle  # exactly, floats included
        else:  # nothing in the window: the full state reads 10 from its start on
            for at in (start, now):
                hours = (at - full.at).total_seconds() / 3600.0
                assert m.recovered_level(full.level, hours, decay_hours) == 10.0


def test_window_starts_after_the_most_recent_long_gap():
    h = dt.timedelta(hours=1)
    stamps = [T0 + 300 * h, T0 + 250 * h, T0 + 150 * h, T0 + 140 * h, T0]
    # 10 h per point → 100 h to climb from 0 to 10: 250 → 150 is the newest such gap.
    assert m.recovery_window_start(stamps, decay_hours=10) == T0 + 250 * h
    # 99 h is not enough; 100 h exactly is.
    assert m.recovery_window_start([T0 + 99 * h, T0], decay_hours=10) == T0
    assert m.recovery_window_start([T0 + 100 * h, T0], decay_hours=10) == T0 + 100 * h
    assert m.recovery_window_start([], decay_hours=10) is None
    with pytest.raises(ValueError, match="positive"):
        m.recovery_window_start(stamps, decay_hours=0)


def test_window_reads_the_timestamps_only_down_to_the_gap():
    h = dt.timedelta(hours=1)

    def newest_first():
        yield T0 + 500 * h
        yield T0 + 300 * h
        raise AssertionError("read past the gap")

    assert m.recovery_window_start(newest_first(), decay_hours=10) == T0 + 500 * h


@pytest.mark.django_db
def test_timestamps_are_read_in_plain_chunks_only_as_far_as_needed(
    user, django_assert_num_queries
):
    from training_logs.models import WorkoutLog
    from training_logs.services.projections import _in_chunks

    WorkoutLog.objects.bulk_create(
        WorkoutLog(user=user, name=f"w{i}", performed_at=T0 + dt.timedelta(hours=i))
        for i in range(25)
    )
    newest_first = (
        WorkoutLog.objects.filter(user=user)
        .order_by("-performed_at", "-id")
        .values_list("performed_at", flat=True)
    )
    every = [T0 + dt.timedelta(hours=i) for i in reversed(range(25))]
    # Chunks of 10: three plain queries (10, 10, 5), in order, nothing skipped.
    with django_assert_num_queries(3):
        assert list(_in_chunks(newest_first, size=10)) == every
    # A reader that stops inside the first chunk costs one query.
    with django_assert_num_queries(1):
        chunks = _in_chunks(newest_first, size=10)
        assert [next(chunks) for _ in range(4)] == every[:4]
    # An exact multiple needs one more (empty) read to know it is done.
    with django_assert_num_queries(2):
        assert len(list(_in_chunks(newest_first, size=25))) == 25
