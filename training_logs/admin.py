"""Admin for training logs (STYLE C19).

Logs and their derived rows are read-only here: a workout's records, top sets,
pattern exposure and muscle recovery are rebuilt by ``training_logs.services``, so
the admin never edits them behind the services' back. Deleting a workout log goes
through ``services.workout_log_delete``. Activity definitions are reference data of
the movement library (``movements.admin``).
"""

from __future__ import annotations

from django.contrib import admin

from training_logs import services
from training_logs.models import (
    ActivityInstance,
    CircuitScore,
    ExerciseNameChoice,
    ImportJob,
    MuscleRecoveryState,
    PatternExposure,
    PersonalRecord,
    RecoverySignal,
    SetLog,
    SorenessLog,
    TopSet,
    WorkoutLog,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Viewable and deletable, never added or edited by hand."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class SetLogInline(admin.TabularInline):
    model = SetLog
    extra = 0
    can_delete = False
    fields = [
        "order",
        "movement",
        "set_number",
        "load_kg",
        "reps",
        "duration_seconds",
        "rpe",
        "rir",
        "is_warmup",
        "is_hard",
        "e1rm_kg",
        "e1rm_low_confidence",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(WorkoutLog)
class WorkoutLogAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "user", "performed_at", "session", "set_count"]
    list_filter = ["performed_at"]
    search_fields = ["user__email", "name", "notes"]
    date_hierarchy = "performed_at"
    readonly_fields = ["created_at", "updated_at"]
    inlines = [SetLogInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "session")

    @admin.display(description="sets")
    def set_count(self, obj: WorkoutLog) -> int:
        return obj.sets.count()

    def get_deleted_objects(self, objs, request):
        # The cascade reaches derived rows (records, top sets) whose admins refuse
        # deletion by hand; deleting the log is how they go, and the service
        # rebuilds them, so their permissions do not apply here.
        deleted, counts, _perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        return deleted, counts, set(), protected

    def delete_model(self, request, obj: WorkoutLog) -> None:
        services.workout_log_delete(workout_log=obj)

    def delete_queryset(self, request, queryset) -> None:
        for workout_log in queryset:
            services.workout_log_delete(workout_log=workout_log)


@admin.register(PersonalRecord)
class PersonalRecordAdmin(ReadOnlyAdmin):
    list_display = [
        "movement",
        "user",
        "kind",
        "value",
        "reps",
        "load_kg",
        "is_current",
        "achieved_at",
    ]
    list_filter = ["kind", "is_current"]
    search_fields = ["user__email", "movement__name"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(TopSet)
class TopSetAdmin(ReadOnlyAdmin):
    list_display = ["movement", "user", "performed_at", "load_kg", "reps", "e1rm_kg"]
    search_fields = ["user__email", "movement__name"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PatternExposure)
class PatternExposureAdmin(ReadOnlyAdmin):
    list_display = ["user", "week_start", "pattern", "hard_sets", "volume_load_kg"]
    list_filter = ["pattern", "week_start"]
    search_fields = ["user__email"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(MuscleRecoveryState)
class MuscleRecoveryStateAdmin(ReadOnlyAdmin):
    list_display = ["user", "muscle", "level", "last_updated_at"]
    list_filter = ["muscle"]
    search_fields = ["user__email"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SorenessLog)
class SorenessLogAdmin(ReadOnlyAdmin):
    list_display = ["user", "muscle", "body_part", "level", "logged_at"]
    list_filter = ["body_part", "muscle"]
    search_fields = ["user__email"]
    readonly_fields = ["created_at", "updated_at"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # a deletion would have to rebuild muscle recovery


@admin.register(RecoverySignal)
class RecoverySignalAdmin(ReadOnlyAdmin):
    list_display = [
        "user",
        "logged_at",
        "sleep_hours",
        "sleep_quality",
        "stress",
        "energy",
        "nutrition",
    ]
    search_fields = ["user__email"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(ActivityInstance)
class ActivityInstanceAdmin(ReadOnlyAdmin):
    list_display = [
        "__str__",
        "user",
        "definition",
        "performed_start",
        "duration_seconds",
        "distance_km",
        "source",
    ]
    list_filter = ["source", "definition__category"]
    search_fields = ["user__email", "name"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(CircuitScore)
class CircuitScoreAdmin(ReadOnlyAdmin):
    list_display = ["circuit", "user", "performed_on", "score_text"]
    list_filter = ["circuit__circuit_type"]
    search_fields = ["user__email", "circuit__name"]
    list_select_related = ["circuit", "user"]
    readonly_fields = ["created_at", "updated_at"]


# Imports: read-only (an import is written by its services and the worker); the
# athlete's remembered name choices can be corrected or deleted.


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "user",
        "source",
        "filename",
        "status",
        "sets_done",
        "sets_total",
        "sets_created",
        "created_at",
    ]
    list_filter = ["status", "source"]
    search_fields = ["user__email", "filename"]
    exclude = ["content"]
    readonly_fields = [
        f.name for f in ImportJob._meta.concrete_fields if f.name != "content"
    ]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ExerciseNameChoice)
class ExerciseNameChoiceAdmin(admin.ModelAdmin):
    list_display = ["name", "movement", "user", "updated_at"]
    search_fields = ["name", "user__email", "movement__name"]
    autocomplete_fields = ["movement"]
    list_select_related = ["movement", "user"]
