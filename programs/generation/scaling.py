"""Curated circuits scaled for a beginner.

A named workout is written for trained athletes: Annie's 50-40-30-20-10
double-unders, Angie's 100 pull-ups, Kelly's 150 box jumps. A coach gives a
beginner the same workout scaled: the movement a beginner cannot yet do well
under fatigue is swapped for the standard easier one, at the reps (or the
time) that keep the piece's stimulus (CrossFit Level 1 Training Guide,
"Scaling": preserve the stimulus, lower the skill or load; the CrossFit
Open's scaled division standards).

For a BEGINNER, a circuit movement is scaled (:func:`needs_scaling`) when it

- needs hands-on teaching (``Movement.requires_coaching``),
- is SPECIALTY or NOVELTY (``Movement.tier``) and the athlete did not ask for
  it (a PREFER rule, a discipline they rank, kit they listed:
  :func:`.library.tier_standing`), or
- is a staple a beginner cannot do for a circuit's volume
  (:attr:`Scaling.beginner`: pull-ups, box jumps).

A movement the athlete prefers (PREFER rule) is never scaled. A movement with
no scaling in :data:`SCALINGS`, or none of whose options the athlete has,
takes its circuit away from that athlete (:func:`scaled_for_beginner` returns
None): an Olympic lift has no conditioning stand-in a coach would sign.
Pure: a circuit, the athlete's movement facts and rules in, a circuit out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .types import CircuitInfo

if TYPE_CHECKING:
    from .library import Facts

#: How a scaled item's note begins (the session row, the rationale line and the
#: session page's circuit card all read it).
SCALED_PREFIX = "scaled for a beginner: "
#: Tiers a coach keeps out of a beginner's circuits unless asked for (issue 10).
UNCOMMON_TIERS = frozenset({"SPECIALTY", "NOVELTY"})

#: Where the scalings come from (cited by every :class:`Scaling`).
CROSSFIT_L1 = "CrossFit Level 1 Training Guide, 'Scaling'"
OPEN_SCALED = "CrossFit Open scaled-division standards"


@dataclass(frozen=True, slots=True)
class Option:
    """One easier movement (``slug`` of ``movements.Movement``) and how a
    coach says the swap ("single-unders for double-unders")."""

    slug: str
    words: str


@dataclass(frozen=True, slots=True)
class Scaling:
    """How a circuit movement is scaled for a beginner: the first of
    ``options`` the athlete can do, at ``reps_factor`` × the written reps (a
    timed or interval dose keeps its time), with ``load_hint`` in place of the
    written one when given. ``beginner``: scaled for every beginner, even
    though the movement is a staple (circuit volume, not skill, is the
    problem). ``source`` names the standard."""

    options: tuple[Option, ...]
    source: str
    reps_factor: float = 1.0
    load_hint: str | None = None
    beginner: bool = False


#: The standard scalings, by the scaled movement's slug. Reps factors: 2
#: single-unders per double-under (the Open's scaled standard; the Level 1
#: guide's 2–3×, so the piece keeps its time); a row or a step-up rep for a
#: pull-up or box-jump rep. A scaled circuit keeps its estimated time.
SCALINGS: dict[str, Scaling] = {
    "double-unders": Scaling(
        (Option("rope-jumping", "single-unders for double-unders"),),
        f"{CROSSFIT_L1}; {OPEN_SCALED} (2 single-unders per double-under)",
        reps_factor=2.0,
    ),
    "pullups": Scaling(
        (
            Option("inverted-row", "inverted rows for pull-ups"),
            Option("suspended-row", "ring rows for pull-ups"),
            Option("band-assisted-pull-up", "band-assisted pull-ups for pull-ups"),
            Option("wide-grip-lat-pulldown", "lat pulldowns for pull-ups"),
        ),
        f"{CROSSFIT_L1} (ring rows, band-assisted or jumping pull-ups); "
        "a beginner rarely has the strict pull-ups a circuit's volume asks",
        beginner=True,
    ),
    "box-jump-multiple-response": Scaling(
        (Option("bodyweight-step-up", "step-ups for box jumps"),),
        f"{CROSSFIT_L1} (step-ups for box jumps); {OPEN_SCALED}",
        beginner=True,
    ),
    "barbell-thruster": Scaling(
        (Option("dumbbell-thruster", "dumbbell thrusters for barbell thrusters"),),
        f"{CROSSFIT_L1} (lighter implement, same movement)",
        load_hint="light dumbbells",
    ),
    "handstand-push-ups": Scaling(
        (
            Option("pike-push-up", "pike push-ups for handstand push-ups"),
            Option(
                "dumbbell-shoulder-press",
                "dumbbell shoulder presses for handstand push-ups",
            ),
        ),
        f"{CROSSFIT_L1} (pike push-ups or a dumbbell press); {OPEN_SCALED}",
        load_hint="",
    ),
    "ring-dips": Scaling(
        (
            Option("bench-dips", "bench dips for ring dips"),
            Option("pushups", "push-ups for ring dips"),
        ),
        f"{CROSSFIT_L1} (bench dips or push-ups)",
    ),
    "overhead-squat": Scaling(
        (Option("goblet-squat", "goblet squats for overhead squats"),),
        f"{CROSSFIT_L1} (a front-loaded squat until the overhead position is coached)",
        load_hint="moderate kettlebell",
    ),
    "kettlebell-pistol-squat": Scaling(
        (
            Option("goblet-squat", "goblet squats for pistols"),
            Option("bodyweight-squat", "air squats for pistols"),
        ),
        f"{CROSSFIT_L1} (a two-legged squat for the single-leg one)",
    ),
    "push-press-behind-the-neck": Scaling(
        (Option("push-press", "push presses for behind-the-neck push presses"),),
        f"{CROSSFIT_L1} (the bar in front, where a beginner's shoulders allow it)",
    ),
}


def asked_for(f: Facts, prefer: frozenset[int]) -> bool:
    """Whether the athlete asked for this movement: a PREFER rule, or a
    SPECIALTY/NOVELTY movement their discipline or listed kit makes theirs
    (:func:`.library.tier_standing` gives it class 0 with a note)."""
    return f.m.id in prefer or (f.tier_class == 0 and bool(f.tier_note))


def needs_scaling(f: Facts, prefer: frozenset[int]) -> bool:
    """Whether a beginner's circuit scales this movement (module docstring)."""
    if asked_for(f, prefer):
        return False
    rule = SCALINGS.get(f.m.slug)
    return (
        f.m.requires_coaching
        or f.m.tier in UNCOMMON_TIERS
        or (rule is not None and rule.beginner)
    )


