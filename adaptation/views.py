"""HTML pages of the daily coach: Today (check-in → adapted plan → accept → log)
and the Swap list of an exercise.

Thin by design (STYLE C8): forms parse, the views call the same services as the
API and read through the same choke points (another athlete's session, exercise
or adaptation is a 404). Every form works without JavaScript; htmx swaps the
alternatives list in place, so that view says ``Vary: HX-Request``.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from adaptation import selectors, services, voice
from adaptation.forms import DayCheckInForm
from adaptation.models import ThreadStatus
from coach.exceptions import ApplicationError
from movements.models import Muscle
from programs import selectors as program_selectors
from training_logs.models import WorkoutLog


def _day_url(day: date) -> str:
    if day == timezone.localdate():
        return reverse("adaptation:today")
    return reverse("adaptation:day", args=[day.isoformat()])


def _muscles(plan) -> list[tuple[str, str]]:
    """Every library muscle, the ones today's exercises train first (one query)."""
    trained: list[str] = []
    if plan is not None and plan.session is not None:
        for exercise in plan.session.exercises.all():
            for link in exercise.movement.muscle_links.all():
                if link.role == "PRIMARY" and link.muscle.slug not in trained:
                    trained.append(link.muscle.slug)
    rows = list(Muscle.objects.order_by("name").values_list("slug", "name"))
    first = [r for slug in trained for r in rows if r[0] == slug]
    return first + [r for r in rows if r[0] not in trained]


def _render_day(
    request: HttpRequest, day: date, form: DayCheckInForm | None = None, status=200
) -> HttpResponse:
    base = {
        "day": day,
        "is_today": day == timezone.localdate(),
        "previous_day": day - timedelta(days=1),
        "next_day": day + timedelta(days=1),
    }
    try:
        plan = services.day_plan(user=request.user, day=day)
    except selectors.NoActiveProgram as exc:
        return render(
            request,
            "adaptation/today.html",
            {**base, "no_program": str(exc)},
            status=404 if status == 200 else status,
        )
    except ValidationError as exc:
        return render(
            request,
            "adaptation/today.html",
            {**base, "outside": exc.message_dict.get("date", [])},
            status=400,
        )
    logged = None
    if plan.session is not None and not plan.rest_day:
        logged = (
            WorkoutLog.objects.for_user(request.user)
            .filter(session=plan.session)
            .first()
        )
    if form is None:
        form = DayCheckInForm(muscles=_muscles(plan))
    context = {
        **base,
        "plan": plan,
        "form": form,
        "logged": logged,
        "proposal": plan.proposal,
        "voice_enabled": bool(settings.LLM_BASE_URL),
        **_voice(request, plan),
    }
    return render(request, "adaptation/today.html", context, status=status)


def _voice(request: HttpRequest, plan) -> dict:
    """The coach's words about the open proposal: its newest thread's turns and
    the last answer, else the deterministic explanation (a few queries, only
    when there is a proposal)."""
    proposal = plan.proposal
    if proposal is None:
        return {}
    proposal.session = plan.session  # already read, with its program
    thread = selectors.thread_for_adaptation(
        user=request.user, adaptation_id=proposal.pk
    )
    turns = list(thread.turns.all()) if thread else []
    answers = [t for t in turns if t.role == "ASSISTANT"]
    if answers:
        text = answers[0].content
    else:
        text = voice.deterministic_explanation(
            services.thread_context(adaptation=proposal)
        )
    return {
        "thread": thread,
        "voice_text": text,
        "voice_flags": answers[0].flags if answers else [],
        # The conversation after the first explanation: questions and answers.
        "follow_ups": turns[1:] if answers else turns,
    }


@login_required
def today(request: HttpRequest) -> HttpResponse:
    """Today's plan, with the quick check-in."""
    return _render_day(request, timezone.localdate())


