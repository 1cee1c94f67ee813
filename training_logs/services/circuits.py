"""Circuit scores: an attempt at a curated circuit, scored as the circuit is."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from movements.models import Circuit, CircuitScoring
from training_logs import clock
from training_logs.models import CircuitScore, WorkoutLog
from training_logs.services.common import KG_PLACES

#: The fields each scoring records (any other must be empty).
SCORE_FIELDS: dict[str, tuple[str, ...]] = {
    CircuitScoring.ROUNDS_REPS: ("rounds", "reps"),
    CircuitScoring.TIME: ("time_seconds",),
    CircuitScoring.LOAD: ("load_kg",),
    CircuitScoring.NONE: (),
}
REQUIRED = {
    CircuitScoring.ROUNDS_REPS: "rounds",
    CircuitScoring.TIME: "time_seconds",
    CircuitScoring.LOAD: "load_kg",
}
WORDS = {
    "rounds": "rounds",
    "reps": "reps",
    "time_seconds": "a time",
    "load_kg": "a load",
}


def circuit_score_errors(
    *,
    circuit: Circuit,
    performed_on: date,
    values: dict[str, int | Decimal | None],
) -> dict[str, list[str]]:
    """Field errors of a score for ``circuit`` (empty when it is valid):
    the number its scoring needs is given, no other, a time within the cap, a
    date not in the future. ``values`` holds ``rounds``, ``reps``,
    ``time_seconds`` and ``load_kg`` (kg)."""
    errors: dict[str, list[str]] = {}
    allowed = SCORE_FIELDS[circuit.scoring]
    label = circuit.get_scoring_display().lower()
    for field, value in values.items():
        if value is not None and field not in allowed:
            errors[field] = [f"{circuit.name} is scored by {label}: leave this empty."]
    required = REQUIRED.get(circuit.scoring)
    if required and values.get(required) is None:
        errors[required] = [
            f"{circuit.name} is scored by {label}: give {WORDS[required]}."
        ]
    time = values.get("time_seconds")
    if (
        time is not None
        and circuit.time_cap_seconds
        and time > circuit.time_cap_seconds
    ):
        errors["time_seconds"] = [
            f"Over the {circuit.time_cap_seconds // 60}-minute cap: a capped "
            "attempt scores the cap."
        ]
    if performed_on > clock.today():
        errors["performed_on"] = ["That day has not happened yet."]
    return errors


@transaction.atomic
def circuit_score_create(
    *,
    user,
    circuit_id: int,
    performed_on: date | None = None,
    rounds: int | None = None,
    reps: int | None = None,
    time_seconds: int | None = None,
    load_kg: Decimal | None = None,
    workout_log: WorkoutLog | None = None,
) -> CircuitScore:
    """Record ``user``'s score on circuit ``circuit_id`` (today when no date;
    loads in kg). Raises ``ValidationError`` (``circuit``, the score fields,
    ``performed_on``) and writes nothing then. ``workout_log`` (the athlete's own)
    ties the score to the workout it was part of."""
    circuit = Circuit.objects.filter(pk=circuit_id).first()
    if circuit is None:
        raise ValidationError({"circuit": [f"No circuit with id {circuit_id}."]})
    if workout_log is not None and workout_log.user_id != user.pk:
        raise ValidationError({"workout_log": ["Not your workout."]})
    performed_on = performed_on or clock.today()
    if load_kg is not None:
        load_kg = Decimal(load_kg).quantize(KG_PLACES)
    values = {
        "rounds": rounds,
        "reps": reps,
        "time_seconds": time_seconds,
        "load_kg": load_kg,
    }
    errors = circuit_score_errors(
        circuit=circuit, performed_on=performed_on, values=values
    )
    if errors:
        raise ValidationError(errors)
    score = CircuitScore(
        user=user,
        circuit=circuit,
        workout_log=workout_log,
        performed_on=performed_on,
        **values,
    )
    score.full_clean()
    score.save()
    return score
