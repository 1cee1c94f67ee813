"""``manage.py import_movements`` on the real source file."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from movements.models import (
    Movement,
    MovementMuscle,
    MovementRelationship,
    Muscle,
    MuscleRole,
)
from movements.tests.factories import MovementFactory
from movements.tests.source import library

pytestmark = pytest.mark.django_db


def run_import(tmp_path, name: str = "movements.json", **options) -> str:
    out = io.StringIO()
    call_command(
        "import_movements", fixture=str(tmp_path / name), stdout=out, **options
    )
    return out.getvalue()


def _without_id(rows) -> list[dict]:
    # Primary keys are not content: PostgreSQL sequences are not reset between
    # tests, so an import and a fixture load number the same rows differently.
    return [{k: v for k, v in row.items() if k != "id"} for row in rows]


def snapshot() -> dict[str, list]:
    return {
        "muscles": _without_id(Muscle.objects.order_by("slug").values()),
        "movements": _without_id(Movement.objects.order_by("slug").values()),
        "links": list(
            MovementMuscle.objects.order_by(
                "movement__slug", "muscle__slug"
            ).values_list("movement__slug", "muscle__slug", "role")
        ),
        "edges": sorted(
            MovementRelationship.objects.values_list(
                "from_movement__slug", "to_movement__slug", "relationship_type"
            )
        ),
    }


def test_import_builds_the_library_from_the_real_source(tmp_path):
    output = run_import(tmp_path)

    expected = library()
    assert Muscle.objects.count() == 17
    assert Movement.objects.count() == len(expected.movements)
    assert Movement.objects.exclude(source_id="").count() == 873
    assert MovementRelationship.objects.count() == len(expected.relationships)
    primaries = Counter(
        MovementMuscle.objects.filter(role=MuscleRole.PRIMARY).values_list(
            "movement_id", flat=True
        )
    )
    assert set(primaries.values()) <= {1, 2, 3}
    assert primaries[Movement.objects.get(slug="barbell-deadlift").pk] == 3
    assert len(primaries) == len(expected.movements)

    squat = Movement.objects.get(slug="barbell-squat")
    assert squat.pattern == "squat"
    assert squat.equipment == ["barbell", "rack"]
    assert Muscle.objects.get(slug="lower_back").region == "core"
    assert "Movements per pattern:" in output
    assert "horizontal_push" in output


def test_second_run_changes_nothing(tmp_path):
    run_import(tmp_path, "first.json")
    before = snapshot()

    output = run_import(tmp_path, "second.json")

    assert snapshot() == before
    assert (
        f"Movements: created 0, updated 0, unchanged {len(library().movements)}"
        in output
    )
    assert "Muscle links: created 0, updated 0, deleted 0" in output
    assert "Relationships: created 0" in output
    first = (tmp_path / "first.json").read_bytes()
    assert first == (tmp_path / "second.json").read_bytes()


def test_import_repairs_drift_and_keeps_staff_additions(tmp_path):
    run_import(tmp_path, no_write_fixture=True)
    before = snapshot()
    squat = Movement.objects.get(slug="barbell-squat")
    squat.pattern = "hinge"
    squat.save()
    MovementMuscle.objects.filter(movement=squat, role=MuscleRole.PRIMARY).delete()
    MovementMuscle.objects.create(
        movement=squat, muscle=Muscle.objects.get(slug="neck"), role="SECONDARY"
    )
    own = MovementFactory(name="Coach's Special Carry", primary_muscles=["traps"])

    output = run_import(tmp_path, no_write_fixture=True)

    assert "updated 1" in output
    assert "1 movements not in the library were kept" in output
    own.refresh_from_db()
    after = snapshot()
    after["movements"] = [m for m in after["movements"] if m["slug"] != own.slug]
    after["links"] = [link for link in after["links"] if link[0] != own.slug]
    assert after == before


def test_fixture_loads_into_an_empty_database_twice(tmp_path):
    run_import(tmp_path)
    before = snapshot()
    MovementRelationship.objects.all().delete()
    MovementMuscle.objects.all().delete()
    Movement.objects.all().delete()
    Muscle.objects.all().delete()

    for _ in range(2):
        call_command("loaddata", str(tmp_path / "movements.json"), verbosity=0)

    assert snapshot() == before


def test_fixture_is_ordered_and_small(tmp_path):
    run_import(tmp_path)
    text = (tmp_path / "movements.json").read_text(encoding="utf-8")
    assert len(text.encode()) < 2_000_000
    assert "instructions" not in text
    assert text.index('"slug": "3-4-sit-up"') < text.index('"slug": "zottman-curl"')


def test_no_write_fixture_only_touches_the_database(tmp_path):
    run_import(tmp_path, no_write_fixture=True)
    assert not (tmp_path / "movements.json").exists()
    assert Movement.objects.exists()


def test_reads_the_configured_source_by_default(tmp_path, settings):
    settings.ALLOY_EXERCISE_DB_PATH = str(tmp_path / "missing.json")
    with pytest.raises(CommandError, match="missing.json"):
        run_import(tmp_path)
    assert not Movement.objects.exists()


def test_an_unreadable_source_fails_without_writing(tmp_path):
    source = tmp_path / "bad.json"
    source.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="bad.json"):
        run_import(tmp_path, source=str(source))
    assert not Movement.objects.exists()
