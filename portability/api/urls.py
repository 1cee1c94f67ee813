from __future__ import annotations

from django.urls import path

from portability.api import views

app_name = "portability"

urlpatterns = [
    path("imports/", views.ImportCollectionApi.as_view(), name="import-collection"),
    path(
        "imports/<int:job_id>/", views.ImportDetailApi.as_view(), name="import-detail"
    ),
    path(
        "imports/<int:job_id>/mapping/",
        views.ImportMappingApi.as_view(),
        name="import-mapping",
    ),
    path(
        "imports/<int:job_id>/retry/",
        views.ImportRetryApi.as_view(),
        name="import-retry",
    ),
    path(
        "exports/workouts.csv",
        views.ExportWorkoutsCsvApi.as_view(),
        name="export-csv",
    ),
    path(
        "exports/alloy.json",
        views.ExportAccountJsonApi.as_view(),
        name="export-json",
    ),
]
