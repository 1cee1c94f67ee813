"""Reads for the athlete's side of the library: ownership choke points, list
shapes, the movement picker's search, and the snapshots program creation takes.

Every read of a rule or an enjoyable activity by id goes through
:func:`movement_rule_get_for_user` or :func:`enjoyable_activity_get_for_user`
(STYLE C6): missing and someone else's are the same 404.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from movements.models import (
    ActivityDefinition,
    AthleteEquipment,
    EnjoyableActivity,
    Equipment,
    Movement,
    MovementPattern,
    MovementRule,
)

#: The picker shows at most this many matches.
SEARCH_LIMIT = 12


# ---------------------------------------------------------------------------
# Ownership
# ---------------------------------------------------------------------------
def movement_rule_get_for_user(*, user, rule_id: int) -> MovementRule:
    """The rule ``rule_id`` if ``user`` owns it; ``Http404`` otherwise."""
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such movement rule.")
    try:
        return movement_rule_list_for_user(user=user).get(pk=rule_id)
    except (MovementRule.DoesNotExist, ValueError, TypeError):
        raise Http404("No such movement rule.") from None


def enjoyable_activity_get_for_user(*, user, activity_id: int) -> EnjoyableActivity:
    """The enjoyable activity ``activity_id`` if ``user`` owns it; ``Http404``
    otherwise."""
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such activity.")
    try:
        return enjoyable_activity_list_for_user(user=user).get(pk=activity_id)
    except (EnjoyableActivity.DoesNotExist, ValueError, TypeError):
        raise Http404("No such activity.") from None


# ---------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------
def movement_rule_list_for_user(*, user) -> QuerySet[MovementRule]:
    """The athlete's rules by movement name, with both movements joined (one
    query for the whole list)."""
    return (
        MovementRule.objects.for_user(user)
        .select_related("movement", "substitute_with")
        .order_by("movement__name", "id")
    )


def enjoyable_activity_list_for_user(*, user) -> QuerySet[EnjoyableActivity]:
    """The athlete's enjoyable activities by name, definitions joined."""
    return (
        EnjoyableActivity.objects.for_user(user)
        .select_related("definition")
        .order_by("definition__name", "id")
    )


def activity_definition_list() -> QuerySet[ActivityDefinition]:
    """Every activity definition, by name."""
    return ActivityDefinition.objects.order_by("name")


def athlete_equipment_get(*, user) -> AthleteEquipment | None:
    """The athlete's equipment row, or None if they never said."""
    if not getattr(user, "is_authenticated", False):
        return None
    return AthleteEquipment.objects.filter(user=user).first()


# ---------------------------------------------------------------------------
# The movement picker
# ---------------------------------------------------------------------------
def movement_search(q: str, *, exclude: set[int] | frozenset[int] = frozenset()):
    """Movements whose name holds every word of ``q`` (two letters at least),
    as ``{"id", "name", "pattern", "equipment"}`` with display labels; at most
    :data:`SEARCH_LIMIT`, by name. One query."""
    words = [w for w in q.split() if w][:5]
    if len(q.strip()) < 2 or not words:
        return []
    queryset = Movement.objects.exclude(pk__in=exclude)
    for word in words:
        queryset = queryset.filter(name__icontains=word)
    patterns = dict(MovementPattern.choices)
    equipment = dict(Equipment.choices)
    return [
        {
            "id": row["id"],
            "name": row["name"],
            "pattern": patterns.get(row["pattern"], row["pattern"]),
            "equipment": ", ".join(equipment.get(e, e) for e in row["equipment"])
            or "Bodyweight",
        }
        for row in queryset.order_by("name").values(
            "id", "name", "pattern", "equipment"
        )[:SEARCH_LIMIT]
    ]


def substitute_choices(movements: list[Movement]) -> dict[int, list[tuple[int, str]]]:
    """For each movement, the other movements of its pattern (``(id, name)`` by
    name): what a SUBSTITUTE rule may swap it for in the pickers. One query."""
    by_pattern: dict[str, list[tuple[int, str]]] = {}
    patterns = {m.pattern for m in movements}
    for pk, name, pattern in (
        Movement.objects.filter(pattern__in=patterns)
        .order_by("name")
        .values_list("id", "name", "pattern")
    ):
        by_pattern.setdefault(pattern, []).append((pk, name))
    return {
        m.pk: [(pk, name) for pk, name in by_pattern.get(m.pattern, []) if pk != m.pk]
        for m in movements
    }


# ---------------------------------------------------------------------------
# Snapshots for program creation
# ---------------------------------------------------------------------------
def athlete_rules_snapshot(*, user) -> list[dict]:
    """The athlete's rules as ``[{"movement_id", "rule", "substitute_id"}]``."""
    return [
        {"movement_id": m, "rule": r, "substitute_id": s}
        for m, r, s in MovementRule.objects.for_user(user)
        .order_by("movement_id")
        .values_list("movement_id", "rule", "substitute_with_id")
    ]


def athlete_activity_slugs(*, user) -> list[str]:
    """Slugs of the activities the athlete enjoys, by name."""
    return list(
        EnjoyableActivity.objects.for_user(user)
        .order_by("definition__name")
        .values_list("definition__slug", flat=True)
    )


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------
def movement_names(ids) -> dict[int, str]:
    """``{movement id: name}`` for the ids that exist (missing ids are absent).
    One query; none when ``ids`` is empty."""
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(Movement.objects.filter(pk__in=ids).values_list("pk", "name"))


def rule_movement_names(rules: list[dict]) -> dict[int, str]:
    """Names of every movement rules ``[{"movement_id", "rule", "substitute_id"}]``
    mention, as substitutes too: ``{id: name}``. One query (none for no rules)."""
    return movement_names(
        [r["movement_id"] for r in rules] + [r.get("substitute_id") for r in rules]
    )
