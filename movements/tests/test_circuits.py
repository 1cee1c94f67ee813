"""Circuits: validation on save, the write services, the shipped fixture and its
loader."""

from __future__ import annotations

import json
import pathlib
from collections import Counter
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction

from movements.circuit_rules import circuit_errors, circuit_items_errors
from movements.circuits import circuit_create, circuit_update, circuits_load
from movements.models import (
    Circuit,
    CircuitMovement,
    CircuitType,
    Discipline,
)
from movements.tests.factories import CircuitFactory, MovementFactory

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def moves(db):
    return {
        "pullups": MovementFactory(name="Pullups", equipment=["pull_up_bar"]),
        "pushups": MovementFactory(name="Pushups", pattern="horizontal_push"),
        "squat": MovementFactory(name="Bodyweight Squat"),
        "row": MovementFactory(
            name="Rowing, Stationary", pattern="cardio", equipment=["rower"]
        ),
    }


def cindy(moves, **overrides) -> dict:
    return {
        "name": "Cindy",
        "circuit_type": CircuitType.AMRAP,
        "description": "Twenty minutes of rounds.",
        "time_cap_seconds": 1200,
        "scoring": "ROUNDS_REPS",
        "disciplines": ["CROSSFIT"],
        **overrides,
    }


def cindy_movements(moves) -> list[dict]:
    return [
        {"movement_id": moves["pullups"].pk, "reps": 5},
        {"movement_id": moves["pushups"].pk, "reps": 10},
        {"movement_id": moves["squat"].pk, "reps": 15},
    ]


# ---------------------------------------------------------------------------
# Validation on save
# ---------------------------------------------------------------------------
@pytest.mark.django_db
def test_saving_a_circuit_that_breaks_its_format_raises_and_writes_nothing():
    circuit = CircuitFactory.build(circuit_type=CircuitType.EMOM, rounds=None)

    with pytest.raises(ValidationError) as exc:
        circuit.save()

    assert "rounds" in exc.value.message_dict
    assert not Circuit.objects.exists()


@pytest.mark.django_db
def test_unknown_disciplines_and_non_word_tags_are_refused():
    circuit = CircuitFactory.build(disciplines=["KARATE"], tags=[3])

    with pytest.raises(ValidationError) as exc:
        circuit.full_clean()

    assert set(exc.value.message_dict) == {"disciplines", "tags"}


