"""Equipment normalisation: the source's single equipment string plus the name's
keywords → a sorted tuple of ``Equipment`` values."""

from __future__ import annotations

from movements import library_data as data
from movements.importer.specs import LibraryError, Record, matches

# ---------------------------------------------------------------------------
# Equipment
# ---------------------------------------------------------------------------
_FREE_WEIGHTS = frozenset({"barbell", "dumbbell", "ez_bar", "kettlebell"})
_BENCH_POSITION = (
    r"incline|decline|seated|lying|preacher|prone|supine|close-grip .*press"
)
_CARDIO_MACHINES = frozenset({"treadmill", "bike", "rower"})


def normalise_equipment(record: Record, pattern: str) -> tuple[str, ...]:
    """The sorted set of ``Equipment`` values a record needs (empty: bodyweight).

    Starts from the source's single value, adds kit named in the name
    (``EQUIPMENT_KEYWORDS``), then applies: smith-machine and trap-bar replacements,
    a rack for barbell squats/lunges/overhead work and good mornings, a rack and a
    bench for barbell bench presses, a bench for free weights used seated, lying,
    inclined or declined. Stretches keep only rollers, balls and bars.
    """
    name = record["name"]
    if name in data.EQUIPMENT_OVERRIDES:
        return tuple(sorted(data.EQUIPMENT_OVERRIDES[name]))
    lower = name.lower()
    source = record.get("equipment")
    if source not in data.SOURCE_EQUIPMENT:
        raise LibraryError(f"Unknown equipment {source!r} on {name!r}.")
    kit = set(data.SOURCE_EQUIPMENT[source])

    for regex, values, patterns in data.EQUIPMENT_KEYWORDS:
        if (patterns is None or pattern in patterns) and matches(regex, lower):
            kit.update(values)

    if "smith" in lower:
        kit -= {"machine", "barbell"}
        kit.add("smith_machine")
    if kit & {"trap_bar", "ez_bar"}:
        kit.discard("barbell")
    if kit & _CARDIO_MACHINES:
        kit.discard("machine")

    if pattern == "mobility":
        # Stretch props (wall, chair, towel) are not kit; rollers and balls are.
        return tuple(
            sorted(kit & {"foam_roller", "exercise_ball", "pull_up_bar", "bands"})
        )

    if "barbell" in kit:
        kit |= _barbell_support(lower, pattern)
    if kit & (_FREE_WEIGHTS | {"smith_machine"}) and matches(_BENCH_POSITION, lower):
        kit.add("bench")
    if "machine" in kit:
        # A machine has its own seat or pad.
        kit.discard("bench")
    if kit & {"dumbbell"} and matches(r"\bfly|flyes?\b|pullover", lower):
        kit.add("bench")
    return tuple(sorted(kit))


def _barbell_support(lower: str, pattern: str) -> set[str]:
    """Rack and bench a barbell movement needs to be set up safely."""
    if matches(r"landmine|jammer|long bar|t-bar", lower):
        return set()
    if pattern == "horizontal_push":
        if matches(r"floor press", lower):
            return {"rack"}
        return {"rack", "bench"}
    if pattern in {"squat", "lunge", "vertical_push"}:
        if matches(r"jefferson|hack squat|clean and press|anti-gravity", lower):
            return set()
        return {"rack"}
    if pattern == "olympic" and matches(r"jerk|balance|rack delivery", lower):
        return set() if "clean and jerk" in lower else {"rack"}
    if matches(r"good morning|rack pull", lower):
        return {"rack"}
    if matches(r"standing .*calf raise|rocking standing calf", lower):
        return {"rack"}
    return set()
