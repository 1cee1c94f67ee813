"""What the athlete reads and types, shared by the pages and the API: loads in the
athlete's unit (kg or lb, ``AthleteSettings.units``) in both directions, numbers
and dates as text, records as lines, and the "headline record" rule.

Stored loads are kg everywhere below the edge; this module is the edge. Unit
conversion is ``training_logs.metrics.to_kg``/``from_kg`` (1 lb = 0.45359237 kg).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from coach.models import AthleteSettings
from training_logs import metrics
from training_logs.models import RecordKind
from training_logs.services import SetInput


# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------
def unit_for(user) -> str:
    """The athlete's load unit, ``metrics.KG`` or ``metrics.LB``. One query."""
    return AthleteSettings.for_user(user).units


def in_unit(value_kg: float | Decimal | None, unit: str) -> float | None:
    """A kg value in ``unit`` (KG or LB), rounded to 2 decimals; ``None`` stays."""
    if value_kg is None:
        return None
    return round(metrics.from_kg(float(value_kg), unit), 2)


def to_kg(value: float | Decimal | None, unit: str) -> Decimal | None:
    """A load typed in ``unit`` as kg (``None``: not recorded)."""
    if value is None:
        return None
    return Decimal(str(metrics.to_kg(float(value), unit)))


def set_inputs(rows: Iterable[Mapping], unit: str) -> list[SetInput]:
    """Validated set rows (form or serializer) → service inputs, loads in kg.

    Each row names its fields as ``SetInput`` does, except ``load`` (in ``unit``,
    ``None``/absent: not recorded); absent optional fields take their defaults.
    Empty rows (an unfilled form row) are skipped.
    """
    return [
        SetInput(
            movement_id=row["movement_id"],
            set_number=row.get("set_number"),
            load_kg=to_kg(row.get("load"), unit),
            reps=row.get("reps"),
            duration_seconds=row.get("duration_seconds"),
            rpe=row.get("rpe"),
            rir=row.get("rir"),
            is_warmup=row.get("is_warmup", False),
            session_exercise_id=row.get("session_exercise_id"),
        )
        for row in rows
        if row
    ]


# ---------------------------------------------------------------------------
# Numbers, dates and errors as text
# ---------------------------------------------------------------------------
def plain(value: Decimal | None) -> str | None:
    """A decimal without trailing zeros or exponent: 8.0 → "8", 10.0 → "10"."""
    return None if value is None else f"{value.normalize():f}"


def fmt(value: float | None, places: int = 2) -> str:
    """A rounded number without trailing zeros: 129.50 → "129.5"; ``None`` → "–"."""
    if value is None:
        return "–"
    text = f"{value:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def short_date(day: date) -> str:
    """``day`` as "3 Mar"."""
    return f"{day.day} {day:%b}"


def field_errors(exc: ValidationError) -> list[str]:
    """Every message of a service's ``ValidationError``, flat, for a form's
    non-field errors."""
    if hasattr(exc, "error_dict"):
        return [m for messages in exc.message_dict.values() for m in messages]
    return list(exc.messages)


# ---------------------------------------------------------------------------
# Prescriptions, sets and records as lines
# ---------------------------------------------------------------------------
def prescription_text(exercise) -> str:
    """A prescribed exercise as "3 × 8–10 @ RPE 8" (or "3 × 45 s" when timed)."""
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
        text += f" @ RPE {plain(exercise.target_rpe)}"
    return text


def is_headline(record) -> bool:
    """The records worth a cheer on their own: a best e1RM, or a heavier set at
    a rep count than ever before. (A first set at a new load is a record of
    its kind, but not news.)"""
    return record.kind == RecordKind.E1RM or (
        record.kind == RecordKind.LOAD_AT_REPS and record.previous_value is not None
    )


def record_line(record, unit: str) -> dict:
    """A record as the pages show it: what, how much, and by how much it beat
    the last one. Estimates show one decimal: more would be false precision.
    ``{"record", "movement", "what", "value", "gain", "first"}``."""
    label = unit.lower()
    gain = None
    if record.kind == RecordKind.E1RM:
        what = "Estimated 1RM"
        value = f"{fmt(in_unit(record.value, unit), 1)} {label}"
        if record.previous_value is not None:
            diff = in_unit(record.value - record.previous_value, unit)
            gain = f"+{fmt(diff, 1)} {label}"
    elif record.kind == RecordKind.LOAD_AT_REPS:
        what = f"Heaviest {record.reps}-rep set"
        value = f"{fmt(in_unit(record.value, unit))} {label} × {record.reps}"
        if record.previous_value is not None:
            diff = in_unit(record.value - record.previous_value, unit)
            gain = f"+{fmt(diff)} {label}"
    else:
        what = f"Most reps at {fmt(in_unit(record.load_kg, unit))} {label}"
        value = f"{plain(record.value)} reps"
        if record.previous_value is not None:
            gain = f"+{plain(record.value - record.previous_value)}"
    return {
        "record": record,
        "movement": record.movement,
        "what": what,
        "value": value,
        "gain": gain,
        "first": record.previous_value is None,
    }


def set_line(set_log, unit: str) -> dict:
    """A logged set as the pages show it (loads in ``unit``; expects the
    ``personal_records`` prefetch of ``selectors.workout_log_with_sets``)."""
    return {
        "set": set_log,
        "load": in_unit(set_log.load_kg, unit),
        "e1rm": in_unit(set_log.e1rm_kg, unit),
        "rpe": plain(set_log.rpe),
        "record": bool(set_log.personal_records.all()),
    }


def circuit_score_text(score, unit: str) -> str:
    """A circuit score in words, a load in the athlete's unit: "18 rounds + 4
    reps", "6:52", "135 lb", "done"."""
    if score.load_kg is not None and not score.time_seconds and score.rounds is None:
        return f"{fmt(in_unit(score.load_kg, unit))} {unit.lower()}"
    return score.score_text()
