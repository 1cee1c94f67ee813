"""Pages that log: a planned session (the plan pre-filled, one row per set, and
a score for each scored circuit it names, beside the athlete's best) and an
activity (optionally for a planned session, which it completes).

Sessions are reached through ``programs.selectors.session_get_for_user``; a
session already logged (by a workout or an activity:
``selectors.session_log_status``) sends the athlete to what logged it.
"""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from movements.models import ActivityDefinition, CircuitScoring, Movement
from programs.selectors import session_get_for_user
from training_logs import clock, forms, presenters, selectors, services, signals


def _prefill(session, user) -> services.LogPrefill:
    """The prescription, or what a ``session_log_prefill`` receiver answers (an
    accepted adaptation with its target loads, swaps and drops)."""
    for _receiver, answer in signals.session_log_prefill.send(
        sender=type(session), session=session, user=user
    ):
        if isinstance(answer, services.LogPrefill):
            return answer
        if answer is not None:
            return services.LogPrefill(sets=tuple(answer))
    return services.LogPrefill(sets=tuple(services.prescribed_sets(session)))


def _initial_rows(
    prefill: services.LogPrefill, last_loads: dict, unit: str
) -> list[dict]:
    """The plan as form rows: one per prescribed set, loads pre-filled with the
    set's target load when a pre-fill gives one, else the athlete's last working
    load of the movement (they confirm or change it)."""
    rows = []
    for planned in prefill.sets:
        load = planned.load_kg
        if load is None:
            load = last_loads.get(planned.movement_id)
        rows.append(
            {
                "movement": planned.movement_id,
                "session_exercise": planned.session_exercise_id,
                "is_warmup": planned.is_warmup,
                "load": (
                    None
                    if planned.is_warmup or load is None
                    else presenters.plain(Decimal(str(presenters.in_unit(load, unit))))
                ),
                "reps": planned.reps,
                "duration_seconds": planned.duration_seconds,
                "rpe": presenters.plain(planned.rpe),
            }
        )
    return rows


def _row_template(formset, initial: dict) -> forms.SetForm:
    """An unbound row with ``__prefix__`` names the page's script clones."""
    return forms.SetForm(
        auto_id=formset.auto_id,
        prefix=formset.add_prefix("__prefix__"),
        initial=initial,
        empty_permitted=True,
        use_required_attribute=False,
    )


def _log_blocks(
    session, formset, last_loads: dict, unit: str, prefill: services.LogPrefill
) -> list[dict]:
    """The form's rows grouped under their exercise, in plan order, each with a
    row template for "Add set". Rows for movements off the plan come last.

    A planned exercise whose rows carry another movement (a swap) shows under that
    movement's name in the exercise's place; ``prefill.notes`` give each exercise's
    line, and exercises in ``prefill.dropped`` are marked dropped (no rows; "Add
    set" still works)."""
    exercises = list(session.exercises.all())
    blocks: OrderedDict = OrderedDict()
    for exercise in exercises:
        timed = not exercise.reps_min and bool(exercise.duration_seconds)
        blocks[("exercise", exercise.pk)] = {
            "exercise": exercise,
            "note": prefill.notes.get(exercise.pk, ""),
            "dropped": exercise.pk in prefill.dropped,
            "movement": exercise.movement,
            "prescription": presenters.prescription_text(exercise),
            "timed": timed,
            "warmup": exercise.role in services.WARMUP_ROLES,
            "role": exercise.get_role_display(),
            "last_load": presenters.in_unit(last_loads.get(exercise.movement_id), unit),
            "rows": [],
            "template": _row_template(
                formset,
                {
                    "movement": exercise.movement_id,
                    "session_exercise": exercise.pk,
                    "is_warmup": exercise.role in services.WARMUP_ROLES,
                },
            ),
        }
    strays: list = []
    for form in formset.forms:
        exercise_id = form["session_exercise"].value()
        key = ("exercise", int(exercise_id)) if exercise_id not in (None, "") else None
        if key in blocks:
            blocks[key]["rows"].append(form)
        else:
            strays.append(form)
    _show_swaps(blocks.values(), formset, last_loads, unit)
    if strays:
        ids = {f["movement"].value() for f in strays}
        movements = Movement.objects.in_bulk([int(i) for i in ids if str(i).isdigit()])
        for form in strays:
            movement_id = form["movement"].value()
            movement = (
                movements.get(int(movement_id)) if str(movement_id).isdigit() else None
            )
            key = ("movement", movement_id)
            blocks.setdefault(
                key,
                {
                    "exercise": None,
                    "note": "",
                    "dropped": False,
                    "movement": movement,
                    "prescription": "Not in the plan",
                    "timed": bool(movement and movement.is_timed),
                    "warmup": False,
                    "role": "",
                    "last_load": None,
                    "rows": [],
                    "template": _row_template(formset, {"movement": movement_id}),
                },
            )["rows"].append(form)
    return list(blocks.values())


