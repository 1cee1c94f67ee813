"""The HTML site's program pages, mounted at the site root by ``coach/urls.py``.

The home page lives here too: it is about programs, and ``coach`` imports no
domain app.
"""

from __future__ import annotations

from django.urls import path

from programs import views
from programs.calendar import views as calendar_views

app_name = "programs"

urlpatterns = [
    path("", views.home, name="home"),
    path("programs/", views.program_list, name="list"),
    path("programs/new/", views.wizard_start, name="wizard"),
    path("programs/new/reset/", views.wizard_reset, name="wizard-reset"),
    path("programs/new/movements/", views.movement_search, name="movement-search"),
    path("programs/new/<slug:step>/", views.wizard_step, name="wizard-step"),
    path("programs/<int:program_id>/", views.program_detail, name="detail"),
    path(
        "programs/<int:program_id>/progress/",
        views.program_progress,
        name="progress",
    ),
    path(
        "programs/<int:program_id>/coach-view/",
        views.program_coach_view,
        name="coach-view",
    ),
    path("programs/<int:program_id>/retry/", views.program_retry, name="retry"),
    path("programs/<int:program_id>/delete/", views.program_delete, name="delete"),
    path(
        "programs/<int:program_id>/sessions/<int:session_id>/",
        views.session_detail,
        name="session",
    ),
    # The calendar feed: no login, the secret token is the credential.
    path(
        "calendar/<slug:token>.ics",
        calendar_views.calendar_feed,
        name="calendar-feed",
    ),
]
