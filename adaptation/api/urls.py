"""The daily-coach API under /api/v1/ (namespace ``api:adaptation``)."""

from __future__ import annotations

from django.urls import path

from adaptation.api import streams, views

app_name = "adaptation"

EXERCISE = (
    "programs/<int:program_id>/sessions/<int:session_id>/exercises/<int:exercise_id>/"
)

urlpatterns = [
    path("days/<str:day>/plan/", views.DayPlanApi.as_view(), name="day-plan"),
    path("days/<str:day>/adapt/", views.DayAdaptApi.as_view(), name="day-adapt"),
    # The coach's voice: streamed answers (text/event-stream) and threads.
    path(
        "days/<str:day>/adapt/stream",
        streams.day_adapt_stream,
        name="day-adapt-stream",
    ),
    path("days/<str:day>/accept", views.ThreadAcceptApi.as_view(), name="day-accept"),
    path("days/<str:day>/reject", views.ThreadRejectApi.as_view(), name="day-reject"),
    path("days/<str:day>/threads/", views.ThreadListApi.as_view(), name="threads"),
    path(
        "days/<str:day>/threads/<int:thread_id>/",
        views.ThreadDetailApi.as_view(),
        name="thread-detail",
    ),
    path(
        "days/<str:day>/threads/<int:thread_id>/messages",
        streams.thread_message_stream,
        name="thread-messages",
    ),
    path(
        "days/<str:day>/adaptations/",
        views.DayAdaptationListApi.as_view(),
        name="day-adaptations",
    ),
    path(
        "days/<str:day>/adaptations/<int:adaptation_id>/accept/",
        views.AdaptationAcceptApi.as_view(),
        name="adaptation-accept",
    ),
    path(
        "days/<str:day>/adaptations/<int:adaptation_id>/reject/",
        views.AdaptationRejectApi.as_view(),
        name="adaptation-reject",
    ),
    path(
        EXERCISE + "alternatives/",
        views.ExerciseAlternativesApi.as_view(),
        name="exercise-alternatives",
    ),
    path(EXERCISE + "swap/", views.ExerciseSwapApi.as_view(), name="exercise-swap"),
    path(
        "programs/<int:program_id>/deload-now/",
        views.ProgramDeloadNowApi.as_view(),
        name="deload-now",
    ),
]
