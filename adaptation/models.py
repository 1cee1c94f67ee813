"""The daily coach: the athlete's check-in and the adaptations of planned sessions.

A :class:`DailyCheckIn` is what the athlete says on a day (soreness per muscle,
minutes available, the equipment at hand, notes). The readiness inputs (sleep,
stress, energy, nutrition) are **not** stored twice: the check-in writes them
through ``training_logs.services.recovery_signal_create`` and points at that
:class:`~training_logs.models.RecoverySignal`; its soreness goes through
``training_logs.services.soreness_log_create``, the code path behind
``POST /logs/soreness/``, so muscle recovery moves exactly as it does there.

A :class:`SessionAdaptation` is one proposal of the adaptation engine for one
planned session: the operations with their reasons and the adapted prescription.
The planned session is never rewritten: accepting a proposal makes *it* what the
day shows and what logging pre-fills, and both stay visible.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from coach.models import TimeStampedModel
from programs.models import Session
from training_logs.models import RecoverySignal

#: Minutes an athlete may say they have today. 10 minutes is the shortest session
#: the timing tables can still fit a warm-up and one working block into; 240 the
#: longest a day could hold (design choice [U]).
MINUTES_MIN = 10
MINUTES_MAX = 240
SORENESS_MIN = 1
SORENESS_MAX = 10


class DailyCheckInQuerySet(models.QuerySet["DailyCheckIn"]):
    def for_user(self, user) -> DailyCheckInQuerySet:
        """Only ``user``'s check-ins: the start of every ownership-scoped query."""
        return self.filter(user=user)


class DailyCheckIn(TimeStampedModel):
    """How the athlete is on ``date``.

    ``soreness`` is ``{muscle slug: 1–10}`` (library slugs, 10 = very sore; the
    service checks the slugs against ``movements.Muscle``). ``minutes_available``
    is the time for today's session (``MINUTES_MIN``–``MINUTES_MAX``; ``None``:
    the planned length). ``equipment`` is today's list of equipment values
    (``None``: the program's). ``recovery_signal`` holds sleep hours, stress,
    energy and nutrition (``None`` when none was given). ``readiness_score``
    (0–100) and ``readiness`` (the engine's breakdown: ``{"score", "band",
    "components", "weights", "missing", "treatment", "defaulted"}``) are the
    readiness computed when the day was adapted; the deload trigger reads the
    last check-ins' scores.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    date = models.DateField()
    soreness = models.JSONField(default=dict, blank=True)
    recovery_signal = models.ForeignKey(
        RecoverySignal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checkins",
    )
    minutes_available = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(MINUTES_MIN), MaxValueValidator(MINUTES_MAX)],
    )
    equipment = models.JSONField(null=True, blank=True)
    notes = models.CharField(max_length=500, blank=True)
    readiness_score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    readiness = models.JSONField(default=dict, blank=True)

    objects = DailyCheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes_available__isnull=True)
                | Q(
                    minutes_available__gte=MINUTES_MIN,
                    minutes_available__lte=MINUTES_MAX,
                ),
                name="checkin_minutes_available_bounds",
            ),
        ]
        indexes = [models.Index(fields=["user", "-date"])]

    def __str__(self) -> str:
        return f"Check-in of {self.user} on {self.date}"


class AdaptationStatus(models.TextChoices):
    """PROPOSED → ACCEPTED | REJECTED; a newer proposal makes an open one SUPERSEDED."""

    PROPOSED = "PROPOSED", "Proposed"
    ACCEPTED = "ACCEPTED", "Accepted"
    REJECTED = "REJECTED", "Kept the original"
    SUPERSEDED = "SUPERSEDED", "Superseded"


class SessionAdaptationQuerySet(models.QuerySet["SessionAdaptation"]):
    def for_user(self, user) -> SessionAdaptationQuerySet:
        """Only adaptations of ``user``'s sessions."""
        return self.filter(session__program__user=user)

    def accepted(self) -> SessionAdaptationQuerySet:
        return self.filter(status=AdaptationStatus.ACCEPTED)


