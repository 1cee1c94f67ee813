"""Workout-history exports of other apps, read into plain rows (pure: no Django).

Two formats, told apart by their header row (:func:`detect_format`):

* **Strong** (``Date, Workout Name, Exercise Name, Set Order, Weight, Reps…``). The
  older export is semicolon-separated and has ``Weight Unit``, ``RPE``,
  ``Distance Unit`` and ``Workout Duration`` columns; the newer one is
  comma-separated, has ``Duration`` ("1h 5m") and ``RPE`` last, and writes
  weights in the app's unit without saying which (the athlete tells us). ``Set
  Order`` is a number, ``W`` (warm-up), ``D`` (drop set) or ``F`` (failure);
  ``Rest Timer`` rows and rows with neither reps nor time are skipped.
* **Hevy** (``title, start_time, end_time, description, exercise_title,
  superset_id, exercise_notes, set_index, set_type, weight_kg|weight_lbs, reps,
  distance_km|distance_miles, duration_seconds, rpe``). ``set_type`` is
  ``normal``, ``warmup``, ``dropset`` or ``failure``.

:func:`parse_export` returns every set with its line number, every bad row as a
:class:`LineError` (the caller refuses the whole file when there is one) and the
rows skipped on purpose. Loads come out in kg (1 lb = 0.45359237 kg exactly,
the international pound), rounded to 3 places like ``SetLog.load_kg``; a
negative load (Strong's "assisted" exercises) and an empty weight are "no
external load recorded" (``None``), 0 is bodyweight only. Times are naive local
wall-clock times, as the apps write them (aware when a cell carries an ISO 8601
offset).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from training_logs.portability.matching import normalize_name

STRONG, HEVY = "STRONG", "HEVY"
KG, LB = "KG", "LB"
LB_IN_KG = Decimal("0.45359237")
KG_PLACES = Decimal("0.001")
#: RPE 1–10 in half steps, as ``training_logs`` stores it (reference §5a).
RPE_VALUES = frozenset(Decimal(n) / 2 for n in range(2, 21))
#: The bounds ``training_logs.models.SetLog`` and ``WorkoutLog`` enforce.
MAX_LOAD_KG = Decimal(2000)
MAX_REPS = 1000
MAX_SECONDS = 86_400
MAX_WORKOUT_MINUTES = 600
#: A file larger than this many data rows is refused (about 25 years of daily
#: training in Strong's layout).
MAX_ROWS = 200_000

STRONG_REQUIRED = (
    "Date",
    "Workout Name",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
)
HEVY_REQUIRED = (
    "title",
    "start_time",
    "exercise_title",
    "set_index",
    "set_type",
    "reps",
)


class ImportFileError(ValueError):
    """The file as a whole cannot be read: not a CSV, an unknown header, no rows."""


@dataclass(frozen=True, slots=True)
class LineError:
    """A problem with the row starting at ``line`` (1 = the header)."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class ImportedSet:
    """One set read from a file.

    ``workout_key`` groups the sets of one workout (start time and name);
    ``set_number`` counts the sets of ``exercise`` within it from 1 in file
    order (warm-ups included), so an exercise done in two blocks keeps distinct
    numbers. ``load_kg`` ≥ 0 or ``None``; ``reps`` ≥ 1 or ``duration_seconds`` ≥ 1;
    ``rpe`` 1–10 in half steps or ``None``.
    """

    line: int
    workout_key: str
    workout_name: str
    performed_at: dt.datetime
    duration_minutes: int | None
    workout_notes: str
    exercise: str
    set_number: int
    is_warmup: bool
    load_kg: Decimal | None
    reps: int | None
    duration_seconds: int | None
    rpe: Decimal | None
    notes: str

    @property
    def fingerprint(self) -> str:
        """A stable digest of what was done (when, which exercise, which set,
        load, reps, time, RPE): the same set read from the same file, or from
        Alloy's own Strong-format export of it, has the same fingerprint, so
        importing twice adds nothing."""
        load = "" if self.load_kg is None else f"{self.load_kg:.3f}"
        rpe = "" if self.rpe is None else f"{self.rpe:.1f}"
        key = "|".join(
            (
                self.performed_at.strftime("%Y-%m-%dT%H:%M"),
                normalize_name(self.exercise),
                str(self.set_number),
                "W" if self.is_warmup else "",
                load,
                str(self.reps or ""),
                str(self.duration_seconds or ""),
                rpe,
            )
        )
        return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """What :func:`parse_export` read: the ``source`` format, the ``sets``, the
    row ``errors`` (any one refuses the file), the rows ``skipped`` on purpose
    with the reason, and the number of data ``rows``."""

    source: str
    sets: tuple[ImportedSet, ...]
    errors: tuple[LineError, ...]
    skipped: tuple[LineError, ...]
    rows: int

    @property
    def exercise_names(self) -> list[str]:
        """The distinct exercise names, most used first."""
        counts = Counter(s.exercise for s in self.sets)
        return [name for name, _ in counts.most_common()]


class _RowError(ValueError):
    pass


class _Skip(Exception):  # noqa: N818 - a control-flow signal, not an error
    pass


