"""Reads for programs: ownership choke points, prefetch shapes and engine snapshots.

Every read of an athlete's program goes through :func:`program_get_for_user` or
:func:`session_get_for_user` (STYLE C6): a program that is missing and a program that
belongs to someone else are the same 404, so existence never leaks.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from coach.models import PRIORITY_MAX, TrainingDiscipline, Weekday
from movements.equipment import describe, preset_for
from movements.models import (
    Equipment,
    Movement,
    MovementMuscle,
    MovementRelationship,
    MovementRuleKind,
    MuscleRole,
    RelationshipType,
)
from programs.generation import types as t
from programs.generation.heuristics import PREFERENCE_DEVIATION_PCT
from programs.generation.optimizer import ACTIVITY_KEYWORDS
from programs.models import (
    ExerciseRole,
    GenerationStatus,
    Microcycle,
    Program,
    Session,
    SessionExercise,
    SessionType,
)


# ---------------------------------------------------------------------------
# Ownership
# ---------------------------------------------------------------------------
def program_get_for_user(*, user, program_id: int) -> Program:
    """The program ``program_id`` if ``user`` owns it.

    Raises ``Http404`` when it does not exist *or* belongs to another user.
    """
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such program.")
    try:
        return Program.objects.for_user(user).get(pk=program_id)
    except (Program.DoesNotExist, ValueError, TypeError):
        raise Http404("No such program.") from None


def session_get_for_user(
    *, user, session_id: int, program_id: int | None = None
) -> Session:
    """The session ``session_id`` if ``user``'s program holds it (and, when
    ``program_id`` is given, if that program is the one holding it).

    The one ownership choke point for sessions: program pages and the API, and
    ``training_logs`` when a session is logged. Raises ``Http404`` for a missing
    session, a session of another program, or a program of another user (ids that
    are not integers included). The program and microcycle are loaded with it
    (``select_related``); one query.
    """
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such session.")
    lookup = {"pk": session_id, "program__user": user}
    if program_id is not None:
        lookup["program_id"] = program_id
    try:
        return Session.objects.select_related("program", "microcycle").get(**lookup)
    except (Session.DoesNotExist, ValueError, TypeError):
        raise Http404("No such session.") from None


# ---------------------------------------------------------------------------
# Prefetch shapes
# ---------------------------------------------------------------------------
def _exercise_queryset() -> QuerySet[SessionExercise]:
    return SessionExercise.objects.select_related("movement").prefetch_related(
        Prefetch(
            "movement__muscle_links",
            queryset=MovementMuscle.objects.select_related("muscle"),
        )
    )


def program_list_for_user(*, user) -> QuerySet[Program]:
    """The athlete's programs, newest first, annotated for the list view.

    Annotations: ``training_sessions`` (non-rest sessions), ``sessions_completed``,
    ``sessions_failed``, ``estimated_minutes_total`` (sum of generated session
    estimates, minutes).
    """
    training = ~Q(sessions__session_type=SessionType.RECOVERY)
    from django.db.models import Sum

    return (
        Program.objects.for_user(user)
        .order_by("-created_at", "-id")
        .annotate(
            training_sessions=Count("sessions", filter=training),
            sessions_completed=Count(
                "sessions",
                filter=training
                & Q(sessions__generation_status=GenerationStatus.COMPLETED),
            ),
            sessions_failed=Count(
                "sessions",
                filter=training
                & Q(sessions__generation_status=GenerationStatus.FAILED),
            ),
            estimated_minutes_total=Sum("sessions__estimated_minutes", filter=training),
        )
    )


def program_detail_prefetch(queryset: QuerySet[Program]) -> QuerySet[Program]:
    """Prefetch the whole tree: microcycles → sessions → exercises → movement →
    muscles, in a constant number of queries whatever the program's size."""
    sessions = Session.objects.order_by("date", "id").prefetch_related(
        Prefetch("exercises", queryset=_exercise_queryset().order_by("order"))
    )
    microcycles = Microcycle.objects.order_by("sequence_number").prefetch_related(
        Prefetch("sessions", queryset=sessions)
    )
    return queryset.prefetch_related(Prefetch("microcycles", queryset=microcycles))


