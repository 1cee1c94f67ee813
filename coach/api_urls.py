"""Every app's API, mounted under /api/v1/ with a namespace each."""

from __future__ import annotations

from django.urls import include, path

app_name = "api"

urlpatterns = [
    path("auth/", include("coach.api.urls")),
    path("settings/", include("coach.api.settings_urls")),
    path("", include("movements.api.urls")),
    path("", include("programs.api.urls")),
    path("", include("training_logs.api.urls")),
    path("", include("adaptation.api.urls")),
]
