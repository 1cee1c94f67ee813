"""The program wizard: goals → schedule → coach → likes → review → Create.

Each step is one ``Form`` (``programs.forms``). The wizard keeps each step's
submitted values in ``request.session`` (raw, as posted), so Back keeps what was
typed even when it was not valid yet, and Create re-validates every step on the
server before anything is written. The review shows what
``services.program_input_resolve`` — the resolution Create uses — makes of the
steps; Create leaves the engine's rules to ``services.program_create``, so the
engine's validator runs once per create.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import MultipleChoiceField
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from coach.forms import preference_initial
from coach.models import (
    AthleteProfile,
    ExperienceLevel,
    PersonaAggression,
    PersonaTone,
    Weekday,
)
from movements import selectors as movement_selectors
from movements.equipment import default_equipment
from movements.forms import RULE_CHOICES, RULE_VERBS
from movements.models import ActivityDefinition, EquipmentPreset
from movements.views import movement_search_response
from programs import forms, presenters, services
from programs.models import Goal, SplitTemplate

WIZARD_SESSION_KEY = "program_wizard"
STEPS: tuple[str, ...] = ("goals", "schedule", "coach", "likes", "review")
STEP_TITLES = {
    "goals": "Goals",
    "schedule": "Schedule",
    "coach": "Coach",
    "likes": "Likes & limits",
    "review": "Review",
}
# Where each field the service may reject is asked for.
FIELD_STEPS = {
    "goals": "goals",
    "duration_weeks": "schedule",
    "days_per_week": "schedule",
    "max_session_minutes": "schedule",
    "split_template": "schedule",
    "start_date": "schedule",
    "experience_level": "schedule",
    "preferred_weekdays": "schedule",
    "persona_tone": "coach",
    "persona_aggression": "coach",
    "movement_rules": "likes",
    "equipment": "likes",
    "enjoyable_activities": "likes",
    "discipline_priorities": "likes",
    "discipline_experience": "likes",
    "name": "review",
}


def _state(request: HttpRequest) -> dict:
    state = request.session.get(WIZARD_SESSION_KEY) or {}
    return {"data": dict(state.get("data", {})), "done": list(state.get("done", []))}


def _save(request: HttpRequest, step: str, raw: dict, *, done: bool = False) -> dict:
    state = _state(request)
    state["data"][step] = raw
    if done and step not in state["done"]:
        state["done"].append(step)
    request.session[WIZARD_SESSION_KEY] = state
    return state


def _raw(post) -> dict[str, list[str]]:
    """What the athlete typed, as lists of strings (session-serialisable)."""
    skip = {"csrfmiddlewaretoken", "action", "add"}
    return {key: post.getlist(key) for key in post if key not in skip}


def _initial(form_class, raw: dict[str, list[str]] | None, defaults: dict) -> dict:
    """A stored step as ``initial`` values (so a GET shows it without errors)."""
    if raw is None:
        return dict(defaults)
    initial = {
        key: values[0] if len(values) == 1 else values for key, values in raw.items()
    }
    for name, field in form_class.base_fields.items():
        if isinstance(field, MultipleChoiceField):
            initial[name] = raw.get(name, [])
    return initial


def _defaults(step: str, user) -> dict:
    """A step's initial values from the athlete's settings (the wizard starts from
    them; what a step then holds applies to this program only)."""
    if step == "schedule":
        profile = AthleteProfile.for_user(user)
        return {
            "experience_level": user.experience_level,
            "preferred_weekdays": list(profile.preferred_weekdays),
        }
    if step == "coach":
        return {
            "persona_tone": user.persona_tone,
            "persona_aggression": user.persona_aggression,
        }
    if step == "likes":
        profile = AthleteProfile.for_user(user)
        equipment = movement_selectors.athlete_equipment_get(user=user)
        return {
            "equipment_preset": (
                equipment.preset if equipment else EquipmentPreset.COMMERCIAL_GYM
            ),
            "equipment": (
                list(equipment.equipment) if equipment else default_equipment()
            ),
            "enjoyable_activities": movement_selectors.athlete_activity_slugs(
                user=user
            ),
            **preference_initial(
                discipline_priorities=profile.discipline_priorities,
                discipline_experience=profile.discipline_experience,
                dedicated_mobility_days=profile.dedicated_mobility_days,
                dedicated_cardio_days=profile.dedicated_cardio_days,
                cardio_as_finisher=profile.cardio_as_finisher,
            ),
        }
    return {}


def _rule_rows(rules: list[dict], *, saved: set[int] | None = None) -> list[dict]:
    """Rules as display rows (verb, movement and substitute names). One query."""
    names = movement_selectors.rule_movement_names(rules)
    return [
        {
            "movement": names.get(r["movement_id"], ""),
            "rule": r["rule"],
            "verb": RULE_VERBS[r["rule"]],
            "substitute": names.get(r.get("substitute_id"), ""),
            "saved": saved is not None and r["movement_id"] in saved,
        }
        for r in rules
    ]


def _goals_of(state: dict) -> list[tuple[str, int]]:
    goals = forms.GoalsForm(MultiValueDict(state["data"].get("goals", {})))
    return goals.cleaned_data["goals"] if goals.is_valid() else []


def _form(
    step: str,
    state: dict,
    user,
    *,
    data=None,
    initial=None,
    goals=None,
    engine_check: bool = True,
):
    """The step's form: bound to ``data``, else unbound with the stored values
    (or the athlete's defaults) as ``initial``. ``goals`` (step 1's cleaned
    goals) saves re-validating step 1 for the schedule step; ``engine_check``
    is passed to the steps that run the engine's validator."""
    form_class = forms.WIZARD_FORMS[step]
    kwargs = {}
    if step in ("goals", "schedule"):
        kwargs["engine_check"] = engine_check
    if step == "schedule":
        kwargs["goals"] = _goals_of(state) if goals is None else goals
    if data is not None:
        return form_class(data, **kwargs)
    if initial is None:
        initial = _initial(form_class, state["data"].get(step), _defaults(step, user))
    return form_class(initial=initial, **kwargs)


