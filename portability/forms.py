"""Forms for the Import and export section: the upload and the confirmation of
exercise names."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from coach.forms import SiteForm
from coach.models import Units
from movements.models import Movement
from portability.models import ImportJob

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
