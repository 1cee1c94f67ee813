"""HTML views: home, the program wizard, the program and session pages.

Thin by design (STYLE C8): a Form validates, the view calls the same services as
the API (``programs.services``) and reads through the ownership choke points in
``programs.selectors`` (another athlete's program is a 404). Views that answer
htmx requests with a partial say so with ``Vary: HX-Request``.

The wizard keeps each step's submitted values in ``request.session`` (raw, as
posted), so Back keeps what was typed even when it was not valid yet, and Create
re-validates every step on the server before anything is written.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.forms import MultipleChoiceField
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

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
from movements.models import ActivityDefinition, EquipmentPreset, Movement
from programs import forms, selectors, services
from programs.generation.heuristics import RELAXATION_STEPS, SCORER_WEIGHTS
from programs.generation.review import TIERS, group_rows
from programs.models import (
    ExerciseRole,
    GenerationStatus,
    Goal,
    Program,
    Session,
    SessionType,
    SplitTemplate,
)

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
BLOCK_ORDER = (
    ExerciseRole.WARMUP,
    ExerciseRole.SKILL,
    ExerciseRole.MAIN,
    ExerciseRole.ACCESSORY,
    ExerciseRole.FINISHER,
    ExerciseRole.COOLDOWN,
)
BREAKDOWN_PARTS = (
    ("warmup", "Warm-up"),
    ("main", "Main"),
    ("accessory", "Accessory"),
    ("finisher", "Finisher"),
    ("cooldown", "Cool-down"),
)
GENERATING = (GenerationStatus.PENDING, GenerationStatus.IN_PROGRESS)


# ---------------------------------------------------------------------------
# Home
# ---------------------------------------------------------------------------
@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The active program, this week at a glance, the next session, the rest."""
    programs = list(selectors.program_list_for_user(user=request.user))
    active = next((p for p in programs if p.is_active), None)
    context = {
        "active": active,
        "others": [p for p in programs if p is not active],
        "week": None,
        "next_session": None,
        "today": timezone.localdate(),
    }
    if active is not None:
        context["week"] = _current_week(active, context["today"])
        context["next_session"] = (
            Session.objects.filter(program=active, date__gte=context["today"])
            .exclude(session_type=SessionType.RECOVERY)
            .order_by("date", "id")
            .first()
        )
    return render(request, "programs/home.html", context)


def _current_week(program: Program, today) -> dict | None:
    """The week to show on the home page, with its days."""
    microcycles = list(
        program.microcycles.order_by("sequence_number").prefetch_related(
            Prefetch("sessions", queryset=Session.objects.order_by("date", "id"))
        )
    )
    focus, is_current = _focus_week(microcycles, today)
    if focus is None:
        return None
    return {
        "microcycle": focus,
        "current": is_current,
        "days": list(focus.sessions.all()),
    }


def _focus_week(microcycles: list, today) -> tuple:
    """``(microcycle, is_current)``: the week holding ``today``; before the
    program starts its first week, after it ends its last (not current)."""
    if not microcycles:
        return None, False
    for microcycle in microcycles:
        end = microcycle.start_date + timedelta(days=microcycle.length_days)
        if microcycle.start_date <= today < end:
            return microcycle, True
    if today < microcycles[0].start_date:
        return microcycles[0], False
    return microcycles[-1], False


# ---------------------------------------------------------------------------
# The wizard
# ---------------------------------------------------------------------------
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
    ids = {r["movement_id"] for r in rules} | {
        r["substitute_id"] for r in rules if r.get("substitute_id")
    }
    names = dict(Movement.objects.filter(pk__in=ids).values_list("pk", "name"))
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


def _form(step: str, state: dict, user, *, data=None, initial=None):
    form_class = forms.WIZARD_FORMS[step]
    kwargs = {}
    if step == "schedule":
        kwargs["goals"] = _goals_of(state)
    if data is not None:
        return form_class(data, **kwargs)
    if initial is None:
        initial = _initial(form_class, state["data"].get(step), _defaults(step, user))
    return form_class(initial=initial, **kwargs)


