"""Push/pull balance of lifting days (issue 10; reference §11).

Pure helpers over a session's drafts: which push or pull patterns a session
still lacks (every upper or full-body day with 2+ hard exercises pushes and
pulls), which side the week so far leans away from (weekly pull:push hard sets
0.8–2.0), and the rationale line when a session could not balance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .library import LibraryIndex
from .prescription import Draft
from .splits import PULL_PATTERNS, PUSH_PATTERNS
from .types import ExerciseRole, ExperienceLevel, Goal
from .volume import BEGINNER_SCALE, landmark


def available_sides(index: LibraryIndex) -> frozenset[str]:
    """The push and pull patterns with at least one movement the athlete may do
    (the index holds only movements their equipment and rules allow)."""
    return frozenset(p for p in PUSH_PATTERNS | PULL_PATTERNS if index.pattern(p))


def side_of(pattern: str) -> str:
    """ "push", "pull" or "" for a movement pattern."""
    if pattern in PUSH_PATTERNS:
        return "push"
    return "pull" if pattern in PULL_PATTERNS else ""


def lacking(tags: tuple[str, ...], blocks: dict[str, list[Draft]]) -> frozenset[str]:
    """The push or pull intent patterns still missing from a session's hard work:
    each side the day's focus lists (upper and full-body days both, issue 10; a
    "Push (squat + press)" day its press, which a 30-min day once swapped for a
    fly) until the session trains it; empty once it does."""
    push = [t for t in tags if t in PUSH_PATTERNS]
    pull = [t for t in tags if t in PULL_PATTERNS]
    done = {d.movement.pattern for ds in blocks.values() for d in ds if d.hard}
    lacking: list[str] = []
    if push and not done & PUSH_PATTERNS:
        lacking += push
    if pull and not done & PULL_PATTERNS:
        lacking += pull
    return frozenset(lacking)


#: The rationale's words when the athlete's equipment and rules leave no
#: movement of the missing side: the one allowed exception to the push/pull
#: invariant (:mod:`.review`).
NO_SIDE_AVAILABLE = "your equipment and rules leave no movement of that kind"


def balance_note(
    tags: tuple[str, ...],
    blocks: dict[str, list[Draft]],
    minutes: int,
    full: bool,
    available: frozenset[str] = PUSH_PATTERNS | PULL_PATTERNS,
) -> str:
    """Why an upper or full-body session pushes without pulling (any number of
    hard exercises), or pulls without pushing (2+ hard exercises), else "".

    ``available``: the push and pull patterns the athlete's library still holds
    (equipment, hard-no rules); a side with none of them is the allowed
    exception (:data:`NO_SIDE_AVAILABLE`). Otherwise the budget (``full``: the
    session filled its window) or the week's volume caps are named: the
    session is reported, not excused (issue 10, reference §11)."""
    hard = [d for ds in blocks.values() for d in ds if d.hard]
    missing = lacking(tags, blocks)
    if not hard or not missing:
        return ""
    side = "pull" if missing & PULL_PATTERNS else "push"
    if side == "push" and len(hard) < 2:
        return ""
    if not missing & available:
        why = NO_SIDE_AVAILABLE
    elif full:
        why = f"the {minutes}-minute budget holds only {len(hard)} hard exercises"
    else:
        why = "this week's volume caps leave no room for it"
    return f"No {side} today: {why}; the week balances it."


def week_sides(
    blocks: dict[str, list[Draft]], week_pull_push: tuple[float, float]
) -> tuple[float, float]:
    """(pull, push) hard sets of the week so far: ``week_pull_push`` (the
    earlier sessions') plus this session's ``blocks`` (their hard drafts of a
    pull or a push pattern, :data:`.splits.PULL_PATTERNS` / ``PUSH_PATTERNS``)."""
    pull, push = week_pull_push
    for d in (d for ds in blocks.values() for d in ds if d.hard):
        if d.movement.pattern in PULL_PATTERNS:
            pull += d.sets
        elif d.movement.pattern in PUSH_PATTERNS:
            push += d.sets
    return pull, push


def week_lean(
    tags: tuple[str, ...],
    blocks: dict[str, list[Draft]],
    week_pull_push: tuple[float, float],
) -> frozenset[str]:
    """The day's pull intent patterns while the week so far (``week_pull_push``:
    hard pull and push sets of its earlier sessions, plus this session's
    ``blocks``) has fewer pull than push hard sets; its push patterns past 1.8
    pulls per push; else empty. Accessories then lean that way, so the weekly
    pull:push stays within 0.8–2.0 (issue 10; reference §11: at least as much
    pulling as pushing, ≤ 2:1 keeps pressing productive)."""
    pull, push = week_sides(blocks, week_pull_push)
    if pull < push:
        return frozenset(t for t in tags if t in PULL_PATTERNS)
    if pull > 1.8 * push and push:
        return frozenset(t for t in tags if t in PUSH_PATTERNS)
    return frozenset()


#: RP's major groups whose weekly MEV hypertrophy-weighted programs keep, and
#: the lifting patterns that train each (reference §3, §11; issue 10).
MAJOR_GROUPS = ("chest", "back", "quadriceps", "hamstrings")
FLOOR_PATTERNS: dict[str, tuple[str, ...]] = {
    "chest": ("horizontal_push",),
    "back": ("horizontal_pull", "vertical_pull"),
    "quadriceps": ("squat", "lunge"),
    "hamstrings": ("hinge",),
}
#: HYPERTROPHY is the largest goal weight and at least this (of 10).
HYPERTROPHY_MIN_WEIGHT = 4
#: The twice-a-week rule for the major groups applies from this many lifting
#: days a week (Schoenfeld 2016, reference §4; issue 10).
FREQUENCY_MIN_DAYS = 3


def hypertrophy_weighted(weights: dict) -> bool:
    """Whether a program's goal weights put hypertrophy first (≥ 4 of 10 and no
    goal weighs more): its major groups keep MEV (issue 10)."""
    weight = weights.get(Goal.HYPERTROPHY, 0)
    return weight >= HYPERTROPHY_MIN_WEIGHT and weight >= max(
        weights.values(), default=0
    )


#: The library muscles an isolation slot aims at to train each major group
#: when the day has none of the group's compound patterns left (chest fly, leg
#: curl, leg extension, straight-arm pulldown; issue 10).
GROUP_MUSCLES: dict[str, frozenset[str]] = {
    "chest": frozenset({"chest"}),
    "back": frozenset({"lats", "middle_back"}),
    "quadriceps": frozenset({"quadriceps"}),
    "hamstrings": frozenset({"hamstrings"}),
}


#: The groups whose missing compound work an isolation lift stands in for. Not
#: the back while the week's pull:push holds its rows back: straight-arm work
#: would only crowd out the pressing the week needs (weekly pull:push 0.8–2.0,
#: reference §11). A back whose rows are at the day's pattern cap only (the
#: one lifting day of a week, back far below MEV) takes a straight-arm
#: pulldown like a chest takes a fly (:func:`floor_pattern`, ``capped``).
ISOLATION_AIMS = frozenset({"chest", "quadriceps", "hamstrings"})


@dataclass(frozen=True, slots=True)
class WeekFloors:
    """Where a hypertrophy-weighted week stands before a session: ``rows``:
    hard sets per landmark group of its earlier sessions; ``days``: the days
    each group got a primary hard set; ``mev``: each major group's weekly floor
    (MEV, ×0.7 for beginners; reference §3)."""

    rows: dict[str, float] = field(default_factory=dict)
    days: dict[str, int] = field(default_factory=dict)
    mev: dict[str, float] = field(default_factory=dict)
    #: The week's later lifting days that plan compound work for each group
    #: (:func:`planned_groups`).
    later: dict[str, int] = field(default_factory=dict)


def primary_groups(
    blocks: dict[str, list[Draft]], index: LibraryIndex
) -> frozenset[str]:
    """The major groups a session's MAIN or ACCESSORY hard work trains as a
    primary muscle (a day that counts for the twice-a-week rule)."""
    return frozenset(
        g
        for ds in blocks.values()
        for d in ds
        if d.hard and d.role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
        for g, c in index.facts[d.movement.id].credit.items()
        if c >= 1.0 and g in MAJOR_GROUPS
    )


def week_floors(
    weights: dict,
    experience: ExperienceLevel,
    rows: dict[str, float],
    days: dict[str, int],
    later: dict[str, int] | None = None,
) -> WeekFloors | None:
    """The week so far for a hypertrophy-weighted program (:class:`WeekFloors`;
    MEV ×0.7 for beginners, :data:`.volume.BEGINNER_SCALE`), else None.
    ``later``: the later lifting days planning each group (:func:`planned_groups`)."""
    if not hypertrophy_weighted(weights):
        return None
    scale = BEGINNER_SCALE if experience == ExperienceLevel.BEGINNER else 1.0
    mev = {g: landmark(g).mev * scale for g in MAJOR_GROUPS}
    return WeekFloors(dict(rows), dict(days), mev, dict(later or {}))


def planned_groups(tags: tuple[str, ...], targets: frozenset[str]) -> frozenset[str]:
    """The major groups a lifting day's focus plans compound work for: those
    of its compound floor patterns (:data:`FLOOR_PATTERNS`) among its first
    two compound lifting patterns (a main lift and the next lift, which every
    day past 30 minutes holds), or that it lists and targets (``targets``: its
    landmark rows; Upper B presses on the bench for its chest). An earlier
    day's floor sets short of MEV are kept while a later day plans the group
    (:meth:`.floorfit.FloorFit._floor_sets`; issue 10)."""
    compound = [t for t in tags if t in PATTERN_GROUP]
    first = [t for t in tags if t in CAPPED_PATTERNS][:2]
    return frozenset(
        PATTERN_GROUP[t] for t in compound if t in first or PATTERN_GROUP[t] in targets
    )


def floor_deficit(
    weights: dict, experience: ExperienceLevel, rows: dict[str, float]
) -> float:
    """Hard sets a week (``rows``: its sets per volume row) still lacks for
    its major groups to reach MEV (×0.7 for beginners), summed over chest,
    back, quadriceps and hamstrings; 0 for a program not hypertrophy-weighted
    (RP, reference §3; issue 10)."""
    week = week_floors(weights, experience, rows, {})
    if week is None:
        return 0.0
    return sum(max(0.0, m - rows.get(g, 0.0)) for g, m in week.mev.items())


def floor_order(
    rows: dict[str, float], hit: frozenset[str], week: WeekFloors | None
) -> list[str]:
    """The major groups, neediest first. Without ``week``: fewest hard sets in
    the session so far (``rows``). With it: the group trained on the fewest
    days of the week, up to two (this session's primary hits, ``hit``,
    included), comes first (Schoenfeld 2016, reference §3: 2×/week beats 1×),
    then the group furthest below its MEV over the week (RP, reference §3;
    issue 10)."""
    if week is None:
        return sorted(
            MAJOR_GROUPS, key=lambda g: (rows.get(g, 0.0), MAJOR_GROUPS.index(g))
        )

    def need(g: str) -> tuple[int, float, int]:
        days = week.days.get(g, 0) + (g in hit)
        total = week.rows.get(g, 0.0) + rows.get(g, 0.0)
        return min(days, 2), total - week.mev.get(g, 0.0), MAJOR_GROUPS.index(g)

    return sorted(MAJOR_GROUPS, key=need)


def floor_short(
    group: str, rows: dict[str, float], hit: frozenset[str], week: WeekFloors | None
) -> bool:
    """Whether a major group is still short this week counting the session so
    far: below its MEV or trained on fewer than two days (issue 10)."""
    if week is None:
        return False
    days = week.days.get(group, 0) + (group in hit)
    return days < 2 or below_mev(group, rows, week)


def below_mev(group: str, rows: dict[str, float], week: WeekFloors | None) -> bool:
    """Whether a major group is still below its MEV this week counting the
    session so far (``rows``), whatever the days it was trained on (RP,
    reference §3; issue 10). False without ``week``."""
    if week is None:
        return False
    total = week.rows.get(group, 0.0) + rows.get(group, 0.0)
    return total < week.mev.get(group, 0.0) - 1e-9


def floor_pattern(
    tags: tuple[str, ...],
    rows: dict[str, float],
    exclude: frozenset[str] = frozenset(),
    week: WeekFloors | None = None,
    hit: frozenset[str] = frozenset(),
    aimable: frozenset[str] = frozenset(),
    capped: frozenset[str] = frozenset(),
) -> tuple[str, str] | None:
    """(pattern, major group) for the day's extra work on a hypertrophy-weighted
    day: the neediest group (:func:`floor_order`) the day's intent patterns can
    train; None when it trains none of them. Extra work goes there first, so
    chest, back, quadriceps and hamstrings reach MEV, twice a week, before
    other work (RP, reference §3; issue 10). ``exclude``: patterns the week's
    pull:push leans away from, or at the day's pattern cap (not chosen); a group
    with none of its compound patterns left takes the day's isolation slot when
    the day targets it (``aimable``: the groups of the day's target muscles) —
    a chest fly or leg curl, as a coach would add. ``capped``: the patterns of
    ``exclude`` at the day's pattern cap (not held back by the pull:push); a
    back whose listed patterns are all capped, below its MEV this week, takes
    the isolation slot too (a straight-arm pulldown)."""
    for g in floor_order(rows, hit, week):
        listed = [p for p in FLOOR_PATTERNS[g] if p in tags]
        options = [p for p in listed if p not in exclude]
        if options:
            return min(options), g
        if "isolation" not in tags or g not in aimable:
            continue
        if g in ISOLATION_AIMS or (
            listed and set(listed) <= capped and below_mev(g, rows, week)
        ):
            return "isolation", g
    return None


#: Main-lift families whose patterns may stand in for one another (same side
#: of push/pull, or the lower body), and the major group each pattern trains.
FAMILIES = (PUSH_PATTERNS, PULL_PATTERNS, frozenset({"squat", "hinge", "lunge"}))
PATTERN_GROUP = {p: g for g, ps in FLOOR_PATTERNS.items() for p in ps}


def floor_family(tags: tuple[str, ...]) -> tuple[str, ...]:
    """A finisher day's patterns for its extra floor lifts: ``tags`` plus the
    floor patterns of each upper family (push, pull) it already trains, so a
    shoulder day that presses overhead may add an incline press for a chest
    short of MEV, a vertical-pull day a row for the back (issue 10; RP,
    reference §3). Lower-body patterns are not widened: a squat day's
    hamstrings take a leg curl (the isolation slot), not a second hinge day."""
    out = list(tags)
    for family in FAMILIES[:2]:
        if family & set(tags):
            out += sorted(p for p in family if p in PATTERN_GROUP and p not in out)
    return tuple(out)


def floor_leads(patterns: list[str], count: int, week: WeekFloors | None) -> list[str]:
    """The main-lift patterns of a hypertrophy-weighted day (``patterns``, the
    first ``count`` lifted), each swapped for a later one of its family when
    that one trains a major group trained on fewer days this week (two are
    enough), or as many and still below MEV while its own group is not: an
    upper day leading with an overhead press presses on the bench when the
    chest was trained once, a lower day leads with a hinge when the hamstrings
    were not (issue 10; Schoenfeld 2016 and RP, reference §3). Unchanged
    without ``week``."""
    if week is None:
        return patterns
    out = list(patterns)
    hit: set[str] = set()
    done = (2, True)  # two days and MEV reached, or no major group
    for i in range(min(count, len(out))):
        rank = {
            p: (
                min(2, week.days.get(g, 0) + (g in hit)),
                week.rows.get(g, 0.0) >= week.mev.get(g, 0.0),
            )
            for p, g in PATTERN_GROUP.items()
        }
        family = next((f for f in FAMILIES if out[i] in f), frozenset())
        options = [q for q in out if q in family and q not in out[:i]]
        best = min(options, key=lambda q: rank.get(q, done), default=out[i])
        if rank.get(best, done) < rank.get(out[i], done):
            j = out.index(best)
            out[i], out[j] = out[j], out[i]
        if out[i] in PATTERN_GROUP:
            hit.add(PATTERN_GROUP[out[i]])
    return out


def floor_aim(floor: tuple[str, str] | None) -> frozenset[str]:
    """The muscles an isolation slot chosen by :func:`floor_pattern` aims at
    (chest for a chest fly); empty for a compound floor pattern or none."""
    if floor is None or floor[0] != "isolation":
        return frozenset()
    return GROUP_MUSCLES[floor[1]]


#: A day holds at most this many hard exercises of one compound lifting pattern
#: (issue 10: a coach saw Upper B = bench press + incline press + dumbbell press;
#: a third press is better spent on a pattern the day has not trained, reference
#: §11: both planes of pushing and pulling, knee- and hip-dominant work).
PATTERN_CAP = 2
CAPPED_PATTERNS = PUSH_PATTERNS | PULL_PATTERNS | {"squat", "hinge", "lunge"}


def pattern_capped(tags: tuple[str, ...]) -> bool:
    """Whether a day's focus keeps :data:`PATTERN_CAP`: it lists three or more
    compound lifting patterns (upper, lower, legs, full-body, push/pull days), so
    a third exercise of one pattern crowds out another. A focus with two or
    fewer (push, pull, chest, back, shoulders, arms, posterior-chain days) calls
    for repeats of its patterns and is not capped."""
    return len(set(tags) & CAPPED_PATTERNS) >= 3


def patterns_at_cap(patterns: list[str], tags: tuple[str, ...]) -> frozenset[str]:
    """The compound patterns that already fill :data:`PATTERN_CAP` among a day's
    hard exercises (``patterns``: one movement pattern per hard exercise) on a
    capped focus (:func:`pattern_capped`); empty otherwise."""
    if not pattern_capped(tags):
        return frozenset()
    return frozenset(
        p for p in set(patterns) & CAPPED_PATTERNS if patterns.count(p) >= PATTERN_CAP
    )
