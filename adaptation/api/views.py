"""Daily-coach API: one thin ``APIView`` per operation (STYLE C7).

Days are read in the athlete's active program; programs and sessions only through
``programs.selectors`` (another athlete's program, session or exercise is a 404),
adaptations through ``adaptation.selectors.adaptation_get_for_user`` (the same).
Bad input is a 400 with field errors and writes nothing.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from adaptation import selectors, services
from adaptation.api.serializers import (
    AdaptationOutputSerializer,
    AlternativeOutputSerializer,
    AlternativesQueryInputSerializer,
    DayAdaptInputSerializer,
    DayPlanOutputSerializer,
    DeloadNowOutputSerializer,
    ExerciseSwapInputSerializer,
    NotFoundOutputSerializer,
    SwappedExerciseOutputSerializer,
    ThreadDecideInputSerializer,
    ThreadOutputSerializer,
)
from coach.throttling import AlloyScopedThrottle
from programs import selectors as program_selectors

DAY_PARAMETER = OpenApiParameter(
    "day",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="A date (YYYY-MM-DD) or `today`.",
)


def parse_day(value: str) -> date:
    """``today`` or an ISO date. Raises ``ValidationError({"date": ...})``."""
    if value == "today":
        return timezone.localdate()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            {"date": [f"“{value}” is not a date: use YYYY-MM-DD or today."]}
        ) from None


def _no_program(exc: selectors.NoActiveProgram) -> Response:
    return Response(
        {"detail": str(exc), "code": "no_active_program"},
        status=status.HTTP_404_NOT_FOUND,
    )


def _session_summary(session) -> dict | None:
    if session is None:
        return None
    return {
        "id": session.pk,
        "date": session.date,
        "session_type": session.session_type,
        "focus": session.focus,
        "is_deload": session.microcycle.is_deload,
        "url": reverse(
            "api:programs:session-detail", args=[session.program_id, session.pk]
        ),
    }


def _target(target) -> dict:
    return {
        "set_number": target.set_number,
        "reps": target.reps,
        "target_rpe": target.target_rpe,
        "load": target.load,
        "unit": target.unit,
        "load_kg": round(target.load_kg, 2) if target.load_kg is not None else None,
        "percent_1rm": target.percent_1rm,
        "e1rm_kg": round(target.e1rm_kg, 1) if target.e1rm_kg is not None else None,
        "basis": target.basis.value,
        "text": target.text,
    }


def day_plan_body(plan: services.DayPlan) -> dict:
    """The ``GET /days/{date}/plan`` body of a :class:`DayPlan`."""
    readiness = plan.readiness
    suggestion = plan.deload_suggestion
    return {
        "date": plan.date,
        "program": {"id": plan.program.pk, "name": plan.program.name},
        "rest_day": plan.rest_day,
        "session": _session_summary(plan.session),
        "next_session": _session_summary(plan.next_session),
        "adapted": plan.adaptation is not None,
        "adaptation_id": plan.adaptation.pk if plan.adaptation else None,
        "proposal_id": plan.proposal.pk if plan.proposal else None,
        "exercises": [
            {
                "order": e.order,
                "exercise_id": e.exercise_id,
                "movement_id": e.movement_id,
                "movement_name": e.movement_name,
                "role": e.role,
                "sets": e.sets,
                "reps_min": e.reps_min,
                "reps_max": e.reps_max,
                "duration_seconds": e.duration_seconds,
                "target_rpe": e.target_rpe,
                "target_rir": e.target_rir,
                "rest_seconds": e.rest_seconds,
                "estimated_seconds": e.estimated_seconds,
                "load_targets": [_target(t) for t in e.load_targets],
                "load_note": e.load_note,
            }
            for e in plan.exercises
        ],
        "time_breakdown": plan.time_breakdown,
        "estimated_minutes": plan.estimated_minutes,
        "readiness": {
            "score": readiness.score,
            "band": readiness.band.value,
            "components": dict(readiness.components),
            "weights": dict(readiness.weights),
            "missing": list(readiness.missing),
            "treatment": readiness.treatment,
            "defaulted": readiness.defaulted,
        },
        "deload_suggestion": (
            {
                "triggers": list(suggestion.triggers),
                "reasons": list(suggestion.reasons),
                "deload_now_url": reverse(
                    "api:adaptation:deload-now", args=[plan.program.pk]
                ),
            }
            if suggestion
            else None
        ),
        "changes": plan.changes,
        "unit": plan.unit,
    }


def adaptation_body(adaptation) -> dict:
    return AdaptationOutputSerializer(adaptation).data


class DayPlanApi(APIView):
    """The session planned for a day in the active program (the accepted
    adaptation applied), with load targets, readiness and any deload
    suggestion; a rest day says so and names the next session."""

    @extend_schema(
        parameters=[DAY_PARAMETER],
        responses={200: DayPlanOutputSerializer, 404: NotFoundOutputSerializer},
    )
    def get(self, request, day: str):
        target = parse_day(day)
        try:
            plan = services.day_plan(user=request.user, day=target)
        except selectors.NoActiveProgram as exc:
            return _no_program(exc)
        return Response(DayPlanOutputSerializer(day_plan_body(plan)).data)


# The snapshot reads and the engine run (tens of ms of CPU) come before any
# write. Inside the request transaction, which on SQLite is IMMEDIATE, they held
# the write lock, and every other write (a program created, the worker's
# sessions) queued behind them. ``services.session_adapt`` owns the one
# transaction that writes the check-in and the proposal.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class DayAdaptApi(APIView):
    """Check in for a day and get the adaptation of its session (201)."""

    # An engine run (or a queued rewrite) per call: throttled per athlete.
    throttle_classes = [AlloyScopedThrottle]
    throttle_scope = "expensive"

    @extend_schema(
        parameters=[DAY_PARAMETER],
        request=DayAdaptInputSerializer,
        responses={201: AdaptationOutputSerializer, 404: NotFoundOutputSerializer},
    )
    def post(self, request, day: str):
        target = parse_day(day)
        serializer = DayAdaptInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        readapt = data.pop("readapt", False)
        try:
            adaptation = services.session_adapt(
                user=request.user,
                day=target,
                data=services.CheckInInput(**data),
                readapt=readapt,
            )
        except selectors.NoActiveProgram as exc:
            return _no_program(exc)
        return Response(adaptation_body(adaptation), status=status.HTTP_201_CREATED)


class DayAdaptationListApi(APIView):
    """Every adaptation of the day's session, newest first."""

    @extend_schema(
        parameters=[DAY_PARAMETER],
        responses=AdaptationOutputSerializer(many=True),
    )
    def get(self, request, day: str):
        target = parse_day(day)
        rows = selectors.adaptation_list_for_day(user=request.user, day=target)
        return Response(AdaptationOutputSerializer(rows, many=True).data)


