"""The pure planning-and-optimizing engine (no Django; see STYLE.md C2).

Public API: :func:`validate_request`, :func:`plan_program`,
:func:`iter_generate_sessions`, :func:`generate_program`, :func:`heuristics`,
:func:`sample_note` and :func:`enjoyed_activity`; inputs and outputs are the
dataclasses in :mod:`.types`. ``BOUNDS``, ``GOAL_BUDGET`` and ``MAX_GOALS`` are
the request's bounds (the forms, serializers and model constraints read them);
``SCORER_WEIGHTS``, ``RELAXATION_STEPS`` and ``PREFERENCE_DEVIATION_PCT`` are the
heuristics the pages explain. Nothing outside this package imports its modules
other than :mod:`.types`.
"""

from __future__ import annotations

from .engine import (
    generate_program,
    heuristics,
    iter_generate_sessions,
    plan_program,
    validate_request,
)
from .errors import GenerationError, SpecValidationError
from .heuristics import PREFERENCE_DEVIATION_PCT, RELAXATION_STEPS, SCORER_WEIGHTS
from .notes import sample_note
from .optimizer import enjoyed_activity
from .types import GeneratedProgram
from .validation import BOUNDS, GOAL_BUDGET, MAX_GOALS

__all__ = [
    "BOUNDS",
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
    "iter_generate_sessions",
    "plan_program",
    "sample_note",
    "validate_request",
]
