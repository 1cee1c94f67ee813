"""Programs start from the athlete's profile and settings, can override them for
one program, keep them as a snapshot, and show what they honour — in the API,
the pages and each exercise's "why"."""

from __future__ import annotations

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coach.models import AthleteProfile
from coach.services import athlete_profile_update
from movements.equipment import default_equipment, preset_equipment
from movements.services import (
    athlete_equipment_set,
    enjoyable_activities_set,
    movement_rules_replace,
)
from movements.tests.factories import ActivityDefinitionFactory
from programs import services, specs
from programs.generation import heuristics
from programs.models import ExerciseRole, Program, SessionExercise, SessionType
from programs.tests.conftest import make_input

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
PROGRAMS = "/api/v1/programs/"


@pytest.fixture
def activities():
    return {
        "rowing": ActivityDefinitionFactory(name="Rowing (machine)", category="ROWING"),
        "cycling": ActivityDefinitionFactory(name="Indoor cycling", category="CYCLING"),
        "yoga": ActivityDefinitionFactory(name="Yoga", category="YOGA"),
    }


def dumbbell_athlete(user, library) -> list[int]:
    """The issue's athlete: dumbbells only, two hard-no movements, mobility on
    dedicated days, Mon/Wed/Fri/Sat. Returns the hard-no movement ids."""
    athlete_equipment_set(user=user, preset="DUMBBELLS_ONLY")
    banned = [library["Goblet Squat"].pk, library["Walking Lunge"].pk]
    movement_rules_replace(
        user=user,
        rules=[{"movement_id": pk, "rule": "HARD_NO"} for pk in banned],
    )
    athlete_profile_update(
        user=user,
        preferred_weekdays=[0, 2, 4, 5],
        dedicated_mobility_days=True,
        experience_level="INTERMEDIATE",
    )
    return banned


# ---------------------------------------------------------------------------
# Defaults and overrides (the service)
# ---------------------------------------------------------------------------
def test_a_new_athlete_gets_the_old_defaults(user, create_program):
    program = create_program(user, generate=False)
    assert program.equipment == default_equipment()
    assert "strongman" not in program.equipment
    assert program.movement_rules == []
    assert program.enjoyable_activities == []
    assert program.preferred_weekdays == []
    assert program.discipline_priorities == {}
    assert (program.dedicated_mobility_days, program.cardio_as_finisher) == (
        False,
        True,
    )


def test_the_program_takes_every_default_from_the_profile(
    user, library, activities, create_program
):
    banned = dumbbell_athlete(user, library)
    enjoyable_activities_set(
        user=user, definition_ids=[activities["rowing"].pk, activities["cycling"].pk]
    )
    athlete_profile_update(
        user=user,
        discipline_priorities={"MOBILITY": 4, "CARDIO": 1},
        discipline_experience={"CALISTHENICS": "BEGINNER"},
        dedicated_cardio_days=True,
        cardio_as_finisher=False,
        persona_tone="DIRECT",
    )
    program = create_program(user, generate=False, experience_level=None)
    assert program.equipment == ["dumbbell"]
    assert sorted(r["movement_id"] for r in program.movement_rules) == sorted(banned)
    # Definitions become the words the engine matches cardio movements with.
    assert program.enjoyable_activities == ["cycling", "rowing"]
    assert program.preferred_weekdays == [0, 2, 4, 5]
    assert program.discipline_priorities == {"MOBILITY": 4, "CARDIO": 1}
    assert program.discipline_experience == {"CALISTHENICS": "BEGINNER"}
    assert program.dedicated_mobility_days
    assert program.dedicated_cardio_days
    assert program.cardio_as_finisher is False
    assert (program.experience_level, program.persona_tone) == (
        "INTERMEDIATE",
        "DIRECT",
    )


def test_a_request_overrides_the_profile_for_one_program(
    user, library, activities, create_program
):
    dumbbell_athlete(user, library)
    enjoyable_activities_set(user=user, definition_ids=[activities["rowing"].pk])
    program = create_program(
        user,
        generate=False,
        equipment=["barbell", "rack"],
        enjoyable_activities=["yoga"],
        preferred_weekdays=[],
        discipline_priorities={"OLYMPIC_LIFTING": 5},
        discipline_experience={"OLYMPIC_LIFTING": "ADVANCED"},
        dedicated_mobility_days=False,
        cardio_as_finisher=False,
    )
    assert program.equipment == ["barbell", "rack"]
    assert program.enjoyable_activities == ["yoga"]
    assert program.preferred_weekdays == []
    assert program.discipline_priorities == {"OLYMPIC_LIFTING": 5}
    assert program.dedicated_mobility_days is False
    assert program.cardio_as_finisher is False
    # The profile itself is untouched.
    assert AthleteProfile.for_user(user).dedicated_mobility_days is True


