"""``GET /health``: is the database reachable, and is the task queue moving?"""

from __future__ import annotations

import time

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """200 ``{"status": "ok", "database": {...}, "queue": {...}}`` when the database
    answers; 503 with ``"status": "degraded"`` otherwise. The queue part reports the
    broker, the number of queued tasks and whether a cluster has checked in."""
    started = time.perf_counter()
    body: dict = {"status": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        body["database"] = {
            "status": "ok",
            "vendor": connection.vendor,
            "ms": round((time.perf_counter() - started) * 1000, 2),
        }
    except Exception as exc:  # the point is to report, not to crash
        body["status"] = "degraded"
        body["database"] = {"status": "error", "error": str(exc)[:200]}
    body["queue"] = _queue_status()
    if body["queue"].get("status") == "error":
        body["status"] = "degraded"
    return JsonResponse(body, status=200 if body["status"] == "ok" else 503)


def _queue_status() -> dict:
    from django_q.brokers import get_broker
    from django_q.conf import Conf
    from django_q.status import Stat

    try:
        broker = get_broker()
        queued = broker.queue_size()
        clusters = Stat.get_all(broker=broker)
        return {
            "status": "ok",
            "broker": "redis" if Conf.REDIS and not Conf.ORM else "orm",
            "queued": queued,
            "clusters": len(clusters),
            "sync": bool(Conf.SYNC),
        }
    except Exception as exc:
        return {"status": "error", "error": str(exc)[:200]}
