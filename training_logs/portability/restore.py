"""An Alloy JSON export (``training_logs.portability.exports.account_json``) restored into an
empty account.

:func:`restore_check` reads and checks the document when it is uploaded (the
format and version, an empty account, every movement, muscle and activity slug
known here); :func:`account_restore` writes it, in one transaction, in the
worker: profile and settings, equipment, movement rules and favourite
activities through their own services; programs with their microcycles,
sessions and exercises as they were (statuses and the engine's rationale
included, nothing regenerated); workouts through the same batch service as the
CSV imports (so e1RMs, hard sets and top sets are derived again); soreness,
recovery signals and activities; the sections other apps registered
(``training_logs.portability.sections``); then the history-wide rebuild, once.
Exporting the restored account gives back the same document (tested).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction

from coach import services as coach_services
from movements import services as movement_services
from movements.models import (
    ActivityDefinition,
    Circuit,
    EquipmentPreset,
    Movement,
    Muscle,
)
from programs.models import Microcycle, Program, Session, SessionExercise
from training_logs.clock import local_week_start
from training_logs.models import (
    ActivityInstance,
    CircuitScore,
    RecoverySignal,
    SorenessLog,
    WorkoutLog,
)
from training_logs.portability import exports
from training_logs.portability.sections import BUILT_IN_KEYS, export_sections
from training_logs.services.imports import (
    WorkoutInput,
    workout_history_rebuild,
    workout_logs_import,
)
from training_logs.services.workouts import SetInput

SECTIONS = ("programs", "workouts", "soreness", "recovery_signals", "activities")


def restore_check(text: str, *, user) -> dict:
    """The parsed document, or ``ValidationError({"file": [...]})``: not JSON
    (with the line), not an Alloy export of a version this Alloy reads, an
    account that already has programs or logs, or slugs unknown here."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            {"file": [f"Line {exc.lineno}: not valid JSON ({exc.msg})."]}
        ) from None
    if not isinstance(document, dict) or document.get("format") != exports.FORMAT:
        raise ValidationError({"file": ["This JSON is not an Alloy export."]})
    if document.get("version") != exports.VERSION:
        raise ValidationError(
            {"file": [f"Alloy reads export version {exports.VERSION} only."]}
        )
    missing = [s for s in SECTIONS if not isinstance(document.get(s), list)]
    if missing:
        raise ValidationError({"file": [f"The export lacks {', '.join(missing)}."]})
    extra = export_sections()
    registered = {section.key for section in extra}
    unknown = sorted(set(document) - BUILT_IN_KEYS - registered)
    if unknown:
        raise ValidationError(
            {"file": [f"This Alloy cannot restore {', '.join(unknown)}."]}
        )
    malformed = [
        key for key in sorted(registered) if not isinstance(document.get(key, []), list)
    ]
    if malformed:
        raise ValidationError({"file": [f"Not a list: {', '.join(malformed)}."]})
    if (
        Program.objects.for_user(user).exists()
        or WorkoutLog.objects.for_user(user).exists()
        or SorenessLog.objects.filter(user=user).exists()
        or ActivityInstance.objects.for_user(user).exists()
        or any(s.exists_fn(user=user) for s in extra if s.exists_fn is not None)
    ):
        raise ValidationError(
            {
                "file": [
                    "An Alloy export restores into an account without programs "
                    "or logs; this one has some."
                ]
            }
        )
    _resolve_slugs(document)
    return document


