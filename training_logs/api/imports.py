"""Import and export API: upload a Strong or Hevy export (202, then poll), confirm
exercise names, download the CSV and JSON exports (streamed)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from coach.models import AthleteSettings
from coach.throttling import AlloyScopedThrottle
from training_logs import selectors, services
from training_logs.api.serializers.imports import (
    ImportCreateInputSerializer,
    ImportJobOutputSerializer,
    ImportMappingInputSerializer,
)
from training_logs.views.data import account_json_response, workouts_csv_response


class ImportCollectionApi(APIView):
    """``GET`` the athlete's imports (paginated, newest first); ``POST`` a file."""

    parser_classes = [MultiPartParser, FormParser]
    throttle_scope = "expensive"

    def get_throttles(self):
        """Uploads count against the athlete's ``expensive`` rate; listing is free."""
        return [AlloyScopedThrottle()] if self.request.method == "POST" else []

    @extend_schema(responses=ImportJobOutputSerializer(many=True))
    def get(self, request):
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(
            selectors.import_job_list(user=request.user), request, view=self
        )
        return paginator.get_paginated_response(
            ImportJobOutputSerializer(page, many=True).data
        )

    @extend_schema(
        request=ImportCreateInputSerializer,
        responses={202: ImportJobOutputSerializer},
    )
    def post(self, request):
        """202: the import is queued, or waits in ``NEEDS_MAPPING`` for the
        names listed in ``unmatched``. 400 ``{"file": ["Line 12: …"]}`` for an
        unreadable file or any bad row; nothing is written then."""
        serializer = ImportCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        job = services.import_job_create(
            user=request.user,
            filename=upload.name,
            data=upload.read(),
            unit=serializer.validated_data.get("unit")
            or AthleteSettings.for_user(request.user).units,
        )
        return Response(
            ImportJobOutputSerializer(job).data, status=status.HTTP_202_ACCEPTED
        )


class ImportDetailApi(APIView):
    """``GET`` one import (poll it while it runs)."""

    @extend_schema(responses=ImportJobOutputSerializer)
    def get(self, request, job_id: int):
        job = selectors.import_job_get_for_user(user=request.user, job_id=job_id)
        return Response(ImportJobOutputSerializer(job).data)


class ImportMappingApi(APIView):
    """``POST`` the movements for an import's unmatched names; 202, queued."""

    throttle_classes = [AlloyScopedThrottle]
    throttle_scope = "expensive"

    @extend_schema(
        request=ImportMappingInputSerializer,
        responses={202: ImportJobOutputSerializer},
    )
    def post(self, request, job_id: int):
        job = selectors.import_job_get_for_user(user=request.user, job_id=job_id)
        serializer = ImportMappingInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job = services.import_job_map(
            job=job, mapping=serializer.validated_data["mapping"]
        )
        return Response(
            ImportJobOutputSerializer(job).data, status=status.HTTP_202_ACCEPTED
        )


class ImportRetryApi(APIView):
    """``POST`` runs a failed import again (202); 400 for one that has not failed."""

    throttle_classes = [AlloyScopedThrottle]
    throttle_scope = "expensive"

    @extend_schema(request=None, responses={202: ImportJobOutputSerializer})
    def post(self, request, job_id: int):
        job = selectors.import_job_get_for_user(user=request.user, job_id=job_id)
        job = services.import_job_retry(job=job)
        return Response(
            ImportJobOutputSerializer(job).data, status=status.HTTP_202_ACCEPTED
        )


class ExportWorkoutsCsvApi(APIView):
    """``GET`` the athlete's workouts and sets in Strong's CSV layout (streamed;
    weights in the athlete's unit, which the file name says)."""

    throttle_classes = [AlloyScopedThrottle]
    throttle_scope = "expensive"

    @extend_schema(responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR)})
    def get(self, request):
        return workouts_csv_response(request.user)


class ExportAccountJsonApi(APIView):
    """``GET`` everything the athlete owns as one JSON document (streamed):
    profile, settings, equipment, movement rules, favourite activities,
    programs with microcycles, sessions and exercises, workouts with sets,
    soreness, recovery signals, activities."""

    throttle_classes = [AlloyScopedThrottle]
    throttle_scope = "expensive"

    @extend_schema(
        responses={(200, "application/json"): OpenApiResponse(OpenApiTypes.OBJECT)}
    )
    def get(self, request):
        return account_json_response(request.user)
