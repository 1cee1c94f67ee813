"""The Import and export pages, mounted at the site root by ``coach/urls.py``
(namespace ``portability``)."""

from __future__ import annotations

from django.urls import path

from portability import views

app_name = "portability"

urlpatterns = [
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
