"""An Alloy JSON export re-imports into an empty account to the same data."""

from __future__ import annotations

import pytest

from coach.tests.factories import UserFactory
from programs.models import Program, SessionExercise
from training_logs.models import (
    ImportStatus,
    PersonalRecord,
    SetLog,
    TopSet,
    WorkoutLog,
)
from training_logs.portability import exports
from training_logs.services import import_job_create
from training_logs.tests.portability.accounts import comparable, export, make_athlete

pytestmark = pytest.mark.django_db


@pytest.fixture
def athlete(db, django_capture_on_commit_callbacks):
    """See :func:`~training_logs.tests.portability.accounts.make_athlete`."""
    return make_athlete(django_capture_on_commit_callbacks)


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
