"""Sections other apps add to the JSON export (``training_logs.portability.sections``):
registered, exported after the built-in parts, restored in the same transaction.

The section here is test-only and keeps its rows in memory, keyed by user id, so
the tests see exactly what the exporter asked for and the restorer was given."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coach.tests.factories import UserFactory
from movements.tests.factories import MovementFactory
from training_logs import services as log_services
from training_logs.models import ImportStatus, SetLog, WorkoutLog
from training_logs.portability import exports, sections
from training_logs.services import SetInput, import_job_create

pytestmark = pytest.mark.django_db

KEY = "test_notes"


class NotesStore:
    """A stand-in for an app's model: ``{user_id: [row, ...]}``."""

    def __init__(self) -> None:
        self.rows: dict[int, list[dict]] = {}
        self.fail_with: Exception | None = None

    def export(self, *, user):
        return list(self.rows.get(user.pk, []))

    def restore(self, *, user, rows: list[dict]) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.rows[user.pk] = list(rows)

    def exists(self, *, user) -> bool:
        return bool(self.rows.get(user.pk))


@pytest.fixture
def store():
    notes = NotesStore()
    sections.register_export_section(
        KEY, notes.export, notes.restore, exists_fn=notes.exists
    )
    yield notes
    sections.unregister_export_section(KEY)


@pytest.fixture
def athlete(db):
    user = UserFactory(name="Ana")
    squat = MovementFactory(name="Back Squat")
    log_services.workout_log_create(
        user=user,
        performed_at=timezone.make_aware(dt.datetime(2026, 3, 2, 7, 0)),
        name="Legs",
        sets=[SetInput(movement_id=squat.pk, reps=5, load_kg=Decimal("100"))],
    )
    return user


def export(user) -> dict:
    return json.loads("".join(exports.account_json(user=user)))


def restore(user, data: bytes, capture):
    with capture(execute=True):
        job = import_job_create(user=user, filename="alloy.json", data=data, unit="KG")
    job.refresh_from_db()
    return job


def test_a_registered_section_is_exported_after_the_built_in_parts(athlete, store):
    store.rows[athlete.pk] = [{"day": "2026-03-02", "note": "slept well ☀"}]
    document = export(athlete)
    assert document[KEY] == [{"day": "2026-03-02", "note": "slept well ☀"}]
    keys = list(document)
    assert keys[-1] == KEY  # registered last
    assert keys.index(KEY) > keys.index("activities")


def test_a_registered_section_round_trips_with_the_rest(
    athlete, store, django_capture_on_commit_callbacks
):
    store.rows[athlete.pk] = [{"day": "2026-03-02", "note": "slept well"}]
    original = export(athlete)
    newcomer = UserFactory()
    data = "".join(exports.account_json(user=athlete)).encode()
    job = restore(newcomer, data, django_capture_on_commit_callbacks)
    assert job.status == ImportStatus.COMPLETED, job.error
    assert store.rows[newcomer.pk] == [{"day": "2026-03-02", "note": "slept well"}]
    newcomer.refresh_from_db()
    restored = export(newcomer)
    assert {k: v for k, v in restored.items() if k != "exported_at"} == {
        k: v for k, v in original.items() if k != "exported_at"
    }


def test_a_failing_section_rolls_the_whole_restore_back(
    athlete, store, django_capture_on_commit_callbacks
):
    store.rows[athlete.pk] = [{"day": "2026-03-02", "note": "x"}]
    data = "".join(exports.account_json(user=athlete)).encode()
    store.fail_with = ValidationError("Row 1: no such day.")
    newcomer = UserFactory()
    job = restore(newcomer, data, django_capture_on_commit_callbacks)
    assert job.status == ImportStatus.FAILED
    assert job.error == "Row 1: no such day."
    assert not WorkoutLog.objects.filter(user=newcomer).exists()
    assert not SetLog.objects.filter(workout_log__user=newcomer).exists()
    assert newcomer.pk not in store.rows


def test_an_export_without_the_section_restores_it_empty(
    athlete, django_capture_on_commit_callbacks
):
    data = "".join(exports.account_json(user=athlete)).encode()  # before it existed
    notes = NotesStore()
    sections.register_export_section(KEY, notes.export, notes.restore)
    try:
        newcomer = UserFactory()
        job = restore(newcomer, data, django_capture_on_commit_callbacks)
        assert job.status == ImportStatus.COMPLETED, job.error
        assert notes.rows[newcomer.pk] == []
        assert WorkoutLog.objects.filter(user=newcomer).count() == 1
    finally:
        sections.unregister_export_section(KEY)


def test_a_section_no_app_reads_is_refused_not_dropped(athlete, store):
    store.rows[athlete.pk] = [{"note": "x"}]
    data = "".join(exports.account_json(user=athlete)).encode()
    sections.unregister_export_section(KEY)
    try:
        with pytest.raises(ValidationError) as exc:
            import_job_create(
                user=UserFactory(), filename="a.json", data=data, unit="KG"
            )
        assert exc.value.messages == [f"This Alloy cannot restore {KEY}."]
    finally:
        sections.register_export_section(KEY, store.export, store.restore)


def test_a_section_that_is_not_a_list_is_refused(athlete, store):
    document = export(athlete)
    document[KEY] = {"note": "x"}
    with pytest.raises(ValidationError) as exc:
        import_job_create(
            user=UserFactory(),
            filename="a.json",
            data=json.dumps(document).encode(),
            unit="KG",
        )
    assert exc.value.messages == [f"Not a list: {KEY}."]


def test_an_account_holding_section_rows_is_not_empty(athlete, store):
    data = "".join(exports.account_json(user=athlete)).encode()
    newcomer = UserFactory()
    store.rows[newcomer.pk] = [{"note": "mine"}]
    with pytest.raises(ValidationError) as exc:
        import_job_create(user=newcomer, filename="a.json", data=data, unit="KG")
    assert "without programs or logs" in exc.value.messages[0]


def test_registering_checks_the_key(store):
    with pytest.raises(ValueError, match="built-in"):
        sections.register_export_section("workouts", store.export, store.restore)
    with pytest.raises(ValueError, match="snake_case"):
        sections.register_export_section("Daily-Notes", store.export, store.restore)
    with pytest.raises(ValueError, match="already registered"):
        sections.register_export_section(KEY, store.export, lambda **kw: None)
    again = sections.register_export_section(
        KEY, store.export, store.restore, exists_fn=store.exists
    )
    assert sections.export_sections().count(again) == 1
    with pytest.raises(KeyError):
        sections.unregister_export_section("never_registered")
