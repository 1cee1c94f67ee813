"""The movement library API: the catalogue (``GET /api/v1/movements/`` and
``.../{id}/``), the circuit library (``/api/v1/circuits/``), activity definitions, and the athlete's equipment, movement rules
and enjoyable activities under ``/api/v1/settings/``.

The athlete's endpoints are thin views over ``movements.services`` (validation,
writes) and ``movements.selectors`` (ownership: another athlete's rule or activity
is a 404).
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import filters, status, viewsets
from rest_framework.permissions import IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from movements import circuits, selectors, services
from movements.api.filters import CircuitFilter, MovementFilter
from movements.api.serializers import (
    ActivityDefinitionOutputSerializer,
    AthleteEquipmentOutputSerializer,
    AthleteEquipmentUpdateInputSerializer,
    CircuitInputSerializer,
    CircuitOutputSerializer,
    EnjoyableActivityInputSerializer,
    EnjoyableActivityOutputSerializer,
    MovementOutputSerializer,
    MovementRuleCreateInputSerializer,
    MovementRuleOutputSerializer,
    MovementRuleUpdateInputSerializer,
)
from movements.equipment import PRESET_EQUIPMENT, default_equipment
from movements.models import (
    Circuit,
    EquipmentPreset,
    Movement,
    MovementMuscle,
    MovementRuleKind,
)


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


# ---------------------------------------------------------------------------
# Activity definitions (reference data)
# ---------------------------------------------------------------------------
class ActivityDefinitionListApi(APIView):
    """Every activity definition, by name (reference data, not paginated)."""

    @extend_schema(responses=ActivityDefinitionOutputSerializer(many=True))
    def get(self, request):
        definitions = selectors.activity_definition_list()
        return Response(ActivityDefinitionOutputSerializer(definitions, many=True).data)


# ---------------------------------------------------------------------------
# The athlete's equipment
# ---------------------------------------------------------------------------
def _equipment_body(user) -> dict:
    row = selectors.athlete_equipment_get(user=user)
    return {
        "preset": row.preset if row else EquipmentPreset.COMMERCIAL_GYM,
        "equipment": list(row.equipment) if row else default_equipment(),
        "is_set": row is not None,
        "presets": [
            {
                "preset": preset.value,
                "label": preset.label,
                "equipment": sorted(PRESET_EQUIPMENT.get(preset, ())),
            }
            for preset in EquipmentPreset
        ],
    }


class AthleteEquipmentApi(APIView):
    """``GET`` the equipment the athlete can use; ``PUT`` a preset or a list."""

    @extend_schema(responses=AthleteEquipmentOutputSerializer)
    def get(self, request):
        return Response(_equipment_body(request.user))

    @extend_schema(
        request=AthleteEquipmentUpdateInputSerializer,
        responses=AthleteEquipmentOutputSerializer,
    )
    def put(self, request):
        serializer = AthleteEquipmentUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.athlete_equipment_set(
            user=request.user,
            preset=serializer.validated_data.get("preset"),
            equipment=serializer.validated_data.get("equipment"),
        )
        return Response(_equipment_body(request.user))


# ---------------------------------------------------------------------------
# Movement rules
# ---------------------------------------------------------------------------
class MovementRuleCollectionApi(APIView):
    """``GET`` the athlete's movement rules (by movement name, not paginated: one
    rule per movement at most); ``POST`` adds one (201)."""

    @extend_schema(responses=MovementRuleOutputSerializer(many=True))
    def get(self, request):
        rules = selectors.movement_rule_list_for_user(user=request.user)
        return Response(MovementRuleOutputSerializer(rules, many=True).data)

    @extend_schema(
        request=MovementRuleCreateInputSerializer,
        responses={201: MovementRuleOutputSerializer},
    )
    def post(self, request):
        serializer = MovementRuleCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        rule = services.movement_rule_create(
            user=request.user,
            movement_id=data["movement"],
            rule=data["rule"],
            substitute_with_id=data.get("substitute_with"),
        )
        rule = selectors.movement_rule_get_for_user(user=request.user, rule_id=rule.pk)
        return Response(
            MovementRuleOutputSerializer(rule).data, status=status.HTTP_201_CREATED
        )


class MovementRuleDetailApi(APIView):
    """One of the athlete's rules: ``GET``, ``PUT`` (whole rule), ``PATCH`` (some
    fields), ``DELETE`` (204). Another athlete's rule is a 404."""

    @extend_schema(responses=MovementRuleOutputSerializer)
    def get(self, request, rule_id: int):
        rule = selectors.movement_rule_get_for_user(user=request.user, rule_id=rule_id)
        return Response(MovementRuleOutputSerializer(rule).data)

    @extend_schema(
        request=MovementRuleCreateInputSerializer,
        responses=MovementRuleOutputSerializer,
    )
    def put(self, request, rule_id: int):
        rule = selectors.movement_rule_get_for_user(user=request.user, rule_id=rule_id)
        serializer = MovementRuleCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        rule = services.movement_rule_update(
            rule=rule,
            movement_id=data["movement"],
            kind=data["rule"],
            substitute_with_id=data.get("substitute_with"),
        )
        return Response(MovementRuleOutputSerializer(rule).data)

    @extend_schema(
        request=MovementRuleUpdateInputSerializer,
        responses=MovementRuleOutputSerializer,
    )
    def patch(self, request, rule_id: int):
        rule = selectors.movement_rule_get_for_user(user=request.user, rule_id=rule_id)
        serializer = MovementRuleUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        kind = data.get("rule", rule.rule)
        substitute = data.get("substitute_with", rule.substitute_with_id)
        if kind != MovementRuleKind.SUBSTITUTE and "substitute_with" not in data:
            substitute = None
        rule = services.movement_rule_update(
            rule=rule,
            movement_id=data.get("movement"),
            kind=kind,
            substitute_with_id=substitute,
        )
        return Response(MovementRuleOutputSerializer(rule).data)

    @extend_schema(responses={204: None})
    def delete(self, request, rule_id: int):
        rule = selectors.movement_rule_get_for_user(user=request.user, rule_id=rule_id)
        services.movement_rule_delete(rule=rule)
        return Response(status=status.HTTP_204_NO_CONTENT)


