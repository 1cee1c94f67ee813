"""Extra sections of the JSON export, registered by apps above ``training_logs``.

The export covers everything the athlete owns, but ``training_logs`` may not
import the apps layered above it (``coach ← movements ← programs ←
training_logs ← adaptation``, enforced by import-linter). An app that owns
athlete data registers a section from its ``AppConfig.ready()``::

    register_export_section(
        "daily_checkins",
        export_fn=daily_checkins_export,   # (*, user) -> Iterable[dict]
        restore_fn=daily_checkins_restore,  # (*, user, rows: list[dict]) -> None
        exists_fn=daily_checkins_exist,     # (*, user) -> bool, optional
    )

- ``export_fn`` yields the section's rows as JSON-ready dicts (plain values:
  strings, numbers, booleans, ``None``, lists; loads in kg, times ISO 8601 with
  their offset, library rows by slug, never database ids). The section is
  written after the built-in ones, in registration order, under ``key``.
- ``restore_fn`` writes the rows into ``user``'s account. It runs inside the
  restore's one transaction, after the built-in sections, so raising (for
  instance ``ValidationError`` for a malformed row) rolls the whole restore
  back: nothing is half-written.
- ``exists_fn``, if given, tells whether the account already holds such rows: a
  restore goes only into an account without programs or logs, and these count.

A document without a registered section (exported before that app existed)
restores with no rows for it; a document with a section no registered app
reads is refused, rather than silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

#: The export's own top-level keys (``exports.account_json``): a section may not
#: take one of them.
BUILT_IN_KEYS = frozenset(
    {
        "format",
        "version",
        "exported_at",
        "profile",
        "settings",
        "equipment",
        "movement_rules",
        "enjoyable_activities",
        "programs",
        "workouts",
        "circuit_scores",
        "soreness",
        "recovery_signals",
        "activities",
    }
)

ExportFn = Callable[..., Iterable[dict[str, Any]]]
RestoreFn = Callable[..., None]
ExistsFn = Callable[..., bool]


@dataclass(frozen=True, slots=True)
class ExportSection:
    """One registered section: its top-level ``key`` in the document and the
    three callables described in the module docstring."""

    key: str
    export_fn: ExportFn
    restore_fn: RestoreFn
    exists_fn: ExistsFn | None = None


_sections: dict[str, ExportSection] = {}


def register_export_section(
    key: str,
    export_fn: ExportFn,
    restore_fn: RestoreFn,
    *,
    exists_fn: ExistsFn | None = None,
) -> ExportSection:
    """Add the section ``key`` to every JSON export and restore.

    Registering the same key with the same callables again is a no-op (an
    ``AppConfig.ready()`` may run more than once). Raises ``ValueError`` for a
    key that is empty, not an identifier-like ``snake_case`` name, one of
    :data:`BUILT_IN_KEYS`, or already registered with other callables.
    """
    if not key or not key.isidentifier() or key != key.lower():
        raise ValueError(f"An export section key is snake_case; got {key!r}.")
    if key in BUILT_IN_KEYS:
        raise ValueError(f"{key!r} is a built-in part of the export.")
    section = ExportSection(key, export_fn, restore_fn, exists_fn)
    existing = _sections.get(key)
    if existing is not None and existing != section:
        raise ValueError(f"The export section {key!r} is already registered.")
    _sections[key] = section
    return section


def unregister_export_section(key: str) -> None:
    """Remove the section ``key`` (tests); ``KeyError`` if it is not registered."""
    del _sections[key]


def export_sections() -> tuple[ExportSection, ...]:
    """The registered sections, in registration order."""
    return tuple(_sections.values())
