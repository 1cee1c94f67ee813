"""Movement catalogue routes, mounted under ``/api/v1/`` (namespace ``movements``)."""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from movements.api.views import MovementViewSet

app_name = "movements"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("movements", MovementViewSet, basename="movement")

urlpatterns = router.urls
