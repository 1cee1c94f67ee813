"""Auth, settings and profile API serializers."""

from __future__ import annotations

from rest_framework import serializers
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer

from coach.models import (
    PRIORITY_MAX,
    AthleteSettings,
    E1RMFormula,
    ExperienceLevel,
    PersonaAggression,
    PersonaTone,
    TrainingDiscipline,
    Units,
    User,
    validate_time_zone,
)


class RegisterInputSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(write_only=True, max_length=128)
    name = serializers.CharField(max_length=100, required=False, allow_blank=True)


class UserOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "name",
            "is_active",
            "experience_level",
            "persona_tone",
            "persona_aggression",
        ]


class TokenPairOutputSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()
    token_type = serializers.CharField()
    user = UserOutputSerializer()


class LoginInputSerializer(TokenObtainPairSerializer):
    """Email + password → a JWT pair, plus who logged in."""

    def validate(self, attrs):
        data = super().validate(attrs)
        data["token_type"] = "Bearer"
        data["user"] = UserOutputSerializer(self.user).data
        return data


# ---------------------------------------------------------------------------
# Settings and profile
# ---------------------------------------------------------------------------
class AthleteSettingsOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = AthleteSettings
        fields = ["units", "e1rm_formula", "updated_at"]
        read_only_fields = fields


class AthleteSettingsUpdateInputSerializer(serializers.Serializer):
    """Units (loads are stored in kg and shown in these) and the e1RM formula; a
    field left out keeps its value."""

    units = serializers.ChoiceField(choices=Units.choices, required=False)
    e1rm_formula = serializers.ChoiceField(choices=E1RMFormula.choices, required=False)


class AthleteProfileOutputSerializer(serializers.Serializer):
    """The athlete's profile: account defaults (experience, persona) and the
    preferences programs are built around. Priorities run 0–5 (absent: no
    preference); a discipline absent from ``discipline_experience`` was never
    done. Equipment, movement rules and enjoyable activities have their own
    endpoints under ``/api/v1/settings/``."""

    email = serializers.EmailField()
    name = serializers.CharField()
    experience_level = serializers.ChoiceField(choices=ExperienceLevel.choices)
    persona_tone = serializers.ChoiceField(choices=PersonaTone.choices)
    persona_aggression = serializers.ChoiceField(choices=PersonaAggression.choices)
    long_term_goals = serializers.CharField()
    preferred_weekdays = serializers.ListField(child=serializers.IntegerField())
    discipline_priorities = serializers.DictField(child=serializers.IntegerField())
    discipline_experience = serializers.DictField(child=serializers.CharField())
    dedicated_mobility_days = serializers.BooleanField()
    dedicated_cardio_days = serializers.BooleanField()
    cardio_as_finisher = serializers.BooleanField()
    training_time = serializers.TimeField(
        help_text="Local time sessions start at in the calendar feed."
    )
    time_zone = serializers.CharField(
        help_text="IANA time zone of the training time; empty: the server's."
    )
    updated_at = serializers.DateTimeField()


class AthleteProfileUpdateInputSerializer(serializers.Serializer):
    """Any profile field; a field left out keeps its value. Dicts replace the
    stored ones whole (send ``{}`` to clear)."""

    name = serializers.CharField(max_length=100, required=False, allow_blank=True)
    experience_level = serializers.ChoiceField(
        choices=ExperienceLevel.choices, required=False
    )
    persona_tone = serializers.ChoiceField(choices=PersonaTone.choices, required=False)
    persona_aggression = serializers.ChoiceField(
        choices=PersonaAggression.choices, required=False
    )
    long_term_goals = serializers.CharField(
        max_length=2000, required=False, allow_blank=True
    )
    preferred_weekdays = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=6),
        required=False,
        max_length=7,
        help_text="0 = Monday … 6 = Sunday; empty: spread the days.",
    )
    discipline_priorities = serializers.DictField(
        child=serializers.IntegerField(min_value=0, max_value=PRIORITY_MAX),
        required=False,
        help_text="{discipline: 0–5} over " + ", ".join(TrainingDiscipline.values),
    )
    discipline_experience = serializers.DictField(
        child=serializers.ChoiceField(choices=ExperienceLevel.choices),
        required=False,
        help_text="{discipline: experience level}; leave a discipline out if never done.",
    )
    dedicated_mobility_days = serializers.BooleanField(required=False)
    dedicated_cardio_days = serializers.BooleanField(required=False)
    cardio_as_finisher = serializers.BooleanField(required=False)
    training_time = serializers.TimeField(
        required=False, help_text="HH:MM, local time in time_zone."
    )
    time_zone = serializers.CharField(
        max_length=64,
        required=False,
        allow_blank=True,
        validators=[validate_time_zone],
        help_text="An IANA name such as Europe/Paris; empty: the server's time zone.",
    )


class CalendarFeedOutputSerializer(serializers.Serializer):
    """The athlete's calendar feed: the training time and zone its sessions start
    at, and its URLs (``null`` while the feed is off). ``feed_url`` is for a
    calendar's "subscribe from URL"; ``webcal_url`` opens the device's app."""

    training_time = serializers.TimeField()
    time_zone = serializers.CharField()
    feed_url = serializers.URLField(allow_null=True)
    webcal_url = serializers.CharField(allow_null=True)
