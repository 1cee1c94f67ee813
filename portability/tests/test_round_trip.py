"""An Alloy JSON export re-imports into an empty account to the same data."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from coach import services as coach_services
from coach.tests.factories import UserFactory
from movements import services as movement_services
from movements.tests.factories import ActivityDefinitionFactory, CircuitFactory
from portability import exports
from portability.models import ImportStatus
from portability.services import import_job_create
from programs.models import Program, Session, SessionExercise, SessionType
from programs.services import program_create
from programs.tests.conftest import make_input
from programs.tests.library import build_library
from training_logs import services as log_services
from training_logs.models import PersonalRecord, SetLog, TopSet, WorkoutLog
from training_logs.services import SetInput, SorenessInput

pytestmark = pytest.mark.django_db


def export(user) -> dict:
    return json.loads("".join(exports.account_json(user=user)))


def comparable(document: dict) -> dict:
    """The export without what must differ between two accounts."""
    return {k: v for k, v in document.items() if k != "exported_at"}


@pytest.fixture
def athlete(db, django_capture_on_commit_callbacks):
    """An athlete with a bit of everything: profile, settings, equipment, a
    rule, a favourite activity, a generated program, a logged session, an ad-hoc
    workout, soreness, a recovery signal and a run."""
    library = build_library()
    user = UserFactory(name="Zoë")
    coach_services.athlete_profile_update(
        user=user,
        experience_level="INTERMEDIATE",
        long_term_goals="A 200 kg deadlift — some day.",
        preferred_weekdays=[0, 2, 4],
        discipline_priorities={"MOBILITY": 4},
        training_time=dt.time(6, 30),
        time_zone="Europe/Paris",
    )
    coach_services.athlete_settings_update(
        user=user, units="LB", e1rm_formula="BRZYCKI"
    )
    coach_services.calendar_token_regenerate(user=user)
    movement_services.athlete_equipment_set(
        user=user, preset="CUSTOM", equipment=["barbell", "rack", "bench", "dumbbell"]
    )
    movement_services.movement_rules_replace(
        user=user,
        rules=[
            {"movement_id": library["Front Squat"].pk, "rule": "HARD_NO"},
            {
                "movement_id": library["Barbell Row"].pk,
                "rule": "SUBSTITUTE",
                "substitute_id": library["Seated Cable Row"].pk,
            },
        ],
    )
    running = ActivityDefinitionFactory(name="Running")
    movement_services.enjoyable_activities_set(user=user, definition_ids=[running.pk])
    with django_capture_on_commit_callbacks(execute=True):
        program, _ = program_create(
            user=user, data=make_input(start_date=dt.date(2026, 1, 5))
        )
    session = (
        Session.objects.filter(program=program)
        .exclude(session_type=SessionType.RECOVERY)
        .order_by("date")
        .first()
    )
    moment = timezone.make_aware(dt.datetime(2026, 1, 5, 7, 0))
    cindy = CircuitFactory(name="Cindy")
    Session.objects.filter(pk=session.pk).update(finisher_circuit=cindy)
    planned = log_services.workout_log_create(
        user=user, session_id=session.pk, performed_at=moment, enjoyment=4
    )
    log_services.circuit_score_create(
        user=user,
        circuit_id=cindy.pk,
        performed_on=moment.date(),
        rounds=14,
        reps=7,
        workout_log=planned,
    )
    log_services.circuit_score_create(
        user=user, circuit_id=cindy.pk, performed_on=moment.date(), rounds=12
    )
    log_services.workout_log_create(
        user=user,
        performed_at=moment + dt.timedelta(days=1),
        name="Extra pulls",
        notes="Grip gave out ✋",
        feedback_tags=["GREAT_PUMP"],
        sets=[
            SetInput(
                movement_id=library["Barbell Row"].pk,
                reps=8,
                load_kg=Decimal("60"),
                rpe=Decimal("8"),
            ),
            SetInput(
                movement_id=library["Barbell Row"].pk,
                reps=8,
                load_kg=Decimal("62.5"),
                is_warmup=False,
            ),
            SetInput(movement_id=library["Push-Up"].pk, reps=20, load_kg=Decimal("0")),
        ],
    )
    log_services.soreness_log_create(
        user=user,
        entries=[SorenessInput(level=6, muscle="quadriceps")],
        logged_at=moment + dt.timedelta(days=1, hours=2),
    )
    log_services.recovery_signal_create(
        user=user, logged_at=moment, sleep_hours=Decimal("7.5"), energy=4, notes="ok"
    )
    log_services.activity_log_create(
        user=user,
        definition_id=running.pk,
        duration_seconds=1800,
        distance_km=Decimal("5.2"),
        performed_start=moment + dt.timedelta(days=2),
    )
    return user


def test_the_export_holds_every_part_of_the_account(athlete):
    document = export(athlete)
    assert document["format"] == "alloy-export"
    assert document["profile"]["name"] == "Zoë"
    assert document["profile"]["time_zone"] == "Europe/Paris"
    assert "calendar_token" not in document["profile"]
    assert document["settings"] == {"units": "LB", "e1rm_formula": "BRZYCKI"}
    assert document["equipment"]["preset"] == "CUSTOM"
    assert {r["rule"] for r in document["movement_rules"]} == {"HARD_NO", "SUBSTITUTE"}
    assert document["enjoyable_activities"] == ["running"]
    (program,) = document["programs"]
    assert len(program["microcycles"]) == 8
    assert sum(len(w["sessions"]) for w in program["microcycles"]) == 56
    assert len(document["workouts"]) == 2
    assert document["workouts"][0]["session"] == [0, 1, 0]
    assert document["workouts"][0]["sets"][0]["session_exercise"][:3] == [0, 1, 0]
    assert document["circuit_scores"][0]["circuit"] == "cindy"
    assert {s["workout"] for s in document["circuit_scores"]} == {0, None}
    first_day = program["microcycles"][0]["sessions"][0]
    assert first_day["finisher_circuit"] == "cindy"
    assert len(document["soreness"]) == 1
    assert len(document["recovery_signals"]) == 1
    assert document["activities"][0]["distance_km"] == "5.200"


def test_a_json_export_restores_into_an_empty_account_identically(
    athlete, django_capture_on_commit_callbacks
):
    original = export(athlete)
    newcomer = UserFactory()
    data = "".join(exports.account_json(user=athlete)).encode()
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(
            user=newcomer, filename="alloy.json", data=data, unit="KG"
        )
    job.refresh_from_db()
    assert job.status == ImportStatus.COMPLETED, job.error
    assert job.workouts_created == 2
    newcomer.refresh_from_db()
    restored = comparable(export(newcomer))
    assert restored["profile"] == original["profile"]
    assert restored == comparable(original)
    # Derived rows are rebuilt, not copied: the same numbers come back.
    for model in (SetLog, TopSet):
        mine = model.objects.filter(**{"workout_log__user": athlete}).count()
        assert model.objects.filter(**{"workout_log__user": newcomer}).count() == mine
    assert list(
        PersonalRecord.objects.for_user(newcomer)
        .current()
        .order_by("movement_id", "kind", "reps")
        .values_list("movement_id", "kind", "value")
    ) == list(
        PersonalRecord.objects.for_user(athlete)
        .current()
        .order_by("movement_id", "kind", "reps")
        .values_list("movement_id", "kind", "value")
    )
    assert Program.objects.for_user(newcomer).count() == 1
    assert SessionExercise.objects.filter(session__program__user=newcomer).count() == (
        SessionExercise.objects.filter(session__program__user=athlete).count()
    )
    logged = WorkoutLog.objects.get(user=newcomer, session__isnull=False)
    assert logged.session.program.user == newcomer


def test_a_json_export_into_an_account_with_data_is_refused(athlete):
    data = "".join(exports.account_json(user=athlete)).encode()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        import_job_create(user=athlete, filename="alloy.json", data=data, unit="KG")
    assert "without programs or logs" in exc.value.messages[0]


def test_broken_json_is_refused_with_its_line(user):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        import_job_create(
            user=user, filename="a.json", data=b'{\n"format": ,\n}', unit="KG"
        )
    assert exc.value.messages == ["Line 2: not valid JSON (Expecting value)."]
    with pytest.raises(ValidationError) as exc:
        import_job_create(
            user=user, filename="a.json", data=b'{"format": "other"}', unit="KG"
        )
    assert exc.value.messages == ["This JSON is not an Alloy export."]
