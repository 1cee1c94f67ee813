"""Writes for programs: create (on the request path) and generate (in the worker).

Creation validates with the engine's one validator, then writes the program, its
microcycles and every session skeleton in ONE short transaction with ``bulk_create``
and enqueues generation on commit — nothing slow runs on the request path (seeds 001:
the 60-second hang came from one long transaction around generation).

Generation (the worker) loads the movement library once, runs the pure engine, and
writes each session in its own short transaction, so progress is visible while it
runs, one failed session never stops the rest, and running it twice writes nothing
twice.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coach.models import (
    AthleteProfile,
    Weekday,
    validate_discipline_experience,
    validate_discipline_priorities,
    validate_weekdays,
)
from movements import selectors as movement_selectors
from movements.models import ActivityDefinition, Equipment
from movements.services import movement_rule_set_errors
from programs import leases, selectors
from programs.generation import (
    SpecValidationError,
    iter_generate_sessions,
    plan_program,
)
from programs.generation import types as t
from programs.models import (
    GenerationStatus,
    Microcycle,
    MicrocycleStatus,
    Program,
    Session,
    SessionExercise,
    SessionType,
)

logger = logging.getLogger(__name__)

GENERATE_TASK = "programs.tasks.program_generate_task"
WEEKDAY_NAMES = {day.value: day.label[:3] for day in Weekday}


@dataclass(frozen=True, slots=True)
class ProgramInput:
    """What an athlete asks for, already parsed (by the API serializer or the form).

    ``goals`` is ``[(goal, weight)]``. ``None`` in an optional field means "the
    athlete's default" (:func:`athlete_defaults`): their experience and persona,
    their equipment (a full gym if they never said), their enjoyable activities,
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
        equipment=(
            list(equipment.equipment) if equipment else sorted(Equipment.values)
        ),
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


def _default_name(goals: list[tuple[str, int]], weeks: int) -> str:
    label = " & ".join(g.replace("_", " ").title() for g, _ in goals[:2])
    return f"{label} · {weeks} weeks"


def _validate_movement_rules(rules: list[dict]) -> list[dict]:
    """Check a program's rules as a set (``movements.services``: real movements,
    one rule per movement, a SUBSTITUTE with a real target that is no hard no and
    has no substitute of its own).

    Returns the rules normalised to ``{"movement_id", "rule", "substitute_id"}``.
    Raises ``ValidationError({"movement_rules": [...]})`` listing every problem.
    """
    normalised = [
        {
            "movement_id": rule["movement_id"],
            "rule": rule["rule"],
            "substitute_id": rule.get("substitute_id"),
        }
        for rule in rules
    ]
    errors = movement_rule_set_errors(normalised)
    if errors:
        raise ValidationError({"movement_rules": errors})
    return normalised


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


