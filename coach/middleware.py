"""Request middleware: the body-size guard, the 503 for a database that is down,
and the transaction around each unsafe request.

Request-size guard: refuse an oversized body before anything reads it.

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

from asgiref.sync import iscoroutinefunction
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve

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
    clear body (:func:`database_unavailable_response`), never a 500. An unsafe
    request's transaction (:class:`UnsafeRequestTransactionMiddleware`) is rolled
    back on that 503, so nothing is half-written. Errors raised outside a view reach ``coach.views.server_error``,
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


# ---------------------------------------------------------------------------
# One transaction per unsafe request
# ---------------------------------------------------------------------------
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Set on the request while its transaction is open; coach.exceptions reads it.
REQUEST_ATOMIC_ATTR = "_alloy_request_atomic"


def in_request_transaction(request: object) -> bool:
    """Is ``request`` (Django's or DRF's) running inside the transaction
    :class:`UnsafeRequestTransactionMiddleware` opened for it?"""
    return bool(getattr(request, REQUEST_ATOMIC_ATTR, False))


class UnsafeRequestTransactionMiddleware:
    """``ATOMIC_REQUESTS`` for the methods that write, autocommit for the rest.

    A POST, PUT, PATCH or DELETE runs in one ``transaction.atomic()`` on the
    default database, rolled back when the answer is a 5xx (an exception the
    handler turned into a 500, or the 503 of a database that went away) or when
    the API's exception handler marks it (a refused rule, a DRF-handled error:
    ``coach.exceptions``). A GET, HEAD or OPTIONS runs in autocommit: on SQLite,
    whose transactions are ``IMMEDIATE``, a request transaction takes the write
    lock at its first query, so with ``ATOMIC_REQUESTS`` every page view held
    the lock for its whole duration and reads queued behind each other and
    behind the worker. A GET that writes does so through a service that opens
    its own short transaction.

    A view marked ``transaction.non_atomic_requests`` (the auth views, /health,
    the event streams) stays outside, as with ``ATOMIC_REQUESTS``. Listed last
    in ``MIDDLEWARE``, the transaction holds the view and the rendering of its
    response, not the session or CSRF bookkeeping around it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in UNSAFE_METHODS or not self._view_is_atomic(request):
            return self.get_response(request)
        from django.db import InterfaceError, OperationalError

        try:
            with transaction.atomic(using=DEFAULT_DB_ALIAS):
                setattr(request, REQUEST_ATOMIC_ATTR, True)
                try:
                    response = self.get_response(request)
                finally:
                    setattr(request, REQUEST_ATOMIC_ATTR, False)
                if response.status_code >= 500:
                    transaction.set_rollback(True, using=DEFAULT_DB_ALIAS)
        except (OperationalError, InterfaceError) as exc:
            # BEGIN or COMMIT itself failed: the database went away around the
            # view. Whatever the view wrote is not committed.
            logger.error(
                "Database unavailable for %s %s: %s", request.method, request.path, exc
            )
            return database_unavailable_response(request)
        return response

    @staticmethod
    def _view_is_atomic(request: HttpRequest) -> bool:
        urlconf = getattr(request, "urlconf", None)
        try:
            match = resolve(request.path_info, urlconf)
        except Resolver404:
            return False
        if DEFAULT_DB_ALIAS in getattr(match.func, "_non_atomic_requests", ()):
            return False
        if iscoroutinefunction(match.func):
            # As Django refuses ATOMIC_REQUESTS on an async view: its queries
            # run in another thread, outside this block. Mark it non-atomic and
            # give it a short transaction of its own (adaptation/api/streams.py).
            raise RuntimeError(
                f"{request.path}: an async view must be marked "
                "transaction.non_atomic_requests"
            )
        return True
