"""What a new program takes from the athlete when the request says nothing: their
profile (``coach``) and their side of the library (``movements``), as plain
values; and how a request's movement rules are laid over theirs."""

from __future__ import annotations

from dataclasses import dataclass

from coach.models import AthleteProfile
from movements import selectors as movement_selectors
from movements.equipment import default_equipment


@dataclass(frozen=True, slots=True)
class AthleteDefaults:
    """Everything a program takes from the athlete when the request says nothing:
    the profile (coach) and the library side (movements), as plain values."""

    experience_level: str
    persona_tone: str
    persona_aggression: str
    equipment: list[str]
    equipment_is_set: bool
    movement_rules: list[dict]
    enjoyable_activities: list[str]
    preferred_weekdays: list[int]
    discipline_priorities: dict[str, int]
    discipline_experience: dict[str, str]
    dedicated_mobility_days: bool
    dedicated_cardio_days: bool
    cardio_as_finisher: bool


def athlete_defaults(*, user) -> AthleteDefaults:
    """The athlete's defaults for a new program (a handful of queries)."""
    profile = AthleteProfile.for_user(user)
    equipment = movement_selectors.athlete_equipment_get(user=user)
    return AthleteDefaults(
        experience_level=user.experience_level,
        persona_tone=user.persona_tone,
        persona_aggression=user.persona_aggression,
        equipment=(list(equipment.equipment) if equipment else default_equipment()),
        equipment_is_set=equipment is not None,
        movement_rules=movement_selectors.athlete_rules_snapshot(user=user),
        enjoyable_activities=movement_selectors.athlete_activity_slugs(user=user),
        preferred_weekdays=list(profile.preferred_weekdays),
        discipline_priorities=dict(profile.discipline_priorities),
        discipline_experience=dict(profile.discipline_experience),
        dedicated_mobility_days=profile.dedicated_mobility_days,
        dedicated_cardio_days=profile.dedicated_cardio_days,
        cardio_as_finisher=profile.cardio_as_finisher,
    )


def merge_movement_rules(athlete: list[dict], request: list[dict]) -> list[dict]:
    """The athlete's rules with the request's laid over them: one rule per
    movement, the request's winning; athlete rules first, in their order."""
    overridden = {r["movement_id"] for r in request}
    return [r for r in athlete if r["movement_id"] not in overridden] + list(request)
