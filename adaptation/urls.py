"""The daily coach's pages, mounted at the site root by ``coach/urls.py``."""

from __future__ import annotations

from django.urls import path

from adaptation import views

app_name = "adaptation"

urlpatterns = [
    path("today/", views.today, name="today"),
    path("days/<str:day>/", views.day_page, name="day"),
    path("days/<str:day>/check-in/", views.day_checkin, name="day-checkin"),
    path(
        "days/<str:day>/adaptations/<int:adaptation_id>/accept/",
        views.adaptation_decide,
        {"decision": "accept"},
        name="accept",
    ),
    path(
        "days/<str:day>/adaptations/<int:adaptation_id>/reject/",
        views.adaptation_decide,
        {"decision": "reject"},
        name="reject",
    ),
    path(
        "programs/<int:program_id>/sessions/<int:session_id>/exercises/"
        "<int:exercise_id>/swap/",
        views.exercise_swap,
        name="exercise-swap",
    ),
]