def _bound(step: str, state: dict, user, **kwargs):
    data = MultiValueDict(state["data"].get(step, {}))
    return _form(step, state, user, data=data, **kwargs)


def _steps_nav(current: str, state: dict) -> list[dict]:
    reachable = _first_open_step(state)
    return [
        {
            "slug": slug,
            "number": index + 1,
            "title": STEP_TITLES[slug],
            "url": reverse("programs:wizard-step", args=[slug]),
            "current": slug == current,
            "done": slug in state["done"],
            "reachable": STEPS.index(slug) <= STEPS.index(reachable),
        }
        for index, slug in enumerate(STEPS)
    ]


def _first_open_step(state: dict) -> str:
    for step in STEPS[:-1]:
        if step not in state["done"]:
            return step
    return STEPS[-1]


def _render_step(
    request: HttpRequest, step: str, form, state: dict, status: int = 200, **extra
) -> HttpResponse:
    index = STEPS.index(step)
    context = {
        "step": step,
        "step_title": STEP_TITLES[step],
        "steps": _steps_nav(step, state),
        "form": form,
        "action_url": reverse("programs:wizard-step", args=[step]),
        "step_number": index + 1,
        "step_count": len(STEPS),
        "previous_step": STEPS[index - 1] if index else None,
        "next_title": STEP_TITLES[STEPS[index + 1]] if index + 1 < len(STEPS) else "",
        **extra,
    }
    if step == "coach":
        context["samples"] = form.samples()
    elif step == "likes":
        q = (request.GET.get("q") or "").strip()
        context["q"] = q
        context["results"] = movement_selectors.movement_search(
            q, exclude=form.rule_movement_ids()
        )
        context["search_url"] = reverse("programs:movement-search")
        context["saved_rules"] = _rule_rows(
            movement_selectors.athlete_rules_snapshot(user=request.user)
        )
    return render(request, f"programs/wizard_{step}.html", context, status=status)


@login_required
def wizard_start(request: HttpRequest) -> HttpResponse:
    """``/programs/new/``: continue where the athlete left off."""
    return redirect("programs:wizard-step", _first_open_step(_state(request)))


@login_required
@require_POST
def wizard_reset(request: HttpRequest) -> HttpResponse:
    """Forget every step and start again."""
    request.session.pop(WIZARD_SESSION_KEY, None)
    return redirect("programs:wizard-step", STEPS[0])


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def wizard_step(request: HttpRequest, step: str) -> HttpResponse:
    """One step of the wizard: GET shows it, POST moves Back, Next or Creates."""
    if step not in STEPS:
        raise Http404("No such step.")
    state = _state(request)
    if STEPS.index(step) > STEPS.index(_first_open_step(state)):
        return redirect("programs:wizard-step", _first_open_step(state))
    if request.method == "GET":
        return _wizard_get(request, step, state)
    return _wizard_post(request, step, state)


def _wizard_get(request: HttpRequest, step: str, state: dict) -> HttpResponse:
    if step == "coach" and request.htmx:
        # The tone/aggression radios changed: redraw the choices with new samples.
        form = _form(step, state, request.user, initial=request.GET.dict())
        return render(
            request,
            "programs/wizard_coach.html#coach-choices",
            {"form": form, "samples": form.samples()},
        )
    if step == "review":
        return _review(request, state)
    return _render_step(request, step, _form(step, state, request.user), state)