def _resolve_slugs(document: dict) -> dict[str, dict[str, int]]:
    """``{"movement"|"muscle"|"activity": {slug: id}}`` for every slug the
    document names; ``ValidationError`` listing the unknown ones."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for rule in document.get("movement_rules", []):
        wanted["movement"].update(
            s for s in (rule["movement"], rule["substitute"]) if s
        )
    for score in document.get("circuit_scores", []):
        wanted["circuit"].add(score["circuit"])
    for program in document["programs"]:
        for rule in program.get("movement_rules", []):
            wanted["movement"].update(
                s for s in (rule.get("movement"), rule.get("substitute")) if s
            )
        for week in program["microcycles"]:
            for day in week["sessions"]:
                wanted["movement"].update(e["movement"] for e in day["exercises"])
                wanted["circuit"].update(
                    c
                    for c in (day.get("main_circuit"), day.get("finisher_circuit"))
                    if c
                )
    for workout in document["workouts"]:
        wanted["movement"].update(s["movement"] for s in workout["sets"])
    wanted["muscle"].update(s["muscle"] for s in document["soreness"])
    wanted["activity"].update(document.get("enjoyable_activities", []))
    wanted["activity"].update(a["definition"] for a in document["activities"])
    models_by_kind = {
        "movement": Movement,
        "muscle": Muscle,
        "activity": ActivityDefinition,
        "circuit": Circuit,
    }
    found = {
        kind: dict(
            models_by_kind[kind]
            .objects.filter(slug__in=wanted[kind])
            .values_list("slug", "pk")
        )
        for kind in models_by_kind
    }
    unknown = [
        f"{kind} “{slug}”"
        for kind in models_by_kind
        for slug in sorted(wanted[kind] - set(found[kind]))
    ]
    if unknown:
        raise ValidationError(
            {"file": [f"Not in this Alloy's library: {', '.join(unknown[:20])}."]}
        )
    return found


def _values(model: type[models.Model], data: dict, skip: set[str]) -> dict:
    """``data`` for ``model``'s exported fields, as Python values."""
    return {
        name: model._meta.get_field(name).to_python(data[name])
        for name in exports.fields_of(model, skip)
        if name in data
    }


def set_count(document: dict) -> int:
    """How many sets the document's workouts hold (the job's progress total)."""
    return sum(len(w["sets"]) for w in document["workouts"])


@transaction.atomic
def account_restore(*, user, document: dict) -> int:
    """Write a checked document (:func:`restore_check`) into ``user``'s account,
    all or nothing. Returns the number of sets written. Registered sections
    (``training_logs.portability.sections``) are restored last, in the same
    transaction; a section's ``restore_fn`` raising rolls everything back."""
    slugs = _resolve_slugs(document)
    movement_ids = slugs["movement"]
    _restore_preferences(user, document, slugs)
    sessions, exercises = _restore_programs(user, document["programs"], slugs)
    workouts = [
        WorkoutInput(
            performed_at=dt.datetime.fromisoformat(w["performed_at"]),
            name=w["name"],
            duration_minutes=w["duration_minutes"],
            notes=w["notes"],
            enjoyment=w["enjoyment"],
            feedback_tags=w["feedback_tags"],
            session_id=sessions[tuple(w["session"])] if w["session"] else None,
            sets=[
                SetInput(
                    movement_id=movement_ids[s["movement"]],
                    set_number=s["set_number"],
                    load_kg=_decimal(s["load_kg"]),
                    reps=s["reps"],
                    duration_seconds=s["duration_seconds"],
                    rpe=_decimal(s["rpe"]),
                    rir=s["rir"],
                    is_warmup=s["is_warmup"],
                    session_exercise_id=(
                        exercises[tuple(s["session_exercise"])]
                        if s["session_exercise"]
                        else None
                    ),
                )
                for s in sorted(w["sets"], key=lambda s: s["order"])
            ],
        )
        for w in document["workouts"]
    ]
    written = workout_logs_import(user=user, workouts=workouts) if workouts else []
    CircuitScore.objects.bulk_create(
        CircuitScore(
            user=user,
            circuit_id=slugs["circuit"][row["circuit"]],
            workout_log=(
                written[row["workout"]].workout_log
                if row["workout"] is not None
                else None
            ),
            **_values(CircuitScore, row, set(exports.CIRCUIT_SCORE_SKIP)),
        )
        for row in document.get("circuit_scores", [])
    )
    SorenessLog.objects.bulk_create(
        SorenessLog(
            user=user,
            muscle_id=slugs["muscle"][row["muscle"]],
            **_values(
                SorenessLog, row, {"id", "user", "muscle", "created_at", "updated_at"}
            ),
        )
        for row in document["soreness"]
    )
    RecoverySignal.objects.bulk_create(
        RecoverySignal(
            user=user,
            **_values(RecoverySignal, row, {"id", "user", "created_at", "updated_at"}),
        )
        for row in document["recovery_signals"]
    )
    ActivityInstance.objects.bulk_create(
        ActivityInstance(
            user=user,
            definition_id=slugs["activity"][row["definition"]],
            session_id=sessions[tuple(row["session"])] if row["session"] else None,
            **_values(
                ActivityInstance,
                row,
                {"id", "user", "definition", "session", "created_at", "updated_at"},
            ),
        )
        for row in document["activities"]
    )
    for section in export_sections():
        section.restore_fn(user=user, rows=document.get(section.key, []))
    moved = {r.movement_id for result in written for r in result.sets}
    weeks = {local_week_start(result.workout_log.performed_at) for result in written}
    workout_history_rebuild(user=user, movement_ids=moved, weeks=weeks)
    return sum(len(result.sets) for result in written)


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _restore_preferences(user, document: dict, slugs: dict) -> None:
    profile = document.get("profile") or {}
    changes = {
        name: profile[name]
        for name in (*exports.USER_FIELDS, *exports.PROFILE_FIELDS)
        if name in profile
    }
    if "training_time" in changes:
        changes["training_time"] = dt.time.fromisoformat(changes["training_time"])
    coach_services.athlete_profile_update(user=user, **changes)
    if document.get("settings"):
        coach_services.athlete_settings_update(user=user, **document["settings"])
    equipment = document.get("equipment")
    if equipment:
        custom = equipment["preset"] == EquipmentPreset.CUSTOM
        movement_services.athlete_equipment_set(
            user=user,
            preset=equipment["preset"],
            equipment=equipment["equipment"] if custom else None,
        )
    movement_services.movement_rules_replace(
        user=user,
        rules=[
            {
                "movement_id": slugs["movement"][r["movement"]],
                "rule": r["rule"],
                "substitute_id": slugs["movement"].get(r["substitute"]),
            }
            for r in document.get("movement_rules", [])
        ],
    )
    movement_services.enjoyable_activities_set(
        user=user,
        definition_ids=[
            slugs["activity"][s] for s in document.get("enjoyable_activities", [])
        ],
    )


