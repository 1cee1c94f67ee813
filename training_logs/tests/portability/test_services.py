"""Importing the sample exports through the services: counts, units, the
confirmation step, idempotency, line-numbered refusals, derived history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from coach import services as coach_services
from training_logs.models import (
    ExerciseNameChoice,
    ImportedSet,
    ImportJob,
    ImportSource,
    ImportStatus,
    PersonalRecord,
    SetLog,
    TopSet,
    WorkoutLog,
)
from training_logs.services import import_job_create, import_job_map, import_job_retry

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Call a service and run what it queued (django-q2 runs in-process)."""

    def _run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            job = service(**kwargs)
        job.refresh_from_db()
        return job

    return _run


def strong(user, run, sample, movements):
    job = run(
        import_job_create,
        user=user,
        filename="strong.csv",
        data=sample("strong_current_lb.csv"),
        unit="LB",
    )
    assert job.status == ImportStatus.NEEDS_MAPPING
    return run(
        import_job_map,
        job=job,
        mapping={
            "Développé couché (Barre)": movements[
                "Barbell Bench Press - Medium Grip"
            ].pk
        },
    )


def test_a_strong_export_waits_for_the_unmatched_name(user, run, sample, movements):
    job = run(
        import_job_create,
        user=user,
        filename="strong.csv",
        data=sample("strong_current_lb.csv"),
        unit="LB",
    )
    assert (job.source, job.status) == (ImportSource.STRONG, ImportStatus.NEEDS_MAPPING)
    assert (job.rows_total, job.sets_total, job.rows_skipped) == (20, 18, 2)
    assert [u["name"] for u in job.unmatched] == ["Développé couché (Barre)"]
    assert job.unmatched[0]["sets"] == 1
    assert job.unmatched[0]["candidates"]
    assert not WorkoutLog.objects.exists()


def test_a_strong_export_imports_exact_counts_after_the_choice(
    user, run, sample, movements
):
    job = strong(user, run, sample, movements)
    assert job.status == ImportStatus.COMPLETED, job.error
    assert (job.workouts_created, job.sets_created, job.sets_duplicate) == (3, 18, 0)
    assert job.sets_done == job.sets_total == 18
    assert job.content == ""
    assert WorkoutLog.objects.filter(user=user).count() == 3
    assert SetLog.objects.for_user(user).count() == 18
    assert SetLog.objects.for_user(user).filter(is_warmup=True).count() == 1
    assert ImportedSet.objects.filter(user=user).count() == 18
    choice = ExerciseNameChoice.objects.get(user=user)
    assert choice.name == "barre developpe couche"


def test_imported_sets_keep_loads_time_and_rpe(user, run, sample, movements):
    strong(user, run, sample, movements)
    push = WorkoutLog.objects.get(user=user, name="Push A")
    assert push.duration_minutes == 65
    assert push.notes == "Felt strong"
    # Read in the athlete's time zone (the site's by default: UTC in tests).
    assert push.performed_at == dt.datetime(2026, 1, 5, 7, 2, tzinfo=dt.UTC)
    bench = movements["Barbell Bench Press - Medium Grip"]
    top = SetLog.objects.get(workout_log=push, movement=bench, set_number=2)
    assert (top.load_kg, top.reps, top.rpe) == (Decimal("83.915"), 5, Decimal("8.0"))
    assert top.e1rm_kg is not None
    assert top.is_hard
    plank = SetLog.objects.filter(movement=movements["Plank"])
    assert sorted(plank.values_list("duration_seconds", flat=True)) == [45, 60]
    pull_ups = SetLog.objects.filter(movement=movements["Pullups"])
    assert set(pull_ups.values_list("load_kg", flat=True)) == {None}
    dips = SetLog.objects.filter(movement=movements["Dips - Triceps Version"])
    assert set(dips.values_list("load_kg", flat=True)) == {Decimal("0.000")}


