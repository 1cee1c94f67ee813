"""The progress page: e1RM trend, weekly hard sets against the RP landmarks
(MEV/MAV/MRV, reference §3), muscle recovery now and the adherence calendar."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coach.models import AthleteSettings
from training_logs import adherence, clock, landmarks, presenters, selectors

PROGRESS_WEEKS = 8
CALENDAR_WEEKS = 8
ZONE_LABELS = {
    landmarks.BELOW_MEV: "Below MEV",
    landmarks.MEV_TO_MAV: "MEV to MAV",
    landmarks.MAV: "In MAV",
    landmarks.MAV_TO_MRV: "MAV to MRV",
    landmarks.ABOVE_MRV: "Above MRV",
}


def _calendar(report: selectors.AdherenceReport, today: date) -> list[dict]:
    """The last ``CALENDAR_WEEKS`` weeks (and next week) as rows of 7 days, each
    with its planned session's status and any unplanned workouts or activities."""
    by_day: dict[date, adherence.SessionStatus] = {
        s.date: s for week in report.summary.weeks for s in week.sessions
    }
    window = adherence.week_window(
        report.summary.weeks,
        first_monday=adherence.week_start(today) - timedelta(weeks=CALENDAR_WEEKS - 1),
        count=CALENDAR_WEEKS + 1,
    )
    rows = []
    for week in window:
        days = []
        for index in range(7):
            day = week.week_start + timedelta(days=index)
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
        rows.append(
            {
                "week_start": week.week_start,
                "days": days,
                "status": week.status,
                "planned": week.planned,
                "completed": week.completed,
            }
        )
    return rows


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    """e1RM trend, weekly sets against the landmarks, muscle recovery now and the
    adherence calendar."""
    athlete = AthleteSettings.for_user(request.user)
    unit = athlete.units
    today = clock.today()
    movements = selectors.trend_movements(user=request.user)
    chosen = None
    wanted = request.GET.get("movement")
    if movements:
        chosen = next((m for m in movements if str(m["id"]) == wanted), movements[0])
    trend = []
    if chosen:
        trend = [
            {
                "date": clock.local_date(point.performed_at).isoformat(),
                "label": presenters.short_date(clock.local_date(point.performed_at)),
                "e1rm": presenters.in_unit(point.e1rm_kg, unit),
                "set": (
                    f"{presenters.in_unit(point.load_kg, unit):g} × {point.reps}"
                    + (f" @ {presenters.plain(point.rpe)}" if point.rpe else "")
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
        selectors.muscle_recovery_now(user=request.user, now=clock.now()),
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