def _show_swaps(blocks, formset, last_loads: dict, unit: str) -> None:
    """Planned blocks whose rows all carry one other movement (swapped in today)
    take that movement's name, last load and "Add set" template, in place."""
    swapped: dict[int, list[dict]] = {}
    for block in blocks:
        ids = {str(f["movement"].value()) for f in block["rows"]}
        planned = str(block["movement"].pk)
        if len(ids) == 1 and planned not in ids and next(iter(ids)).isdigit():
            swapped.setdefault(int(next(iter(ids))), []).append(block)
    if not swapped:
        return
    for movement in Movement.objects.filter(pk__in=swapped):
        for block in swapped[movement.pk]:
            block["movement"] = movement
            block["timed"] = movement.is_timed
            block["last_load"] = presenters.in_unit(last_loads.get(movement.pk), unit)
            block["template"] = _row_template(
                formset,
                {**block["template"].initial, "movement": movement.pk},
            )


def _already_logged(request: HttpRequest, session) -> HttpResponse | None:
    """For a session already logged (the one rule, ``selectors.session_log_status``:
    by a workout or an activity), a redirect to what logged it; else ``None``."""
    logged = selectors.session_log_status(session=session)
    if not logged.is_logged:
        return None
    messages.info(request, "You already logged this session.")
    if logged.workout_log_id is None:  # an activity completed it
        return redirect("training_logs:history")
    return redirect("training_logs:workout-detail", logged.workout_log_id)


def _circuit_cards(request: HttpRequest, session, unit: str) -> list[dict]:
    """The session's scored circuits (main, then finisher), each with a score
    form and the athlete's best on it so far."""
    circuits = [
        c
        for c in (session.main_circuit, session.finisher_circuit)
        if c is not None and c.scoring != CircuitScoring.NONE
    ]
    bests = selectors.circuit_bests(
        user=request.user, circuit_ids=[c.pk for c in circuits]
    )
    data = request.POST if request.method == "POST" else None
    return [
        {
            "circuit": c,
            "form": forms.CircuitScoreForm(data, circuit=c, prefix=f"circuit-{c.pk}"),
            "best": (
                presenters.circuit_score_text(bests[c.pk], unit)
                if c.pk in bests
                else None
            ),
        }
        for c in circuits
    ]


def _circuit_scores(cards: list[dict], performed_at, unit: str) -> list[dict] | None:
    """The scores typed on the page, checked against each circuit's scoring
    before anything is written; None (and errors on the forms) when one is off."""
    scores, ok = [], True
    for card in cards:
        score = card["form"].score()
        if score is None:
            continue
        values = {
            "rounds": score.get("rounds"),
            "reps": score.get("reps"),
            "time_seconds": score.get("time_seconds"),
            "load_kg": presenters.to_kg(score.get("load"), unit),
        }
        errors = services.circuit_score_errors(
            circuit=card["circuit"],
            performed_on=clock.local_date(performed_at),
            values=values,
        )
        for messages_ in errors.values():
            for message in messages_:
                card["form"].add_error(None, message)
        ok = ok and not errors
        scores.append({"circuit_id": card["circuit"].pk, **values})
    return scores if ok else None


