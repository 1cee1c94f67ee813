"""Check-in: what the athlete says on a day, written through training_logs.

One code path per fact (issue 9 §2): soreness goes through
``training_logs.services.soreness_log_create`` (the service behind
``POST /logs/soreness/``, so muscle recovery becomes 10 − soreness exactly as
there) and sleep/stress/energy/nutrition through
``training_logs.services.recovery_signal_create`` (the readiness inputs' one
store). The check-in row keeps the soreness map, the minutes and equipment for
the day, and points at the recovery signal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from adaptation.engine.types import Readiness
from adaptation.models import (
    MINUTES_MAX,
    MINUTES_MIN,
    SORENESS_MAX,
    SORENESS_MIN,
    DailyCheckIn,
)
from adaptation.specs.readiness import readiness_json
from movements.models import Equipment, Muscle
from training_logs.services import (
    SorenessInput,
    recovery_signal_create,
    soreness_log_create,
)


@dataclass(frozen=True, slots=True)
class CheckInInput:
    """A check-in, already parsed (by the API serializer or the form).

    ``soreness`` ``{muscle slug: 1–10}`` (muscles not named are not sore);
    ``sleep_hours`` 0–24; ``sleep_quality``, ``stress``, ``energy``,
    ``nutrition`` 1–5 (stress 5 = most stressed); ``minutes_available``
    ``MINUTES_MIN``–``MINUTES_MAX`` or ``None`` (the planned length);
    ``equipment`` equipment values or ``None`` (the program's).
    """

    soreness: dict[str, int] = field(default_factory=dict)
    sleep_hours: Decimal | None = None
    sleep_quality: int | None = None
    stress: int | None = None
    energy: int | None = None
    nutrition: int | None = None
    minutes_available: int | None = None
    equipment: list[str] | None = None
    notes: str = ""

    @property
    def has_signal(self) -> bool:
        return any(
            v is not None
            for v in (
                self.sleep_hours,
                self.sleep_quality,
                self.stress,
                self.energy,
                self.nutrition,
            )
        )


def checkin_errors(data: CheckInInput) -> dict[str, list[str]]:
    """Every problem with ``data`` by field (empty when it is valid). One query
    (the muscle slugs) when soreness is given."""
    errors: dict[str, list[str]] = {}
    if data.soreness:
        known = set(Muscle.objects.values_list("slug", flat=True))
        problems = []
        for slug, level in data.soreness.items():
            if slug not in known:
                problems.append(f"“{slug}” is not a muscle Alloy knows.")
            elif (
                isinstance(level, bool)
                or not isinstance(level, int)
                or not SORENESS_MIN <= level <= SORENESS_MAX
            ):
                problems.append(
                    f"{slug}: soreness must be a whole number "
                    f"{SORENESS_MIN}–{SORENESS_MAX}."
                )
        if problems:
            errors["soreness"] = problems
    if data.minutes_available is not None and not (
        MINUTES_MIN <= data.minutes_available <= MINUTES_MAX
    ):
        errors["minutes_available"] = [
            f"Minutes available must be {MINUTES_MIN}–{MINUTES_MAX}."
        ]
    if data.equipment is not None:
        unknown = sorted(set(data.equipment) - set(Equipment.values))
        if unknown:
            errors["equipment"] = [f"Unknown equipment: {', '.join(unknown)}."]
    if data.sleep_hours is not None and not 0 <= data.sleep_hours <= 24:
        errors["sleep_hours"] = ["Sleep hours must be 0–24."]
    for name in ("sleep_quality", "stress", "energy", "nutrition"):
        value = getattr(data, name)
        if value is not None and not 1 <= value <= 5:
            errors[name] = ["Must be 1–5."]
    return errors


@transaction.atomic
def checkin_create(
    *,
    user,
    day: date,
    data: CheckInInput,
    now: datetime | None = None,
    readiness: Readiness | None = None,
) -> DailyCheckIn:
    """Record the athlete's check-in for ``day``.

    Soreness is logged through ``soreness_log_create`` and the readiness inputs
    through ``recovery_signal_create`` (both at ``now``), then the check-in row
    is written — with ``readiness`` (score 0–100 and its parts) when the caller
    computed it, in the same INSERT — all in one transaction. Raises ``ValidationError`` with field
    errors (soreness outside 1–10, an unknown muscle, minutes outside
    ``MINUTES_MIN``–``MINUTES_MAX``, unknown equipment) before writing anything.
    """
    errors = checkin_errors(data)
    if errors:
        raise ValidationError(errors)
    now = now or timezone.now()
    if data.soreness:
        soreness_log_create(
            user=user,
            logged_at=now,
            entries=[
                SorenessInput(level=level, muscle=slug)
                for slug, level in sorted(data.soreness.items())
            ],
        )
    signal = None
    if data.has_signal:
        signal = recovery_signal_create(
            user=user,
            logged_at=now,
            sleep_hours=data.sleep_hours,
            sleep_quality=data.sleep_quality,
            stress=data.stress,
            energy=data.energy,
            nutrition=data.nutrition,
        )
    checkin = DailyCheckIn(
        user=user,
        date=day,
        soreness=dict(sorted(data.soreness.items())),
        recovery_signal=signal,
        minutes_available=data.minutes_available,
        equipment=sorted(set(data.equipment)) if data.equipment is not None else None,
        notes=data.notes.strip(),
    )
    if readiness is not None:
        checkin.readiness_score = readiness.score
        checkin.readiness = readiness_json(readiness)
    checkin.full_clean(exclude=["user", "recovery_signal"], validate_constraints=False)
    checkin.save()
    return checkin
