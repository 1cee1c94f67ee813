"""``GET /health``: is the database reachable, and is the task queue moving?
``GET /health/llm``: is the optional language model answering?"""

from __future__ import annotations

import time

from asgiref.sync import async_to_sync
from django.db import connection, transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from coach import llm


@require_GET
@never_cache
# Outside the request transaction: opening it is itself a query,
# and a database that is down must be reported in the body, not raise before it.
@transaction.non_atomic_requests
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
    # The model is optional: "disabled" or "unhealthy" is reported, never degrading
    # Alloy, which explains everything without it.
    body["llm"] = async_to_sync(llm.health)().as_dict()
    return JsonResponse(body, status=200 if body["status"] == "ok" else 503)


@require_GET
@never_cache
@transaction.non_atomic_requests
async def health_llm(request: HttpRequest) -> JsonResponse:
    """``{"status": "healthy" | "unhealthy" | "disabled", "provider", "model",
    "latency_ms", "error"?}`` from a cheap probe of the model server (``GET
    {LLM_BASE_URL}/models``, ``LLM_PROBE_TIMEOUT`` seconds), cached for
    ``LLM_HEALTH_CACHE_SECONDS``. Always 200: no model is a supported state."""
    return JsonResponse((await llm.health()).as_dict())


def _oldest_queued_task(broker) -> dict | None:
    """The oldest task still waiting: ``{"name", "age_seconds"}``, or ``None``.

    Both brokers keep the signed task package, whose ``started`` is the enqueue
    time (django-q2 ``async_task``); the ORM broker's queue is its ``OrmQ`` table in
    id order, Redis's a list read from the left (``blpop``)."""
    from django.utils import timezone
    from django_q.conf import Conf
    from django_q.models import OrmQ
    from django_q.signing import SignedPackage

    if Conf.ORM:
        # Waiting rows only, as ``queue_size`` counts them: a row whose lock is
        # in the future has been handed to a cluster and is running.
        row = (
            OrmQ.objects.using(Conf.ORM)
            .filter(key=broker.list_key, lock__lte=timezone.now())
            .order_by("id")
            .first()
        )
        payload = row.payload if row else None
    else:
        head = broker.connection.lrange(broker.list_key, 0, 0)
        payload = head[0] if head else None
    if payload is None:
        return None
    try:
        task = SignedPackage.loads(payload)
    except Exception:  # a package signed with another key: still a queued task
        return {"name": None, "age_seconds": None}
    started = task.get("started")
    age = (timezone.now() - started).total_seconds() if started else None
    return {
        "name": task.get("name"),
        "age_seconds": round(age, 1) if age is not None else None,
    }


def _queue_status() -> dict:
    """The queue as an operator needs it: broker, queued and failed task counts,
    the oldest queued task's age (seconds) and how many clusters have checked in.

    Clusters report through the default cache (django-q2 ``Stat``), which is why
    that cache is shared by default (the database cache; Redis via CACHE_URL): a
    per-process cache would always say 0."""
    from django_q.brokers import get_broker
    from django_q.conf import Conf
    from django_q.models import Failure
    from django_q.status import Stat

    try:
        broker = get_broker()
        clusters = Stat.get_all(broker=broker)
        return {
            "status": "ok",
            "broker": "redis" if Conf.REDIS and not Conf.ORM else "orm",
            "queued": broker.queue_size(),
            "failed": Failure.objects.count(),
            "oldest_queued": _oldest_queued_task(broker),
            "clusters": len(clusters),
            "workers": sum(len(stat.workers) for stat in clusters),
            "sync": bool(Conf.SYNC),
        }
    except Exception as exc:
        return {"status": "error", "error": str(exc)[:200]}
