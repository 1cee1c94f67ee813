"""What a program honours, in the athlete's words: the profile summary on the
program page, the wizard's review and ``GET /api/v1/programs/{id}/``
(``honoured``), and each exercise's ``profile_notes`` beside the optimizer's own
rationale. Presentation only: reads the program's snapshot; the engine's rules
and numbers come through :mod:`programs.generation`'s public API.
"""

from __future__ import annotations

from functools import lru_cache

from coach.models import PRIORITY_MAX, TrainingDiscipline, Weekday
from movements import selectors as movement_selectors
from movements.equipment import default_equipment, describe, preset_for
from movements.models import Equipment, MovementRuleKind
from programs.generation import (
    FINISHER_MAX_MINUTES,
    FINISHER_MIN_MINUTES,
    PREFERENCE_DEVIATION_PCT,
    enjoyed_activity,
    is_olympic,
    olympic_main_allowed,
)
from programs.models import ExerciseRole, Program, SessionExercise


def _weekday_list(days: list[int]) -> str:
    return ", ".join(Weekday(d).label[:3] for d in sorted(days))


def program_profile_summary(*, program: Program) -> list[str]:
    """What of the athlete's profile (or this program's overrides) the program was
    built around, one plain line each, from the program's snapshot. One query
    (movement names) when it has movement rules."""
    lines = [
        f"Equipment: {describe(preset_for(program.equipment), program.equipment)}"
        " — nothing else is programmed."
    ]
    rules = program.movement_rules or []
    names = movement_selectors.rule_movement_names(rules)

    def named(kind: str) -> list[str]:
        return sorted(
            names.get(r["movement_id"], f"movement {r['movement_id']}")
            for r in rules
            if r["rule"] == kind
        )

    if named(MovementRuleKind.HARD_NO):
        lines.append(
            "Never programmed (your hard no): "
            + ", ".join(named(MovementRuleKind.HARD_NO))
            + "."
        )
    swaps = sorted(
        f"{names.get(r['movement_id'], '?')} → {names.get(r['substitute_id'], '?')}"
        for r in rules
        if r["rule"] == MovementRuleKind.SUBSTITUTE
    )
    if swaps:
        lines.append("Always swapped: " + "; ".join(swaps) + ".")
    if named(MovementRuleKind.PREFER):
        lines.append(
            "Preferred (a bonus capped at "
            f"{round(PREFERENCE_DEVIATION_PCT * 100)} % of a movement's score): "
            + ", ".join(named(MovementRuleKind.PREFER))
            + "."
        )
    if program.preferred_weekdays:
        lines.append(
            f"Training days: {_weekday_list(program.preferred_weekdays)} "
            "(your preferred weekdays)."
        )
    labels = dict(TrainingDiscipline.choices)
    priorities = program.discipline_priorities or {}
    if priorities:
        lines.append(
            "Discipline priorities: "
            + ", ".join(
                f"{labels.get(d, d)} {p}/{PRIORITY_MAX}"
                for d, p in sorted(priorities.items(), key=lambda kv: -kv[1])
            )
            + "."
        )
    experience = program.discipline_experience or {}
    if olympic_main_allowed(experience):
        level = experience["OLYMPIC_LIFTING"]
        lines.append(
            f"Olympic lifts may be main lifts: you have done them ({level.lower()})."
        )
    else:
        lines.append("No Olympic lifts as main lifts: you have not done them.")
    lines.append(
        "Mobility on days of its own."
        if program.dedicated_mobility_days
        else "Mobility mixed into lifting days (warm-ups and cool-downs)."
    )
    cardio = {
        (True, True): "Cardio on days of its own and as finishers.",
        (True, False): "Cardio on days of its own, no finishers.",
        (False, True): f"Cardio as {FINISHER_MIN_MINUTES}–{FINISHER_MAX_MINUTES} "
        "minute finishers on lifting days.",
        (False, False): "No cardio finishers or cardio days (your choice).",
    }[(program.dedicated_cardio_days, program.cardio_as_finisher)]
    lines.append(cardio)
    if program.enjoyable_activities:
        lines.append(
            "Cardio picks your activities first: "
            + ", ".join(program.enjoyable_activities)
            + "."
        )
    return lines


@lru_cache(maxsize=256)
def _kit_words(equipment: tuple[str, ...]) -> str:
    """The athlete's kit in words ("a commercial gym without kettlebells"), or
    "" when it is everything or the default (nothing worth saying). Kept per
    equipment list: a program's exercises all ask the same (a 12-week × 6-day
    program's ~860 exercises took 0.2 s of CPU recomputing it)."""
    chosen = set(equipment)
    if chosen == _ALL_EQUIPMENT or chosen == set(default_equipment()):
        return ""
    return describe(preset_for(list(equipment)), list(equipment))


