"""Pure derivation of the movement library from free-exercise-db records.

Input records are the dicts of ``shared/data/free-exercise-db/exercises.json``
(keys ``id``, ``name``, ``force``, ``level``, ``mechanic``, ``equipment``,
``primaryMuscles``, ``secondaryMuscles``, ``category``; see that folder's README for
the traps). Output is a :class:`Library` of frozen :class:`MovementSpec` rows and
:class:`Edge` relationships, sorted by slug, ready for the ``import_movements``
command to persist. No database access here; the hand-written tables live in
:mod:`movements.library_data`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from django.utils.text import slugify

from movements import library_data as data

Record = Mapping[str, Any]

LEVELS = {"beginner": 1, "intermediate": 3, "expert": 5}

KNEE_DOMINANT_MUSCLES = frozenset({"quadriceps"})
HIP_DOMINANT_MUSCLES = frozenset({"hamstrings", "glutes", "lower_back"})


class LibraryError(ValueError):
    """The source data or a hand-written table is inconsistent (names the problem)."""


@dataclass(frozen=True, slots=True)
class MovementSpec:
    """One movement as it will be stored (field names match ``Movement``).

    ``equipment``, ``tags`` and the muscle tuples are sorted; ``source_id`` is the
    free-exercise-db id, or empty for Alloy's supplement.
    """

    name: str
    slug: str
    source_id: str
    pattern: str
    mechanic: str
    force: str
    equipment: tuple[str, ...]
    level: int
    primary_discipline: str
    category: str
    tags: tuple[str, ...]
    is_unilateral: bool
    is_timed: bool
    primary_muscles: tuple[str, ...]
    secondary_muscles: tuple[str, ...]
    tier: str = "COMMON"
    requires_coaching: bool = False


@dataclass(frozen=True, slots=True)
class Edge:
    """A directed movement-graph edge between two slugs (``RelationshipType`` value)."""

    from_slug: str
    to_slug: str
    relationship_type: str


@dataclass(frozen=True, slots=True)
class Library:
    """The whole derived library: movements and edges sorted by slug.

    ``skipped_supplement`` lists supplement names dropped because the data already
    has a movement of that name or slug.
    """

    movements: tuple[MovementSpec, ...]
    relationships: tuple[Edge, ...]
    skipped_supplement: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------
def movement_slug(name: str) -> str:
    """``"Adductor/Groin"`` → ``"adductor-groin"``, ``"Farmer's Walk"`` → ``"farmers-walk"``."""
    return slugify(name.replace("/", " "))


def muscle_slug(name: str) -> str:
    """free-exercise-db muscle name → ``Muscle.slug`` (``"lower back"`` → ``"lower_back"``)."""
    slug = name.strip().lower().replace(" ", "_")
    if slug not in data.MUSCLE_REGIONS:
        raise LibraryError(f"Unknown muscle {name!r}.")
    return slug


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


def _primary(record: Record) -> str:
    return muscle_slug(record["primaryMuscles"][0])


# ---------------------------------------------------------------------------
# Movement pattern
# ---------------------------------------------------------------------------
# Keyword regexes on the lower-cased name, tried in the order pattern_from_rules
# lists them. Order matters: a calf press on the leg press is a calf raise, a clean
# deadlift is a hinge, a split jerk is not a lunge, an upright row is not a row.
_CONDITIONING = (
    r"battling rope|sled push|sled drag|\bdrags?\b(?! curl)|prowler|sledgehammer"
    r"|mountain climber|thruster"
)
_CARRY = r"farmer|yoke|\bcarry\b|conan|power stairs|suitcase"
_HINGE = (
    r"deadlift|\brdl\b|stiff[- ]legs?|good morning|hip thrust|glute bridge"
    r"|hip bridge|\(bridge\)|hip lift|swings?\b|hyperextension|back extension"
    r"|pull through|rack pull|glute[- ]ham|atlas stone|keg load|sandbag load|tire flip"
)
_OLYMPIC = r"\bclean\b(?! grip)|snatch|jerk|high pull\b|rack delivery"
_LUNGE = (
    r"lunge|split squat|step[- ]?ups?\b|pistol|one leg barbell squat"
    r"|single-leg high box squat"
)
_SQUAT = r"squat|leg press"
_ISOLATION = (
    r"pullover|upright|shrug|curl|straight-arm|\bfly|flyes?\b|cross ?over|butterfly"
    r"|kickback|pushdown|skull ?crusher|tate press|triceps? press|extension|raise"
    r"|lateral|rotation|wrist|neck resistance|neck exercise|adduct|abduct|pinch"
    r"|scaption|hip flexion"
)
_VERTICAL_PUSH = (
    r"handstand|shoulder press|military|overhead press|push press|arnold|bradford"
    r"|jammer|log lift|circus bell|see-?saw press|para press|press behind"
)
# Dips are horizontal pushes: chest-and-triceps pressing that competes with the
# bench for volume (the common choice), not overhead work.
_HORIZONTAL_PUSH = (
    r"bench press|chest press|push-?ups?\b|push up|floor press|\bdips?\b"
    r"|board press|pin press|jm press|smith press|neck press|decline press"
)
_VERTICAL_PULL = (
    r"pull-?ups?\b|pull ups|\bchin|pulldown|muscle up|rope climb|london bridge"
    r"|high pulley row"
)
_HORIZONTAL_PULL = r"\brows?\b|bench pull|face pull"
_PLYOMETRIC_NAME = r"jump|\bhops?\b|bound\b|plyo"


def pattern_from_rules(record: Record) -> str:
    """Derive a ``MovementPattern`` value from name, category, mechanic, force and
    primary muscle, without the override table. Always returns a pattern."""
    name = record["name"].lower()
    category = record["category"]
    mechanic = record.get("mechanic")
    force = record.get("force")
    primary = _primary(record)

    if category == "stretching" or record.get("equipment") == "foam roll":
        return "mobility"
    if category == "cardio":
        return "cardio"
    if category == "plyometrics" or _has(_PLYOMETRIC_NAME, name):
        return "plyometric"
    if _has(_CONDITIONING, name):
        return "conditioning"
    if _has(_CARRY, name):
        return "carry"
    if _has(r"push press", name):
        # An overhead press driven by the legs; programmed as a vertical push.
        return "vertical_push"
    if _has(r"deadlift|stiff[- ]legs?", name):
        # Before the olympic names: a clean or snatch deadlift is a slow hinge.
        return "hinge"
    if _has(_OLYMPIC, name):
        return "olympic"
    if category == "olympic weightlifting" and not _has(r"squat", name):
        return "olympic"
    if primary == "abdominals":
        return "core"
    if _has(r"calf", name):
        return "isolation"
    if _has(_HINGE, name):
        return "hinge"
    if _has(_LUNGE, name):
        return "lunge"
    if _has(_SQUAT, name):
        return "squat"
    if _has(_ISOLATION, name):
        return "isolation"
    if _has(_VERTICAL_PUSH, name):
        return "vertical_push"
    if _has(_HORIZONTAL_PUSH, name):
        return "horizontal_push"
    if _has(_VERTICAL_PULL, name):
        return "vertical_pull"
    if _has(_HORIZONTAL_PULL, name):
        return "horizontal_pull"
    if mechanic == "isolation":
        return "isolation"
    # Compound leftovers: fall back on the prime mover and the force.
    if primary == "shoulders" and force == "push":
        return "vertical_push"
    if primary in {"chest", "triceps"} and force == "push":
        return "horizontal_push"
    if primary == "lats" and force == "pull":
        return "vertical_pull"
    if primary == "middle_back" and force == "pull":
        return "horizontal_pull"
    if primary in KNEE_DOMINANT_MUSCLES:
        return "squat"
    if primary in HIP_DOMINANT_MUSCLES:
        return "hinge"
    return "isolation"


def derive_pattern(record: Record) -> str:
    """The movement pattern: the reviewed override if any, else the rules."""
    override = data.PATTERN_OVERRIDES.get(record["name"])
    return override or pattern_from_rules(record)


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
        if (patterns is None or pattern in patterns) and _has(regex, lower):
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
    if kit & (_FREE_WEIGHTS | {"smith_machine"}) and _has(_BENCH_POSITION, lower):
        kit.add("bench")
    if "machine" in kit:
        # A machine has its own seat or pad.
        kit.discard("bench")
    if kit & {"dumbbell"} and _has(r"\bfly|flyes?\b|pullover", lower):
        kit.add("bench")
    return tuple(sorted(kit))


def _barbell_support(lower: str, pattern: str) -> set[str]:
    """Rack and bench a barbell movement needs to be set up safely."""
    if _has(r"landmine|jammer|long bar|t-bar", lower):
        return set()
    if pattern == "horizontal_push":
        if _has(r"floor press", lower):
            return {"rack"}
        return {"rack", "bench"}
    if pattern in {"squat", "lunge", "vertical_push"}:
        if _has(r"jefferson|hack squat|clean and press|anti-gravity", lower):
            return set()
        return {"rack"}
    if pattern == "olympic" and _has(r"jerk|balance|rack delivery", lower):
        return set() if "clean and jerk" in lower else {"rack"}
    if _has(r"good morning|rack pull", lower):
        return {"rack"}
    if _has(r"standing .*calf raise|rocking standing calf", lower):
        return {"rack"}
    return set()


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
    if kit <= _CALISTHENICS_KIT and _has(_CALISTHENICS_NAME, record["name"].lower()):
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
    elif pattern in {"isolation", "plyometric", "carry", "conditioning"} and not _has(
        r"adduct|abduct|hip flexion", lower
    ):
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
            if (force == "static" or not force) and not _has(_DYNAMIC_DRILL, lower):
                tags.add("cooldown_friendly")
            else:
                tags.add("warmup_friendly")
    if _has(_WARMUP_NAME, lower) and pattern not in {"hinge", "olympic"}:
        tags.add("warmup_friendly")
    if pattern == "cardio" and _has(_LOW_IMPACT, lower):
        tags.add("low_impact")
    return tuple(sorted(tags))


_UNILATERAL = (
    r"one[- ]arm|one[- ]leg|single[- ]arm|single[- ]leg|alternat|lunge|split squat"
    r"|step[- ]?ups?\b|pistol|concentration|suitcase|side bridge|windmill|get-up"
    r"|renegade|one knee|one handed|bulgarian"
)


def derive_is_unilateral(name: str) -> bool:
    """One side at a time, read from the name (one-arm, single-leg, lunge...)."""
    return _has(_UNILATERAL, name.lower())


def derive_is_timed(name: str, pattern: str, force: str) -> bool:
    """Prescribed in seconds: stretches, cardio, carries, static holds, and
    conditioning other than rep-counted lifts (thrusters, swings)."""
    lower = name.lower()
    if pattern in {"mobility", "cardio", "carry"}:
        return True
    if pattern == "conditioning":
        return not _has(r"thruster|swings?\b", lower)
    return force == "static" or _has(r"\bhold\b", lower)


# ---------------------------------------------------------------------------
# Tier and coaching (issue 10)
# ---------------------------------------------------------------------------
#: Equipment that makes a movement specialty whatever its name: strongman
#: implements, sleds, sandbags, rings, suspension trainers and battle ropes are
#: not in the commercial-gym default (``movements.equipment``).
SPECIALTY_EQUIPMENT = frozenset(
    {"strongman", "sled", "sandbag", "rings", "suspension_trainer", "battle_ropes"}
)
_ACCOMMODATING = r"with bands|with chains|reverse band|\bspeed\b|- with bands"
_NON_LIFTING = frozenset({"mobility", "cardio", "conditioning", "plyometric"})


def derive_tier(name: str, pattern: str, equipment: Iterable[str], level: int) -> str:
    """A ``Tier`` value. The reviewed tables in ``library_data`` win (NOVELTY,
    then STAPLE, then COMMON); otherwise: specialty kit, accommodating resistance
    (bands, chains, speed work) and Olympic lifts are SPECIALTY; mobility and
    cardio work is COMMON; conditioning and plyometric work is COMMON up to level
    2 (SPECIALTY above); a lifting movement nobody listed is SPECIALTY."""
    if name in data.TIER_NOVELTY:
        return "NOVELTY"
    if name in data.TIER_STAPLE:
        return "STAPLE"
    if name in data.TIER_COMMON:
        return "COMMON"
    lower = name.lower()
    if set(equipment) & SPECIALTY_EQUIPMENT or _has(_ACCOMMODATING, lower):
        return "SPECIALTY"
    if pattern == "olympic":
        return "SPECIALTY"
    if pattern in ("mobility", "cardio"):
        return "COMMON"
    if pattern in _NON_LIFTING:
        return "COMMON" if level <= 2 else "SPECIALTY"
    return "SPECIALTY"


def derive_requires_coaching(name: str, pattern: str) -> bool:
    """Olympic-pattern lifts and the names in ``library_data.REQUIRES_COACHING``."""
    return pattern == "olympic" or name in data.REQUIRES_COACHING


def _curated(spec: MovementSpec) -> MovementSpec:
    """Apply the reviewed muscle corrections, then the tier and coaching flag."""
    muscles = data.MUSCLE_OVERRIDES.get(spec.name)
    if muscles is not None:
        primary, secondary = muscles
        spec = replace(
            spec,
            primary_muscles=tuple(sorted(primary)),
            secondary_muscles=tuple(sorted(set(secondary) - set(primary))),
        )
    return replace(
        spec,
        tier=derive_tier(spec.name, spec.pattern, spec.equipment, spec.level),
        requires_coaching=derive_requires_coaching(spec.name, spec.pattern),
    )


# ---------------------------------------------------------------------------
# Records → specs
# ---------------------------------------------------------------------------
def movement_from_record(record: Record) -> MovementSpec:
    """Derive one :class:`MovementSpec` from a free-exercise-db record."""
    name = record["name"].strip()
    pattern = derive_pattern(record)
    equipment = normalise_equipment(record, pattern)
    primary = _primary(record)
    secondary = sorted(
        {muscle_slug(m) for m in record.get("secondaryMuscles") or []} - {primary}
    )
    force = record.get("force") or ""
    spec = MovementSpec(
        name=name,
        slug=movement_slug(name),
        source_id=record["id"],
        pattern=pattern,
        mechanic=record.get("mechanic") or "",
        force=force,
        equipment=equipment,
        level=derive_level(record, pattern, equipment),
        primary_discipline=derive_discipline(record, pattern, equipment),
        category=record["category"],
        tags=derive_tags(name, pattern, primary, force, equipment),
        is_unilateral=derive_is_unilateral(name),
        is_timed=derive_is_timed(name, pattern, force),
        primary_muscles=(primary,),
        secondary_muscles=tuple(secondary),
    )
    return _curated(spec)


def movement_from_supplement(entry: Mapping[str, Any]) -> MovementSpec:
    """A :class:`MovementSpec` from a ``library_data.SUPPLEMENT`` entry; outside
    mobility, derived tags (dominance, conditioning, low impact...) are added to
    the entry's own."""
    name = entry["name"]
    primary = entry["primary"]
    derived: tuple[str, ...] = ()
    if entry["pattern"] != "mobility":
        # Stretch/warm-up/cool-down tags of supplement mobility work are curated.
        derived = derive_tags(
            name, entry["pattern"], primary, entry["force"], entry["equipment"]
        )
    spec = MovementSpec(
        name=name,
        slug=movement_slug(name),
        source_id="",
        pattern=entry["pattern"],
        mechanic=entry["mechanic"],
        force=entry["force"],
        equipment=tuple(sorted(set(entry["equipment"]))),
        level=entry["level"],
        primary_discipline=entry["discipline"],
        category="",
        tags=tuple(sorted(set(entry["tags"]) | set(derived))),
        is_unilateral=entry["is_unilateral"],
        is_timed=entry["is_timed"],
        primary_muscles=(primary,),
        secondary_muscles=tuple(sorted(set(entry["secondary"]) - {primary})),
    )
    return _curated(spec)