def program_create(
    *, user, data: ProgramInput, enqueue: bool = True
) -> tuple[Program, list[str]]:
    """Create a program and its skeleton for ``user``; enqueue its generation.

    Validates with the engine (every bound, the $10 budget, goal interference) and
    the movement rules, then writes Program + microcycles + sessions with
    ``bulk_create`` in one transaction. Generation is enqueued on commit
    (``enqueue=False``: the caller generates in-process, as ``create_program --sync``).

    Returns ``(program, warnings)``. Raises ``ValidationError`` with field errors
    (nothing is written).
    """
    defaults = athlete_defaults(user=user)
    rules = _validate_movement_rules(
        merge_movement_rules(defaults.movement_rules, data.movement_rules or [])
    )
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
    request = selectors.program_request_from_values(
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
    athlete = selectors.athlete_profile_from_values(
        experience_level=experience,
        persona_tone=tone,
        persona_aggression=aggression,
        equipment=equipment,
        movement_rules=rules,
        enjoyable_activities=activities,
        preferred_weekdays=weekdays,
        **preferences,
    )
    seed = random.SystemRandom().randrange(1, 2**31)
    try:
        plan = plan_program(t.ProgramSpec(request=request, athlete=athlete, seed=seed))
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
            experience_level=experience,
            persona_tone=tone,
            persona_aggression=aggression,
            start_date=start,
            deload_every_n_microcycles=data.deload_every_n_microcycles,
            microcycle_length_days=request.microcycle_length_days,
            equipment=equipment,
            movement_rules=rules,
            enjoyable_activities=activities,
            preferred_weekdays=weekdays,
            **preferences,
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
        if enqueue:
            transaction.on_commit(lambda: _enqueue_generation(program.pk))
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


def _enqueue_generation(program_id: int) -> None:
    from django_q.tasks import async_task

    async_task(GENERATE_TASK, program_id, task_name=f"generate-program-{program_id}")


# ---------------------------------------------------------------------------
# Generation (worker)
# ---------------------------------------------------------------------------
@dataclass(slots=True)
class GenerationReport:
    """What one generation run did; times in seconds."""

    program_id: int
    written: int = 0
    skipped: int = 0
    failed: int = 0
    exercises: int = 0
    snapshot_seconds: float = 0.0
    engine_seconds: float = 0.0
    persist_seconds: float = 0.0


def program_generate(*, program_id: int) -> GenerationReport:
    """Generate every session of program ``program_id`` that is not yet COMPLETED.

    Idempotent: COMPLETED sessions are left alone, a session's exercises are
    replaced (delete + ``bulk_create``) in one transaction, so re-running never
    duplicates anything. A session the engine cannot fill is marked FAILED with the
    error and the rest go on. Statuses: each session PENDING → IN_PROGRESS →
    COMPLETED | FAILED; microcycles and the program follow (FAILED if any of their
    sessions failed, with an error text).

    The run only touches the sessions it claims (``programs/leases.py``): a
    session another live run holds is left to it, a run that loses a claim stops,
    and its heartbeat lets the sweeper re-queue the program if this worker dies.

    Returns a :class:`GenerationReport`. Does nothing if the program is gone.
    """
    report = GenerationReport(program_id=program_id)
    program = Program.objects.filter(pk=program_id).first()
    if program is None:
        return report
    token = leases.new_token()
    todo = leases.sessions_claim(program_id=program_id, token=token)
    if not todo:
        # Nothing open, or a live run holds it all: roll up only if nothing is
        # open (a late duplicate of a finished run), else leave it to that run.
        if not Session.objects.filter(
            program_id=program_id, generation_status__in=leases.OPEN
        ).exists():
            _finish(program_id)
        return report
    heartbeat = leases.Heartbeat(program_id=program_id, token=token)
    Program.objects.filter(pk=program_id).update(
        generation_status=GenerationStatus.IN_PROGRESS,
        generation_error="",
        generation_started_at=timezone.now(),
        generation_finished_at=None,
        generation_heartbeat_at=timezone.now(),
    )
    try:
        started = time.perf_counter()
        library = selectors.movement_library_snapshot()
        spec = selectors.program_spec(program=program)
        plan = plan_program(spec)
        report.snapshot_seconds = time.perf_counter() - started

        planned = {
            (mc.sequence_number, day.day_index): day
            for mc in plan.microcycles
            for day in mc.sessions
        }
        results = iter_generate_sessions(spec, plan, library)
        while todo:
            started = time.perf_counter()
            result = next(results, None)
            report.engine_seconds += time.perf_counter() - started
            if result is None:
                break
            key = (result.microcycle_sequence, result.day_index)
            session_id = todo.pop(key, None)
            if session_id is None:
                report.skipped += 1
                continue
            started = time.perf_counter()
            if isinstance(result, t.SessionFailure):
                _session_fail(session_id, result.error, token=token)
                report.failed += 1
            else:
                report.exercises += _session_write(
                    session_id, result, planned.get(key), token=token
                )
                report.written += 1
            report.persist_seconds += time.perf_counter() - started
            heartbeat.beat()
        for session_id in todo.values():
            # The plan no longer has this day (it should never happen): say so.
            _session_fail(
                session_id, "The plan has no such session any more.", token=token
            )
            report.failed += 1
    except leases.ClaimLost:
        # This run stalled past the bound and another run owns the rest now.
        logger.warning("Generation of program %s lost its claim; stopping", program_id)
        leases.claims_release(token=token)
        return report
    except Exception as exc:  # a broken snapshot or plan fails the whole run, loudly
        logger.exception("Generation of program %s failed", program_id)
        Session.objects.filter(claim_token=token).update(
            generation_status=GenerationStatus.FAILED,
            generation_error=str(exc),
            claim_token="",
            claimed_at=None,
        )
        _finish(program_id, error=f"Generation failed: {exc}")
        raise
    _finish(program_id)
    return report


def _session_write(
    session_id: int,
    generated: t.GeneratedSession,
    planned: t.PlannedSession | None,
    *,
    token: str,
) -> int:
    """Replace the session's exercises and fields in one short transaction, if
    the run ``token`` still holds the session's claim (else ``leases.ClaimLost``
    and nothing is written).

    The session's ``rationale`` keeps the planner's blocks and reasons and adds the
    engine's notes on how the session was built. Returns the exercises written.
    """
    rationale = {
        "blocks": list(planned.blocks) if planned else [],
        "reasons": list(planned.reasons) if planned else [],
        "dominant_goal": (
            planned.dominant_goal.value if planned and planned.dominant_goal else None
        ),
        "notes": list(generated.rationale),
    }
    rows = [
        SessionExercise(
            session_id=session_id,
            movement_id=ex.movement_id,
            role=ex.role.value,
            order=ex.order,
            sets=ex.sets,
            reps_min=ex.reps_min,
            reps_max=ex.reps_max,
            duration_seconds=ex.duration_seconds,
            target_rpe=ex.target_rpe,
            target_rir=ex.target_rir,
            load_percent_1rm=ex.load_percent_1rm,
            rest_seconds=ex.rest_seconds,
            superset_group=ex.superset_group,
            estimated_seconds=ex.estimated_seconds,
            notes=ex.notes[:200],
            rationale={
                "scores": dict(ex.rationale.scores),
                "total": ex.rationale.total,
                "relaxation_step": ex.rationale.relaxation_step,
                "relaxation": ex.rationale.relaxation,
                "notes": list(ex.rationale.notes),
            },
        )
        for ex in generated.exercises
    ]
    tb = generated.time_breakdown
    with transaction.atomic():
        # The claim check and the completion are one UPDATE (it row-locks the
        # session on PostgreSQL), before the exercises are replaced.
        owned = Session.objects.filter(pk=session_id, claim_token=token).update(
            claim_token="",
            claimed_at=None,
            estimated_minutes=generated.estimated_minutes,
            time_breakdown={
                "warmup": tb.warmup,
                "main": tb.main,
                "accessory": tb.accessory,
                "finisher": tb.finisher,
                "cooldown": tb.cooldown,
                "total": tb.total,
            },
            coach_notes=generated.coach_notes[:200],
            rationale=rationale,
            generation_status=GenerationStatus.COMPLETED,
            generation_error="",
            generated_at=timezone.now(),
        )
        if not owned:
            raise leases.ClaimLost(session_id)
        SessionExercise.objects.filter(session_id=session_id).delete()
        SessionExercise.objects.bulk_create(rows)
    return len(rows)


def _session_fail(session_id: int, error: str, *, token: str) -> None:
    Session.objects.filter(pk=session_id, claim_token=token).update(
        generation_status=GenerationStatus.FAILED,
        generation_error=error[:2000],
        claim_token="",
        claimed_at=None,
    )


def _finish(program_id: int, *, error: str = "") -> None:
    """Roll session statuses up to microcycles and the program."""
    from django.db.models import Count, Q

    with transaction.atomic():
        microcycles = Microcycle.objects.filter(program_id=program_id).annotate(
            failed=Count(
                "sessions",
                filter=Q(sessions__generation_status=GenerationStatus.FAILED),
            ),
            open=Count(
                "sessions",
                filter=Q(
                    sessions__generation_status__in=[
                        GenerationStatus.PENDING,
                        GenerationStatus.IN_PROGRESS,
                    ]
                ),
            ),
        )
        failed_total = open_total = 0
        for mc in microcycles:
            failed_total += mc.failed
            open_total += mc.open
            if mc.failed:
                status, mc_error = (
                    GenerationStatus.FAILED,
                    f"{mc.failed} session(s) failed.",
                )
            elif mc.open:
                status, mc_error = GenerationStatus.PENDING, ""
            else:
                status, mc_error = GenerationStatus.COMPLETED, ""
            if (mc.generation_status, mc.generation_error) != (status, mc_error):
                Microcycle.objects.filter(pk=mc.pk).update(
                    generation_status=status, generation_error=mc_error
                )
        if error:
            status = GenerationStatus.FAILED
        elif failed_total:
            status = GenerationStatus.FAILED
            error = (
                f"{failed_total} session(s) could not be generated; "
                "retry them from the program page or POST .../retry/."
            )
        elif open_total:
            # Another run still holds sessions (or a regenerate is queued): it
            # finishes the program.
            Program.objects.filter(pk=program_id).update(
                generation_status=GenerationStatus.IN_PROGRESS, generation_error=""
            )
            return
        else:
            status = GenerationStatus.COMPLETED
        Program.objects.filter(pk=program_id).update(
            generation_status=status,
            generation_error=error,
            generation_finished_at=timezone.now(),
        )


def program_retry_failed(*, program: Program) -> int:
    """Put the program's FAILED sessions back to PENDING and enqueue generation.

    Returns how many sessions will be retried (0: nothing enqueued).
    """
    with transaction.atomic():
        count = Session.objects.filter(
            program=program, generation_status=GenerationStatus.FAILED
        ).update(generation_status=GenerationStatus.PENDING, generation_error="")
        if count or program.generation_status == GenerationStatus.FAILED:
            Program.objects.filter(pk=program.pk).update(
                generation_status=GenerationStatus.PENDING, generation_error=""
            )
            transaction.on_commit(lambda: _enqueue_generation(program.pk))
    return count


def session_regenerate(*, session: Session) -> Session:
    """Draw a fresh selection for one training session (in the background).

    Bumps the session's ``variant`` (a reproducible new seed for that day), marks
    it PENDING and enqueues generation. Raises ``ValidationError`` for a rest day.
    """
    if session.session_type == SessionType.RECOVERY:
        raise ValidationError({"session": ["A rest day has nothing to regenerate."]})
    with transaction.atomic():
        session.variant += 1
        session.generation_status = GenerationStatus.PENDING
        session.generation_error = ""
        session.save(update_fields=["variant", "generation_status", "generation_error"])
        Program.objects.filter(pk=session.program_id).update(
            generation_status=GenerationStatus.PENDING, generation_error=""
        )
        program_id = session.program_id
        transaction.on_commit(lambda: _enqueue_generation(program_id))
    return session


def program_delete(*, program: Program) -> None:
    """Delete the program; microcycles, sessions and exercises cascade."""
    program.delete()
