"""Reads for the daily coach: the active program, the session of a day, and the
ownership choke points for check-ins and adaptations (STYLE C6).

Another athlete's day, check-in or adaptation is the same ``Http404`` as a missing
one. Programs and sessions are reached only through ``programs.selectors``.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from adaptation.models import (
    AdaptationStatus,
    ConversationThread,
    ConversationTurn,
    DailyCheckIn,
    SessionAdaptation,
)
from movements.models import MovementMuscle
from programs.models import Microcycle, Program, Session, SessionExercise, SessionType


class NoActiveProgram(Http404):
    """The athlete has no active program: the day has no plan to show."""


NO_ACTIVE_PROGRAM = (
    "You have no active program, so there is no plan for the day. "
    "Create one with POST /api/v1/programs/ or the New program wizard."
)


def active_program_for_user(*, user, deload_after: date | None = None) -> Program:
    """The athlete's active program (the newest one when several are active).

    With ``deload_after`` (the day plan's read, one query for what took three)
    the program also carries ``next_deload_start`` — the start date of its first
    deload microcycle after that day, or None (a subquery) — and its ``user``
    the athlete's ``athlete_settings`` row when there is one (a join).

    Raises :class:`NoActiveProgram` (an ``Http404``) when there is none.
    """
    if not getattr(user, "is_authenticated", False):
        raise NoActiveProgram(NO_ACTIVE_PROGRAM)
    programs = Program.objects.for_user(user).active()
    if deload_after is not None:
        programs = programs.select_related("user__athlete_settings").annotate(
            next_deload_start=Subquery(
                Microcycle.objects.filter(
                    program=OuterRef("pk"), is_deload=True, start_date__gt=deload_after
                )
                .order_by("start_date")
                .values("start_date")[:1]
            )
        )
    program = programs.order_by("-created_at").first()
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


def _exercises(muscles: bool = True) -> QuerySet[SessionExercise]:
    exercises = SessionExercise.objects.select_related("movement").only(
        *(f.name for f in SessionExercise._meta.concrete_fields),
        *MOVEMENT_FIELDS,
    )
    if muscles:
        exercises = exercises.prefetch_related(
            Prefetch(
                "movement__muscle_links",
                queryset=MovementMuscle.objects.select_related("muscle"),
            )
        )
    return exercises.order_by("order")


def session_for_date(
    *, program: Program, day: date, muscles: bool = True
) -> Session | None:
    """The program's session on ``day`` with its exercises, movements and (with
    ``muscles``) their muscles, and its microcycle (three queries; two without
    muscles — an adaptation reads them from the library snapshot), or ``None``
    when no session is planned that day."""
    session = (
        Session.objects.filter(program=program, date=day)
        .select_related("microcycle")
        .prefetch_related(Prefetch("exercises", queryset=_exercises(muscles)))
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


def checkins_up_to(
    *, user, day: date, adapted: int
) -> tuple[DailyCheckIn | None, list[DailyCheckIn]]:
    """``(the newest check-in of day, the last adapted check-ins up to day)``.

    The first is :func:`latest_checkin`'s row (with its recovery signal); the
    second up to ``adapted`` check-ins with a readiness score on or before
    ``day``, newest first (``specs.readiness_history``'s rows). One query reads
    both — the day's check-ins and the adapted ones, newest first — and a second
    one only when the day's own check-ins without a score crowded adapted ones
    out of the first read's limit.
    """
    rows = list(
        DailyCheckIn.objects.for_user(user)
        .filter(Q(date=day) | Q(readiness_score__isnull=False), date__lte=day)
        .select_related("recovery_signal")
        .order_by("-date", "-created_at", "-id")[: adapted + 1]
    )
    latest = rows[0] if rows and rows[0].date == day else None
    scored = [r for r in rows if r.readiness_score is not None][:adapted]
    if len(scored) < adapted and len(rows) == adapted + 1:
        scored = list(
            DailyCheckIn.objects.for_user(user)
            .filter(date__lte=day, readiness_score__isnull=False)
            .order_by("-date", "-created_at", "-id")[:adapted]
        )
    return latest, scored


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
