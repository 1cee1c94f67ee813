"""Which lifting days of a short hypertrophy-weighted week carry a finisher.

A finisher takes 10–20 min of a lifting day (seeds 003 s13, s16). On a short day
(:func:`lift_first`) it leaves room for the day's main lifts (one under 45 min,
two from 45) and the one lift for the side they lack (a pull on a day that
pushes), no more. A hypertrophy-weighted week of ≥ 3 lifting days trains
chest, back, quadriceps and hamstrings on two days each (Schoenfeld 2016,
reference §4; issue 10), so its working sets come first: a finisher goes only
on a day whose lost lifts other days still cover (a full-body day leading
with a hinge gives up its lunge while the squat days train the quadriceps; an
upper day keeps its bench press and its row), at 10 min up to what the day's
lifting leaves (:data:`.heuristics.HYPERTROPHY_LIFT_MINUTES`). The cardio-type
minutes no day holds are said in the plan, not dropped (:func:`leftover_note`).
Pure: intent tags and numbers in, day positions out.
"""

from __future__ import annotations

import math

from .balance import (
    FAMILIES,
    FLOOR_PATTERNS,
    FREQUENCY_MIN_DAYS,
    MAJOR_GROUPS,
    hypertrophy_weighted,
)
from .heuristics import (
    FINISHER_MAX_MINUTES,
    FINISHER_MIN_MINUTES,
    HYPERTROPHY_LIFT_MINUTES,
)
from .splits import PULL_PATTERNS, PUSH_PATTERNS
from .types import Goal
from .weekbalance import PULL_PUSH_MAX, PULL_PUSH_MIN

#: Minutes of a lifting day that warm-up and cool-down take (planner's estimate).
WARMUP_COOLDOWN_MINUTES = 12


def lift_first(weights: dict[Goal, int], lifting_days: int, budget: int) -> bool:
    """Whether a week's finishers yield to its working sets: hypertrophy leads
    (:func:`.balance.hypertrophy_weighted`), ≥ 3 lifting days a week (the
    twice-a-week rule applies) and a day too short to hold a 20-min finisher
    beside :data:`.heuristics.HYPERTROPHY_LIFT_MINUTES` of lifting (``budget``
    minutes; under 53 min)."""
    return (
        hypertrophy_weighted(weights)
        and lifting_days >= FREQUENCY_MIN_DAYS
        and budget - WARMUP_COOLDOWN_MINUTES - FINISHER_MAX_MINUTES
        < HYPERTROPHY_LIFT_MINUTES
    )


def offered(tags: tuple[str, ...]) -> frozenset[str]:
    """The major groups a day's intent patterns can train as a primary mover
    (:data:`.balance.FLOOR_PATTERNS`: the chest on a horizontal push, not an
    overhead press)."""
    return frozenset(
        g for g, patterns in FLOOR_PATTERNS.items() if set(patterns) & set(tags)
    )


def main_lifts(budget: int) -> int:
    """Main lifts a day of ``budget`` minutes leads with: one under 45 min, else
    two (the builder's rule, :meth:`.builder._LiftingDay.mains`)."""
    return 1 if budget < 45 else 2


def kept(tags: tuple[str, ...], supply: dict[str, int], mains: int) -> frozenset[str]:
    """The major groups a day with a finisher still trains: its ``mains`` main
    lifts (each on the group of its family — lower body, push or pull — that
    the fewest days offer, as the builder's floor leads choose), then the one
    lift for the side it lacks (a pull on a day that pushes, a push on one
    that pulls; issue 10); the finisher takes the rest of the day."""
    groups, out = offered(tags), set()
    for tag in [t for t in tags if any(t in f for f in FAMILIES)][:mains]:
        family = next(f for f in FAMILIES if tag in f) & set(tags)
        options = [
            g
            for g in MAJOR_GROUPS
            if g in groups and g not in out and set(FLOOR_PATTERNS[g]) & family
        ]
        if options:
            out.add(min(options, key=lambda g: (supply[g], MAJOR_GROUPS.index(g))))
    trained = out & {"back", "chest"}
    if trained == {"chest"} or (not trained and PULL_PATTERNS & set(tags)):
        out |= {"back"} & groups
    elif trained == {"back"} and PUSH_PATTERNS & set(tags):
        out |= {"chest"} & groups
    return frozenset(out)


def finisher_days(
    tags: dict[int, tuple[str, ...]],
    count: int,
    budget: int,
    order: list[int] | None = None,
) -> list[int]:
    """Up to ``count`` of the lifting days (position → intent tags) that can
    carry a finisher without leaving a major group fewer than two days that
    offer it, tried in ``order`` (default: the latest first; seeds 003 s16;
    issue 10). Greedy: each chosen day then offers only what it keeps
    (:func:`kept`)."""
    chosen: list[int] = []
    mains = main_lifts(budget)
    for _ in range(count):
        supply = offered_days(tags, chosen, mains)
        free = [
            p
            for p in order or sorted(tags, reverse=True)
            if p not in chosen
            and all(
                supply[g] > 2 for g in offered(tags[p]) - kept(tags[p], supply, mains)
            )
        ]
        free = [p for p in free if sides_balanced(tags, [*chosen, p], budget)]
        if not free:
            break
        chosen.append(free[0])
    return chosen


