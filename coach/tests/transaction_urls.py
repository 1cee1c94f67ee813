"""A URL conf for coach/tests/test_request_transactions.py: views that write a
user and then fail in each way a request can fail, and one that reports whether
it runs in a transaction; then the site's own routes (the 500 page reverses
them). Only that test module routes to it."""

from __future__ import annotations

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from coach.exceptions import ApplicationError
from coach.models import User


def _write(request) -> None:
    User.objects.create_user(email=request.GET["email"], password=None)


class Refused(APIView):
    """Writes, then a domain rule refuses (ApplicationError → 400)."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    def post(self, request):
        _write(request)
        raise ApplicationError("No.")


class Invalid(APIView):
    """Writes, then DRF's own validation refuses (400)."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    def post(self, request):
        _write(request)
        raise serializers.ValidationError({"field": ["Bad."]})


class Written(APIView):
    """Writes and answers 201: the write is kept."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    def post(self, request):
        _write(request)
        return Response(status=201)


def crash(request: HttpRequest) -> HttpResponse:
    """A browser view that writes, then breaks (500)."""
    _write(request)
    raise RuntimeError("a bug half-way")


def unavailable(request: HttpRequest) -> HttpResponse:
    """A browser view that writes, then loses the database (503)."""
    from django.db import OperationalError

    _write(request)
    raise OperationalError("terminating connection due to administrator command")


def in_transaction(request: HttpRequest) -> JsonResponse:
    """Whether the view runs inside an atomic block, for any method."""
    return JsonResponse({"atomic": connection.in_atomic_block})


@transaction.non_atomic_requests
def outside(request: HttpRequest) -> JsonResponse:
    """Marked non-atomic: never wrapped, whatever the method."""
    return JsonResponse({"atomic": connection.in_atomic_block})


async def unmarked_async(request: HttpRequest) -> JsonResponse:
    """An async view left unmarked: its queries would run outside the block."""
    return JsonResponse({})


urlpatterns = [
    path("api/refused", Refused.as_view()),
    path("api/invalid", Invalid.as_view()),
    path("api/written", Written.as_view()),
    path("crash", crash),
    path("unavailable", unavailable),
    path("atomic", in_transaction),
    path("outside", outside),
    path("async", unmarked_async),
    # The rest of the site, for the templates (the 500 page) that reverse it.
    path("", include("coach.urls")),
]
