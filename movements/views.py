"""HTML views: the Settings page's sections that belong to the movement library —
Equipment, Movement rules (with the searchable picker) and Favourite activities.

``coach`` serves the Settings page itself and loads these sections into it with
htmx (``hx-get`` on load); each view answers htmx with its section partial and a
plain request with a page holding only that section, so everything works without
JavaScript too. Thin views (STYLE C8): a form validates, ``movements.services``
writes, service errors go back on the form.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from movements import selectors, services
from movements.forms import (
    RULE_CHOICES,
    ActivitiesForm,
    EquipmentForm,
    MovementRulesForm,
    rules_initial,
)
from movements.models import Equipment, EquipmentPreset

TEMPLATE = "movements/settings_sections.html"
SECTION_TITLES = {
    "equipment": "Equipment",
    "rules": "Movement rules",
    "activities": "Favourite activities",
}
SECTION_URLS = {
    "equipment": "movements:settings-equipment",
    "rules": "movements:settings-rules",
    "activities": "movements:settings-activities",
}
#: Where each section sits on its page.
SECTION_ANCHORS = {
    "equipment": "equipment",
    "rules": "movement-rules",
    "activities": "activities",
}


def _render(
    request: HttpRequest, section: str, context: dict, status: int = 200
) -> HttpResponse:
    """The section partial for htmx, else a page holding just that section."""
    context = {"section": section, "section_title": SECTION_TITLES[section], **context}
    if request.htmx:
        return render(request, f"{TEMPLATE}#{section}-section", context, status=status)
    return render(request, TEMPLATE, context, status=status)


def _saved(request: HttpRequest, section: str, context: dict) -> HttpResponse:
    """After a save: the fresh section for htmx; without htmx (no JavaScript, so
    the athlete is on the section's own page) back to that page."""
    if request.htmx:
        return _render(request, section, {**context, "saved": True})
    messages.success(request, f"{SECTION_TITLES[section]} saved.")
    return redirect(reverse(SECTION_URLS[section]) + f"#{SECTION_ANCHORS[section]}")


# ---------------------------------------------------------------------------
# Equipment
# ---------------------------------------------------------------------------
def _equipment_form(user, data=None) -> EquipmentForm:
    row = selectors.athlete_equipment_get(user=user)
    initial = {
        "equipment_preset": row.preset if row else EquipmentPreset.COMMERCIAL_GYM,
        "equipment": list(row.equipment) if row else list(Equipment.values),
    }
    return EquipmentForm(data, initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def settings_equipment(request: HttpRequest) -> HttpResponse:
    """A preset (commercial gym, home barbell, dumbbells only, bodyweight only) or
    the athlete's own list (``athlete_equipment_set``)."""
    if request.method == "GET":
        return _render(request, "equipment", {"form": _equipment_form(request.user)})
    form = _equipment_form(request.user, request.POST)
    if form.is_valid():
        try:
            services.athlete_equipment_set(
                user=request.user,
                preset=form.cleaned_data["equipment_preset"],
                equipment=form.cleaned_data["equipment"],
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            return _saved(request, "equipment", {"form": _equipment_form(request.user)})
    return _render(request, "equipment", {"form": form})


# ---------------------------------------------------------------------------
# Movement rules
# ---------------------------------------------------------------------------
def _rules_form(user, data=None) -> MovementRulesForm:
    initial = rules_initial(selectors.athlete_rules_snapshot(user=user))
    return MovementRulesForm(data, initial=initial)


def _rules_context(form: MovementRulesForm, q: str = "") -> dict:
    return {
        "form": form,
        "q": q,
        "results": selectors.movement_search(q, exclude=form.rule_movement_ids()),
        "search_url": reverse("movements:movement-search"),
    }


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def settings_rules(request: HttpRequest) -> HttpResponse:
    """The athlete's movement rules and the picker.

    POST saves the whole list (``movement_rules_replace``); ``add=<id>:<RULE>``
    (a picker button) adds a row first and saves with it — a Swap then asks for
    the movement to do instead before anything is saved. ``action=search``
    searches without saving (the picker without JavaScript).
    """
    if request.method == "GET":
        q = (request.GET.get("q") or "").strip()
        return _render(request, "rules", _rules_context(_rules_form(request.user), q))
    data = request.POST.copy()
    movement_id, _, rule = data.get("add", "").partition(":")
    if movement_id.isdigit() and rule in dict(RULE_CHOICES):
        data[f"rule_{movement_id}"] = rule
    q = (data.get("q") or "").strip()
    if data.get("action") == "search":
        return _render(request, "rules", _rules_context(MovementRulesForm(data), q))
    form = MovementRulesForm(data)
    if form.is_valid():
        try:
            services.movement_rules_replace(
                user=request.user, rules=form.cleaned_data["movement_rules"]
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            return _saved(request, "rules", _rules_context(_rules_form(request.user)))
    return _render(request, "rules", _rules_context(form, q))


def movement_search_response(
    request: HttpRequest, *, fallback_url: str
) -> HttpResponse:
    """The movement picker's live results as an HTML partial (htmx), for every
    page that has the picker (Settings, the wizard's likes step). Without htmx,
    a redirect to ``fallback_url`` with the query filled in (``#picker``).
    Movements that already have a row (``rule_<id>`` in the query string) are
    left out."""
    q = (request.GET.get("q") or "").strip()
    if not request.htmx:
        return redirect(f"{fallback_url}?{urlencode({'q': q})}#picker")
    exclude = set()
    for key in request.GET:
        prefix, _, raw_id = key.partition("_")
        if prefix == "rule" and raw_id.isdigit():
            exclude.add(int(raw_id))
    return render(
        request,
        "includes/movement_results.html",
        {"q": q, "results": selectors.movement_search(q, exclude=exclude)},
    )


@login_required
@vary_on_headers("HX-Request")
def movement_search(request: HttpRequest) -> HttpResponse:
    """The Settings picker's live results (:func:`movement_search_response`);
    without htmx, the rules section with the query filled in."""
    return movement_search_response(
        request, fallback_url=reverse("movements:settings-rules")
    )


# ---------------------------------------------------------------------------
# Favourite activities
# ---------------------------------------------------------------------------
def _activities_form(user, data=None) -> ActivitiesForm:
    initial = {"enjoyable_activities": selectors.athlete_activity_slugs(user=user)}
    return ActivitiesForm(data, initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def settings_activities(request: HttpRequest) -> HttpResponse:
    """The activities the athlete enjoys, ticked from the activity definitions
    (``enjoyable_activities_set``)."""
    if request.method == "GET":
        return _render(request, "activities", {"form": _activities_form(request.user)})
    form = _activities_form(request.user, request.POST)
    if form.is_valid():
        slugs = form.cleaned_data["enjoyable_activities"]
        ids = [
            pk
            for pk, slug in selectors.activity_definition_list().values_list(
                "pk", "slug"
            )
            if slug in slugs
        ]
        try:
            services.enjoyable_activities_set(user=request.user, definition_ids=ids)
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            return _saved(
                request, "activities", {"form": _activities_form(request.user)}
            )
    return _render(request, "activities", {"form": form})