def side_room(budget: int, minutes: int) -> bool:
    """Whether a ``budget``-minute day with a ``minutes``-minute finisher holds
    the lift for the side its main lifts lack. A day of two main lifts (from
    45 min) needs :data:`.heuristics.HYPERTROPHY_LIFT_MINUTES` beside warm-up
    and cool-down for three lifts (about 7 min each, seeds 002 time tables):
    a 45-minute full-body day with a 20-minute finisher holds its squat and
    bench press, not its row (issue 10). A day of one main lift makes room for
    its row (a 30-minute day keeps its squat and a row, two sets each)."""
    return (
        main_lifts(budget) == 1
        or budget - WARMUP_COOLDOWN_MINUTES - minutes >= HYPERTROPHY_LIFT_MINUTES
    )


def side_minutes(budget: int) -> int:
    """The longest finisher a ``budget``-minute day holds beside its main lifts
    and the lift for the side they lack (:func:`side_room`)."""
    return budget - WARMUP_COOLDOWN_MINUTES - HYPERTROPHY_LIFT_MINUTES


def sides_kept(tags: tuple[str, ...], budget: int, minutes: int = 0) -> frozenset[str]:
    """The upper-body sides ("push", "pull") a lifting day with these intent
    tags still trains beside a ``minutes``-minute finisher on ``budget``-minute
    days: those of its :func:`main_lifts` lifts, then, when the day has room
    (:func:`side_room`), the one lift for the side it lacks, a pull first (the
    builder's order; a 30-minute full-body day keeps its squat and a row, not
    its bench press; issue 10)."""
    lifts = [t for t in tags if any(t in f for f in FAMILIES)][: main_lifts(budget)]
    sides = {"push" for t in lifts if t in PUSH_PATTERNS}
    sides |= {"pull" for t in lifts if t in PULL_PATTERNS}
    if not side_room(budget, minutes):
        return frozenset(sides)
    if "pull" not in sides and PULL_PATTERNS & set(tags):
        sides.add("pull")
    elif sides == {"pull"} and PUSH_PATTERNS & set(tags):
        sides.add("push")
    return frozenset(sides)


def side_days(
    tags: dict[int, tuple[str, ...]], chosen: list[int], budget: int, minutes: int = 0
) -> tuple[int, int]:
    """(pull days, push days) of a week (position → intent tags) whose
    ``chosen`` days carry a ``minutes``-minute finisher and keep only
    :func:`sides_kept`."""
    pulls = pushes = 0
    for p, t in tags.items():
        sides = sides_kept(t, budget, minutes) if p in chosen else _sides(t)
        pulls += "pull" in sides
        pushes += "push" in sides
    return pulls, pushes


def sides_balanced(
    tags: dict[int, tuple[str, ...]], chosen: list[int], budget: int, minutes: int = 0
) -> bool:
    """Whether ``minutes``-minute finishers on the ``chosen`` days keep a week
    that pulls and pushes doing so on days in 0.8–2.0 pulls per push (the
    weekly pull:push the review asks, reference §11: at least as much pulling
    as pushing, ≤ 2:1 keeps pressing productive). A week its finishers leave
    as it was passes: a push/pull split's one-sided days keep their side
    (issue 10)."""
    if side_days(tags, chosen, budget, minutes) == side_days(tags, [], budget):
        return True
    pulls, pushes = side_days(tags, chosen, budget, minutes)
    return bool(pushes) and PULL_PUSH_MIN <= pulls / pushes <= PULL_PUSH_MAX


def _sides(tags: tuple[str, ...]) -> frozenset[str]:
    """The upper-body sides a day's intent tags train without a finisher."""
    return frozenset(
        side
        for side, patterns in (("push", PUSH_PATTERNS), ("pull", PULL_PATTERNS))
        if patterns & set(tags)
    )


def sided_finisher_days(
    tags: dict[int, tuple[str, ...]],
    count: int,
    budget: int,
    order: list[int],
    minutes: int = 0,
) -> list[int]:
    """Up to ``count`` lifting days, tried in ``order``, that carry a
    ``minutes``-minute finisher while the week's pulling and pressing days
    stay in proportion (:func:`sides_balanced`): three 30-minute full-body
    days of a fat-loss-led week take one finisher, not three, so two days
    still squat or hinge, press and row (issue 10; reference §11)."""
    chosen: list[int] = []
    for p in order:
        if len(chosen) < count and sides_balanced(tags, [*chosen, p], budget, minutes):
            chosen.append(p)
    return chosen


