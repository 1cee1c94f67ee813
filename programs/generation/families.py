"""Lift families: the variants of one base lift, at most one of which a session
holds (issue 10: a coach's read of generated programs).

NSCA exercise selection (reference §1, §11: core, multi-joint lifts first, then
assistance exercises that train the same muscles another way) picks one
variant of a lift for a session and gives the rest of the day to lifts that
differ from it. A coach never programs two variants of the same lift on one
day for a beginner (a walking lunge and a dumbbell lunge; a deadlift and a
Romanian deadlift), and for anyone avoids a second heavy floor pull right
after the main one (a trap-bar deadlift after a barbell deadlift). For an
intermediate or advanced lifter an RDL after a deadlift is an ordinary
assistance lift (a different movement: hip hinge from the top, no floor
pull), as is a close-grip bench after a bench press or a leg press after a
squat. So a family is one base movement, by the lifting field's names:

===================  ===============================================  ==========
family               variants                                         who
===================  ===============================================  ==========
deadlift             conventional, sumo, trap-bar, deficit deadlift,   everyone
                     rack pull (beginners: RDL, stiff-legged, good
                     morning too)
romanian_deadlift    RDL, stiff-legged, single-leg deadlift            int./adv.
squat                back, front, box, goblet, dumbbell, Smith squat   everyone
lunge                every lunge, split squat and step-up              everyone
bench_press          barbell, dumbbell, Smith flat bench (beginners:   everyone
                     close-grip, floor and decline press too)
incline_press        incline barbell, dumbbell, Smith press            everyone
overhead_press       standing or seated barbell, dumbbell, kettlebell  everyone
                     press (beginners: push press too)
pull_up              pull-ups and chin-ups (beginners: pulldowns too)  everyone
push_up, dip, …      each its own                                      everyone
bent_over_row        barbell, dumbbell, T-bar, Smith bent-over row     beginners
===================  ===============================================  ==========

Machines and cables (a chest press, a pulldown for the intermediate) are lifts
of their own. Pure: a :class:`~.types.MovementInfo` in, a family name out
(empty: none).
"""

from __future__ import annotations

from .heuristics import SLOT_REPEAT_ANY_DAY_MINUTES, SLOT_REPEAT_MIN_MINUTES
from .types import MovementInfo

#: (pattern, words in the name (any), family), first match wins; a movement
#: of a listed pattern matching none has no family.
FAMILY_RULES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("hinge", ("swing",), "kettlebell_swing"),
    ("hinge", ("bridge", "hip thrust"), "hip_thrust"),
    ("hinge", ("glute ham",), "glute_ham_raise"),
    ("hinge", ("hyperextension", "back extension"), "back_extension"),
    (
        "hinge",
        ("romanian", "stiff-legged", "stiff legged", "one-legged", "single leg"),
        "romanian_deadlift",
    ),
    ("hinge", ("good morning",), "good_morning"),
    ("hinge", ("deadlift", "rack pull"), "deadlift"),
    ("squat", ("leg press",), "leg_press"),
    ("squat", ("hack squat",), "hack_squat"),
    ("squat", ("squat",), "squat"),
    ("lunge", ("",), "lunge"),
    ("horizontal_push", ("push-up", "pushup", "push up"), "push_up"),
    ("horizontal_push", ("dip",), "dip"),
    ("horizontal_push", ("incline",), "incline_press"),
    ("horizontal_push", ("decline",), "decline_press"),
    ("horizontal_push", ("close-grip", "close grip"), "close_grip_press"),
    ("horizontal_push", ("floor press",), "floor_press"),
    ("horizontal_push", ("bench press",), "bench_press"),
    ("vertical_push", ("push press",), "push_press"),
    ("vertical_push", ("pike",), "push_up"),
    ("vertical_push", ("press",), "overhead_press"),
    ("vertical_pull", ("scapular", "hang"), ""),
    ("vertical_pull", ("pull-up", "pullup", "pull up", "chin"), "pull_up"),
    ("vertical_pull", ("pulldown",), "lat_pulldown"),
    (
        "horizontal_pull",
        ("bent over", "bent-over", "t-bar", "pendlay"),
        "bent_over_row",
    ),
)

#: A beginner's families: variants an intermediate may pair are one lift to
#: them (a deadlift and an RDL, a bench and a close-grip bench).
BEGINNER_FAMILY: dict[str, str] = {
    "romanian_deadlift": "deadlift",
    "good_morning": "deadlift",
    "close_grip_press": "bench_press",
    "floor_press": "bench_press",
    "decline_press": "bench_press",
    "push_press": "overhead_press",
    "lat_pulldown": "pull_up",
}

#: Families only a beginner's session holds one of (two pulldowns or two rows
#: of different grips are an ordinary bodybuilding day for anyone else).
BEGINNER_ONLY = frozenset({"lat_pulldown", "bent_over_row"})

#: Guided-path equipment: a machine or cable press or row is its own lift, not
#: a variant of the free-weight one (the Smith machine's bar path is the lift's).
GUIDED = frozenset({"machine", "cable"})

