"""Reads of circuit scores: the athlete's attempts and their best per circuit."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from movements.models import CircuitScoring
from training_logs.models import CircuitScore


def circuit_score_list(
    *, user, circuit_id: int | None = None
) -> QuerySet[CircuitScore]:
    """``user``'s scores, newest first, with their circuit (one query)."""
    scores = CircuitScore.objects.for_user(user).select_related("circuit")
    if circuit_id is not None:
        scores = scores.filter(circuit_id=circuit_id)
    return scores


def _rank(score: CircuitScore) -> tuple:
    """Higher is better: fewer seconds, more rounds then reps, more load; the
    earlier attempt wins a tie (a best is first reached, then matched)."""
    scoring = score.circuit.scoring
    if scoring == CircuitScoring.TIME:
        key: tuple = (-(score.time_seconds or 0),)
    elif scoring == CircuitScoring.ROUNDS_REPS:
        key = (score.rounds or 0, score.reps or 0)
    elif scoring == CircuitScoring.LOAD:
        key = (score.load_kg or 0,)
    else:
        key = ()
    return (*key, -score.performed_on.toordinal(), -score.pk)


def circuit_bests(*, user, circuit_ids: Iterable[int]) -> dict[int, CircuitScore]:
    """``user``'s best score on each of ``circuit_ids`` that has one (one query).
    Unscored circuits (NONE) have no best."""
    best: dict[int, CircuitScore] = {}
    scores = circuit_score_list(user=user).filter(circuit_id__in=list(circuit_ids))
    for score in scores:
        if score.circuit.scoring == CircuitScoring.NONE:
            continue
        held = best.get(score.circuit_id)
        if held is None or _rank(score) > _rank(held):
            best[score.circuit_id] = score
    return best
