"""Import and export: the athlete's imports of other apps' history, the
fingerprints that make an import idempotent, and the athlete's own exercise-name
choices.

Exports are not stored: they are streamed from the athlete's data on request.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from coach.models import TimeStampedModel, Units
from movements.models import Movement
from training_logs.models.workouts import SetLog, WorkoutLog


class ImportSource(models.TextChoices):
    STRONG = "STRONG", "Strong (CSV)"
    HEVY = "HEVY", "Hevy (CSV)"
    ALLOY = "ALLOY", "Alloy (JSON export)"


class ImportStatus(models.TextChoices):
    NEEDS_MAPPING = "NEEDS_MAPPING", "Waiting for you to match exercise names"
    QUEUED = "QUEUED", "Queued"
    RUNNING = "RUNNING", "Importing"
    COMPLETED = "COMPLETED", "Imported"
    FAILED = "FAILED", "Failed"


class ImportJobQuerySet(models.QuerySet["ImportJob"]):
    def for_user(self, user) -> ImportJobQuerySet:
        """Only ``user``'s imports: the start of every ownership-scoped query."""
        return self.filter(user=user)


class ImportJob(TimeStampedModel):
    """One uploaded file and its import, run by the django-q2 worker.

    ``content`` is the file's text, kept until the import completes. ``unit`` is
    the weight unit of a file that does not say. ``mapping`` holds the
    athlete's choices on the confirmation page, ``{exercise name: movement id or
    null (leave out)}``; ``unmatched`` the names still to choose, ``[{"name",
    "sets", "candidates": [{"id", "name", "score"}]}]``. Progress: ``sets_done``
    of ``sets_total``; the outcome counts ``workouts_created``,
    ``sets_created``, ``sets_duplicate`` (already imported before),
    ``sets_left_out`` (names the athlete left out) and ``rows_skipped`` (rest
    timers, rows with neither reps nor time).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs"
    )
    source = models.CharField(max_length=8, choices=ImportSource.choices)
    filename = models.CharField(max_length=200, blank=True)
    unit = models.CharField(max_length=2, choices=Units.choices, default=Units.KG)
    content = models.TextField(blank=True)
    status = models.CharField(
        max_length=14, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    mapping = models.JSONField(default=dict, blank=True)
    unmatched = models.JSONField(default=list, blank=True)
    rows_total = models.PositiveIntegerField(default=0)
    rows_skipped = models.PositiveIntegerField(default=0)
    sets_total = models.PositiveIntegerField(default=0)
    sets_done = models.PositiveIntegerField(default=0)
    sets_created = models.PositiveIntegerField(default=0)
    sets_duplicate = models.PositiveIntegerField(default=0)
    sets_left_out = models.PositiveIntegerField(default=0)
    workouts_created = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sets_done__lte=models.F("sets_total")),
                name="import_job_done_lte_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} import {self.pk} of {self.user}"

    def get_absolute_url(self) -> str:
        return reverse("training_logs:import-detail", args=[self.pk])

    @property
    def percent(self) -> int:
        """Progress, 0–100."""
        if self.status == ImportStatus.COMPLETED:
            return 100
        return round(100 * self.sets_done / self.sets_total) if self.sets_total else 0

    @property
    def is_open(self) -> bool:
        """Still queued or running: pages poll while it is."""
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)


class ImportedSet(models.Model):
    """The fingerprint of a set already imported for ``user``
    (``training_logs.portability.sources.ImportedSet.fingerprint``): importing the same row
    again adds nothing. Deleting the workout deletes its fingerprints, so a
    later import brings the sets back."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    fingerprint = models.CharField(max_length=64)
    set_log = models.OneToOneField(
        SetLog, on_delete=models.CASCADE, related_name="import_fingerprint"
    )
    workout_log = models.ForeignKey(
        WorkoutLog, on_delete=models.CASCADE, related_name="+"
    )
    job = models.ForeignKey(
        ImportJob, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "fingerprint"], name="imported_set_fingerprint_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fingerprint[:12]}… → set {self.set_log_id}"


class ExerciseNameChoice(TimeStampedModel):
    """The movement an athlete chose for an exercise name of another app, so the
    next import does not ask again. ``name`` is normalised
    (``training_logs.portability.matching.normalize_name``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="exercise_name_choices",
    )
    name = models.CharField(max_length=200)
    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "name"], name="exercise_name_choice_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.movement}"
