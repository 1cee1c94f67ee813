"""The circuit format rules and the duration estimate (pure: no database)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from movements.circuit_rules import (
    circuit_errors,
    circuit_items_errors,
    format_text,
)
from movements.timing import (
    CircuitItemDose,
    circuit_estimated_seconds,
    reps_seconds,
    set_seconds,
)

#: One valid circuit of each format: the fields its format requires, no more.
VALID = {
    "METCON": {"rounds": 1, "time_cap_seconds": 600, "scoring": "TIME"},
    "AMRAP": {"time_cap_seconds": 1200, "scoring": "ROUNDS_REPS"},
    "EMOM": {"rounds": 12, "scoring": "NONE"},
    "TABATA": {"scoring": "ROUNDS_REPS"},
    "COMPLEX": {"rounds": 5, "rest_seconds": 90, "scoring": "LOAD"},
    "CIRCUIT": {"rounds": 3, "scoring": "NONE"},
}
#: For each format, a field it needs (removing it is an error on that field).
REQUIRED = [
    ("METCON", "rounds"),
    ("METCON", "time_cap_seconds"),
    ("AMRAP", "time_cap_seconds"),
    ("EMOM", "rounds"),
    ("COMPLEX", "rounds"),
    ("CIRCUIT", "rounds"),
]
#: For each format, a field it must not have.
FORBIDDEN = [
    ("METCON", "work_seconds", 30),
    ("AMRAP", "rounds", 5),
    ("EMOM", "time_cap_seconds", 600),
    ("TABATA", "time_cap_seconds", 240),
    ("COMPLEX", "work_seconds", 30),
    ("CIRCUIT", "time_cap_seconds", 600),
]


def circuit(circuit_type: str, **values) -> SimpleNamespace:
    fields = {
        "rounds": None,
        "time_cap_seconds": None,
        "work_seconds": None,
        "rest_seconds": None,
        **VALID[circuit_type],
        **values,
    }
    return SimpleNamespace(circuit_type=circuit_type, **fields)


def item(order: int, movement_id: int | None = 1, **dose) -> SimpleNamespace:
    fields = {"reps": None, "seconds": None, "distance_m": None, "calories": None}
    return SimpleNamespace(order=order, movement_id=movement_id, **{**fields, **dose})


@pytest.mark.parametrize("circuit_type", sorted(VALID))
def test_each_format_accepts_its_required_parameters(circuit_type):
    assert circuit_errors(circuit(circuit_type)) == {}


@pytest.mark.parametrize(("circuit_type", "field"), REQUIRED)
def test_each_format_refuses_a_missing_required_parameter(circuit_type, field):
    errors = circuit_errors(circuit(circuit_type, **{field: None}))

    assert list(errors) == [field]
    assert "needs" in errors[field][0]


@pytest.mark.parametrize(("circuit_type", "field", "value"), FORBIDDEN)
def test_each_format_refuses_a_parameter_it_has_no_use_for(circuit_type, field, value):
    errors = circuit_errors(circuit(circuit_type, **{field: value}))

    assert list(errors) == [field]
    assert "leave it empty" in errors[field][0]


@pytest.mark.parametrize(
    ("circuit_type", "scoring"),
    [("METCON", "ROUNDS_REPS"), ("AMRAP", "TIME"), ("COMPLEX", "TIME")],
)
def test_a_scoring_that_does_not_fit_the_format_is_refused(circuit_type, scoring):
    errors = circuit_errors(circuit(circuit_type, scoring=scoring))

    assert list(errors) == ["scoring"]


def test_an_emom_interval_is_a_whole_number_of_half_minutes():
    assert circuit_errors(circuit("EMOM", work_seconds=90)) == {}
    assert list(circuit_errors(circuit("EMOM", work_seconds=45))) == ["work_seconds"]


def test_numbers_out_of_bounds_are_refused():
    errors = circuit_errors(circuit("AMRAP", time_cap_seconds=30))
    assert errors == {"time_cap_seconds": ["Between 60 and 3600."]}
    errors = circuit_errors(circuit("TABATA", rounds=40))
    assert list(errors) == ["rounds"]


def test_a_circuit_needs_two_movements():
    problems = circuit_items_errors(circuit("AMRAP"), [item(1, reps=5)])

    assert problems == ["A circuit needs at least 2 movements."]


def test_an_order_used_twice_is_refused():
    items = [item(1, reps=5), item(2, reps=10), item(2, reps=15)]

    assert circuit_items_errors(circuit("AMRAP"), items) == [
        "Order 2 is used 2 times: one movement each."
    ]


def test_each_movement_needs_a_movement_and_exactly_one_dose():
    items = [item(1, movement_id=None, reps=5), item(2, reps=5, seconds=30), item(3)]

    problems = circuit_items_errors(circuit("METCON"), items)

    assert problems == [
        "Movement 1: choose a movement.",
        "Movement 2: give one of reps, seconds, distance or calories, not several.",
        "Movement 3: give reps, seconds, distance or calories.",
    ]


def test_a_tabata_interval_is_the_dose_and_a_complex_counts_reps():
    tabata = [item(1), item(2, reps=10)]
    assert circuit_items_errors(circuit("TABATA"), tabata) == [
        "Movement 2: in a Tabata the interval is the dose; leave reps, seconds, "
        "distance and calories empty."
    ]
    complex_ = [item(1, reps=1), item(2, seconds=20)]
    assert circuit_items_errors(circuit("COMPLEX"), complex_) == [
        "Movement 2: a complex is counted in reps."
    ]


def test_timed_stations_need_no_dose_of_their_own():
    stations = [item(1), item(2)]

    assert circuit_items_errors(circuit("CIRCUIT", work_seconds=40), stations) == []
    assert len(circuit_items_errors(circuit("CIRCUIT"), stations)) == 2


# ---------------------------------------------------------------------------
# Duration (seeds 002 tables + Alloy's paces)
# ---------------------------------------------------------------------------
def estimate(circuit_type: str, items: list[CircuitItemDose], **values) -> int:
    c = circuit(circuit_type, **values)
    return circuit_estimated_seconds(
        circuit_type=circuit_type,
        rounds=c.rounds,
        time_cap_seconds=c.time_cap_seconds,
        work_seconds=c.work_seconds,
        rest_seconds=c.rest_seconds,
        items=items,
    )


def test_reps_beyond_twenty_count_as_more_sets():
    assert reps_seconds(9) == set_seconds(9) == 35
    assert reps_seconds(21) == 55 + 15
    assert reps_seconds(100) == 5 * 55


def test_an_amrap_lasts_its_cap_and_an_emom_its_intervals():
    two = [CircuitItemDose(reps=5), CircuitItemDose(reps=10)]
    assert estimate("AMRAP", two, time_cap_seconds=1200) == 1200
    assert estimate("EMOM", two, rounds=12) == 12 * 60
    assert estimate("EMOM", two, rounds=10, work_seconds=90) == 900


def test_a_tabata_is_eight_by_twenty_ten_per_movement_a_minute_apart():
    assert estimate("TABATA", [CircuitItemDose(), CircuitItemDose()]) == (
        2 * 8 * 30 + 60
    )
    stated = estimate(
        "TABATA", [CircuitItemDose()] * 2, rounds=6, work_seconds=30, rest_seconds=15
    )
    assert stated == 2 * 6 * 45 + 60


def test_a_metcon_sums_its_work_and_stops_at_the_cap():
    run = CircuitItemDose(distance_m=400, pattern="cardio")
    swings = CircuitItemDose(reps=21)
    # 400 m at 0.3 s/m = 120 s; 21 reps = 55 + 15 s; three rounds, no set rest.
    assert estimate("METCON", [run, swings], rounds=3, time_cap_seconds=1200) == (
        3 * (120 + 70)
    )
    assert estimate("METCON", [run, swings], rounds=3, time_cap_seconds=300) == 300


def test_distance_and_calorie_work_use_the_kit_pace():
    row = CircuitItemDose(distance_m=500, equipment=frozenset({"rower"}))
    carry = CircuitItemDose(distance_m=40, pattern="carry")
    calories = CircuitItemDose(calories=15)

    assert row.work_seconds() == 120
    assert carry.work_seconds() == 40
    assert calories.work_seconds() == 60


def test_a_complex_is_one_set_per_round_with_rest_between_rounds():
    items = [CircuitItemDose(reps=1)] * 5
    # 5 reps → 25 s per round; 4 rests of 90 s.
    assert estimate("COMPLEX", items, rounds=5, rest_seconds=90) == 5 * 25 + 4 * 90


def test_a_circuit_rests_sixty_seconds_between_rounds():
    items = [CircuitItemDose(reps=10)] * 3
    # 3 × 35 s + 3 × 15 s transitions per round; 60 s between 3 rounds.
    assert estimate("CIRCUIT", items, rounds=3, rest_seconds=15) == (
        3 * (3 * 35 + 3 * 15) + 2 * 60
    )
    timed = estimate("CIRCUIT", items, rounds=2, work_seconds=40, rest_seconds=20)
    assert timed == 2 * (3 * 40 + 3 * 20) + 60


@pytest.mark.parametrize(
    ("circuit_type", "values", "text"),
    [
        ("AMRAP", {}, "20-min AMRAP"),
        (
            "METCON",
            {"rounds": 5, "time_cap_seconds": 1200},
            "5 rounds for time (cap 20 min)",
        ),
        ("METCON", {}, "For time (cap 10 min)"),
        ("EMOM", {"rounds": 10, "work_seconds": 90}, "EMOM, 10 × 90 s"),
        ("TABATA", {}, "Tabata, 8 × 20 s on / 10 s off per movement"),
        ("COMPLEX", {}, "Complex, 5 rounds, 90 s rest"),
        ("CIRCUIT", {"work_seconds": 40}, "3 rounds of 40 s stations"),
    ],
)
def test_the_format_reads_in_a_few_words(circuit_type, values, text):
    assert format_text(circuit(circuit_type, **values)) == text
