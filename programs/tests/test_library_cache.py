"""``programs.library_cache``: the movement library snapshot kept per process,
read by the worker's generations and the daily coach (issue 13)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from movements.models import Circuit, Movement
from programs import library_cache
from programs.library_cache import kept_library_snapshot

pytestmark = pytest.mark.django_db

#: The snapshot's read of the muscle links (the fingerprint only counts them).
LIBRARY_READ = 'SELECT "movements_movementmuscle"."movement_id"'


@pytest.fixture
def kept(settings):
    """Keep the snapshot (the production setting; the tests' default reads it
    every time) and start from none."""
    settings.LIBRARY_CACHE_SECONDS = 300
    settings.LIBRARY_CHECK_SECONDS = 300
    library_cache._library_cache.clear()
    yield settings
    library_cache._library_cache.clear()


def _library_reads(queries) -> int:
    return sum(LIBRARY_READ in q["sql"].replace("`", '"') for q in queries)


def test_a_second_generation_reads_the_kept_library(kept, user, create_program):
    with CaptureQueriesContext(connection) as first:
        create_program(user)
    with CaptureQueriesContext(connection) as second:
        program = create_program(user)
    assert _library_reads(first.captured_queries) == 1
    assert _library_reads(second.captured_queries) == 0
    assert program.generation_status == "COMPLETED"
    assert program.sessions.filter(exercises__isnull=False).exists()


def test_without_keeping_every_generation_reads_the_library(
    settings, user, create_program
):
    settings.LIBRARY_CACHE_SECONDS = 0
    create_program(user)
    with CaptureQueriesContext(connection) as second:
        create_program(user)
    assert _library_reads(second.captured_queries) == 1


def test_a_movement_the_caller_needs_rereads_at_once(kept, library):
    first = kept_library_snapshot()
    new = Movement.objects.create(
        name="Landmine Press", slug="landmine-press", pattern="push_vertical", level=2
    )
    assert kept_library_snapshot() is first  # between checks: trusted
    again = kept_library_snapshot(require=[new.pk])
    assert again is not first
    assert again.movements[new.pk].name == "Landmine Press"


def test_a_new_circuit_is_seen_at_the_next_check(kept, library):
    first = kept_library_snapshot()
    kept.LIBRARY_CHECK_SECONDS = 0
    assert kept_library_snapshot() is first  # the counts have not changed
    Circuit.objects.create(
        name="Test Ladder",
        slug="test-ladder",
        circuit_type="AMRAP",
        description="A ladder for the test.",
        scoring="ROUNDS_REPS",
        time_cap_seconds=600,
    )
    assert kept_library_snapshot() is not first


def test_the_snapshot_is_read_again_after_its_ttl(kept, library):
    first = kept_library_snapshot()
    library_cache._library_cache["library"].read_at -= 301
    assert kept_library_snapshot() is not first
