"""The session page: the blocks in order, each exercise with its prescription
and a "Why this?" built from the optimizer's rationale and what the program
honours (``programs.presenters``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from programs import presenters, selectors
from programs.generation import RELAXATION_STEPS, SCORER_WEIGHTS
from programs.generation.scaling import SCALED_PREFIX
from programs.models import ExerciseRole, Program

BLOCK_ORDER = (
    ExerciseRole.WARMUP,
    ExerciseRole.SKILL,
    ExerciseRole.MAIN,
    ExerciseRole.ACCESSORY,
    ExerciseRole.FINISHER,
    ExerciseRole.COOLDOWN,
)
BREAKDOWN_PARTS = (
    ("warmup", "Warm-up"),
    ("main", "Main"),
    ("accessory", "Accessory"),
    ("finisher", "Finisher"),
    ("cooldown", "Cool-down"),
)


@login_required
def session_detail(
    request: HttpRequest, program_id: int, session_id: int
) -> HttpResponse:
    """The session's curated circuits (if any), then its blocks in order, each
    exercise with its prescription and a "Why this?" built from the optimizer's
    rationale."""
    session = selectors.session_get_for_user(
        user=request.user, program_id=program_id, session_id=session_id
    )
    session = selectors.session_with_exercises(session)
    session = selectors.session_circuits_load(session)
    exercises = list(session.exercises.all())
    circuits = [
        {
            "label": label,
            "circuit": c,
            "minutes": round(c.estimated_seconds() / 60),
            "scaled": _scalings(
                e for e in exercises if (e.role == ExerciseRole.FINISHER) == finisher
            ),
        }
        for label, c, finisher in (
            ("Conditioning", session.main_circuit, False),
            ("Finisher", session.finisher_circuit, True),
        )
        if c is not None
    ]
    blocks = []
    for role in BLOCK_ORDER:
        items = [
            {
                **_exercise_view(e, session.program),
                "prescription": presenters.exercise_prescription_text(e, session),
                "station": e.superset_group is not None,
            }
            for e in exercises
            if e.role == role
        ]
        if items:
            blocks.append(
                {
                    "role": role,
                    "label": ExerciseRole(role).label,
                    "minutes": (session.time_breakdown or {}).get(role.lower()),
                    "exercises": items,
                }
            )
    context = {
        "session": session,
        "program": session.program,
        "blocks": blocks,
        "breakdown": _breakdown(session.time_breakdown or {}),
        # The planner's reasons, then how the build went (e.g. why the session
        # is shorter than the budget: issue 10).
        "reasons": [
            *(session.rationale or {}).get("reasons", []),
            *(session.rationale or {}).get("notes", []),
        ],
        "circuits": circuits,
    }
    return render(request, "programs/session_detail.html", context)


def _scalings(exercises) -> list[str]:
    """How the engine scaled a curated circuit for the athlete, one line per
    swap ("single-unders for double-unders (2× reps)"), from its rows' notes
    (``programs.generation.scaling``); empty when done as written."""
    lines = [
        note.removeprefix(SCALED_PREFIX)
        for e in exercises
        for note in (e.rationale or {}).get("notes", [])
        if note.startswith(SCALED_PREFIX)
    ]
    return list(dict.fromkeys(lines))


def _breakdown(minutes: dict) -> list[dict]:
    total = sum(minutes.get(key) or 0 for key, _ in BREAKDOWN_PARTS)
    return [
        {
            "key": key,
            "label": label,
            "minutes": minutes.get(key) or 0,
            "percent": round(100 * (minutes.get(key) or 0) / total) if total else 0,
        }
        for key, label in BREAKDOWN_PARTS
        if minutes.get(key)
    ]


def _exercise_view(exercise, program: Program) -> dict:
    """An exercise and its "Why this?": each scorer dimension with its weight,
    the optimizer's notes, and which of the program's settings it follows."""
    rationale = exercise.rationale or {}
    scores = rationale.get("scores") or {}
    dimensions = [
        {
            "label": name.replace("_", " ").capitalize(),
            "score": float(scores[name]),
            "weight": weight,
        }
        for name, weight in SCORER_WEIGHTS.items()
        if name in scores
    ]
    dimensions += [
        {
            "label": name.replace("_", " ").capitalize(),
            "score": float(v),
            "weight": None,
        }
        for name, v in scores.items()
        if name not in SCORER_WEIGHTS
    ]
    step = rationale.get("relaxation_step")
    profile_notes = presenters.exercise_profile_notes(
        program=program, exercise=exercise
    )
    return {
        "exercise": exercise,
        "muscles": [
            link.muscle.name
            for link in exercise.movement.muscle_links.all()
            if link.role == "PRIMARY"
        ],
        "dimensions": dimensions,
        "total": rationale.get("total"),
        "relaxation_step": step,
        "relaxation": rationale.get("relaxation")
        or (
            RELAXATION_STEPS[step]
            if isinstance(step, int) and 0 <= step < len(RELAXATION_STEPS)
            else ""
        ),
        "notes": rationale.get("notes") or [],
        "profile_notes": profile_notes,
        "has_why": bool(scores or rationale.get("notes") or profile_notes),
    }
