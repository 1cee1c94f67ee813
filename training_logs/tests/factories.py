"""Factories for training-log tests (STYLE C13): movements with muscles, programs
with sessions and prescriptions, activity definitions. Programs are written
directly, not through the generation engine, so these tests stand on their own."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from coach.tests.factories import UserFactory
from movements.library_data import MUSCLE_REGIONS
from movements.models import Movement, MovementMuscle, Muscle, MuscleRole
from programs.models import (
    ExerciseRole,
    Microcycle,
    Program,
    Session,
    SessionExercise,
    SessionType,
)

#: A Monday well in the past, so logs on it are never "in the future".
PAST_MONDAY = timezone.localdate() - dt.timedelta(
    days=timezone.localdate().weekday(), weeks=8
)


class MuscleFactory(DjangoModelFactory[Muscle]):
    class Meta:
        model = Muscle
        django_get_or_create = ["slug"]

    slug = "chest"
    name = factory.LazyAttribute(lambda m: m.slug.replace("_", " ").title())
    region = factory.LazyAttribute(lambda m: MUSCLE_REGIONS.get(m.slug, "upper"))


def all_muscles() -> dict[str, Muscle]:
    """The library's 17 muscles, ``{slug: Muscle}``."""
    return {slug: MuscleFactory(slug=slug) for slug in MUSCLE_REGIONS}


class MovementFactory(DjangoModelFactory[Movement]):
    class Meta:
        model = Movement
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Movement {n}")
    slug = factory.LazyAttribute(lambda m: slugify(m.name))
    pattern = "squat"
    mechanic = "compound"
    equipment = factory.LazyFunction(lambda: ["barbell"])

    @factory.post_generation
    def muscles(self, create, extracted, **kwargs):
        """``muscles=(["quadriceps"], ["glutes"])``: primary, secondary slugs."""
        if not create or not extracted:
            return
        primary, secondary = extracted
        for slugs, role in (
            (primary, MuscleRole.PRIMARY),
            (secondary, MuscleRole.SECONDARY),
        ):
            for slug in slugs:
                MovementMuscle.objects.create(
                    movement=self, muscle=MuscleFactory(slug=slug), role=role
                )


class ProgramFactory(DjangoModelFactory[Program]):
    class Meta:
        model = Program

    user = factory.SubFactory(UserFactory)
    name = "Strength block"
    goal_1 = "STRENGTH"
    goal_weight_1 = 10
    duration_weeks = 8
    days_per_week = 3
    max_session_minutes = 60
    split_template = "FULL_BODY"
    progression_style = "SINGLE_PROGRESSION"
    experience_level = "INTERMEDIATE"
    persona_tone = "SUPPORTIVE"
    persona_aggression = "BALANCED"
    start_date = PAST_MONDAY


class MicrocycleFactory(DjangoModelFactory[Microcycle]):
    class Meta:
        model = Microcycle

    program = factory.SubFactory(ProgramFactory)
    sequence_number = factory.Sequence(lambda n: n + 1)
    start_date = factory.LazyAttribute(lambda m: m.program.start_date)


class SessionFactory(DjangoModelFactory[Session]):
    class Meta:
        model = Session

    microcycle = factory.SubFactory(MicrocycleFactory)
    program = factory.LazyAttribute(lambda s: s.microcycle.program)
    date = factory.LazyAttribute(lambda s: s.microcycle.start_date)
    day_index = factory.LazyAttribute(lambda s: (s.date - s.microcycle.start_date).days)
    session_type = SessionType.STRENGTH
    generation_status = "COMPLETED"


class SessionExerciseFactory(DjangoModelFactory[SessionExercise]):
    class Meta:
        model = SessionExercise

    session = factory.SubFactory(SessionFactory)
    movement = factory.SubFactory(MovementFactory)
    role = ExerciseRole.MAIN
    order = factory.Sequence(lambda n: n)
    sets = 3
    reps_min = 5
    reps_max = 5
    target_rpe = 8


def program_weeks(
    user, *, start: dt.date, weeks: int = 1, training_days=(0, 2, 4)
) -> list[Session]:
    """A program for ``user`` from ``start`` (a Monday): ``weeks`` microcycles of 7
    sessions, training on ``training_days`` (0 = Monday) and resting otherwise.
    Returns every session, rest days included, in date order."""
    program = ProgramFactory(user=user, start_date=start)
    sessions = []
    for week in range(weeks):
        micro = MicrocycleFactory(
            program=program,
            sequence_number=week + 1,
            start_date=start + dt.timedelta(weeks=week),
        )
        for day in range(7):
            sessions.append(
                SessionFactory(
                    microcycle=micro,
                    date=micro.start_date + dt.timedelta(days=day),
                    session_type=(
                        SessionType.STRENGTH
                        if day in training_days
                        else SessionType.RECOVERY
                    ),
                )
            )
    return sessions


def at(day: dt.date, hour: int = 18) -> dt.datetime:
    """An aware datetime on ``day`` at ``hour`` (site time zone)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))
