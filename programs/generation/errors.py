"""Errors the engine raises. Plain exceptions, translated by the service layer."""

from __future__ import annotations


class SpecValidationError(ValueError):
    """The request breaks a rule (a bound, the $10 budget, a blocking goal conflict).

    ``errors`` maps a request field name (``goals``, ``duration_weeks``,
    ``days_per_week``, ``max_session_minutes``, ``split_template``...) to a list of
    human-readable messages, the same shape as a Django/DRF field-error dict.
    """

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


class GenerationError(RuntimeError):
    """A session could not be filled (for instance, nothing in the library fits)."""
