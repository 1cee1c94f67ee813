"""Reads for imports: the ownership choke point and the Settings list."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from training_logs.models import ImportJob


def import_job_get_for_user(*, user, job_id: int) -> ImportJob:
    """The import ``job_id`` if ``user`` started it; ``Http404`` when it does not
    exist *or* is someone else's (existence never leaks)."""
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such import.")
    try:
        return ImportJob.objects.for_user(user).get(pk=job_id)
    except (ImportJob.DoesNotExist, ValueError, TypeError):
        raise Http404("No such import.") from None


def import_job_list(*, user) -> QuerySet[ImportJob]:
    """The athlete's imports, newest first, without the files' text."""
    return (
        ImportJob.objects.for_user(user).defer("content").order_by("-created_at", "-id")
    )
