"""Activities (a run, a ride…), logged by hand or for a planned session."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from movements.models import ActivityDefinition
from training_logs import clock
from training_logs.models import ActivityInstance, ActivitySource
from training_logs.services.common import (
    send_session_completed,
    session_log_save,
    session_open_for_logging,
)


@transaction.atomic
def activity_log_create(
    *,
    user,
    definition_id: int,
    duration_seconds: int,
    performed_start: datetime | None = None,
    name: str = "",
    distance_km: Decimal | None = None,
    perceived_difficulty: int | None = None,
    enjoyment: int | None = None,
    notes: str = "",
    session_id: int | None = None,
) -> ActivityInstance:
    """Log an activity (seeds 002 ``POST /activities/log``): source MANUAL, or
    SCHEDULED when it is for the planned session ``session_id``, which it then
    completes (``session_completed`` on commit, the first time).

    Raises ``Http404`` for a session that is not ``user``'s and ``ValidationError``
    for an unknown definition, a bound broken, a future start or a session that is
    already logged.
    """
    performed_start = clock.given_or_now(performed_start)
    clock.check_not_future(performed_start, "performed_start")
    definition = ActivityDefinition.objects.filter(pk=definition_id).first()
    if definition is None:
        raise ValidationError(
            {"activity_definition_id": [f"Activity {definition_id} does not exist."]}
        )
    session = None
    if session_id is not None:
        session = session_open_for_logging(
            user=user,
            session_id=session_id,
            logged_message="This session is already logged.",
        )
    activity = ActivityInstance(
        user=user,
        definition=definition,
        session=session,
        name=name.strip() or definition.name,
        performed_start=performed_start,
        duration_seconds=duration_seconds,
        distance_km=distance_km,
        perceived_difficulty=perceived_difficulty,
        enjoyment=enjoyment,
        notes=notes,
        source=ActivitySource.SCHEDULED if session else ActivitySource.MANUAL,
    )
    activity.full_clean(
        exclude=["user", "definition", "session"],
        validate_unique=False,
        validate_constraints=False,
    )
    session_log_save(activity)
    send_session_completed(activity)
    return activity