# ---------------------------------------------------------------------------
# Enjoyable activities
# ---------------------------------------------------------------------------
class EnjoyableActivityCollectionApi(APIView):
    """``GET`` the activities the athlete enjoys (by name, not paginated);
    ``POST`` adds one (201)."""

    @extend_schema(responses=EnjoyableActivityOutputSerializer(many=True))
    def get(self, request):
        activities = selectors.enjoyable_activity_list_for_user(user=request.user)
        return Response(EnjoyableActivityOutputSerializer(activities, many=True).data)

    @extend_schema(
        request=EnjoyableActivityInputSerializer,
        responses={201: EnjoyableActivityOutputSerializer},
    )
    def post(self, request):
        serializer = EnjoyableActivityInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        activity = services.enjoyable_activity_create(
            user=request.user,
            definition_id=serializer.validated_data["activity_definition_id"],
        )
        return Response(
            EnjoyableActivityOutputSerializer(activity).data,
            status=status.HTTP_201_CREATED,
        )


class EnjoyableActivityDetailApi(APIView):
    """One of the athlete's activities: ``GET``, ``PUT`` (another definition),
    ``DELETE`` (204). Another athlete's is a 404."""

    @extend_schema(responses=EnjoyableActivityOutputSerializer)
    def get(self, request, activity_id: int):
        activity = selectors.enjoyable_activity_get_for_user(
            user=request.user, activity_id=activity_id
        )
        return Response(EnjoyableActivityOutputSerializer(activity).data)

    @extend_schema(
        request=EnjoyableActivityInputSerializer,
        responses=EnjoyableActivityOutputSerializer,
    )
    def put(self, request, activity_id: int):
        activity = selectors.enjoyable_activity_get_for_user(
            user=request.user, activity_id=activity_id
        )
        serializer = EnjoyableActivityInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        activity = services.enjoyable_activity_update(
            activity=activity,
            definition_id=serializer.validated_data["activity_definition_id"],
        )
        return Response(EnjoyableActivityOutputSerializer(activity).data)

    @extend_schema(responses={204: None})
    def delete(self, request, activity_id: int):
        activity = selectors.enjoyable_activity_get_for_user(
            user=request.user, activity_id=activity_id
        )
        services.enjoyable_activity_delete(activity=activity)
        return Response(status=status.HTTP_204_NO_CONTENT)


# ---------------------------------------------------------------------------
# Circuits (the staff-curated library)
# ---------------------------------------------------------------------------
def _circuit_movements(data: list[dict]) -> list[dict]:
    return [
        {
            **{k: v for k, v in item.items() if k != "movement"},
            "movement_id": item["movement"],
        }
        for item in data
    ]


class CircuitViewSet(viewsets.ReadOnlyModelViewSet):
    """The circuit library: any athlete reads it, staff (``is_staff``) write it.

    ``GET`` lists (paginated, by name; filters in
    :class:`~movements.api.filters.CircuitFilter`, ``?search=`` on the name) and
    shows one; ``POST`` creates (201), ``PUT`` replaces, ``PATCH`` changes some
    fields (a ``movements`` list replaces the whole list). Writes go through
    ``movements.circuits`` and answer 400 with field errors when a format rule
    or the movement list is broken; an athlete's write is a 403.
    A page costs three queries (count, rows, movements) whatever its size.
    """

    serializer_class = CircuitOutputSerializer
    filter_backends = [DjangoFilterBackend, filters.SearchFilter]
    filterset_class = CircuitFilter
    search_fields = ["name"]

    def get_permissions(self):
        if self.action in ("create", "update", "partial_update"):
            return [IsAdminUser()]
        return [IsAuthenticated()]

    def get_queryset(self) -> QuerySet[Circuit]:
        return circuits.circuit_list()

    def _out(self, circuit: Circuit, status_code: int = status.HTTP_200_OK):
        circuit = circuits.circuit_list().get(pk=circuit.pk)
        return Response(CircuitOutputSerializer(circuit).data, status=status_code)

    @extend_schema(
        request=CircuitInputSerializer, responses={201: CircuitOutputSerializer}
    )
    def create(self, request):
        serializer = CircuitInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        movements = _circuit_movements(data.pop("movements"))
        circuit = circuits.circuit_create(data=data, movements=movements)
        return self._out(circuit, status.HTTP_201_CREATED)

    @extend_schema(request=CircuitInputSerializer, responses=CircuitOutputSerializer)
    def update(self, request, pk=None, partial: bool = False):
        circuit = self.get_object()
        serializer = CircuitInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        movements = data.pop("movements", None)
        circuit = circuits.circuit_update(
            circuit=circuit,
            data=data,
            movements=None if movements is None else _circuit_movements(movements),
        )
        return self._out(circuit)

    @extend_schema(request=CircuitInputSerializer, responses=CircuitOutputSerializer)
    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)
