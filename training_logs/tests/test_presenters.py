"""The edge between the athlete's unit and kg, and the headline-record rule
(shared by the pages and the API)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from training_logs import metrics, presenters
from training_logs.models import RecordKind


def test_loads_typed_in_pounds_are_stored_in_kg_and_shown_back_in_pounds():
    kg = presenters.to_kg(Decimal("225"), metrics.LB)
    assert kg == Decimal(str(metrics.to_kg(225.0, metrics.LB)))
    assert float(kg) == pytest.approx(102.058, abs=0.001)
    assert presenters.in_unit(kg, metrics.LB) == 225.0
    assert presenters.to_kg(None, metrics.LB) is None
    assert presenters.in_unit(None, metrics.KG) is None


def test_set_rows_become_service_inputs_in_kg_and_empty_rows_are_skipped():
    rows = [
        {"movement_id": 3, "load": Decimal("100"), "reps": 5, "rir": 2},
        {},
        {"movement_id": 4, "duration_seconds": 45, "is_warmup": True},
    ]
    first, second = presenters.set_inputs(rows, metrics.LB)
    assert first.movement_id == 3
    assert first.load_kg == presenters.to_kg(Decimal("100"), metrics.LB)
    assert (first.reps, first.rir, first.is_warmup) == (5, 2, False)
    assert (second.load_kg, second.duration_seconds, second.is_warmup) == (
        None,
        45,
        True,
    )


@pytest.mark.parametrize(
    ("kind", "previous", "headline"),
    [
        (RecordKind.E1RM, None, True),
        (RecordKind.E1RM, Decimal("100"), True),
        (RecordKind.LOAD_AT_REPS, Decimal("100"), True),
        (RecordKind.LOAD_AT_REPS, None, False),
        (RecordKind.REPS_AT_LOAD, Decimal("8"), False),
    ],
)
def test_a_headline_record_is_a_best_e1rm_or_a_heavier_set_at_a_rep_count(
    kind, previous, headline
):
    record = SimpleNamespace(kind=kind, previous_value=previous)
    assert presenters.is_headline(record) is headline


def test_numbers_read_without_trailing_zeros():
    assert presenters.plain(Decimal("8.0")) == "8"
    assert presenters.fmt(129.50) == "129.5"
    assert presenters.fmt(None) == "–"
