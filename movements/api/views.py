"""The movement catalogue API: ``GET /api/v1/movements/`` and ``.../{id}/``."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, viewsets

from movements.api.filters import MovementFilter
from movements.api.serializers import MovementOutputSerializer
from movements.models import Movement, MovementMuscle


class MovementViewSet(viewsets.ReadOnlyModelViewSet):
    """The shared movement catalogue, read-only for any authenticated athlete.

    Paginated (project default, 20 a page), ordered by name. Filters: see
    :class:`~movements.api.filters.MovementFilter`; ``?search=`` matches names.
    A page costs three queries (count, rows, muscle links) whatever its size.
    """

    serializer_class = MovementOutputSerializer
    filter_backends = [DjangoFilterBackend, filters.SearchFilter]
    filterset_class = MovementFilter
    search_fields = ["name"]

    def get_queryset(self) -> QuerySet[Movement]:
        return Movement.objects.order_by("name", "pk").prefetch_related(
            Prefetch(
                "muscle_links",
                queryset=MovementMuscle.objects.select_related("muscle"),
            )
        )