def test_request_rules_are_laid_over_the_athletes(user, library, create_program):
    squat, goblet = library["Barbell Back Squat"], library["Goblet Squat"]
    press = library["Barbell Bench Press"]
    movement_rules_replace(
        user=user,
        rules=[
            {"movement_id": squat.pk, "rule": "HARD_NO"},
            {"movement_id": press.pk, "rule": "PREFER"},
        ],
    )
    program = create_program(
        user,
        generate=False,
        movement_rules=[
            {"movement_id": squat.pk, "rule": "SUBSTITUTE", "substitute_id": goblet.pk}
        ],
    )
    assert sorted(program.movement_rules, key=lambda r: r["movement_id"]) == sorted(
        [
            {"movement_id": press.pk, "rule": "PREFER", "substitute_id": None},
            {
                "movement_id": squat.pk,
                "rule": "SUBSTITUTE",
                "substitute_id": goblet.pk,
            },
        ],
        key=lambda r: r["movement_id"],
    )


def test_merged_rules_are_checked_as_a_set(user, library):
    squat, goblet = library["Barbell Back Squat"], library["Goblet Squat"]
    movement_rules_replace(
        user=user,
        rules=[
            {"movement_id": squat.pk, "rule": "SUBSTITUTE", "substitute_id": goblet.pk}
        ],
    )
    with pytest.raises(ValidationError) as excinfo:
        services.program_create(
            user=user,
            data=make_input(
                movement_rules=[{"movement_id": goblet.pk, "rule": "HARD_NO"}]
            ),
        )
    assert "is a hard no" in excinfo.value.message_dict["movement_rules"][0]
    assert not Program.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"enjoyable_activities": ["quidditch"]}, "enjoyable_activities"),
        ({"preferred_weekdays": [9]}, "preferred_weekdays"),
        ({"discipline_priorities": {"MOBILITY": 11}}, "discipline_priorities"),
        ({"discipline_experience": {"KNITTING": "EXPERT"}}, "discipline_experience"),
    ],
)
def test_bad_overrides_are_field_errors(user, library, overrides, field):
    with pytest.raises(ValidationError) as excinfo:
        services.program_create(user=user, data=make_input(**overrides))
    assert field in excinfo.value.message_dict
    assert not Program.objects.exists()


def test_activities_accept_slugs_and_engine_words(user, library, activities):
    program, _ = services.program_create(
        user=user,
        data=make_input(enjoyable_activities=["indoor-cycling", "rowing", "cycling"]),
        enqueue=False,
    )
    assert program.enjoyable_activities == ["cycling", "rowing"]


def test_too_few_preferred_weekdays_is_a_warning(user, library):
    program, warnings = services.program_create(
        user=user,
        data=make_input(days_per_week=4, preferred_weekdays=[0, 2]),
        enqueue=False,
    )
    assert any("outside your preferred days (Mon, Wed)" in w for w in warnings)
    assert program.warnings == warnings


def test_the_spec_carries_the_snapshot_to_the_engine(user, library, create_program):
    dumbbell_athlete(user, library)
    athlete_profile_update(
        user=user,
        discipline_priorities={"MOBILITY": 5, "OLYMPIC_LIFTING": 0},
        discipline_experience={"OLYMPIC_LIFTING": "BEGINNER"},
        cardio_as_finisher=False,
        dedicated_cardio_days=True,
    )
    program = create_program(user, generate=False)
    # Later changes to the profile never reach an existing program.
    athlete_profile_update(user=user, dedicated_mobility_days=False)
    athlete = specs.program_spec(program=program).athlete
    assert athlete.equipment == frozenset({"dumbbell"})
    assert athlete.preferred_weekdays == (0, 2, 4, 5)
    assert athlete.discipline_priorities == {"MOBILITY": 1.0, "OLYMPIC_LIFTING": 0.0}
    assert athlete.discipline_experience == {"OLYMPIC_LIFTING": "BEGINNER"}
    assert athlete.prefer_dedicated_mobility_days is True
    assert athlete.prefer_dedicated_cardio_days is True
    assert athlete.cardio_as_finisher is False
    assert {r.rule.value for r in athlete.movement_rules} == {"HARD_NO"}


