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

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse


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
