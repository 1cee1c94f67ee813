"""Progress through the API: a week of planned sessions and a run, then records,
the e1RM trend, weekly sets against landmarks, muscle recovery and adherence."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from movements.tests.factories import ActivityDefinitionFactory
from programs.models import SessionType
from training_logs.adherence import week_start
from training_logs.tests.api import helpers as h
from training_logs.tests.factories import (
    SessionExerciseFactory,
    at,
    program_weeks,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def last_week(user, lifts):
    """Last week's Monday/Wednesday/Friday sessions (squat + bench) and this week's."""
    monday = week_start(timezone.localdate()) - dt.timedelta(weeks=1)
    sessions = program_weeks(user, start=monday, weeks=2, training_days=(0, 2, 4))
    training = [s for s in sessions if s.session_type != SessionType.RECOVERY]
    for session in training:
        SessionExerciseFactory(session=session, movement=lifts.squat, order=0, sets=3)
        SessionExerciseFactory(session=session, movement=lifts.bench, order=1, sets=3)
    return monday, training


def log_session(client, session, lifts, squat, bench):
    return client.post(
        h.WORKOUTS,
        {
            "session_id": session.pk,
            "performed_at": at(session.date).isoformat(),
            "sets": [h.a_set(lifts.squat, squat, 5, rpe=8) for _ in range(3)]
            + [h.a_set(lifts.bench, bench, 5, rpe=8) for _ in range(3)],
        },
        format="json",
    )


def test_a_week_of_planned_sessions_and_a_run(auth_client, last_week, lifts):
    monday, training = last_week
    for session, squat, bench in zip(
        training[:3], (100, 102.5, 105), (80, 80, 82.5), strict=True
    ):
        response = log_session(auth_client, session, lifts, squat, bench)
        assert response.status_code == 201, response.content
    assert response.json()["personal_records"]  # Friday's heavier squat is a record

    running = ActivityDefinitionFactory()
    run = auth_client.post(
        h.ACTIVITY_LOG,
        {
            "activity_definition_id": running.pk,
            "activity_name": "Easy run",
            "duration_minutes": 30,
            "distance_km": 5.0,
            "perceived_difficulty": 2,
            "enjoyment_rating": 5,
            "performed_start": at(monday + dt.timedelta(days=5), 8).isoformat(),
        },
        format="json",
    )
    assert run.status_code == 201, run.content
    assert run.json()["duration_seconds"] == 1800
    assert run.json()["source"] == "MANUAL"

    records = auth_client.get(h.PRS, {"movement": lifts.squat.pk}).json()["results"]
    e1rm = next(r for r in records if r["kind"] == "E1RM")
    assert e1rm["value"] == pytest.approx(105 * (1 + 7 / 30), abs=0.01)
    assert e1rm["previous_value"] == pytest.approx(102.5 * (1 + 7 / 30), abs=0.01)
    history = auth_client.get(h.PRS, {"movement": lifts.squat.pk, "history": "true"})
    assert history.json()["count"] > len(records)

    trend = auth_client.get(h.E1RM, {"movement": lifts.squat.pk}).json()
    assert trend["formula"] == "EPLEY"
    assert [p["e1rm"] for p in trend["points"]] == [123.33, 126.42, 129.5]

    volume = auth_client.get(h.WEEKLY_VOLUME, {"weeks": 2}).json()
    first = volume["weeks"][0]
    assert first["week_start"] == monday.isoformat()
    assert first["muscles"]["quadriceps"] == 9
    assert first["muscles"]["triceps"] == 4.5
    chest = next(g for g in first["groups"] if g["group"] == "chest")
    assert (chest["hard_sets"], chest["mev"], chest["mrv"], chest["zone"]) == (
        9,
        10,
        22,
        "BELOW_MEV",
    )
    assert "forearms" in volume["untracked_muscles"]

    recovery = auth_client.get(h.MUSCLE_RECOVERY).json()
    assert recovery["decay_hours"] == 10
    assert {m["muscle"] for m in recovery["muscles"]} >= {"quadriceps", "chest"}
    quads = next(m for m in recovery["muscles"] if m["muscle"] == "quadriceps")
    assert 0 <= quads["level"] <= 10
    assert quads["last_updated_at"] is not None

    adherence = auth_client.get(h.ADHERENCE, {"weeks": 2}).json()
    previous, current = adherence["weeks"]
    assert previous["week_start"] == monday.isoformat()
    assert (previous["planned"], previous["completed"], previous["status"]) == (
        3,
        3,
        "KEPT",
    )
    assert previous["unplanned_activities"] == 1
    assert current["planned"] == 3
    assert adherence["longest_streak_weeks"] == 1
    assert adherence["completed"] == 3


def test_soreness_and_recovery_signal_in_a_few_taps(auth_client, muscles):
    soreness = auth_client.post(
        h.SORENESS,
        {
            "entries": [
                {"body_part": "LEGS", "level": 4},
                {"muscle": "chest", "level": 2},
            ]
        },
        format="json",
    )
    assert soreness.status_code == 201, soreness.content
    assert {e["muscle"] for e in soreness.json()} >= {"quadriceps", "chest", "calves"}
    recovery = auth_client.get(h.MUSCLE_RECOVERY).json()["muscles"]
    chest = next(m for m in recovery if m["muscle"] == "chest")
    assert 8 <= chest["level"] < 8.1  # just set to 10 - 2

    signal = auth_client.post(
        h.RECOVERY_SIGNAL,
        {
            "sleep_hours": 7.5,
            "sleep_quality": 4,
            "stress": 2,
            "energy": 4,
            "nutrition": 3,
        },
        format="json",
    )
    assert signal.status_code == 201, signal.content
    # metrics.READINESS_WEIGHTS: sleep mean(0.875, 0.75)·0.25 + stress 0.75·0.15 +
    # energy 0.75·0.15 + nutrition 0.5·0.10 over the weights given (0.65) → 73.6.
    assert signal.json()["readiness"] == 74


def test_activity_definitions_and_the_activity_list(auth_client):
    ActivityDefinitionFactory(name="Running")
    ActivityDefinitionFactory(name="Yoga", category="YOGA", tracks_distance=False)
    definitions = auth_client.get(h.DEFINITIONS).json()
    assert [d["name"] for d in definitions] == ["Running", "Yoga"]
    auth_client.post(
        h.ACTIVITY_LOG,
        {"activity_definition_id": definitions[1]["id"], "duration_seconds": 2400},
        format="json",
    )
    listed = auth_client.get(h.ACTIVITIES).json()
    assert listed["count"] == 1
    assert listed["results"][0]["activity_name"] == "Yoga"
    assert listed["results"][0]["duration_minutes"] == 40


def test_a_run_can_complete_a_planned_cardio_session(auth_client, user):
    sessions = program_weeks(
        user,
        start=week_start(timezone.localdate()) - dt.timedelta(weeks=1),
        training_days=(1,),
    )
    cardio = sessions[1]
    cardio.session_type = SessionType.CARDIO
    cardio.save()
    response = auth_client.post(
        h.ACTIVITY_LOG,
        {
            "activity_definition_id": ActivityDefinitionFactory().pk,
            "duration_minutes": 25,
            "session_id": cardio.pk,
            "performed_start": at(cardio.date, 7).isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["source"] == "SCHEDULED"
    weeks = auth_client.get(h.ADHERENCE, {"weeks": 2}).json()["weeks"]
    assert weeks[0]["status"] == "KEPT"


def test_record_and_activity_lists_cost_constant_queries(
    auth_client, lifts, django_assert_num_queries
):
    running = ActivityDefinitionFactory()

    def add(day_offset: int, load: int) -> None:
        day = week_start(timezone.localdate()) - dt.timedelta(weeks=2, days=-day_offset)
        auth_client.post(
            h.CUSTOM,
            {
                "performed_at": at(day).isoformat(),
                "sets": [
                    h.a_set(lifts.squat, load, 5),
                    h.a_set(lifts.bench, load - 20, 5),
                ],
            },
            format="json",
        )
        auth_client.post(
            h.ACTIVITY_LOG,
            {
                "activity_definition_id": running.pk,
                "duration_minutes": 30,
                "performed_start": at(day, 7).isoformat(),
            },
            format="json",
        )

    add(0, 100)
    # count, page, athlete settings
    with django_assert_num_queries(3):
        few = auth_client.get(h.PRS, {"history": "true"})
    with django_assert_num_queries(2):
        auth_client.get(h.ACTIVITIES)
    for offset, load in ((2, 105), (4, 110), (6, 115)):
        add(offset, load)
    with django_assert_num_queries(3):
        many = auth_client.get(h.PRS, {"history": "true"})
    with django_assert_num_queries(2):
        activities = auth_client.get(h.ACTIVITIES)
    assert many.json()["count"] > few.json()["count"]
    assert activities.json()["count"] == 4