def _wizard_post(request: HttpRequest, step: str, state: dict) -> HttpResponse:
    action = request.POST.get("action", "next")
    raw = _raw(request.POST)
    index = STEPS.index(step)
    if action == "back" and index:
        _save(request, step, raw)
        return redirect("programs:wizard-step", STEPS[index - 1])
    if step == "likes" and (action == "search" or "add" in request.POST):
        movement_id, _, rule = request.POST.get("add", "").partition(":")
        if movement_id.isdigit() and rule in dict(RULE_CHOICES):
            raw[f"rule_{movement_id}"] = [rule]
        _save(request, step, raw)
        url = reverse("programs:wizard-step", args=[step])
        query = urlencode({"q": raw.get("q", [""])[0]})
        anchor = "#rules" if "add" in request.POST else "#picker"
        return redirect(f"{url}?{query}{anchor}")
    if step == "review":
        _save(request, step, raw)
        return _create(request, _state(request))
    form = _form(step, state, request.user, data=request.POST)
    if not form.is_valid():
        return _render_step(request, step, form, state)
    _save(request, step, raw, done=True)
    return redirect("programs:wizard-step", STEPS[index + 1])


def _validated_steps(request: HttpRequest, state: dict, *, engine_check=True):
    """Bind every step to its stored values: ``(forms, first_invalid_step)``.

    ``engine_check=False`` (Create) leaves the engine's rules to the service, so
    a create runs the engine's validator once."""
    bound = {}
    for step in STEPS:
        goals = bound["goals"].cleaned_data["goals"] if step == "schedule" else None
        form = _bound(step, state, request.user, goals=goals, engine_check=engine_check)
        bound[step] = form
        if not form.is_valid():
            return bound, step
    return bound, None


def _review(request: HttpRequest, state: dict) -> HttpResponse:
    bound, invalid = _validated_steps(request, state)
    if invalid and invalid != "review":
        return _render_step(request, invalid, bound[invalid], state)
    try:
        context = _review_context(bound, state, request.user)
    except ValidationError as exc:
        return _render_service_errors(request, state, bound, exc)
    form = _form("review", state, request.user)
    return _render_step(request, "review", form, state, **context)


def _review_context(bound: dict, state: dict, user) -> dict:
    """What the review shows: the program :func:`services.program_input_resolve`
    will build (the same resolution Create uses), worded as on the program page.

    Raises ``ValidationError`` (field errors) when Create would refuse the
    athlete-side values."""
    cleaned = {step: form.cleaned_data for step, form in bound.items()}
    data = forms.program_input_from_steps(cleaned)
    resolved = services.program_input_resolve(user=user, data=data)
    preview = resolved.preview()
    activity_names = dict(
        ActivityDefinition.objects.filter(
            slug__in=data.enjoyable_activities or []
        ).values_list("slug", "name")
    )
    return {
        "summary": data,
        "goal_rows": [(Goal(g).label, w) for g, w in data.goals],
        "end_date": preview.end_date,
        "rules": _rule_rows(resolved.movement_rules, saved=resolved.saved_rule_ids),
        "honoured": presenters.program_profile_summary(program=preview),
        "weekday_labels": [Weekday(d).label for d in resolved.preferred_weekdays],
        "activity_names": [
            activity_names.get(slug, slug) for slug in data.enjoyable_activities or []
        ],
        "labels": {
            "split": dict(SplitTemplate.choices).get(
                data.split_template or "", "Let Alloy choose"
            ),
            "experience": ExperienceLevel(resolved.experience_level).label,
            "tone": PersonaTone(resolved.persona_tone).label,
            "aggression": PersonaAggression(resolved.persona_aggression).label,
        },
        "warnings": bound["goals"].warnings,
    }


def _create(request: HttpRequest, state: dict) -> HttpResponse:
    bound, invalid = _validated_steps(request, state, engine_check=False)
    if invalid:
        return _render_step(request, invalid, bound[invalid], state)
    cleaned = {step: form.cleaned_data for step, form in bound.items()}
    try:
        program, _warnings = services.program_create(
            user=request.user, data=forms.program_input_from_steps(cleaned)
        )
    except ValidationError as exc:
        return _render_service_errors(request, state, bound, exc)
    request.session.pop(WIZARD_SESSION_KEY, None)
    # The plan's warnings stay on the program page (``program.warnings``).
    messages.success(request, f"“{program.name}” is being written. Watch it appear.")
    return redirect(program)


def _render_service_errors(
    request: HttpRequest, state: dict, bound: dict, exc: ValidationError
) -> HttpResponse:
    """Put the service's field errors on the step that asks for each field and
    show the first such step (nothing was created)."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
    first = None
    for field, messages_ in errors.items():
        step = FIELD_STEPS.get(field, "review")
        form = bound[step]
        form.add_error(field if field in form.fields else None, messages_)
        if first is None or STEPS.index(step) < STEPS.index(first):
            first = step
    return _render_step(request, first, bound[first], state)


@login_required
@vary_on_headers("HX-Request")
def movement_search(request: HttpRequest) -> HttpResponse:
    """The wizard's movement picker: matching movements as an HTML partial
    (``movements.views.movement_search_response``, as on the Settings page).

    Without htmx this is just the likes step with the query filled in.
    """
    return movement_search_response(
        request, fallback_url=reverse("programs:wizard-step", args=["likes"])
    )
