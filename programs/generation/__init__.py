"""The pure planning-and-optimizing engine (no Django; see STYLE.md C2).

Public API: :func:`validate_request`, :func:`plan_program`,
:func:`iter_generate_sessions`, :func:`generate_program`, :func:`heuristics` and
:func:`sample_note`; inputs and outputs are the dataclasses in :mod:`.types`.
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
from .notes import sample_note
from .types import GeneratedProgram

__all__ = [
    "GeneratedProgram",
    "GenerationError",
    "SpecValidationError",
    "generate_program",
    "heuristics",
    "iter_generate_sessions",
    "plan_program",
    "sample_note",
    "validate_request",
]
