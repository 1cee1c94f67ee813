"""HTML forms for the program wizard and the program pages.

Each wizard step is one ``Form``. The forms check types, choices and the bounds an
athlete can fix on that step; the training rules (the $10 budget, goal
interference, bounds) are checked again by the engine's one validator
(``programs.generation.validate_request``) so the wizard and the API answer alike,
and ``programs.services.program_create`` re-validates everything on Create.
"""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils import timezone

from coach.forms import PreferenceFieldsForm, SiteForm, weekdays_field
from coach.models import ExperienceLevel, PersonaAggression, PersonaTone
from movements.forms import (
    ActivitiesForm,
    EquipmentForm,
    MovementRulesForm,
)
from programs import specs
from programs.generation import (
    BOUNDS,
    GOAL_BUDGET,
    MAX_GOALS,
    SpecValidationError,
    sample_note,
    validate_request,
)
from programs.generation import types as t
from programs.models import Goal, SplitTemplate
from programs.services import ProgramInput

# The engine's request needs a full schedule; the goals step checks the goals
# against these (valid) placeholders before the athlete has chosen one.
_PLACEHOLDER_SCHEDULE = {
    "duration_weeks": 8,
    "days_per_week": 4,
    "max_session_minutes": 60,
}

_WEEKS, _DAYS, _MINUTES = (
    BOUNDS["duration_weeks"],
    BOUNDS["days_per_week"],
    BOUNDS["max_session_minutes"],
)
_MINUTES_MESSAGE = f"Sessions can be {_MINUTES[0]} to {_MINUTES[1]} minutes."

GOAL_DESCRIPTIONS: Mapping[str, str] = {
    Goal.STRENGTH: "Lift heavier: big lifts, low reps, long rests.",
    Goal.HYPERTROPHY: "Build muscle: moderate reps taken close to failure.",
    Goal.ENDURANCE: "Go longer: higher reps, conditioning and cardio.",
    Goal.MOBILITY: "Move better: range of motion and control.",
    Goal.SKILL: "Practise a skill until it is smooth (pull-ups, Olympic lifts…).",
    Goal.FAT_LOSS: "Lean out: more work per minute, finishers, conditioning.",
}

EXPERIENCE_DESCRIPTIONS: Mapping[str, str] = {
    ExperienceLevel.BEGINNER: "Under a year of regular lifting.",
    ExperienceLevel.INTERMEDIATE: "One to three years; you know the big lifts.",
    ExperienceLevel.ADVANCED: "Three years or more; progress comes slowly.",
    ExperienceLevel.EXPERT: "You compete or have coached for years.",
}

TONE_DESCRIPTIONS: Mapping[str, str] = {
    PersonaTone.SUPPORTIVE: "Encouraging, celebrates the small wins.",
    PersonaTone.NEUTRAL: "Plain facts and numbers.",
    PersonaTone.DIRECT: "Short, blunt, no sugar-coating.",
}

AGGRESSION_DESCRIPTIONS: Mapping[str, str] = {
    PersonaAggression.CONSERVATIVE: "Small jumps, more reps in reserve.",
    PersonaAggression.BALANCED: "Steady progress, the default.",
    PersonaAggression.AGGRESSIVE: "Bigger jumps, closer to failure.",
}


def _dollars(value) -> int:
    """A goal field's shown value as whole dollars (anything odd counts as 0)."""
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


def _engine_check(**values) -> tuple[dict[str, list[str]], tuple[str, ...]]:
    """Run the engine's validator on plain values: ``(errors, warnings)``."""
    request = specs.program_request_from_values(
        goals=values["goals"],
        duration_weeks=values["duration_weeks"],
        days_per_week=values["days_per_week"],
        max_session_minutes=values["max_session_minutes"],
        start_date=values.get("start_date") or timezone.localdate(),
        split_template=values.get("split_template") or None,
        progression_style=None,
        deload_every_n_microcycles=4,
        microcycle_length_days=7,
    )
    try:
        return {}, tuple(validate_request(request))
    except SpecValidationError as exc:
        return exc.errors, ()


def _sample(tone: str, aggression: str) -> str:
    return sample_note(t.PersonaTone(tone), t.PersonaAggression(aggression))


