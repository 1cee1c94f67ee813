"""Forms for the training-log pages (STYLE C8): they check types and bounds, then
the views call the same services as the API. Loads are typed in the athlete's
unit; the views convert to kg.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from coach.forms import SiteForm
from coach.models import Units
from movements.models import Movement
from training_logs import clock
from training_logs.models import RPE_VALUES, BodyPart, FeedbackTag, ImportJob

#: RPE 10 down to 1 in half steps (reference §5a); the select stays narrow on a
#: phone, the page explains the scale.
RPE_CHOICES = [("", "–")] + [(str(value), str(value)) for value in reversed(RPE_VALUES)]
RATING_CHOICES = [(str(n), str(n)) for n in range(1, 6)]
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class Form(forms.Form):
    """Labels without the trailing colon, like the rest of the site."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _number(attrs: dict | None = None, *, decimal: bool = False) -> forms.NumberInput:
    base = {
        "inputmode": "decimal" if decimal else "numeric",
        "step": "any" if decimal else "1",
        "min": "0",
        "autocomplete": "off",
    }
    return forms.NumberInput(attrs={**base, **(attrs or {})})


def _when_field(label: str) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format=DATETIME_LOCAL
        ),
        initial=lambda: timezone.localtime().replace(second=0, microsecond=0),
    )


