"""An athlete with a bit of everything, and the export helpers, shared by the
JSON round-trip tests here and by apps that add export sections (adaptation's
check-ins)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from django.utils import timezone

from coach import services as coach_services
from coach.tests.factories import UserFactory
from movements import services as movement_services
from movements.tests.factories import ActivityDefinitionFactory, CircuitFactory
from programs.models import Session, SessionType
from programs.services import program_create
from programs.tests.conftest import make_input
from programs.tests.library import build_library
from training_logs import services as log_services
from training_logs.portability import exports
from training_logs.services import SetInput, SorenessInput


def export(user) -> dict:
    return json.loads("".join(exports.account_json(user=user)))


def comparable(document: dict) -> dict:
    """The export without what must differ between two accounts."""
    return {k: v for k, v in document.items() if k != "exported_at"}


def make_athlete(capture_on_commit):
    """An athlete with a bit of everything: profile, settings, equipment, a
    rule, a favourite activity, a generated program, a logged session, an ad-hoc
    workout, soreness, a recovery signal and a run.

    ``capture_on_commit`` is pytest-django's ``django_capture_on_commit_callbacks``
    (the program is generated on commit).
    """
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
    with capture_on_commit(execute=True):
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