def _bound(step: str, state: dict, user):
    return _form(step, state, user, data=MultiValueDict(state["data"].get(step, {})))


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


def _validated_steps(request: HttpRequest, state: dict):
    """Bind every step to its stored values: ``(forms, first_invalid_step)``."""
    bound = {}
    for step in STEPS:
        form = _bound(step, state, request.user)
        bound[step] = form
        if not form.is_valid():
            return bound, step
    return bound, None


def _review(request: HttpRequest, state: dict) -> HttpResponse:
    bound, invalid = _validated_steps(request, state)
    if invalid and invalid != "review":
        return _render_step(request, invalid, bound[invalid], state)
    form = _form("review", state, request.user)
    return _render_step(
        request, "review", form, state, **_review_context(bound, state, request.user)
    )


def _review_context(bound: dict, state: dict, user) -> dict:
    cleaned = {step: form.cleaned_data for step, form in bound.items()}
    data = forms.program_input_from_steps(cleaned)
    defaults = services.athlete_defaults(user=user)
    saved = {r["movement_id"] for r in defaults.movement_rules} - {
        r["movement_id"] for r in data.movement_rules or []
    }
    merged = services.merge_movement_rules(
        defaults.movement_rules, data.movement_rules or []
    )
    activity_names = dict(
        ActivityDefinition.objects.filter(
            slug__in=data.enjoyable_activities or []
        ).values_list("slug", "name")
    )
    # What the program will be built around, worded as on the program page.
    preview = Program(
        experience_level=data.experience_level or defaults.experience_level,
        equipment=data.equipment if data.equipment is not None else defaults.equipment,
        movement_rules=merged,
        enjoyable_activities=[
            activity_names.get(slug, slug).lower()
            for slug in data.enjoyable_activities or []
        ],
        preferred_weekdays=data.preferred_weekdays or [],
        discipline_priorities=data.discipline_priorities or {},
        discipline_experience=data.discipline_experience or {},
        dedicated_mobility_days=bool(data.dedicated_mobility_days),
        dedicated_cardio_days=bool(data.dedicated_cardio_days),
        cardio_as_finisher=data.cardio_as_finisher is not False,
    )
    end = data.start_date + timedelta(weeks=data.duration_weeks, days=-1)
    return {
        "summary": data,
        "goal_rows": [(Goal(g).label, w) for g, w in data.goals],
        "end_date": end,
        "rules": _rule_rows(merged, saved=saved),
        "honoured": selectors.program_profile_summary(program=preview),
        "weekday_labels": [
            Weekday(d).label for d in sorted(data.preferred_weekdays or [])
        ],
        "activity_names": [
            activity_names.get(slug, slug) for slug in data.enjoyable_activities or []
        ],
        "labels": {
            "split": dict(SplitTemplate.choices).get(
                data.split_template or "", "Let Alloy choose"
            ),
            "experience": ExperienceLevel(data.experience_level).label,
            "tone": PersonaTone(data.persona_tone).label,
            "aggression": PersonaAggression(data.persona_aggression).label,
        },
        "warnings": bound["goals"].warnings,
    }


def _create(request: HttpRequest, state: dict) -> HttpResponse:
    bound, invalid = _validated_steps(request, state)
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
    """The wizard's movement picker: matching movements as an HTML partial.

    Without htmx this is just the likes step with the query filled in.
    """
    q = (request.GET.get("q") or "").strip()
    if not request.htmx:
        url = reverse("programs:wizard-step", args=["likes"])
        return redirect(f"{url}?{urlencode({'q': q})}#picker")
    exclude = set()
    for key in request.GET:
        prefix, _, raw_id = key.partition("_")
        if prefix == "rule" and raw_id.isdigit():
            exclude.add(int(raw_id))
    return render(
        request,
        "includes/movement_results.html",
        {"q": q, "results": movement_selectors.movement_search(q, exclude=exclude)},
    )