def test_records_and_top_sets_are_built_once_at_the_end(user, run, sample, movements):
    strong(user, run, sample, movements)
    bench = movements["Barbell Bench Press - Medium Grip"]
    assert TopSet.objects.filter(user=user, movement=bench).count() == 2  # 2 workouts
    current = PersonalRecord.objects.for_user(user).current().filter(movement=bench)
    assert current.filter(kind="E1RM").count() == 1


def test_re_importing_the_same_file_adds_nothing(user, run, sample, movements):
    strong(user, run, sample, movements)
    again = run(
        import_job_create,
        user=user,
        filename="strong.csv",
        data=sample("strong_current_lb.csv"),
        unit="LB",
    )
    # The athlete's earlier choice is remembered: no confirmation this time.
    assert again.status == ImportStatus.COMPLETED
    assert (again.workouts_created, again.sets_created, again.sets_duplicate) == (
        0,
        0,
        18,
    )
    assert WorkoutLog.objects.filter(user=user).count() == 3
    assert SetLog.objects.for_user(user).count() == 18


def test_deleting_a_workout_lets_a_re_import_bring_it_back(
    user, run, sample, movements
):
    strong(user, run, sample, movements)
    WorkoutLog.objects.get(user=user, name="Pull A").delete()
    again = run(
        import_job_create,
        user=user,
        filename="strong.csv",
        data=sample("strong_current_lb.csv"),
        unit="LB",
    )
    assert (again.workouts_created, again.sets_created, again.sets_duplicate) == (
        1,
        7,
        11,
    )


def test_a_hevy_export_imports_exact_counts(user, run, sample, movements):
    job = run(
        import_job_create,
        user=user,
        filename="hevy.csv",
        data=sample("hevy_kg.csv"),
        unit="KG",
    )
    assert job.source == ImportSource.HEVY
    assert [u["name"] for u in job.unmatched] == ["Sentadilla búlgara (Mancuerna)"]
    job = run(
        import_job_map,
        job=job,
        mapping={
            "Sentadilla búlgara (Mancuerna)": movements["Split Squat with Dumbbells"].pk
        },
    )
    assert job.status == ImportStatus.COMPLETED, job.error
    assert (job.workouts_created, job.sets_created) == (2, 10)
    run_log = SetLog.objects.get(movement=movements["Easy Run"])
    assert (run_log.duration_seconds, run_log.reps) == (1800, None)


def test_a_name_can_be_left_out(user, run, sample, movements):
    job = run(
        import_job_create,
        user=user,
        filename="hevy.csv",
        data=sample("hevy_kg.csv"),
        unit="KG",
    )
    job = run(import_job_map, job=job, mapping={"Sentadilla búlgara (Mancuerna)": None})
    assert (job.sets_created, job.sets_left_out) == (9, 1)
    assert not ExerciseNameChoice.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("name", "unit", "workouts", "sets"),
    [
        ("strong_legacy.csv", "KG", 2, 6),
        ("strong_no_rpe.csv", "KG", 1, 3),
        ("hevy_lbs.csv", "KG", 1, 3),
    ],
)
def test_the_other_samples_import_straight_away(
    user, run, sample, movements, name, unit, workouts, sets
):
    job = run(import_job_create, user=user, filename=name, data=sample(name), unit=unit)
    assert job.status == ImportStatus.COMPLETED, (job.error, job.unmatched)
    assert (job.workouts_created, job.sets_created) == (workouts, sets)


def test_a_file_with_bad_rows_is_refused_with_line_numbers_and_writes_nothing(
    user, run, sample, movements
):
    with pytest.raises(ValidationError) as exc:
        import_job_create(
            user=user, filename="x.csv", data=sample("strong_broken.csv"), unit="KG"
        )
    assert exc.value.message_dict["file"] == [
        "Line 3: Reps is not a number: 'five'.",
        "Line 5: RPE must be 1–10 in steps of 0.5, not '11'.",
        "Line 6: Expected 12 columns, found 9.",
        "Line 7: Date is not a date and time: 'yesterday'.",
        "Line 8: Set Order must be a number, W, D or F, not 'X'.",
    ]
    assert not ImportJob.objects.exists()
    assert not WorkoutLog.objects.exists()


