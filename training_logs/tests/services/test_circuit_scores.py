"""Circuit scores: recorded as the circuit is scored, the athlete's best per
circuit, and the API (``/api/v1/logs/circuit-scores/``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.urls import reverse

from coach.models import AthleteSettings
from movements.models import CircuitScoring, CircuitType
from movements.tests.factories import CircuitFactory
from training_logs import clock, selectors, services
from training_logs.models import CircuitScore

pytestmark = pytest.mark.django_db

URL = reverse("api:training_logs:circuit-scores")


@pytest.fixture
def cindy(lifts):
    return CircuitFactory(
        name="Cindy",
        time_cap_seconds=1200,
        movements=[(lifts.pullup, {"reps": 5}), (lifts.squat, {"reps": 15})],
    )


@pytest.fixture
def fran(lifts):
    return CircuitFactory(
        name="Fran",
        circuit_type=CircuitType.METCON,
        rounds=1,
        time_cap_seconds=600,
        scoring=CircuitScoring.TIME,
        movements=[(lifts.squat, {"reps": 21}), (lifts.pullup, {"reps": 21})],
    )


@pytest.fixture
def bear(lifts):
    return CircuitFactory(
        name="Bear Complex",
        circuit_type=CircuitType.COMPLEX,
        rounds=5,
        time_cap_seconds=None,
        scoring=CircuitScoring.LOAD,
        movements=[(lifts.squat, {"reps": 1}), (lifts.row, {"reps": 1})],
    )


def days_ago(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


# ---------------------------------------------------------------------------
# The service
# ---------------------------------------------------------------------------
def test_a_score_is_recorded_as_the_circuit_is_scored(user, cindy, fran, bear):
    amrap = services.circuit_score_create(
        user=user, circuit_id=cindy.pk, rounds=18, reps=7
    )
    timed = services.circuit_score_create(
        user=user, circuit_id=fran.pk, time_seconds=412
    )
    loaded = services.circuit_score_create(
        user=user, circuit_id=bear.pk, load_kg=Decimal("60")
    )

    assert amrap.score_text() == "18 rounds + 7 reps"
    assert amrap.performed_on == clock.today()
    assert timed.score_text() == "6:52"
    assert loaded.score_text() == "60 kg"


@pytest.mark.parametrize(
    ("circuit", "values", "fields"),
    [
        ("cindy", {}, {"rounds"}),
        ("cindy", {"rounds": 10, "time_seconds": 300}, {"time_seconds"}),
        ("fran", {"rounds": 1}, {"rounds", "time_seconds"}),
        ("fran", {"time_seconds": 601}, {"time_seconds"}),
        ("bear", {"time_seconds": 90}, {"time_seconds", "load_kg"}),
    ],
)
def test_a_score_that_does_not_fit_the_scoring_is_refused_and_not_written(
    request, user, circuit, values, fields
):
    circuit = request.getfixturevalue(circuit)

    with pytest.raises(ValidationError) as exc:
        services.circuit_score_create(user=user, circuit_id=circuit.pk, **values)

    assert set(exc.value.message_dict) == fields
    assert not CircuitScore.objects.exists()


def test_unknown_circuits_and_future_days_are_refused(user, cindy):
    with pytest.raises(ValidationError) as exc:
        services.circuit_score_create(user=user, circuit_id=999_999, rounds=3)
    assert set(exc.value.message_dict) == {"circuit"}

    with pytest.raises(ValidationError) as exc:
        services.circuit_score_create(
            user=user, circuit_id=cindy.pk, rounds=3, performed_on=days_ago(-2)
        )
    assert set(exc.value.message_dict) == {"performed_on"}


def test_the_best_is_the_most_rounds_the_fastest_time_the_heaviest_load(
    user, other_user, cindy, fran, bear
):
    create = services.circuit_score_create
    create(user=user, circuit_id=cindy.pk, rounds=17, reps=9, performed_on=days_ago(9))
    top = create(
        user=user, circuit_id=cindy.pk, rounds=18, reps=2, performed_on=days_ago(5)
    )
    create(user=user, circuit_id=cindy.pk, rounds=18, reps=2)  # a tie: the first holds
    fastest = create(
        user=user, circuit_id=fran.pk, time_seconds=400, performed_on=days_ago(3)
    )
    create(user=user, circuit_id=fran.pk, time_seconds=450)
    create(user=user, circuit_id=bear.pk, load_kg=Decimal("50"))
    heaviest = create(
        user=user, circuit_id=bear.pk, load_kg=Decimal("62.5"), performed_on=days_ago(1)
    )
    create(user=other_user, circuit_id=cindy.pk, rounds=30)  # not theirs to beat

    bests = selectors.circuit_bests(user=user, circuit_ids=[cindy.pk, fran.pk, bear.pk])

    assert bests == {cindy.pk: top, fran.pk: fastest, bear.pk: heaviest}


# ---------------------------------------------------------------------------
# The API
# ---------------------------------------------------------------------------
def test_posting_a_score_answers_with_it_and_the_best(auth_client, user, cindy):
    services.circuit_score_create(
        user=user, circuit_id=cindy.pk, rounds=20, performed_on=days_ago(7)
    )

    response = auth_client.post(URL, {"circuit": cindy.pk, "rounds": 18, "reps": 4})

    assert response.status_code == 201, response.data
    assert response.data["score"] == "18 rounds + 4 reps"
    assert response.data["is_best"] is False
    assert response.data["best"]["score"] == "20 rounds"
    assert response.data["best"]["is_best"] is True


def test_loads_travel_in_the_athletes_unit(auth_client, user, bear):
    AthleteSettings.objects.update_or_create(user=user, defaults={"units": "LB"})

    response = auth_client.post(URL, {"circuit": bear.pk, "load": "135"})

    assert response.status_code == 201, response.data
    assert CircuitScore.objects.get().load_kg == Decimal("61.235")
    assert response.data["load"] == 135.0
    assert response.data["score"] == "135 lb"
    assert response.data["is_best"] is True


def test_a_score_that_does_not_fit_is_a_400_with_field_errors(auth_client, fran):
    response = auth_client.post(URL, {"circuit": fran.pk, "rounds": 3})

    assert response.status_code == 400
    assert set(response.data) == {"rounds", "time_seconds"}
    assert not CircuitScore.objects.exists()


def test_the_list_holds_only_the_athletes_own_scores(
    auth_client, user, other_user, cindy, fran, django_assert_num_queries
):
    services.circuit_score_create(
        user=user, circuit_id=cindy.pk, rounds=12, performed_on=days_ago(2)
    )
    services.circuit_score_create(user=user, circuit_id=cindy.pk, rounds=14)
    services.circuit_score_create(user=user, circuit_id=fran.pk, time_seconds=380)
    services.circuit_score_create(user=other_user, circuit_id=cindy.pk, rounds=30)

    AthleteSettings.for_user(user)
    # count, page, bests, the athlete's unit
    with django_assert_num_queries(4):
        response = auth_client.get(URL, {"circuit": cindy.pk})

    assert response.status_code == 200
    assert [(r["score"], r["is_best"]) for r in response.data["results"]] == [
        ("14 rounds", True),
        ("12 rounds", False),
    ]
    assert auth_client.get(URL).data["count"] == 3


def test_scores_need_an_account(api_client, cindy):
    assert api_client.post(URL, {"circuit": cindy.pk, "rounds": 3}).status_code == 401
    assert api_client.get(URL).status_code == 401


def test_a_scored_circuit_cannot_be_deleted_from_under_the_history(user, cindy):
    services.circuit_score_create(user=user, circuit_id=cindy.pk, rounds=12)

    with pytest.raises(ProtectedError):
        cindy.delete()
