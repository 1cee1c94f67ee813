"""Exercise substitution on a planned session: ranked alternatives and the swap.

The ranking is the engine's (``adaptation.engine.alternatives``: EQUIVALENT
edges first, then same pattern with overlapping primary muscles, then
regressions when the athlete asks for easier), filtered by the program's
equipment, the athlete's movement rules and level. A swap rewrites the one
``SessionExercise`` (movement only; sets, reps and effort stay) and records the
swap in the exercise's rationale.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from adaptation import engine, specs
from movements.models import Movement
from programs.models import Session, SessionExercise

#: How many alternatives the API and the Swap button list.
ALTERNATIVES_SHOWN = 8


def exercise_get(*, session: Session, exercise_id: int) -> SessionExercise:
    """The exercise ``exercise_id`` of ``session`` (an owned session, from
    ``programs.selectors.session_get_for_user``). Raises ``Http404``."""
    try:
        return SessionExercise.objects.select_related("movement").get(
            pk=exercise_id, session=session
        )
    except (SessionExercise.DoesNotExist, ValueError, TypeError):
        raise Http404("No such exercise.") from None


def exercise_alternatives(
    *,
    session: Session,
    exercise: SessionExercise,
    easier: bool = False,
    library=None,
) -> tuple[engine.Alternative, ...]:
    """Ranked alternatives to ``exercise`` (the engine's order, best first),
    without the movements already in the session. One query (the session's
    movements) and the library snapshot's (none while it is kept and checked)."""
    library = library or specs.library_snapshot(require=(exercise.movement_id,))
    program = session.program
    in_session = frozenset(
        SessionExercise.objects.filter(session=session).values_list(
            "movement_id", flat=True
        )
    )
    return engine.alternatives(
        exercise.movement_id,
        library=library,
        athlete=specs.program_athlete(program),
        role=engine.types.ExerciseRole(exercise.role),
        easier=easier,
        exclude=in_session,
        goals=specs.program_goals(program),
        limit=ALTERNATIVES_SHOWN,
    )


def swap_errors(*, session: Session, exercise: SessionExercise, movement) -> list[str]:
    """Why ``movement`` cannot replace ``exercise`` (empty: it can). Checks the
    program's equipment, the athlete's hard-no rules and timed/rep work."""
    program = session.program
    problems = []
    if movement.pk == exercise.movement_id:
        problems.append("That is the movement already prescribed.")
    missing = set(movement.equipment or ()) - set(program.equipment or ())
    if missing:
        problems.append(
            f"{movement.name} needs equipment this program does not have: "
            f"{', '.join(sorted(missing))}."
        )
    hard_no = {
        r["movement_id"] for r in program.movement_rules or [] if r["rule"] == "HARD_NO"
    }
    if movement.pk in hard_no:
        problems.append(f"{movement.name} is one of your hard-no movements.")
    rep_based = exercise.reps_min is not None
    if rep_based and movement.is_timed:
        problems.append(
            f"{movement.name} is timed work; this exercise is prescribed in reps."
        )
    return problems


@transaction.atomic
def exercise_swap(
    *, session: Session, exercise: SessionExercise, movement_id: int
) -> SessionExercise:
    """Replace the exercise's movement by ``movement_id`` (sets, reps, effort and
    rest stay). The rationale records the swap: ``rationale["swaps"]`` gains
    ``{"from_movement_id", "from", "to_movement_id", "to", "at"}`` and its notes
    a line. Raises ``ValidationError({"movement": [...]})`` for a movement that
    does not exist, is a hard no, needs missing equipment or does not fit."""
    movement = Movement.objects.filter(pk=movement_id).first()
    if movement is None:
        raise ValidationError({"movement": [f"Movement {movement_id} does not exist."]})
    problems = swap_errors(session=session, exercise=exercise, movement=movement)
    if problems:
        raise ValidationError({"movement": problems})
    old = exercise.movement
    rationale = dict(exercise.rationale or {})
    rationale["swaps"] = [
        *rationale.get("swaps", []),
        {
            "from_movement_id": old.pk,
            "from": old.name,
            "to_movement_id": movement.pk,
            "to": movement.name,
            "at": timezone.now().isoformat(),
        },
    ]
    rationale["notes"] = [
        *rationale.get("notes", []),
        f"Swapped in for {old.name} at your request.",
    ]
    exercise.movement = movement
    exercise.rationale = rationale
    exercise.save(update_fields=["movement", "rationale"])
    return exercise
