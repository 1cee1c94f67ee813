"""HTML forms for the athlete's side of the library: equipment, movement rules and
enjoyable activities. The Settings page's sections use them as they are; the
program wizard's "Likes and limits" step combines them (same fields, same
templates in ``templates/includes/``)."""

from __future__ import annotations

from django import forms

from coach.forms import SiteForm
from movements import selectors
from movements.equipment import describe, preset_equipment
from movements.models import (
    ActivityDefinition,
    Equipment,
    EquipmentPreset,
    Movement,
    MovementRuleKind,
)

RULE_CHOICES: list[tuple[str, str]] = [
    (MovementRuleKind.HARD_NO, "Avoid"),
    (MovementRuleKind.SUBSTITUTE, "Swap for…"),
    (MovementRuleKind.PREFER, "Prefer"),
]
RULE_VERBS = {"HARD_NO": "Avoid", "SUBSTITUTE": "Swap", "PREFER": "Prefer"}
MAX_MOVEMENT_RULES = 60


def _activity_choices() -> list[tuple[str, str]]:
    return list(ActivityDefinition.objects.order_by("name").values_list("slug", "name"))


class EquipmentForm(SiteForm):
    """A preset, or "my own list" with the boxes ticked. A named preset wins over
    the boxes (they only matter for the own list); ``clean`` puts the preset's
    contents in ``cleaned_data["equipment"]``."""

    equipment_preset = forms.ChoiceField(
        label="What you train with",
        choices=EquipmentPreset.choices,
        initial=EquipmentPreset.COMMERCIAL_GYM,
        widget=forms.RadioSelect(attrs={"data-equipment-preset": True}),
        error_messages={"invalid_choice": "Choose one of the presets."},
    )
    equipment = forms.MultipleChoiceField(
        label="My own list",
        choices=Equipment.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"data-equipment-item": True}),
        help_text="Used when “My own list” is chosen. Bodyweight is always available.",
        error_messages={"invalid_choice": "%(value)s is not equipment Alloy knows."},
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        preset = cleaned.get("equipment_preset")
        if preset and preset != EquipmentPreset.CUSTOM:
            cleaned["equipment"] = preset_equipment(preset)
        elif preset == EquipmentPreset.CUSTOM:
            cleaned["equipment"] = sorted(cleaned.get("equipment") or [])
        return cleaned

    def equipment_summary(self) -> str:
        """One line on the equipment shown (preset name or the own list)."""
        preset = self["equipment_preset"].value() or ""
        items = self["equipment"].value() or []
        if preset not in EquipmentPreset.values:
            preset = EquipmentPreset.COMMERCIAL_GYM
        if preset != EquipmentPreset.CUSTOM:
            items = preset_equipment(preset)
        return describe(preset, [i for i in items if i in Equipment.values])


class ActivitiesForm(SiteForm):
    """The activities the athlete enjoys, as activity-definition slugs."""

    enjoyable_activities = forms.MultipleChoiceField(
        label="Activities you enjoy",
        choices=_activity_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cardio days and interval finishers pick these first.",
        error_messages={"invalid_choice": "%(value)s is not an activity Alloy knows."},
    )


class MovementRulesForm(SiteForm):
    """The movement picker's rules: one ``rule_<movement id>`` field (avoid, swap,
    prefer, or empty to remove) and, for a swap, a ``sub_<movement id>`` field
    naming a movement of the same pattern.

    The fields are built from the movement ids in the data (or the initial
    values), so the picker can add rows without JavaScript.
    ``cleaned_data["movement_rules"]`` is ``[{"movement_id", "rule",
    "substitute_id"}]``, the shape of ``movements.services.movement_rules_replace``
    and of a program's snapshot.
    """

    q = forms.CharField(label="Find a movement", required=False, max_length=60)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        source = self.data if self.is_bound else self.initial
        ids = []
        for key in source:
            prefix, _, raw_id = key.partition("_")
            if prefix == "rule" and raw_id.isdigit():
                ids.append(int(raw_id))
        self.rule_movements = list(
            Movement.objects.filter(pk__in=ids[: MAX_MOVEMENT_RULES * 2])
            .only("id", "name", "pattern")
            .order_by("name")
        )
        alternatives = selectors.substitute_choices(self.rule_movements)
        for movement in self.rule_movements:
            self.fields[f"rule_{movement.pk}"] = forms.ChoiceField(
                label=f"Rule for {movement.name}",
                choices=[("", "Remove")] + RULE_CHOICES,
                required=False,
                widget=forms.Select(attrs={"data-rule-select": True}),
            )
            self.fields[f"sub_{movement.pk}"] = forms.TypedChoiceField(
                label=f"Do instead of {movement.name}",
                choices=[("", "Choose a movement…")] + alternatives[movement.pk],
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

    def rule_movement_ids(self) -> set[int]:
        """Ids of the movements that already have a row (hidden from search)."""
        return {m.pk for m in self.rule_movements}

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
        cleaned["movement_rules"] = rules
        return cleaned


def rules_initial(rules: list[dict]) -> dict:
    """Initial values of :class:`MovementRulesForm` for ``[{"movement_id", "rule",
    "substitute_id"}]``."""
    initial: dict = {}
    for rule in rules:
        initial[f"rule_{rule['movement_id']}"] = rule["rule"]
        if rule.get("substitute_id") is not None:
            initial[f"sub_{rule['movement_id']}"] = rule["substitute_id"]
    return initial
