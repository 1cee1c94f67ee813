"""factory-boy factories for the movement library (tests build data with these,
never with ``fixtures/movements.json``)."""

from __future__ import annotations

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from movements.library_data import MUSCLE_REGIONS
from movements.models import (
    Discipline,
    Mechanic,
    Movement,
    MovementMuscle,
    MovementPattern,
    MovementRelationship,
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
