"""Query-string filters for ``GET /api/v1/movements/``.

``equipment`` and ``available_with`` test membership in the JSON ``equipment``
list in Python over ``(id, equipment)`` pairs: the catalogue is small (~900 rows)
and JSON containment lookups are not available on SQLite, which the suite also
runs on. Each costs one extra query.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from django_filters import rest_framework as filters

from movements.circuits import circuits_where
from movements.library_data import MUSCLE_REGIONS
from movements.models import (
    Circuit,
    CircuitType,
    Discipline,
    Equipment,
    Movement,
    MovementPattern,
    MuscleRole,
)

BODYWEIGHT = "bodyweight"


class EquipmentCSVFilter(filters.BaseCSVFilter, filters.ChoiceFilter):
    """A comma-separated list of ``Equipment`` values (or ``bodyweight``)."""


def ids_where_equipment(
    queryset: QuerySet[Movement], test: Callable[[set[str]], bool]
) -> QuerySet[Movement]:
    """Restrict ``queryset`` to rows whose equipment list passes ``test(set)``."""
    ids = [
        pk
        for pk, equipment in queryset.values_list("pk", "equipment")
        if test(set(equipment or []))
    ]
    return queryset.filter(pk__in=ids)


class MovementFilter(filters.FilterSet):
    """Filters: ``pattern`` (repeatable, OR), ``equipment`` (needs that kit),
    ``available_with`` (comma list: the whole kit is within it, bodyweight always
    passes; ``bodyweight`` alone means no kit), ``muscle`` (slug, any role, or
    only ``role=PRIMARY|SECONDARY``), ``discipline``, ``level_max``."""

    pattern = filters.MultipleChoiceFilter(choices=MovementPattern.choices)
    equipment = filters.ChoiceFilter(
        choices=Equipment.choices, method="filter_equipment"
    )
    available_with = EquipmentCSVFilter(
        choices=[*Equipment.choices, (BODYWEIGHT, "Bodyweight")],
        method="filter_available_with",
    )
    muscle = filters.ChoiceFilter(
        choices=[(slug, slug) for slug in MUSCLE_REGIONS], method="filter_muscle"
    )
    role = filters.ChoiceFilter(
        choices=MuscleRole.choices,
        method="filter_role",
        help_text="With muscle: only links of this role.",
    )
    discipline = filters.ChoiceFilter(
        field_name="primary_discipline", choices=Discipline.choices
    )
    level_max = filters.NumberFilter(field_name="level", lookup_expr="lte")

    class Meta:
        model = Movement
        fields: list[str] = []

    def filter_equipment(
        self, queryset: QuerySet[Movement], name: str, value: str
    ) -> QuerySet[Movement]:
        return ids_where_equipment(queryset, lambda kit: value in kit)

    def filter_available_with(
        self, queryset: QuerySet[Movement], name: str, value: list[str]
    ) -> QuerySet[Movement]:
        available = set(value) - {BODYWEIGHT}
        return ids_where_equipment(queryset, lambda kit: kit <= available)

    def filter_muscle(
        self, queryset: QuerySet[Movement], name: str, value: str
    ) -> QuerySet[Movement]:
        lookups = {"muscle_links__muscle__slug": value}
        role = self.form.cleaned_data.get("role")
        if role:
            lookups["muscle_links__role"] = role
        # One link per (movement, muscle): the join cannot duplicate rows.
        return queryset.filter(**lookups)

    def filter_role(
        self, queryset: QuerySet[Movement], name: str, value: str
    ) -> QuerySet[Movement]:
        # Applied together with ``muscle`` in filter_muscle; alone it means nothing.
        return queryset


class CircuitFilter(filters.FilterSet):
    """Filters for ``GET /api/v1/circuits/``: ``type`` (a ``CircuitType``),
    ``discipline`` (listed among the circuit's disciplines), ``max_minutes``
    (estimated duration at most that), ``available_with`` (comma list of kit:
    every movement's kit is within it; ``bodyweight`` alone means none).

    The last three read JSON lists and a computed duration, so they run together
    in one Python pass over the prefetched circuits (two extra queries)."""

    type = filters.ChoiceFilter(field_name="circuit_type", choices=CircuitType.choices)
    discipline = filters.ChoiceFilter(choices=Discipline.choices, method="in_python")
    max_minutes = filters.NumberFilter(method="in_python", min_value=1)
    available_with = EquipmentCSVFilter(
        choices=[*Equipment.choices, (BODYWEIGHT, "Bodyweight")], method="in_python"
    )

    class Meta:
        model = Circuit
        fields: list[str] = []

    def in_python(self, queryset: QuerySet[Circuit], name: str, value):
        # Collected and applied once in filter_queryset.
        return queryset

    def filter_queryset(self, queryset: QuerySet[Circuit]) -> QuerySet[Circuit]:
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        minutes = data.get("max_minutes")
        kit = data.get("available_with")
        discipline = data.get("discipline") or None
        if not (minutes or kit or discipline):
            return queryset
        ids = circuits_where(
            queryset,
            discipline=discipline,
            max_seconds=None if not minutes else int(minutes * 60),
            available_with=None if not kit else set(kit) - {BODYWEIGHT},
        )
        return queryset.filter(pk__in=ids)
