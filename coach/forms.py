"""HTML forms for accounts (sign up, log in with an email address) and for the
Settings page's profile and preferences sections, whose preference fields the
program wizard reuses."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from coach.models import (
    DEFAULT_TRAINING_TIME,
    PRIORITY_MAX,
    E1RMFormula,
    ExperienceLevel,
    PersonaAggression,
    PersonaTone,
    TrainingDiscipline,
    Units,
    Weekday,
    time_zone_names,
)
from coach.throttling import login_attempt_allowed


class SiteForm(forms.Form):
    """The site's base form: labels without a trailing colon."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def add_service_errors(self, exc: ValidationError) -> None:
        """Put a service's ``ValidationError`` on the form: each message on the
        field it names when the form has it, the rest above the form."""
        if not hasattr(exc, "error_dict"):
            self.add_error(None, exc.messages)
            return
        for name, messages in exc.message_dict.items():
            self.add_error(name if name in self.fields else None, messages)


class SignUpForm(SiteForm):
    """Email, name and password (twice). The account itself is created by
    ``coach.services.user_register``, which owns the uniqueness and password
    rules; the view adds its errors back to this form."""

    name = forms.CharField(
        label="Your name",
        max_length=100,
        required=False,
        help_text="Optional. Your coach uses it in notes.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Email",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        help_text="At least 8 characters, not only digits, not a common password.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["email", "name", "password", "password_confirm"]

    def clean(self) -> dict:
        cleaned = super().clean()
        password = cleaned.get("password")
        confirm = cleaned.get("password_confirm")
        if password and confirm and password != confirm:
            self.add_error("password_confirm", "The two passwords differ.")
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form with the username field presented as an email."""

    username = forms.EmailField(
        label="Email",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email and password do not match an account.",
        "throttled": (
            "Too many sign-in attempts for this email. Wait a while and try again."
        ),
    }

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        """Count the attempt against the e-mail's ``login_account`` rate (the same
        counter as ``POST /api/v1/auth/login``) before checking the password."""
        email = self.cleaned_data.get("username")
        if email and not login_attempt_allowed(email):
            raise forms.ValidationError(
                self.error_messages["throttled"], code="throttled"
            )
        return super().clean()


# ---------------------------------------------------------------------------
# Settings: profile and preferences (shared with the program wizard)
# ---------------------------------------------------------------------------
PRIORITY_CHOICES: list[tuple[str | int, str]] = [
    ("", "No preference"),
    (0, "0 · not for me"),
    (1, "1 · a little"),
    (2, "2"),
    (3, "3 · a fair amount"),
    (4, "4"),
    (PRIORITY_MAX, f"{PRIORITY_MAX} · a lot"),
]
DISCIPLINE_EXPERIENCE_CHOICES: list[tuple[str, str]] = [
    ("", "Never done it"),
    *ExperienceLevel.choices,
]
MOBILITY_MIXED, MOBILITY_DEDICATED = "MIXED", "DEDICATED"
MOBILITY_CHOICES = [
    (MOBILITY_MIXED, "Mixed into lifting days: longer warm-ups and cool-downs"),
    (MOBILITY_DEDICATED, "On days of its own"),
]
CARDIO_FINISHER, CARDIO_DEDICATED, CARDIO_BOTH = "FINISHER", "DEDICATED", "BOTH"
CARDIO_CHOICES = [
    (CARDIO_FINISHER, "As 10–20 minute finishers on lifting days"),
    (CARDIO_DEDICATED, "On days of its own"),
    (CARDIO_BOTH, "Both"),
]
WEEKDAY_CHOICES = [(day.value, day.label[:3]) for day in Weekday]


def weekdays_field(**kwargs) -> forms.TypedMultipleChoiceField:
    """Preferred training weekdays as chips (values 0 = Monday … 6)."""
    options = {
        "label": "Days you like to train",
        "choices": WEEKDAY_CHOICES,
        "coerce": int,
        "required": False,
        "widget": forms.CheckboxSelectMultiple,
        "help_text": "Sessions land on these days when you pick at least as many "
        "as you train. None: Alloy spreads the days.",
    }
    options.update(kwargs)
    return forms.TypedMultipleChoiceField(**options)


class PreferenceFieldsForm(SiteForm):
    """Discipline priorities and experience, and the scheduling choices, as form
    fields (the Settings page's "Advanced" section and the wizard's likes step).

    One ``priority_<discipline>`` (0–5 or empty) and ``experience_<discipline>``
    (a level or empty: never) field per :class:`TrainingDiscipline`, added below
    the class. :meth:`preferences` turns the cleaned values into the profile's
    fields; :func:`preference_initial` does the reverse.
    """

    mobility_days = forms.ChoiceField(
        label="Mobility work",
        choices=MOBILITY_CHOICES,
        initial=MOBILITY_MIXED,
        widget=forms.RadioSelect,
    )
    cardio_days = forms.ChoiceField(
        label="Cardio",
        choices=CARDIO_CHOICES,
        initial=CARDIO_FINISHER,
        widget=forms.RadioSelect,
    )

    def discipline_rows(self) -> list[dict]:
        """Each discipline with its two bound fields, for a table."""
        return [
            {
                "label": discipline.label,
                "priority": self[f"priority_{discipline.value.lower()}"],
                "experience": self[f"experience_{discipline.value.lower()}"],
            }
            for discipline in TrainingDiscipline
        ]

    def preferences(self) -> dict:
        """The profile's preference fields from ``cleaned_data``."""
        cleaned = self.cleaned_data
        priorities, experience = {}, {}
        for discipline in TrainingDiscipline:
            key = discipline.value.lower()
            if cleaned.get(f"priority_{key}") is not None:
                priorities[discipline.value] = cleaned[f"priority_{key}"]
            if cleaned.get(f"experience_{key}"):
                experience[discipline.value] = cleaned[f"experience_{key}"]
        cardio = cleaned.get("cardio_days") or CARDIO_FINISHER
        return {
            "discipline_priorities": priorities,
            "discipline_experience": experience,
            "dedicated_mobility_days": cleaned.get("mobility_days")
            == MOBILITY_DEDICATED,
            "dedicated_cardio_days": cardio in (CARDIO_DEDICATED, CARDIO_BOTH),
            "cardio_as_finisher": cardio in (CARDIO_FINISHER, CARDIO_BOTH),
        }


