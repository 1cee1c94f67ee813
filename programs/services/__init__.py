"""Writes for programs (STYLE C3/C4), one module per seam:

* :mod:`.defaults` — what a program takes from the athlete's settings;
* :mod:`.creation` — resolve the athlete's input (:func:`program_input_resolve`),
  validate once, write the skeleton, enqueue generation (:func:`program_create`);
* :mod:`.generation` — the worker: snapshot → engine → one short transaction per
  session (:func:`program_generate`);
* :mod:`.lifecycle` — retry, regenerate, delete.

The public names are re-exported here: callers write
``from programs import services`` and ``services.program_create(...)``.
"""

from __future__ import annotations

from programs.services.creation import (
    ProgramInput,
    ResolvedProgramInput,
    program_create,
    program_input_resolve,
)
from programs.services.defaults import (
    AthleteDefaults,
    athlete_defaults,
    merge_movement_rules,
)
from programs.services.generation import (
    GENERATE_TASK,
    GenerationReport,
    enqueue_generation,
    program_generate,
)
from programs.services.lifecycle import (
    program_delete,
    program_retry_failed,
    session_regenerate,
)

__all__ = [
    "GENERATE_TASK",
    "AthleteDefaults",
    "GenerationReport",
    "ProgramInput",
    "ResolvedProgramInput",
    "athlete_defaults",
    "enqueue_generation",
    "merge_movement_rules",
    "program_create",
    "program_delete",
    "program_generate",
    "program_input_resolve",
    "program_retry_failed",
    "session_regenerate",
]
