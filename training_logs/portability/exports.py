"""Everything an athlete owns, written out as it is read (generators for
``StreamingHttpResponse``): their workouts and sets as a Strong-compatible CSV,
and the whole account as one JSON document.

The JSON names library rows by their stable keys (movement, muscle and activity
slugs), never by database ids, so it re-imports into another account or another
Alloy (``training_logs.portability.restore``). Derived rows (e1RMs, hard-set flags, top sets,
personal records, pattern exposure, muscle recovery) are not exported: they are
rebuilt from the logs on import. The calendar-feed secret is not exported.
Apps above ``training_logs`` add their own sections (the adaptation app's daily
check-ins) through ``training_logs.portability.sections``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from decimal import Decimal

from django.db.models import Model, Prefetch
from django.utils import timezone

from coach.models import AthleteProfile, AthleteSettings
from movements.models import (
    AthleteEquipment,
    EnjoyableActivity,
    Movement,
    MovementRule,
)
from programs.models import Microcycle, Program, Session, SessionExercise
from training_logs.metrics import from_kg
from training_logs.models import (
    ActivityInstance,
    CircuitScore,
    RecoverySignal,
    SetLog,
    SorenessLog,
    WorkoutLog,
)
from training_logs.portability.sections import export_sections

FORMAT = "alloy-export"
VERSION = 1

#: Strong's current CSV layout, which Hevy and other apps import.
STRONG_COLUMNS = [
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
CHUNK = 200

USER_FIELDS = ["name", "experience_level", "persona_tone", "persona_aggression"]
PROFILE_FIELDS = [
    "long_term_goals",
    "preferred_weekdays",
    "discipline_priorities",
    "discipline_experience",
    "dedicated_mobility_days",
    "dedicated_cardio_days",
    "cardio_as_finisher",
    "training_time",
    "time_zone",
]
SETTINGS_FIELDS = ["units", "e1rm_formula"]
#: Exported fields of each owned model (the rest: ids, owners, links and
#: timestamps, written as references or not at all).
PROGRAM_SKIP = {"id", "user", "created_at", "updated_at", "movement_rules"}
MICROCYCLE_SKIP = {"id", "program"}
SESSION_SKIP = {"id", "program", "microcycle", "main_circuit", "finisher_circuit"}
EXERCISE_SKIP = {"id", "session", "movement"}
WORKOUT_FIELDS = [
    "name",
    "performed_at",
    "duration_minutes",
    "notes",
    "enjoyment",
    "feedback_tags",
]
SET_FIELDS = [
    "order",
    "set_number",
    "load_kg",
    "reps",
    "duration_seconds",
    "rpe",
    "rir",
    "is_warmup",
]
SORENESS_FIELDS = ["body_part", "level", "logged_at"]
SIGNAL_FIELDS = [
    "logged_at",
    "sleep_hours",
    "sleep_quality",
    "stress",
    "energy",
    "nutrition",
    "notes",
]
CIRCUIT_SCORE_SKIP = {
    "id",
    "user",
    "circuit",
    "workout_log",
    "created_at",
    "updated_at",
}
CIRCUIT_SCORE_FIELDS = [
    "performed_on",
    "rounds",
    "reps",
    "time_seconds",
    "load_kg",
]
ACTIVITY_FIELDS = [
    "name",
    "performed_start",
    "duration_seconds",
    "distance_km",
    "perceived_difficulty",
    "enjoyment",
    "notes",
    "source",
]


def plain(value):
    """A model value as JSON: decimals as strings (exact), dates and times in
    ISO 8601 (aware datetimes keep their offset)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def fields_of(model: type[Model], skip: set[str]) -> list[str]:
    """The concrete field names of ``model`` minus ``skip``."""
    return [f.name for f in model._meta.concrete_fields if f.name not in skip]


def dump(obj: Model, names: list[str]) -> dict:
    return {name: plain(getattr(obj, name)) for name in names}


# ---------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------
def _duration(minutes: int | None) -> str:
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    return f"{hours}h {rest}m" if hours else f"{rest}m"


#: Places a weight is written with: kg as stored; pounds to 0.01, which undoes
#: the kg storage's rounding (±0.0005 kg = ±0.0011 lb) for any load logged in
#: hundredths of a pound or coarser.
PLACES = {"KG": Decimal("0.001"), "LB": Decimal("0.01")}


def _number(value: float | Decimal, unit: str) -> str:
    return f"{Decimal(str(value)).quantize(PLACES[unit]).normalize():f}"


