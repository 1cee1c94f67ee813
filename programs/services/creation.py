"""Program creation, on the request path: resolve the athlete's input once,
validate it once with the engine, write the skeleton in ONE short transaction.

Program + microcycles + every session skeleton are written with ``bulk_create``
and generation is enqueued on commit — nothing slow runs on the request path
(seeds 001: the 60-second hang came from one long transaction around generation).
:func:`program_input_resolve` is the one place a program's defaults are decided;
the wizard's review shows its result before Create.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coach.models import (
    Weekday,
    validate_discipline_experience,
    validate_discipline_priorities,
    validate_weekdays,
)
from movements.models import ActivityDefinition
from movements.services import movement_rule_set_validate
from programs import specs
from programs.generation import SpecValidationError, plan_program
from programs.generation import types as t
from programs.models import (
    GenerationStatus,
    Microcycle,
    MicrocycleStatus,
    Program,
    Session,
)
from programs.services.defaults import athlete_defaults, merge_movement_rules
from programs.services.generation import enqueue_generation

WEEKDAY_NAMES = {day.value: day.label[:3] for day in Weekday}


@dataclass(frozen=True, slots=True)
class ProgramInput:
    """What an athlete asks for, already parsed (by the API serializer or the form).

    ``goals`` is ``[(goal, weight)]``. ``None`` in an optional field means "the
    athlete's default" (:func:`athlete_defaults`): their experience and persona,
    their equipment (a commercial gym if they never said), their enjoyable activities,
    preferred weekdays, discipline priorities and experience and scheduling
    preferences, and today. A value overrides the default for this program only.

    ``movement_rules`` (``[{"movement_id", "rule", "substitute_id"}]``) are laid
    over the athlete's own rules: the request's rule wins for its movement, the
    athlete's other rules still apply. ``enjoyable_activities`` are activity
    definition slugs (or the words the engine knows, like "rowing").
    ``discipline_priorities`` is ``{discipline: 0–5}``, ``discipline_experience``
    ``{discipline: experience level}`` (as ``coach.models.AthleteProfile``).
    """

    goals: list[tuple[str, int]]
    duration_weeks: int
    days_per_week: int
    max_session_minutes: int
    name: str = ""
    split_template: str | None = None
    progression_style: str | None = None
    start_date: date | None = None
    persona_tone: str | None = None
    persona_aggression: str | None = None
    experience_level: str | None = None
    equipment: list[str] | None = None
    movement_rules: list[dict] | None = None
    enjoyable_activities: list[str] | None = None
    preferred_weekdays: list[int] | None = None
    discipline_priorities: dict[str, int] | None = None
    discipline_experience: dict[str, str] | None = None
    dedicated_mobility_days: bool | None = None
    dedicated_cardio_days: bool | None = None
    cardio_as_finisher: bool | None = None
    deload_every_n_microcycles: int = 4


def _default_name(goals: list[tuple[str, int]], weeks: int) -> str:
    label = " & ".join(g.replace("_", " ").title() for g, _ in goals[:2])
    return f"{label} · {weeks} weeks"


def _resolve_activities(values: list[str]) -> list[str]:
    """Activity definition slugs (or engine words such as "rowing") → the words
    the engine matches cardio movements with, in order, without repeats.

    Raises ``ValidationError({"enjoyable_activities": [...]})`` for a value that
    is neither.
    """
    if not values:
        return []
    definitions = list(ActivityDefinition.objects.all())
    by_slug = {d.slug: d.engine_activity for d in definitions}
    words = {d.engine_activity for d in definitions}
    resolved: list[str] = []
    errors: list[str] = []
    for value in values:
        key = (value or "").strip().lower()
        word = by_slug.get(key) or (key if key in words else None)
        if word is None:
            errors.append(f"“{value}” is not an activity Alloy knows.")
        elif word not in resolved:
            resolved.append(word)
    if errors:
        raise ValidationError({"enjoyable_activities": errors})
    return resolved


def _weekday_warning(plan: t.ProgramPlan, weekdays: list[int]) -> str | None:
    """A warning when training days of the first week miss the preferred
    weekdays (the engine places sessions on them only when there are enough)."""
    if not weekdays or not plan.microcycles:
        return None
    days = [
        s.date.weekday()
        for s in plan.microcycles[0].sessions
        if s.session_type != t.SessionType.RECOVERY
    ]
    outside = sorted({d for d in days if d not in weekdays})
    if not outside:
        return None
    names = ", ".join(WEEKDAY_NAMES[d] for d in outside)
    preferred = ", ".join(WEEKDAY_NAMES[d] for d in sorted(weekdays))
    return (
        f"Some sessions fall on {names}, outside your preferred days ({preferred}): "
        f"pick at least {len(days)} weekdays to train only on them."
    )


@dataclass(frozen=True, slots=True)
class ResolvedProgramInput:
    """A :class:`ProgramInput` with every default filled in from the athlete and
    every value checked, as the program will store it and the engine will read it.

    ``movement_rules`` are the athlete's rules with the request's laid over them,
    normalised (``[{"movement_id", "rule", "substitute_id"}]``);
    ``saved_rule_ids`` are the movements whose rule comes from the athlete's
    settings (not from this request). ``enjoyable_activities`` are the engine's
    words; ``preferences`` holds the profile's preference fields
    (``discipline_priorities``, ``discipline_experience``,
    ``dedicated_mobility_days``, ``dedicated_cardio_days``,
    ``cardio_as_finisher``). ``request`` and ``athlete`` are the engine's
    dataclasses (:mod:`programs.specs`), not yet validated by the engine.
    """

    data: ProgramInput
    start_date: date
    experience_level: str
    persona_tone: str
    persona_aggression: str
    equipment: list[str]
    movement_rules: list[dict]
    saved_rule_ids: frozenset[int]
    enjoyable_activities: list[str]
    preferred_weekdays: list[int]
    preferences: dict
    request: t.ProgramRequest
    athlete: t.AthleteProfile

    def preview(self, *, user=None) -> Program:
        """An unsaved :class:`Program` holding what the program will be built
        around (its snapshot fields), for pages that word it before creation."""
        return Program(
            user=user,
            duration_weeks=self.data.duration_weeks,
            days_per_week=self.data.days_per_week,
            max_session_minutes=self.data.max_session_minutes,
            start_date=self.start_date,
            experience_level=self.experience_level,
            persona_tone=self.persona_tone,
            persona_aggression=self.persona_aggression,
            equipment=self.equipment,
            movement_rules=self.movement_rules,
            enjoyable_activities=self.enjoyable_activities,
            preferred_weekdays=self.preferred_weekdays,
            **self.preferences,
        )


def program_input_resolve(*, user, data: ProgramInput) -> ResolvedProgramInput:
    """Fill ``data``'s unsaid fields from ``user``'s defaults and check the
    athlete-side values: the one place a program's inputs are decided, used by
    :func:`program_create` and by the wizard's review (so the preview is what
    Create will build).

    Checks the merged movement rules (``movements.services``), the enjoyable
    activities and the preference bounds (``coach.models`` validators). The
    training rules (bounds, the $10 budget, goal interference) are the engine's
    and run once, in :func:`program_create` (``plan_program``).

    Raises ``ValidationError`` with field errors (``movement_rules``,
    ``enjoyable_activities``, ``preferred_weekdays``, ``discipline_*``).
    A handful of queries (defaults, rule names, activity definitions).
    """
    defaults = athlete_defaults(user=user)
    requested_rules = data.movement_rules or []
    rules = movement_rule_set_validate(
        merge_movement_rules(defaults.movement_rules, requested_rules)
    )
    saved = frozenset(r["movement_id"] for r in defaults.movement_rules) - {
        r["movement_id"] for r in requested_rules
    }
    equipment = sorted(
        set(data.equipment if data.equipment is not None else defaults.equipment)
    )
    activities = _resolve_activities(
        defaults.enjoyable_activities
        if data.enjoyable_activities is None
        else data.enjoyable_activities
    )
    weekdays = sorted(
        set(
            defaults.preferred_weekdays
            if data.preferred_weekdays is None
            else data.preferred_weekdays
        )
    )
    preferences = {
        name: getattr(defaults, name) if value is None else value
        for name, value in (
            ("discipline_priorities", data.discipline_priorities),
            ("discipline_experience", data.discipline_experience),
            ("dedicated_mobility_days", data.dedicated_mobility_days),
            ("dedicated_cardio_days", data.dedicated_cardio_days),
            ("cardio_as_finisher", data.cardio_as_finisher),
        )
    }
    _validate_preferences(weekdays, preferences)
    start = data.start_date or timezone.localdate()
    experience = data.experience_level or defaults.experience_level
    tone = data.persona_tone or defaults.persona_tone
    aggression = data.persona_aggression or defaults.persona_aggression
    request = specs.program_request_from_values(
        goals=data.goals,
        duration_weeks=data.duration_weeks,
        days_per_week=data.days_per_week,
        max_session_minutes=data.max_session_minutes,
        start_date=start,
        split_template=data.split_template,
        progression_style=data.progression_style,
        deload_every_n_microcycles=data.deload_every_n_microcycles,
        microcycle_length_days=7,
    )
    athlete = specs.athlete_profile_from_values(
        experience_level=experience,
        persona_tone=tone,
        persona_aggression=aggression,
        equipment=equipment,
        movement_rules=rules,
        enjoyable_activities=activities,
        preferred_weekdays=weekdays,
        **preferences,
    )
    return ResolvedProgramInput(
        data=data,
        start_date=start,
        experience_level=experience,
        persona_tone=tone,
        persona_aggression=aggression,
        equipment=equipment,
        movement_rules=rules,
        saved_rule_ids=saved,
        enjoyable_activities=activities,
        preferred_weekdays=weekdays,
        preferences=preferences,
        request=request,
        athlete=athlete,
    )


def queue_commits_with_the_program() -> bool:
    """Whether generation's task row can be written in the program's own
    transaction: with django-q2's ORM broker (the default) the task is a row of
    this database, invisible to the workers until the program commits with it,
    so a program never exists without its queued generation and, on SQLite,
    creating takes the write lock once instead of twice. A Redis broker (seen
    at once) and synchronous mode (runs the task on the spot) enqueue on
    commit instead."""
    conf = settings.Q_CLUSTER
    return bool(conf.get("orm")) and not conf.get("sync")


def program_create(
    *, user, data: ProgramInput, enqueue: bool = True
) -> tuple[Program, list[str]]:
    """Create a program and its skeleton for ``user``; enqueue its generation.

    Resolves the input (:func:`program_input_resolve`), validates it once with
    the engine (every bound, the $10 budget, goal interference: ``plan_program``),
    then writes Program + microcycles + sessions with ``bulk_create`` in one
    transaction. Generation is enqueued in that transaction with the ORM broker
    (:func:`queue_commits_with_the_program`), else on commit (``enqueue=False``:
    the caller generates in-process, as ``create_program --sync``).

    Returns ``(program, warnings)``. Raises ``ValidationError`` with field errors
    (nothing is written).
    """
    resolved = program_input_resolve(user=user, data=data)
    request, weekdays = resolved.request, resolved.preferred_weekdays
    seed = random.SystemRandom().randrange(1, 2**31)
    try:
        plan = plan_program(
            t.ProgramSpec(request=request, athlete=resolved.athlete, seed=seed)
        )
    except SpecValidationError as exc:
        raise ValidationError(exc.errors) from exc
    warnings = list(plan.warnings)
    weekday_warning = _weekday_warning(plan, weekdays)
    if weekday_warning:
        warnings.append(weekday_warning)

    goals = sorted(data.goals, key=lambda gw: -gw[1])
    slots = goals + [("", 0)] * (3 - len(goals))
    with transaction.atomic():
        program = Program(
            user=user,
            name=(data.name or "").strip() or _default_name(goals, data.duration_weeks),
            goal_1=slots[0][0],
            goal_weight_1=slots[0][1],
            goal_2=slots[1][0],
            goal_weight_2=slots[1][1],
            goal_3=slots[2][0],
            goal_weight_3=slots[2][1],
            duration_weeks=data.duration_weeks,
            days_per_week=data.days_per_week,
            max_session_minutes=data.max_session_minutes,
            split_template=plan.split_template.value,
            progression_style=plan.progression_style.value,
            experience_level=resolved.experience_level,
            persona_tone=resolved.persona_tone,
            persona_aggression=resolved.persona_aggression,
            start_date=resolved.start_date,
            deload_every_n_microcycles=data.deload_every_n_microcycles,
            microcycle_length_days=request.microcycle_length_days,
            equipment=resolved.equipment,
            movement_rules=resolved.movement_rules,
            enjoyable_activities=resolved.enjoyable_activities,
            preferred_weekdays=weekdays,
            **resolved.preferences,
            warnings=warnings,
            allocation=_allocation_json(plan),
            seed=seed,
        )
        # Field and choice validation only: the engine has checked every training
        # rule and the database enforces the same bounds as CHECK constraints, so
        # re-running them here would cost a query and a savepoint pair each.
        program.full_clean(exclude=["user"], validate_constraints=False)
        program.save()
        _write_skeleton(program, plan)
        if enqueue and queue_commits_with_the_program():
            enqueue_generation(program.pk)
        elif enqueue:
            transaction.on_commit(lambda: enqueue_generation(program.pk))
    return program, warnings


def _validate_preferences(weekdays: list[int], preferences: dict) -> None:
    """The same bounds as the athlete's profile (``coach.models`` validators), so a
    request override cannot hand the engine what a profile could not hold."""
    errors: dict[str, list[str]] = {}
    for name, value, validator in (
        ("preferred_weekdays", weekdays, validate_weekdays),
        (
            "discipline_priorities",
            preferences["discipline_priorities"],
            validate_discipline_priorities,
        ),
        (
            "discipline_experience",
            preferences["discipline_experience"],
            validate_discipline_experience,
        ),
    ):
        try:
            validator(value)
        except ValidationError as exc:
            errors[name] = list(exc.messages)
    if errors:
        raise ValidationError(errors)


def _allocation_json(plan: t.ProgramPlan) -> dict:
    return {
        "goals": [
            {
                "goal": a.goal.value,
                "weight": a.weight,
                "weekly_minutes": a.weekly_minutes,
                "capped": a.capped,
                "rationale": a.rationale,
            }
            for a in plan.allocation
        ]
    }


def _write_skeleton(program: Program, plan: t.ProgramPlan) -> None:
    """Microcycles and every session row, two ``bulk_create`` calls."""
    microcycles = Microcycle.objects.bulk_create(
        [
            Microcycle(
                program=program,
                sequence_number=mc.sequence_number,
                start_date=mc.start_date,
                length_days=mc.length_days,
                is_deload=mc.is_deload,
                status=(
                    MicrocycleStatus.ACTIVE
                    if mc.sequence_number == 1
                    else MicrocycleStatus.PLANNED
                ),
            )
            for mc in plan.microcycles
        ]
    )
    sessions = []
    for mc_row, mc in zip(microcycles, plan.microcycles, strict=True):
        for planned in mc.sessions:
            rest = planned.session_type == t.SessionType.RECOVERY
            sessions.append(
                Session(
                    program=program,
                    microcycle=mc_row,
                    date=planned.date,
                    day_index=planned.day_index,
                    session_type=planned.session_type.value,
                    focus=planned.focus,
                    intent_tags=list(planned.intent_tags),
                    rationale={
                        "blocks": list(planned.blocks),
                        "reasons": list(planned.reasons),
                        "dominant_goal": (
                            planned.dominant_goal.value
                            if planned.dominant_goal
                            else None
                        ),
                        "notes": [],
                    },
                    generation_status=(
                        GenerationStatus.COMPLETED if rest else GenerationStatus.PENDING
                    ),
                )
            )
    Session.objects.bulk_create(sessions)