def session_with_exercises(session: Session) -> Session:
    """Reload ``session`` with its exercises (and their movements' muscles)."""
    return (
        Session.objects.select_related("program", "microcycle")
        .prefetch_related(
            Prefetch("exercises", queryset=_exercise_queryset().order_by("order"))
        )
        .get(pk=session.pk)
    )


def program_generation_progress(*, program: Program) -> dict[str, int]:
    """Counts of the program's training sessions by generation status.

    Returns ``{"total", "completed", "failed", "in_progress", "pending", "percent"}``
    (rest days are not counted). One aggregate query.
    """
    counts = (
        Session.objects.filter(program=program)
        .exclude(session_type=SessionType.RECOVERY)
        .aggregate(
            total=Count("id"),
            completed=Count(
                "id", filter=Q(generation_status=GenerationStatus.COMPLETED)
            ),
            failed=Count("id", filter=Q(generation_status=GenerationStatus.FAILED)),
            in_progress=Count(
                "id", filter=Q(generation_status=GenerationStatus.IN_PROGRESS)
            ),
            pending=Count("id", filter=Q(generation_status=GenerationStatus.PENDING)),
        )
    )
    total = counts["total"] or 0
    done = counts["completed"] + counts["failed"]
    counts["percent"] = round(100 * done / total) if total else 100
    return counts