# ---------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------
def _clean(value: str | None) -> str:
    return (value or "").replace("\u202f", " ").replace("\xa0", " ").strip()


def _decimal(value: str, field: str) -> Decimal | None:
    text = _clean(value)
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # a decimal comma (European locales)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _RowError(f"{field} is not a number: {value!r}.") from None
    if not number.is_finite():
        raise _RowError(f"{field} is not a number: {value!r}.")
    return number


def _whole(value: str, field: str, *, maximum: int) -> int | None:
    number = _decimal(value, field)
    if number is None or number == 0:
        return None
    if number != number.to_integral_value() or number < 0:
        raise _RowError(f"{field} must be a whole number: {value!r}.")
    if number > maximum:
        raise _RowError(f"{field} {number} is more than {maximum}.")
    return int(number)


def _load_kg(value: str, unit: str) -> Decimal | None:
    number = _decimal(value, "Weight")
    if number is None or number < 0:
        return None  # not recorded, or an assistance (negative) load
    kg = number * LB_IN_KG if unit == LB else number
    kg = kg.quantize(KG_PLACES, rounding=ROUND_HALF_UP)
    if kg > MAX_LOAD_KG:
        raise _RowError(f"Weight {value} is more than {MAX_LOAD_KG} kg.")
    return kg


def _rpe(value: str) -> Decimal | None:
    number = _decimal(value, "RPE")
    if number is None or number == 0:
        return None
    if number not in RPE_VALUES:
        raise _RowError(f"RPE must be 1–10 in steps of 0.5, not {value!r}.")
    return number.quantize(Decimal("0.1"))


def _unit(value: str, default: str) -> str:
    text = _clean(value).lower()
    if not text:
        return default
    if text in ("kg", "kgs", "kilograms"):
        return KG
    if text in ("lb", "lbs", "pounds"):
        return LB
    raise _RowError(f"Unknown weight unit {value!r} (kg or lbs).")


DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %I:%M %p",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d %b %Y, %H:%M",
    "%d %B %Y, %H:%M",
    "%Y-%m-%d",
)


def _moment(value: str, field: str) -> dt.datetime:
    """The row's time: naive local wall-clock time in the formats the apps
    write, or an aware time when the cell carries an offset (ISO 8601)."""
    text = _clean(value)
    for fmt in DATE_FORMATS:
        try:
            moment = dt.datetime.strptime(text, fmt)  # noqa: DTZ007 - local wall time
        except ValueError:
            continue
        return moment.replace(second=0, microsecond=0)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise _RowError(f"{field} is not a date and time: {value!r}.") from None
    return moment.replace(second=0, microsecond=0)


DURATION_PART = re.compile(r"(\d+)\s*([hms])")


def _duration_minutes(value: str) -> int | None:
    """``1h 5m`` / ``35m`` / ``45s`` / ``3900`` (seconds) → whole minutes
    (``None`` when empty or out of the 1–600 range a workout log allows)."""
    text = _clean(value).lower()
    if not text:
        return None
    if text.isdigit():
        seconds = int(text)
    else:
        parts = DURATION_PART.findall(text)
        if not parts:
            raise _RowError(f"Duration is not a duration: {value!r}.")
        scale = {"h": 3600, "m": 60, "s": 1}
        seconds = sum(int(n) * scale[u] for n, u in parts)
    minutes = round(seconds / 60)
    return minutes if 1 <= minutes <= MAX_WORKOUT_MINUTES else None


# ---------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------
@dataclass(slots=True)
class _Row:
    workout_name: str
    performed_at: dt.datetime
    duration_minutes: int | None
    workout_notes: str
    exercise: str
    is_warmup: bool
    load_kg: Decimal | None
    reps: int | None
    duration_seconds: int | None
    rpe: Decimal | None
    notes: str


def _strong_row(cells: dict[str, str], unit: str) -> _Row:
    order = _clean(cells.get("Set Order")).upper()
    if order in ("REST TIMER", "NOTE"):
        raise _Skip("a rest-timer or note row, not a set")
    if order not in ("W", "D", "F") and not order.isdigit():
        raise _RowError(f"Set Order must be a number, W, D or F, not {order!r}.")
    exercise = _clean(cells.get("Exercise Name"))
    if not exercise:
        raise _RowError("Exercise Name is empty.")
    reps = _whole(cells.get("Reps", ""), "Reps", maximum=MAX_REPS)
    seconds = _whole(cells.get("Seconds", ""), "Seconds", maximum=MAX_SECONDS)
    if reps is None and seconds is None:
        raise _Skip("neither reps nor time")
    duration = cells.get("Duration") or cells.get("Workout Duration") or ""
    return _Row(
        workout_name=_clean(cells.get("Workout Name")),
        performed_at=_moment(cells.get("Date", ""), "Date"),
        duration_minutes=_duration_minutes(duration),
        workout_notes=_clean(cells.get("Workout Notes")),
        exercise=exercise,
        is_warmup=order == "W",
        load_kg=_load_kg(
            cells.get("Weight", ""), _unit(cells.get("Weight Unit", ""), unit)
        ),
        reps=reps,
        duration_seconds=seconds if reps is None else None,
        rpe=_rpe(cells.get("RPE", "")),
        notes=_clean(cells.get("Notes")),
    )


