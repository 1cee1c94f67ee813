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

from coach.forms import SiteForm
from coach.models import ExperienceLevel, PersonaAggression, PersonaTone
from movements.models import Equipment, Movement, MovementRuleKind
from programs import selectors
from programs.generation import SpecValidationError, sample_note, validate_request
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

GOAL_BUDGET = 10
MAX_GOALS = 3

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

# The engine matches these names to cardio movements (its ACTIVITY_KEYWORDS).
ACTIVITY_CHOICES: list[tuple[str, str]] = [
    ("running", "Running"),
    ("cycling", "Cycling"),
    ("rowing", "Rowing"),
    ("swimming", "Swimming"),
    ("walking", "Walking"),
    ("hiking", "Hiking"),
    ("elliptical", "Elliptical"),
    ("stairs", "Stairs"),
    ("jump rope", "Jump rope"),
    ("skiing", "Skiing"),
    ("skating", "Skating"),
]

RULE_CHOICES: list[tuple[str, str]] = [
    (MovementRuleKind.HARD_NO, "Avoid"),
    (MovementRuleKind.SUBSTITUTE, "Swap for…"),
    (MovementRuleKind.PREFER, "Prefer"),
]
MAX_MOVEMENT_RULES = 30
MAX_ACTIVITIES = 20


def _dollars(value) -> int:
    """A goal field's shown value as whole dollars (anything odd counts as 0)."""
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


