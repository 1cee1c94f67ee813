"""The check-in page: soreness and how the athlete slept and feels, in a few
taps. With htmx (the home page's card) the answer is the card partial, so the view
says ``Vary: HX-Request``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from training_logs import forms, metrics, presenters, services


def _safe_next(request: HttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def checkin(request: HttpRequest) -> HttpResponse:
    """Soreness and how you slept and feel, in a few taps. With htmx (the home
    page's card) the answer is the card itself."""
    saved = None
    if request.method == "POST":
        form = forms.CheckInForm(request.POST)
        if form.is_valid():
            try:
                with transaction.atomic():
                    sore = form.soreness()
                    if sore:
                        services.soreness_log_create(
                            user=request.user,
                            entries=[
                                services.SorenessInput(level=level, body_part=part)
                                for part, level in sore
                            ],
                        )
                    signal = form.signal()
                    if signal:
                        services.recovery_signal_create(user=request.user, **signal)
            except ValidationError as exc:
                for message in presenters.field_errors(exc):
                    form.add_error(None, message)
            else:
                readiness = metrics.readiness_score(**signal) if signal else None
                saved = {"sore": len(sore), "readiness": readiness}
                if not request.htmx:
                    messages.success(request, "Check-in saved.")
                    return redirect(
                        _safe_next(request) or reverse("training_logs:progress")
                    )
                form = forms.CheckInForm()
    else:
        form = forms.CheckInForm()
    context = {"form": form, "saved": saved, "next": _safe_next(request) or ""}
    template = "training_logs/checkin.html"
    if request.htmx:
        template += "#checkin-card"
    return render(request, template, context)