def workouts_csv(*, user, unit: str) -> Iterator[str]:
    """The athlete's workouts and sets in Strong's CSV layout, oldest first, one
    line per set: dates in the athlete's time zone, weights in ``unit`` (``KG``
    or ``LB``: the athlete's; the file name says which), warm-ups as Set Order
    ``W``, timed sets in Seconds. Yields the text in chunks."""
    zone = AthleteProfile.for_user(user).zone
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(STRONG_COLUMNS)
    logs = (
        WorkoutLog.objects.for_user(user)
        .order_by("performed_at", "id")
        .prefetch_related(
            Prefetch(
                "sets",
                queryset=SetLog.objects.select_related("movement").order_by(
                    "order", "id"
                ),
            )
        )
    )
    for log in logs.iterator(chunk_size=CHUNK):
        when = timezone.localtime(log.performed_at, zone).strftime("%Y-%m-%d %H:%M:%S")
        working = 0
        for row in log.sets.all():
            if row.is_warmup:
                order = "W"
            else:
                working += 1
                order = str(working)
            weight = (
                ""
                if row.load_kg is None
                else _number(from_kg(float(row.load_kg), unit), unit)
            )
            writer.writerow(
                [
                    when,
                    log.name,
                    _duration(log.duration_minutes),
                    row.movement.name,
                    order,
                    weight,
                    row.reps or 0,
                    0,
                    row.duration_seconds or 0,
                    "",
                    log.notes,
                    "" if row.rpe is None else f"{row.rpe.normalize():f}",
                ]
            )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


# ---------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------
def _profile(user) -> dict:
    profile = AthleteProfile.for_user(user)
    return {**dump(user, USER_FIELDS), **dump(profile, PROFILE_FIELDS)}


def _preferences(user) -> dict:
    equipment = AthleteEquipment.objects.filter(user=user).first()
    rules = MovementRule.objects.for_user(user).select_related(
        "movement", "substitute_with"
    )
    activities = EnjoyableActivity.objects.for_user(user).select_related("definition")
    return {
        "settings": dump(AthleteSettings.for_user(user), SETTINGS_FIELDS),
        "equipment": (
            {"preset": equipment.preset, "equipment": equipment.equipment}
            if equipment
            else None
        ),
        "movement_rules": [
            {
                "movement": r.movement.slug,
                "rule": r.rule,
                "substitute": r.substitute_with.slug if r.substitute_with else None,
            }
            for r in rules
        ],
        "enjoyable_activities": sorted(a.definition.slug for a in activities),
    }


def _programs(user, slugs: dict[int, str], refs: dict) -> Iterator[dict]:
    """Each program, oldest first, with its tree; fills ``refs`` with
    ``{session id: [program, week, day]}`` and ``{exercise id: [..., order]}``
    for the logs that point at them."""
    exercises = SessionExercise.objects.select_related("movement").order_by("order")
    sessions = (
        Session.objects.order_by("day_index")
        .select_related("main_circuit", "finisher_circuit")
        .prefetch_related(Prefetch("exercises", queryset=exercises))
    )
    microcycles = Microcycle.objects.order_by("sequence_number").prefetch_related(
        Prefetch("sessions", queryset=sessions)
    )
    programs = (
        Program.objects.for_user(user)
        .order_by("created_at", "id")
        .prefetch_related(Prefetch("microcycles", queryset=microcycles))
    )
    program_fields = fields_of(Program, PROGRAM_SKIP)
    microcycle_fields = fields_of(Microcycle, MICROCYCLE_SKIP)
    session_fields = fields_of(Session, SESSION_SKIP)
    exercise_fields = fields_of(SessionExercise, EXERCISE_SKIP)
    for index, program in enumerate(programs):
        body = dump(program, program_fields)
        body["movement_rules"] = [
            {
                "movement": slugs.get(r.get("movement_id")),
                "rule": r.get("rule"),
                "substitute": slugs.get(r.get("substitute_id")),
            }
            for r in program.movement_rules
        ]
        body["microcycles"] = []
        for microcycle in program.microcycles.all():
            week = dump(microcycle, microcycle_fields)
            week["sessions"] = []
            for session in microcycle.sessions.all():
                ref = [index, microcycle.sequence_number, session.day_index]
                refs["session"][session.pk] = ref
                day = dump(session, session_fields)
                for name in ("main_circuit", "finisher_circuit"):
                    circuit = getattr(session, name)
                    day[name] = circuit.slug if circuit else None
                day["exercises"] = []
                for exercise in session.exercises.all():
                    refs["exercise"][exercise.pk] = [*ref, exercise.order]
                    day["exercises"].append(
                        {
                            "movement": exercise.movement.slug,
                            **dump(exercise, exercise_fields),
                        }
                    )
                week["sessions"].append(day)
            body["microcycles"].append(week)
        yield body