@login_required
def day_page(request: HttpRequest, day: str) -> HttpResponse:
    """Any day's plan (the Today page for another date)."""
    try:
        target = date.fromisoformat(day)
    except ValueError:
        return redirect("adaptation:today")
    return _render_day(request, target)


@login_required
@require_POST
def day_checkin(request: HttpRequest, day: str) -> HttpResponse:
    """Check in and adapt the day's session; the page then shows the proposal."""
    try:
        target = date.fromisoformat(day)
    except ValueError:
        return redirect("adaptation:today")
    try:
        plan = services.day_plan(user=request.user, day=target)
    except (selectors.NoActiveProgram, ValidationError):
        plan = None
    form = DayCheckInForm(request.POST, muscles=_muscles(plan))
    if form.is_valid():
        try:
            services.session_adapt(
                user=request.user,
                day=target,
                data=form.checkin_input(),
                readapt=bool(request.POST.get("readapt")),
            )
        except selectors.NoActiveProgram:
            return _render_day(request, target)
        except (ValidationError, ApplicationError) as exc:
            if isinstance(exc, ApplicationError):
                form.add_error(None, exc.message)
            else:
                for field, errors in exc.message_dict.items():
                    for error in errors:
                        name = field if field in form.fields else None
                        form.add_error(name, error)
        else:
            return redirect(f"{_day_url(target)}#proposal")
    return _render_day(request, target, form=form, status=400)


@login_required
@require_POST
def adaptation_decide(
    request: HttpRequest, day: str, adaptation_id: int, decision: str
) -> HttpResponse:
    """Accept the proposal or keep the original, then back to the day."""
    try:
        target = date.fromisoformat(day)
    except ValueError:
        return redirect("adaptation:today")
    adaptation = selectors.adaptation_get_for_user(
        user=request.user, adaptation_id=adaptation_id, day=target
    )
    # A conversation about the proposal is decided with it.
    thread = selectors.thread_for_adaptation(
        user=request.user, adaptation_id=adaptation.pk
    )
    if thread is not None and thread.status != ThreadStatus.IN_PROGRESS:
        thread = None
    try:
        if thread is not None:
            thread.adaptation = adaptation
            services.thread_decide(thread=thread, accept=decision == "accept")
        elif decision == "accept":
            services.adaptation_accept(adaptation=adaptation)
        else:
            services.adaptation_reject(adaptation=adaptation)
        if decision == "accept":
            messages.success(request, "Adapted plan accepted: logging pre-fills it.")
        else:
            messages.info(request, "Kept the original plan.")
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect(_day_url(target))


@login_required
@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
def exercise_swap(
    request: HttpRequest, program_id: int, session_id: int, exercise_id: int
) -> HttpResponse:
    """GET: the ranked alternatives (the list alone for htmx); POST: swap."""
    session = program_selectors.session_get_for_user(
        user=request.user, program_id=program_id, session_id=session_id
    )
    exercise = services.exercise_get(session=session, exercise_id=exercise_id)
    errors: list[str] = []
    if request.method == "POST":
        try:
            services.exercise_swap(
                session=session,
                exercise=exercise,
                movement_id=int(request.POST.get("movement") or 0),
            )
        except (ValidationError, ValueError) as exc:
            errors = (
                exc.message_dict.get("movement", exc.messages)
                if isinstance(exc, ValidationError)
                else ["Pick a movement."]
            )
        else:
            messages.success(request, "Exercise swapped.")
            url = f"{session.get_absolute_url()}#exercise-{exercise.pk}"
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = url
                return response
            return redirect(url)
    easier = request.GET.get("easier") in ("1", "true", "on")
    context = {
        "session": session,
        "program": session.program,
        "exercise": exercise,
        "alternatives": services.exercise_alternatives(
            session=session, exercise=exercise, easier=easier
        ),
        "easier": easier,
        "errors": errors,
    }
    template = "adaptation/exercise_swap.html"
    if request.htmx:
        template += "#alternatives"
    return render(request, template, context, status=400 if errors else 200)
