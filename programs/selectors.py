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

from movements.models import (
    Movement,
    MovementMuscle,
    MovementRelationship,
    MuscleRole,
    RelationshipType,
)
from programs.generation import types as t
from programs.models import (
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


def session_get_for_user(*, user, program_id: int, session_id: int) -> Session:
    """The session ``session_id`` of program ``program_id`` if ``user`` owns it.

    Raises ``Http404`` for a missing session, a session of another program, or a
    program of another user. The program is loaded with it (``select_related``).
    """
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such session.")
    try:
        return Session.objects.select_related("program", "microcycle").get(
            pk=session_id, program_id=program_id, program__user=user
        )
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
) -> t.AthleteProfile:
    """An :class:`AthleteProfile` from plain values (the program's snapshot)."""
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
        preferred_weekdays=tuple(preferred_weekdays or ()),
    )


def program_spec(*, program: Program) -> t.ProgramSpec:
    """The engine spec a stored program was created from, plus the variants of
    any regenerated sessions (so regeneration draws a fresh, reproducible pick)."""
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
    )
    variants = {
        (seq, day): variant
        for seq, day, variant in Session.objects.filter(
            program=program, variant__gt=0
        ).values_list("microcycle__sequence_number", "day_index", "variant")
    }
    return t.ProgramSpec(
        request=request, athlete=athlete, seed=program.seed, session_variants=variants
    )
