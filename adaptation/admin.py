"""Admin for the daily coach (STYLE C19): read-only.

Check-ins and adaptations are written by ``adaptation.services`` (a check-in
also writes soreness and recovery-signal rows, an accepted adaptation changes what
logging pre-fills), so the admin shows them and may delete them, never edits them.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count

from adaptation.models import (
    ConversationThread,
    ConversationTurn,
    DailyCheckIn,
    SessionAdaptation,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Viewable and deletable, never added or edited by hand."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DailyCheckIn)
class DailyCheckInAdmin(ReadOnlyAdmin):
    list_display = ["date", "user", "minutes_available", "sore_muscles", "created_at"]
    list_filter = ["date"]
    search_fields = ["user__email", "notes"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "date"

    @admin.display(description="Sore muscles (1–10)")
    def sore_muscles(self, obj: DailyCheckIn) -> str:
        return ", ".join(f"{m} {v}" for m, v in sorted((obj.soreness or {}).items()))


@admin.register(SessionAdaptation)
class SessionAdaptationAdmin(ReadOnlyAdmin):
    list_display = [
        "session",
        "status",
        "readiness_score",
        "estimated_minutes",
        "operation_count",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["session__program__user__email", "session__program__name"]
    list_select_related = ["session"]
    readonly_fields = ["created_at", "updated_at", "decided_at"]

    @admin.display(description="Changes")
    def operation_count(self, obj: SessionAdaptation) -> int:
        return len(obj.operations or [])


class ConversationTurnInline(admin.TabularInline):
    model = ConversationTurn
    extra = 0
    can_delete = False
    fields = ["role", "content", "model_name", "latency_ms", "error_kind", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ConversationThread)
class ConversationThreadAdmin(ReadOnlyAdmin):
    """The coach's conversations, with their turns (the model's failures show as
    ``error_kind``)."""

    list_display = ["session", "user", "status", "turn_count", "created_at"]
    list_filter = ["status"]
    search_fields = ["user__email", "final_notes"]
    list_select_related = ["session", "user"]
    readonly_fields = ["created_at", "updated_at", "decided_at"]
    inlines = [ConversationTurnInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(turn_total=Count("turns"))

    @admin.display(description="Turns", ordering="turn_total")
    def turn_count(self, obj: ConversationThread) -> int:
        return obj.turn_total
