"""Forms of the Today page: the quick check-in (STYLE C8: the form parses, the
view calls the same service as the API)."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from adaptation.models import MINUTES_MAX, MINUTES_MIN, SORENESS_MAX, SORENESS_MIN
from adaptation.services import CheckInInput

SORENESS_LEVELS = [("", "—")] + [
    (str(n), str(n)) for n in range(SORENESS_MIN, SORENESS_MAX + 1)
]
RATINGS = [(str(n), str(n)) for n in range(1, 6)]


def _rating(label: str, help_text: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=RATINGS,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class DayCheckInForm(forms.Form):
    """Soreness per muscle (1–10, blank = not sore), sleep, energy, stress and the
    minutes available. ``muscles`` is ``[(slug, name)]`` in the order to show
    (the session's muscles first)."""

    sleep_hours = forms.DecimalField(
        label="Sleep (hours)",
        min_value=Decimal("0"),
        max_value=Decimal("24"),
        max_digits=3,
        decimal_places=1,
        required=False,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    energy = _rating("Energy", "1 = drained, 5 = full of it.")
    stress = _rating("Stress", "1 = calm, 5 = very stressed.")
    minutes_available = forms.IntegerField(
        label="Minutes available",
        min_value=MINUTES_MIN,
        max_value=MINUTES_MAX,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": "5"}),
    )

    def __init__(self, *args, muscles: list[tuple[str, str]], **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.muscles = muscles
        for slug, name in muscles:
            self.fields[f"sore_{slug}"] = forms.TypedChoiceField(
                label=name,
                choices=SORENESS_LEVELS,
                coerce=int,
                empty_value=None,
                required=False,
            )

    def soreness_fields(self) -> list[forms.BoundField]:
        return [self[f"sore_{slug}"] for slug, _ in self.muscles]

    def checkin_input(self) -> CheckInInput:
        data = self.cleaned_data
        return CheckInInput(
            soreness={
                slug: data[f"sore_{slug}"]
                for slug, _ in self.muscles
                if data.get(f"sore_{slug}")
            },
            sleep_hours=data.get("sleep_hours"),
            energy=data.get("energy"),
            stress=data.get("stress"),
            minutes_available=data.get("minutes_available"),
        )