# ---------------------------------------------------------------------------
# Program pages
# ---------------------------------------------------------------------------
@login_required
def program_list(request: HttpRequest) -> HttpResponse:
    """``/programs/`` is the home page's list."""
    return redirect("programs:home")


@login_required
def program_detail(request: HttpRequest, program_id: int) -> HttpResponse:
    """Name, goals, dates, generation progress and the weeks as a calendar."""
    program = selectors.program_get_for_user(user=request.user, program_id=program_id)
    microcycles = list(
        program.microcycles.order_by("sequence_number").prefetch_related(
            Prefetch("sessions", queryset=Session.objects.order_by("date", "id"))
        )
    )
    today = timezone.localdate()
    focus, is_current = _focus_week(microcycles, today)
    weeks = []
    failed_sessions = []
    for microcycle in microcycles:
        days = list(microcycle.sessions.all())
        failed = [s for s in days if s.generation_status == GenerationStatus.FAILED]
        failed_sessions.extend(failed)
        weeks.append(
            {
                "microcycle": microcycle,
                "days": days,
                "end_date": microcycle.start_date
                + timedelta(days=microcycle.length_days - 1),
                "training_days": sum(1 for s in days if not s.is_rest_day),
                "minutes": sum(s.estimated_minutes for s in days),
                "current": is_current and microcycle is focus,
                "open": microcycle is focus or bool(failed),
            }
        )
    context = {
        "program": program,
        "goal_rows": [(Goal(g).label, w) for g, w in program.goals],
        "end_date": program.start_date
        + timedelta(weeks=program.duration_weeks, days=-1),
        "weeks": weeks,
        "failed_sessions": failed_sessions,
        "honoured": selectors.program_profile_summary(program=program),
        "today": today,
        **_progress_context(program),
    }
    return render(request, "programs/program_detail.html", context)


@login_required
def program_coach_view(request: HttpRequest, program_id: int) -> HttpResponse:
    """The coach's read-out (issue 10): per week, hard sets per landmark group
    against MEV/MAV/MRV and how often each is trained, pull:push, the main lifts'
    prescriptions, the tier mix of the picks, and any invariant that bent."""
    program = selectors.program_get_for_user(user=request.user, program_id=program_id)
    review = selectors.program_review(program=program)
    bent: dict[int, list] = {}
    for v in review.violations:
        bent.setdefault(v.week, []).append(v)
    weeks = [
        {
            "week": w,
            "groups": group_rows(w),
            "tiers": [(t.lower(), w.tiers[t]) for t in TIERS if w.tiers.get(t)],
            "bent": bent.get(w.sequence, []),
        }
        for w in review.weeks
    ]
    context = {
        "program": program,
        "weeks": weeks,
        "bent_total": len(review.violations),
        "long_sessions": review.long_sessions,
        "long_in_window": review.long_in_window,
    }
    return render(request, "programs/program_coach_view.html", context)


def _progress_context(program: Program) -> dict:
    progress = selectors.program_generation_progress(program=program)
    return {
        "progress": progress,
        "generating": program.generation_status in GENERATING,
        "queued": program.generation_status == GenerationStatus.PENDING
        and not progress["completed"]
        and not progress["in_progress"],
    }


@login_required
@vary_on_headers("HX-Request")
def program_progress(request: HttpRequest, program_id: int) -> HttpResponse:
    """The progress partial htmx polls every 2 s while generation runs.

    Once generation is over the partial comes back without its polling trigger,
    so polling stops by itself, and a ``program-ready`` event asks the page to
    redraw its calendar. Without htmx it is the program page.
    """
    program = selectors.program_get_for_user(user=request.user, program_id=program_id)
    if not request.htmx:
        return redirect(program)
    context = {"program": program, **_progress_context(program)}
    response = render(request, "programs/program_detail.html#progress", context)
    if not context["generating"]:
        trigger_client_event(response, "program-ready")
    return response


