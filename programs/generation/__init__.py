"""The pure planning-and-optimizing engine (no Django; see STYLE.md C2).

Public API: :func:`validate_request`, :func:`plan_program`,
:func:`iter_generate_sessions`, :func:`generate_program`, :func:`heuristics`,
:func:`sample_note`, and the rules pages word (:func:`enjoyed_activity`,
:func:`is_olympic`, :func:`olympic_main_allowed`); inputs and outputs are the
dataclasses in :mod:`.types`. ``BOUNDS``, ``GOAL_BUDGET`` and ``MAX_GOALS`` are
the request's bounds (the forms, serializers and model constraints read them);
``SCORER_WEIGHTS``, ``RELAXATION_STEPS``, ``PREFERENCE_DEVIATION_PCT`` and the
finisher minutes are the heuristics the pages explain. Nothing outside this package imports its modules
other than :mod:`.types`.
"""

from __future__ import annotations

from .activities import enjoyed_activity
from .engine import (
    generate_program,
    heuristics,
    iter_generate_sessions,
    plan_program,
    validate_request,
)
from .errors import GenerationError, SpecValidationError
from .heuristics import (
    FINISHER_MAX_MINUTES,
    FINISHER_MIN_MINUTES,
    PREFERENCE_DEVIATION_PCT,
    RELAXATION_STEPS,
    SCORER_WEIGHTS,
)
from .library import is_olympic, olympic_main_allowed
from .notes import sample_note
from .types import GeneratedProgram
from .validation import BOUNDS, GOAL_BUDGET, MAX_GOALS

__all__ = [
    "BOUNDS",
    "FINISHER_MAX_MINUTES",
    "FINISHER_MIN_MINUTES",
    "GOAL_BUDGET",
    "MAX_GOALS",
    "PREFERENCE_DEVIATION_PCT",
    "RELAXATION_STEPS",
    "SCORER_WEIGHTS",
    "GeneratedProgram",
    "GenerationError",
    "SpecValidationError",
    "enjoyed_activity",
    "generate_program",
    "heuristics",
    "is_olympic",
    "iter_generate_sessions",
    "olympic_main_allowed",
    "plan_program",
    "sample_note",
    "validate_request",
]
