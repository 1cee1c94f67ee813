"""Check-ins: soreness (which sets each muscle's recovery) and recovery signals
(sleep, stress, energy, nutrition)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from movements.models import Muscle
from training_logs import clock
from training_logs.models import BODY_PART_MUSCLES, RecoverySignal, SorenessLog
from training_logs.services.projections import muscle_recovery_rebuild


@dataclass(frozen=True, slots=True)
class SorenessInput:
    """Soreness 1–10 of a ``muscle`` (library slug) or a ``body_part``
    (:class:`~training_logs.models.BodyPart`); exactly one of the two."""

    level: int
    muscle: str | None = None
    body_part: str | None = None


@transaction.atomic
def soreness_log_create(
    *, user, entries: Sequence[SorenessInput], logged_at: datetime | None = None
) -> list[SorenessLog]:
    """Record soreness and set each muscle's recovery to 10 − soreness.

    A body part fans out to its muscles (``BODY_PART_MUSCLES``); a muscle named
    twice in one report keeps its highest soreness. Returns the rows written.
    Raises ``ValidationError`` for an unknown muscle or body part, a level outside
    1–10, or a time in the future.
    """
    logged_at = clock.given_or_now(logged_at)
    clock.check_not_future(logged_at, "logged_at")
    if not entries:
        raise ValidationError({"entries": ["Report at least one muscle or body part."]})
    muscles = {m.slug: m for m in Muscle.objects.all()}
    chosen: dict[str, tuple[int, str]] = {}
    errors: list[str] = []
    for index, entry in enumerate(entries):
        if not 1 <= entry.level <= 10:
            errors.append(f"Entry {index}: level must be 1–10.")
            continue
        if (entry.muscle is None) == (entry.body_part is None):
            errors.append(f"Entry {index}: give a muscle or a body part.")
            continue
        if entry.body_part is not None:
            slugs = BODY_PART_MUSCLES.get(entry.body_part)
            if slugs is None:
                errors.append(f"Entry {index}: unknown body part {entry.body_part}.")
                continue
            label = entry.body_part
        else:
            slugs, label = (entry.muscle,), ""
        for slug in slugs:
            if slug not in muscles:
                errors.append(f"Entry {index}: unknown muscle {slug}.")
                continue
            if slug not in chosen or entry.level > chosen[slug][0]:
                chosen[slug] = (entry.level, label)
    if errors:
        raise ValidationError({"entries": errors})
    rows = SorenessLog.objects.bulk_create(
        SorenessLog(
            user=user,
            muscle=muscles[slug],
            body_part=label,
            level=level,
            logged_at=logged_at,
        )
        for slug, (level, label) in chosen.items()
    )
    muscle_recovery_rebuild(user=user)
    return rows


@transaction.atomic
def recovery_signal_create(
    *,
    user,
    logged_at: datetime | None = None,
    sleep_hours: Decimal | None = None,
    sleep_quality: int | None = None,
    stress: int | None = None,
    energy: int | None = None,
    nutrition: int | None = None,
    notes: str = "",
) -> RecoverySignal:
    """Record how the athlete slept, feels and ate (see ``RecoverySignal``).

    Raises ``ValidationError`` when nothing is given, a value is out of range or
    the time is in the future.
    """
    logged_at = clock.given_or_now(logged_at)
    clock.check_not_future(logged_at, "logged_at")
    values = (sleep_hours, sleep_quality, stress, energy, nutrition)
    if all(v is None for v in values):
        raise ValidationError(
            "Give at least one of sleep hours, sleep quality, stress, energy or nutrition."
        )
    signal = RecoverySignal(
        user=user,
        logged_at=logged_at,
        sleep_hours=sleep_hours,
        sleep_quality=sleep_quality,
        stress=stress,
        energy=energy,
        nutrition=nutrition,
        notes=notes,
    )
    signal.full_clean(exclude=["user"], validate_constraints=False)
    signal.save()
    return signal
