"""Personal-record replay and top-set choice (no DB)."""

from __future__ import annotations

import datetime as dt

from training_logs import metrics
from training_logs import records as r

T0 = dt.datetime(2026, 1, 5, 18, tzinfo=dt.UTC)
SQUAT = 1
_next_id = iter(range(1, 10_000))


def logged(
    workout, day, load, reps, *, order=0, rpe=None, warmup=False, movement=SQUAT
):
    estimate = metrics.estimate_e1rm(
        load_kg=load, reps=reps, formula=metrics.EPLEY, rpe=rpe
    )
    return r.LoggedSet(
        set_id=next(_next_id),
        workout_id=workout,
        performed_at=T0 + dt.timedelta(days=day),
        movement_id=movement,
        order=order,
        load_kg=load,
        reps=reps,
        e1rm_kg=None if warmup else estimate.value_kg,
        e1rm_low_confidence=estimate.low_confidence,
        is_warmup=warmup,
    )


def of_kind(events, kind):
    return [e for e in events if e.kind == kind]


def test_first_log_creates_records_of_every_kind():
    first = logged(1, 0, 100, 5)
    events = r.replay_records([first])
    assert {e.kind for e in events} == {r.E1RM, r.LOAD_AT_REPS, r.REPS_AT_LOAD}
    assert all(e.previous_value is None and e.is_current for e in events)
    assert all(e.set_id == first.set_id for e in events)


def test_lighter_set_with_more_reps_can_be_an_e1rm_record():
    heavy = logged(1, 0, 100, 5)  # Epley 116.7
    lighter = logged(2, 3, 95, 8)  # Epley 120.3
    events = of_kind(r.replay_records([heavy, lighter]), r.E1RM)
    assert [e.set_id for e in events] == [heavy.set_id, lighter.set_id]
    assert events[1].previous_value == round(100 * (1 + 5 / 30), 2)
    assert events[1].is_current
    assert not events[0].is_current


def test_ties_are_not_records():
    events = r.replay_records([logged(1, 0, 100, 5), logged(2, 3, 100, 5)])
    assert {e.workout_id for e in events} == {1}


def test_worse_sets_are_not_records():
    events = r.replay_records([logged(1, 0, 100, 5), logged(2, 3, 90, 5)])
    kinds = {(e.workout_id, e.kind) for e in events}
    # 90 x 5 is a first at 90 kg only (most reps at that load).
    assert (2, r.REPS_AT_LOAD) in kinds
    assert (2, r.E1RM) not in kinds
    assert (2, r.LOAD_AT_REPS) not in kinds


def test_best_load_is_per_exact_rep_count():
    events = of_kind(
        r.replay_records([logged(1, 0, 100, 5), logged(2, 3, 110, 3)]), r.LOAD_AT_REPS
    )
    assert [(e.key, e.value, e.previous_value) for e in events] == [
        (5.0, 100.0, None),
        (3.0, 110.0, None),
    ]


def test_most_reps_compares_sets_at_the_same_load_to_the_hundredth():
    events = of_kind(
        r.replay_records(
            [
                logged(1, 0, 102.058, 5),
                logged(2, 3, 102.0581, 6),  # same load after rounding: a record
                logged(3, 6, 102.07, 7),  # a different load: its own first
            ]
        ),
        r.REPS_AT_LOAD,
    )
    assert [(e.workout_id, e.key, e.value, e.previous_value) for e in events] == [
        (1, 102.06, 5.0, None),
        (2, 102.06, 6.0, 5.0),
        (3, 102.07, 7.0, None),
    ]


def test_only_the_best_set_of_a_workout_sets_a_record():
    sets = [
        logged(1, 0, 100, 5, order=0),
        logged(1, 0, 105, 5, order=1),
        logged(1, 0, 105, 5, order=2),  # a tie inside the workout: the earlier wins
    ]
    events = of_kind(r.replay_records(sets), r.LOAD_AT_REPS)
    assert len(events) == 1
    assert events[0].set_id == sets[1].set_id


def test_warmups_and_low_confidence_estimates_set_no_e1rm_record():
    warmup = logged(1, 0, 150, 5, warmup=True)
    light = logged(2, 1, 60, 20)  # 20 reps: low-confidence
    assert light.e1rm_low_confidence
    events = r.replay_records([warmup, light])
    assert not [e for e in events if e.set_id == warmup.set_id]
    assert r.E1RM not in {e.kind for e in events}


def test_replay_follows_performed_order_not_input_order():
    later = logged(2, 5, 110, 5)
    earlier = logged(1, 0, 100, 5)
    events = of_kind(r.replay_records([later, earlier]), r.E1RM)
    assert [e.set_id for e in events] == [earlier.set_id, later.set_id]


def test_bodyweight_sets_count_for_most_reps_only():
    events = r.replay_records([logged(1, 0, 0, 12)])
    assert [(e.kind, e.key, e.value) for e in events] == [(r.REPS_AT_LOAD, 0.0, 12.0)]


def test_top_set_is_the_best_confident_e1rm():
    sets = [
        logged(1, 0, 60, 5, order=0, warmup=True),
        logged(1, 0, 100, 5, order=1),
        logged(1, 0, 90, 8, order=2, rpe=9),  # 9 effective reps: 117 > 116.7
        logged(1, 0, 70, 20, order=3),  # low confidence, ignored while others exist
    ]
    assert r.pick_top_set(sets) is sets[2]


def test_top_set_without_loads_falls_back_to_reps_and_none_for_warmups():
    unloaded = [
        r.LoggedSet(1, 1, T0, SQUAT, 0, None, 8),
        r.LoggedSet(2, 1, T0, SQUAT, 1, None, 10),
    ]
    assert r.pick_top_set(unloaded).set_id == 2
    assert r.pick_top_set([logged(1, 0, 60, 5, warmup=True)]) is None
