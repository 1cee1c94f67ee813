"""Domain errors and the API's translation of them into HTTP answers.

Services raise Django's ``ValidationError`` (bad input; the message dict names the
fields) or :class:`ApplicationError` (a rule of the domain refused the action).
Both become a 400 with field errors from the API, never a 500; so does a number
too large for the database (``OverflowError``/``DataError``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, transaction
from rest_framework import exceptions as drf_exceptions
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler

from coach.middleware import in_request_transaction


class ApplicationError(Exception):
    """A domain rule refused the action. ``extra`` is returned to API clients."""

    def __init__(self, message: str, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra or {}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF exception handler: Django ``ValidationError`` and ``ApplicationError``
    become 400 responses shaped like serializer errors (``{field: [messages]}``).

    Every error it answers rolls back what the request wrote, when the request
    runs in the transaction ``coach.middleware.UnsafeRequestTransactionMiddleware``
    opened for it. DRF's own ``set_rollback`` acts only under ``ATOMIC_REQUESTS``,
    which is off; a view outside the request transaction (``non_atomic_requests``:
    the auth views) or a GET has no transaction of its own, so nothing is marked
    (an atomic block around it is its caller's, a test's)."""
    response = _handle(exc, context)
    request = context.get("request")
    if response is not None and request is not None and in_request_transaction(request):
        transaction.set_rollback(True)
    return response


def _handle(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = drf_exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, (OverflowError, DataError)):
        # A number no column can hold (an id of 2**63 in a body or a query
        # string: SQLite raises OverflowError, PostgreSQL "out of range") is the
        # client's mistake. The request's transaction is rolled back.
        return Response(
            {
                "detail": "A number in the request is out of range.",
                "code": "out_of_range",
            },
            status=400,
        )
    if isinstance(exc, ApplicationError):
        # Refused: whatever the request wrote before the rule said no is undone
        # (api_exception_handler rolls the request's transaction back).
        return Response({"detail": exc.message, **exc.extra}, status=400)
    return exception_handler(exc, context)
