"""Root URLs: the HTML site, admin, the API under /api/v1/, its schema and docs, health."""

from __future__ import annotations

from csp.decorators import csp_exempt
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from coach import views
from coach.forms import EmailAuthenticationForm
from coach.health import health, health_llm

urlpatterns = [
    # The HTML site (server-rendered, htmx for the live parts). The home page and
    # every program page come from programs/urls.py ("programs:home" is "/").
    path("", include("programs.urls")),
    path("", include("training_logs.urls")),
    path("", include("adaptation.urls")),
    path("accounts/signup/", views.signup, name="signup"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            template_name="coach/user_login.html",
            authentication_form=EmailAuthenticationForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Settings: coach serves the page and its profile/preferences sections; the
    # equipment, movement-rule and activity sections come from movements/urls.py.
    path("settings/", views.settings_page, name="settings"),
    path("settings/profile/", views.settings_profile, name="settings-profile"),
    path(
        "settings/preferences/",
        views.settings_preferences,
        name="settings-preferences",
    ),
    path("settings/calendar/", views.settings_calendar, name="settings-calendar"),
    path(
        "settings/calendar/token/",
        views.settings_calendar_token,
        name="settings-calendar-token",
    ),
    path(
        "settings/calendar/revoke/",
        views.settings_calendar_revoke,
        name="settings-calendar-revoke",
    ),
    path("", include("movements.urls")),
    # Staff, machines and health.
    path("admin/", admin.site.urls),
    path("api/v1/", include("coach.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI is drf-spectacular's page: its inline script and CDN assets are not
    # Alloy's, so Alloy's Content-Security-Policy does not apply to it.
    path(
        "api/docs/",
        csp_exempt()(SpectacularSwaggerView.as_view(url_name="schema")),
        name="api-docs",
    ),
    path("health", health, name="health"),
    path("health/llm", health_llm, name="health-llm"),
]

handler403 = "coach.views.permission_denied"
handler404 = "coach.views.page_not_found"
handler500 = "coach.views.server_error"
