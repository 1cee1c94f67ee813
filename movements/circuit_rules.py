"""The rules a circuit must keep, per format, and its estimated duration.

Pure Python over anything with the fields of ``Circuit`` / ``CircuitMovement``
(saved rows, unsaved instances built by a form or the API): the model's
``clean()``, the admin's movement inline, the API service and the fixture loader
all call these, so every writer answers alike. Messages are keyed by field
(``rounds``, ``time_cap_seconds``…) for ``ValidationError``.

What each format needs (seeds 002 CircuitType; the parameters are the formats'
public definitions, the bounds Alloy's):

========  ==============================  =================  =======================
format    required                        must be empty      scoring
========  ==============================  =================  =======================
METCON    rounds, time cap                work, rest         TIME
AMRAP     time cap                        rounds, work, rest ROUNDS_REPS
EMOM      rounds (count of intervals)     time cap, rest     NONE, LOAD, ROUNDS_REPS
TABATA    — (8 × 20 s / 10 s unless set)  time cap           ROUNDS_REPS, NONE
COMPLEX   rounds                          time cap, work     LOAD, NONE
CIRCUIT   rounds                          time cap           NONE, TIME, ROUNDS_REPS
========  ==============================  =================  =======================

Every circuit has at least two movements with distinct positive ``order``; each
movement has one dose (reps, seconds, metres or calories) except in a Tabata
(the interval is the dose) and on timed CIRCUIT stations (``work_seconds`` set);
a COMPLEX is counted in reps only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from movements.timing import CircuitItemDose, circuit_estimated_seconds

DOSE_FIELDS = ("reps", "seconds", "distance_m", "calories")
MIN_MOVEMENTS = 2

#: Bounds on the numbers (Alloy's): a circuit fits in a session.
MAX_ROUNDS = 100
TIME_CAP_RANGE = (60, 3600)
WORK_RANGE = (5, 600)
REST_RANGE = (0, 600)


@dataclass(frozen=True, slots=True)
class FormatRule:
    """What one format needs: fields that must be set, fields that must be empty,
    the scorings that make sense, and how its movements are dosed."""

    required: tuple[str, ...]
    empty: tuple[str, ...]
    scoring: frozenset[str]
    dose: str  # "one": a dose each; "none": the interval is the dose; "reps": reps only


CIRCUIT_RULES: dict[str, FormatRule] = {
    "METCON": FormatRule(
        ("rounds", "time_cap_seconds"),
        ("work_seconds", "rest_seconds"),
        frozenset({"TIME"}),
        "one",
    ),
    "AMRAP": FormatRule(
        ("time_cap_seconds",),
        ("rounds", "work_seconds", "rest_seconds"),
        frozenset({"ROUNDS_REPS"}),
        "one",
    ),
    "EMOM": FormatRule(
        ("rounds",),
        ("time_cap_seconds", "rest_seconds"),
        frozenset({"NONE", "LOAD", "ROUNDS_REPS"}),
        "one",
    ),
    "TABATA": FormatRule(
        (), ("time_cap_seconds",), frozenset({"ROUNDS_REPS", "NONE"}), "none"
    ),
    "COMPLEX": FormatRule(
        ("rounds",),
        ("time_cap_seconds", "work_seconds"),
        frozenset({"LOAD", "NONE"}),
        "reps",
    ),
    "CIRCUIT": FormatRule(
        ("rounds",),
        ("time_cap_seconds",),
        frozenset({"NONE", "TIME", "ROUNDS_REPS"}),
        "one",
    ),
}

FIELD_WORDS = {
    "rounds": "a number of rounds",
    "time_cap_seconds": "a time cap",
    "work_seconds": "work seconds",
    "rest_seconds": "rest seconds",
}
TYPE_WORDS = {
    "METCON": "A for-time metcon",
    "AMRAP": "An AMRAP",
    "EMOM": "An EMOM",
    "TABATA": "A Tabata",
    "COMPLEX": "A complex",
    "CIRCUIT": "A circuit",
}
SCORING_WORDS = {
    "ROUNDS_REPS": "rounds + reps",
    "TIME": "time",
    "LOAD": "load",
    "NONE": "not scored",
}


def _add(errors: dict[str, list[str]], field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def _in_range(
    errors: dict[str, list[str]], field: str, value: int | None, bounds: tuple
) -> None:
    low, high = bounds
    if value is not None and not low <= value <= high:
        _add(errors, field, f"Between {low} and {high}.")


def circuit_errors(circuit: Any) -> dict[str, list[str]]:
    """Field errors of a circuit's own values against its format's rules (empty
    when it is valid). An unknown ``circuit_type`` or ``scoring`` is left to the
    field's choices."""
    errors: dict[str, list[str]] = {}
    rule = CIRCUIT_RULES.get(circuit.circuit_type)
    if rule is None:
        return errors
    who = TYPE_WORDS[circuit.circuit_type]
    for field in rule.required:
        if getattr(circuit, field) is None:
            _add(errors, field, f"{who} needs {FIELD_WORDS[field]}.")
    for field in rule.empty:
        if getattr(circuit, field) is not None:
            _add(errors, field, f"{who} has no {FIELD_WORDS[field]}: leave it empty.")
    if circuit.scoring and circuit.scoring not in rule.scoring:
        allowed = " or ".join(sorted(SCORING_WORDS[s] for s in rule.scoring))
        _add(errors, "scoring", f"{who} is scored by {allowed}.")
    if circuit.rounds is not None and not 1 <= circuit.rounds <= MAX_ROUNDS:
        _add(errors, "rounds", f"Between 1 and {MAX_ROUNDS}.")
    _in_range(errors, "time_cap_seconds", circuit.time_cap_seconds, TIME_CAP_RANGE)
    _in_range(errors, "work_seconds", circuit.work_seconds, WORK_RANGE)
    _in_range(errors, "rest_seconds", circuit.rest_seconds, REST_RANGE)
    if (
        circuit.circuit_type == "EMOM"
        and circuit.work_seconds is not None
        and circuit.work_seconds % 30
    ):
        _add(
            errors,
            "work_seconds",
            "An EMOM interval is a whole number of half-minutes (60 s, 90 s, 120 s…).",
        )
    if (
        circuit.circuit_type == "TABATA"
        and circuit.rounds is not None
        and circuit.rounds > 20
    ):
        _add(errors, "rounds", "A Tabata has at most 20 rounds per movement.")
    return errors


