from __future__ import annotations

import pytest

from programs.models import GenerationStatus, Program, Session, SessionType

pytestmark = pytest.mark.django_db

PROGRAMS = "/api/v1/programs/"


def body(**overrides):
    data = {
        "goals": [
            {"goal": "STRENGTH", "weight": 6},
            {"goal": "HYPERTROPHY", "weight": 4},
        ],
        "duration_weeks": 12,
        "days_per_week": 6,
        "max_session_minutes": 60,
        "start_date": "2026-01-05",
    }
    data.update(overrides)
    return data


def test_create_returns_202_with_summary_and_status_url(
    auth_client, library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = auth_client.post(PROGRAMS, body(), format="json")
    assert response.status_code == 202, response.content
    data = response.json()
    assert data["generation_status"] == "PENDING"
    assert data["status_url"].endswith(
        f"/api/v1/programs/{data['id']}/generation-status/"
    )
    assert data["goals"] == [
        {"goal": "STRENGTH", "weight": 6},
        {"goal": "HYPERTROPHY", "weight": 4},
    ]
    assert data["end_date"] == "2026-03-29"
    assert isinstance(data["warnings"], list)
    assert len(callbacks) == 1


def test_create_returns_interference_warnings(auth_client, library):
    response = auth_client.post(
        PROGRAMS,
        body(
            goals=[
                {"goal": "STRENGTH", "weight": 7},
                {"goal": "ENDURANCE", "weight": 3},
            ]
        ),
        format="json",
    )
    assert response.status_code == 202, response.content
    assert response.json()["warnings"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"goals": [{"goal": "STRENGTH", "weight": 9}]}, "goals"),
        ({"goals": [{"goal": "STRENGTH", "weight": 11}]}, "goals"),
        ({"goals": []}, "goals"),
        ({"goals": [{"goal": "NAPPING", "weight": 10}]}, "goals"),
        ({"duration_weeks": 7}, "duration_weeks"),
        ({"duration_weeks": 11}, "duration_weeks"),
        ({"days_per_week": 0}, "days_per_week"),
        ({"max_session_minutes": 20}, "max_session_minutes"),
        ({"max_session_minutes": "lots"}, "max_session_minutes"),
        ({"split_template": "BRO"}, "split_template"),
        ({"equipment": ["spaceship"]}, "equipment"),
        ({"start_date": "not-a-date"}, "start_date"),
        (
            {"movement_rules": [{"movement": 424242, "rule": "HARD_NO"}]},
            "movement_rules",
        ),
        # Found by Schemathesis: a null rule in the list was a 500.
        ({"movement_rules": [None, None]}, "movement_rules"),
    ],
)
def test_create_rejects_bad_input_with_field_errors(
    auth_client, library, overrides, field
):
    response = auth_client.post(PROGRAMS, body(**overrides), format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Program.objects.exists()


def test_blocking_goal_conflict_is_a_400_naming_the_conflict(auth_client, library):
    response = auth_client.post(
        PROGRAMS,
        body(
            goals=[
                {"goal": "STRENGTH", "weight": 5},
                {"goal": "ENDURANCE", "weight": 5},
            ]
        ),
        format="json",
    )
    assert response.status_code == 400, response.content
    message = " ".join(response.json()["goals"])
    assert "STRENGTH" in message
    assert "ENDURANCE" in message
    assert not Program.objects.exists()


def test_anonymous_requests_are_401(api_client):
    assert api_client.get(PROGRAMS).status_code == 401
    assert api_client.post(PROGRAMS, body(), format="json").status_code == 401


def test_full_flow_list_detail_status_session(auth_client, user, create_program):
    program = create_program(user, duration_weeks=8, days_per_week=3)
    listing = auth_client.get(PROGRAMS).json()
    assert listing["count"] == 1
    item = listing["results"][0]
    assert item["progress"] == {"total": 24, "completed": 24, "failed": 0}
    assert item["estimated_minutes_per_session"] > 0

    detail = auth_client.get(f"{PROGRAMS}{program.pk}/").json()
    assert len(detail["microcycles"]) == 8
    week = detail["microcycles"][0]
    assert len(week["sessions"]) == 7
    session = next(s for s in week["sessions"] if s["session_type"] != "RECOVERY")
    exercise = session["exercises"][0]
    assert set(exercise["movement"]) == {
        "id",
        "name",
        "pattern",
        "primary_muscles",
        "secondary_muscles",
        "equipment",
        "mechanic",
        "level",
    }
    for key in (
        "role",
        "order",
        "sets",
        "reps_min",
        "reps_max",
        "duration_seconds",
        "target_rpe",
        "rest_seconds",
        "estimated_seconds",
        "rationale",
    ):
        assert key in exercise
    assert exercise["rationale"]["scores"]

    status = auth_client.get(f"{PROGRAMS}{program.pk}/generation-status/").json()
    assert status["status"] == "COMPLETED"
    assert status["progress"]["percent"] == 100

    one = auth_client.get(f"{PROGRAMS}{program.pk}/sessions/{session['id']}/").json()
    assert one["time_breakdown"]["total"] == one["estimated_minutes"]
    assert one["microcycle_sequence"] == 1


def test_detail_query_count_is_constant(
    auth_client, user, create_program, django_assert_max_num_queries
):
    program = create_program(user, duration_weeks=12, days_per_week=6)
    with django_assert_max_num_queries(10):
        response = auth_client.get(f"{PROGRAMS}{program.pk}/")
    assert response.status_code == 200


def test_the_detail_tree_builds_each_movement_once(user, create_program):
    from programs.models import Program
    from programs.selectors import program_detail_prefetch

    program = create_program(user, duration_weeks=8, days_per_week=4)
    tree = program_detail_prefetch(Program.objects.filter(pk=program.pk)).get()
    exercises = [
        e
        for mc in tree.microcycles.all()
        for s in mc.sessions.all()
        for e in s.exercises.all()
    ]
    by_id: dict[int, set[int]] = {}
    for e in exercises:
        by_id.setdefault(e.movement_id, set()).add(id(e.movement))
    # One Movement instance per movement, however many exercises prescribe it,
    # each with its muscles (primary ones for a lift).
    assert len(exercises) > len(by_id)
    assert all(len(instances) == 1 for instances in by_id.values())
    assert any(
        link.role == "PRIMARY"
        for e in exercises
        for link in e.movement.muscle_links.all()
    )


def test_list_query_count_is_constant(
    auth_client, user, create_program, django_assert_max_num_queries
):
    for _ in range(3):
        create_program(user, generate=False)
    with django_assert_max_num_queries(4):
        assert auth_client.get(PROGRAMS).status_code == 200


def test_delete_cascades(auth_client, user, create_program):
    program = create_program(user)
    response = auth_client.delete(f"{PROGRAMS}{program.pk}/")
    assert response.status_code == 204
    assert not Program.objects.exists()
    assert not Session.objects.exists()


def test_regenerate_and_retry_endpoints(auth_client, user, create_program):
    program = create_program(user)
    session = (
        Session.objects.filter(program=program)
        .exclude(session_type=SessionType.RECOVERY)
        .first()
    )
    response = auth_client.post(
        f"{PROGRAMS}{program.pk}/sessions/{session.pk}/regenerate/"
    )
    assert response.status_code == 202
    session.refresh_from_db()
    assert session.variant == 1
    retry = auth_client.post(f"{PROGRAMS}{program.pk}/retry/")
    assert retry.status_code == 202
    assert retry.json() == {"retried": 0}


def test_regenerating_a_rest_day_is_400(auth_client, user, create_program):
    program = create_program(user, generate=False)
    rest = Session.objects.filter(
        program=program, session_type=SessionType.RECOVERY
    ).first()
    response = auth_client.post(
        f"{PROGRAMS}{program.pk}/sessions/{rest.pk}/regenerate/"
    )
    assert response.status_code == 400


# ---------------------------------------------------------------------------
# Ownership: another athlete's program is a 404 on every endpoint.
# ---------------------------------------------------------------------------
def test_other_user_gets_404_everywhere(other_client, user, create_program):
    program = create_program(user, generate=False)
    session = (
        Session.objects.filter(program=program)
        .exclude(session_type=SessionType.RECOVERY)
        .first()
    )
    base = f"{PROGRAMS}{program.pk}/"
    assert other_client.get(base).status_code == 404
    assert other_client.delete(base).status_code == 404
    assert other_client.get(f"{base}generation-status/").status_code == 404
    assert other_client.post(f"{base}retry/").status_code == 404
    assert other_client.get(f"{base}sessions/{session.pk}/").status_code == 404
    assert (
        other_client.post(f"{base}sessions/{session.pk}/regenerate/").status_code == 404
    )
    assert other_client.get(PROGRAMS).json()["count"] == 0
    assert Program.objects.filter(pk=program.pk).exists()
    session.refresh_from_db()
    assert session.variant == 0


def test_session_of_another_program_is_404(auth_client, user, create_program):
    first = create_program(user, generate=False)
    second = create_program(user, generate=False)
    session = Session.objects.filter(program=second).first()
    response = auth_client.get(f"{PROGRAMS}{first.pk}/sessions/{session.pk}/")
    assert response.status_code == 404


def test_missing_program_is_404(auth_client, db):
    assert auth_client.get(f"{PROGRAMS}999999/").status_code == 404


def test_openapi_schema_is_served(auth_client):
    response = auth_client.get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/v1/programs/" in response.content


def test_generation_status_while_pending(auth_client, user, create_program):
    program = create_program(user, generate=False)
    status = auth_client.get(f"{PROGRAMS}{program.pk}/generation-status/").json()
    assert status["status"] == GenerationStatus.PENDING
    assert status["progress"]["total"] == 32
    assert status["progress"]["pending"] == 32
    assert status["progress"]["percent"] == 0


def test_create_plans_outside_the_request_transaction():
    # Planning inside the request transaction held SQLite's write lock (IMMEDIATE
    # transactions) for the engine's whole run; the load test's create p95 on
    # SQLite queued behind it. The service's own transaction writes the program.
    from django.urls import resolve

    view = resolve(PROGRAMS).func
    assert "default" in getattr(view, "_non_atomic_requests", set())


@pytest.mark.django_db(transaction=True)
def test_a_refused_create_writes_nothing_outside_the_request_transaction(
    auth_client, library
):
    # The engine refuses the plan (a blocking goal conflict) after the input
    # passed the serializer: nothing was written, with no request transaction.
    goals = [{"goal": "STRENGTH", "weight": 5}, {"goal": "ENDURANCE", "weight": 5}]
    response = auth_client.post(PROGRAMS, body(goals=goals), format="json")
    assert response.status_code == 400, response.content
    assert "goals" in response.json()
    assert not Program.objects.exists()
    assert not Session.objects.exists()
