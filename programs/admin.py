from __future__ import annotations

from django.contrib import admin

from programs.models import Microcycle, Program, Session, SessionExercise


class MicrocycleInline(admin.TabularInline):
    model = Microcycle
    extra = 0
    fields = [
        "sequence_number",
        "start_date",
        "length_days",
        "is_deload",
        "status",
        "generation_status",
    ]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "user",
        "goal_1",
        "duration_weeks",
        "days_per_week",
        "generation_status",
        "created_at",
    ]
    list_filter = ["generation_status", "split_template", "goal_1", "experience_level"]
    search_fields = ["name", "user__email"]
    autocomplete_fields = ["user"]
    readonly_fields = [
        "created_at",
        "updated_at",
        "generation_started_at",
        "generation_finished_at",
        "seed",
    ]
    inlines = [MicrocycleInline]


class SessionExerciseInline(admin.TabularInline):
    model = SessionExercise
    extra = 0
    autocomplete_fields = ["movement"]
    fields = [
        "order",
        "role",
        "movement",
        "sets",
        "reps_min",
        "reps_max",
        "duration_seconds",
        "target_rpe",
        "rest_seconds",
    ]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = [
        "date",
        "program",
        "session_type",
        "focus",
        "estimated_minutes",
        "generation_status",
    ]
    list_filter = ["session_type", "generation_status"]
    search_fields = ["program__name", "program__user__email", "focus"]
    list_select_related = ["program"]
    raw_id_fields = ["program", "microcycle"]
    inlines = [SessionExerciseInline]
