"""Level (1–5), discipline, tags and the unilateral / timed flags of a movement."""

from __future__ import annotations

from collections.abc import Iterable

from movements import library_data as data
from movements.importer.patterns import HIP_DOMINANT_MUSCLES, KNEE_DOMINANT_MUSCLES
from movements.importer.specs import Record, matches

LEVELS = {"beginner": 1, "intermediate": 3, "expert": 5}


# ---------------------------------------------------------------------------
# Level, discipline, tags, flags
# ---------------------------------------------------------------------------
def derive_level(record: Record, pattern: str, equipment: Iterable[str]) -> int:
    """Skill 1–5: beginner 1, intermediate 3, expert 5, then corrections.

    Barbell olympic lifts are at least 3; stretches at most 3 (the source marks
    partner stretches "expert"); ``LEVEL_OVERRIDES`` wins over both.
    """
    name = record["name"]
    if name in data.LEVEL_OVERRIDES:
        return data.LEVEL_OVERRIDES[name]
    level = LEVELS[record["level"]]
    if pattern == "olympic" and "barbell" in equipment:
        level = max(level, 3)
    if pattern == "mobility":
        level = min(level, 3)
    return level


_CALISTHENICS_NAME = (
    r"pull-?ups?\b|pull ups|\bchin|\bdips?\b|push-?ups?\b|push up|muscle up|handstand"
    r"|lever|l-sit|hanging (?:leg raise|pike)|toes-to-bar"
)
_CALISTHENICS_KIT = frozenset(
    {"pull_up_bar", "dip_station", "rings", "bands", "suspension_trainer", "bench"}
)


def derive_discipline(record: Record, pattern: str, equipment: Iterable[str]) -> str:
    """``Discipline`` value, first match wins: olympic (barbell) or olympic category
    → OLYMPIC_LIFTING; mobility → MOBILITY; cardio → CARDIO; powerlifting and
    strongman categories; bodyweight bar/dip/push-up/handstand work → CALISTHENICS;
    isolation → BODYBUILDING; else ALL."""
    kit = set(equipment)
    category = record["category"]
    if category == "olympic weightlifting" or (
        pattern == "olympic" and "barbell" in kit
    ):
        return "OLYMPIC_LIFTING"
    if pattern == "mobility":
        return "MOBILITY"
    if pattern == "cardio":
        return "CARDIO"
    if category == "powerlifting":
        return "POWERLIFTING"
    if category == "strongman":
        return "STRONGMAN"
    if kit <= _CALISTHENICS_KIT and matches(_CALISTHENICS_NAME, record["name"].lower()):
        return "CALISTHENICS"
    if pattern == "isolation":
        return "BODYBUILDING"
    return "ALL"


_WARMUP_NAME = (
    r"circles|leg raises|inchworm|world's greatest|groiners|dynamic|skipping"
    r"|butt kick|carioca|star jump|band pull apart|monster walk|arm drill"
    r"|scissor kick|toe touchers|torso rotation|windmills"
)
_LOW_IMPACT = r"bike|bicycl|rowing|swim|elliptical|walk|ski erg|stairmaster|step mill"


# Moving drills the source files under "stretching": they warm a body up; a cool-down
# wants static holds (ACSM flexibility, reference §2c: 10-30 s holds).
_DYNAMIC_DRILL = (
    r"circle|swing|drill|walk|crawl|inchworm|balance board|superman|leg raise|"
    r"\bhang\b|jump|kick|skip|twist|windmill|rotation"
)


def derive_tags(
    name: str, pattern: str, primary: str, force: str, equipment: Iterable[str]
) -> tuple[str, ...]:
    """Sorted tags: knee_dominant / hip_dominant (pattern, else prime mover, per
    reference §14), plyometric, stretch, foam_roll, warmup_friendly,
    cooldown_friendly, conditioning, low_impact."""
    lower = name.lower()
    tags: set[str] = set()
    if pattern in {"squat", "lunge"}:
        tags.add("knee_dominant")
    elif pattern == "hinge":
        tags.add("hip_dominant")
    elif pattern in {
        "isolation",
        "plyometric",
        "carry",
        "conditioning",
    } and not matches(r"adduct|abduct|hip flexion", lower):
        # Olympic lifts are left out: the source's prime mover for them is arbitrary.
        if primary in KNEE_DOMINANT_MUSCLES:
            tags.add("knee_dominant")
        elif primary in HIP_DOMINANT_MUSCLES:
            tags.add("hip_dominant")
    if pattern == "plyometric":
        tags.add("plyometric")
    if pattern == "conditioning":
        tags.add("conditioning")
    if pattern == "mobility":
        if "foam_roller" in equipment or "-smr" in lower:
            tags |= {"foam_roll", "warmup_friendly", "cooldown_friendly"}
        else:
            tags.add("stretch")
            if (force == "static" or not force) and not matches(_DYNAMIC_DRILL, lower):
                tags.add("cooldown_friendly")
            else:
                tags.add("warmup_friendly")
    if matches(_WARMUP_NAME, lower) and pattern not in {"hinge", "olympic"}:
        tags.add("warmup_friendly")
    if pattern == "cardio" and matches(_LOW_IMPACT, lower):
        tags.add("low_impact")
    return tuple(sorted(tags))


_UNILATERAL = (
    r"one[- ]arm|one[- ]leg|single[- ]arm|single[- ]leg|alternat|lunge|split squat"
    r"|step[- ]?ups?\b|pistol|concentration|suitcase|side bridge|windmill|get-up"
    r"|renegade|one knee|one handed|bulgarian"
)


def derive_is_unilateral(name: str) -> bool:
    """One side at a time, read from the name (one-arm, single-leg, lunge...)."""
    return matches(_UNILATERAL, name.lower())


def derive_is_timed(name: str, pattern: str, force: str) -> bool:
    """Prescribed in seconds: stretches, cardio, carries, static holds, and
    conditioning other than rep-counted lifts (thrusters, swings)."""
    lower = name.lower()
    if pattern in {"mobility", "cardio", "carry"}:
        return True
    if pattern == "conditioning":
        return not matches(r"thruster|swings?\b", lower)
    return force == "static" or matches(r"\bhold\b", lower)
