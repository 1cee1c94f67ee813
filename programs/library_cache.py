"""The movement library snapshot kept per process, for the worker's generations
and the daily coach's adaptations alike (issue 13: the library's five reads —
movements, muscle links, relationships, circuits and their movements — were the
largest fixed cost of both).

:func:`kept_library_snapshot` returns ``programs.specs.movement_library_snapshot``
kept for ``settings.LIBRARY_CACHE_SECONDS``; whether the library gained or lost
rows is checked (one query of counts) at most every
``settings.LIBRARY_CHECK_SECONDS``, and at once when a movement the caller needs
is not in the kept snapshot. Staff edits to an existing movement's fields show
within the TTL; 0 reads the library on every call (the tests' setting).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from movements.models import (
    Circuit,
    CircuitMovement,
    Movement,
    MovementMuscle,
    MovementRelationship,
)
from programs.generation import types as t
from programs.specs import movement_library_snapshot


@dataclass(slots=True)
class _KeptLibrary:
    """The per-process snapshot: its fingerprint, when it was read and when the
    fingerprint was last checked (``time.monotonic()`` seconds)."""

    fingerprint: tuple
    read_at: float
    checked_at: float
    library: t.MovementLibrary


_library_cache: dict[str, _KeptLibrary] = {}


def _library_fingerprint() -> tuple:
    """Cheap proof the library has not gained or lost rows: the movements' count
    and highest id and the counts of muscle links, relationships, circuits and
    circuit movements, in one query (scalar subqueries)."""
    quote = connection.ops.quote_name
    movements = quote(Movement._meta.db_table)
    counts = ", ".join(
        f"(SELECT COUNT(*) FROM {quote(model._meta.db_table)})"
        for model in (MovementMuscle, MovementRelationship, Circuit, CircuitMovement)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {movements}), "
            f"(SELECT MAX({quote('id')}) FROM {movements}), {counts}"
        )
        return tuple(cursor.fetchone())


def kept_library_snapshot(require: Iterable[int] = ()) -> t.MovementLibrary:
    """The whole movement library as the engine's ``MovementLibrary`` (see the
    module doc): no query while a kept snapshot is fresh and checked, one to
    check it, five plus one to read it again. ``require``: movement ids the
    caller needs (a session's, an athlete's rules); one missing re-reads at once.
    The snapshot is shared: callers must not change it (the engine's types are
    frozen)."""
    ttl = float(getattr(settings, "LIBRARY_CACHE_SECONDS", 0))
    if ttl <= 0:
        return movement_library_snapshot()
    every = float(getattr(settings, "LIBRARY_CHECK_SECONDS", 0))
    kept = _library_cache.get("library")
    now = time.monotonic()
    fingerprint = None
    if (
        kept is not None
        and now - kept.read_at < ttl
        and all(mid in kept.library.movements for mid in require)
    ):
        if now - kept.checked_at < every:
            return kept.library
        fingerprint = _library_fingerprint()
        if fingerprint == kept.fingerprint:
            kept.checked_at = now
            return kept.library
    fingerprint = fingerprint or _library_fingerprint()
    library = movement_library_snapshot()
    now = time.monotonic()
    _library_cache["library"] = _KeptLibrary(fingerprint, now, now, library)
    return library
