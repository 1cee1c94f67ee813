"""The home page and the program pages: list, detail (the calendar), the
progress partial htmx polls, retry and delete.

Thin by design (STYLE C8): reads go through the ownership choke points in
``programs.selectors`` (another athlete's program is a 404), writes through the
same services as the API. Views that answer htmx requests with a partial say so
with ``Vary: HX-Request``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

from programs import presenters, selectors, services
from programs.generation.review import TIERS
from programs.generation.review_format import group_rows
from programs.models import GenerationStatus, Goal, Program, Session, SessionType

GENERATING = (GenerationStatus.PENDING, GenerationStatus.IN_PROGRESS)


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
        if microcycle.start_date <= today <= microcycle.end_date:
            return microcycle, True
    if today < microcycles[0].start_date:
        return microcycles[0], False
    return microcycles[-1], False


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
                "end_date": microcycle.end_date,
                "training_days": sum(1 for s in days if not s.is_rest_day),
                "minutes": sum(s.estimated_minutes for s in days),
                "current": is_current and microcycle is focus,
                "open": microcycle is focus or bool(failed),
            }
        )
    context = {
        "program": program,
        "goal_rows": [(Goal(g).label, w) for g, w in program.goals],
        "end_date": program.end_date,
        "weeks": weeks,
        "failed_sessions": failed_sessions,
        "honoured": presenters.program_profile_summary(program=program),
        "today": today,
        **_progress_context(program),
    }
    return render(request, "programs/program_detail.html", context)


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
            "groups": group_rows(w, review.landmark_scale),
            "tiers": [(t.lower(), w.tiers[t]) for t in TIERS if w.tiers.get(t)],
            "bent": bent.get(w.sequence, []),
        }
        for w in review.weeks
    ]
    context = {
        "program": program,
        "weeks": weeks,
        "bent_total": len(review.violations),
        "landmark_scale": review.landmark_scale,
        "long_sessions": review.long_sessions,
        "long_in_window": review.long_in_window,
    }
    return render(request, "programs/program_coach_view.html", context)
