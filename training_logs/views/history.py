"""Pages that look back: one workout (its sets and the records it set), deleting
it, history by week, and the standing personal records.

Logs are reached through ``selectors.workout_log_get_for_user`` (another athlete's
log is a 404); loads and records are shown in the athlete's unit
(``training_logs.presenters``).
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date, timedelta
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from training_logs import adherence, clock, presenters, selectors, services
from training_logs.models import FeedbackTag, RecordKind

HISTORY_WEEKS = 6
REPS_AT_LOAD_SHOWN = 6


@login_required
def workout_detail(request: HttpRequest, workout_log_id: int) -> HttpResponse:
    """One workout: its sets by movement, the records it set (celebrated right
    after saving) and its circuit scores against the athlete's best."""
    workout = selectors.workout_log_get_for_user(
        user=request.user, workout_log_id=workout_log_id
    )
    unit = presenters.unit_for(request.user)
    groups: OrderedDict = OrderedDict()
    for set_log in workout.sets.all():
        groups.setdefault(
            set_log.movement_id, {"movement": set_log.movement, "sets": []}
        )["sets"].append(presenters.set_line(set_log, unit))
    records = [
        presenters.record_line(record, unit)
        for set_log in workout.sets.all()
        for record in set_log.personal_records.all()
    ]
    scores = list(workout.circuit_scores.select_related("circuit"))
    bests = (
        selectors.circuit_bests(
            user=request.user, circuit_ids={s.circuit_id for s in scores}
        )
        if scores
        else {}
    )
    circuit_lines = [
        {
            "circuit": score.circuit,
            "score": presenters.circuit_score_text(score, unit),
            "is_best": score.circuit_id in bests
            and bests[score.circuit_id].pk == score.pk,
            "best": (
                presenters.circuit_score_text(bests[score.circuit_id], unit)
                if score.circuit_id in bests
                else None
            ),
        }
        for score in scores
    ]
    sets = list(workout.sets.all())
    volume = sum(
        (s.load_kg or 0) * (s.reps or 0) for s in sets if s.is_hard and s.load_kg
    )
    context = {
        "workout": workout,
        "groups": list(groups.values()),
        "records": records,
        "headline_records": [r for r in records if presenters.is_headline(r["record"])]
        or records[:1],
        "hard_sets": sum(s.is_hard for s in sets),
        "volume": presenters.in_unit(volume, unit) if volume else None,
        "unit": unit.lower(),
        "saved": request.GET.get("saved") == "1",
        "tags": [FeedbackTag(tag).label for tag in workout.feedback_tags],
        "circuit_lines": circuit_lines,
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
    this_week = adherence.week_start(clock.today())
    last_monday = min(_parse_monday(request.GET.get("before"), this_week), this_week)
    unit = presenters.unit_for(request.user)
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
            workout.summary = [presenters.set_line(s, unit) for _, s in tops.values()]
            workout.record_count = len(
                {
                    s.movement_id
                    for s in workout.sets.all()
                    for record in s.personal_records.all()
                    if presenters.is_headline(record)
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
    unit = presenters.unit_for(request.user)
    by_movement: OrderedDict = OrderedDict()
    for record in selectors.personal_record_list(user=request.user):
        entry = by_movement.setdefault(
            record.movement_id,
            {"movement": record.movement, "e1rm": None, "rep_maxes": [], "reps_at": []},
        )
        line = presenters.record_line(record, unit)
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
