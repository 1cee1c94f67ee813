"""The circuit admin: list filters and search, the computed duration, and add and
change forms whose validation errors are shown, not saved (admin test client)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from movements.models import Circuit, CircuitType
from movements.tests.factories import CircuitFactory, MovementFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:movements_circuit_add")
LIST = reverse("admin:movements_circuit_changelist")


@pytest.fixture
def moves():
    return [
        MovementFactory(name="Pullups", equipment=["pull_up_bar"]),
        MovementFactory(name="Pushups", pattern="horizontal_push"),
        MovementFactory(name="Bodyweight Squat"),
    ]


@pytest.fixture
def library(moves):
    pullups, pushups, squat = moves
    return [
        CircuitFactory(
            name="Cindy",
            disciplines=["CROSSFIT"],
            time_cap_seconds=1200,
            movements=[(pullups, {"reps": 5}), (pushups, {"reps": 10})],
        ),
        CircuitFactory(
            name="Squat Tabata",
            circuit_type=CircuitType.TABATA,
            time_cap_seconds=None,
            disciplines=["ALL"],
            movements=[(squat, {}), (pushups, {})],
        ),
    ]


def listed(client, **params) -> list[str]:
    response = client.get(LIST, params)
    assert response.status_code == 200
    return sorted(c.name for c in response.context["cl"].result_list)


def form_data(moves, **overrides) -> dict:
    """An add/change form posting a valid AMRAP with two movements."""
    data = {
        "name": "Short AMRAP",
        "slug": "short-amrap",
        "circuit_type": "AMRAP",
        "scoring": "ROUNDS_REPS",
        "description": "Rounds for ten minutes.",
        "time_cap_seconds": "600",
        "difficulty": "2",
        "disciplines": "[]",
        "tags": "[]",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "2",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-order": "1",
        "items-0-movement": str(moves[0].pk),
        "items-0-reps": "5",
        "items-1-order": "2",
        "items-1-movement": str(moves[1].pk),
        "items-1-reps": "10",
    }
    data.update(overrides)
    return data


def test_the_list_filters_by_type_and_discipline_and_searches_movements(
    staff_client, library
):
    assert listed(staff_client, circuit_type="TABATA") == ["Squat Tabata"]
    assert listed(staff_client, discipline="CROSSFIT") == ["Cindy"]
    assert listed(staff_client, q="Pushups") == ["Cindy", "Squat Tabata"]
    assert listed(staff_client, q="Pullups") == ["Cindy"]


def test_the_list_and_the_form_show_the_computed_duration(staff_client, library):
    response = staff_client.get(LIST)
    assert b"20 min 00 s" in response.content  # Cindy's 1200 s cap
    assert b"9 min 00 s" in response.content  # two Tabatas, a minute apart

    change = reverse("admin:movements_circuit_change", args=[library[1].pk])
    response = staff_client.get(change)
    assert b"9 min 00 s" in response.content
    assert b"Bodyweight" in response.content


def test_staff_add_a_circuit_with_its_ordered_movements(staff_client, moves):
    response = staff_client.post(ADD, form_data(moves))

    assert response.status_code == 302
    circuit = Circuit.objects.get(slug="short-amrap")
    assert [i.movement.name for i in circuit.items.order_by("order")] == [
        "Pullups",
        "Pushups",
    ]


def test_adding_an_amrap_without_a_time_cap_shows_the_error(staff_client, moves):
    response = staff_client.post(ADD, form_data(moves, time_cap_seconds=""))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["time_cap_seconds"] == [
        "An AMRAP needs a time cap."
    ]
    assert not Circuit.objects.exists()


def test_adding_a_circuit_with_one_movement_shows_the_error(staff_client, moves):
    data = form_data(moves, **{"items-TOTAL_FORMS": "1"})

    response = staff_client.post(ADD, data)

    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert list(errors) == ["A circuit needs at least 2 movements."]
    assert b"A circuit needs at least 2 movements." in response.content
    assert not Circuit.objects.exists()


def test_changing_to_a_duplicated_order_shows_the_error_and_keeps_the_circuit(
    staff_client, moves, library
):
    cindy = library[0]
    items = list(cindy.items.order_by("order"))
    url = reverse("admin:movements_circuit_change", args=[cindy.pk])
    data = form_data(
        moves,
        name="Cindy",
        slug=cindy.slug,
        time_cap_seconds="1200",
        disciplines='["CROSSFIT"]',
        **{
            "items-INITIAL_FORMS": "2",
            "items-0-id": str(items[0].pk),
            "items-0-circuit": str(cindy.pk),
            "items-1-id": str(items[1].pk),
            "items-1-circuit": str(cindy.pk),
            "items-1-order": "1",
        },
    )

    response = staff_client.post(url, data)

    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.non_form_errors()
    # The formset's own unique check (circuit, order) answers first.
    assert list(errors) == ["Please correct the duplicate data for order."]
    assert [i.order for i in cindy.items.order_by("order")] == [1, 2]


def test_changing_the_format_to_one_that_needs_other_parameters_is_refused(
    staff_client, moves, library
):
    cindy = library[0]
    items = list(cindy.items.order_by("order"))
    url = reverse("admin:movements_circuit_change", args=[cindy.pk])
    data = form_data(
        moves,
        name="Cindy",
        slug=cindy.slug,
        circuit_type="EMOM",
        scoring="NONE",
        time_cap_seconds="",
        **{
            "items-INITIAL_FORMS": "2",
            "items-0-id": str(items[0].pk),
            "items-0-circuit": str(cindy.pk),
            "items-1-id": str(items[1].pk),
            "items-1-circuit": str(cindy.pk),
        },
    )

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["rounds"] == [
        "An EMOM needs a number of rounds."
    ]
    cindy.refresh_from_db()
    assert cindy.circuit_type == CircuitType.AMRAP