@login_required
@require_POST
def program_retry(request: HttpRequest, program_id: int) -> HttpResponse:
    """Send the failed sessions back to the worker."""
    program = selectors.program_get_for_user(user=request.user, program_id=program_id)
    count = services.program_retry_failed(program=program)
    if count:
        messages.info(request, f"Retrying {count} session(s).")
    else:
        messages.info(request, "Nothing to retry: no session has failed.")
    return redirect(program)


@login_required
@require_http_methods(["GET", "POST"])
def program_delete(request: HttpRequest, program_id: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes the program and its sessions."""
    program = selectors.program_get_for_user(user=request.user, program_id=program_id)
    if request.method == "POST":
        name = program.name
        services.program_delete(program=program)
        messages.success(request, f"Deleted “{name}”.")
        return redirect("programs:home")
    return render(request, "programs/program_confirm_delete.html", {"program": program})


@login_required
def session_detail(
    request: HttpRequest, program_id: int, session_id: int
) -> HttpResponse:
    """The session's blocks in order, each exercise with its prescription and a
    "Why this?" built from the optimizer's rationale."""
    session = selectors.session_get_for_user(
        user=request.user, program_id=program_id, session_id=session_id
    )
    session = selectors.session_with_exercises(session)
    exercises = list(session.exercises.all())
    blocks = []
    for role in BLOCK_ORDER:
        items = [
            _exercise_view(e, session.program) for e in exercises if e.role == role
        ]
        if items:
            blocks.append(
                {
                    "role": role,
                    "label": ExerciseRole(role).label,
                    "minutes": (session.time_breakdown or {}).get(role.lower()),
                    "exercises": items,
                }
            )
    context = {
        "session": session,
        "program": session.program,
        "blocks": blocks,
        "breakdown": _breakdown(session.time_breakdown or {}),
        # The planner's reasons, then how the build went (e.g. why the session
        # is shorter than the budget: issue 10).
        "reasons": [
            *(session.rationale or {}).get("reasons", []),
            *(session.rationale or {}).get("notes", []),
        ],
    }
    return render(request, "programs/session_detail.html", context)


def _breakdown(minutes: dict) -> list[dict]:
    total = sum(minutes.get(key) or 0 for key, _ in BREAKDOWN_PARTS)
    return [
        {
            "key": key,
            "label": label,
            "minutes": minutes.get(key) or 0,
            "percent": round(100 * (minutes.get(key) or 0) / total) if total else 0,
        }
        for key, label in BREAKDOWN_PARTS
        if minutes.get(key)
    ]


def _exercise_view(exercise, program: Program) -> dict:
    """An exercise and its "Why this?": each scorer dimension with its weight,
    the optimizer's notes, and which of the program's settings it follows."""
    rationale = exercise.rationale or {}
    scores = rationale.get("scores") or {}
    dimensions = [
        {
            "label": name.replace("_", " ").capitalize(),
            "score": float(scores[name]),
            "weight": weight,
        }
        for name, weight in SCORER_WEIGHTS.items()
        if name in scores
    ]
    dimensions += [
        {
            "label": name.replace("_", " ").capitalize(),
            "score": float(v),
            "weight": None,
        }
        for name, v in scores.items()
        if name not in SCORER_WEIGHTS
    ]
    step = rationale.get("relaxation_step")
    profile_notes = selectors.exercise_profile_notes(program=program, exercise=exercise)
    return {
        "exercise": exercise,
        "muscles": [
            link.muscle.name
            for link in exercise.movement.muscle_links.all()
            if link.role == "PRIMARY"
        ],
        "dimensions": dimensions,
        "total": rationale.get("total"),
        "relaxation_step": step,
        "relaxation": rationale.get("relaxation")
        or (
            RELAXATION_STEPS[step]
            if isinstance(step, int) and 0 <= step < len(RELAXATION_STEPS)
            else ""
        ),
        "notes": rationale.get("notes") or [],
        "profile_notes": profile_notes,
        "has_why": bool(scores or rationale.get("notes") or profile_notes),
    }
