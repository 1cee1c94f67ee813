"""The accessory rotation of a lifting day: which pattern the next accessory
trains, and how far selection may relax to find one.

A pattern the session lacks for push/pull balance comes first (issue 10: every
upper or full-body day pushes and pulls); then the day's other intent patterns,
variants of the main patterns, trunk work (core, carry) last, a pull before a
push at equal use — focus muscles before extras; within that, the
least-used pattern goes first so the day still varies. Every pattern is tried at
a relaxation step before any pattern is relaxed further (relaxation is the last
resort, seeds 000 fork 8.1). Searches that found nothing are remembered: volume
room only shrinks as sets are added, so they stay fruitless until an exercise is
removed (:meth:`AccessoryRotation.forget`).
"""

from __future__ import annotations

from collections.abc import Callable

from .heuristics import RELAXATION_STEPS
from .library import Facts, LibraryIndex
from .optimizer import Pick, pick
from .scorer import Context, Slot
from .splits import PULL_PATTERNS, PUSH_PATTERNS
from .types import ExerciseRole

TRUNK = ("core", "carry")

# A search: (hard tier?, pattern, slot targets, patterns lacking for balance).
_Key = tuple[bool, str, frozenset[str], frozenset[str]]


class AccessoryRotation:
    """Pattern order and search memory for one session's accessories."""

    def __init__(self, intent_tags: tuple[str, ...], main_patterns: list[str]):
        mains = main_patterns[:2]
        rest = [t for t in intent_tags if t not in mains and t not in TRUNK]
        self.patterns = rest + mains + [t for t in intent_tags if t in TRUNK]
        #: A day that pushes and cannot pull (PPL push, PUSH_PULL, chest or
        #: shoulder days): its accessories press only after the isolation and
        #: trunk work, so the week's pull:push stays ≥ 0.8 (issue 10, §11;
        #: flyes and raises still grow the chest and delts).
        tags = set(intent_tags)
        self.press_last = bool(tags & PUSH_PATTERNS) and not tags & PULL_PATTERNS
        self.uses: dict[str, int] = {}
        self.exhausted: dict[bool, bool] = {}
        self.memos: dict[_Key, dict[int, int]] = {}
        self.dead: set[tuple[_Key, int]] = set()

    def forget(self) -> None:
        """An exercise left the session: earlier fruitless searches may succeed."""
        self.memos.clear()
        self.dead.clear()

    def next(
        self,
        index: LibraryIndex,
        ctx: Context,
        rng,
        targets: frozenset[str],
        *,
        hard_tier: bool,
        first: bool,
        usable: Callable[[Facts], bool],
        balance: frozenset[str] = frozenset(),
        only: frozenset[str] | None = None,
        aim: frozenset[str] = frozenset(),
    ) -> Pick | None:
        """The next accessory pick, or None once this tier has nothing left.

        ``hard_tier``: the MRV share applies (else the week's target share, where
        only strict and pattern-compatible picks are taken: going past the target
        share, still ≤ MRV, beats an off-focus movement). ``first``: no accessory
        yet, so every relaxation step may be used. ``balance``: patterns the
        session still needs for balance (a pull on a day that only pushes, issue
        10) go before every other pattern. ``only``: search just these patterns,
        those the focus does not list first (a partial search: it never marks
        the tier exhausted). ``aim``: the
        muscles an isolation slot asked for by the floors aims at (a chest fly
        for a chest below MEV, :func:`.balance.floor_pattern`); else it aims at
        the day's least-covered targets."""
        if only is None and self.exhausted.get(hard_tier):
            return None
        top = 3 if not hard_tier else len(RELAXATION_STEPS) if first else 5
        patterns, uses = self.patterns, self.uses
        # Balance first; then trunk work counts as already used once; at equal
        # use a pull goes before a push (weekly pull:push ≥ 0.8, reference §11).
        order = sorted(
            range(len(patterns)),
            key=lambda i: (
                patterns[i] not in balance,
                self.press_last and patterns[i] in PUSH_PATTERNS,
                uses.get(patterns[i], 0) + (patterns[i] in TRUNK),
                patterns[i] in PUSH_PATTERNS,
                i,
            ),
        )
        if only is not None:
            # A pattern of ``only`` the focus does not list (the side a day
            # lacks, on the plane its neediest major group needs) is searched
            # first, without joining the rotation.
            extra = sorted(only - set(patterns))
            patterns = extra + list(patterns)
            order = [i + len(extra) for i in order if patterns[i + len(extra)] in only]
            order = list(range(len(extra))) + order
        for step in range(top):
            # From step 2 the pool is muscle-driven, so one lifting pattern and the
            # isolation slot cover every distinct pool.
            for i in order if step < 2 else order[:2]:
                pattern = patterns[i]
                slot_targets = targets
                if pattern == "isolation" and aim and pattern in balance:
                    slot_targets = aim
                elif pattern == "isolation":
                    lacking = sorted(targets, key=lambda m: (m in ctx.covered, m))
                    slot_targets = frozenset(lacking[:2])
                key = (
                    hard_tier,
                    pattern,
                    slot_targets,
                    balance | (only or frozenset()),
                )
                if (key, step) in self.dead:
                    continue
                slot = Slot(
                    "lift", ExerciseRole.ACCESSORY, pattern, slot_targets,
                    hard=True, est_seconds=400,
                )  # fmt: skip
                p = pick(
                    index, slot, ctx, rng, usable=usable, start_step=step,
                    max_step=step, memo=self.memos.setdefault(key, {}),
                )  # fmt: skip
                if p is None:
                    self.dead.add((key, step))
                else:
                    uses[pattern] = uses.get(pattern, 0) + 1
                    return p
        if only is None:
            self.exhausted[hard_tier] = True
        return None
