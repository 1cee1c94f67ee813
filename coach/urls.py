"""Root URLs: admin, the API under /api/v1/, its schema and docs, health."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from coach.health import health

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("coach.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"
    ),
    path("health", health, name="health"),
]