@login_required
@require_http_methods(["GET", "POST"])
def session_log(request: HttpRequest, session_id: int) -> HttpResponse:
    """Log a planned session: the plan pre-filled, one row per set."""
    session = session_get_for_user(user=request.user, session_id=session_id)
    if already := _already_logged(request, session):
        return already
    selectors.session_prescription_load(session)
    unit = presenters.unit_for(request.user)
    prefill = _prefill(session, request.user)
    movement_ids = {e.movement_id for e in session.exercises.all()}
    movement_ids.update(s.movement_id for s in prefill.sets)
    last_loads = selectors.last_working_loads(
        user=request.user, movement_ids=sorted(movement_ids)
    )
    circuit_cards = _circuit_cards(request, session, unit)
    if request.method == "POST":
        form = forms.WorkoutLogForm(request.POST)
        formset = forms.SetFormSet(request.POST, prefix="sets")
        scores = None
        if all(
            [form.is_valid(), formset.is_valid()]
            + [c["form"].is_valid() for c in circuit_cards]
        ):
            scores = _circuit_scores(
                circuit_cards, form.cleaned_data["performed_at"], unit
            )
        if scores is not None:
            try:
                workout = services.workout_log_create(
                    user=request.user,
                    session_id=session.pk,
                    performed_at=form.cleaned_data["performed_at"],
                    sets=presenters.set_inputs(formset.set_rows(), unit),
                    duration_minutes=form.cleaned_data.get("duration_minutes"),
                    notes=form.cleaned_data.get("notes") or "",
                    enjoyment=form.cleaned_data.get("enjoyment"),
                    feedback_tags=form.cleaned_data.get("feedback_tags") or [],
                )
            except ValidationError as exc:
                for message in presenters.field_errors(exc):
                    form.add_error(None, message)
            else:
                for score in scores:
                    services.circuit_score_create(
                        user=request.user,
                        performed_on=clock.local_date(workout.performed_at),
                        workout_log=workout,
                        **score,
                    )
                return redirect(f"{workout.get_absolute_url()}?saved=1")
    else:
        form = forms.WorkoutLogForm()
        formset = forms.SetFormSet(
            prefix="sets",
            initial=_initial_rows(prefill, last_loads, unit),
        )
    context = {
        "session": session,
        "program": session.program,
        "form": form,
        "formset": formset,
        "blocks": _log_blocks(session, formset, last_loads, unit, prefill),
        "unit": unit.lower(),
        "rest_day": session.is_rest_day or not session.exercises.all(),
        "circuit_cards": circuit_cards,
    }
    return render(request, "training_logs/session_log.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def activity_log(request: HttpRequest) -> HttpResponse:
    """Log an activity (a run, a ride…); ``?session=<id>`` logs it for a planned
    session, which it completes."""
    session = None
    session_id = request.GET.get("session") or request.POST.get("session")
    if session_id:
        session = session_get_for_user(user=request.user, session_id=session_id)
        if already := _already_logged(request, session):
            return already
    definitions = ActivityDefinition.objects.order_by("name")
    if request.method == "POST":
        form = forms.ActivityLogForm(request.POST, definitions=definitions)
        if form.is_valid():
            data = form.cleaned_data
            try:
                activity = services.activity_log_create(
                    user=request.user,
                    definition_id=data["definition"].pk,
                    name=data.get("name") or "",
                    performed_start=data["performed_start"],
                    duration_seconds=data["duration_minutes"] * 60,
                    distance_km=data.get("distance_km"),
                    perceived_difficulty=data.get("perceived_difficulty"),
                    enjoyment=data.get("enjoyment"),
                    notes=data.get("notes") or "",
                    session_id=session.pk if session else None,
                )
            except ValidationError as exc:
                for message in presenters.field_errors(exc):
                    form.add_error(None, message)
            else:
                messages.success(request, f"{activity.name} logged.")
                return redirect("training_logs:history")
    else:
        running = definitions.filter(slug="running").first()
        form = forms.ActivityLogForm(
            definitions=definitions,
            initial={"definition": running.pk if running else None},
        )
    return render(
        request,
        "training_logs/activity_log.html",
        {"form": form, "session": session, "has_definitions": definitions.exists()},
    )
