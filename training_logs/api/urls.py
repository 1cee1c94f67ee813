"""Training-log API routes, mounted under /api/v1/ (namespace ``api:training_logs``)."""

from __future__ import annotations

from django.urls import path

from training_logs.api import imports, views

app_name = "training_logs"

urlpatterns = [
    path(
        "logs/workouts/",
        views.WorkoutLogCollectionApi.as_view(),
        name="workout-collection",
    ),
    path(
        "logs/workouts/<int:workout_log_id>/",
        views.WorkoutLogDetailApi.as_view(),
        name="workout-detail",
    ),
    path(
        "logs/custom-workout/",
        views.CustomWorkoutLogCreateApi.as_view(),
        name="custom-workout",
    ),
    path("logs/soreness/", views.SorenessLogCreateApi.as_view(), name="soreness"),
    path(
        "logs/recovery-signal/",
        views.RecoverySignalCreateApi.as_view(),
        name="recovery-signal",
    ),
    path(
        "logs/muscle-recovery/",
        views.MuscleRecoveryListApi.as_view(),
        name="muscle-recovery",
    ),
    path(
        "logs/circuit-scores/",
        views.CircuitScoreCollectionApi.as_view(),
        name="circuit-scores",
    ),
    path("logs/prs/", views.PersonalRecordListApi.as_view(), name="prs"),
    path("logs/e1rm/", views.E1RMTrendApi.as_view(), name="e1rm"),
    path("logs/adherence/", views.AdherenceApi.as_view(), name="adherence"),
    path("logs/weekly-volume/", views.WeeklyVolumeApi.as_view(), name="weekly-volume"),
    path("activities/", views.ActivityInstanceListApi.as_view(), name="activity-list"),
    path("activities/log/", views.ActivityLogCreateApi.as_view(), name="activity-log"),
    # Import and export (training_logs.api.imports)
    path("imports/", imports.ImportCollectionApi.as_view(), name="import-collection"),
    path(
        "imports/<int:job_id>/",
        imports.ImportDetailApi.as_view(),
        name="import-detail",
    ),
    path(
        "imports/<int:job_id>/mapping/",
        imports.ImportMappingApi.as_view(),
        name="import-mapping",
    ),
    path(
        "imports/<int:job_id>/retry/",
        imports.ImportRetryApi.as_view(),
        name="import-retry",
    ),
    path(
        "exports/workouts.csv",
        imports.ExportWorkoutsCsvApi.as_view(),
        name="export-csv",
    ),
    path(
        "exports/alloy.json",
        imports.ExportAccountJsonApi.as_view(),
        name="export-json",
    ),
]
