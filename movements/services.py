"""Writes for the athlete's side of the library: equipment, movement rules and
enjoyable activities.

Every service validates the whole request and raises ``ValidationError`` with
field errors (``movement``, ``rule``, ``substitute_with``, ``equipment``,
``activity_definition_id``…) before writing anything; the API turns them into
400s, the pages into form errors. The rule checks here are the same ones program
creation applies to a program's snapshot (:func:`movement_rules_errors`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from movements import selectors as movement_selectors
from movements.equipment import PRESET_EQUIPMENT, preset_for
from movements.models import (
    ActivityDefinition,
    AthleteEquipment,
    EnjoyableActivity,
    Equipment,
    EquipmentPreset,
    MovementRule,
    MovementRuleKind,
)

RULE_WORDS = {
    MovementRuleKind.HARD_NO: "hard-no",
    MovementRuleKind.SUBSTITUTE: "substitute",
    MovementRuleKind.PREFER: "prefer",
}


# ---------------------------------------------------------------------------
# Equipment
# ---------------------------------------------------------------------------
@transaction.atomic
def athlete_equipment_set(
    *, user, preset: str | None = None, equipment: Iterable[str] | None = None
) -> AthleteEquipment:
    """Set the equipment ``user`` can use, by preset or as a list.

    A named preset alone sets its contents. A list alone is stored under the
    preset it equals (else CUSTOM). Both: CUSTOM takes the list; a named preset
    must agree with it. Raises ``ValidationError`` (``preset`` / ``equipment``).
    """
    errors: dict[str, list[str]] = {}
    items = None if equipment is None else sorted(set(equipment))
    if preset is not None and preset not in EquipmentPreset.values:
        errors["preset"] = [f"{preset} is not an equipment preset."]
    if items is not None:
        unknown = [e for e in items if e not in Equipment.values]
        if unknown:
            errors["equipment"] = [f"{', '.join(unknown)}: not equipment Alloy knows."]
    if not errors:
        if preset is None and items is None:
            errors["preset"] = ["Choose a preset or list your equipment."]
        elif preset == EquipmentPreset.CUSTOM and items is None:
            errors["equipment"] = ["List your equipment for your own list."]
        elif (
            preset not in (None, EquipmentPreset.CUSTOM)
            and items is not None
            and frozenset(items) != PRESET_EQUIPMENT[preset]
        ):
            errors["equipment"] = [
                f"That is not the “{EquipmentPreset(preset).label}” preset; "
                "choose your own list (CUSTOM) to pick equipment."
            ]
    if errors:
        raise ValidationError(errors)
    if preset is None:
        preset = preset_for(items or [])
    if preset != EquipmentPreset.CUSTOM:
        items = sorted(PRESET_EQUIPMENT[preset])
    row, _ = AthleteEquipment.objects.update_or_create(
        user=user, defaults={"preset": preset, "equipment": items}
    )
    return row


# ---------------------------------------------------------------------------
# Movement rules
# ---------------------------------------------------------------------------
def movement_rules_errors(rules: list[dict], names: dict[int, str]) -> list[str]:
    """Cross-rule problems in a set of rules ``[{"movement_id", "rule",
    "substitute_id"}]`` (one per movement): a substitute that is a hard no, and
    substitute chains (X → Y while Y has its own substitute: the optimizer swaps
    once, so Y would still be programmed). ``names`` maps ids to names."""
    errors: list[str] = []
    by_movement = {r["movement_id"]: r for r in rules}
    for rule in rules:
        target = rule.get("substitute_id")
        if target is None:
            continue
        other = by_movement.get(target)
        source, goal = names.get(rule["movement_id"], "?"), names.get(target, "?")
        if other and other["rule"] == MovementRuleKind.HARD_NO:
            errors.append(f"{goal} is a hard no, so it cannot replace {source}.")
        elif other and other["rule"] == MovementRuleKind.SUBSTITUTE:
            final = names.get(other["substitute_id"], "?")
            errors.append(
                f"{goal} has its own substitute ({final}): swap {source} for "
                f"{final} directly."
            )
    return errors


def movement_rule_set_errors(rules: list[dict]) -> list[str]:
    """Every problem in a whole set of rules ``[{"movement_id", "rule",
    "substitute_id"}]``: unknown movements, two rules on one movement, a
    SUBSTITUTE without a target (or another rule with one), a movement replacing
    itself, then the cross-rule checks of :func:`movement_rules_errors`. One
    query. Used for the settings page's rule list and for a program's snapshot."""
    names = movement_selectors.rule_movement_names(rules)
    errors: list[str] = []
    seen: set[int] = set()
    for rule in rules:
        movement_id, kind = rule["movement_id"], rule["rule"]
        substitute_id = rule.get("substitute_id")
        label = names.get(movement_id, f"Movement {movement_id}")
        if movement_id not in names:
            errors.append(f"Movement {movement_id} does not exist.")
        if movement_id in seen:
            errors.append(f"{label} has more than one rule (one per movement).")
        seen.add(movement_id)
        if kind not in MovementRuleKind.values:
            errors.append(f"{kind} is not a movement rule.")
        elif kind == MovementRuleKind.SUBSTITUTE:
            if substitute_id is None:
                errors.append(
                    f"Choose what to do instead of {label} (a SUBSTITUTE rule "
                    "needs substitute_with)."
                )
            elif substitute_id not in names:
                errors.append(f"Substitute movement {substitute_id} does not exist.")
            elif substitute_id == movement_id:
                errors.append(f"{label} cannot substitute itself.")
        elif substitute_id is not None:
            errors.append(
                f"Only a SUBSTITUTE rule takes substitute_with ({label} is {kind})."
            )
    if not errors:
        errors = movement_rules_errors(rules, names)
    return errors


def movement_rule_set_validate(rules: list[dict]) -> list[dict]:
    """A whole set of rules checked (:func:`movement_rule_set_errors`) and
    normalised to ``[{"movement_id", "rule", "substitute_id"}]`` (a missing
    ``substitute_id`` becomes ``None``). The one normalisation for the settings
    page's list and a program's snapshot.

    Raises ``ValidationError({"movement_rules": [...]})`` listing every problem.
    """
    normalised = [
        {
            "movement_id": rule["movement_id"],
            "rule": rule["rule"],
            "substitute_id": rule.get("substitute_id"),
        }
        for rule in rules
    ]
    errors = movement_rule_set_errors(normalised)
    if errors:
        raise ValidationError({"movement_rules": errors})
    return normalised


def _rule_errors(
    *,
    user,
    movement_id: int | None,
    rule: str,
    substitute_id: int | None,
    instance: MovementRule | None = None,
) -> dict[str, list[str]]:
    """Field errors for one rule of ``user`` (``instance``: the rule being
    changed, left out of the one-rule-per-movement check)."""
    errors: dict[str, list[str]] = {}
    names = movement_selectors.movement_names((movement_id, substitute_id))
    if movement_id not in names:
        errors["movement"] = [f"Movement {movement_id} does not exist."]
    if rule not in MovementRuleKind.values:
        errors["rule"] = [f"{rule} is not a movement rule."]
    elif rule == MovementRuleKind.SUBSTITUTE:
        if substitute_id is None:
            errors["substitute_with"] = [
                "A SUBSTITUTE rule needs the movement to use instead (substitute_with)."
            ]
        elif substitute_id not in names:
            errors["substitute_with"] = [f"Movement {substitute_id} does not exist."]
        elif substitute_id == movement_id:
            errors["substitute_with"] = ["A movement cannot substitute itself."]
    elif substitute_id is not None:
        errors["substitute_with"] = [
            f"Only a SUBSTITUTE rule takes substitute_with (this one is {rule})."
        ]
    if errors:
        return errors
    others = MovementRule.objects.for_user(user).select_related(
        "movement", "substitute_with"
    )
    if instance is not None:
        others = others.exclude(pk=instance.pk)
    others = list(others)
    name = names[movement_id]
    existing = next((o for o in others if o.movement_id == movement_id), None)
    if existing is not None:
        errors["movement"] = [
            f"{name} already has a {RULE_WORDS[existing.rule]} rule; change or "
            "delete that rule instead (one rule per movement)."
        ]
        return errors
    snapshot = [o.as_snapshot() for o in others] + [
        {"movement_id": movement_id, "rule": rule, "substitute_id": substitute_id}
    ]
    all_names = {o.movement_id: o.movement.name for o in others}
    all_names.update(
        {
            o.substitute_with_id: o.substitute_with.name
            for o in others
            if o.substitute_with
        }
    )
    all_names.update(names)
    problems = movement_rules_errors(snapshot, all_names)
    if problems:
        field = "substitute_with" if rule == MovementRuleKind.SUBSTITUTE else "rule"
        errors[field] = problems
    return errors


@transaction.atomic
def movement_rule_create(
    *, user, movement_id: int, rule: str, substitute_with_id: int | None = None
) -> MovementRule:
    """Add a rule on one movement for ``user``.

    Raises ``ValidationError``: unknown movement, a SUBSTITUTE without a target
    (or another rule with one), a movement replacing itself, a second rule on
    the same movement (a PREFER where a HARD_NO is…), a hard no as a substitute,
    a substitute chain.
    """
    errors = _rule_errors(
        user=user, movement_id=movement_id, rule=rule, substitute_id=substitute_with_id
    )
    if errors:
        raise ValidationError(errors)
    instance = MovementRule(
        user=user,
        movement_id=movement_id,
        rule=rule,
        substitute_with_id=substitute_with_id,
    )
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def movement_rule_update(
    *,
    rule: MovementRule,
    movement_id: int | None = None,
    kind: str | None = None,
    substitute_with_id: int | None = None,
) -> MovementRule:
    """Change a rule's movement, kind or substitute (None keeps the movement and
    the kind; ``substitute_with_id`` is always taken as given, so moving away
    from SUBSTITUTE clears it). Same checks as :func:`movement_rule_create`."""
    movement_id = rule.movement_id if movement_id is None else movement_id
    kind = rule.rule if kind is None else kind
    errors = _rule_errors(
        user=rule.user,
        movement_id=movement_id,
        rule=kind,
        substitute_id=substitute_with_id,
        instance=rule,
    )
    if errors:
        raise ValidationError(errors)
    rule.movement_id = movement_id
    rule.rule = kind
    rule.substitute_with_id = substitute_with_id
    rule.full_clean()
    rule.save()
    return MovementRule.objects.select_related("movement", "substitute_with").get(
        pk=rule.pk
    )


def movement_rule_delete(*, rule: MovementRule) -> None:
    """Delete the rule (programs already created keep their snapshot)."""
    rule.delete()


@transaction.atomic
def movement_rules_replace(*, user, rules: list[dict]) -> list[MovementRule]:
    """Make the athlete's rules exactly ``rules`` (``[{"movement_id", "rule",
    "substitute_id"}]``): the settings page saves its whole list at once.

    Checked as a set (:func:`movement_rule_set_errors`); raises
    ``ValidationError({"movement_rules": [...]})`` and writes nothing if any
    rule is wrong. Returns the rules, by movement name.
    """
    rules = movement_rule_set_validate(rules)
    wanted = {r["movement_id"]: r for r in rules}
    existing = {r.movement_id: r for r in MovementRule.objects.for_user(user)}
    MovementRule.objects.for_user(user).exclude(movement_id__in=wanted).delete()
    for movement_id, row in existing.items():
        rule = wanted.get(movement_id)
        if rule and (row.rule, row.substitute_with_id) != (
            rule["rule"],
            rule["substitute_id"],
        ):
            row.rule, row.substitute_with_id = rule["rule"], rule["substitute_id"]
            row.save(update_fields=["rule", "substitute_with", "updated_at"])
    MovementRule.objects.bulk_create(
        MovementRule(
            user=user,
            movement_id=movement_id,
            rule=rule["rule"],
            substitute_with_id=rule["substitute_id"],
        )
        for movement_id, rule in wanted.items()
        if movement_id not in existing
    )
    return list(
        MovementRule.objects.for_user(user)
        .select_related("movement", "substitute_with")
        .order_by("movement__name", "id")
    )


# ---------------------------------------------------------------------------
# Enjoyable activities
# ---------------------------------------------------------------------------
def _definition(definition_id) -> ActivityDefinition:
    definition = ActivityDefinition.objects.filter(pk=definition_id).first()
    if definition is None:
        raise ValidationError(
            {"activity_definition_id": [f"Activity {definition_id} does not exist."]}
        )
    return definition


def _check_not_enjoyed(user, definition, *, exclude_pk: int | None = None) -> None:
    taken = EnjoyableActivity.objects.for_user(user).filter(definition=definition)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError(
            {
                "activity_definition_id": [
                    f"{definition.name} is already one of your activities."
                ]
            }
        )


@transaction.atomic
def enjoyable_activity_create(*, user, definition_id: int) -> EnjoyableActivity:
    """Add an activity ``user`` enjoys. Raises ``ValidationError`` for an unknown
    definition or one already listed."""
    definition = _definition(definition_id)
    _check_not_enjoyed(user, definition)
    return EnjoyableActivity.objects.create(user=user, definition=definition)


@transaction.atomic
def enjoyable_activity_update(
    *, activity: EnjoyableActivity, definition_id: int
) -> EnjoyableActivity:
    """Point an enjoyable activity at another definition (same checks)."""
    definition = _definition(definition_id)
    _check_not_enjoyed(activity.user, definition, exclude_pk=activity.pk)
    activity.definition = definition
    activity.save(update_fields=["definition", "updated_at"])
    return activity


def enjoyable_activity_delete(*, activity: EnjoyableActivity) -> None:
    """Remove the activity from the athlete's list."""
    activity.delete()


@transaction.atomic
def enjoyable_activities_set(*, user, definition_ids: Iterable[int]) -> int:
    """Make the athlete's activities exactly ``definition_ids`` (the settings
    page's checkboxes). Returns how many they enjoy now. Raises
    ``ValidationError`` if an id is unknown."""
    wanted = set(definition_ids)
    known = set(
        ActivityDefinition.objects.filter(pk__in=wanted).values_list("pk", flat=True)
    )
    missing = sorted(wanted - known)
    if missing:
        raise ValidationError(
            {
                "activity_definition_id": [
                    f"Activity {pk} does not exist." for pk in missing
                ]
            }
        )
    current = EnjoyableActivity.objects.for_user(user)
    current.exclude(definition_id__in=wanted).delete()
    have = set(current.values_list("definition_id", flat=True))
    EnjoyableActivity.objects.bulk_create(
        EnjoyableActivity(user=user, definition_id=pk) for pk in sorted(wanted - have)
    )
    return len(wanted)
