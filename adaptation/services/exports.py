"""The athlete's daily check-ins in Alloy's JSON export and its restore.

``training_logs`` writes the export but may not import this app (layers: coach ←
movements ← programs ← training_logs ← adaptation), so the check-ins travel as a
registered section (``training_logs.portability.sections``), registered by
``AdaptationConfig.ready()`` under the key :data:`SECTION`.

Each row is a check-in as stored: ``date`` (ISO), ``soreness`` ``{muscle slug:
1–10}``, ``minutes_available``, ``equipment`` (values or ``None``), ``notes``,
``readiness_score`` (0–100) and ``readiness`` (the engine's breakdown at the
time; kept so the deload trigger reads the same history), and
``recovery_signal``: the ``logged_at`` (ISO 8601 with offset) of the recovery
signal it points at, which the built-in ``recovery_signals`` section restores
first. Session adaptations (proposals for planned sessions) are not exported:
they are the engine's output for a day, not the athlete's data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.db import transaction

from adaptation.models import DailyCheckIn
from adaptation.services.checkins import CheckInInput, checkin_errors
from training_logs.models import RecoverySignal

#: The check-ins' key in the JSON export.
SECTION = "daily_checkins"


def checkins_export(*, user) -> Iterator[dict]:
    """``user``'s check-ins, oldest first, as JSON-ready rows (see the module
    docstring). One query (with their signals) however many check-ins."""
    rows = (
        DailyCheckIn.objects.for_user(user)
        .select_related("recovery_signal")
        .order_by("date", "created_at", "id")
    )
    for checkin in rows.iterator(chunk_size=500):
        signal = checkin.recovery_signal
        yield {
            "date": checkin.date.isoformat(),
            "soreness": checkin.soreness,
            "recovery_signal": signal.logged_at.isoformat() if signal else None,
            "minutes_available": checkin.minutes_available,
            "equipment": checkin.equipment,
            "notes": checkin.notes,
            "readiness_score": checkin.readiness_score,
            "readiness": checkin.readiness,
        }


def checkins_exist(*, user) -> bool:
    """Whether ``user`` has any check-in (a restore goes into an empty account)."""
    return DailyCheckIn.objects.for_user(user).exists()


def _row_checkin(user, row, signals: dict[dt.datetime, RecoverySignal]):
    if not isinstance(row, dict):
        raise ValueError("not an object")
    data = CheckInInput(
        soreness=row.get("soreness") or {},
        minutes_available=row.get("minutes_available"),
        equipment=row.get("equipment"),
        notes=row.get("notes") or "",
    )
    errors = checkin_errors(data)
    if errors:
        raise ValueError("; ".join(m for messages in errors.values() for m in messages))
    signal = None
    if row.get("recovery_signal"):
        signal = signals.get(dt.datetime.fromisoformat(row["recovery_signal"]))
        if signal is None:
            raise ValueError("its recovery signal is not in the export")
    checkin = DailyCheckIn(
        user=user,
        date=dt.date.fromisoformat(row["date"]),
        soreness=data.soreness,
        recovery_signal=signal,
        minutes_available=data.minutes_available,
        equipment=data.equipment,
        notes=data.notes,
        readiness_score=row.get("readiness_score"),
        readiness=row.get("readiness") or {},
    )
    checkin.full_clean(exclude=["user", "recovery_signal"], validate_constraints=False)
    return checkin


@transaction.atomic
def checkins_restore(*, user, rows: list[dict]) -> None:
    """Write exported check-in ``rows`` into ``user``'s account (run by the
    JSON restore, inside its transaction, after the recovery signals).

    Raises ``ValidationError({"file": ["Check-in N: …"]})`` for a row that is
    not a check-in (bad date, soreness, minutes, equipment, readiness score,
    or a recovery signal the export does not hold); the restore then writes
    nothing at all. Soreness is not logged again: the export's ``soreness``
    section already holds those logs.
    """
    signals = {s.logged_at: s for s in RecoverySignal.objects.filter(user=user)}
    checkins = []
    for number, row in enumerate(rows, start=1):
        try:
            checkins.append(_row_checkin(user, row, signals))
        except KeyError as exc:
            raise ValidationError(
                {"file": [f"Check-in {number}: no {exc.args[0]}."]}
            ) from None
        except (TypeError, ValueError, ValidationError) as exc:
            reason = (
                "; ".join(exc.messages) if isinstance(exc, ValidationError) else exc
            )
            raise ValidationError(
                {"file": [f"Check-in {number}: {str(reason).rstrip('.')}."]}
            ) from None
    DailyCheckIn.objects.bulk_create(checkins)
