"""What the training-log services share: kg rounding, the "session completed"
signal on commit, and opening a planned session for logging (ownership through
``programs.selectors.session_get_for_user``, one "already logged" rule)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from programs.models import Session
from programs.selectors import session_get_for_user
from training_logs.models import ActivityInstance, WorkoutLog
from training_logs.selectors import session_log_status
from training_logs.signals import session_completed

KG_PLACES = Decimal("0.001")
LEVEL_PLACES = Decimal("0.01")


def kg(value: float | Decimal | None) -> Decimal | None:
    """``value`` (kg) as a Decimal rounded half-up to grams; ``None`` stays ``None``."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(KG_PLACES, rounding=ROUND_HALF_UP)


def session_log_save(log: WorkoutLog | ActivityInstance) -> None:
    """Save a workout log or an activity in a savepoint. A second log of the same
    planned session racing this one trips the table's unique constraint and
    becomes ``ValidationError({"session_id": [...]})`` (nothing written)."""
    try:
        with transaction.atomic():
            log.save()
    except IntegrityError as exc:  # two submissions of one session racing
        raise ValidationError(
            {"session_id": ["This session is already logged."]}
        ) from exc


def send_session_completed(log: WorkoutLog | ActivityInstance) -> None:
    """When ``log`` is for a planned session, send ``session_completed``
    (``sender`` its model; ``user_id``, ``session_id``, ``log_id``) once the
    current transaction commits."""
    if log.session_id is None:
        return
    transaction.on_commit(
        lambda: session_completed.send(
            sender=type(log),
            user_id=log.user_id,
            session_id=log.session_id,
            log_id=log.pk,
        ),
        robust=True,
    )


def session_open_for_logging(*, user, session_id: int, logged_message: str) -> Session:
    """``user``'s planned session ``session_id``, not yet logged.

    Raises ``Http404`` for a session that is not ``user``'s and
    ``ValidationError({"session_id": [logged_message]})`` when a workout or an
    activity already logged it (``selectors.session_log_status``).
    """
    session = session_get_for_user(user=user, session_id=session_id)
    if session_log_status(session=session).is_logged:
        raise ValidationError({"session_id": [logged_message]})
    return session
