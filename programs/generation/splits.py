"""Split templates: the focus of each lifting day, and what each focus trains.

A *focus* is a kind of lifting day (``upper_a``, ``legs_b``...). Its intent tags
are ordered movement patterns — the first is the day's main pattern — and its
target muscles steer accessory choice (seeds 000 fork 3.5.3: intent tags squat,
hinge, lunge, horizontal_push...). Pattern balance follows reference §11 (both
planes of pushing and pulling, knee- and hip-dominant lower work every week); the
A/B variants lead with a different main pattern so consecutive days and repeated
foci rotate the main lift (seeds 000 fork 5.2.2 pattern interference).
"""

from __future__ import annotations

from dataclasses import dataclass

from .types import ExperienceLevel, Goal, GoalWeight, SplitTemplate

PUSH_PATTERNS = frozenset({"horizontal_push", "vertical_push"})
PULL_PATTERNS = frozenset({"horizontal_pull", "vertical_pull"})
UPPER = ("chest", "lats", "middle_back", "shoulders", "triceps", "biceps", "traps")
LOWER = ("quadriceps", "hamstrings", "glutes", "calves", "abdominals", "lower_back")


@dataclass(frozen=True, slots=True)
class Focus:
    """A lifting-day focus: display label, ordered intent patterns, target muscles."""

    label: str
    intent_tags: tuple[str, ...]
    target_muscles: tuple[str, ...]


FOCI: dict[str, Focus] = {
    "upper_a": Focus(
        "Upper A",
        (
            "horizontal_push",
            "horizontal_pull",
            "vertical_push",
            "vertical_pull",
            "isolation",
        ),
        UPPER,
    ),
    "upper_b": Focus(
        "Upper B",
        (
            "vertical_push",
            "vertical_pull",
            "horizontal_push",
            "horizontal_pull",
            "isolation",
        ),
        UPPER,
    ),
    "lower_a": Focus(
        "Lower A",
        ("squat", "hinge", "lunge", "core", "isolation"),
        LOWER + ("adductors",),
    ),
    "lower_b": Focus(
        "Lower B",
        ("hinge", "lunge", "squat", "core", "isolation"),
        LOWER + ("adductors",),
    ),
    "push_a": Focus(
        "Push A",
        ("horizontal_push", "vertical_push", "isolation", "core"),
        ("chest", "shoulders", "triceps"),
    ),
    "push_b": Focus(
        "Push B",
        ("vertical_push", "horizontal_push", "isolation", "core"),
        ("chest", "shoulders", "triceps"),
    ),
    "pull_a": Focus(
        "Pull A",
        ("vertical_pull", "horizontal_pull", "isolation", "carry"),
        ("lats", "middle_back", "biceps", "traps", "forearms"),
    ),
    "pull_b": Focus(
        "Pull B",
        ("horizontal_pull", "vertical_pull", "isolation", "carry"),
        ("lats", "middle_back", "biceps", "traps", "forearms"),
    ),
    "legs_a": Focus("Legs A", ("squat", "hinge", "lunge", "isolation", "core"), LOWER),
    "legs_b": Focus("Legs B", ("hinge", "squat", "lunge", "isolation", "core"), LOWER),
    "full_body_a": Focus(
        "Full body A",
        ("squat", "horizontal_push", "horizontal_pull", "core", "isolation"),
        UPPER + LOWER,
    ),
    "full_body_b": Focus(
        "Full body B",
        ("hinge", "vertical_push", "vertical_pull", "lunge", "isolation"),
        UPPER + LOWER,
    ),
    "full_body_c": Focus(
        "Full body C",
        ("lunge", "horizontal_push", "vertical_pull", "hinge", "core"),
        UPPER + LOWER,
    ),
    "push_full": Focus(
        "Push (squat + press)",
        ("squat", "horizontal_push", "vertical_push", "lunge", "isolation"),
        ("quadriceps", "chest", "shoulders", "triceps", "calves"),
    ),
    "pull_full": Focus(
        "Pull (hinge + row)",
        ("hinge", "horizontal_pull", "vertical_pull", "core", "isolation"),
        ("hamstrings", "glutes", "lats", "middle_back", "biceps", "lower_back"),
    ),
    # The chest day presses twice (flat, then incline or dumbbell: a second
    # chest press, not an overhead press, which the shoulder day leads with):
    # its two main lifts reach the chest's MEV with the flyes (RP, §3; issue 10).
    "chest": Focus(
        "Chest",
        ("horizontal_push", "horizontal_push", "vertical_push", "isolation", "core"),
        ("chest", "triceps"),
    ),
    "back": Focus(
        "Back",
        ("vertical_pull", "horizontal_pull", "isolation", "carry"),
        ("lats", "middle_back", "traps", "biceps"),
    ),
    "shoulders": Focus(
        "Shoulders",
        ("vertical_push", "horizontal_pull", "isolation", "core"),
        ("shoulders", "traps"),
    ),
    "arms": Focus(
        "Arms",
        ("horizontal_push", "vertical_pull", "isolation", "carry"),
        ("biceps", "triceps", "forearms"),
    ),
    "posterior": Focus(
        "Posterior chain",
        ("hinge", "lunge", "isolation", "core"),
        ("hamstrings", "glutes", "lower_back", "calves"),
    ),
}