# ---------------------------------------------------------------------------
# The athlete, end to end: engine, API, pages, the "why"
# ---------------------------------------------------------------------------
def test_the_dumbbell_athlete_gets_a_program_that_shows_all_of_it(
    user, library, client, auth_client, create_program
):
    banned = dumbbell_athlete(user, library)
    program = create_program(
        user,
        experience_level=None,
        days_per_week=4,
        goals=[("HYPERTROPHY", 6), ("STRENGTH", 4)],
    )
    assert program.generation_status == "COMPLETED", program.generation_error
    exercises = list(
        SessionExercise.objects.filter(session__program=program).select_related(
            "movement", "session"
        )
    )
    assert exercises
    kit = set(preset_equipment("DUMBBELLS_ONLY"))
    for exercise in exercises:
        assert set(exercise.movement.equipment) <= kit, exercise.movement
        assert exercise.movement_id not in banned
    sessions = program.sessions.exclude(session_type=SessionType.RECOVERY)
    assert {s.date.weekday() for s in sessions} == {0, 2, 4, 5}
    assert sessions.filter(session_type=SessionType.MOBILITY).exists()

    # The API: the snapshot and what was honoured, and each exercise's why.
    body = auth_client.get(f"{PROGRAMS}{program.pk}/").json()
    assert body["equipment"] == ["dumbbell"]
    assert body["equipment_preset"] == "DUMBBELLS_ONLY"
    assert body["preferred_weekdays"] == [0, 2, 4, 5]
    assert body["dedicated_mobility_days"] is True
    honoured = " ".join(body["honoured"])
    assert "Equipment: Dumbbells only" in honoured
    assert "Never programmed (your hard no): Goblet Squat, Walking Lunge." in honoured
    assert "Training days: Mon, Wed, Fri, Sat" in honoured
    assert "Mobility on days of its own." in honoured
    api_exercises = [
        e for mc in body["microcycles"] for s in mc["sessions"] for e in s["exercises"]
    ]
    assert all(
        any("your equipment (Dumbbells only)" in n for n in e["profile_notes"])
        for e in api_exercises
    )

    # The pages: the program page lists it; a session's "Why this?" says it.
    client.force_login(user)
    page = client.get(program.get_absolute_url()).content.decode()
    assert "Built around your settings" in page
    assert "Never programmed (your hard no): Goblet Squat, Walking Lunge." in page
    session = sessions.filter(session_type__in=["STRENGTH", "HYPERTROPHY"]).first()
    html = client.get(session.get_absolute_url()).content.decode()
    assert "From your settings:" in html
    assert "Fits your equipment (Dumbbells only)." in html
    mobility = sessions.filter(session_type=SessionType.MOBILITY).first()
    assert "Mobility-only day" in " ".join(mobility.rationale["reasons"])


def test_a_substitution_and_an_enjoyable_activity_show_in_the_why(
    user, library, activities, auth_client, create_program
):
    squat, goblet = library["Barbell Back Squat"], library["Goblet Squat"]
    movement_rules_replace(
        user=user,
        rules=[
            {"movement_id": squat.pk, "rule": "SUBSTITUTE", "substitute_id": goblet.pk}
        ],
    )
    enjoyable_activities_set(user=user, definition_ids=[activities["rowing"].pk])
    athlete_profile_update(user=user, dedicated_cardio_days=True)
    program = create_program(
        user, goals=[("ENDURANCE", 7), ("STRENGTH", 3)], days_per_week=5
    )
    assert program.generation_status == "COMPLETED", program.generation_error
    names = set(
        SessionExercise.objects.filter(session__program=program).values_list(
            "movement__name", flat=True
        )
    )
    assert "Barbell Back Squat" not in names
    swapped = SessionExercise.objects.filter(session__program=program, movement=goblet)
    assert any(
        "substituted for Barbell Back Squat (your rule)" in note
        for exercise in swapped
        for note in exercise.rationale["notes"]
    )
    cardio = program.sessions.filter(session_type=SessionType.CARDIO).first()
    assert cardio is not None
    body = auth_client.get(f"{PROGRAMS}{program.pk}/sessions/{cardio.pk}/").json()
    main = [e for e in body["exercises"] if e["role"] == ExerciseRole.MAIN]
    assert main[0]["movement"]["name"] == "Rowing Machine"
    # The engine names it in the optimizer's notes; the profile notes add it only
    # when the engine did not.
    why = main[0]["profile_notes"] + main[0]["rationale"]["notes"]
    assert any("activity you enjoy" in note for note in why)


