"""Program API: thin views over services and selectors (STYLE C7).

Every object is fetched through the ownership choke points in
``programs.selectors``; another athlete's program or session is a 404.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.decorators import method_decorator
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from coach.throttling import AlloyScopedThrottle
from programs import selectors, services
from programs.api.serializers import (
    GenerationStatusOutputSerializer,
    HeuristicsOutputSerializer,
    ProgramCreatedOutputSerializer,
    ProgramCreateInputSerializer,
    ProgramDetailOutputSerializer,
    ProgramListOutputSerializer,
    SessionDetailOutputSerializer,
    SessionOutputSerializer,
)
from programs.generation import heuristics
from programs.models import Microcycle, Program


def program_input_from(validated: dict) -> services.ProgramInput:
    """Map the validated API body to the service's :class:`ProgramInput`."""
    return services.ProgramInput(
        name=validated.get("name") or "",
        goals=[(g["goal"], g["weight"]) for g in validated["goals"]],
        duration_weeks=validated["duration_weeks"],
        days_per_week=validated["days_per_week"],
        max_session_minutes=validated["max_session_minutes"],
        split_template=validated.get("split_template"),
        progression_style=validated.get("progression_style"),
        start_date=validated.get("start_date"),
        persona_tone=validated.get("persona_tone"),
        persona_aggression=validated.get("persona_aggression"),
        experience_level=validated.get("experience_level"),
        equipment=validated.get("equipment"),
        movement_rules=(
            None
            if validated.get("movement_rules") is None
            else [
                {
                    "movement_id": r["movement"],
                    "rule": r["rule"],
                    "substitute_id": r.get("substitute_with"),
                }
                for r in validated["movement_rules"]
            ]
        ),
        enjoyable_activities=validated.get("enjoyable_activities"),
        preferred_weekdays=validated.get("preferred_weekdays"),
        discipline_priorities=validated.get("discipline_priorities"),
        discipline_experience=validated.get("discipline_experience"),
        dedicated_mobility_days=validated.get("dedicated_mobility_days"),
        dedicated_cardio_days=validated.get("dedicated_cardio_days"),
        cardio_as_finisher=validated.get("cardio_as_finisher"),
        deload_every_n_microcycles=validated.get("deload_every_n_microcycles", 4),
    )


# Creating plans the whole program (the engine's validation and skeleton: CPU,
# no writes) before it writes anything. Inside the request transaction, which on
# SQLite is IMMEDIATE, that planning held the write lock, so every create queued
# behind the worker's session writes and every other write queued behind it (the
# load test's create p95 on SQLite). Outside it, ``services.program_create`` owns
# the one transaction that writes the program, its microcycles and sessions: all
# or nothing, as before.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class ProgramCollectionApi(APIView):
    """``GET`` lists the athlete's programs; ``POST`` creates one (202)."""

    # Creating queues a whole program's generation: throttled per athlete.
    throttle_scope = "program_create"

    def get_throttles(self):
        return [AlloyScopedThrottle()] if self.request.method == "POST" else []

    @extend_schema(responses=ProgramListOutputSerializer(many=True))
    def get(self, request):
        queryset = selectors.program_list_for_user(user=request.user)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(queryset, request, view=self)
        data = ProgramListOutputSerializer(
            page, many=True, context={"request": request}
        ).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        request=ProgramCreateInputSerializer,
        responses={202: ProgramCreatedOutputSerializer},
    )
    def post(self, request):
        serializer = ProgramCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        program, _warnings = services.program_create(
            user=request.user, data=program_input_from(serializer.validated_data)
        )
        body = ProgramCreatedOutputSerializer(
            program, context={"request": request}
        ).data
        return Response(body, status=status.HTTP_202_ACCEPTED)


class ProgramDetailApi(APIView):
    """``GET`` the whole program tree; ``DELETE`` it (cascades)."""

    @extend_schema(responses=ProgramDetailOutputSerializer)
    def get(self, request, program_id: int):
        program = selectors.program_get_for_user(
            user=request.user, program_id=program_id
        )
        program = selectors.program_detail_prefetch(
            Program.objects.filter(pk=program.pk)
        ).get()
        context = {"request": request, "program": program}
        body = ProgramDetailOutputSerializer(program, context=context).data
        return Response(body)

    @extend_schema(responses={204: None})
    def delete(self, request, program_id: int):
        program = selectors.program_get_for_user(
            user=request.user, program_id=program_id
        )
        services.program_delete(program=program)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProgramGenerationStatusApi(APIView):
    """Generation status and progress, cheap enough to poll every 2 s."""

    @extend_schema(responses=GenerationStatusOutputSerializer)
    def get(self, request, program_id: int):
        program = selectors.program_get_for_user(
            user=request.user, program_id=program_id
        )
        microcycles = list(
            Microcycle.objects.filter(program=program)
            .order_by("sequence_number")
            .values(
                "sequence_number", "is_deload", "generation_status", "generation_error"
            )
        )
        body = {
            "program_id": program.pk,
            "status": program.generation_status,
            "error": program.generation_error,
            "progress": selectors.program_generation_progress(program=program),
            "microcycles": microcycles,
            "started_at": program.generation_started_at,
            "finished_at": program.generation_finished_at,
        }
        return Response(GenerationStatusOutputSerializer(body).data)


class ProgramRetryApi(APIView):
    """Retry the program's failed sessions in the background (202)."""

    @extend_schema(request=None, responses={202: GenerationStatusOutputSerializer})
    def post(self, request, program_id: int):
        program = selectors.program_get_for_user(
            user=request.user, program_id=program_id
        )
        retried = services.program_retry_failed(program=program)
        return Response({"retried": retried}, status=status.HTTP_202_ACCEPTED)


class SessionDetailApi(APIView):
    """One session with its exercises, time breakdown and curated circuits."""

    @extend_schema(responses=SessionDetailOutputSerializer)
    def get(self, request, program_id: int, session_id: int):
        session = selectors.session_get_for_user(
            user=request.user, program_id=program_id, session_id=session_id
        )
        session = selectors.session_with_exercises(session)
        session = selectors.session_circuits_load(session)
        context = {"program": session.program}
        return Response(SessionDetailOutputSerializer(session, context=context).data)


class SessionRegenerateApi(APIView):
    """Draw a fresh selection for one session, in the background (202)."""

    throttle_classes = [AlloyScopedThrottle]
    throttle_scope = "expensive"

    @extend_schema(request=None, responses={202: SessionOutputSerializer})
    def post(self, request, program_id: int, session_id: int):
        session = selectors.session_get_for_user(
            user=request.user, program_id=program_id, session_id=session_id
        )
        session = services.session_regenerate(session=session)
        session = selectors.session_with_exercises(session)
        context = {"program": session.program}
        return Response(
            SessionOutputSerializer(session, context=context).data,
            status=status.HTTP_202_ACCEPTED,
        )


class HeuristicsApi(APIView):
    """The heuristics that drive the engine's choices, read-only, with their
    version (the interference table, time caps, preference margin, bias
    rationale, scorer weights, relaxation steps…)."""

    @extend_schema(responses=HeuristicsOutputSerializer)
    def get(self, request):
        return Response(heuristics())
