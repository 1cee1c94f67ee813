"""Curated circuits through the whole pipeline: the snapshot carries them, a new
conditioning program uses them, and each session records its main and finisher
circuit with every movement still an exercise row."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movements.models import CircuitScoring, CircuitType
from movements.tests.factories import CircuitFactory, MovementFactory
from programs import presenters
from programs.models import Session, SessionExercise, SessionType
from programs.specs import circuit_library_snapshot, movement_library_snapshot

pytestmark = pytest.mark.django_db

CONDITIONING = {
    "goals": [("FAT_LOSS", 6), ("STRENGTH", 4)],
    "days_per_week": 5,
    "max_session_minutes": 60,
    "dedicated_cardio_days": True,
    "experience_level": "INTERMEDIATE",
    "equipment": ["barbell", "rack", "bench", "dumbbell", "kettlebell", "pull_up_bar"],
}


@pytest.fixture
def circuits(library):
    """A 40-minute AMRAP (fits a 60-min conditioning day), a 12-minute one (a
    finisher) and one needing a sled the athlete lacks."""
    return {
        "long": CircuitFactory(
            name="Forty Bodyweight",
            time_cap_seconds=2400,
            movements=[
                (library["Pull-Up"], {"reps": 5}),
                (library["Push-Up"], {"reps": 10}),
                (library["Bodyweight Squat"], {"reps": 15}),
            ],
        ),
        "short": CircuitFactory(
            name="Twelve Burpee Swing",
            time_cap_seconds=720,
            movements=[
                (library["Burpee"], {"reps": 10}),
                (library["Kettlebell Swing"], {"reps": 15}),
            ],
        ),
        "sled": CircuitFactory(
            name="Sled Ladder",
            circuit_type=CircuitType.METCON,
            rounds=5,
            time_cap_seconds=2400,
            scoring=CircuitScoring.TIME,
            movements=[
                (library["Sled Push"], {"distance_m": 200}),
                (library["Burpee"], {"reps": 20}),
            ],
        ),
    }


def test_the_snapshot_carries_every_circuit_with_its_estimate_in_two_queries(
    circuits, django_assert_num_queries
):
    library = movement_library_snapshot()

    with django_assert_num_queries(2):
        snapshot = circuit_library_snapshot(library.movements)

    assert [c.name for c in snapshot] == [
        "Forty Bodyweight",
        "Twelve Burpee Swing",
        "Sled Ladder",
    ]
    assert {c.name: c.estimated_seconds for c in snapshot}["Forty Bodyweight"] == 2400
    assert [i.reps for i in snapshot[0].items] == [5, 10, 15]
    assert library.circuits == snapshot


def test_a_new_conditioning_program_uses_the_curated_circuits_that_fit(
    user, circuits, create_program
):
    program = create_program(user, **CONDITIONING)

    sessions = Session.objects.filter(program=program).select_related(
        "main_circuit", "finisher_circuit"
    )
    conditioning = [
        s
        for s in sessions
        if s.session_type == SessionType.CONDITIONING and s.main_circuit is not None
    ]
    assert conditioning
    assert {s.main_circuit.name for s in conditioning} == {"Forty Bodyweight"}
    for session in conditioning:
        rows = list(session.exercises.filter(role="MAIN").order_by("order"))
        assert [r.movement.name for r in rows] == [
            "Pull-Up",
            "Push-Up",
            "Bodyweight Squat",
        ]
        assert [r.reps_min for r in rows] == [5, 10, 15]
    finishers = {s.finisher_circuit.name for s in sessions if s.finisher_circuit}
    assert finishers <= {"Twelve Burpee Swing"}
    # The sled is not at hand: its circuit is never chosen.
    assert not sessions.filter(main_circuit=circuits["sled"]).exists()
    assert not sessions.filter(finisher_circuit=circuits["sled"]).exists()


def test_the_session_page_and_api_show_the_circuit(
    client, auth_client, user, circuits, create_program
):
    program = create_program(user, **CONDITIONING)
    session = Session.objects.filter(
        program=program, main_circuit__isnull=False
    ).first()
    client.force_login(user)

    page = client.get(session.get_absolute_url())
    api = auth_client.get(
        reverse("api:programs:session-detail", args=[program.pk, session.pk])
    )

    assert page.status_code == 200
    assert "Forty Bodyweight" in page.content.decode()
    assert "AMRAP" in page.content.decode()
    assert api.status_code == 200
    assert api.data["main_circuit"]["name"] == "Forty Bodyweight"
    assert api.data["main_circuit"]["estimated_minutes"] == 40
    assert [m["movement"]["name"] for m in api.data["main_circuit"]["movements"]] == [
        "Pull-Up",
        "Push-Up",
        "Bodyweight Squat",
    ]


def test_circuit_stations_read_as_the_circuit_not_as_sets(
    client, auth_client, user, circuits, create_program
):
    """Issue 10: a station of the 40-minute AMRAP printed as "1 × 5" (one set of
    five); it reads as its dose and the circuit's format, on the page and in the
    API. A station of a generated circuit reads as rounds × work."""
    program = create_program(user, **CONDITIONING)
    session = Session.objects.filter(
        program=program, main_circuit__isnull=False
    ).first()
    client.force_login(user)

    page = client.get(session.get_absolute_url()).content.decode()
    api = auth_client.get(
        reverse("api:programs:session-detail", args=[program.pk, session.pk])
    )

    stations = {
        e["movement"]["name"]: e["prescription_text"]
        for e in api.data["exercises"]
        if e["role"] == "MAIN"
    }
    assert stations == {
        "Pull-Up": "5 reps · 40-min AMRAP",
        "Push-Up": "10 reps · 40-min AMRAP",
        "Bodyweight Squat": "15 reps · 40-min AMRAP",
    }
    assert "5 reps · 40-min AMRAP" in page
    assert "1 × 5<" not in page
    generated = SessionExercise.objects.filter(
        session__program=program, superset_group__isnull=False,
        session__main_circuit__isnull=True, session__finisher_circuit__isnull=True,
    ).first()  # fmt: skip
    if generated is not None:
        text = presenters.exercise_prescription_text(generated)
        assert text.startswith(f"{generated.sets} round")
        assert " × " in text


def test_the_session_api_costs_two_queries_more_with_circuits(
    auth_client, user, circuits, create_program
):
    program = create_program(user, **CONDITIONING)
    plain = Session.objects.filter(
        program=program, main_circuit__isnull=True, finisher_circuit__isnull=True
    ).exclude(session_type=SessionType.RECOVERY)[0]
    curated = Session.objects.filter(program=program, main_circuit__isnull=False)[0]

    def url(session):
        return reverse("api:programs:session-detail", args=[program.pk, session.pk])

    with CaptureQueriesContext(connection) as without:
        auth_client.get(url(plain))
    with CaptureQueriesContext(connection) as with_circuit:
        response = auth_client.get(url(curated))

    assert response.status_code == 200
    assert len(with_circuit) == len(without) + 2  # circuits, their movements


def test_staff_add_a_circuit_in_the_admin_and_a_new_program_uses_it(
    client, user, library, create_program
):
    staff = get_user_model().objects.create_superuser(
        email="coach@example.com", password="correct-horse-battery"
    )
    client.force_login(staff)
    moves = [library["Pull-Up"], library["Push-Up"], library["Bodyweight Squat"]]
    form = {
        "name": "Staff Forty",
        "slug": "staff-forty",
        "circuit_type": "AMRAP",
        "scoring": "ROUNDS_REPS",
        "description": "Forty minutes of rounds.",
        "time_cap_seconds": "2400",
        "difficulty": "2",
        "disciplines": "[]",
        "tags": "[]",
        "items-TOTAL_FORMS": "3",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "2",
        "items-MAX_NUM_FORMS": "1000",
    }
    for i, (movement, reps) in enumerate(zip(moves, (5, 10, 15), strict=True)):
        form |= {
            f"items-{i}-order": str(i + 1),
            f"items-{i}-movement": str(movement.pk),
            f"items-{i}-reps": str(reps),
        }

    response = client.post(reverse("admin:movements_circuit_add"), form)
    assert response.status_code == 302

    program = create_program(user, **CONDITIONING)

    used = Session.objects.filter(program=program, main_circuit__slug="staff-forty")
    assert used.exists()


def test_a_beginners_finisher_shows_how_it_was_scaled(
    client, user, library, create_program
):
    """A beginner's curated finisher with double-unders (a specialty skill) is
    done with single-unders at twice the reps: the rows say so, the session's
    reasons name the scaling, and the circuit card says it above the rows."""
    double = MovementFactory(
        name="Double-Unders", pattern="conditioning", level=3, tier="SPECIALTY",
        equipment=["jump_rope"], primary_muscles=["calves"],
    )  # fmt: skip
    MovementFactory(
        name="Rope Jumping", pattern="cardio", tier="COMMON", equipment=["jump_rope"],
        is_timed=True, primary_muscles=["calves"],
    )  # fmt: skip
    CircuitFactory(
        name="Rope and Burpees",
        time_cap_seconds=600,
        movements=[(double, {"reps": 30}), (library["Burpee"], {"reps": 10})],
    )
    program = create_program(
        user, goals=[("FAT_LOSS", 6), ("STRENGTH", 4)], days_per_week=3,
        max_session_minutes=45, experience_level="BEGINNER",
        equipment=[*CONDITIONING["equipment"], "jump_rope"],
    )  # fmt: skip
    session = Session.objects.filter(
        program=program, finisher_circuit__name="Rope and Burpees"
    ).first()
    assert session is not None
    rows = list(session.exercises.filter(role="FINISHER").order_by("order"))
    assert [(r.movement.name, r.reps_min) for r in rows] == [
        ("Rope Jumping", 60),
        ("Burpee", 10),
    ]
    words = "single-unders for double-unders (2× reps)"
    assert f"scaled for a beginner: {words}" in rows[0].rationale["notes"]
    assert any(words in n for n in session.rationale["notes"])
    client.force_login(user)

    page = client.get(session.get_absolute_url()).content.decode()

    assert f"<strong>Scaled for a beginner:</strong> {words}" in page
