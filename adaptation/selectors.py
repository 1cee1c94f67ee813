"""Reads for the daily coach: the active program, the session of a day, and the
ownership choke points for check-ins and adaptations (STYLE C6).

Another athlete's day, check-in or adaptation is the same ``Http404`` as a missing
one. Programs and sessions are reached only through ``programs.selectors``.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from adaptation.models import (
    AdaptationStatus,
    ConversationThread,
    ConversationTurn,
    DailyCheckIn,
    SessionAdaptation,
)
from movements.models import MovementMuscle
from programs.models import Program, Session, SessionExercise, SessionType


class NoActiveProgram(Http404):
    """The athlete has no active program: the day has no plan to show."""


NO_ACTIVE_PROGRAM = (
    "You have no active program, so there is no plan for the day. "
    "Create one with POST /api/v1/programs/ or the New program wizard."
)


def active_program_for_user(*, user) -> Program:
    """The athlete's active program (the newest one when several are active).

    Raises :class:`NoActiveProgram` (an ``Http404``) when there is none.
    """
    if not getattr(user, "is_authenticated", False):
        raise NoActiveProgram(NO_ACTIVE_PROGRAM)
    program = Program.objects.for_user(user).active().order_by("-created_at").first()
    if program is None:
        raise NoActiveProgram(NO_ACTIVE_PROGRAM)
    return program


def program_end_date(program: Program) -> date:
    """The last day of the program (inclusive)."""
    return program.start_date + timedelta(days=program.duration_weeks * 7 - 1)


#: The movement fields the daily coach reads (the engine's ``MovementInfo``):
#: loading only these keeps the day's session read cheap (the library's long
#: text fields are never needed here).
MOVEMENT_FIELDS = tuple(
    f"movement__{name}"
    for name in (
        "id",
        "name",
        "slug",
        "pattern",
        "mechanic",
        "force",
        "equipment",
        "level",
        "primary_discipline",
        "tags",
        "is_unilateral",
        "is_timed",
    )
)


def _exercises() -> QuerySet[SessionExercise]:
    return (
        SessionExercise.objects.select_related("movement")
        .only(
            *(f.name for f in SessionExercise._meta.concrete_fields),
            *MOVEMENT_FIELDS,
        )
        .prefetch_related(
            Prefetch(
                "movement__muscle_links",
                queryset=MovementMuscle.objects.select_related("muscle"),
            )
        )
        .order_by("order")
    )


def session_for_date(*, program: Program, day: date) -> Session | None:
    """The program's session on ``day`` with its exercises, movements and their
    muscles and its microcycle (three queries), or ``None`` when no session is
    planned that day."""
    session = (
        Session.objects.filter(program=program, date=day)
        .select_related("microcycle")
        .prefetch_related(Prefetch("exercises", queryset=_exercises()))
        .order_by("id")
        .first()
    )
    if session is not None:
        session.program = program
    return session


def next_training_session(*, program: Program, after: date) -> Session | None:
    """The first non-rest session after ``after`` (one query), or ``None``."""
    return (
        Session.objects.filter(program=program, date__gt=after)
        .exclude(session_type=SessionType.RECOVERY)
        .order_by("date", "id")
        .first()
    )


def accepted_adaptation(*, session: Session) -> SessionAdaptation | None:
    """The session's accepted adaptation, if any (one query)."""
    return (
        SessionAdaptation.objects.filter(
            session=session, status=AdaptationStatus.ACCEPTED
        )
        .select_related("checkin")
        .first()
    )


def latest_checkin(*, user, day: date) -> DailyCheckIn | None:
    """The athlete's newest check-in for ``day`` with its recovery signal."""
    return (
        DailyCheckIn.objects.for_user(user)
        .filter(date=day)
        .select_related("recovery_signal")
        .order_by("-created_at", "-id")
        .first()
    )


def adaptation_list_for_day(*, user, day: date) -> QuerySet[SessionAdaptation]:
    """The athlete's adaptations of the sessions planned on ``day``, newest first."""
    return (
        SessionAdaptation.objects.for_user(user)
        .filter(session__date=day)
        .select_related("session", "checkin")
        .order_by("-created_at", "-id")
    )


def adaptation_get_for_user(
    *, user, adaptation_id: int, day: date | None = None
) -> SessionAdaptation:
    """The adaptation ``adaptation_id`` if it adapts one of ``user``'s sessions
    (and, when ``day`` is given, a session on that day).

    Raises ``Http404`` when it is missing, someone else's or of another day.
    """
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such adaptation.")
    queryset = SessionAdaptation.objects.for_user(user).select_related(
        "session", "session__program", "session__microcycle", "checkin"
    )
    if day is not None:
        queryset = queryset.filter(session__date=day)
    try:
        return queryset.get(pk=adaptation_id)
    except (SessionAdaptation.DoesNotExist, ValueError, TypeError):
        raise Http404("No such adaptation.") from None


def _threads() -> QuerySet[ConversationThread]:
    return ConversationThread.objects.select_related(
        "adaptation",
        "adaptation__checkin",
        "adaptation__session",
        "adaptation__session__program",
        "adaptation__session__microcycle",
    ).prefetch_related(
        Prefetch(
            "turns", queryset=ConversationTurn.objects.order_by("created_at", "id")
        )
    )


def thread_get_for_user(
    *, user, thread_id: int, day: date | None = None
) -> ConversationThread:
    """The conversation thread ``thread_id`` if it is ``user``'s (and, when
    ``day`` is given, about that day's session), with its adaptation, session,
    program and turns (two queries). Raises ``Http404`` when it is missing,
    someone else's or of another day."""
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such conversation.")
    queryset = _threads().filter(user=user)
    if day is not None:
        queryset = queryset.filter(session__date=day)
    try:
        return queryset.get(pk=thread_id)
    except (ConversationThread.DoesNotExist, ValueError, TypeError):
        raise Http404("No such conversation.") from None


def thread_for_adaptation(*, user, adaptation_id: int) -> ConversationThread | None:
    """The newest thread about the adaptation, with its turns, or ``None``."""
    return (
        _threads()
        .filter(user=user, adaptation_id=adaptation_id)
        .order_by("-created_at", "-id")
        .first()
    )


def thread_list_for_day(*, user, day: date) -> QuerySet[ConversationThread]:
    """The athlete's threads about the sessions of ``day``, newest first, with
    their turns (two queries)."""
    return (
        _threads().filter(user=user, session__date=day).order_by("-created_at", "-id")
    )