HEVY_SET_TYPES = ("normal", "warmup", "dropset", "failure")


def _hevy_row(cells: dict[str, str], unit: str) -> _Row:
    set_type = _clean(cells.get("set_type")).lower() or "normal"
    if set_type not in HEVY_SET_TYPES:
        raise _RowError(f"set_type must be one of {', '.join(HEVY_SET_TYPES)}.")
    exercise = _clean(cells.get("exercise_title"))
    if not exercise:
        raise _RowError("exercise_title is empty.")
    start = _moment(cells.get("start_time", ""), "start_time")
    minutes = None
    if _clean(cells.get("end_time")):
        end = _moment(cells["end_time"], "end_time")
        span = round((end - start).total_seconds() / 60)
        minutes = span if 1 <= span <= MAX_WORKOUT_MINUTES else None
    reps = _whole(cells.get("reps", ""), "reps", maximum=MAX_REPS)
    seconds = _whole(
        cells.get("duration_seconds", ""), "duration_seconds", maximum=MAX_SECONDS
    )
    if reps is None and seconds is None:
        raise _Skip("neither reps nor time")
    if "weight_kg" in cells:
        load = _load_kg(cells["weight_kg"], KG)
    else:
        load = _load_kg(cells.get("weight_lbs", ""), LB)
    return _Row(
        workout_name=_clean(cells.get("title")),
        performed_at=start,
        duration_minutes=minutes,
        workout_notes=_clean(cells.get("description")),
        exercise=exercise,
        is_warmup=set_type == "warmup",
        load_kg=load,
        reps=reps,
        duration_seconds=seconds if reps is None else None,
        rpe=_rpe(cells.get("rpe", "")),
        notes=_clean(cells.get("exercise_notes")),
    )


def detect_format(header: list[str]) -> str:
    """``STRONG`` or ``HEVY`` from the header's column names. Raises
    :class:`ImportFileError` naming what is missing otherwise."""
    columns = set(header)
    if "Exercise Name" in columns or "Set Order" in columns:
        missing = [c for c in STRONG_REQUIRED if c not in columns]
        if missing:
            raise ImportFileError(
                f"This looks like a Strong export but lacks {', '.join(missing)}."
            )
        return STRONG
    if "exercise_title" in columns or "set_index" in columns:
        missing = [c for c in HEVY_REQUIRED if c not in columns]
        if "weight_kg" not in columns and "weight_lbs" not in columns:
            missing.append("weight_kg or weight_lbs")
        if missing:
            raise ImportFileError(
                f"This looks like a Hevy export but lacks {', '.join(missing)}."
            )
        return HEVY
    raise ImportFileError(
        "Unknown file: expected a Strong or Hevy CSV export "
        "(its first row names the columns)."
    )


def _delimiter(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def parse_export(text: str, *, unit: str = KG) -> ParsedFile:
    """Read a Strong or Hevy CSV export.

    ``unit`` (``KG`` or ``LB``) is the weight unit of a file that does not say
    (Strong's newer export). Raises :class:`ImportFileError` for a file that is
    not one of them at all; row problems come back in ``errors`` with their
    line numbers, and nothing is guessed for a bad row.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ImportFileError("The file is empty.")
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = [_clean(h) for h in next(reader)]
    except csv.Error as exc:
        raise ImportFileError(f"Line 1: not a CSV file ({exc}).") from None
    source = detect_format(header)
    read_row = _strong_row if source == STRONG else _hevy_row

    sets: list[ImportedSet] = []
    errors: list[LineError] = []
    skipped: list[LineError] = []
    numbers: Counter[tuple[str, str]] = Counter()
    rows = 0
    line = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(LineError(line, f"Not valid CSV: {exc}."))
            break
        start, line = line, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        rows += 1
        if rows > MAX_ROWS:
            raise ImportFileError(f"The file has more than {MAX_ROWS} rows.")
        if len(values) != len(header):
            errors.append(
                LineError(
                    start, f"Expected {len(header)} columns, found {len(values)}."
                )
            )
            continue
        try:
            row = read_row(dict(zip(header, values, strict=True)), unit)
        except _Skip as reason:
            skipped.append(LineError(start, f"Skipped: {reason}."))
            continue
        except _RowError as exc:
            errors.append(LineError(start, str(exc)))
            continue
        key = f"{row.performed_at:%Y-%m-%dT%H:%M}|{row.workout_name}"
        numbers[(key, row.exercise)] += 1
        sets.append(
            ImportedSet(
                line=start,
                workout_key=key,
                set_number=numbers[(key, row.exercise)],
                **{f: getattr(row, f) for f in _Row.__slots__},
            )
        )
    if not sets and not errors:
        raise ImportFileError("The file has no sets to import.")
    return ParsedFile(
        source=source,
        sets=tuple(sets),
        errors=tuple(errors),
        skipped=tuple(skipped),
        rows=rows,
    )