@pytest.mark.django_db
def test_the_database_refuses_two_doses_and_a_repeated_order(moves):
    circuit = CircuitFactory()
    CircuitMovement.objects.create(
        circuit=circuit, movement=moves["squat"], order=1, reps=5
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        CircuitMovement.objects.create(
            circuit=circuit, movement=moves["pushups"], order=1, reps=5
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        CircuitMovement.objects.create(
            circuit=circuit, movement=moves["pushups"], order=2, reps=5, seconds=20
        )


# ---------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------
def test_circuit_create_writes_the_circuit_and_its_ordered_movements(moves):
    circuit = circuit_create(data=cindy(moves), movements=cindy_movements(moves))

    circuit = Circuit.objects.with_movements().get(pk=circuit.pk)
    assert circuit.slug == "cindy"
    assert [(i.order, i.movement.name, i.reps) for i in circuit.items.all()] == [
        (1, "Pullups", 5),
        (2, "Pushups", 10),
        (3, "Bodyweight Squat", 15),
    ]
    assert circuit.estimated_seconds() == 1200
    assert circuit.equipment() == ["pull_up_bar"]


def test_circuit_create_reports_every_problem_and_writes_nothing(moves):
    data = cindy(moves, time_cap_seconds=None, rounds=3)
    movements = [{"movement_id": moves["squat"].pk, "reps": 10}]

    with pytest.raises(ValidationError) as exc:
        circuit_create(data=data, movements=movements)

    errors = exc.value.message_dict
    assert set(errors) == {"time_cap_seconds", "rounds", "movements"}
    assert errors["movements"] == ["A circuit needs at least 2 movements."]
    assert not Circuit.objects.exists()
    assert not CircuitMovement.objects.exists()


def test_circuit_create_names_movements_that_do_not_exist(moves):
    movements = [*cindy_movements(moves), {"movement_id": 999_999, "reps": 3}]

    with pytest.raises(ValidationError) as exc:
        circuit_create(data=cindy(moves), movements=movements)

    assert exc.value.message_dict["movements"] == ["No movement with id 999999."]


def test_circuit_create_refuses_a_taken_name(moves):
    circuit_create(data=cindy(moves), movements=cindy_movements(moves))

    with pytest.raises(ValidationError) as exc:
        circuit_create(data=cindy(moves), movements=cindy_movements(moves))

    assert {"name", "slug"} <= set(exc.value.message_dict)


def test_circuit_update_replaces_the_movement_list(moves):
    circuit = circuit_create(data=cindy(moves), movements=cindy_movements(moves))

    circuit_update(
        circuit=circuit,
        data={"time_cap_seconds": 600},
        movements=[
            {"movement_id": moves["row"].pk, "calories": 10},
            {"movement_id": moves["pushups"].pk, "reps": 10},
        ],
    )

    circuit.refresh_from_db()
    assert circuit.time_cap_seconds == 600
    assert [i.dose_text() for i in circuit.items.order_by("order")] == [
        "10 cal",
        "10",
    ]


def test_a_format_change_must_fit_the_movements_it_keeps(moves):
    circuit = circuit_create(data=cindy(moves), movements=cindy_movements(moves))

    with pytest.raises(ValidationError) as exc:
        circuit_update(
            circuit=circuit,
            data={"circuit_type": "TABATA", "time_cap_seconds": None},
        )

    assert "movements" in exc.value.message_dict
    circuit.refresh_from_db()
    assert circuit.circuit_type == CircuitType.AMRAP
    assert circuit.items.count() == 3


# ---------------------------------------------------------------------------
# The shipped fixture and its loader
# ---------------------------------------------------------------------------
def shipped() -> list[dict]:
    return json.loads((ROOT / "fixtures" / "circuits.json").read_text())


def library_movements() -> dict[str, dict]:
    rows = json.loads((ROOT / "fixtures" / "movements.json").read_text())
    return {
        r["fields"]["name"]: r["fields"]
        for r in rows
        if r["model"] == "movements.movement"
    }


def test_the_fixture_has_at_least_thirty_circuits_across_all_six_types():
    entries = shipped()
    by_type = Counter(e["type"] for e in entries)

    assert len(entries) >= 30
    assert set(by_type) == set(CircuitType.values)
    assert len({e["name"] for e in entries}) == len(entries)


def test_every_fixture_movement_is_in_the_movement_library():
    library = library_movements()
    named = {m["movement"] for e in shipped() for m in e["movements"]}

    assert named - set(library) == set()


def test_every_fixture_circuit_keeps_its_format_rules():
    for entry in shipped():
        circuit = SimpleNamespace(
            circuit_type=entry["type"],
            scoring=entry["scoring"],
            **{
                f: entry.get(f)
                for f in ("rounds", "time_cap_seconds", "work_seconds", "rest_seconds")
            },
        )
        items = [
            SimpleNamespace(
                order=i,
                movement_id=i,
                **{f: m.get(f) for f in ("reps", "seconds", "distance_m", "calories")},
            )
            for i, m in enumerate(entry["movements"], 1)
        ]
        assert circuit_errors(circuit) == {}, entry["name"]
        assert circuit_items_errors(circuit, items) == [], entry["name"]
        assert set(entry["disciplines"]) <= set(Discipline.values), entry["name"]
        assert entry["description"].strip(), entry["name"]


def write_file(tmp_path, entries) -> pathlib.Path:
    path = tmp_path / "circuits.json"
    path.write_text(json.dumps(entries))
    return path


FILE = [
    {
        "name": "Cindy",
        "type": "AMRAP",
        "time_cap_seconds": 1200,
        "scoring": "ROUNDS_REPS",
        "difficulty": 2,
        "disciplines": ["CROSSFIT"],
        "tags": ["benchmark"],
        "description": "Rounds for twenty minutes.",
        "movements": [
            {"movement": "Pullups", "reps": 5},
            {"movement": "Pushups", "reps": 10},
            {"movement": "Bodyweight Squat", "reps": 15},
        ],
    },
    {
        "name": "Row Tabata",
        "type": "TABATA",
        "scoring": "NONE",
        "difficulty": 1,
        "disciplines": [],
        "tags": [],
        "description": "Row, then squat.",
        "movements": [{"movement": "Rowing, Stationary"}, {"movement": "Pushups"}],
    },
]


def test_the_loader_creates_then_updates_by_slug_without_duplicates(moves, tmp_path):
    path = write_file(tmp_path, FILE)

    assert circuits_load(path) == {"AMRAP": 1, "TABATA": 1}
    edited = [{**FILE[0], "time_cap_seconds": 900}, FILE[1]]
    circuits_load(write_file(tmp_path, edited))

    assert Circuit.objects.count() == 2
    assert CircuitMovement.objects.count() == 5
    assert Circuit.objects.get(slug="cindy").time_cap_seconds == 900


def test_the_loader_writes_nothing_when_one_circuit_is_invalid(moves, tmp_path):
    broken = {**FILE[1], "name": "Broken", "type": "EMOM"}  # no minute count
    path = write_file(tmp_path, [FILE[0], broken])

    with pytest.raises(ValidationError, match="Broken"):
        circuits_load(path)

    assert not Circuit.objects.exists()


def test_the_command_names_unknown_movements(moves, tmp_path):
    entry = {**FILE[0], "movements": [{"movement": "Moon Jump", "reps": 1}] * 2}

    with pytest.raises(CommandError, match="Moon Jump"):
        call_command("load_circuits", path=str(write_file(tmp_path, [entry])))

    assert not Circuit.objects.exists()
