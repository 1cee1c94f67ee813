"""The athlete's daily check-ins travel in the JSON export and come back with
its restore (``adaptation.services.exports``, a registered export section)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from adaptation.models import DailyCheckIn
from adaptation.services import CheckInInput, checkin_create
from adaptation.services.exports import SECTION
from coach.tests.factories import UserFactory
from programs.models import Program
from training_logs.models import ImportStatus, RecoverySignal, WorkoutLog
from training_logs.portability import exports
from training_logs.portability.sections import export_sections
from training_logs.services import import_job_create
from training_logs.tests.portability.accounts import comparable, export, make_athlete

pytestmark = pytest.mark.django_db


@pytest.fixture
def athlete(db, django_capture_on_commit_callbacks):
    """The round-trip athlete (a program, logs, soreness, signals, a run) with
    two check-ins: one with soreness and sleep/energy (so a recovery signal),
    one with only minutes, equipment and a note."""
    user = make_athlete(django_capture_on_commit_callbacks)
    first = checkin_create(
        user=user,
        day=dt.date(2026, 1, 6),
        data=CheckInInput(
            soreness={"quadriceps": 4},
            sleep_hours=Decimal("6.5"),
            energy=3,
            notes="Legs heavy ☁",
        ),
        now=timezone.make_aware(dt.datetime(2026, 1, 6, 6, 45)),
    )
    DailyCheckIn.objects.filter(pk=first.pk).update(
        readiness_score=58, readiness={"score": 58, "band": "MODERATE"}
    )
    checkin_create(
        user=user,
        day=dt.date(2026, 1, 7),
        data=CheckInInput(minutes_available=30, equipment=["dumbbell"]),
        now=timezone.make_aware(dt.datetime(2026, 1, 7, 6, 45)),
    )
    return user


def restore(user, data: bytes, capture):
    with capture(execute=True):
        job = import_job_create(user=user, filename="alloy.json", data=data, unit="KG")
    job.refresh_from_db()
    return job


def test_adaptation_registers_its_check_ins_section():
    assert SECTION in {section.key for section in export_sections()}


def test_the_export_holds_the_check_ins(athlete):
    rows = export(athlete)[SECTION]
    assert [r["date"] for r in rows] == ["2026-01-06", "2026-01-07"]
    assert rows[0]["soreness"] == {"quadriceps": 4}
    assert rows[0]["readiness_score"] == 58
    assert rows[0]["notes"] == "Legs heavy ☁"
    assert dt.datetime.fromisoformat(rows[0]["recovery_signal"]) == (
        timezone.make_aware(dt.datetime(2026, 1, 6, 6, 45))
    )
    assert rows[1]["recovery_signal"] is None
    assert rows[1]["minutes_available"] == 30
    assert rows[1]["equipment"] == ["dumbbell"]


def test_a_json_export_with_check_ins_restores_identically(
    athlete, django_capture_on_commit_callbacks
):
    original = export(athlete)
    data = "".join(exports.account_json(user=athlete)).encode()
    newcomer = UserFactory()
    job = restore(newcomer, data, django_capture_on_commit_callbacks)
    assert job.status == ImportStatus.COMPLETED, job.error
    newcomer.refresh_from_db()
    assert comparable(export(newcomer)) == comparable(original)
    restored = DailyCheckIn.objects.for_user(newcomer).order_by("date")
    assert restored.count() == 2
    signal = restored[0].recovery_signal
    assert signal.user == newcomer
    assert signal.sleep_hours == Decimal("6.5")
    assert restored[0].readiness == {"score": 58, "band": "MODERATE"}
    assert RecoverySignal.objects.filter(user=newcomer).count() == (
        RecoverySignal.objects.filter(user=athlete).count()
    )


def test_a_bad_check_in_row_fails_the_restore_writing_nothing(
    athlete, django_capture_on_commit_callbacks
):
    document = export(athlete)
    document[SECTION][1]["minutes_available"] = 5
    newcomer = UserFactory()
    job = restore(
        newcomer, json.dumps(document).encode(), django_capture_on_commit_callbacks
    )
    assert job.status == ImportStatus.FAILED
    assert job.error == "Check-in 2: Minutes available must be 10–240."
    assert not DailyCheckIn.objects.for_user(newcomer).exists()
    assert not WorkoutLog.objects.filter(user=newcomer).exists()
    assert not Program.objects.for_user(newcomer).exists()


def test_a_check_in_whose_signal_is_not_in_the_export_is_refused(
    athlete, django_capture_on_commit_callbacks
):
    document = export(athlete)
    document[SECTION][0]["recovery_signal"] = "2020-01-01T00:00:00+00:00"
    newcomer = UserFactory()
    job = restore(
        newcomer, json.dumps(document).encode(), django_capture_on_commit_callbacks
    )
    assert job.status == ImportStatus.FAILED
    assert job.error == "Check-in 1: its recovery signal is not in the export."
    assert not DailyCheckIn.objects.for_user(newcomer).exists()


def test_an_account_with_a_check_in_is_not_empty(athlete):
    data = "".join(exports.account_json(user=athlete)).encode()
    newcomer = UserFactory()
    checkin_create(user=newcomer, day=dt.date(2026, 1, 6), data=CheckInInput())
    with pytest.raises(ValidationError) as exc:
        import_job_create(user=newcomer, filename="a.json", data=data, unit="KG")
    assert "without programs or logs" in exc.value.messages[0]