def _doses(item: Any) -> list[str]:
    return [f for f in DOSE_FIELDS if getattr(item, f) is not None]


def circuit_items_errors(circuit: Any, items: Sequence[Any]) -> list[str]:
    """Errors of a circuit's movement list as a whole (empty when it is valid):
    at least two movements, each with a movement and a distinct positive order,
    and doses as the format wants them."""
    errors: list[str] = []
    if len(items) < MIN_MOVEMENTS:
        errors.append(f"A circuit needs at least {MIN_MOVEMENTS} movements.")
    orders = Counter(item.order for item in items if item.order is not None)
    for order, count in sorted(orders.items()):
        if count > 1:
            errors.append(f"Order {order} is used {count} times: one movement each.")
    rule = CIRCUIT_RULES.get(circuit.circuit_type)
    timed_stations = circuit.circuit_type == "CIRCUIT" and circuit.work_seconds
    for position, item in enumerate(items, 1):
        where = f"Movement {item.order or position}"
        if getattr(item, "movement_id", None) is None:
            errors.append(f"{where}: choose a movement.")
        if item.order is None or item.order < 1:
            errors.append(f"{where}: the order is a positive number.")
        doses = _doses(item)
        if len(doses) > 1:
            errors.append(
                f"{where}: give one of reps, seconds, distance or calories, not "
                "several."
            )
        if rule is None:
            continue
        if rule.dose == "none" and doses:
            errors.append(
                f"{where}: in a Tabata the interval is the dose; leave reps, "
                "seconds, distance and calories empty."
            )
        elif rule.dose == "reps" and doses != ["reps"]:
            errors.append(f"{where}: a complex is counted in reps.")
        elif rule.dose == "one" and not doses and not timed_stations:
            errors.append(f"{where}: give reps, seconds, distance or calories.")
    return errors


def estimated_seconds(circuit: Any, items: Sequence[Any]) -> int:
    """Estimated seconds of ``circuit`` with ``items`` (each with its ``movement``
    loaded, for the pace of distance work): ``movements.timing``'s estimate."""
    doses = [
        CircuitItemDose(
            reps=item.reps,
            seconds=item.seconds,
            distance_m=item.distance_m,
            calories=item.calories,
            equipment=frozenset(item.movement.equipment or ()),
            pattern=item.movement.pattern,
        )
        for item in items
    ]
    return circuit_estimated_seconds(
        circuit_type=circuit.circuit_type,
        rounds=circuit.rounds,
        time_cap_seconds=circuit.time_cap_seconds,
        work_seconds=circuit.work_seconds,
        rest_seconds=circuit.rest_seconds,
        items=doses,
    )


def _minutes(seconds: int | None) -> str:
    seconds = seconds or 0
    return f"{seconds // 60} min" if seconds % 60 == 0 else f"{seconds / 60:g} min"


def format_text(circuit: Any) -> str:
    """The format in a few words: "20-min AMRAP", "5 rounds for time (cap 20
    min)", "EMOM, 30 × 1 min", "Tabata, 8 × 20 s on / 10 s off per movement",
    "Complex, 5 rounds, 90 s rest", "3 rounds of 40 s stations"."""
    kind = circuit.circuit_type
    rounds = circuit.rounds
    if kind == "AMRAP":
        return f"{_minutes(circuit.time_cap_seconds).replace(' ', '-')} AMRAP"
    if kind == "METCON":
        lead = "For time" if (rounds or 1) == 1 else f"{rounds} rounds for time"
        return f"{lead} (cap {_minutes(circuit.time_cap_seconds)})"
    if kind == "EMOM":
        interval = circuit.work_seconds or 60
        every = "1 min" if interval == 60 else f"{interval} s"
        return f"EMOM, {rounds} × {every}"
    if kind == "TABATA":
        work = circuit.work_seconds or 20
        rest = 10 if circuit.rest_seconds is None else circuit.rest_seconds
        return f"Tabata, {rounds or 8} × {work} s on / {rest} s off per movement"
    if kind == "COMPLEX":
        rest = 60 if circuit.rest_seconds is None else circuit.rest_seconds
        return f"Complex, {rounds} rounds, {rest} s rest"
    if circuit.work_seconds:
        return f"{rounds} rounds of {circuit.work_seconds} s stations"
    return f"{rounds} rounds"
