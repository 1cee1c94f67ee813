"""Training-log API: thin views over services and selectors (STYLE C7).

Each view validates its input with a serializer, converts loads from the athlete's
unit to kg, calls one service or selector and serializes the answer in the
athlete's unit. Ownership: every object comes through ``.for_user`` querysets or
the choke points in ``training_logs.selectors``; another athlete's log or session
is a 404. A write runs in one transaction (``coach.middleware``), so a 400 writes
nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from coach.models import AthleteSettings
from movements.models import Movement
from training_logs import adherence, clock, landmarks, presenters, selectors, services
from training_logs.api.serializers import (
    ActivityInstanceOutputSerializer,
    ActivityLogCreateInputSerializer,
    AdherenceOutputSerializer,
    CircuitScoreCreatedOutputSerializer,
    CircuitScoreCreateInputSerializer,
    CircuitScoreFilterInputSerializer,
    CircuitScoreOutputSerializer,
    CustomWorkoutLogCreateInputSerializer,
    E1RMTrendInputSerializer,
    E1RMTrendOutputSerializer,
    MuscleRecoveryOutputSerializer,
    PersonalRecordFilterInputSerializer,
    PersonalRecordOutputSerializer,
    RecoverySignalCreateInputSerializer,
    RecoverySignalOutputSerializer,
    SorenessLogCreateInputSerializer,
    SorenessLogOutputSerializer,
    WeekAdherenceOutputSerializer,
    WeeksInputSerializer,
    WeekVolumeOutputSerializer,
    WorkoutLogCreateInputSerializer,
    WorkoutLogFilterInputSerializer,
    WorkoutLogOutputSerializer,
)

ADHERENCE_WEEKS = 12
VOLUME_WEEKS = 8


def _paginated(view, request, queryset, serializer_class, **context) -> Response:
    """One page of ``queryset`` (``PageNumberPagination``), serialized with
    ``context``."""
    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(queryset, request, view=view)
    data = serializer_class(page, many=True, context=context).data
    return paginator.get_paginated_response(data)


def _workout_log_created(request, data: dict, **planned_or_named) -> Response:
    """Log a workout from a validated body (``session_id=`` for a planned session,
    ``name=`` for an ad-hoc one) and answer 201 with the log in the athlete's
    unit."""
    unit = presenters.unit_for(request.user)
    workout_log = services.workout_log_create(
        user=request.user,
        performed_at=data.get("performed_at"),
        sets=presenters.set_inputs(data.get("sets") or [], unit),
        duration_minutes=data.get("duration_minutes"),
        notes=data["notes"],
        enjoyment=data.get("enjoyment"),
        feedback_tags=data["feedback_tags"],
        **planned_or_named,
    )
    log = selectors.workout_log_get_for_user(
        user=request.user, workout_log_id=workout_log.pk
    )
    body = WorkoutLogOutputSerializer(log, context={"unit": unit}).data
    return Response(body, status=status.HTTP_201_CREATED)


# ---------------------------------------------------------------------------
# Workouts
# ---------------------------------------------------------------------------
class WorkoutLogCollectionApi(APIView):
    """``GET`` the athlete's workout logs (newest first, paginated; filters
    ``date_from``, ``date_to``, ``movement``); ``POST`` logs a planned session."""

    @extend_schema(
        parameters=[WorkoutLogFilterInputSerializer],
        responses=WorkoutLogOutputSerializer(many=True),
    )
    def get(self, request):
        filters = WorkoutLogFilterInputSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        queryset = selectors.workout_log_list(
            user=request.user,
            date_from=filters.validated_data.get("date_from"),
            date_to=filters.validated_data.get("date_to"),
            movement_id=filters.validated_data.get("movement"),
        )
        return _paginated(
            self,
            request,
            queryset,
            WorkoutLogOutputSerializer,
            unit=presenters.unit_for(request.user),
        )

    @extend_schema(
        request=WorkoutLogCreateInputSerializer,
        responses={201: WorkoutLogOutputSerializer},
    )
    def post(self, request):
        serializer = WorkoutLogCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        return _workout_log_created(request, data, session_id=data["session_id"])


class CustomWorkoutLogCreateApi(APIView):
    """Log an ad-hoc workout (no planned session)."""

    @extend_schema(
        request=CustomWorkoutLogCreateInputSerializer,
        responses={201: WorkoutLogOutputSerializer},
    )
    def post(self, request):
        serializer = CustomWorkoutLogCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        return _workout_log_created(request, data, name=data.get("name") or "")


class WorkoutLogDetailApi(APIView):
    """``GET`` one workout log with its sets and records; ``DELETE`` it (its
    records, pattern exposure and muscle recovery are rebuilt)."""

    @extend_schema(responses=WorkoutLogOutputSerializer)
    def get(self, request, workout_log_id: int):
        log = selectors.workout_log_get_for_user(
            user=request.user, workout_log_id=workout_log_id
        )
        return Response(
            WorkoutLogOutputSerializer(
                log, context={"unit": presenters.unit_for(request.user)}
            ).data
        )

    @extend_schema(responses={204: None})
    def delete(self, request, workout_log_id: int):
        log = selectors.workout_log_get_for_user(
            user=request.user, workout_log_id=workout_log_id
        )
        services.workout_log_delete(workout_log=log)
        return Response(status=status.HTTP_204_NO_CONTENT)


# ---------------------------------------------------------------------------
# Soreness, recovery
# ---------------------------------------------------------------------------
class SorenessLogCreateApi(APIView):
    """Report soreness per muscle or body part; each muscle's recovery becomes
    10 − soreness."""

    @extend_schema(
        request=SorenessLogCreateInputSerializer,
        responses={201: SorenessLogOutputSerializer(many=True)},
    )
    def post(self, request):
        serializer = SorenessLogCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rows = services.soreness_log_create(
            user=request.user,
            logged_at=serializer.validated_data.get("logged_at"),
            entries=[
                services.SorenessInput(
                    level=entry["level"],
                    muscle=entry.get("muscle"),
                    body_part=entry.get("body_part"),
                )
                for entry in serializer.validated_data["entries"]
            ],
        )
        body = SorenessLogOutputSerializer(rows, many=True).data
        return Response(body, status=status.HTTP_201_CREATED)


class RecoverySignalCreateApi(APIView):
    """Record sleep, stress, energy and nutrition."""

    @extend_schema(
        request=RecoverySignalCreateInputSerializer,
        responses={201: RecoverySignalOutputSerializer},
    )
    def post(self, request):
        serializer = RecoverySignalCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        signal = services.recovery_signal_create(
            user=request.user, **serializer.validated_data
        )
        body = RecoverySignalOutputSerializer(signal).data
        return Response(body, status=status.HTTP_201_CREATED)


class MuscleRecoveryListApi(APIView):
    """Every muscle's recovery now (0–10, 10 = fully recovered)."""

    @extend_schema(responses=MuscleRecoveryOutputSerializer(many=True))
    def get(self, request):
        readings = selectors.muscle_recovery_now(user=request.user, now=clock.now())
        return Response(
            {
                "decay_hours": float(settings.SORENESS_DECAY_HOURS),
                "muscles": MuscleRecoveryOutputSerializer(readings, many=True).data,
            }
        )