def test_a_workout_in_the_future_is_refused(user, movements):
    data = (
        b"Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        b"2099-01-01 10:00:00,Later,Squat (Barbell),1,100,5\n"
    )
    with pytest.raises(ValidationError) as exc:
        import_job_create(user=user, filename="x.csv", data=data, unit="KG")
    assert exc.value.message_dict["file"] == ["Line 2: This workout is in the future."]


def test_times_are_read_in_the_athletes_time_zone(user, run, sample, movements):
    coach_services.athlete_profile_update(user=user, time_zone="America/Chicago")
    run(
        import_job_create,
        user=user,
        filename="n.csv",
        data=sample("strong_no_rpe.csv"),
        unit="KG",
    )
    log = WorkoutLog.objects.get(user=user)
    assert log.performed_at == dt.datetime(
        2025, 12, 1, 6, 15, tzinfo=ZoneInfo("America/Chicago")
    )


def test_the_mapping_must_cover_every_name_with_a_real_movement(
    user, run, sample, movements
):
    job = run(
        import_job_create,
        user=user,
        filename="hevy.csv",
        data=sample("hevy_kg.csv"),
        unit="KG",
    )
    with pytest.raises(ValidationError) as exc:
        import_job_map(job=job, mapping={})
    assert exc.value.message_dict["mapping"] == [
        "Choose a movement for “Sentadilla búlgara (Mancuerna)” or leave it out."
    ]
    with pytest.raises(ValidationError):
        import_job_map(job=job, mapping={"Sentadilla búlgara (Mancuerna)": 999_999})
    job.refresh_from_db()
    assert job.status == ImportStatus.NEEDS_MAPPING


def test_an_unknown_unit_or_a_huge_file_is_refused(user, movements):
    with pytest.raises(ValidationError) as exc:
        import_job_create(user=user, filename="x.csv", data=b"", unit="STONE")
    assert "unit" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        import_job_create(
            user=user, filename="x.csv", data=b"x" * (11 * 2**20), unit="KG"
        )
    assert "larger than 10 MB" in exc.value.messages[0]


def test_a_failed_import_runs_again_without_duplicates(
    user, run, sample, movements, monkeypatch
):
    from training_logs.services import import_runs as import_services

    calls = {"n": 0}
    real = import_services.workout_logs_import

    def flaky(**kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(**kwargs)

    monkeypatch.setattr(import_services, "BATCH_WORKOUTS", 1)
    monkeypatch.setattr(import_services, "workout_logs_import", flaky)
    job = run(
        import_job_create,
        user=user,
        filename="legacy.csv",
        data=sample("strong_legacy.csv"),
        unit="KG",
    )
    assert (job.status, job.error) == (ImportStatus.FAILED, "disk full")
    assert WorkoutLog.objects.filter(user=user).count() == 1  # the first batch
    job = run(import_job_retry, job=job)
    assert job.status == ImportStatus.COMPLETED
    assert (job.workouts_created, job.sets_duplicate) == (1, 5)
    assert WorkoutLog.objects.filter(user=user).count() == 2
    assert SetLog.objects.for_user(user).count() == 6
    with pytest.raises(ValidationError):
        import_job_retry(job=job)


def test_a_time_with_an_offset_keeps_its_instant(user, run, movements):
    coach_services.athlete_profile_update(user=user, time_zone="America/Chicago")
    data = (
        b"Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        b"2026-01-05T07:02:00+01:00,A,Squat (Barbell),1,100,5\n"
    )
    run(import_job_create, user=user, filename="iso.csv", data=data, unit="KG")
    log = WorkoutLog.objects.get(user=user)
    assert log.performed_at == dt.datetime(2026, 1, 5, 6, 2, tzinfo=dt.UTC)
