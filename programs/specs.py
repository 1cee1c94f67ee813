"""Values → engine types: the builders that turn rows and plain values into the
engine's frozen dataclasses (STYLE C3: ORM → snapshot → engine).

Reads only; ownership lives in :mod:`programs.selectors`. Used by creation (the
request), generation (the library snapshot and a stored program's spec) and the
wizard's step checks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from coach.models import PRIORITY_MAX
from movements.models import (
    Circuit,
    CircuitMovement,
    Movement,
    MovementMuscle,
    MovementRelationship,
    MuscleRole,
    RelationshipType,
)
from movements.timing import CircuitItemDose, circuit_estimated_seconds
from programs.generation import types as t
from programs.models import Microcycle, Program, Session


def movement_library_snapshot(*, ids: Iterable[int] | None = None) -> t.MovementLibrary:
    """The whole movement library (or only the movements ``ids``) as the engine's
    frozen dataclasses.

    Five queries (movements, muscle links, relationships, circuits and their
    movements: :func:`circuit_library_snapshot`), whatever the size.
    """
    links = MovementMuscle.objects.all()
    rows = Movement.objects.all()
    if ids is not None:
        ids = list(ids)
        links, rows = links.filter(movement_id__in=ids), rows.filter(id__in=ids)
    primary: dict[int, list[str]] = defaultdict(list)
    secondary: dict[int, list[str]] = defaultdict(list)
    for movement_id, slug, role in links.values_list(
        "movement_id", "muscle__slug", "role"
    ).order_by("movement_id", "muscle__slug"):
        (primary if role == MuscleRole.PRIMARY else secondary)[movement_id].append(slug)

    movements: dict[int, t.MovementInfo] = {}
    for row in rows.values(
        "id",
        "name",
        "slug",
        "pattern",
        "mechanic",
        "force",
        "equipment",
        "level",
        "primary_discipline",
        "tags",
        "is_unilateral",
        "is_timed",
        "tier",
        "requires_coaching",
    ).order_by("id"):
        movements[row["id"]] = t.MovementInfo(
            id=row["id"],
            name=row["name"],
            slug=row["slug"],
            pattern=row["pattern"],
            mechanic=row["mechanic"] or "",
            force=row["force"] or "",
            equipment=frozenset(row["equipment"] or ()),
            level=row["level"],
            discipline=row["primary_discipline"],
            primary_muscles=tuple(primary.get(row["id"], ())),
            secondary_muscles=tuple(secondary.get(row["id"], ())),
            tags=frozenset(row["tags"] or ()),
            is_unilateral=row["is_unilateral"],
            is_timed=row["is_timed"],
            tier=row["tier"],
            requires_coaching=row["requires_coaching"],
        )

    edges: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for src, dst, kind in MovementRelationship.objects.values_list(
        "from_movement_id", "to_movement_id", "relationship_type"
    ).order_by("id"):
        if kind == RelationshipType.REGRESSION:
            # A REGRESSION edge from A to B means B is easier: store it easier → harder.
            edges[RelationshipType.PROGRESSION].append((dst, src))
        else:
            edges[kind].append((src, dst))
    return t.MovementLibrary(
        movements=movements,
        progressions=tuple(edges[RelationshipType.PROGRESSION]),
        equivalents=tuple(edges[RelationshipType.EQUIVALENT]),
        antagonists=tuple(edges[RelationshipType.ANTAGONIST]),
        circuits=circuit_library_snapshot(movements),
    )


def circuit_library_snapshot(
    movements: Mapping[int, t.MovementInfo],
) -> tuple[t.CircuitInfo, ...]:
    """The curated circuits as the engine's frozen dataclasses, id order, each
    with its estimated duration (``movements.timing``, from the movements' kit
    and pattern in ``movements``). Two queries (circuits, their movements)."""
    items: dict[int, list[t.CircuitItemInfo]] = defaultdict(list)
    doses: dict[int, list[CircuitItemDose]] = defaultdict(list)
    for row in CircuitMovement.objects.values(
        "circuit_id", "movement_id", "order", "reps", "seconds", "distance_m",
        "calories", "load_hint",
    ).order_by("circuit_id", "order", "id"):  # fmt: skip
        movement = movements.get(row["movement_id"])
        dose = CircuitItemDose(
            reps=row["reps"],
            seconds=row["seconds"],
            distance_m=row["distance_m"],
            calories=row["calories"],
            equipment=movement.equipment if movement else frozenset(),
            pattern=movement.pattern if movement else "",
        )
        doses[row["circuit_id"]].append(dose)
        items[row["circuit_id"]].append(
            t.CircuitItemInfo(
                movement_id=row["movement_id"],
                order=row["order"],
                reps=row["reps"],
                seconds=row["seconds"],
                distance_m=row["distance_m"],
                calories=row["calories"],
                load_hint=row["load_hint"],
                work_seconds=dose.work_seconds(),
            )
        )
    circuits = []
    for row in Circuit.objects.values(
        "id", "name", "circuit_type", "scoring", "difficulty", "rounds",
        "time_cap_seconds", "work_seconds", "rest_seconds", "disciplines", "tags",
    ).order_by("id"):  # fmt: skip
        params = {
            k: row[k]
            for k in ("rounds", "time_cap_seconds", "work_seconds", "rest_seconds")
        }
        circuits.append(
            t.CircuitInfo(
                id=row["id"],
                name=row["name"],
                circuit_type=row["circuit_type"],
                scoring=row["scoring"],
                difficulty=row["difficulty"],
                estimated_seconds=circuit_estimated_seconds(
                    circuit_type=row["circuit_type"], items=doses[row["id"]], **params
                ),
                items=tuple(items[row["id"]]),
                disciplines=frozenset(row["disciplines"] or ()),
                tags=frozenset(row["tags"] or ()),
                **params,
            )
        )
    return tuple(circuits)


def program_request_from_values(
    *,
    goals: list[tuple[str, int]],
    duration_weeks: int,
    days_per_week: int,
    max_session_minutes: int,
    start_date: date,
    split_template: str | None,
    progression_style: str | None,
    deload_every_n_microcycles: int,
    microcycle_length_days: int,
) -> t.ProgramRequest:
    """A :class:`ProgramRequest` from plain values (enum values as strings)."""
    return t.ProgramRequest(
        goals=tuple(t.GoalWeight(t.Goal(g), int(w)) for g, w in goals),
        duration_weeks=duration_weeks,
        days_per_week=days_per_week,
        max_session_minutes=max_session_minutes,
        start_date=start_date,
        split_template=t.SplitTemplate(split_template) if split_template else None,
        progression_style=(
            t.ProgressionStyle(progression_style) if progression_style else None
        ),
        deload_every_n_microcycles=deload_every_n_microcycles,
        microcycle_length_days=microcycle_length_days,
    )


def athlete_profile_from_values(
    *,
    experience_level: str,
    persona_tone: str,
    persona_aggression: str,
    equipment: list[str],
    movement_rules: list[dict],
    enjoyable_activities: list[str],
    preferred_weekdays: list[int] | None = None,
    discipline_priorities: dict[str, int] | None = None,
    discipline_experience: dict[str, str] | None = None,
    dedicated_mobility_days: bool = False,
    dedicated_cardio_days: bool = False,
    cardio_as_finisher: bool = True,
) -> t.AthleteProfile:
    """An :class:`AthleteProfile` from plain values (the program's snapshot).

    Discipline priorities are stored as the athlete sets them, 0–5
    (``coach.models.PRIORITY_MAX``); the engine reads 0–1, so they are divided
    here and only here. The scheduling flags map one to one:
    ``dedicated_mobility_days`` → ``prefer_dedicated_mobility_days``,
    ``dedicated_cardio_days`` → ``prefer_dedicated_cardio_days``.
    """
    return t.AthleteProfile(
        experience_level=t.ExperienceLevel(experience_level),
        persona_tone=t.PersonaTone(persona_tone),
        persona_aggression=t.PersonaAggression(persona_aggression),
        equipment=frozenset(equipment),
        movement_rules=tuple(
            t.MovementRule(
                movement_id=int(rule["movement_id"]),
                rule=t.MovementRuleKind(rule["rule"]),
                substitute_id=(
                    int(rule["substitute_id"])
                    if rule.get("substitute_id") is not None
                    else None
                ),
            )
            for rule in movement_rules
        ),
        enjoyable_activities=tuple(enjoyable_activities),
        preferred_weekdays=tuple(sorted(set(preferred_weekdays or ()))),
        discipline_priorities={
            discipline: int(priority) / PRIORITY_MAX
            for discipline, priority in (discipline_priorities or {}).items()
        },
        discipline_experience=dict(discipline_experience or {}),
        prefer_dedicated_mobility_days=dedicated_mobility_days,
        prefer_dedicated_cardio_days=dedicated_cardio_days,
        cardio_as_finisher=cardio_as_finisher,
    )


def program_athlete(program: Program) -> t.AthleteProfile:
    """The engine's :class:`AthleteProfile` from a stored program's snapshot of the
    athlete (equipment, rules, activities, level, weekdays, disciplines). No query;
    shared by ``program_spec`` and ``adaptation.specs``."""
    return athlete_profile_from_values(
        experience_level=program.experience_level,
        persona_tone=program.persona_tone,
        persona_aggression=program.persona_aggression,
        equipment=program.equipment,
        movement_rules=program.movement_rules,
        enjoyable_activities=program.enjoyable_activities,
        preferred_weekdays=program.preferred_weekdays,
        discipline_priorities=program.discipline_priorities,
        discipline_experience=program.discipline_experience,
        dedicated_mobility_days=program.dedicated_mobility_days,
        dedicated_cardio_days=program.dedicated_cardio_days,
        cardio_as_finisher=program.cardio_as_finisher,
    )


def program_spec(*, program: Program) -> t.ProgramSpec:
    """The engine spec a stored program was created from, plus the variants of
    any regenerated sessions (so regeneration draws a fresh, reproducible pick)
    and its deloading microcycles (so an early deload stays one). Two queries."""
    request = program_request_from_values(
        goals=program.goals,
        duration_weeks=program.duration_weeks,
        days_per_week=program.days_per_week,
        max_session_minutes=program.max_session_minutes,
        start_date=program.start_date,
        split_template=program.split_template,
        progression_style=program.progression_style,
        deload_every_n_microcycles=program.deload_every_n_microcycles,
        microcycle_length_days=program.microcycle_length_days,
    )
    athlete = program_athlete(program)
    variants = {
        (seq, day): variant
        for seq, day, variant in Session.objects.filter(
            program=program, variant__gt=0
        ).values_list("microcycle__sequence_number", "day_index", "variant")
    }
    # Every deloading microcycle, so an early deload the athlete accepted
    # (adaptation's deload-now) is planned and generated as one.
    deloads = frozenset(
        Microcycle.objects.filter(program=program, is_deload=True).values_list(
            "sequence_number", flat=True
        )
    )
    return t.ProgramSpec(
        request=request,
        athlete=athlete,
        seed=program.seed,
        session_variants=variants,
        extra_deloads=deloads,
    )
