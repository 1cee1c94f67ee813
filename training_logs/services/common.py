"""What the training-log services share: kg rounding, the "session completed"
signal on commit, and opening a planned session for logging (ownership through
``programs.selectors.session_get_for_user``, one "already logged" rule)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from programs.models import Session
from programs.selectors import session_get_for_user
from training_logs.selectors import session_log_status
from training_logs.signals import session_completed

KG_PLACES = Decimal("0.001")
LEVEL_PLACES = Decimal("0.01")


def kg(value: float | Decimal | None) -> Decimal | None:
    """``value`` (kg) as a Decimal rounded half-up to grams; ``None`` stays ``None``."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(KG_PLACES, rounding=ROUND_HALF_UP)


def send_session_completed(
    *, sender, user_id: int, session_id: int, log_id: int
) -> None:
    """Send ``session_completed`` once the current transaction commits."""
    transaction.on_commit(
        lambda: session_completed.send(
            sender=sender, user_id=user_id, session_id=session_id, log_id=log_id
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