def scaled_for_beginner(
    circuit: CircuitInfo,
    facts: Mapping[int, Facts],
    substitutes: Mapping[int, int | None],
    prefer: frozenset[int],
) -> CircuitInfo | None:
    """``circuit`` as a beginner does it: each movement :func:`needs_scaling`
    becomes the first option of its :data:`SCALINGS` entry the athlete can do
    as written (available, within their level, not ruled out, not itself in
    need of scaling), at the scaled reps, and says so (``scaled``); None when
    a movement has no such option. ``facts`` is the library index's."""
    by_slug = {f.m.slug: f for f in facts.values()}
    items = []
    for item in circuit.items:
        f = facts[item.movement_id]
        if not needs_scaling(f, prefer):
            items.append(item)
            continue
        rule = SCALINGS.get(f.m.slug)
        if rule is None:
            return None
        option = next(
            (
                o
                for o in rule.options
                if (to := by_slug.get(o.slug)) is not None
                and to.level_ok
                and not to.discipline_excluded
                and to.m.id not in substitutes
                and not needs_scaling(to, prefer)
            ),
            None,
        )
        if option is None:
            return None
        reps = math.ceil(item.reps * rule.reps_factor) if item.reps else None
        factor = f" ({rule.reps_factor:g}× reps)" if reps and reps != item.reps else ""
        items.append(
            replace(
                item,
                movement_id=by_slug[option.slug].m.id,
                reps=reps,
                load_hint=item.load_hint if rule.load_hint is None else rule.load_hint,
                scaled=f"{SCALED_PREFIX}{option.words}{factor}",
            )
        )
    return replace(circuit, items=tuple(items))
