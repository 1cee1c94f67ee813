"""Reads of an athlete's logs: ownership choke points, prefetch shapes, lists,
a planned session's log status, and history by week.

Every read of an athlete's log goes through :func:`workout_log_get_for_user` or a
``.for_user(user)`` queryset (STYLE C6): a missing log and someone else's log are
the same 404. Sessions are reached through ``programs.selectors.session_get_for_user``.
Loads are kg here; the pages and the API convert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.http import Http404

from programs.models import Session, SessionExercise
from training_logs import adherence, clock
from training_logs.models import (
    ActivityInstance,
    PersonalRecord,
    SetLog,
    WorkoutLog,
)


# ---------------------------------------------------------------------------
# A planned session, for logging
# ---------------------------------------------------------------------------
def session_prescription_load(session: Session) -> Session:
    """``session`` with its exercises (in order, with their movements) loaded for
    "completed as prescribed" and the log page. One query; returns ``session``."""
    exercises = SessionExercise.objects.select_related("movement").order_by("order")
    prefetch_related_objects([session], Prefetch("exercises", queryset=exercises))
    return session


@dataclass(frozen=True, slots=True)
class SessionLogStatus:
    """How a planned session was logged: the workout log that completed it, or
    whether an activity did (``None`` / ``False``: not logged that way)."""

    workout_log_id: int | None
    by_activity: bool

    @property
    def is_logged(self) -> bool:
        """The one "already logged" rule: a workout log *or* an activity completes
        a planned session, and a session is logged at most once."""
        return self.workout_log_id is not None or self.by_activity


def session_log_status(*, session: Session) -> SessionLogStatus:
    """Whether ``session`` is already logged, and by what. One query."""
    workout_log_id, by_activity = (
        Session.objects.filter(pk=session.pk)
        .annotate(
            log_id=Subquery(
                WorkoutLog.objects.filter(session=OuterRef("pk")).values("pk")[:1]
            ),
            by_activity=Exists(ActivityInstance.objects.filter(session=OuterRef("pk"))),
        )
        .values_list("log_id", "by_activity")
        .get()
    )
    return SessionLogStatus(workout_log_id=workout_log_id, by_activity=by_activity)


# ---------------------------------------------------------------------------
# Workout logs
# ---------------------------------------------------------------------------
def workout_log_with_sets(queryset: QuerySet[WorkoutLog]) -> QuerySet[WorkoutLog]:
    """Prefetch shape for showing logs: sets in order with their movements and the
    records they set, and the planned session. Four queries for any number of logs."""
    records = PersonalRecord.objects.select_related("movement").order_by("kind", "id")
    sets = (
        SetLog.objects.select_related("movement")
        .prefetch_related(Prefetch("personal_records", queryset=records))
        .order_by("order", "id")
    )
    return queryset.select_related("session").prefetch_related(
        Prefetch("sets", queryset=sets)
    )


def workout_log_get_for_user(*, user, workout_log_id: int) -> WorkoutLog:
    """The log ``workout_log_id`` if ``user`` owns it, with its sets.

    Raises ``Http404`` when it does not exist *or* belongs to another athlete.
    """
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such workout log.")
    try:
        return workout_log_with_sets(WorkoutLog.objects.for_user(user)).get(
            pk=workout_log_id
        )
    except (WorkoutLog.DoesNotExist, ValueError, TypeError):
        raise Http404("No such workout log.") from None


# ---------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------
def workout_log_list(
    *,
    user,
    date_from: date | None = None,
    date_to: date | None = None,
    movement_id: int | None = None,
) -> QuerySet[WorkoutLog]:
    """The athlete's logs, newest first, with sets; optionally performed between
    ``date_from`` and ``date_to`` (inclusive, local dates) and containing a set of
    ``movement_id``."""
    queryset = WorkoutLog.objects.for_user(user)
    if date_from is not None:
        queryset = queryset.filter(performed_at__gte=clock.start_of(date_from))
    if date_to is not None:
        queryset = queryset.filter(
            performed_at__lt=clock.start_of(date_to + timedelta(days=1))
        )
    if movement_id is not None:
        queryset = queryset.filter(
            Exists(
                SetLog.objects.filter(
                    workout_log=OuterRef("pk"), movement_id=movement_id
                )
            )
        )
    return workout_log_with_sets(queryset.order_by("-performed_at", "-id"))


def personal_record_list(
    *, user, movement_id: int | None = None, current_only: bool = True
) -> QuerySet[PersonalRecord]:
    """The athlete's records (the standing ones, or the whole history), by
    movement, kind and key, newest first within each."""
    queryset = PersonalRecord.objects.for_user(user).select_related(
        "movement", "set_log"
    )
    if current_only:
        queryset = queryset.current()
    if movement_id is not None:
        queryset = queryset.filter(movement_id=movement_id)
    return queryset.order_by(
        "movement__name", "kind", "reps", "load_kg", "-achieved_at", "-id"
    )


def activity_instance_list(*, user) -> QuerySet[ActivityInstance]:
    """The athlete's activities, newest first, with their definitions."""
    return ActivityInstance.objects.for_user(user).select_related("definition")


def last_working_loads(*, user, movement_ids) -> dict[int, Decimal]:
    """The load (kg) of the athlete's most recent working set of each movement
    that had one recorded: what the log page pre-fills. One query."""
    rows = (
        SetLog.objects.for_user(user)
        .working()
        .filter(movement_id__in=set(movement_ids), load_kg__isnull=False)
        .order_by("movement_id", "-workout_log__performed_at", "-order")
        .values_list("movement_id", "load_kg")
    )
    loads: dict[int, Decimal] = {}
    for movement_id, load in rows:
        loads.setdefault(movement_id, load)
    return loads


# ---------------------------------------------------------------------------
# History by week
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class HistoryWeek:
    """One ISO week of the athlete's history: workouts (with sets and the records
    they set) and activities, newest first, and the week's hard sets."""

    week_start: date
    workouts: list[WorkoutLog]
    activities: list[ActivityInstance]
    hard_sets: int


def history_weeks(*, user, last_monday: date, weeks: int = 6) -> list[HistoryWeek]:
    """The ``weeks`` ISO weeks ending with the one starting ``last_monday``,
    newest first, empty weeks included. Five queries."""
    first_monday = last_monday - timedelta(weeks=weeks - 1)
    logs = list(
        workout_log_list(
            user=user,
            date_from=first_monday,
            date_to=last_monday + timedelta(days=6),
        )
    )
    activities = list(
        activity_instance_list(user=user).filter(
            performed_start__gte=clock.start_of(first_monday),
            performed_start__lt=clock.start_of(last_monday + timedelta(days=7)),
        )
    )
    result = []
    for offset in range(weeks):
        monday = last_monday - timedelta(weeks=offset)
        in_week = [
            log
            for log in logs
            if adherence.week_start(clock.local_date(log.performed_at)) == monday
        ]
        result.append(
            HistoryWeek(
                week_start=monday,
                workouts=in_week,
                activities=[
                    a
                    for a in activities
                    if adherence.week_start(clock.local_date(a.performed_start))
                    == monday
                ],
                hard_sets=sum(s.is_hard for log in in_week for s in log.sets.all()),
            )
        )
    return result


def has_history_before(*, user, day: date) -> bool:
    """Whether the athlete logged anything before ``day``."""
    start = clock.start_of(day)
    return (
        WorkoutLog.objects.for_user(user).filter(performed_at__lt=start).exists()
        or ActivityInstance.objects.for_user(user)
        .filter(performed_start__lt=start)
        .exists()
    )
