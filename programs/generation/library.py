"""Per-run library index: hard filters applied once, facts precomputed once.

Built once per generation run (not per candidate): HARD_NO movements and movements
whose equipment is not all available are removed here, before any scoring, so no
relaxation step — emergency included — can ever select them. Movements above the
athlete's skill level + 1 are removed too (step ≥ 5 may relax by one level only).
A beginner's unassisted pull-ups and dips give way to a loadable variant
(:func:`_novice_swaps`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .activities import venues_for
from .circuits import usable_circuits
from .families import lift_family, session_slot
from .heuristics import (
    MAX_LEVEL,
    PATTERN_REGION,
    SPECIALTY_KIT,
    TIER_WEIGHTS,
    VENUE_KIT,
)
from .prescription import novice_bodyweight_lift
from .splits import PULL_PATTERNS, PUSH_PATTERNS
from .types import (
    LOADABLE,
    AthleteProfile,
    CircuitInfo,
    ExperienceLevel,
    Goal,
    MovementInfo,
    MovementLibrary,
    MovementRuleKind,
)
from .volume import rows_of, set_credit

LIFTING_PATTERNS = frozenset(
    {"squat", "hinge", "lunge", "horizontal_push", "horizontal_pull", "vertical_push",
     "vertical_pull", "carry", "core", "isolation", "olympic", "plyometric"}
)  # fmt: skip
#: Disciplines close enough to score "related" (0.6) in discipline_preference
#: (seeds 000 fork 8.1: exact 1.0, related 0.6, unrelated 0).
RELATED_DISCIPLINES: dict[str, frozenset[str]] = {
    "POWERLIFTING": frozenset({"STRONGMAN", "BODYBUILDING", "ALL"}),
    "BODYBUILDING": frozenset({"POWERLIFTING", "CALISTHENICS", "ALL"}),
    "OLYMPIC_LIFTING": frozenset({"POWERLIFTING", "CROSSFIT", "ALL"}),
    "CROSSFIT": frozenset({"OLYMPIC_LIFTING", "CALISTHENICS", "CARDIO", "ALL"}),
    "CALISTHENICS": frozenset({"BODYBUILDING", "CROSSFIT", "ALL"}),
    "STRONGMAN": frozenset({"POWERLIFTING", "CROSSFIT", "ALL"}),
    "MOBILITY": frozenset({"ALL"}),
    "CARDIO": frozenset({"CROSSFIT", "ALL"}),
}


#: Pseudo volume rows for the week's pull:push (issue 10, reference §11): a hard
#: set of a push pattern counts one "pushing" set, of a pull pattern one
#: "pulling" set. Like a muscle's row they stop at RP's 12 sets a session (a
#: pull-only day is held there by the back's row alone, a push-only day would
#: otherwise split its pressing over chest and shoulders, 24); the engine's
#: weekly pass also gives them a per-day budget when the week's pull:push bends
#: (:mod:`.weekbalance`). Engine accounting only: the review counts muscles.
PUSH_ROW, PULL_ROW = "pushing", "pulling"


def engine_credit(m: MovementInfo) -> dict[str, float]:
    """The engine's per-set credit: :func:`.volume.set_credit`'s muscle rows plus
    the side row of a push or pull pattern (:data:`PUSH_ROW`, :data:`PULL_ROW`)."""
    credit = set_credit(m)
    if m.pattern in PUSH_PATTERNS:
        credit[PUSH_ROW] = 1.0
    elif m.pattern in PULL_PATTERNS:
        credit[PULL_ROW] = 1.0
    return credit


@dataclass(frozen=True, slots=True)
class Facts:
    """Precomputed, context-free facts about one available movement."""

    m: MovementInfo
    credit: dict[str, float]
    primary: frozenset[str]
    muscles: frozenset[str]
    compound: float
    olympic: bool
    stretch: bool
    warmup: bool
    lifting: bool
    level_ok: bool
    discipline: float
    discipline_excluded: bool
    goal: float
    prows: frozenset[str] = frozenset()
    srows: frozenset[str] = frozenset()
    tier: float = 0.0
    tier_class: int = 0
    tier_note: str = ""
    #: The lift family this movement is a variant of, as the athlete's
    #: experience counts it (:func:`.families.lift_family`; "" for none).
    family: str = ""
    #: The (pattern, main landmark group) slot it fills in a session
    #: (:func:`.families.session_slot`).
    slot: tuple[str, str] = ("", "")


def tier_standing(
    m: MovementInfo,
    *,
    preferred: bool,
    liked: frozenset[str],
    equipment: frozenset[str],
) -> tuple[float, int, str]:
    """(scorer adjustment, class, note) for a movement's tier (issue 10).

    The adjustment is ``TIER_WEIGHTS[tier]``. Class 0 competes freely, class 1
    (SPECIALTY) and 2 (NOVELTY) only when no lower class qualifies for the slot
    (optimizer.pick). A SPECIALTY or NOVELTY movement is class 0 when the athlete
    prefers it (PREFER rule, or its discipline is one they prioritised) or it
    uses specialty equipment they listed (``SPECIALTY_KIT``); the note says why.
    """
    weight = TIER_WEIGHTS.get(m.tier, 0.0)
    if m.tier not in ("SPECIALTY", "NOVELTY"):
        return weight, 0, ""
    label = m.tier.lower()
    if preferred:
        return weight, 0, f"{label} movement: you prefer it (your rule)"
    if m.discipline in liked and m.discipline != "ALL":
        return (
            weight,
            0,
            (
                f"{label} movement: your {m.discipline.lower().replace('_', ' ')} priority"
            ),
        )
    kit = sorted(m.equipment & equipment & SPECIALTY_KIT)
    if kit:
        return weight, 0, f"{label} movement: uses your {', '.join(kit)}"
    return (
        weight,
        1 if m.tier == "SPECIALTY" else 2,
        (f"{label} movement: no staple or common movement fits this slot"),
    )


def _goal_affinity(
    goal: Goal, m: MovementInfo, compound: bool, loadable: bool
) -> float:
    """How well a movement serves a goal, 0–1 (goal_alignment dimension, seeds 000
    fork 8.1: "strength goal + strength pattern = 1.0, etc.")."""
    p = m.pattern
    if goal == Goal.STRENGTH:
        if p in LIFTING_PATTERNS and compound:
            return 1.0 if loadable else 0.6
        return 0.3 if p in LIFTING_PATTERNS else 0.0
    if goal == Goal.HYPERTROPHY:
        if p in LIFTING_PATTERNS:
            return 1.0 if compound and loadable else 0.8
        return 0.2
    if goal in (Goal.ENDURANCE, Goal.FAT_LOSS):
        if p in ("cardio", "conditioning"):
            return 1.0
        return 0.7 if compound else 0.3
    if goal == Goal.MOBILITY:
        return (
            1.0 if p == "mobility" else (0.6 if p == "core" or m.is_unilateral else 0.3)
        )
    if m.level >= 3 and (
        m.discipline in ("CALISTHENICS", "OLYMPIC_LIFTING") or p == "plyometric"
    ):
        return 1.0
    return 0.5 if compound else 0.2


def _is_stretch(m: MovementInfo) -> bool:
    name = m.name.lower()
    if m.pattern != "mobility":
        return False
    if "cooldown_friendly" in m.tags or "stretch" in m.tags or "stretch" in name:
        return True
    return m.force == "static" or "warmup_friendly" not in m.tags


def _is_warmup(m: MovementInfo) -> bool:
    if "warmup_friendly" in m.tags:
        return True
    if m.pattern == "mobility":
        return "cooldown_friendly" not in m.tags and m.force != "static"
    if m.pattern in ("plyometric", "cardio"):
        return m.level <= 2
    return not m.equipment and m.level <= 1 and m.pattern in LIFTING_PATTERNS


@dataclass(slots=True)
class LibraryIndex:
    """Available movements for one athlete and program, grouped for fast lookup."""

    facts: dict[int, Facts]
    by_pattern: dict[str, list[Facts]]
    substitutes: dict[int, int | None]
    prefer: frozenset[int]
    olympic_main_ok: bool
    by_muscle: dict[str, list[Facts]] = field(default_factory=dict)
    by_region: dict[str, list[Facts]] = field(default_factory=dict)
    lifting: list[Facts] = field(default_factory=list)
    non_stretch: list[Facts] = field(default_factory=list)
    warmups: list[Facts] = field(default_factory=list)
    stretches: list[Facts] = field(default_factory=list)
    easy: list[Facts] = field(default_factory=list)
    stretch_by_muscle: dict[str, list[Facts]] = field(default_factory=dict)
    #: Curated circuits the athlete can do as written (``circuits.usable_circuits``).
    circuits: tuple[CircuitInfo, ...] = ()
    #: Landmark groups a STAPLE or COMMON lifting movement at the athlete's
    #: level trains as its slot's group (:attr:`Facts.slot`): a SPECIALTY or
    #: NOVELTY accessory for such a group gives way (:func:`.optimizer.slot_open`).
    staple_groups: frozenset[str] = frozenset()

    def pattern(self, pattern: str) -> list[Facts]:
        """Available movements of one pattern (id order)."""
        return self.by_pattern.get(pattern, [])

    def __post_init__(self) -> None:
        for f in self.facts.values():
            if f.lifting:
                self.lifting.append(f)
                for muscle in f.primary:
                    self.by_muscle.setdefault(muscle, []).append(f)
                self.by_region.setdefault(
                    PATTERN_REGION.get(f.m.pattern, "any"), []
                ).append(f)
            if not f.stretch:
                self.non_stretch.append(f)
            if f.warmup and f.m.pattern != "cardio":
                self.warmups.append(f)
            if f.stretch:
                self.stretches.append(f)
            if not f.m.equipment and f.m.level <= 2:
                self.easy.append(f)
        # A library that tags its warm-up drills is trusted: the tagged set is the
        # pool (untagged heuristics only fill in for sparsely tagged libraries).
        tagged = [f for f in self.warmups if "warmup_friendly" in f.m.tags]
        if len(tagged) >= 15:
            self.warmups = tagged
        tagged = [
            f for f in self.stretches if {"stretch", "cooldown_friendly"} & f.m.tags
        ]
        if len(tagged) >= 15:
            self.stretches = tagged
        for f in self.stretches:
            for muscle in f.primary:
                self.stretch_by_muscle.setdefault(muscle, []).append(f)
        self.staple_groups = frozenset(
            f.slot[1]
            for f in self.lifting
            if f.level_ok and f.m.tier in ("STAPLE", "COMMON") and f.slot[1]
        )


def is_olympic(pattern: str, discipline: str, tags) -> bool:
    """Whether a movement is an Olympic lift (or a variant): its pattern, its
    discipline or an ``olympic`` tag says so."""
    return pattern == "olympic" or discipline == "OLYMPIC_LIFTING" or "olympic" in tags


def olympic_main_allowed(discipline_experience) -> bool:
    """Olympic lifts lead a session only for an athlete who has done them: a
    discipline absent from ``discipline_experience`` means "never" (issue 4),
    whatever their general training age or stated interest."""
    return "OLYMPIC_LIFTING" in discipline_experience


def _novice_swaps(facts: dict[int, Facts], preferred: frozenset[int]) -> None:
    """A beginner's unassisted pull-ups, chin-ups and dips
    (:func:`.prescription.novice_bodyweight_lift`) leave the index when a
    loadable compound of the same pattern is available (a lat pulldown, an
    assisted or dip machine, a press): its load can be set to the novice's 8–12
    RM (ACSM 2009 novice, reference §2a/§2b), bodyweight cannot. One the athlete
    prefers stays, and so do all of them when nothing loadable can take their
    place (they are then prescribed 1–5 reps)."""
    loadable = {
        f.m.pattern
        for f in facts.values()
        if f.m.equipment & LOADABLE and f.compound == 1.0 and f.tier_class == 0
    }
    for mid in [
        mid
        for mid, f in facts.items()
        if mid not in preferred
        and novice_bodyweight_lift(f.m)
        and f.m.pattern in loadable
    ]:
        del facts[mid]


def build_index(
    library: MovementLibrary, athlete: AthleteProfile, goals: dict[Goal, int]
) -> LibraryIndex:
    """Apply the hard filters and precompute every movement's static facts.

    Equipment is the athlete's list plus any venue an enjoyed activity needs
    (``activities.venues_for``: enjoying swimming means having a pool).
    """
    hard_no = {
        r.movement_id
        for r in athlete.movement_rules
        if r.rule == MovementRuleKind.HARD_NO
    }
    equipment = athlete.equipment | venues_for(
        (
            (m.name, m.slug, m.tags, m.equipment)
            for m in library.movements.values()
            if m.equipment & VENUE_KIT
        ),
        athlete.enjoyable_activities,
    )
    base_level = MAX_LEVEL[athlete.experience_level]
    priorities = {k: float(v) for k, v in athlete.discipline_priorities.items()}
    liked = {k for k, v in priorities.items() if v >= 0.5}
    preferred = frozenset(
        r.movement_id
        for r in athlete.movement_rules
        if r.rule == MovementRuleKind.PREFER
    )
    liked_set = frozenset(liked)
    beginner = athlete.experience_level == ExperienceLevel.BEGINNER
    facts: dict[int, Facts] = {}
    for mid in sorted(library.movements):
        m = library.movements[mid]
        if mid in hard_no or not m.equipment <= equipment:
            continue
        level = base_level
        disc_exp = athlete.discipline_experience.get(m.discipline)
        if disc_exp in MAX_LEVEL:
            level = max(level, MAX_LEVEL[ExperienceLevel(disc_exp)])
        if m.level > level + 1:
            continue
        compound = m.mechanic != "isolation" and m.pattern != "isolation"
        loadable = bool(m.equipment & LOADABLE)
        if not priorities:
            disc = 0.5
        elif m.discipline in liked:
            disc = 1.0
        elif any(m.discipline in RELATED_DISCIPLINES.get(d, ()) for d in liked):
            disc = 0.6
        else:
            disc = 0.0
        goal = sum(
            w / 10 * _goal_affinity(g, m, compound, loadable) for g, w in goals.items()
        )
        tier, tier_class, tier_note = tier_standing(
            m, preferred=mid in preferred, liked=liked_set, equipment=equipment
        )
        credit = engine_credit(m)
        facts[mid] = Facts(
            m=m,
            credit=credit,
            primary=frozenset(m.primary_muscles),
            muscles=frozenset(m.primary_muscles) | frozenset(m.secondary_muscles),
            compound=1.0 if m.mechanic == "compound" else (0.0 if not compound else 0.5),
            olympic=is_olympic(m.pattern, m.discipline, m.tags),
            stretch=_is_stretch(m),
            warmup=_is_warmup(m),
            lifting=m.pattern in LIFTING_PATTERNS,
            level_ok=m.level <= level,
            discipline=disc,
            discipline_excluded=m.discipline in priorities and priorities[m.discipline] <= 0,
            goal=round(goal, 4),
            prows=frozenset(r for r, c in credit.items() if c >= 1.0),
            srows=frozenset(r for r, c in credit.items() if c < 1.0),
            tier=tier, tier_class=tier_class, tier_note=tier_note,
            family=lift_family(m, beginner) if m.pattern in LIFTING_PATTERNS else "",
            slot=session_slot(m.pattern, rows_of(m.primary_muscles)),
        )  # fmt: skip
    # Curated circuits are read against the library before the novice swaps: a
    # circuit's pull-ups are scaled as the circuit's own standard says
    # (:mod:`.scaling`), not dropped with the circuit.
    circuit_facts = dict(facts)
    if beginner:
        _novice_swaps(facts, preferred)
    by_pattern: dict[str, list[Facts]] = {}
    for f in facts.values():
        by_pattern.setdefault(f.m.pattern, []).append(f)
    substitutes: dict[int, int | None] = {}
    for rule in athlete.movement_rules:
        if rule.rule == MovementRuleKind.SUBSTITUTE:
            sub = rule.substitute_id
            substitutes[rule.movement_id] = sub if sub in facts else None
    prefer = preferred
    olympic_ok = olympic_main_allowed(athlete.discipline_experience)
    circuits = usable_circuits(
        library.circuits, circuit_facts, substitutes, base_level, olympic_ok,
        beginner=beginner, prefer=preferred,
    )  # fmt: skip
    # A swapped-out pull-up or dip the circuit's scaling did not replace drops
    # the circuit, as a movement without a scaling does.
    circuits = tuple(
        c for c in circuits if all(i.movement_id in facts for i in c.items)
    )
    return LibraryIndex(
        facts, by_pattern, substitutes, prefer, olympic_ok, circuits=circuits
    )