class SessionAdaptation(TimeStampedModel):
    """The adaptation engine's proposal for one planned session.

    ``operations`` is ``[{"kind", "reason", "exercise_order", "movement_id",
    "movement_name", "detail"}]`` (kinds: SWAP, DROP, CUT_SETS, LOWER_EFFORT,
    SHORTEN_REST, EXTEND_WARMUP, CONVERT_TO_RECOVERY). ``prescription`` is the
    adapted session: ``{"exercises": [{"order", "movement_id", "movement_name",
    "role", "sets", "reps_min", "reps_max", "duration_seconds", "target_rpe",
    "target_rir", "rest_seconds", "estimated_seconds", "source_exercise_id"}],
    "time_breakdown": {block: minutes}, "estimated_minutes", "is_recovery"}``.
    ``readiness_score`` is 0–100; ``readiness`` the engine's breakdown
    (components, weights, missing inputs). At most one ACCEPTED adaptation per
    session (a database constraint).
    """

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="adaptations"
    )
    checkin = models.ForeignKey(
        DailyCheckIn,
        on_delete=models.CASCADE,
        related_name="adaptations",
    )
    status = models.CharField(
        max_length=10,
        choices=AdaptationStatus.choices,
        default=AdaptationStatus.PROPOSED,
        db_index=True,
    )
    readiness_score = models.PositiveSmallIntegerField(
        validators=[MaxValueValidator(100)]
    )
    readiness = models.JSONField(default=dict, blank=True)
    operations = models.JSONField(default=list, blank=True)
    prescription = models.JSONField(default=dict, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(default=0)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = SessionAdaptationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session"],
                condition=Q(status="ACCEPTED"),
                name="adaptation_one_accepted_per_session",
            ),
            models.CheckConstraint(
                condition=Q(readiness_score__lte=100),
                name="adaptation_readiness_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session} · {self.get_status_display()}"


#: The longest question an athlete may send in a thread (characters).
MESSAGE_MAX_CHARS = 1000


class ThreadStatus(models.TextChoices):
    """IN_PROGRESS → ACCEPTED | REJECTED, with the adaptation it is about."""

    IN_PROGRESS = "IN_PROGRESS", "In progress"
    ACCEPTED = "ACCEPTED", "Accepted"
    REJECTED = "REJECTED", "Rejected"


class ConversationThreadQuerySet(models.QuerySet["ConversationThread"]):
    def for_user(self, user) -> ConversationThreadQuerySet:
        """Only ``user``'s threads."""
        return self.filter(user=user)


class ConversationThread(TimeStampedModel):
    """The conversation about one adaptation of one planned session.

    Opened by each streamed adaptation (``POST /days/{date}/adapt/stream``);
    follow-up questions add turns. Accepting or rejecting it decides its
    adaptation in the same transaction; ``final_content`` is then the last
    assistant answer shown and ``final_notes`` what the athlete wrote. Threads
    are kept for the history.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="threads"
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="threads"
    )
    adaptation = models.ForeignKey(
        SessionAdaptation, on_delete=models.CASCADE, related_name="threads"
    )
    status = models.CharField(
        max_length=12,
        choices=ThreadStatus.choices,
        default=ThreadStatus.IN_PROGRESS,
        db_index=True,
    )
    final_content = models.TextField(blank=True)
    final_notes = models.CharField(max_length=MESSAGE_MAX_CHARS, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = ConversationThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"Thread on {self.session} · {self.get_status_display()}"


class TurnRole(models.TextChoices):
    USER = "USER", "Athlete"
    ASSISTANT = "ASSISTANT", "Coach"


class ConversationTurn(TimeStampedModel):
    """One message of a thread.

    An ASSISTANT turn is written once, when its answer has ended: ``content`` is
    what the athlete was finally shown (the model's text, or the deterministic
    explanation when the model failed), ``error_kind`` the failure
    (``coach.llm.FailureKind`` values, blank when the model answered),
    ``model_name``, ``latency_ms`` and the token counts the server reported
    (``None`` when it did not). ``flags`` lists the numbers in the model's text
    that contradict the engine's prescription (``[{"text", "number"}]``); they
    are never shown as a prescription.
    """

    thread = models.ForeignKey(
        ConversationThread, on_delete=models.CASCADE, related_name="turns"
    )
    role = models.CharField(max_length=10, choices=TurnRole.choices)
    content = models.TextField()
    model_name = models.CharField(max_length=200, blank=True)
    latency_ms = models.PositiveIntegerField(null=True, blank=True)
    prompt_tokens = models.PositiveIntegerField(null=True, blank=True)
    completion_tokens = models.PositiveIntegerField(null=True, blank=True)
    error_kind = models.CharField(max_length=32, blank=True)
    flags = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_role_display()} turn of thread {self.thread_id}"