def offered_days(
    tags: dict[int, tuple[str, ...]], chosen: list[int], mains: int
) -> dict[str, int]:
    """Days offering each major group (:func:`offered`), a ``chosen`` finisher
    day counting only what it keeps (:func:`kept`, in the order chosen)."""
    supply = dict.fromkeys(MAJOR_GROUPS, 0)
    full = {p: offered(t) for p, t in tags.items()}
    for groups in full.values():
        for g in groups:
            supply[g] += 1
    for p in chosen:
        for g in full[p] - kept(tags[p], supply, mains):
            supply[g] -= 1
    return supply


def finisher_minutes(need: int, days: int, budget: int) -> int:
    """Minutes of each of ``days`` finishers for ``need`` cardio-type minutes a
    week on a lift-first week: 10 min up to what the day leaves beside
    :data:`.heuristics.HYPERTROPHY_LIFT_MINUTES` of lifting (seeds 003 s13)."""
    room = budget - WARMUP_COOLDOWN_MINUTES - HYPERTROPHY_LIFT_MINUTES
    top = max(FINISHER_MIN_MINUTES, min(FINISHER_MAX_MINUTES, room))
    return max(FINISHER_MIN_MINUTES, min(top, round(need / max(1, days))))


def finisher_count(need: int, budget: int) -> int:
    """Finishers a lift-first week asks for: ``need`` minutes in the longest
    finishers its days allow (:func:`finisher_minutes`)."""
    return math.ceil(need / finisher_minutes(need, 1, budget))


def _goal_words(weights: dict[Goal, int]) -> str:
    """The cardio-type goals of a program as a sentence names them."""
    return " and ".join(
        g.value.lower().replace("_", "-")
        for g in (Goal.ENDURANCE, Goal.FAT_LOSS)
        if weights.get(g)
    )


def _elsewhere(rest: int) -> str:
    """Where cardio-type minutes no finisher holds go (Schumann 2022,
    reference §8; ACSM 2011, reference §2c)."""
    return (
        f"Do the other {rest} min as easy cardio apart from lifting, on a rest "
        "day or ≥ 3 h after a session (ACSM: ≥ 150 min of moderate aerobic work "
        "a week)."
    )


def sided_note(
    weights: dict[Goal, int], budget: int, need: int, placed: int, minutes: int
) -> str:
    """Where a week's cardio-type minutes went when finishers sit on fewer days
    (:func:`sided_finisher_days`): ``placed`` of ``need`` in finishers of
    ``minutes`` each; the rest as easy cardio on a rest day or ≥ 3 h after
    lifting (Schumann 2022, reference §8: the interference fell away with
    ≥ 3 h between them; ACSM 2011, reference §2c). The days without one keep
    a squat or hinge, a press and a row (reference §11)."""
    return (
        f"{budget}-minute days hold a squat or hinge, a press and a row, or a "
        "finisher beside the lower-body lift and a row, so finishers go on "
        "fewer days and the week presses at least half as often as it pulls "
        f"(reference §11): {minutes}-minute finishers hold {placed} of the "
        f"week's {need} {_goal_words(weights)} minutes. " + _elsewhere(need - placed)
    )


def shortened_note(
    weights: dict[Goal, int], budget: int, need: int, placed: int, minutes: int
) -> str:
    """Where a week's cardio-type minutes went when its finishers are cut to
    :func:`side_minutes` so each day still rows beside its squat and press
    (reference §11: at least as much pulling as pushing): ``placed`` of
    ``need`` in finishers of ``minutes`` each; the rest as easy cardio on a
    rest day or ≥ 3 h after lifting (Schumann 2022, reference §8; ACSM 2011,
    reference §2c)."""
    return (
        f"{budget}-minute days hold a squat or hinge, a press and a row beside a "
        f"finisher of at most {minutes} min, so the week pulls at least as often "
        f"as it presses (reference §11): {minutes}-minute finishers hold {placed} "
        f"of the week's {need} {_goal_words(weights)} minutes. "
        + _elsewhere(need - placed)
    )


def leftover_note(
    weights: dict[Goal, int], budget: int, need: int, placed: int, minutes: int
) -> str:
    """Where a lift-first week's cardio-type minutes went: ``placed`` of
    ``need`` in finishers of ``minutes`` each; the rest as easy cardio on a
    rest day or ≥ 3 h after lifting (Schumann 2022, reference §8: the
    interference fell away with ≥ 3 h between them; ACSM 2011, reference §2c:
    ≥ 150 min a week of moderate aerobic work)."""
    goals = _goal_words(weights)
    where = (
        f"{minutes}-minute finishers hold {placed} of the week's {need} {goals} "
        "minutes, on the days whose other lifts the week still covers"
        if placed
        else f"no day has room for a finisher beside them, so none of the week's "
        f"{need} {goals} minutes fit"
    )
    return (
        f"Hypertrophy leads: {budget}-minute days keep their working sets so "
        f"chest, back, quadriceps and hamstrings are each trained twice a week "
        f"(Schoenfeld 2016); {where}. " + _elsewhere(need - placed)
    )