# ---------------------------------------------------------------------------
# Engine snapshots
# ---------------------------------------------------------------------------
def movement_library_snapshot() -> t.MovementLibrary:
    """The whole movement library as the engine's frozen dataclasses.

    Three queries (movements, muscle links, relationships), whatever the size.
    """
    primary: dict[int, list[str]] = defaultdict(list)
    secondary: dict[int, list[str]] = defaultdict(list)
    for movement_id, slug, role in MovementMuscle.objects.values_list(
        "movement_id", "muscle__slug", "role"
    ).order_by("movement_id", "muscle__slug"):
        (primary if role == MuscleRole.PRIMARY else secondary)[movement_id].append(slug)

    movements: dict[int, t.MovementInfo] = {}
    for row in Movement.objects.values(
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
    )


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
    athlete = athlete_profile_from_values(
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


# ---------------------------------------------------------------------------
# What a program honours (the "why" beyond the optimizer's scores)
# ---------------------------------------------------------------------------
def _weekday_list(days: list[int]) -> str:
    return ", ".join(Weekday(d).label[:3] for d in sorted(days))


def _advanced(experience_level: str) -> bool:
    return experience_level in (t.ExperienceLevel.ADVANCED, t.ExperienceLevel.EXPERT)


def program_profile_summary(*, program: Program) -> list[str]:
    """What of the athlete's profile (or this program's overrides) the program was
    built around, one plain line each, from the program's snapshot. One query
    (movement names) when it has movement rules."""
    lines = [
        f"Equipment: {describe(preset_for(program.equipment), program.equipment)}"
        " — nothing else is programmed."
    ]
    rules = program.movement_rules or []
    ids = {r["movement_id"] for r in rules} | {
        r["substitute_id"] for r in rules if r.get("substitute_id")
    }
    names = (
        dict(Movement.objects.filter(pk__in=ids).values_list("pk", "name"))
        if ids
        else {}
    )

    def named(kind: str) -> list[str]:
        return sorted(
            names.get(r["movement_id"], f"movement {r['movement_id']}")
            for r in rules
            if r["rule"] == kind
        )

    if named(MovementRuleKind.HARD_NO):
        lines.append(
            "Never programmed (your hard no): "
            + ", ".join(named(MovementRuleKind.HARD_NO))
            + "."
        )
    swaps = sorted(
        f"{names.get(r['movement_id'], '?')} → {names.get(r['substitute_id'], '?')}"
        for r in rules
        if r["rule"] == MovementRuleKind.SUBSTITUTE
    )
    if swaps:
        lines.append("Always swapped: " + "; ".join(swaps) + ".")
    if named(MovementRuleKind.PREFER):
        lines.append(
            "Preferred (a bonus capped at "
            f"{round(PREFERENCE_DEVIATION_PCT * 100)} % of a movement's score): "
            + ", ".join(named(MovementRuleKind.PREFER))
            + "."
        )
    if program.preferred_weekdays:
        lines.append(
            f"Training days: {_weekday_list(program.preferred_weekdays)} "
            "(your preferred weekdays)."
        )
    labels = dict(TrainingDiscipline.choices)
    priorities = program.discipline_priorities or {}
    if priorities:
        lines.append(
            "Discipline priorities: "
            + ", ".join(
                f"{labels.get(d, d)} {p}/{PRIORITY_MAX}"
                for d, p in sorted(priorities.items(), key=lambda kv: -kv[1])
            )
            + "."
        )
    experience = program.discipline_experience or {}
    olympic = experience.get("OLYMPIC_LIFTING")
    if olympic:
        lines.append(
            f"Olympic lifts may be main lifts: you have done them ({olympic.lower()})."
        )
    elif _advanced(program.experience_level) and priorities.get("OLYMPIC_LIFTING"):
        # The engine's rule (library.build_index), worded as it stands.
        lines.append(
            "Olympic lifts may be main lifts: you are an experienced lifter who "
            "made them a priority."
        )
    else:
        lines.append("No Olympic lifts as main lifts: you have not done them.")
    lines.append(
        "Mobility on days of its own."
        if program.dedicated_mobility_days
        else "Mobility mixed into lifting days (warm-ups and cool-downs)."
    )
    cardio = {
        (True, True): "Cardio on days of its own and as finishers.",
        (True, False): "Cardio on days of its own, no finishers.",
        (False, True): "Cardio as 10–20 minute finishers on lifting days.",
        (False, False): "No cardio finishers or cardio days (your choice).",
    }[(program.dedicated_cardio_days, program.cardio_as_finisher)]
    lines.append(cardio)
    if program.enjoyable_activities:
        lines.append(
            "Cardio picks your activities first: "
            + ", ".join(program.enjoyable_activities)
            + "."
        )
    return lines


def _matches_activity(movement: Movement, activities: list[str]) -> str | None:
    """The enjoyable activity a cardio movement matches (the engine's keywords)."""
    text = f"{movement.name} {movement.slug} {' '.join(movement.tags or [])}".lower()
    for activity in activities:
        key = activity.strip().lower()
        if any(w and w in text for w in ACTIVITY_KEYWORDS.get(key, (key,))):
            return activity
    return None


def exercise_profile_notes(*, program: Program, exercise: SessionExercise) -> list[str]:
    """Which of the program's profile choices one exercise honours, in words:
    the equipment it fits, an enjoyable activity it is, a discipline the athlete
    prioritised, an Olympic lift allowed as a main lift. (Substitutions and
    preference bonuses are in the optimizer's own notes.) No query: reads the
    exercise's (selected) movement and the program's snapshot."""
    movement = exercise.movement
    notes: list[str] = []
    equipment = sorted(program.equipment or [])
    if set(equipment) != set(Equipment.values):
        kit = describe(preset_for(equipment), equipment)
        notes.append(
            f"Fits your equipment ({kit})."
            if movement.equipment
            else f"Bodyweight: fits your equipment ({kit})."
        )
    engine_notes = " ".join((exercise.rationale or {}).get("notes") or [])
    if (
        movement.pattern == "cardio"
        and program.enjoyable_activities
        and "enjoy" not in engine_notes
    ):
        activity = _matches_activity(movement, program.enjoyable_activities)
        if activity:
            notes.append(f"An activity you enjoy ({activity}).")
    priority = (program.discipline_priorities or {}).get(movement.primary_discipline)
    if priority is not None and priority >= PRIORITY_MAX * 0.6:
        label = dict(TrainingDiscipline.choices).get(movement.primary_discipline, "")
        notes.append(f"{label} is a priority for you ({priority}/{PRIORITY_MAX}).")
    olympic = (
        movement.pattern == "olympic"
        or movement.primary_discipline == "OLYMPIC_LIFTING"
    )
    if olympic and exercise.role == ExerciseRole.MAIN:
        level = (program.discipline_experience or {}).get("OLYMPIC_LIFTING")
        notes.append(
            f"Olympic lift as a main lift: you have done them ({level.lower()})."
            if level
            else "Olympic lift as a main lift: you are an experienced lifter who "
            "made Olympic lifts a priority."
        )
    return notes
