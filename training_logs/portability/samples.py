"""A year of realistic Strong training as a CSV export, generated (pure: no
Django): for the "a year of Strong training" test and the import benchmark.

Four days a week (upper/lower twice), Strong's exercise names, warm-up sets,
RPE on the top sets, bodyweight pull-ups, timed planks, a rest-timer row now and
then, loads that climb 2.5 kg every fortnight with a lighter fourth week, and a
missed day every so often — deterministic for a given seed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random

from training_logs.portability.sources import STRONG_REQUIRED

#: (exercise name as Strong writes it, start load kg or None for bodyweight,
#: working sets, reps; seconds instead of reps when the name is timed)
DAYS = {
    "Upper A": [
        ("Bench Press (Barbell)", 70.0, 4, 5),
        ("Bent Over Row (Barbell)", 60.0, 4, 8),
        ("Overhead Press (Dumbbell)", 20.0, 3, 10),
        ("Pull Up", None, 3, 8),
        ("Bicep Curl (Dumbbell)", 12.0, 3, 12),
    ],
    "Lower A": [
        ("Squat (Barbell)", 90.0, 4, 5),
        ("Romanian Deadlift (Barbell)", 70.0, 3, 8),
        ("Leg Press", 140.0, 3, 12),
        ("Standing Calf Raise (Machine)", 60.0, 3, 15),
        ("Plank", None, 3, 60),
    ],
    "Upper B": [
        ("Overhead Press (Barbell)", 45.0, 4, 6),
        ("Lat Pulldown (Cable)", 55.0, 3, 10),
        ("Incline Bench Press (Dumbbell)", 24.0, 3, 10),
        ("Seated Row (Cable)", 50.0, 3, 12),
        ("Triceps Pushdown (Cable - Straight Bar)", 25.0, 3, 12),
    ],
    "Lower B": [
        ("Deadlift (Barbell)", 120.0, 3, 5),
        ("Front Squat (Barbell)", 60.0, 3, 6),
        ("Bulgarian Split Squat", 16.0, 3, 10),
        ("Lying Leg Curl (Machine)", 35.0, 3, 12),
        ("Hanging Leg Raise", None, 3, 12),
    ],
}
TIMED = {"Plank"}
WEEKDAYS = {0: "Upper A", 1: "Lower A", 3: "Upper B", 4: "Lower B"}
COLUMNS = [
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
]
assert set(STRONG_REQUIRED) <= set(COLUMNS)


def _load(start: float, week: int) -> float:
    """+2.5 kg a fortnight (5 % for light lifts), a 10 % lighter fourth week."""
    step = 2.5 if start >= 40 else max(1.0, round(start * 0.05 * 2) / 2)
    load = start + step * (week // 2)
    if week % 4 == 3:
        load *= 0.9
    return round(load * 2) / 2


def strong_year_csv(*, start: dt.date, weeks: int = 52, seed: int = 7) -> str:
    """``weeks`` of training from the Monday on or before ``start``, as Strong's
    comma-separated export with weights in kg. Returns the file's text."""
    rng = random.Random(seed)
    monday = start - dt.timedelta(days=start.weekday())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for week in range(weeks):
        for weekday, title in WEEKDAYS.items():
            if rng.random() < 0.06:
                continue  # a missed day
            day = monday + dt.timedelta(weeks=week, days=weekday)
            when = dt.datetime.combine(
                day, dt.time(18, rng.randrange(0, 50), rng.randrange(60))
            )
            stamp = when.strftime("%Y-%m-%d %H:%M:%S")
            minutes = rng.randrange(50, 75)
            duration = f"1h {minutes - 60}m" if minutes >= 60 else f"{minutes}m"
            note = "Deload week" if week % 4 == 3 else ""
            for name, base, sets, reps in DAYS[title]:
                load = None if base is None else _load(base, week)
                rows = []
                if load is not None and load >= 60:
                    rows.append(("W", round(load * 0.5 * 2) / 2, 8, ""))
                for number in range(1, sets + 1):
                    done = reps - (1 if number == sets and rng.random() < 0.3 else 0)
                    rpe = (
                        ""
                        if number < sets
                        else rng.choice(["7.5", "8", "8.5", "9", ""])
                    )
                    rows.append((str(number), load, done, rpe))
                for order, weight, count, rpe in rows:
                    timed = name in TIMED
                    writer.writerow(
                        [
                            stamp,
                            title,
                            duration,
                            name,
                            order,
                            "" if weight is None else f"{weight:g}",
                            0 if timed else count,
                            0,
                            count if timed else 0,
                            "",
                            note,
                            rpe,
                        ]
                    )
                if rng.random() < 0.1:
                    writer.writerow(
                        [
                            stamp,
                            title,
                            duration,
                            name,
                            "Rest Timer",
                            0,
                            0,
                            0,
                            120,
                            "",
                            note,
                            "",
                        ]
                    )
    return out.getvalue()
