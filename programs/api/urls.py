from __future__ import annotations

from django.urls import path

from programs.api import views

app_name = "programs"

urlpatterns = [
    path("heuristics/", views.HeuristicsApi.as_view(), name="heuristics"),
    path("programs/", views.ProgramCollectionApi.as_view(), name="collection"),
    path("programs/<int:program_id>/", views.ProgramDetailApi.as_view(), name="detail"),
    path(
        "programs/<int:program_id>/generation-status/",
        views.ProgramGenerationStatusApi.as_view(),
        name="generation-status",
    ),
    path(
        "programs/<int:program_id>/retry/",
        views.ProgramRetryApi.as_view(),
        name="retry",
    ),
    path(
        "programs/<int:program_id>/sessions/<int:session_id>/",
        views.SessionDetailApi.as_view(),
        name="session-detail",
    ),
    path(
        "programs/<int:program_id>/sessions/<int:session_id>/regenerate/",
        views.SessionRegenerateApi.as_view(),
        name="session-regenerate",
    ),
]
