"""Movement library routes, mounted under ``/api/v1/`` (namespace ``movements``):
the catalogue, the circuit library, activity definitions, and the athlete's
equipment, movement rules and enjoyable activities under ``settings/``."""

from __future__ import annotations

from django.urls import path
from rest_framework.routers import DefaultRouter

from movements.api import views

app_name = "movements"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("movements", views.MovementViewSet, basename="movement")
router.register("circuits", views.CircuitViewSet, basename="circuit")

urlpatterns = [
    *router.urls,
    path(
        "activities/definitions/",
        views.ActivityDefinitionListApi.as_view(),
        name="activity-definitions",
    ),
    path("settings/equipment/", views.AthleteEquipmentApi.as_view(), name="equipment"),
    path(
        "settings/movement-rules/",
        views.MovementRuleCollectionApi.as_view(),
        name="movement-rule-collection",
    ),
    path(
        "settings/movement-rules/<int:rule_id>/",
        views.MovementRuleDetailApi.as_view(),
        name="movement-rule-detail",
    ),
    path(
        "settings/enjoyable-activities/",
        views.EnjoyableActivityCollectionApi.as_view(),
        name="enjoyable-activity-collection",
    ),
    path(
        "settings/enjoyable-activities/<int:activity_id>/",
        views.EnjoyableActivityDetailApi.as_view(),
        name="enjoyable-activity-detail",
    ),
]