# ---------------------------------------------------------------------------
# Records and progress
# ---------------------------------------------------------------------------
class PersonalRecordListApi(APIView):
    """The athlete's standing personal records (``history=true``: all of them),
    optionally for one ``movement``; paginated."""

    @extend_schema(
        parameters=[PersonalRecordFilterInputSerializer],
        responses=PersonalRecordOutputSerializer(many=True),
    )
    def get(self, request):
        filters = PersonalRecordFilterInputSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        queryset = selectors.personal_record_list(
            user=request.user,
            movement_id=filters.validated_data.get("movement"),
            current_only=not filters.validated_data["history"],
        )
        return _paginated(
            self,
            request,
            queryset,
            PersonalRecordOutputSerializer,
            unit=presenters.unit_for(request.user),
        )


class E1RMTrendApi(APIView):
    """The e1RM of one ``movement`` over time (one point per workout: its top set),
    optionally between ``date_from`` and ``date_to``."""

    @extend_schema(
        parameters=[E1RMTrendInputSerializer], responses=E1RMTrendOutputSerializer
    )
    def get(self, request):
        filters = E1RMTrendInputSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        movement = Movement.objects.filter(
            pk=filters.validated_data["movement"]
        ).first()
        if movement is None:
            raise Http404("No such movement.")
        athlete = AthleteSettings.for_user(request.user)
        points = selectors.e1rm_trend(
            user=request.user,
            movement_id=movement.pk,
            date_from=filters.validated_data.get("date_from"),
            date_to=filters.validated_data.get("date_to"),
        )
        body = {
            "movement": movement,
            "unit": athlete.units,
            "formula": athlete.e1rm_formula,
            "points": points,
        }
        return Response(
            E1RMTrendOutputSerializer(body, context={"unit": athlete.units}).data
        )


class AdherenceApi(APIView):
    """Planned vs completed sessions for the last ``weeks`` weeks (default 12, up to
    this week) and streaks over the whole history (``training_logs.adherence``)."""

    @extend_schema(
        parameters=[WeeksInputSerializer], responses=AdherenceOutputSerializer
    )
    def get(self, request):
        params = WeeksInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        weeks = params.validated_data.get("weeks", ADHERENCE_WEEKS)
        today = clock.today()
        report = selectors.adherence_for_user(user=request.user, today=today)
        summary = report.summary
        window = [
            {
                "week_start": week.week_start,
                "planned": week.planned,
                "completed": week.completed,
                "missed": week.missed,
                "status": week.status,
                "unplanned_workouts": report.unplanned.get(week.week_start, {}).get(
                    "workouts", 0
                ),
                "unplanned_activities": report.unplanned.get(week.week_start, {}).get(
                    "activities", 0
                ),
                "sessions": week.sessions,
            }
            for week in adherence.week_window(
                summary.weeks,
                first_monday=adherence.week_start(today) - timedelta(weeks=weeks - 1),
                count=weeks,
            )
        ]
        body = {
            "today": today,
            "current_streak_weeks": summary.current_streak_weeks,
            "longest_streak_weeks": summary.longest_streak_weeks,
            "current_streak_sessions": summary.current_streak_sessions,
            "longest_streak_sessions": summary.longest_streak_sessions,
            "completed": summary.completed,
            "missed": summary.missed,
            "completion_rate": summary.completion_rate,
            "weeks": WeekAdherenceOutputSerializer(window, many=True).data,
        }
        return Response(AdherenceOutputSerializer(body).data)