#: Patterns whose machine and cable lifts stay outside the families.
_FREE_WEIGHT_FAMILIES = frozenset(
    {"horizontal_push", "vertical_push", "vertical_pull", "horizontal_pull"}
)


def lift_family(m: MovementInfo, beginner: bool) -> str:
    """The family of lift ``m`` is a variant of (module table), as a beginner
    (``beginner``) or an intermediate or advanced lifter counts it; "" when it
    has none (isolation work, machines, cables, carries)."""
    if m.pattern in _FREE_WEIGHT_FAMILIES and m.equipment & GUIDED:
        return ""
    name = m.name.lower()
    family = next(
        (
            fam
            for pattern, words, fam in FAMILY_RULES
            if pattern == m.pattern and any(w in name for w in words)
        ),
        "",
    )
    if beginner:
        return BEGINNER_FAMILY.get(family, family)
    return "" if family in BEGINNER_ONLY else family


# ---------------------------------------------------------------------------
# Session slots: one exercise per (pattern, main muscle) in a session
# ---------------------------------------------------------------------------
#: The landmark group (:data:`.volume.MUSCLE_ROW`) that names a compound
#: pattern's slot, first of a movement's primary groups in this order: the
#: pattern's prime mover (reference §11, §14: a squat or lunge is a quadriceps
#: lift, a hinge a hamstring lift, a pull a back lift).
SLOT_LEAD: dict[str, tuple[str, ...]] = {
    "squat": ("quadriceps", "glutes"),
    "lunge": ("quadriceps", "glutes"),
    "hinge": ("hamstrings", "glutes", "lower_back"),
    "horizontal_push": ("chest", "triceps", "shoulders"),
    "vertical_push": ("shoulders", "triceps", "chest"),
    "horizontal_pull": ("back", "traps", "biceps"),
    "vertical_pull": ("back", "biceps", "traps"),
}
#: Every other pattern (isolation, core, carry) is named by its first primary
#: group in this order: RP's major groups, then the smaller ones (reference §3).
SLOT_ORDER: tuple[str, ...] = (
    "chest", "back", "quadriceps", "hamstrings", "glutes", "shoulders", "traps",
    "biceps", "triceps", "calves", "abdominals", "forearms", "lower_back",
    "adductors", "abductors", "neck",
)  # fmt: skip

#: Families of ballistic hinges: a kettlebell swing is hip power (fast,
#: submaximal reps), conditioning or power work, not a 3 × 8–12 hypertrophy or
#: 4 × 5 strength accessory at a %1RM (NSCA power rows, reference §1a, §1e;
#: issue 10, a coach's review). The library's fields do not mark a swing as
#: ballistic (pattern hinge, mechanic compound, force pull), so its family
#: (:data:`FAMILY_RULES`) does.
BALLISTIC_FAMILIES = frozenset({"kettlebell_swing"})


def session_slot(pattern: str, rows: frozenset[str]) -> tuple[str, str]:
    """The slot a movement fills in a session: (its pattern, its main landmark
    group), the group being the first of its primary groups ``rows``
    (:func:`.volume.rows_of` its primary muscles) in :data:`SLOT_LEAD` for a
    compound pattern or :data:`SLOT_ORDER` otherwise; ("pattern", "") when it
    has no primary muscle (such a movement holds no slot).

    A coach writes one exercise per slot in a session: one vertical pull (a
    pull-up *or* a pulldown), one upright row, one hip adduction; the session's
    next exercise trains another pattern or another muscle the day targets
    (reference §11: both planes of pushing and pulling, knee- and hip-dominant
    work; RP: one session's productive volume for a muscle is spread over
    exercises that differ, §3; seeds 000 fork 6.4, duplicate removal; seeds 003:
    pattern interference rules and intelligent replacement).
    """
    for row in SLOT_LEAD.get(pattern, SLOT_ORDER):
        if row in rows:
            return pattern, row
    return pattern, min(rows, key=SLOT_ORDER.index) if rows else ""


def slot_repeats(
    capped: bool, hypertrophy: bool, minutes: int, rows: frozenset[str]
) -> frozenset[str]:
    """The landmark groups whose slots may hold two exercises in a session: the
    groups the day targets (``rows``) when the session is hypertrophy-dominant
    (``hypertrophy``: volume per muscle is the point, RP §3) and either the
    day calls for repeats of its patterns (``capped`` False: a push, pull,
    legs, chest, back, shoulder, arm or posterior-chain day,
    :func:`.balance.pattern_capped`) with ``minutes`` ≥
    :data:`.heuristics.SLOT_REPEAT_MIN_MINUTES`, or the session is long
    (≥ :data:`.heuristics.SLOT_REPEAT_ANY_DAY_MINUTES`). Else none: an upper,
    lower or full-body day of an hour trains each slot once and spends the
    rest on the other planes and muscles it targets (reference §11)."""
    if not hypertrophy or minutes < (
        SLOT_REPEAT_ANY_DAY_MINUTES if capped else SLOT_REPEAT_MIN_MINUTES
    ):
        return frozenset()
    return rows
