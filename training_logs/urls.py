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
]
