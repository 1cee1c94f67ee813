from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from coach.models import AthleteProfile, AthleteSettings, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "experience_level", "is_staff", "date_joined"]
    list_filter = ["is_staff", "is_active", "experience_level"]
    search_fields = ["email", "name"]
    readonly_fields = ["date_joined", "last_login"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            "Athlete",
            {
                "fields": (
                    "name",
                    "experience_level",
                    "persona_tone",
                    "persona_aggression",
                )
            },
        ),
        (
            "Permissions",
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),
    )


@admin.register(AthleteProfile)
class AthleteProfileAdmin(admin.ModelAdmin):
    """Athletes' profiles (they edit them on the Settings page or the API)."""

    list_display = [
        "user",
        "dedicated_mobility_days",
        "dedicated_cardio_days",
        "cardio_as_finisher",
        "updated_at",
    ]
    list_filter = ["dedicated_mobility_days", "dedicated_cardio_days"]
    search_fields = ["user__email", "user__name"]
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at", "updated_at"]
    list_select_related = ["user"]


@admin.register(AthleteSettings)
class AthleteSettingsAdmin(admin.ModelAdmin):
    list_display = ["user", "units", "e1rm_formula", "updated_at"]
    list_filter = ["units", "e1rm_formula"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at", "updated_at"]
    list_select_related = ["user"]
