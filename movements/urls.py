"""The Settings page's movement-library sections, mounted at the site root by
``coach/urls.py`` (namespace ``movements``)."""

from __future__ import annotations

from django.urls import path

from movements import views

app_name = "movements"

urlpatterns = [
    path("settings/equipment/", views.settings_equipment, name="settings-equipment"),
    path("settings/movement-rules/", views.settings_rules, name="settings-rules"),
    path(
        "settings/movement-rules/search/",
        views.movement_search,
        name="movement-search",
    ),
    path("settings/activities/", views.settings_activities, name="settings-activities"),
]