_UL = ("upper_a", "lower_a", "upper_b", "lower_b")
#: Template → number of lifting days → focus sequence. "HYBRID" mixes lower/upper
#: days (heavy ones first, see planner._assign_goals) with full-body days.
SPLITS: dict[SplitTemplate, dict[int, tuple[str, ...]]] = {
    SplitTemplate.UPPER_LOWER: {
        1: ("full_body_a",),
        2: ("upper_a", "lower_a"),
        3: ("upper_a", "lower_a", "upper_b"),
        4: _UL,
        5: _UL + ("upper_a",),
        6: _UL + ("upper_a", "lower_a"),
        7: _UL + ("upper_a", "lower_a", "upper_b"),
    },
    SplitTemplate.PPL: {
        1: ("full_body_a",),
        2: ("full_body_a", "full_body_b"),
        3: ("push_a", "pull_a", "legs_a"),
        4: ("push_a", "pull_a", "legs_a", "upper_b"),
        5: ("push_a", "pull_a", "legs_a", "upper_b", "lower_b"),
        6: ("push_a", "pull_a", "legs_a", "push_b", "pull_b", "legs_b"),
        7: ("push_a", "pull_a", "legs_a", "push_b", "pull_b", "legs_b", "full_body_c"),
    },
    SplitTemplate.FULL_BODY: {
        1: ("full_body_a",),
        2: ("full_body_a", "full_body_b"),
        3: ("full_body_a", "full_body_b", "full_body_c"),
        4: ("full_body_a", "full_body_b", "full_body_a", "full_body_b"),
        5: ("full_body_a", "full_body_b", "full_body_c", "full_body_a", "full_body_b"),
        6: ("full_body_a", "full_body_b", "full_body_c") * 2,
        7: ("full_body_a", "full_body_b", "full_body_c") * 2 + ("full_body_a",),
    },
    SplitTemplate.BODY_PART_SPLIT: {
        1: ("full_body_a",),
        2: ("upper_a", "lower_a"),
        3: ("push_a", "pull_a", "legs_a"),
        4: ("chest", "back", "legs_a", "shoulders"),
        5: ("chest", "back", "legs_a", "shoulders", "arms"),
        6: ("chest", "back", "legs_a", "shoulders", "arms", "posterior"),
        7: ("chest", "back", "legs_a", "shoulders", "arms", "posterior", "upper_b"),
    },
    SplitTemplate.PUSH_PULL: {
        1: ("full_body_a",),
        2: ("push_full", "pull_full"),
        3: ("push_full", "pull_full", "push_full"),
        4: ("push_full", "pull_full") * 2,
        5: ("push_full", "pull_full") * 2 + ("push_full",),
        6: ("push_full", "pull_full") * 3,
        7: ("push_full", "pull_full") * 3 + ("push_full",),
    },
    SplitTemplate.HYBRID: {
        1: ("full_body_a",),
        2: ("full_body_a", "full_body_b"),
        3: ("lower_a", "upper_a", "full_body_b"),
        4: ("lower_a", "upper_a", "lower_b", "upper_b"),
        5: ("lower_a", "upper_a", "full_body_c", "lower_b", "upper_b"),
        6: ("lower_a", "upper_a", "full_body_c", "lower_b", "upper_b", "full_body_a"),
        7: (
            "lower_a",
            "upper_a",
            "full_body_c",
            "lower_b",
            "upper_b",
            "full_body_a",
            "full_body_b",
        ),
    },
}
#: Day counts where a template had to fall back to another layout (warning).
ADAPTED: dict[SplitTemplate, dict[int, str]] = {
    SplitTemplate.PPL: {
        1: "full body",
        2: "full body A/B (push/pull/legs needs 3+ lifting days)",
    },
    SplitTemplate.BODY_PART_SPLIT: {
        1: "full body",
        2: "upper/lower (a body-part split needs 4+ lifting days)",
        3: "push/pull/legs (a body-part split needs 4+ lifting days)",
    },
    SplitTemplate.UPPER_LOWER: {1: "full body"},
    SplitTemplate.PUSH_PULL: {1: "full body"},
    SplitTemplate.HYBRID: {1: "full body"},
}


def split_for(
    template: SplitTemplate, lifting_days: int
) -> tuple[tuple[str, ...], str]:
    """Focus sequence for ``lifting_days`` (0–7) and a warning when adapted ('' if not)."""
    if lifting_days <= 0:
        return (), ""
    days = min(lifting_days, 7)
    note = ADAPTED.get(template, {}).get(days, "")
    warning = (
        f"{template.value} with {days} lifting day(s) a week was adapted to {note}."
        if note
        else ""
    )
    return SPLITS[template][days], warning


def infer_split_template(
    days_per_week: int, goals: tuple[GoalWeight, ...], experience: ExperienceLevel
) -> SplitTemplate:
    """Template when the request has none (seeds 002: inferred, default HYBRID).

    Table (frequency per muscle ≥ 2×/week where days allow, Schoenfeld 2016,
    reference §4; beginners full body, NSCA §1d / ACSM novice 2–3 d):

    ===========  ===========================================================
    days         template
    ===========  ===========================================================
    any          FULL_BODY for BEGINNER
    2–3          FULL_BODY
    4            UPPER_LOWER
    5            HYBRID if STRENGTH ≥ HYPERTROPHY weight, else PPL
    6–7          PPL if HYPERTROPHY > STRENGTH weight, else HYBRID
    ===========  ===========================================================
    """
    weights = {gw.goal: gw.weight for gw in goals}
    strength = weights.get(Goal.STRENGTH, 0)
    hypertrophy = weights.get(Goal.HYPERTROPHY, 0)
    if experience == ExperienceLevel.BEGINNER or days_per_week <= 3:
        return SplitTemplate.FULL_BODY
    if days_per_week == 4:
        return SplitTemplate.UPPER_LOWER
    if days_per_week == 5:
        return SplitTemplate.HYBRID if strength >= hypertrophy else SplitTemplate.PPL
    return SplitTemplate.PPL if hypertrophy > strength else SplitTemplate.HYBRID