class SetForm(Form):
    """One set row of the log form. ``movement``, ``session_exercise`` and
    ``is_warmup`` come from the plan (hidden); load in the athlete's unit."""

    movement = forms.IntegerField(widget=forms.HiddenInput)
    session_exercise = forms.IntegerField(widget=forms.HiddenInput, required=False)
    is_warmup = forms.BooleanField(widget=forms.HiddenInput, required=False)
    load = forms.DecimalField(
        label="Load",
        min_value=Decimal("0"),
        max_value=Decimal("4500"),
        max_digits=8,
        decimal_places=3,
        required=False,
        widget=_number({"placeholder": "–"}, decimal=True),
    )
    reps = forms.IntegerField(
        label="Reps",
        min_value=1,
        max_value=1000,
        required=False,
        widget=_number({"min": "1"}),
    )
    duration_seconds = forms.IntegerField(
        label="Seconds",
        min_value=1,
        max_value=86_400,
        required=False,
        widget=_number({"min": "1"}),
    )
    rpe = forms.TypedChoiceField(
        label="RPE",
        choices=RPE_CHOICES,
        coerce=Decimal,
        empty_value=None,
        required=False,
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("reps") is None and data.get("duration_seconds") is None:
            raise forms.ValidationError("Give the reps (or the seconds) of this set.")
        return data


class BaseSetFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        if not any(form.cleaned_data for form in self.forms):
            raise forms.ValidationError("Log at least one set.")

    def set_rows(self) -> list[dict]:
        """The filled rows named as the services name them (``movement_id``,
        ``session_exercise_id``; ``load`` still in the athlete's unit), for
        ``presenters.set_inputs``. Call after ``is_valid()``."""
        return [
            {
                **row,
                "movement_id": row["movement"],
                "session_exercise_id": row.get("session_exercise"),
            }
            for row in self.cleaned_data
            if row
        ]


SetFormSet = forms.formset_factory(
    SetForm,
    formset=BaseSetFormSet,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=300,
    validate_max=True,
)


class WorkoutLogForm(Form):
    """The workout around the sets: when, how long, how it felt."""

    performed_at = _when_field("When")
    duration_minutes = forms.IntegerField(
        label="Minutes",
        min_value=1,
        max_value=600,
        required=False,
        widget=_number({"min": "1"}),
    )
    enjoyment = forms.TypedChoiceField(
        label="Enjoyment",
        choices=RATING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text="1 = a slog, 5 = loved it.",
    )
    feedback_tags = forms.MultipleChoiceField(
        label="How did it feel?",
        choices=FeedbackTag.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label="Notes",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_performed_at(self):
        value = self.cleaned_data["performed_at"]
        if clock.is_future(value):
            raise forms.ValidationError("This cannot be in the future.")
        return value


SORENESS_CHOICES = [("", "Fine"), ("3", "A bit"), ("6", "Sore"), ("9", "Very")]


def _rating(label: str, help_text: str) -> forms.TypedChoiceField:
    """An optional 1–5 rating, as radio buttons (recovery signals, seeds 002)."""
    return forms.TypedChoiceField(
        label=label,
        choices=RATING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class CheckInForm(Form):
    """Soreness by body part and how the athlete slept and feels, in a few taps.
    Every field is optional, but something must be given."""

    sleep_hours = forms.DecimalField(
        label="Sleep (hours)",
        min_value=Decimal("0"),
        max_value=Decimal("24"),
        max_digits=3,
        decimal_places=1,
        required=False,
        widget=_number({"step": "0.5", "placeholder": "7.5"}, decimal=True),
    )
    sleep_quality = _rating("Sleep quality", "1 = awful, 5 = great.")
    energy = _rating("Energy", "1 = drained, 5 = full of it.")
    stress = _rating("Stress", "1 = calm, 5 = very stressed.")
    nutrition = _rating("Nutrition", "1 = poor, 5 = on point.")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for part in BodyPart:
            self.fields[f"sore_{part.value.lower()}"] = forms.TypedChoiceField(
                label=part.label,
                choices=SORENESS_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )

    def soreness_fields(self) -> list[forms.BoundField]:
        return [self[f"sore_{part.value.lower()}"] for part in BodyPart]

    def signal_fields(self) -> list[forms.BoundField]:
        return [
            self[name] for name in ("sleep_quality", "energy", "stress", "nutrition")
        ]

    def soreness(self) -> list[tuple[str, int]]:
        """``[(body_part, level)]`` for the parts reported sore."""
        return [
            (part.value, self.cleaned_data[f"sore_{part.value.lower()}"])
            for part in BodyPart
            if self.cleaned_data.get(f"sore_{part.value.lower()}")
        ]

    def signal(self) -> dict:
        """The recovery-signal values given (possibly none)."""
        names = ("sleep_hours", "sleep_quality", "energy", "stress", "nutrition")
        return {
            name: self.cleaned_data[name]
            for name in names
            if self.cleaned_data.get(name) is not None
        }

    def clean(self) -> dict:
        data = super().clean()
        if not self.errors and not self.soreness() and not self.signal():
            raise forms.ValidationError("Tap at least one thing to log.")
        return data


class ActivityLogForm(Form):
    """An activity (a run, a swim…), seeds 002 ``POST /activities/log``."""

    definition = forms.ModelChoiceField(
        label="Activity", queryset=None, empty_label=None
    )
    name = forms.CharField(
        label="Name",
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Morning run"}),
    )
    performed_start = _when_field("Started")
    duration_minutes = forms.IntegerField(
        label="Minutes", min_value=1, max_value=1440, widget=_number({"min": "1"})
    )
    distance_km = forms.DecimalField(
        label="Distance (km)",
        min_value=Decimal("0"),
        max_value=Decimal("1000"),
        max_digits=7,
        decimal_places=3,
        required=False,
        widget=_number({"step": "0.01"}, decimal=True),
    )
    perceived_difficulty = forms.TypedChoiceField(
        label="How hard?",
        choices=RATING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text="1 = easy, 5 = very hard.",
    )
    enjoyment = forms.TypedChoiceField(
        label="Enjoyment",
        choices=RATING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text="1 = a slog, 5 = loved it.",
    )
    notes = forms.CharField(
        label="Notes",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, definitions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["definition"].queryset = definitions


class CircuitScoreForm(Form):
    """A score on one of the session's circuits, as the circuit is scored: rounds
    and reps, a time (minutes and seconds) or a load (the athlete's unit). Left
    blank, no score is recorded. ``circuit`` chooses the fields shown."""

    rounds = forms.IntegerField(
        label="Rounds", min_value=0, max_value=1000, required=False, widget=_number()
    )
    reps = forms.IntegerField(
        label="+ reps", min_value=0, max_value=10_000, required=False, widget=_number()
    )
    minutes = forms.IntegerField(
        label="Minutes", min_value=0, max_value=600, required=False, widget=_number()
    )
    seconds = forms.IntegerField(
        label="Seconds", min_value=0, max_value=59, required=False, widget=_number()
    )
    load = forms.DecimalField(
        label="Load",
        min_value=Decimal("0.01"),
        max_value=Decimal("2000"),
        decimal_places=2,
        required=False,
        widget=_number(decimal=True),
    )

    FIELDS = {
        "ROUNDS_REPS": ("rounds", "reps"),
        "TIME": ("minutes", "seconds"),
        "LOAD": ("load",),
    }

    def __init__(self, *args, circuit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.circuit = circuit
        keep = self.FIELDS.get(circuit.scoring, ())
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]

    def score(self) -> dict | None:
        """The score as the service takes it (``rounds``, ``reps``,
        ``time_seconds``, ``load`` in the athlete's unit), or None when blank."""
        data = {k: v for k, v in self.cleaned_data.items() if v is not None}
        if not data:
            return None
        if "minutes" in data or "seconds" in data:
            seconds = data.pop("minutes", 0) * 60 + data.pop("seconds", 0)
            data["time_seconds"] = seconds or None
        return data


# ---------------------------------------------------------------------------
# Import and export (Settings → Data): the upload and the confirmation of
# exercise names
# ---------------------------------------------------------------------------

OTHER, LEAVE_OUT = "other", "leave-out"


class ImportUploadForm(SiteForm):
    """A Strong or Hevy CSV export and the unit its weights are in when the
    file does not say."""

    file = forms.FileField(
        label="Export file",
        help_text="The CSV that Strong (Settings → Export data) or Hevy "
        "(Settings → Export & import data) gives you, or an Alloy JSON export "
        "to restore into this account while it is empty.",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,text/csv,.json,application/json"}
        ),
    )
    unit = forms.ChoiceField(
        label="Weights in the file are in",
        choices=Units.choices,
        widget=forms.RadioSelect,
        help_text="Strong's newer exports do not say: pick the unit your app used.",
    )


class ImportMappingForm(SiteForm):
    """One choice per unmatched exercise name of ``job``: a suggested movement,
    another movement by its library name, or leave the name's sets out.
    :meth:`mapping` gives ``{name: movement id or None}``."""

    def __init__(self, *args, job: ImportJob, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.names = [u["name"] for u in job.unmatched]
        for index, item in enumerate(job.unmatched):
            choices = [(str(c["id"]), c["name"]) for c in item["candidates"]]
            choices += [
                (OTHER, "Another movement…"),
                (LEAVE_OUT, "Leave these sets out"),
            ]
            self.fields[f"movement_{index}"] = forms.ChoiceField(
                label=item["name"],
                choices=choices,
                initial=choices[0][0],
                help_text=f"{item['sets']} set{'s' if item['sets'] != 1 else ''}",
            )
            self.fields[f"other_{index}"] = forms.CharField(
                label=f"Library name for “{item['name']}”",
                required=False,
                max_length=120,
            )

    def rows(self) -> list[dict]:
        """Each name with its two bound fields, for the template."""
        return [
            {"name": name, "choice": self[f"movement_{i}"], "other": self[f"other_{i}"]}
            for i, name in enumerate(self.names)
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        for index in range(len(self.names)):
            choice = cleaned.get(f"movement_{index}")
            if choice != OTHER:
                continue
            typed = (cleaned.get(f"other_{index}") or "").strip()
            movement = (
                Movement.objects.filter(name__iexact=typed).first() if typed else None
            )
            if movement is None:
                self.add_error(
                    f"other_{index}",
                    ValidationError(
                        "Type a movement's name as the library spells it "
                        "(Settings → Movement rules can search it)."
                    ),
                )
            else:
                cleaned[f"movement_{index}"] = str(movement.pk)
        return cleaned

    def mapping(self) -> dict[str, int | None]:
        result: dict[str, int | None] = {}
        for index, name in enumerate(self.names):
            choice = self.cleaned_data[f"movement_{index}"]
            result[name] = None if choice == LEAVE_OUT else int(choice)
        return result