# ---------------------------------------------------------------------------
# The API
# ---------------------------------------------------------------------------
def test_post_programs_defaults_to_the_profile_and_accepts_overrides(
    auth_client, user, library
):
    dumbbell_athlete(user, library)
    base = {
        "goals": [{"goal": "STRENGTH", "weight": 10}],
        "duration_weeks": 8,
        "days_per_week": 4,
        "max_session_minutes": 60,
        "start_date": "2026-01-05",
    }
    default = auth_client.post(PROGRAMS, base, format="json")
    assert default.status_code == 202, default.content
    assert default.json()["equipment"] == ["dumbbell"]
    assert default.json()["preferred_weekdays"] == [0, 2, 4, 5]
    assert len(default.json()["movement_rules"]) == 2

    overridden = auth_client.post(
        PROGRAMS,
        {
            **base,
            "equipment_preset": "BODYWEIGHT_ONLY",
            "preferred_weekdays": [1, 3, 5, 6],
            "discipline_priorities": {"CALISTHENICS": 5},
            "discipline_experience": {"CALISTHENICS": "ADVANCED"},
            "dedicated_mobility_days": False,
            "dedicated_cardio_days": True,
            "cardio_as_finisher": False,
            "movement_rules": [],
        },
        format="json",
    )
    assert overridden.status_code == 202, overridden.content
    data = overridden.json()
    assert data["equipment"] == []
    assert data["equipment_preset"] == "BODYWEIGHT_ONLY"
    assert data["preferred_weekdays"] == [1, 3, 5, 6]
    assert data["discipline_priorities"] == {"CALISTHENICS": 5}
    assert (data["dedicated_mobility_days"], data["dedicated_cardio_days"]) == (
        False,
        True,
    )
    # [] adds no rules; the athlete's own still apply.
    assert len(data["movement_rules"]) == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        (
            {"equipment_preset": "DUMBBELLS_ONLY", "equipment": ["barbell"]},
            "equipment_preset",
        ),
        ({"equipment_preset": "CUSTOM"}, "equipment_preset"),
        ({"discipline_priorities": {"MOBILITY": 6}}, "discipline_priorities"),
        ({"discipline_experience": {"MOBILITY": "GURU"}}, "discipline_experience"),
        ({"enjoyable_activities": ["quidditch"]}, "enjoyable_activities"),
        ({"preferred_weekdays": [7]}, "preferred_weekdays"),
        ({"dedicated_cardio_days": "sometimes"}, "dedicated_cardio_days"),
    ],
)
def test_bad_overrides_are_400s(auth_client, library, overrides, field):
    body = {
        "goals": [{"goal": "STRENGTH", "weight": 10}],
        "duration_weeks": 8,
        "days_per_week": 4,
        "max_session_minutes": 60,
        **overrides,
    }
    response = auth_client.post(PROGRAMS, body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Program.objects.exists()


def test_heuristics_are_served_read_only_with_their_version(
    auth_client, api_client, django_assert_num_queries
):
    assert api_client.get("/api/v1/heuristics/").status_code == 401
    assert reverse("api:programs:heuristics") == "/api/v1/heuristics/"
    with django_assert_num_queries(0):  # a read runs no transaction
        response = auth_client.get("/api/v1/heuristics/")
    body = response.json()
    assert body == json.loads(json.dumps(heuristics()))
    assert body["version"]
    assert body["preference_deviation_pct"] == 0.15
    assert body["time_caps"] == {"mobility_max_pct": 0.3, "cardio_max_pct": 0.75}
    assert body["interference"]["pairs"]
    assert body["bias_rationale"]["mobility"]
    assert auth_client.post("/api/v1/heuristics/", {}).status_code == 405


def test_the_program_list_does_not_grow_queries_with_the_profile_fields(
    auth_client, user, library, create_program, django_assert_num_queries
):
    dumbbell_athlete(user, library)
    for _ in range(3):
        create_program(user, generate=False)
    with django_assert_num_queries(2):  # count, page
        response = auth_client.get(PROGRAMS)
    assert all(
        p["equipment_preset"] == "DUMBBELLS_ONLY" for p in response.json()["results"]
    )


# ---------------------------------------------------------------------------
# The wizard starts from the profile
# ---------------------------------------------------------------------------
def test_the_wizard_steps_start_from_the_settings(client, user, library, activities):
    dumbbell_athlete(user, library)
    enjoyable_activities_set(user=user, definition_ids=[activities["yoga"].pk])
    athlete_profile_update(user=user, discipline_priorities={"MOBILITY": 4})
    client.force_login(user)
    session = client.session
    session["program_wizard"] = {
        "data": {},
        "done": ["goals", "schedule", "coach"],
    }
    session.save()
    schedule = client.get(reverse("programs:wizard-step", args=["schedule"]))
    html = schedule.content.decode()
    for day in (0, 2, 4, 5):
        assert re.search(rf'value="{day}"[^>]*checked', html)
    likes = client.get(reverse("programs:wizard-step", args=["likes"])).content.decode()
    assert re.search(r'value="DUMBBELLS_ONLY"[^>]*checked', likes)
    assert "Now: Dumbbells only." in likes
    assert re.search(r'value="yoga"[^>]*checked', likes)
    assert "From your settings" in likes
    assert "Avoid <strong>Goblet Squat</strong>" in likes
    assert '<option value="4" selected>4</option>' in likes