_ALL_EQUIPMENT = frozenset(Equipment.values)


def exercise_profile_notes(*, program: Program, exercise: SessionExercise) -> list[str]:
    """Which of the program's profile choices one exercise honours, in words:
    the equipment it fits, an enjoyable activity it is, a discipline the athlete
    prioritised, an Olympic lift allowed as a main lift. (Substitutions and
    preference bonuses are in the optimizer's own notes.) No query: reads the
    exercise's (selected) movement and the program's snapshot."""
    movement = exercise.movement
    notes: list[str] = []
    kit = _kit_words(tuple(sorted(program.equipment or [])))
    if kit:
        notes.append(
            f"Fits your equipment ({kit})."
            if movement.equipment
            else f"Bodyweight: fits your equipment ({kit})."
        )
    engine_notes = " ".join((exercise.rationale or {}).get("notes") or [])
    if (
        movement.pattern == "cardio"
        and program.enjoyable_activities
        and "enjoy" not in engine_notes
    ):
        activity = enjoyed_activity(
            movement.name, movement.slug, movement.tags, program.enjoyable_activities
        )
        if activity:
            notes.append(f"An activity you enjoy ({activity}).")
    priority = (program.discipline_priorities or {}).get(movement.primary_discipline)
    if priority is not None and priority >= PRIORITY_MAX * 0.6:
        label = dict(TrainingDiscipline.choices).get(movement.primary_discipline, "")
        notes.append(f"{label} is a priority for you ({priority}/{PRIORITY_MAX}).")
    experience = program.discipline_experience or {}
    if (
        exercise.role == ExerciseRole.MAIN
        and is_olympic(
            movement.pattern, movement.primary_discipline, movement.tags or ()
        )
        and olympic_main_allowed(experience)
    ):
        level = experience["OLYMPIC_LIFTING"]
        notes.append(
            f"Olympic lift as a main lift: you have done them ({level.lower()})."
        )
    return notes


def _work_text(exercise: SessionExercise) -> str:
    """One station's work: "10 reps", "8–12 reps", "0:30" or "2 min"."""
    if exercise.reps_min:
        if exercise.reps_max and exercise.reps_max != exercise.reps_min:
            return f"{exercise.reps_min}–{exercise.reps_max} reps"
        return f"{exercise.reps_min} reps"
    seconds = exercise.duration_seconds or 0
    if seconds >= 120 and seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds // 60}:{seconds % 60:02d}"


def exercise_prescription_text(exercise: SessionExercise, session=None) -> str:
    """What the athlete does, as a coach writes it (issue 10: a circuit station
    is not "1 × 5").

    A station of a curated circuit (the session's main or finisher circuit,
    when ``session`` has it loaded): its dose then the circuit's format — "5 reps
    · 20-min AMRAP". A station of a generated circuit (a superset group: a
    metabolic finisher or conditioning block): "3 rounds × 0:30". Anything
    else: sets × reps ("4 × 6–8") or sets × time ("3 × 0:45")."""
    if exercise.superset_group is not None:
        circuit = _circuit_of(exercise, session)
        if circuit is not None:
            return f"{_work_text(exercise)} · {circuit.format_text()}"
        rounds = "1 round" if exercise.sets == 1 else f"{exercise.sets} rounds"
        return f"{rounds} × {_work_text(exercise)}"
    if exercise.duration_seconds and not exercise.reps_min:
        seconds = exercise.duration_seconds
        work = (
            f"{seconds // 60} min"
            if seconds % 60 == 0 and seconds >= 120
            else f"{seconds // 60}:{seconds % 60:02d}"
        )
    elif exercise.reps_max and exercise.reps_max != exercise.reps_min:
        work = f"{exercise.reps_min}–{exercise.reps_max}"
    else:
        work = str(exercise.reps_min or "")
    return f"{exercise.sets} × {work}"


def _circuit_of(exercise: SessionExercise, session):
    """The curated circuit ``exercise`` is a station of, if ``session`` has its
    circuits loaded (``selectors.session_circuits_load``); no query."""
    if session is None:
        return None
    field = (
        "finisher_circuit" if exercise.role == ExerciseRole.FINISHER else "main_circuit"
    )
    if not session._meta.get_field(field).is_cached(session):
        return None
    return getattr(session, field)
