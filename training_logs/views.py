"""HTML pages for training logs: log a planned session, log an activity, the
soreness/recovery check-in, history by week, records and progress.

Thin by design (STYLE C8): a Form validates, the view calls the same services as
the API (``training_logs.services``) and reads through the ownership choke points
in ``training_logs.selectors`` (another athlete's log or session is a 404). Loads
are typed and shown in the athlete's unit. The check-in answers htmx with its card
partial, so those views say ``Vary: HX-Request``.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date, timedelta
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from coach.models import AthleteSettings
from movements.models import ActivityDefinition, Movement
from programs.selectors import session_get_for_user
from training_logs import adherence, forms, landmarks, metrics, selectors, services
from training_logs.models import (
    FeedbackTag,
    RecordKind,
)

HISTORY_WEEKS = 6
PROGRESS_WEEKS = 8
CALENDAR_WEEKS = 8
REPS_AT_LOAD_SHOWN = 6
ZONE_LABELS = {
    landmarks.BELOW_MEV: "Below MEV",
    landmarks.MEV_TO_MAV: "MEV to MAV",
    landmarks.MAV: "In MAV",
    landmarks.MAV_TO_MRV: "MAV to MRV",
    landmarks.ABOVE_MRV: "Above MRV",
}


def _unit(request: HttpRequest) -> str:
    return AthleteSettings.for_user(request.user).units


def _in_unit(value_kg, unit: str) -> float | None:
    if value_kg is None:
        return None
    return round(metrics.from_kg(float(value_kg), unit), 2)


def _to_kg(value, unit: str) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(metrics.to_kg(float(value), unit)))


def _plain(value: Decimal | None) -> str | None:
    """A decimal without trailing zeros or exponent: 8.0 → "8", 10.0 → "10"."""
    return None if value is None else f"{value.normalize():f}"


def _short_date(day: date) -> str:
    return f"{day.day} {day:%b}"


def _field_errors(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [m for messages_ in exc.message_dict.values() for m in messages_]
    return list(exc.messages)


# ---------------------------------------------------------------------------
# Log a planned session
# ---------------------------------------------------------------------------
def _prescription_text(exercise) -> str:
    if exercise.reps_min:
        reps = (
            f"{exercise.reps_min}–{exercise.reps_max}"
            if exercise.reps_max and exercise.reps_max != exercise.reps_min
            else f"{exercise.reps_min}"
        )
        text = f"{exercise.sets} × {reps}"
    else:
        text = f"{exercise.sets} × {exercise.duration_seconds} s"
    if exercise.target_rpe is not None:
        text += f" @ RPE {_plain(exercise.target_rpe)}"
    return text


def _initial_rows(session, last_loads: dict, unit: str) -> list[dict]:
    """The plan as form rows: one per prescribed set, loads pre-filled with the
    athlete's last working load of the movement (they confirm or change it)."""
    rows = []
    for planned in services.prescribed_sets(session):
        load = last_loads.get(planned.movement_id)
        rows.append(
            {
                "movement": planned.movement_id,
                "session_exercise": planned.session_exercise_id,
                "is_warmup": planned.is_warmup,
                "load": (
                    None
                    if planned.is_warmup or load is None
                    else _plain(Decimal(str(_in_unit(load, unit))))
                ),
                "reps": planned.reps,
                "duration_seconds": planned.duration_seconds,
                "rpe": _plain(planned.rpe),
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


def _log_blocks(session, formset, last_loads: dict, unit: str) -> list[dict]:
    """The form's rows grouped under their exercise, in plan order, each with a
    row template for "Add set". Rows for movements off the plan come last."""
    exercises = list(session.exercises.all())
    blocks: OrderedDict = OrderedDict()
    for exercise in exercises:
        timed = not exercise.reps_min and bool(exercise.duration_seconds)
        blocks[("exercise", exercise.pk)] = {
            "exercise": exercise,
            "movement": exercise.movement,
            "prescription": _prescription_text(exercise),
            "timed": timed,
            "warmup": exercise.role in services.WARMUP_ROLES,
            "role": exercise.get_role_display(),
            "last_load": _in_unit(last_loads.get(exercise.movement_id), unit),
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


@login_required
@require_http_methods(["GET", "POST"])
def session_log(request: HttpRequest, session_id: int) -> HttpResponse:
    """Log a planned session: the plan pre-filled, one row per set."""
    session = session_get_for_user(user=request.user, session_id=session_id)
    logged = selectors.session_log_status(session=session)
    if logged.is_logged:
        messages.info(request, "You already logged this session.")
        if logged.workout_log_id is None:  # an activity completed it
            return redirect("training_logs:history")
        return redirect("training_logs:workout-detail", logged.workout_log_id)
    selectors.session_prescription_load(session)
    unit = _unit(request)
    movement_ids = [e.movement_id for e in session.exercises.all()]
    last_loads = selectors.last_working_loads(
        user=request.user, movement_ids=movement_ids
    )
    if request.method == "POST":
        form = forms.WorkoutLogForm(request.POST)
        formset = forms.SetFormSet(request.POST, prefix="sets")
        if form.is_valid() and formset.is_valid():
            try:
                workout = services.workout_log_create(
                    user=request.user,
                    session_id=session.pk,
                    performed_at=form.cleaned_data["performed_at"],
                    sets=[
                        services.SetInput(
                            movement_id=row["movement"],
                            session_exercise_id=row.get("session_exercise"),
                            is_warmup=row.get("is_warmup", False),
                            load_kg=_to_kg(row.get("load"), unit),
                            reps=row.get("reps"),
                            duration_seconds=row.get("duration_seconds"),
                            rpe=row.get("rpe"),
                        )
                        for row in formset.cleaned_data
                        if row
                    ],
                    duration_minutes=form.cleaned_data.get("duration_minutes"),
                    notes=form.cleaned_data.get("notes") or "",
                    enjoyment=form.cleaned_data.get("enjoyment"),
                    feedback_tags=form.cleaned_data.get("feedback_tags") or [],
                )
            except ValidationError as exc:
                for message in _field_errors(exc):
                    form.add_error(None, message)
            else:
                return redirect(f"{workout.get_absolute_url()}?saved=1")
    else:
        form = forms.WorkoutLogForm()
        formset = forms.SetFormSet(
            prefix="sets", initial=_initial_rows(session, last_loads, unit)
        )
    context = {
        "session": session,
        "program": session.program,
        "form": form,
        "formset": formset,
        "blocks": _log_blocks(session, formset, last_loads, unit),
        "unit": unit.lower(),
        "rest_day": session.is_rest_day or not session.exercises.all(),
    }
    return render(request, "training_logs/session_log.html", context)


# ---------------------------------------------------------------------------
# A workout, history, records
# ---------------------------------------------------------------------------
def _fmt(value: float | None, places: int = 2) -> str:
    """A rounded number without trailing zeros: 129.50 → "129.5"."""
    if value is None:
        return "–"
    text = f"{value:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _record_line(record, unit: str) -> dict:
    """A record as the pages show it: what, how much, and by how much it beat
    the last one. Estimates show one decimal: more would be false precision."""
    label = unit.lower()
    gain = None
    if record.kind == RecordKind.E1RM:
        what = "Estimated 1RM"
        value = f"{_fmt(_in_unit(record.value, unit), 1)} {label}"
        if record.previous_value is not None:
            diff = _in_unit(record.value - record.previous_value, unit)
            gain = f"+{_fmt(diff, 1)} {label}"
    elif record.kind == RecordKind.LOAD_AT_REPS:
        what = f"Heaviest {record.reps}-rep set"
        value = f"{_fmt(_in_unit(record.value, unit))} {label} × {record.reps}"
        if record.previous_value is not None:
            diff = _in_unit(record.value - record.previous_value, unit)
            gain = f"+{_fmt(diff)} {label}"
    else:
        what = f"Most reps at {_fmt(_in_unit(record.load_kg, unit))} {label}"
        value = f"{_plain(record.value)} reps"
        if record.previous_value is not None:
            gain = f"+{_plain(record.value - record.previous_value)}"
    return {
        "record": record,
        "movement": record.movement,
        "what": what,
        "value": value,
        "gain": gain,
        "first": record.previous_value is None,
    }


def is_headline(record) -> bool:
    """The records worth a cheer on their own: a best e1RM, or a heavier set at
    a rep count than ever before. (A first set at a new load is a record of
    its kind, but not news.)"""
    return record.kind == RecordKind.E1RM or (
        record.kind == RecordKind.LOAD_AT_REPS and record.previous_value is not None
    )


def _set_line(set_log, unit: str) -> dict:
    return {
        "set": set_log,
        "load": _in_unit(set_log.load_kg, unit),
        "e1rm": _in_unit(set_log.e1rm_kg, unit),
        "rpe": _plain(set_log.rpe),
        "record": bool(set_log.personal_records.all()),
    }


@login_required
def workout_detail(request: HttpRequest, workout_log_id: int) -> HttpResponse:
    """One workout: its sets by movement and the records it set (celebrated
    right after saving)."""
    workout = selectors.workout_log_get_for_user(
        user=request.user, workout_log_id=workout_log_id
    )
    unit = _unit(request)
    groups: OrderedDict = OrderedDict()
    for set_log in workout.sets.all():
        groups.setdefault(
            set_log.movement_id, {"movement": set_log.movement, "sets": []}
        )["sets"].append(_set_line(set_log, unit))
    records = [
        _record_line(record, unit)
        for set_log in workout.sets.all()
        for record in set_log.personal_records.all()
    ]
    sets = list(workout.sets.all())
    volume = sum(
        (s.load_kg or 0) * (s.reps or 0) for s in sets if s.is_hard and s.load_kg
    )
    context = {
        "workout": workout,
        "groups": list(groups.values()),
        "records": records,
        "headline_records": [r for r in records if is_headline(r["record"])]
        or records[:1],
        "hard_sets": sum(s.is_hard for s in sets),
        "volume": _in_unit(volume, unit) if volume else None,
        "unit": unit.lower(),
        "saved": request.GET.get("saved") == "1",
        "tags": [FeedbackTag(tag).label for tag in workout.feedback_tags],
    }
    return render(request, "training_logs/workout_detail.html", context)


@login_required
@require_POST
def workout_delete(request: HttpRequest, workout_log_id: int) -> HttpResponse:
    """Delete a workout; records, exposure and recovery are rebuilt."""
    workout = selectors.workout_log_get_for_user(
        user=request.user, workout_log_id=workout_log_id
    )
    services.workout_log_delete(workout_log=workout)
    messages.success(request, "Workout deleted. Records and recovery are up to date.")
    return redirect("training_logs:history")


def _parse_monday(value: str | None, default: date) -> date:
    try:
        return adherence.week_start(date.fromisoformat(value)) if value else default
    except ValueError:
        return default


@login_required
def history(request: HttpRequest) -> HttpResponse:
    """Workouts and activities by week, newest first, six weeks a page."""
    this_week = adherence.week_start(timezone.localdate())
    last_monday = min(_parse_monday(request.GET.get("before"), this_week), this_week)
    unit = _unit(request)
    weeks = selectors.history_weeks(
        user=request.user, last_monday=last_monday, weeks=HISTORY_WEEKS
    )
    first_monday = last_monday - timedelta(weeks=HISTORY_WEEKS - 1)
    for week in weeks:
        for workout in week.workouts:
            tops: OrderedDict = OrderedDict()
            for set_log in workout.sets.all():
                if set_log.is_warmup:
                    continue
                best = tops.get(set_log.movement_id)
                key = (set_log.e1rm_kg or 0, set_log.load_kg or 0, set_log.reps or 0)
                if best is None or key > best[0]:
                    tops[set_log.movement_id] = (key, set_log)
            workout.summary = [_set_line(s, unit) for _, s in tops.values()]
            workout.record_count = len(
                {
                    s.movement_id
                    for s in workout.sets.all()
                    for record in s.personal_records.all()
                    if is_headline(record)
                }
            )
    context = {
        "weeks": weeks,
        "this_week": this_week,
        "older": (
            (first_monday - timedelta(weeks=1)).isoformat()
            if selectors.has_history_before(user=request.user, day=first_monday)
            else None
        ),
        "newer": (
            min(last_monday + timedelta(weeks=HISTORY_WEEKS), this_week).isoformat()
            if last_monday < this_week
            else None
        ),
        "unit": unit.lower(),
    }
    return render(request, "training_logs/history.html", context)


def _rep_frontier(reps_at: list[dict], rep_maxes: list[dict]) -> list[dict]:
    """Most-reps records worth showing: those no heavier load matched (more reps
    at a lighter load is the news), minus the ones the rep-max table already
    shows, heaviest first."""
    cent = Decimal("0.01")
    shown = {
        (line["record"].reps, line["record"].value.quantize(cent)) for line in rep_maxes
    }
    frontier, best = [], Decimal(0)
    for line in sorted(reps_at, key=lambda line: -line["record"].load_kg):
        record = line["record"]
        if record.value > best:
            best = record.value
            if (int(record.value), record.load_kg.quantize(cent)) not in shown:
                frontier.append(line)
    return frontier[:REPS_AT_LOAD_SHOWN]


@login_required
def records(request: HttpRequest) -> HttpResponse:
    """Standing personal records by movement: e1RM, rep maxes, most reps."""
    unit = _unit(request)
    by_movement: OrderedDict = OrderedDict()
    for record in selectors.personal_record_list(user=request.user):
        entry = by_movement.setdefault(
            record.movement_id,
            {"movement": record.movement, "e1rm": None, "rep_maxes": [], "reps_at": []},
        )
        line = _record_line(record, unit)
        if record.kind == RecordKind.E1RM:
            entry["e1rm"] = line
        elif record.kind == RecordKind.LOAD_AT_REPS:
            entry["rep_maxes"].append(line)
        else:
            entry["reps_at"].append(line)
    for entry in by_movement.values():
        entry["rep_maxes"].sort(key=lambda line: line["record"].reps)
        entry["reps_at"] = _rep_frontier(entry["reps_at"], entry["rep_maxes"])
    movements = sorted(
        by_movement.values(),
        key=lambda e: -(e["e1rm"]["record"].value if e["e1rm"] else 0),
    )
    return render(
        request,
        "training_logs/records.html",
        {"movements": movements, "unit": unit.lower()},
    )


# ---------------------------------------------------------------------------
# Progress
# ---------------------------------------------------------------------------
def _calendar(report: selectors.AdherenceReport, today: date) -> list[dict]:
    """The last ``CALENDAR_WEEKS`` weeks (and next week) as rows of 7 days, each
    with its planned session's status and any unplanned workouts or activities."""
    by_day: dict[date, adherence.SessionStatus] = {
        s.date: s for week in report.summary.weeks for s in week.sessions
    }
    weeks_by_start = {w.week_start: w for w in report.summary.weeks}
    current = adherence.week_start(today)
    rows = []
    for offset in range(CALENDAR_WEEKS - 1, -2, -1):
        monday = current - timedelta(weeks=offset)
        days = []
        for index in range(7):
            day = monday + timedelta(days=index)
            planned = by_day.get(day)
            extra = report.unplanned_days.get(day, {})
            days.append(
                {
                    "date": day,
                    "status": planned.status if planned else "",
                    "extra": extra.get("workouts", 0) + extra.get("activities", 0),
                    "today": day == today,
                }
            )
        week = weeks_by_start.get(monday)
        rows.append(
            {
                "week_start": monday,
                "days": days,
                "status": week.status if week else adherence.EMPTY,
                "planned": week.planned if week else 0,
                "completed": week.completed if week else 0,
            }
        )
    return rows


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    """e1RM trend, weekly sets against the landmarks, muscle recovery now and the
    adherence calendar."""
    athlete = AthleteSettings.for_user(request.user)
    unit = athlete.units
    today = timezone.localdate()
    movements = selectors.trend_movements(user=request.user)
    chosen = None
    wanted = request.GET.get("movement")
    if movements:
        chosen = next((m for m in movements if str(m["id"]) == wanted), movements[0])
    trend = []
    if chosen:
        trend = [
            {
                "date": timezone.localtime(point.performed_at).date().isoformat(),
                "label": _short_date(timezone.localtime(point.performed_at).date()),
                "e1rm": _in_unit(point.e1rm_kg, unit),
                "set": (
                    f"{_in_unit(point.load_kg, unit):g} × {point.reps}"
                    + (f" @ {_plain(point.rpe)}" if point.rpe else "")
                ),
                "low": point.low_confidence,
            }
            for point in selectors.e1rm_trend(
                user=request.user, movement_id=chosen["id"]
            )
        ]

    volume_weeks = selectors.weekly_muscle_volume(
        user=request.user, today=today, weeks=PROGRESS_WEEKS
    )
    week_index = len(volume_weeks) - 1
    wanted_week = request.GET.get("week")
    for index, week in enumerate(volume_weeks):
        if week.week_start.isoformat() == wanted_week:
            week_index = index
    shown = volume_weeks[week_index]
    volume = {
        "labels": [g.landmark.group.capitalize() for g in shown.groups],
        "sets": [g.hard_sets for g in shown.groups],
        "mev_mrv": [[g.landmark.mev, g.landmark.mrv] for g in shown.groups],
        "mav": [[g.landmark.mav_low, g.landmark.mav_high] for g in shown.groups],
        "zones": [g.zone for g in shown.groups],
    }
    volume_rows = [
        {
            "name": g.landmark.name,
            "sets": g.hard_sets,
            "landmark": g.landmark,
            "zone": g.zone,
            "zone_label": ZONE_LABELS[g.zone],
        }
        for g in shown.groups
    ]
    recovery = sorted(
        selectors.muscle_recovery_now(user=request.user, now=timezone.now()),
        key=lambda r: (r.level, r.muscle_name),
    )
    report = selectors.adherence_for_user(user=request.user, today=today)
    context = {
        "unit": unit.lower(),
        "movements": movements,
        "chosen": chosen,
        "trend": trend,
        "volume_weeks": volume_weeks,
        "shown_week": shown,
        "volume": volume,
        "volume_rows": volume_rows,
        "formula": athlete.get_e1rm_formula_display(),
        "recovery": recovery,
        "summary": report.summary,
        "calendar": _calendar(report, today),
        "today": today,
        "weekdays": ["M", "T", "W", "T", "F", "S", "S"],
    }
    return render(request, "training_logs/progress.html", context)


# ---------------------------------------------------------------------------
# Check-in and activities
# ---------------------------------------------------------------------------
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
                for message in _field_errors(exc):
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


@login_required
@require_http_methods(["GET", "POST"])
def activity_log(request: HttpRequest) -> HttpResponse:
    """Log an activity (a run, a ride…); ``?session=<id>`` logs it for a planned
    session, which it completes."""
    session = None
    session_id = request.GET.get("session") or request.POST.get("session")
    if session_id:
        session = session_get_for_user(user=request.user, session_id=session_id)
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
                for message in _field_errors(exc):
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