def _engine_check(**values) -> tuple[dict[str, list[str]], tuple[str, ...]]:
    """Run the engine's validator on plain values: ``(errors, warnings)``."""
    request = selectors.program_request_from_values(
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
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
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
    request, so a rule that spans fields lands next to the right one.
    """

    duration_weeks = forms.TypedChoiceField(
        label="Program length",
        choices=[(8, "8 weeks"), (10, "10 weeks"), (12, "12 weeks")],
        coerce=int,
        initial=8,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose 8, 10 or 12 weeks."},
    )
    days_per_week = forms.TypedChoiceField(
        label="Training days per week",
        choices=[(n, str(n)) for n in range(2, 8)],
        coerce=int,
        initial=4,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose 2 to 7 days a week."},
    )
    max_session_minutes = forms.IntegerField(
        label="Longest session",
        min_value=30,
        max_value=120,
        initial=60,
        help_text="Minutes, 30 to 120, warm-up and cool-down included.",
        error_messages={
            "min_value": "Sessions can be 30 to 120 minutes.",
            "max_value": "Sessions can be 30 to 120 minutes.",
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

    def __init__(self, *args, goals: list[tuple[str, int]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = goals or []
        self.fields["start_date"].initial = timezone.localdate

    def experience_choices(self) -> list[tuple[forms.BoundWidget, str]]:
        """Each experience radio with its one-line description."""
        return [
            (radio, EXPERIENCE_DESCRIPTIONS[radio.data["value"]])
            for radio in self["experience_level"]
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors or not self.goals:
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
class LikesForm(SiteForm):
    """Movement rules, enjoyable activities and the equipment at hand.

    Movement rules arrive as one ``rule_<movement id>`` field (avoid, swap,
    prefer, or empty to remove) and, for a swap, a ``sub_<movement id>`` field
    naming a movement of the same pattern. The fields are built from the movement
    ids present in the data (or the initial values), so the picker can add rows
    without JavaScript. ``cleaned_data["movement_rules"]`` is the service's
    ``[{"movement_id", "rule", "substitute_id"}]``.
    """

    q = forms.CharField(label="Find a movement", required=False, max_length=60)
    equipment = forms.MultipleChoiceField(
        label="Equipment you can use",
        choices=Equipment.choices,
        required=False,
        initial=list(Equipment.values),
        widget=forms.CheckboxSelectMultiple,
        help_text="Untick what you don't have. Bodyweight is always available.",
        error_messages={"invalid_choice": "%(value)s is not equipment Alloy knows."},
    )
    enjoyable_activities = forms.MultipleChoiceField(
        label="Activities you enjoy",
        choices=ACTIVITY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Alloy picks these for cardio days and finishers.",
    )
    other_activities = forms.CharField(
        label="Anything else you enjoy",
        required=False,
        max_length=300,
        help_text="Separate with commas, like: stair climber, padel.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        source = self.data if self.is_bound else self.initial
        ids = []
        for key in source:
            prefix, _, raw_id = key.partition("_")
            if prefix == "rule" and raw_id.isdigit():
                ids.append(int(raw_id))
        self.rule_movements = list(
            Movement.objects.filter(pk__in=ids[: MAX_MOVEMENT_RULES * 2]).only(
                "id", "name", "pattern"
            )
        )
        alternatives: dict[str, list[tuple[int, str]]] = {}
        patterns = {m.pattern for m in self.rule_movements}
        for pk, name, pattern in Movement.objects.filter(
            pattern__in=patterns
        ).values_list("id", "name", "pattern"):
            alternatives.setdefault(pattern, []).append((pk, name))
        for movement in self.rule_movements:
            self.fields[f"rule_{movement.pk}"] = forms.ChoiceField(
                label=f"Rule for {movement.name}",
                choices=[("", "Remove")] + RULE_CHOICES,
                required=False,
                widget=forms.Select(attrs={"data-rule-select": True}),
            )
            self.fields[f"sub_{movement.pk}"] = forms.TypedChoiceField(
                label=f"Do instead of {movement.name}",
                choices=[("", "Choose a movement…")]
                + [
                    (pk, name)
                    for pk, name in alternatives.get(movement.pattern, [])
                    if pk != movement.pk
                ],
                coerce=int,
                empty_value=None,
                required=False,
                error_messages={"invalid_choice": "Choose a movement from the list."},
            )

    def rule_rows(self) -> list[dict]:
        """Each movement with a rule: the movement and its two bound fields."""
        return [
            {
                "movement": m,
                "rule": self[f"rule_{m.pk}"],
                "substitute": self[f"sub_{m.pk}"],
            }
            for m in self.rule_movements
        ]

    def equipment_summary(self) -> str:
        """One line on the equipment ticked, for the collapsed list."""
        value = self["equipment"].value() or []
        total = len(Equipment.values)
        ticked = len(set(value) & set(Equipment.values))
        if ticked == total:
            return f"A full gym: all {total} kinds of equipment are ticked."
        if not ticked:
            return "Bodyweight only: nothing is ticked."
        return f"{ticked} of {total} kinds of equipment are ticked."

    def rule_movement_ids(self) -> set[int]:
        """Ids of the movements that already have a row (hidden from search)."""
        return {m.pk for m in self.rule_movements}

    def clean_other_activities(self) -> list[str]:
        raw = self.cleaned_data.get("other_activities") or ""
        items = [part.strip().lower() for part in raw.split(",") if part.strip()]
        if any(len(item) > 60 for item in items):
            raise forms.ValidationError("Keep each activity under 60 characters.")
        return items

    def clean(self) -> dict:
        cleaned = super().clean()
        rules = []
        avoided = set()
        for movement in self.rule_movements:
            kind = cleaned.get(f"rule_{movement.pk}")
            if not kind:
                continue
            substitute = cleaned.get(f"sub_{movement.pk}")
            if kind == MovementRuleKind.SUBSTITUTE and substitute is None:
                self.add_error(
                    f"sub_{movement.pk}",
                    f"Choose what to do instead of {movement.name}.",
                )
            if kind == MovementRuleKind.HARD_NO:
                avoided.add(movement.pk)
            rules.append(
                {
                    "movement_id": movement.pk,
                    "rule": kind,
                    "substitute_id": (
                        substitute if kind == MovementRuleKind.SUBSTITUTE else None
                    ),
                }
            )
        for rule in rules:
            if rule["substitute_id"] in avoided:
                self.add_error(
                    f"sub_{rule['movement_id']}",
                    "That movement is on your avoid list; pick another.",
                )
        if len(rules) > MAX_MOVEMENT_RULES:
            raise forms.ValidationError(
                f"Keep to {MAX_MOVEMENT_RULES} movement rules or fewer."
            )
        activities = list(cleaned.get("enjoyable_activities") or [])
        for item in cleaned.get("other_activities") or []:
            if item not in activities:
                activities.append(item)
        if len(activities) > MAX_ACTIVITIES:
            self.add_error(
                "other_activities", f"Keep to {MAX_ACTIVITIES} activities or fewer."
            )
        cleaned["movement_rules"] = rules
        cleaned["activities"] = activities
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

    All equipment ticked means "a full gym" (``None``), the service's default.
    """
    goals, schedule = cleaned["goals"], cleaned["schedule"]
    coach, likes = cleaned["coach"], cleaned["likes"]
    equipment = sorted(likes.get("equipment") or [])
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
        equipment=None if set(equipment) == set(Equipment.values) else equipment,
        movement_rules=list(likes["movement_rules"]),
        enjoyable_activities=list(likes["activities"]),
    )
