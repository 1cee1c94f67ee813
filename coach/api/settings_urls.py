"""The athlete's settings and profile, mounted at ``/api/v1/settings/`` (namespace
``api:settings``). Equipment, movement rules and enjoyable activities live under
the same prefix in ``movements.api.urls``."""

from __future__ import annotations

from django.urls import path

from coach.api import views

app_name = "settings"

urlpatterns = [
    path("", views.AthleteSettingsApi.as_view(), name="detail"),
    path("profile/", views.AthleteProfileApi.as_view(), name="profile"),
    path("calendar/", views.CalendarFeedApi.as_view(), name="calendar"),
    path("calendar/token/", views.CalendarTokenApi.as_view(), name="calendar-token"),
]