def _workouts(user, refs: dict) -> Iterator[dict]:
    logs = (
        WorkoutLog.objects.for_user(user)
        .order_by("performed_at", "id")
        .prefetch_related(
            Prefetch(
                "sets",
                queryset=SetLog.objects.select_related("movement").order_by(
                    "order", "id"
                ),
            )
        )
    )
    for index, log in enumerate(logs.iterator(chunk_size=CHUNK)):
        refs["workout"][log.pk] = index
        body = dump(log, WORKOUT_FIELDS)
        body["session"] = refs["session"].get(log.session_id)
        body["sets"] = [
            {
                "movement": row.movement.slug,
                "session_exercise": refs["exercise"].get(row.session_exercise_id),
                **dump(row, SET_FIELDS),
            }
            for row in log.sets.all()
        ]
        yield body


def _circuit_scores(user, refs: dict) -> Iterator[dict]:
    rows = CircuitScore.objects.for_user(user).select_related("circuit")
    for row in rows.order_by("performed_on", "id").iterator(chunk_size=CHUNK):
        yield {
            "circuit": row.circuit.slug,
            "workout": refs["workout"].get(row.workout_log_id),
            **dump(row, CIRCUIT_SCORE_FIELDS),
        }


def _soreness(user) -> Iterator[dict]:
    rows = SorenessLog.objects.filter(user=user).select_related("muscle")
    for row in rows.order_by("logged_at", "id").iterator(chunk_size=CHUNK):
        yield {"muscle": row.muscle.slug, **dump(row, SORENESS_FIELDS)}


def _signals(user) -> Iterator[dict]:
    rows = RecoverySignal.objects.filter(user=user).order_by("logged_at", "id")
    for row in rows.iterator(chunk_size=CHUNK):
        yield dump(row, SIGNAL_FIELDS)


def _activities(user, refs: dict) -> Iterator[dict]:
    rows = ActivityInstance.objects.for_user(user).select_related("definition")
    for row in rows.order_by("performed_start", "id").iterator(chunk_size=CHUNK):
        yield {
            "definition": row.definition.slug,
            "session": refs["session"].get(row.session_id),
            **dump(row, ACTIVITY_FIELDS),
        }


def _array(items: Iterator[dict]) -> Iterator[str]:
    yield "["
    first = True
    for item in items:
        yield ("" if first else ",\n") + json.dumps(item, ensure_ascii=False)
        first = False
    yield "]"


def account_json(*, user) -> Iterator[str]:
    """The whole account as one JSON object, in pieces::

        {"format": "alloy-export", "version": 1, "exported_at": …,
         "profile": {…}, "settings": {…}, "equipment": {…} | null,
         "movement_rules": […], "enjoyable_activities": [slug…],
         "programs": [{…, "microcycles": [{…, "sessions": [{…, "exercises": […]}]}]}],
         "workouts": [{…, "session": [program, week, day] | null, "sets": […]}],
         "circuit_scores": [{"circuit": slug, "workout": index | null, …}],
         "soreness": […], "recovery_signals": […], "activities": […],
         <registered section key>: […], …}

    Loads are kg, times ISO 8601 with their offset. Programs and logs are
    read in chunks, so memory stays flat however long the history.
    """
    head = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": plain(timezone.now()),
        "profile": _profile(user),
        **_preferences(user),
    }
    yield json.dumps(head, ensure_ascii=False)[:-1]
    rule_ids = {
        i
        for rules in Program.objects.for_user(user).values_list(
            "movement_rules", flat=True
        )
        for r in rules
        for i in (r.get("movement_id"), r.get("substitute_id"))
        if i
    }
    slugs = dict(Movement.objects.filter(pk__in=rule_ids).values_list("pk", "slug"))
    refs: dict = {"session": {}, "exercise": {}, "workout": {}}
    sections = (
        ("programs", lambda: _programs(user, slugs, refs)),
        ("workouts", lambda: _workouts(user, refs)),
        ("circuit_scores", lambda: _circuit_scores(user, refs)),
        ("soreness", lambda: _soreness(user)),
        ("recovery_signals", lambda: _signals(user)),
        ("activities", lambda: _activities(user, refs)),
        *(
            (section.key, lambda section=section: iter(section.export_fn(user=user)))
            for section in export_sections()
        ),
    )
    for name, items in sections:
        yield f', "{name}": '
        yield from _array(items())
    yield "}\n"