for _discipline in TrainingDiscipline:
    _key = _discipline.value.lower()
    for _name, _field in (
        (
            f"priority_{_key}",
            forms.TypedChoiceField(
                label=f"Priority of {_discipline.label.lower()}",
                choices=PRIORITY_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
            ),
        ),
        (
            f"experience_{_key}",
            forms.ChoiceField(
                label=f"Experience in {_discipline.label.lower()}",
                choices=DISCIPLINE_EXPERIENCE_CHOICES,
                required=False,
            ),
        ),
    ):
        PreferenceFieldsForm.base_fields[_name] = _field
        PreferenceFieldsForm.declared_fields[_name] = _field


def preference_initial(
    *,
    discipline_priorities: dict,
    discipline_experience: dict,
    dedicated_mobility_days: bool,
    dedicated_cardio_days: bool,
    cardio_as_finisher: bool,
) -> dict:
    """Initial values of :class:`PreferenceFieldsForm` from the profile's fields."""
    initial: dict = {
        "mobility_days": MOBILITY_DEDICATED
        if dedicated_mobility_days
        else MOBILITY_MIXED,
        "cardio_days": (
            CARDIO_BOTH
            if dedicated_cardio_days and cardio_as_finisher
            else CARDIO_DEDICATED
            if dedicated_cardio_days
            else CARDIO_FINISHER
        ),
    }
    for discipline in TrainingDiscipline:
        key = discipline.value.lower()
        priority = discipline_priorities.get(discipline.value)
        initial[f"priority_{key}"] = "" if priority is None else priority
        initial[f"experience_{key}"] = discipline_experience.get(discipline.value, "")
    return initial


class ProfileForm(SiteForm):
    """The Settings page's Profile section: name, experience, the coach's default
    persona and long-term goals."""

    name = forms.CharField(label="Your name", max_length=100, required=False)
    experience_level = forms.ChoiceField(
        label="Lifting experience",
        choices=ExperienceLevel.choices,
        widget=forms.RadioSelect,
    )
    persona_tone = forms.ChoiceField(
        label="Coach's tone", choices=PersonaTone.choices, widget=forms.RadioSelect
    )
    persona_aggression = forms.ChoiceField(
        label="How hard your coach pushes",
        choices=PersonaAggression.choices,
        widget=forms.RadioSelect,
    )
    long_term_goals = forms.CharField(
        label="Long-term goals",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="In your words: a first pull-up, a 10 km run, a 200 kg deadlift…",
    )


class PreferencesForm(PreferenceFieldsForm):
    """The Settings page's Preferences section: units, the e1RM formula, training
    weekdays and (under "Advanced") disciplines and scheduling."""

    units = forms.ChoiceField(
        label="Units", choices=Units.choices, widget=forms.RadioSelect
    )
    e1rm_formula = forms.ChoiceField(
        label="e1RM formula",
        choices=E1RMFormula.choices,
        help_text="How Alloy estimates your one-rep max from a set. Epley is the usual.",
    )
    preferred_weekdays = weekdays_field()

    field_order = ["units", "e1rm_formula", "preferred_weekdays"]


def time_zone_choices() -> list[tuple[str, str]]:
    """Every IANA zone, sorted, after "the site's time zone" (stored as empty)."""
    return [("", "Same as this Alloy server")] + [
        (name, name.replace("_", " ")) for name in sorted(time_zone_names())
    ]


class CalendarForm(SiteForm):
    """The Settings page's Calendar section: when training sessions start in the
    calendar feed (local time) and in which time zone."""

    training_time = forms.TimeField(
        label="Usual training time",
        initial=DEFAULT_TRAINING_TIME,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="Sessions start at this time in your calendar.",
    )
    time_zone = forms.ChoiceField(
        label="Time zone",
        choices=time_zone_choices,
        required=False,
        help_text="Where you train, e.g. Europe/London. Daylight saving is handled.",
    )
