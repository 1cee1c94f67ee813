"""Reads for the calendar feed: the feed's owner by its secret, and the active
program as the :mod:`programs.calendar.feed` snapshot."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Prefetch
from django.http import Http404

from coach.models import AthleteProfile
from programs.calendar.feed import FeedExercise, FeedProgram, FeedSession
from programs.models import (
    ExerciseRole,
    GenerationStatus,
    Program,
    Session,
    SessionExercise,
)
from programs.templatetags.program_tags import humanize_token, number, prescription

STATUS = {GenerationStatus.COMPLETED: "ready", GenerationStatus.FAILED: "failed"}


def calendar_profile_get_by_token(*, token: str) -> AthleteProfile:
    """The profile (with its user) whose calendar-feed secret is ``token``.

    Raises ``Http404`` when no feed has this secret (never made, revoked or
    regenerated since) or the account is deactivated: the feed URL is the only
    credential, so every miss looks the same. One query.
    """
    try:
        return AthleteProfile.objects.select_related("user").get(
            calendar_token=token, user__is_active=True
        )
    except AthleteProfile.DoesNotExist:
        raise Http404("No such calendar.") from None


def calendar_program_for_user(*, user) -> Program | None:
    """The program the athlete's calendar follows: their newest active program
    (the one the home page shows), or ``None``."""
    return (
        Program.objects.for_user(user).active().order_by("-created_at", "-id").first()
    )


def _dose(exercise: SessionExercise) -> str:
    """``4 × 5 @ RPE 8``: the prescription, with the target RPE when there is one."""
    dose = prescription(exercise)
    if exercise.target_rpe is not None:
        dose += f" @ RPE {number(exercise.target_rpe)}"
    return dose


def calendar_feed_snapshot(
    *, program: Program, absolute_url: Callable[[str], str]
) -> FeedProgram:
    """``program`` as a :class:`FeedProgram`: every session in date order with its
    microcycle's week and deload flag and its exercises in short form.

    ``absolute_url`` turns a path into an absolute URL (the request's
    ``build_absolute_uri``) for the links in the events. Two queries whatever
    the program's size (sessions with microcycles, exercises with movements).
    """
    sessions = (
        Session.objects.filter(program=program)
        .select_related("microcycle")
        .prefetch_related(
            Prefetch(
                "exercises",
                queryset=SessionExercise.objects.select_related("movement").order_by(
                    "order"
                ),
            )
        )
        .order_by("date", "id")
    )
    return FeedProgram(
        program_id=program.pk,
        name=program.name,
        url=absolute_url(program.get_absolute_url()),
        session_minutes=program.max_session_minutes,
        created_at=program.created_at,
        sessions=tuple(
            FeedSession(
                session_id=session.pk,
                date=session.date,
                week=session.microcycle.sequence_number,
                is_deload=session.microcycle.is_deload,
                is_rest_day=session.is_rest_day,
                type_label=session.get_session_type_display(),
                focus_label=humanize_token(session.focus),
                minutes=session.estimated_minutes,
                exercises=tuple(
                    FeedExercise(
                        block=ExerciseRole(exercise.role).label,
                        name=exercise.movement.name,
                        dose=_dose(exercise),
                    )
                    for exercise in session.exercises.all()
                ),
                coach_note=session.coach_notes,
                url=absolute_url(session.get_absolute_url()),
                status=STATUS.get(session.generation_status, "pending"),
                revision=session.variant,
                written_at=session.generated_at,
            )
            for session in sessions
        ),
    )