class AdaptationAcceptApi(APIView):
    """Accept a proposal: it becomes the day's plan and what logging pre-fills."""

    @extend_schema(
        parameters=[DAY_PARAMETER], request=None, responses=AdaptationOutputSerializer
    )
    def post(self, request, day: str, adaptation_id: int):
        adaptation = selectors.adaptation_get_for_user(
            user=request.user, adaptation_id=adaptation_id, day=parse_day(day)
        )
        adaptation = services.adaptation_accept(adaptation=adaptation)
        return Response(adaptation_body(adaptation))


class AdaptationRejectApi(APIView):
    """Keep the original: the proposal is rejected, the plan stays."""

    @extend_schema(
        parameters=[DAY_PARAMETER], request=None, responses=AdaptationOutputSerializer
    )
    def post(self, request, day: str, adaptation_id: int):
        adaptation = selectors.adaptation_get_for_user(
            user=request.user, adaptation_id=adaptation_id, day=parse_day(day)
        )
        adaptation = services.adaptation_reject(adaptation=adaptation)
        return Response(adaptation_body(adaptation))


class ExerciseAlternativesApi(APIView):
    """Ranked alternatives to one exercise of a session (``?easier=true`` adds
    regressions), filtered by the program's equipment, rules and level."""

    @extend_schema(
        parameters=[AlternativesQueryInputSerializer],
        responses=AlternativeOutputSerializer(many=True),
    )
    def get(self, request, program_id: int, session_id: int, exercise_id: int):
        session = program_selectors.session_get_for_user(
            user=request.user, program_id=program_id, session_id=session_id
        )
        exercise = services.exercise_get(session=session, exercise_id=exercise_id)
        query = AlternativesQueryInputSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        alternatives = services.exercise_alternatives(
            session=session, exercise=exercise, easier=query.validated_data["easier"]
        )
        body = [
            {
                "movement_id": a.movement_id,
                "name": a.name,
                "kind": a.kind.value,
                "score": round(a.score, 3),
                "rank": a.rank,
                "reason": a.reason,
            }
            for a in alternatives
        ]
        return Response(AlternativeOutputSerializer(body, many=True).data)


