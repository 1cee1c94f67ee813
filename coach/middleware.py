"""Request-size guard: refuse an oversized body before anything reads it.

Django enforces ``DATA_UPLOAD_MAX_MEMORY_SIZE`` only when ``request.body`` or
``request.POST`` is read; DRF's parsers read the raw stream and would parse a
10 MB JSON body in full. This middleware answers **413** from the declared
``Content-Length`` instead: JSON (``{"detail": …, "max_bytes": …}``) under
``/api/``, a short text page elsewhere. File uploads (``multipart/form-data``) get
the larger ``ALLOY_MAX_UPLOAD_BYTES`` (a CSV import), and Django streams them to
temporary files past ``FILE_UPLOAD_MAX_MEMORY_SIZE``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)


class RequestSizeLimitMiddleware:
    """413 for a request whose ``Content-Length`` exceeds the limit (bytes)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        content_type = request.META.get("CONTENT_TYPE", "")
        limit = (
            settings.ALLOY_MAX_UPLOAD_BYTES
            if content_type.startswith("multipart/form-data")
            else settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        )
        if limit is not None and length > limit:
            message = f"Request body too large: {length} bytes (at most {limit})."
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message, "max_bytes": limit}, status=413)
            return HttpResponse(message, status=413, content_type="text/plain")
        return self.get_response(request)


# ---------------------------------------------------------------------------
# Database briefly unavailable
# ---------------------------------------------------------------------------
DATABASE_UNAVAILABLE_RETRY_SECONDS = 5

_UNAVAILABLE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Alloy: back in a moment</title>
</head><body><h1>Back in a moment</h1>
<p>Alloy cannot reach its database right now. Nothing was saved; please try again
in a few seconds.</p></body></html>
"""


def database_unavailable_response(request: HttpRequest) -> HttpResponse:
    """503 with ``Retry-After`` (seconds): JSON under ``/api/``
    (``{"detail", "code": "database_unavailable", "retry_after"}``), else a plain
    page that needs no template, context processor or database to render."""
    retry = DATABASE_UNAVAILABLE_RETRY_SECONDS
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse(
            {
                "detail": (
                    "The database is unavailable for a moment; nothing was saved. "
                    "Try again shortly."
                ),
                "code": "database_unavailable",
                "retry_after": retry,
            },
            status=503,
        )
    else:
        response = HttpResponse(_UNAVAILABLE_PAGE, status=503)
    response["Retry-After"] = str(retry)
    return response


def is_database_unavailable(exc: BaseException | None) -> bool:
    """Is ``exc`` the database failing to answer (connection refused or lost,
    server restarting, SQLite locked past its busy timeout)?"""
    from django.db import InterfaceError, OperationalError

    return isinstance(exc, (OperationalError, InterfaceError))


class DatabaseUnavailableMiddleware:
    """A request that fails because the database is down gets a **503** with a
    clear body (:func:`database_unavailable_response`), never a 500. With
    ``ATOMIC_REQUESTS`` the request's transaction is rolled back, so nothing is
    half-written. Errors raised outside a view reach ``coach.views.server_error``,
    which answers the same way."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not is_database_unavailable(exception):
            return None
        logger.error(
            "Database unavailable for %s %s: %s",
            request.method,
            request.path,
            exception,
        )
        return database_unavailable_response(request)