def _restore_programs(
    user, programs: list[dict], slugs: dict[str, dict[str, int]]
) -> tuple[dict[tuple, int], dict[tuple, int]]:
    """Write the programs' trees; returns ``{(program, week, day): session id}``
    and ``{(program, week, day, order): exercise id}``."""
    movement_ids, circuit_ids = slugs["movement"], slugs["circuit"]
    sessions: dict[tuple, int] = {}
    exercises: dict[tuple, int] = {}
    for index, data in enumerate(programs):
        program = Program(
            user=user,
            **_values(Program, data, exports.PROGRAM_SKIP),
            movement_rules=[
                {
                    "movement_id": movement_ids.get(r["movement"]),
                    "rule": r["rule"],
                    "substitute_id": movement_ids.get(r["substitute"]),
                }
                for r in data.get("movement_rules", [])
            ],
        )
        program.save()
        weeks = Microcycle.objects.bulk_create(
            Microcycle(
                program=program, **_values(Microcycle, w, exports.MICROCYCLE_SKIP)
            )
            for w in data["microcycles"]
        )
        days, day_keys = [], []
        for week, week_data in zip(weeks, data["microcycles"], strict=True):
            for day in week_data["sessions"]:
                days.append(
                    Session(
                        program=program,
                        microcycle=week,
                        main_circuit_id=circuit_ids.get(day.get("main_circuit")),
                        finisher_circuit_id=circuit_ids.get(
                            day.get("finisher_circuit")
                        ),
                        **_values(Session, day, exports.SESSION_SKIP),
                    )
                )
                day_keys.append((index, week.sequence_number, day["day_index"], day))
        Session.objects.bulk_create(days)
        rows, row_keys = [], []
        for session, (i, seq, day_index, day) in zip(days, day_keys, strict=True):
            sessions[(i, seq, day_index)] = session.pk
            for e in day["exercises"]:
                rows.append(
                    SessionExercise(
                        session=session,
                        movement_id=movement_ids[e["movement"]],
                        **_values(SessionExercise, e, exports.EXERCISE_SKIP),
                    )
                )
                row_keys.append((i, seq, day_index, e["order"]))
        SessionExercise.objects.bulk_create(rows)
        exercises.update({key: row.pk for key, row in zip(row_keys, rows, strict=True)})
    return sessions, exercises
