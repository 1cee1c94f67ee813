"""Admin for imports: read-only (an import is written by its services and the
worker); the athlete's remembered name choices can be corrected or deleted."""

from __future__ import annotations

from django.contrib import admin

from portability.models import ExerciseNameChoice, ImportJob


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