_VARIANT_SUFFIX = re.compile(r"\s*-?\s*(?:with bands|with chains|from blocks)$", re.I)


def derive_equivalents(movements: Iterable[MovementSpec]) -> list[Edge]:
    """EQUIVALENT edges from a loaded or block variant to its base lift when the
    base exists with the same pattern ("Box Squat with Bands" → "Box Squat",
    "Power Clean from Blocks" → "Power Clean")."""
    by_name = {m.name.lower(): m for m in movements}
    edges = []
    for movement in by_name.values():
        stem = _VARIANT_SUFFIX.sub("", movement.name)
        base = by_name.get(stem.lower())
        if stem != movement.name and base and base.pattern == movement.pattern:
            edges.append(Edge(movement.slug, base.slug, "EQUIVALENT"))
    return edges


def build_library(records: Iterable[Record]) -> Library:
    """Derive every record, add the supplement (skipping names or slugs the data
    already has), resolve the curated graph plus derived equivalents.

    Raises :class:`LibraryError` on a duplicate slug or a curated name that does
    not exist.
    """
    movements: dict[str, MovementSpec] = {}
    names: set[str] = set()
    for record in records:
        spec = movement_from_record(record)
        if spec.slug in movements or spec.name.lower() in names:
            raise LibraryError(f"Duplicate movement {spec.name!r} ({spec.slug}).")
        movements[spec.slug] = spec
        names.add(spec.name.lower())

    skipped = []
    for entry in data.SUPPLEMENT:
        spec = movement_from_supplement(entry)
        if spec.slug in movements or spec.name.lower() in names:
            skipped.append(spec.name)
            continue
        movements[spec.slug] = spec
        names.add(spec.name.lower())

    slug_by_name = {m.name: m.slug for m in movements.values()}
    curated = [
        *((a, b, "PROGRESSION") for a, b in data.PROGRESSIONS),
        *((a, b, "EQUIVALENT") for a, b in data.EQUIVALENTS),
        *((a, b, "ANTAGONIST") for a, b in data.ANTAGONISTS),
    ]
    missing = sorted({n for a, b, _ in curated for n in (a, b)} - set(slug_by_name))
    if missing:
        raise LibraryError(f"Curated relationships name unknown movements: {missing}")
    edges = [Edge(slug_by_name[a], slug_by_name[b], kind) for a, b, kind in curated]
    edges += derive_equivalents(movements.values())

    unique: dict[tuple[str, str, str], Edge] = {}
    for edge in edges:
        if edge.from_slug == edge.to_slug:
            raise LibraryError(f"Self-referencing edge on {edge.from_slug}.")
        key = (edge.from_slug, edge.to_slug, edge.relationship_type)
        if edge.relationship_type in {"EQUIVALENT", "ANTAGONIST"}:
            # Symmetric: one edge per unordered pair.
            key = (*sorted((edge.from_slug, edge.to_slug)), edge.relationship_type)
        unique.setdefault(key, edge)

    return Library(
        movements=tuple(sorted(movements.values(), key=lambda m: m.slug)),
        relationships=tuple(
            sorted(
                unique.values(),
                key=lambda e: (e.from_slug, e.to_slug, e.relationship_type),
            )
        ),
        skipped_supplement=tuple(skipped),
    )