class ExerciseSwapApi(APIView):
    """Swap an exercise's movement (validated against the program's equipment
    and the athlete's rules); the exercise's rationale records the swap."""

    # An engine run (or a queued rewrite) per call: throttled per athlete.
    throttle_classes = [AlloyScopedThrottle]
    throttle_scope = "expensive"

    @extend_schema(
        request=ExerciseSwapInputSerializer, responses=SwappedExerciseOutputSerializer
    )
    def post(self, request, program_id: int, session_id: int, exercise_id: int):
        session = program_selectors.session_get_for_user(
            user=request.user, program_id=program_id, session_id=session_id
        )
        exercise = services.exercise_get(session=session, exercise_id=exercise_id)
        serializer = ExerciseSwapInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        exercise = services.exercise_swap(
            session=session,
            exercise=exercise,
            movement_id=serializer.validated_data["movement"],
        )
        return Response(SwappedExerciseOutputSerializer(exercise).data)


class ProgramDeloadNowApi(APIView):
    """Turn the program's next loading week into a deload; the worker rewrites
    its sessions (202; poll the status URL)."""

    # An engine run (or a queued rewrite) per call: throttled per athlete.
    throttle_classes = [AlloyScopedThrottle]
    throttle_scope = "expensive"

    @extend_schema(request=None, responses={202: DeloadNowOutputSerializer})
    def post(self, request, program_id: int):
        program = program_selectors.program_get_for_user(
            user=request.user, program_id=program_id
        )
        microcycle = services.program_deload_now(program=program)
        body = {
            "program_id": program.pk,
            "microcycle_id": microcycle.pk,
            "sequence_number": microcycle.sequence_number,
            "start_date": microcycle.start_date,
            "is_deload": microcycle.is_deload,
            "status_url": reverse("api:programs:generation-status", args=[program.pk]),
        }
        return Response(
            DeloadNowOutputSerializer(body).data, status=status.HTTP_202_ACCEPTED
        )


class ThreadListApi(APIView):
    """The athlete's conversation threads about the day's session, newest first,
    each with its turns."""

    @extend_schema(
        parameters=[DAY_PARAMETER], responses=ThreadOutputSerializer(many=True)
    )
    def get(self, request, day: str):
        threads = selectors.thread_list_for_day(user=request.user, day=parse_day(day))
        return Response(ThreadOutputSerializer(threads, many=True).data)


class ThreadDetailApi(APIView):
    """One conversation thread with its turns (another athlete's is a 404)."""

    @extend_schema(parameters=[DAY_PARAMETER], responses=ThreadOutputSerializer)
    def get(self, request, day: str, thread_id: int):
        thread = selectors.thread_get_for_user(
            user=request.user, thread_id=thread_id, day=parse_day(day)
        )
        return Response(ThreadOutputSerializer(thread).data)


class _ThreadDecideApi(APIView):
    accept = True

    def post(self, request, day: str):
        target = parse_day(day)
        serializer = ThreadDecideInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        thread = selectors.thread_get_for_user(
            user=request.user,
            thread_id=serializer.validated_data["conversation_id"],
            day=target,
        )
        thread = services.thread_decide(
            thread=thread,
            accept=self.accept,
            final_notes=serializer.validated_data["final_notes"],
        )
        return Response(ThreadOutputSerializer(thread).data)


class ThreadAcceptApi(_ThreadDecideApi):
    """Accept the conversation and its adaptation together: the adapted session
    becomes the day's plan; ``final_notes`` are kept with the thread."""

    accept = True

    @extend_schema(
        parameters=[DAY_PARAMETER],
        request=ThreadDecideInputSerializer,
        responses=ThreadOutputSerializer,
    )
    def post(self, request, day: str):
        return super().post(request, day)


class ThreadRejectApi(_ThreadDecideApi):
    """Reject the conversation and its adaptation: the plan stays as it was."""

    accept = False

    @extend_schema(
        parameters=[DAY_PARAMETER],
        request=ThreadDecideInputSerializer,
        responses=ThreadOutputSerializer,
    )
    def post(self, request, day: str):
        return super().post(request, day)