# ---------------------------------------------------------------------------
# Step 1: goals
# ---------------------------------------------------------------------------
class GoalsForm(SiteForm):
    """One dollar field per goal (0 = not chosen). Valid when 1–3 goals are
    chosen, they add up to exactly $10 and no two of them conflict heavily.

    ``cleaned_data["goals"]`` is ``[(goal, dollars)]``, largest first;
    ``warnings`` holds the engine's soft goal-interference warnings.
    ``engine_check=False`` leaves the engine's checks (conflicts, warnings) to
    the service: the wizard's Create validates once, in ``program_create``.
    """

    def __init__(self, *args, engine_check: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.engine_check = engine_check
        self.warnings: tuple[str, ...] = ()
        for value, label in Goal.choices:
            self.fields[value.lower()] = forms.IntegerField(
                label=label,
                required=False,
                min_value=0,
                max_value=GOAL_BUDGET,
                initial=0,
                help_text=GOAL_DESCRIPTIONS[value],
                error_messages={
                    "min_value": "Use $0 to $10.",
                    "max_value": "Use $0 to $10.",
                    "invalid": "Enter whole dollars, like 4.",
                },
                widget=forms.NumberInput(
                    attrs={
                        "inputmode": "numeric",
                        "step": 1,
                        "class": "money-input",
                        "data-goal-weight": True,
                    }
                ),
            )

    def goal_rows(self) -> list[dict]:
        """Each goal field (in :class:`Goal` order) and whether it has dollars."""
        rows = []
        for value in Goal.values:
            bound = self[value.lower()]
            rows.append({"field": bound, "chosen": _dollars(bound.value()) > 0})
        return rows

    def budget(self) -> dict:
        """The "$N left" line for the values shown (JavaScript keeps it live)."""
        spent = sum(_dollars(self[v.lower()].value()) for v in Goal.values)
        left = GOAL_BUDGET - spent
        if left > 0:
            text, state = f"${left} left", "open"
        elif left == 0:
            text, state = "$10 placed", "done"
        else:
            text, state = f"${-left} over", "over"
        return {
            "text": text,
            "state": state,
            "spent_percent": max(0, min(100, spent * 100 // GOAL_BUDGET)),
        }

    def clean(self) -> dict:
        cleaned = super().clean()
        if any(name in self.errors for name in (v.lower() for v in Goal.values)):
            return cleaned
        goals = [
            (value, cleaned.get(value.lower()) or 0)
            for value in Goal.values
            if cleaned.get(value.lower())
        ]
        goals.sort(key=lambda gw: -gw[1])
        cleaned["goals"] = goals
        if not goals:
            raise forms.ValidationError(
                "Pick at least one goal: give it some of your $10.", code="no_goals"
            )
        if len(goals) > MAX_GOALS:
            raise forms.ValidationError(
                f"Pick at most {MAX_GOALS} goals ({len(goals)} have dollars).",
                code="too_many_goals",
            )
        total = sum(w for _, w in goals)
        if total != GOAL_BUDGET:
            left = GOAL_BUDGET - total
            detail = f"${left} left to place" if left > 0 else f"${-left} too many"
            raise forms.ValidationError(
                f"Your goals add up to ${total} ({detail}). Split exactly $10.",
                code="budget",
            )
        if not self.engine_check:
            return cleaned
        errors, self.warnings = _engine_check(goals=goals, **_PLACEHOLDER_SCHEDULE)
        if errors.get("goals"):
            raise forms.ValidationError(errors["goals"], code="conflict")
        return cleaned


# ---------------------------------------------------------------------------
# Step 2: schedule
# ---------------------------------------------------------------------------
class ScheduleForm(SiteForm):
    """Weeks, days per week, session length, split, start date and experience.

    ``goals`` (from step 1) lets ``clean`` run the engine's validator on the whole
    request, so a rule that spans fields lands next to the right one
    (``engine_check=False``: left to the service, as on the wizard's Create).
    """

    # The bounds are the engine's (``programs.generation.BOUNDS``); weeks are even.
    duration_weeks = forms.TypedChoiceField(
        label="Program length",
        choices=[(n, f"{n} weeks") for n in range(_WEEKS[0], _WEEKS[1] + 1, 2)],
        coerce=int,
        initial=8,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose 8, 10 or 12 weeks."},
    )
    days_per_week = forms.TypedChoiceField(
        label="Training days per week",
        choices=[(n, str(n)) for n in range(_DAYS[0], _DAYS[1] + 1)],
        coerce=int,
        initial=4,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": f"Choose {_DAYS[0]} to {_DAYS[1]} days a week."
        },
    )
    max_session_minutes = forms.IntegerField(
        label="Longest session",
        min_value=_MINUTES[0],
        max_value=_MINUTES[1],
        initial=60,
        help_text=f"Minutes, {_MINUTES[0]} to {_MINUTES[1]}, warm-up and cool-down "
        "included.",
        error_messages={
            "min_value": _MINUTES_MESSAGE,
            "max_value": _MINUTES_MESSAGE,
            "invalid": "Enter whole minutes, like 60.",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 5}),
    )
    split_template = forms.ChoiceField(
        label="Split",
        choices=[("", "Let Alloy choose")] + list(SplitTemplate.choices),
        required=False,
        help_text="How the week is divided. Alloy picks from your days and goals.",
        error_messages={"invalid_choice": "Choose a split from the list."},
    )
    start_date = forms.DateField(
        label="First day",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a date like 2026-01-05."},
    )
    experience_level = forms.ChoiceField(
        label="Lifting experience",
        choices=ExperienceLevel.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose your experience level."},
    )
    preferred_weekdays = weekdays_field()

    def __init__(
        self,
        *args,
        goals: list[tuple[str, int]] | None = None,
        engine_check: bool = True,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.goals = goals or []
        self.engine_check = engine_check
        self.fields["start_date"].initial = timezone.localdate

    def experience_choices(self) -> list[tuple[forms.BoundWidget, str]]:
        """Each experience radio with its one-line description."""
        return [
            (radio, EXPERIENCE_DESCRIPTIONS[radio.data["value"]])
            for radio in self["experience_level"]
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors or not self.goals or not self.engine_check:
            return cleaned
        errors, _ = _engine_check(goals=self.goals, **cleaned)
        for name, messages in errors.items():
            self.add_error(name if name in self.fields else None, messages)
        return cleaned


# ---------------------------------------------------------------------------
# Step 3: coach
# ---------------------------------------------------------------------------
class CoachForm(SiteForm):
    """The coach's persona for this program: tone and aggression."""

    persona_tone = forms.ChoiceField(
        label="Tone",
        choices=PersonaTone.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose a tone."},
    )
    persona_aggression = forms.ChoiceField(
        label="How hard to push",
        choices=PersonaAggression.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose how hard to push."},
    )

    def samples(self) -> dict[str, list[dict]]:
        """One sample coach note per choice, for the values currently shown.

        Each tone is shown at the chosen aggression and each aggression in the
        chosen tone, so the athlete sees what changing one choice does.
        """
        tone = self._shown("persona_tone", PersonaTone)
        aggression = self._shown("persona_aggression", PersonaAggression)
        return {
            "tones": [
                {
                    "radio": radio,
                    "description": TONE_DESCRIPTIONS[radio.data["value"]],
                    "note": _sample(radio.data["value"], aggression),
                }
                for radio in self["persona_tone"]
            ],
            "aggressions": [
                {
                    "radio": radio,
                    "description": AGGRESSION_DESCRIPTIONS[radio.data["value"]],
                    "note": _sample(tone, radio.data["value"]),
                }
                for radio in self["persona_aggression"]
            ],
        }

    def _shown(self, name: str, enum) -> str:
        value = self[name].value()
        return value if value in enum.values else enum.values[0]


# ---------------------------------------------------------------------------
# Step 4: likes and limits
# ---------------------------------------------------------------------------
class LikesForm(MovementRulesForm, EquipmentForm, ActivitiesForm, PreferenceFieldsForm):
    """Likes and limits for this program, with the Settings page's components:
    movement rules (the picker), equipment (a preset or an own list), enjoyable
    activities and, under "Advanced", disciplines and scheduling.

    The step starts from the athlete's settings (``programs.views``); what is
    chosen here applies to this program only. Movement rules chosen here are laid
    over the athlete's saved rules (``ProgramInput.movement_rules``).
    ``cleaned_data`` adds ``movement_rules``, ``equipment`` (a list, or None when
    nothing was said) and ``preferences`` (the profile's preference fields).
    """

    field_order = ["q", "equipment_preset", "equipment", "enjoyable_activities"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Every part is optional on this step: nothing chosen means "as in my
        # settings" (the views fill the initial values from them).
        for name in ("equipment_preset", "mobility_days", "cardio_days"):
            self.fields[name].required = False

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("equipment_preset"):
            cleaned["equipment"] = None
        cleaned["preferences"] = self.preferences()
        return cleaned


# ---------------------------------------------------------------------------
# Review
# ---------------------------------------------------------------------------
class ReviewForm(SiteForm):
    """The program's name (optional: Alloy names it after the goals)."""

    name = forms.CharField(
        label="Program name",
        max_length=120,
        required=False,
        help_text="Optional. Leave empty and Alloy names it after your goals.",
    )


WIZARD_FORMS: dict[str, type[forms.Form]] = {
    "goals": GoalsForm,
    "schedule": ScheduleForm,
    "coach": CoachForm,
    "likes": LikesForm,
    "review": ReviewForm,
}


def program_input_from_steps(cleaned: Mapping[str, Mapping]) -> ProgramInput:
    """The service's :class:`ProgramInput` from every step's ``cleaned_data``.

    The steps start from the athlete's settings, so what they hold is this
    program's choice; equipment left unsaid (``None``) is the athlete's.
    """
    goals, schedule = cleaned["goals"], cleaned["schedule"]
    coach, likes = cleaned["coach"], cleaned["likes"]
    equipment = likes.get("equipment")
    preferences = likes.get("preferences") or {}
    return ProgramInput(
        name=cleaned["review"].get("name", ""),
        goals=list(goals["goals"]),
        duration_weeks=schedule["duration_weeks"],
        days_per_week=schedule["days_per_week"],
        max_session_minutes=schedule["max_session_minutes"],
        split_template=schedule.get("split_template") or None,
        start_date=schedule["start_date"],
        experience_level=schedule["experience_level"],
        persona_tone=coach["persona_tone"],
        persona_aggression=coach["persona_aggression"],
        equipment=None if equipment is None else sorted(equipment),
        movement_rules=list(likes.get("movement_rules") or []),
        enjoyable_activities=list(likes.get("enjoyable_activities") or []),
        preferred_weekdays=list(schedule.get("preferred_weekdays") or []),
        **preferences,
    )
