"""The athlete's rules hold in the database itself, whoever writes the row."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from movements.models import EnjoyableActivity, MovementRule
from movements.tests.factories import ActivityDefinitionFactory, MovementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def squat():
    return MovementFactory(name="Barbell Back Squat")


def test_valid_rules_are_accepted(user, squat):
    goblet = MovementFactory(name="Goblet Squat")
    MovementRule.objects.create(
        user=user, movement=squat, rule="SUBSTITUTE", substitute_with=goblet
    )
    MovementRule.objects.create(user=user, movement=goblet, rule="PREFER")
    assert MovementRule.objects.count() == 2


@pytest.mark.parametrize(
    ("rule", "target"),
    [
        ("SUBSTITUTE", None),
        ("HARD_NO", "other"),
        ("PREFER", "other"),
        ("SUBSTITUTE", "self"),
    ],
)
def test_substitute_with_is_set_for_substitute_only_and_never_itself(
    user, squat, rule, target
):
    other = MovementFactory()
    substitute = {"other": other, "self": squat, None: None}[target]
    with pytest.raises(IntegrityError), transaction.atomic():
        MovementRule.objects.create(
            user=user, movement=squat, rule=rule, substitute_with=substitute
        )


def test_one_rule_per_movement_and_athlete(user, other_user, squat):
    MovementRule.objects.create(user=user, movement=squat, rule="HARD_NO")
    MovementRule.objects.create(user=other_user, movement=squat, rule="PREFER")
    with pytest.raises(IntegrityError), transaction.atomic():
        MovementRule.objects.create(user=user, movement=squat, rule="PREFER")


def test_an_activity_is_enjoyed_once(user):
    running = ActivityDefinitionFactory()
    EnjoyableActivity.objects.create(user=user, definition=running)
    with pytest.raises(IntegrityError), transaction.atomic():
        EnjoyableActivity.objects.create(user=user, definition=running)


def test_engine_words_of_activity_definitions():
    assert (
        ActivityDefinitionFactory.build(
            name="Indoor cycling", category="CYCLING"
        ).engine_activity
        == "cycling"
    )
    assert (
        ActivityDefinitionFactory.build(
            name="Jump rope", category="OTHER"
        ).engine_activity
        == "jump rope"
    )
