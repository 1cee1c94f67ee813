"""HTML views for accounts (sign up), the Settings page's profile, preferences
and calendar sections, and the site's error pages.

Log in and log out are Django's own views (see ``coach/urls.py``). The home page
lives in ``programs.views``: ``coach`` imports no domain app (the import-linter
layers contract), and the home page is about programs. For the same reason the
Settings page's equipment, movement-rule and activity sections are served by
``movements.views``; this page loads them with htmx (and links to them without).
"""

from __future__ import annotations

import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from coach import services
from coach.forms import (
    CalendarForm,
    PreferencesForm,
    ProfileForm,
    SignUpForm,
    preference_initial,
)
from coach.middleware import database_unavailable_response, is_database_unavailable
from coach.models import AthleteProfile, AthleteSettings, User
from coach.selectors import calendar_feed_urls


@require_http_methods(["GET", "POST"])
# Outside the request transaction, like the API's auth views: the password hash
# must not hold SQLite's write lock; user_register opens a short one for the
# INSERT, and login's session and last_login writes are one statement each.
@transaction.non_atomic_requests
def signup(request: HttpRequest) -> HttpResponse:
    """Create an account with ``user_register``, log it in, go home. A sign-up
    that loses a race for its address gets the form's "already exists" error."""
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_register(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(settings.LOGIN_REDIRECT_URL)
    return render(request, "coach/user_signup.html", {"form": form})


# ---------------------------------------------------------------------------
# Settings: profile, preferences and calendar
# ---------------------------------------------------------------------------
def _profile_form(user: User, data=None) -> ProfileForm:
    profile = AthleteProfile.for_user(user)
    return ProfileForm(
        data,
        initial={
            "name": user.name,
            "experience_level": user.experience_level,
            "persona_tone": user.persona_tone,
            "persona_aggression": user.persona_aggression,
            "long_term_goals": profile.long_term_goals,
        },
    )


def _preferences_form(user: User, data=None) -> PreferencesForm:
    profile = AthleteProfile.for_user(user)
    athlete_settings = AthleteSettings.for_user(user)
    initial = {
        "units": athlete_settings.units,
        "e1rm_formula": athlete_settings.e1rm_formula,
        "preferred_weekdays": list(profile.preferred_weekdays),
        **preference_initial(
            discipline_priorities=profile.discipline_priorities,
            discipline_experience=profile.discipline_experience,
            dedicated_mobility_days=profile.dedicated_mobility_days,
            dedicated_cardio_days=profile.dedicated_cardio_days,
            cardio_as_finisher=profile.cardio_as_finisher,
        ),
    }
    return PreferencesForm(data, initial=initial)


def _calendar_form(user: User, data=None) -> CalendarForm:
    profile = AthleteProfile.for_user(user)
    return CalendarForm(
        data,
        initial={
            "training_time": profile.training_time,
            "time_zone": profile.time_zone,
        },
    )


#: The page's own sections and the builders of their unbound forms.
SECTION_FORMS = {
    "profile": _profile_form,
    "preferences": _preferences_form,
    "calendar": _calendar_form,
}


def _settings_context(request: HttpRequest, **bound) -> dict:
    """The whole page's context; ``bound`` replaces a section's form (one
    re-shown with its errors)."""
    context = {
        f"{name}_form": bound.get(name) or build(request.user)
        for name, build in SECTION_FORMS.items()
    }
    context["calendar_feed"] = _feed_urls(request)
    return context


def _feed_urls(request: HttpRequest):
    token = AthleteProfile.for_user(request.user).calendar_token
    return calendar_feed_urls(request=request, token=token)


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """Settings: Profile, Preferences and Calendar here; Equipment, Movement rules
    and Favourite activities are sections of ``movements`` loaded into the page."""
    return render(request, "coach/settings.html", _settings_context(request))


def _section_response(
    request: HttpRequest, section: str, form, saved: bool
) -> HttpResponse:
    """The section partial for htmx; otherwise back to the page (saved) or the page
    with the form's errors."""
    key = f"{section}_form"
    if request.htmx:
        context = {key: form, f"{section}_saved": saved}
        if section == "calendar":
            context["calendar_feed"] = _feed_urls(request)
        return render(request, f"coach/settings.html#{section}-section", context)
    if saved:
        messages.success(request, "Settings saved.")
        return redirect(reverse("settings") + f"#{section}")
    return render(
        request, "coach/settings.html", _settings_context(request, **{section: form})
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
def settings_profile(request: HttpRequest) -> HttpResponse:
    """Save the Profile section (``athlete_profile_update``)."""
    form = _profile_form(request.user, request.POST)
    saved = False
    if form.is_valid():
        try:
            services.athlete_profile_update(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            saved = True
            form = _profile_form(request.user)
    return _section_response(request, "profile", form, saved)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def settings_preferences(request: HttpRequest) -> HttpResponse:
    """Save the Preferences section: units and e1RM formula
    (``athlete_settings_update``), weekdays, disciplines and scheduling
    (``athlete_profile_update``)."""
    form = _preferences_form(request.user, request.POST)
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.athlete_profile_update(
                user=request.user,
                preferred_weekdays=list(data["preferred_weekdays"]),
                **form.preferences(),
            )
            services.athlete_settings_update(
                user=request.user,
                units=data["units"],
                e1rm_formula=data["e1rm_formula"],
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            saved = True
            form = _preferences_form(request.user)
    return _section_response(request, "preferences", form, saved)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def settings_calendar(request: HttpRequest) -> HttpResponse:
    """Save the Calendar section: training time and time zone
    (``athlete_profile_update``)."""
    form = _calendar_form(request.user, request.POST)
    saved = False
    if form.is_valid():
        try:
            services.athlete_profile_update(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            saved = True
            form = _calendar_form(request.user)
    return _section_response(request, "calendar", form, saved)


def _after_feed_change(request: HttpRequest, message: str) -> HttpResponse:
    """The Calendar section for htmx; else back to ``next`` (a page of this
    site, e.g. the program page) or to the section."""
    if request.htmx:
        return render(
            request,
            "coach/settings.html#calendar-section",
            {
                "calendar_form": _calendar_form(request.user),
                "calendar_feed": _feed_urls(request),
                "calendar_message": message,
            },
        )
    messages.success(request, message)
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(reverse("settings") + "#calendar")


@login_required
@require_POST
@vary_on_headers("HX-Request")
def settings_calendar_token(request: HttpRequest) -> HttpResponse:
    """Make a new calendar-feed link (``calendar_token_regenerate``); the old one
    stops working."""
    had_feed = AthleteProfile.for_user(request.user).calendar_token is not None
    services.calendar_token_regenerate(user=request.user)
    return _after_feed_change(
        request,
        "New calendar link made: the old one no longer works."
        if had_feed
        else "Your calendar link is ready: subscribe to it in your calendar app.",
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
def settings_calendar_revoke(request: HttpRequest) -> HttpResponse:
    """Turn the calendar feed off (``calendar_token_revoke``): its link is a 404
    from now on."""
    services.calendar_token_revoke(user=request.user)
    return _after_feed_change(request, "Calendar feed turned off.")


# ---------------------------------------------------------------------------
# Error pages (handler403/404/500 in coach/urls.py)
# ---------------------------------------------------------------------------
def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """403 in the site's style; ``{"detail": …}`` JSON under ``/api/``."""
    if _is_api(request):
        return JsonResponse(
            {"detail": "You do not have permission to perform this action."},
            status=403,
        )
    return render(request, "403.html", status=403)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404 in the site's style (also every other athlete's object); under
    ``/api/`` (a path no route matches, e.g. a non-numeric id) JSON like DRF's."""
    if _is_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """500 without a request context: whatever broke may be a context processor.
    A database that is down (raised outside a view) is a 503 instead. JSON under
    ``/api/``."""
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable_response(request)
    if _is_api(request):
        return JsonResponse({"detail": "Server error."}, status=500)
    return HttpResponse(loader.get_template("500.html").render(), status=500)
