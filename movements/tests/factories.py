"""factory-boy factories for the movement library (tests build data with these,
never with ``fixtures/movements.json``)."""

from __future__ import annotations

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from coach.tests.factories import UserFactory
from movements.library_data import MUSCLE_REGIONS
from movements.models import (
    ActivityDefinition,
    Circuit,
    CircuitMovement,
    CircuitScoring,
    CircuitType,
    Discipline,
    EnjoyableActivity,
    Mechanic,
    Movement,
    MovementMuscle,
    MovementPattern,
    MovementRelationship,
    MovementRule,
    MovementRuleKind,
    Muscle,
    MuscleRole,
    RelationshipType,
)


class MuscleFactory(DjangoModelFactory[Muscle]):
    """A muscle; ``MuscleFactory(slug="chest")`` returns the existing row if any."""

    class Meta:
        model = Muscle
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Iterator(sorted(MUSCLE_REGIONS))
    name = factory.LazyAttribute(lambda o: o.slug.replace("_", " ").capitalize())
    region = factory.LazyAttribute(lambda o: MUSCLE_REGIONS[o.slug])


class MovementFactory(DjangoModelFactory[Movement]):
    """A compound bodyweight squat-pattern movement by default.

    Muscles by slug: ``MovementFactory(primary_muscles=["chest"],
    secondary_muscles=["triceps", "shoulders"])`` creates the links (and the
    muscles, if missing).
    """

    class Meta:
        model = Movement
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Test Movement {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    pattern = MovementPattern.SQUAT
    mechanic = Mechanic.COMPOUND
    force = "push"
    equipment = factory.LazyFunction(list)
    level = 1
    primary_discipline = Discipline.ALL
    tags = factory.LazyFunction(list)

    @factory.post_generation
    def primary_muscles(self, create: bool, extracted: list[str] | None, **kw):
        if create and extracted:
            add_muscles(self, extracted, MuscleRole.PRIMARY)

    @factory.post_generation
    def secondary_muscles(self, create: bool, extracted: list[str] | None, **kw):
        if create and extracted:
            add_muscles(self, extracted, MuscleRole.SECONDARY)


def add_muscles(movement: Movement, slugs: list[str], role: str) -> None:
    """Link ``movement`` to the muscles ``slugs`` with ``role``."""
    MovementMuscle.objects.bulk_create(
        MovementMuscle(movement=movement, muscle=MuscleFactory(slug=slug), role=role)
        for slug in slugs
    )


class MovementRelationshipFactory(DjangoModelFactory[MovementRelationship]):
    """A PROGRESSION edge between two new movements by default."""

    class Meta:
        model = MovementRelationship
        skip_postgeneration_save = True

    from_movement = factory.SubFactory(MovementFactory)
    to_movement = factory.SubFactory(MovementFactory)
    relationship_type = RelationshipType.PROGRESSION


class ActivityDefinitionFactory(DjangoModelFactory[ActivityDefinition]):
    """Running by default; ``ActivityDefinitionFactory(name="Yoga", category="YOGA")``.
    Returns the existing row for a slug that exists (the seeding migration's)."""

    class Meta:
        model = ActivityDefinition
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    name = "Running"
    slug = factory.LazyAttribute(lambda d: slugify(d.name))
    category = "RUNNING"
    intensity = "VIGOROUS"
    tracks_distance = True


class MovementRuleFactory(DjangoModelFactory[MovementRule]):
    """A HARD_NO on a new movement for a new athlete by default."""

    class Meta:
        model = MovementRule
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    movement = factory.SubFactory(MovementFactory)
    rule = MovementRuleKind.HARD_NO
    substitute_with = None


class EnjoyableActivityFactory(DjangoModelFactory[EnjoyableActivity]):
    class Meta:
        model = EnjoyableActivity
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    definition = factory.SubFactory(ActivityDefinitionFactory)


class CircuitFactory(DjangoModelFactory[Circuit]):
    """A valid 12-minute AMRAP with no movements yet (``with_movements`` adds
    rows; ``CircuitFactory(movements=[(movement, {"reps": 10}), ...])`` too)."""

    class Meta:
        model = Circuit
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Test Circuit {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    circuit_type = CircuitType.AMRAP
    description = "A test circuit."
    time_cap_seconds = 720
    scoring = CircuitScoring.ROUNDS_REPS
    difficulty = 2
    disciplines = factory.LazyFunction(list)
    tags = factory.LazyFunction(list)

    @factory.post_generation
    def movements(self, create: bool, extracted: list | None, **kw):
        if create and extracted:
            CircuitMovement.objects.bulk_create(
                CircuitMovement(circuit=self, movement=m, order=i, **dose)
                for i, (m, dose) in enumerate(extracted, 1)
            )
