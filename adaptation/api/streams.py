"""The streaming endpoints (``text/event-stream``; events in ``adaptation.streams``).

These are async Django views, not DRF ``APIView``s (DRF has no async views), so
they do by hand what DRF does for the others: authenticate with the same
classes (JWT bearer token, or the browser session with its CSRF check), throttle
with the ``expensive`` scope (429 with ``Retry-After``), parse JSON, answer bad input with a 400 and field errors, another athlete's thread
with a 404. Everything that touches the database before the first byte runs in
one ``sync_to_async`` call inside one short transaction (the request
transaction of ``coach.middleware`` cannot wrap an async view, hence
``non_atomic_requests``);
then the response streams while the model talks, holding no thread and no
transaction.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

from asgiref.sync import sync_to_async
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import APIException
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication

from adaptation import selectors, services, voice
from adaptation.api.serializers import (
    AdaptationOutputSerializer,
    DayAdaptInputSerializer,
)
from adaptation.api.views import parse_day
from adaptation.streams import PreparedAnswer, answer_events, event_stream_response
from coach import llm
from coach.exceptions import ApplicationError
from coach.throttling import AlloyScopedThrottle


def _drf_request(request: HttpRequest) -> Request | JsonResponse:
    """The request authenticated like every API view (JWT, then the session with
    CSRF enforced), or the 401/403 response."""
    drf = Request(
        request,
        authenticators=[JWTAuthentication(), SessionAuthentication()],
        parsers=[JSONParser()],
    )
    try:
        user = drf.user
    except APIException as exc:
        return JsonResponse({"detail": str(exc.detail)}, status=exc.status_code)
    if not user or not user.is_authenticated:
        return JsonResponse(
            {"detail": "Authentication credentials were not provided."}, status=401
        )
    # Each stream runs the engine and may hold the model: the "expensive" rate
    # per athlete, as for POST /adapt/.
    throttle = AlloyScopedThrottle()
    if not throttle.allow_request(drf, SimpleNamespace(throttle_scope="expensive")):
        wait = throttle.wait()
        response = JsonResponse({"detail": "Request was throttled."}, status=429)
        if wait is not None:
            response["Retry-After"] = str(max(1, math.ceil(wait)))
        return response
    return drf


def _data(drf: Request) -> dict | JsonResponse:
    try:
        data = drf.data
    except APIException as exc:
        return JsonResponse({"detail": str(exc.detail)}, status=exc.status_code)
    if not isinstance(data, dict):
        return JsonResponse({"detail": "Send a JSON object."}, status=400)
    return data


def _loads(user, day) -> set[float]:
    """The day's load targets (kg and the athlete's unit) the model may repeat."""
    try:
        plan = services.day_plan(user=user, day=day)
    except (Http404, ValidationError):
        return set()
    loads: set[float] = set()
    for exercise in plan.exercises:
        for target in exercise.load_targets:
            for value in (target.load, target.load_kg):
                if value is not None:
                    loads.add(round(float(value), 1))
    return loads


def _prepare_adapt(request: HttpRequest, day: str) -> PreparedAnswer | HttpResponse:
    drf = _drf_request(request)
    if isinstance(drf, HttpResponse):
        return drf
    data = _data(drf)
    if isinstance(data, HttpResponse):
        return data
    try:
        target = parse_day(day)
    except ValidationError as exc:
        return JsonResponse(exc.message_dict, status=400)
    serializer = DayAdaptInputSerializer(data=data)
    if not serializer.is_valid():
        return JsonResponse(serializer.errors, status=400)
    values = dict(serializer.validated_data)
    readapt = values.pop("readapt", False)
    user = drf.user
    try:
        with transaction.atomic():
            adaptation = services.session_adapt(
                user=user,
                day=target,
                data=services.CheckInInput(**values),
                readapt=readapt,
            )
            thread = services.thread_open(user=user, adaptation=adaptation)
    except selectors.NoActiveProgram as exc:
        return JsonResponse(
            {"detail": str(exc), "code": "no_active_program"}, status=404
        )
    except ValidationError as exc:
        return JsonResponse(exc.message_dict, status=400)
    except ApplicationError as exc:
        return JsonResponse({"detail": exc.message, **exc.extra}, status=400)
    context = services.thread_context(adaptation=adaptation)
    return PreparedAnswer(
        thread_id=thread.pk,
        messages=voice.build_messages(context),
        fallback_text=voice.deterministic_explanation(context),
        context=context,
        head=[
            (
                "readiness",
                {"score": adaptation.readiness_score, **(adaptation.readiness or {})},
            ),
            (
                "adaptation",
                {
                    **AdaptationOutputSerializer(adaptation).data,
                    "thread_id": thread.pk,
                },
            ),
        ],
        loads=_loads(user, target),
    )


def _prepare_message(
    request: HttpRequest, day: str, thread_id: int
) -> PreparedAnswer | HttpResponse:
    drf = _drf_request(request)
    if isinstance(drf, HttpResponse):
        return drf
    data = _data(drf)
    if isinstance(data, HttpResponse):
        return data
    try:
        target = parse_day(day)
    except ValidationError as exc:
        return JsonResponse(exc.message_dict, status=400)
    user = drf.user
    try:
        thread = selectors.thread_get_for_user(
            user=user, thread_id=thread_id, day=target
        )
    except Http404:
        return JsonResponse({"detail": "No such conversation."}, status=404)
    history = [(turn.role, turn.content) for turn in thread.turns.all()]
    content = data.get("content")
    try:
        turn = services.thread_message_create(thread=thread, content=content)
    except ValidationError as exc:
        return JsonResponse(exc.message_dict, status=400)
    except ApplicationError as exc:
        return JsonResponse({"detail": exc.message, **exc.extra}, status=400)
    context = services.thread_context(adaptation=thread.adaptation)
    return PreparedAnswer(
        thread_id=thread.pk,
        messages=voice.build_messages(context, history=history, question=turn.content),
        fallback_text=voice.deterministic_answer(context),
        context=context,
        loads=_loads(user, target),
    )


def _method_not_allowed() -> JsonResponse:
    response = JsonResponse({"detail": "Method not allowed: use POST."}, status=405)
    response["Allow"] = "POST"
    return response


@csrf_exempt  # the session path is CSRF-checked by SessionAuthentication
@transaction.non_atomic_requests
async def day_adapt_stream(request: HttpRequest, day: str) -> HttpResponse:
    """``POST /api/v1/days/{date}/adapt/stream``: check in, adapt (as ``POST
    /days/{date}/adapt``), open a thread and stream the coach's explanation."""
    if request.method != "POST":
        return _method_not_allowed()
    prepared = await sync_to_async(_prepare_adapt)(request, day)
    if isinstance(prepared, HttpResponse):
        return prepared
    return event_stream_response(answer_events(prepared, llm.get_provider()))


@csrf_exempt  # the session path is CSRF-checked by SessionAuthentication
@transaction.non_atomic_requests
async def thread_message_stream(
    request: HttpRequest, day: str, thread_id: int
) -> HttpResponse:
    """``POST /api/v1/days/{date}/threads/{id}/messages {content}``: the
    athlete's question (1–1000 characters) and the coach's streamed answer."""
    if request.method != "POST":
        return _method_not_allowed()
    prepared = await sync_to_async(_prepare_message)(request, day, thread_id)
    if isinstance(prepared, HttpResponse):
        return prepared
    return event_stream_response(answer_events(prepared, llm.get_provider()))