class WeeklyVolumeApi(APIView):
    """Hard sets per muscle per week for the last ``weeks`` weeks (default 8),
    against RP MEV/MAV/MRV (``training_logs.landmarks``)."""

    @extend_schema(
        parameters=[WeeksInputSerializer],
        responses=WeekVolumeOutputSerializer(many=True),
    )
    def get(self, request):
        params = WeeksInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        weeks = selectors.weekly_muscle_volume(
            user=request.user,
            today=clock.today(),
            weeks=params.validated_data.get("weeks", VOLUME_WEEKS),
        )
        return Response(
            {
                "untracked_muscles": list(landmarks.UNTRACKED_MUSCLES),
                "weeks": WeekVolumeOutputSerializer(weeks, many=True).data,
            }
        )


# ---------------------------------------------------------------------------
# Activities
# ---------------------------------------------------------------------------
class ActivityLogCreateApi(APIView):
    """Log an activity (a run, a swim…), optionally for a planned session."""

    @extend_schema(
        request=ActivityLogCreateInputSerializer,
        responses={201: ActivityInstanceOutputSerializer},
    )
    def post(self, request):
        serializer = ActivityLogCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        activity = services.activity_log_create(
            user=request.user,
            definition_id=data["activity_definition_id"],
            name=data["activity_name"],
            performed_start=data.get("performed_start"),
            duration_seconds=data["duration_seconds"],
            distance_km=data.get("distance_km"),
            perceived_difficulty=data.get("perceived_difficulty"),
            enjoyment=data.get("enjoyment_rating"),
            notes=data["notes"],
            session_id=data.get("session_id"),
        )
        body = ActivityInstanceOutputSerializer(activity).data
        return Response(body, status=status.HTTP_201_CREATED)


class ActivityInstanceListApi(APIView):
    """The athlete's logged activities, newest first, paginated."""

    @extend_schema(responses=ActivityInstanceOutputSerializer(many=True))
    def get(self, request):
        queryset = selectors.activity_instance_list(user=request.user)
        return _paginated(self, request, queryset, ActivityInstanceOutputSerializer)


# ---------------------------------------------------------------------------
# Circuit scores
# ---------------------------------------------------------------------------
class CircuitScoreCollectionApi(APIView):
    """``GET`` the athlete's circuit scores (newest first, paginated; ``?circuit=``
    for one circuit), each marked ``is_best``; ``POST`` records one (201) and
    answers with it, ``is_best`` and the athlete's ``best`` on that circuit. 400
    with field errors when the score does not match how the circuit is scored."""

    @extend_schema(
        parameters=[CircuitScoreFilterInputSerializer],
        responses=CircuitScoreOutputSerializer(many=True),
    )
    def get(self, request):
        filters = CircuitScoreFilterInputSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        circuit_id = filters.validated_data.get("circuit")
        scores = selectors.circuit_score_list(user=request.user, circuit_id=circuit_id)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(scores, request, view=self)
        bests = selectors.circuit_bests(
            user=request.user, circuit_ids={s.circuit_id for s in page}
        )
        context = {
            "unit": presenters.unit_for(request.user),
            "bests": {cid: best.pk for cid, best in bests.items()},
        }
        data = CircuitScoreOutputSerializer(page, many=True, context=context).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        request=CircuitScoreCreateInputSerializer,
        responses={201: CircuitScoreCreatedOutputSerializer},
    )
    def post(self, request):
        serializer = CircuitScoreCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        unit = presenters.unit_for(request.user)
        score = services.circuit_score_create(
            user=request.user,
            circuit_id=data["circuit"],
            performed_on=data.get("performed_on"),
            rounds=data.get("rounds"),
            reps=data.get("reps"),
            time_seconds=data.get("time_seconds"),
            load_kg=presenters.to_kg(data.get("load"), unit),
        )
        best = selectors.circuit_bests(
            user=request.user, circuit_ids=[score.circuit_id]
        ).get(score.circuit_id)
        context = {
            "unit": unit,
            "bests": {score.circuit_id: best.pk if best else None},
            "best": best,
        }
        body = CircuitScoreCreatedOutputSerializer(score, context=context).data
        return Response(body, status=status.HTTP_201_CREATED)
