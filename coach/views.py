"""HTML views for accounts (sign up) and the site's error pages.

Log in and log out are Django's own views (see ``coach/urls.py``). The home page
lives in ``programs.views``: ``coach`` imports no domain app (the import-linter
layers contract), and the home page is about programs.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_http_methods

from coach import services
from coach.forms import SignUpForm


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Create an account with ``user_register``, log it in, go home."""
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
# Error pages (handler403/404/500 in coach/urls.py)
# ---------------------------------------------------------------------------
@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """403 in the site's style."""
    return render(request, "403.html", status=403)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404 in the site's style (also every other athlete's object)."""
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """500 without a request context: whatever broke may be a context processor."""
    return HttpResponse(loader.get_template("500.html").render(), status=500)
