"""The training-log pages, mounted at the site root by ``coach/urls.py``."""

from __future__ import annotations

from django.urls import path

from training_logs import views

app_name = "training_logs"

urlpatterns = [
    path("log/sessions/<int:session_id>/", views.session_log, name="session-log"),
    path("log/activity/", views.activity_log, name="activity-log"),
    path("log/check-in/", views.checkin, name="checkin"),
    path("history/", views.history, name="history"),
    path("history/<int:workout_log_id>/", views.workout_detail, name="workout-detail"),
    path(
        "history/<int:workout_log_id>/delete/",
        views.workout_delete,
        name="workout-delete",
    ),
    path("records/", views.records, name="records"),
    path("progress/", views.progress, name="progress"),
    # Import and export: the Settings → Data section (training_logs.views.data)
    path("settings/data/", views.data_section, name="data"),
    path("settings/data/imports/", views.import_create, name="import-create"),
    path(
        "settings/data/imports/<int:job_id>/", views.import_detail, name="import-detail"
    ),
    path(
        "settings/data/imports/<int:job_id>/retry/",
        views.import_retry,
        name="import-retry",
    ),
    path(
        "settings/data/export/workouts.csv",
        views.export_workouts_csv,
        name="export-csv",
    ),
    path(
        "settings/data/export/alloy.json",
        views.export_account_json,
        name="export-json",
    ),
]
