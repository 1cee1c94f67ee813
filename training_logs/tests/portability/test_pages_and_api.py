"""The Import and export section, an import's page, the API, and the CSV
export read back by the importer."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coach.tests.factories import UserFactory
from training_logs.models import ImportJob, ImportStatus, SetLog, WorkoutLog
from training_logs.services import import_job_create

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
IMPORTS = "/api/v1/imports/"


@pytest.fixture
def page(client, user):
    client.force_login(user)
    return client


def upload(name: str, sample) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, sample(name), content_type="text/csv")


def post_file(page, sample, name, unit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return page.post(
            reverse("training_logs:import-create"),
            {"file": upload(name, sample), "unit": unit},
        )


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------
def test_the_settings_page_loads_the_section_with_htmx(page):
    html = page.get(reverse("settings")).content.decode()
    url = reverse("training_logs:data")
    assert f'hx-get="{url}"' in html
    assert f'href="{url}"' in html
    section = page.get(url, headers=HTMX).content.decode()
    assert section.lstrip().startswith(
        '<section class="card settings-section" id="data"'
    )
    assert reverse("training_logs:export-csv") in section
    assert reverse("training_logs:export-json") in section


def test_the_section_needs_a_login(client):
    response = client.get(reverse("training_logs:data"))
    assert response.status_code == 302


def test_upload_confirm_and_import_from_the_pages(
    page, user, sample, movements, django_capture_on_commit_callbacks
):
    response = post_file(
        page, sample, "hevy_kg.csv", "KG", django_capture_on_commit_callbacks
    )
    job = ImportJob.objects.get(user=user)
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    html = page.get(job.get_absolute_url()).content.decode()
    assert "Which movements are these?" in html
    assert "Sentadilla búlgara (Mancuerna)" in html
    suggested = job.unmatched[0]["candidates"][0]
    assert f'<option value="{suggested["id"]}" selected>' in html
    assert "Leave these sets out" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = page.post(
            job.get_absolute_url(),
            {"movement_0": "other", "other_0": "split squat with dumbbells"},
        )
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportStatus.COMPLETED
    html = page.get(job.get_absolute_url()).content.decode()
    assert "10 sets" in html
    assert 'hx-trigger="every 1s"' not in html


def test_an_unknown_other_name_re_shows_the_form(
    page, user, sample, movements, django_capture_on_commit_callbacks
):
    post_file(page, sample, "hevy_kg.csv", "KG", django_capture_on_commit_callbacks)
    job = ImportJob.objects.get(user=user)
    response = page.post(
        job.get_absolute_url(), {"movement_0": "other", "other_0": "Moon walk"}
    )
    assert response.status_code == 400
    assert "as the library spells it" in response.content.decode()
    job.refresh_from_db()
    assert job.status == ImportStatus.NEEDS_MAPPING


def test_a_refused_file_shows_its_line_numbers(
    page, user, sample, movements, django_capture_on_commit_callbacks
):
    response = post_file(
        page, sample, "strong_broken.csv", "KG", django_capture_on_commit_callbacks
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Line 3: Reps is not a number" in html
    assert "Line 8: Set Order must be a number" in html
    assert not ImportJob.objects.exists()


def test_a_running_import_polls_its_progress(page, user):
    job = ImportJob.objects.create(
        user=user,
        source="STRONG",
        sets_total=10,
        sets_done=4,
        status=ImportStatus.RUNNING,
    )
    html = page.get(job.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 1s"' in html
    assert "4 of 10 sets · 40%" in html
    partial = page.get(job.get_absolute_url(), headers=HTMX).content.decode()
    assert partial.lstrip().startswith('<section id="progress"')


def test_another_athletes_import_is_a_404(page, user):
    theirs = ImportJob.objects.create(
        user=UserFactory(), source="STRONG", status=ImportStatus.NEEDS_MAPPING
    )
    assert page.get(theirs.get_absolute_url()).status_code == 404
    assert page.post(theirs.get_absolute_url(), {}).status_code == 404


# ---------------------------------------------------------------------------
# API
# ---------------------------------------------------------------------------
def test_api_upload_map_and_poll(
    auth_client, user, sample, movements, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.post(
            IMPORTS, {"file": upload("hevy_kg.csv", sample)}, format="multipart"
        )
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["status"] == "NEEDS_MAPPING"
    assert body["unmatched"][0]["name"] == "Sentadilla búlgara (Mancuerna)"
    assert body["status_url"] == f"{IMPORTS}{body['id']}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.post(
            f"{IMPORTS}{body['id']}/mapping/",
            {
                "mapping": {
                    "Sentadilla búlgara (Mancuerna)": movements[
                        "Split Squat with Dumbbells"
                    ].pk
                }
            },
        )
    assert response.status_code == 202, response.content
    polled = auth_client.get(body["status_url"]).json()
    assert (polled["status"], polled["sets_created"], polled["percent"]) == (
        "COMPLETED",
        10,
        100,
    )


def test_api_refusals_are_400s_with_line_numbers(auth_client, sample, movements):
    response = auth_client.post(
        IMPORTS,
        {"file": upload("strong_broken.csv", sample), "unit": "KG"},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["file"][0] == "Line 3: Reps is not a number: 'five'."
    response = auth_client.post(IMPORTS, {"unit": "KG"}, format="multipart")
    assert set(response.json()) == {"file"}


def test_api_other_athletes_import_is_a_404(other_client, user):
    job = ImportJob.objects.create(
        user=user, source="STRONG", status=ImportStatus.NEEDS_MAPPING
    )
    assert other_client.get(f"{IMPORTS}{job.pk}/").status_code == 404
    assert (
        other_client.post(
            f"{IMPORTS}{job.pk}/mapping/", {"mapping": {"x": 1}}
        ).status_code
        == 404
    )


def test_api_list_is_the_athletes_own(
    auth_client, user, other_user, django_assert_num_queries
):
    for _ in range(3):
        ImportJob.objects.create(user=user, source="STRONG")
    ImportJob.objects.create(user=other_user, source="HEVY")
    with django_assert_num_queries(2):  # count, page
        body = auth_client.get(IMPORTS).json()
    assert body["count"] == 3


@pytest.mark.parametrize(
    "path", [IMPORTS, "/api/v1/exports/workouts.csv", "/api/v1/exports/alloy.json"]
)
def test_api_needs_authentication(api_client, path):
    assert api_client.get(path).status_code == 401


# ---------------------------------------------------------------------------
# CSV export
# ---------------------------------------------------------------------------
def test_the_csv_export_reads_back_as_the_same_sets(
    auth_client, user, sample, movements, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        auth_client.post(
            IMPORTS,
            {"file": upload("strong_legacy.csv", sample), "unit": "KG"},
            format="multipart",
        )
    response = auth_client.get("/api/v1/exports/workouts.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith('-kg.csv"')
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 6
    assert rows[0]["Exercise Name"] == "Barbell Squat"
    assert (
        rows[0]["Weight"],
        rows[0]["Reps"],
        rows[0]["RPE"],
        rows[0]["Duration"],
    ) == ("100", "5", "8", "1h 0m")
    plank = next(r for r in rows if r["Exercise Name"] == "Plank")
    assert (plank["Reps"], plank["Seconds"]) == ("0", "75")

    other = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(
            user=other, filename="alloy.csv", data=text.encode(), unit="KG"
        )
    job.refresh_from_db()
    assert (job.status, job.sets_created) == (ImportStatus.COMPLETED, 6)
    mine = SetLog.objects.for_user(user).order_by("workout_log__performed_at", "order")
    theirs = SetLog.objects.for_user(other).order_by(
        "workout_log__performed_at", "order"
    )
    fields = (
        "movement_id",
        "load_kg",
        "reps",
        "duration_seconds",
        "rpe",
        "is_warmup",
        "e1rm_kg",
    )
    assert [tuple(getattr(s, f) for f in fields) for s in mine] == [
        tuple(getattr(s, f) for f in fields) for s in theirs
    ]
    assert WorkoutLog.objects.filter(user=other).count() == 2


def test_the_json_export_streams_from_the_api_and_the_page(auth_client, page, user):
    response = auth_client.get("/api/v1/exports/alloy.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.streaming
    document = json.loads(b"".join(response.streaming_content))
    assert (document["format"], document["workouts"]) == ("alloy-export", [])
    response = page.get(reverse("training_logs:export-json"))
    assert response["Content-Disposition"].startswith(
        'attachment; filename="alloy-export-'
    )


def test_export_query_counts_do_not_grow_with_the_history(
    auth_client,
    user,
    sample,
    movements,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    def counted(path):
        with django_assert_num_queries(EXPORT_QUERIES[path]):
            b"".join(auth_client.get(path).streaming_content)

    with django_capture_on_commit_callbacks(execute=True):
        import_job_create(
            user=user, filename="a.csv", data=sample("strong_no_rpe.csv"), unit="KG"
        )
    for path in EXPORT_QUERIES:
        counted(path)
    with django_capture_on_commit_callbacks(execute=True):
        import_job_create(
            user=user, filename="b.csv", data=sample("strong_legacy.csv"), unit="KG"
        )
    for path in EXPORT_QUERIES:
        counted(path)


#: The CSV: settings, profile, the logs, their sets. The JSON: each part of
#: the account once (user
#: is loaded; profile, settings, equipment, rules, activities, the programs'
#: rule slugs, programs, logs, sets, circuit scores, soreness, signals,
#: activities; three more
#: for microcycles, sessions and exercises once there is a program).
#: The JSON export's count includes one query per registered section (adaptation's
#: daily check-ins: 1).
EXPORT_QUERIES = {"/api/v1/exports/workouts.csv": 4, "/api/v1/exports/alloy.json": 14}


def test_a_failed_import_can_be_run_again_from_its_page_and_the_api(
    page, auth_client, other_client, user
):
    job = ImportJob.objects.create(
        user=user,
        source="STRONG",
        status=ImportStatus.FAILED,
        error="disk full",
        content="x",
    )
    html = page.get(job.get_absolute_url()).content.decode()
    assert "disk full" in html
    assert reverse("training_logs:import-retry", args=[job.pk]) in html
    assert other_client.post(f"{IMPORTS}{job.pk}/retry/").status_code == 404
    response = auth_client.post(f"{IMPORTS}{job.pk}/retry/")
    assert response.status_code == 202
    assert response.json()["status"] == "QUEUED"  # the worker runs it after commit
    again = auth_client.post(f"{IMPORTS}{job.pk}/retry/")
    assert again.status_code == 400
    assert again.json() == {"status": ["Only a failed import can be run again."]}


def test_uploads_and_exports_share_the_expensive_rate(auth_client, settings):
    from django.core.cache import cache

    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "expensive": "2/min",
        },
    }
    assert auth_client.get("/api/v1/exports/workouts.csv").status_code == 200
    assert (
        auth_client.post(IMPORTS, {"unit": "KG"}, format="multipart").status_code == 400
    )
    assert auth_client.get("/api/v1/exports/alloy.json").status_code == 429
    assert auth_client.get(IMPORTS).status_code == 200  # listing is not throttled
    cache.clear()


def test_a_pound_athletes_csv_export_reads_back_to_the_same_kilograms(
    auth_client, user, sample, movements, django_capture_on_commit_callbacks
):
    from coach import services as coach_services

    with django_capture_on_commit_callbacks(execute=True):
        import_job_create(
            user=user, filename="hevy.csv", data=sample("hevy_lbs.csv"), unit="KG"
        )
    coach_services.athlete_settings_update(user=user, units="LB")
    response = auth_client.get("/api/v1/exports/workouts.csv")
    assert response["Content-Disposition"].endswith('-lb.csv"')
    text = b"".join(response.streaming_content).decode()
    assert [r["Weight"] for r in csv.DictReader(io.StringIO(text))] == [
        "225",
        "225",
        "360",
    ]
    other = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        import_job_create(user=other, filename="lb.csv", data=text.encode(), unit="LB")
    assert sorted(
        SetLog.objects.for_user(other).values_list("load_kg", flat=True)
    ) == sorted(SetLog.objects.for_user(user).values_list("load_kg", flat=True))
