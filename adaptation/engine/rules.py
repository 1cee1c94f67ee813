"""The adaptation rules, applied to a session's working items (see
:mod:`.session` for the order and the sources of every threshold)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import replace

from programs.generation.library import LibraryIndex
from programs.generation.prescription import stretch_rx, warmup_rx
from programs.generation.types import (
    AthleteProfile,
    ExerciseRole,
    MovementInfo,
    MovementLibrary,
    MovementRuleKind,
)
from programs.generation.volume import (
    MUSCLE_ROW,
    SESSION_SET_CAP,
    add_sets,
    mrv,
    set_credit,
)

from .fit import recovery_items
from .substitution import (
    candidate_library,
    drill_library,
    library_index,
    muscle_names,
    rank_alternatives,
)
from .types import CheckIn, OpKind, Readiness, SessionPlan
from .work import Item, OpLog, describe, is_lifting, to_item

#: Recovery (0–10) under which a muscle is not loaded as a primary mover: 4, i.e.
#: soreness 7/10 or worse. Fitbod never recommends exercises for a 0 %-recovered
#: muscle and allows semi-recovered ones (reference §10 [V]); where between the two
#: the line sits is a design choice [U].
RECOVERY_THRESHOLD = 4.0
#: Low readiness: share of hard sets cut (rounded up) and RPE lowered (rule 6).
LOW_READINESS_SET_CUT = 0.25
LOW_READINESS_RPE_DROP = 1.0
#: Target RPE is never lowered below this (RPE 5 ≈ 5 RIR, light work, §5a).
MIN_RPE = 5.0
EXTRA_WARMUP_DRILLS = 2


class Adapter:
    """One adaptation run: the working items plus everything the rules read."""

    def __init__(self, plan: SessionPlan, checkin: CheckIn, library: MovementLibrary,
                 athlete: AthleteProfile, readiness: Readiness,
                 recovery: Mapping[str, float], week_sets: Mapping[str, float]) -> None:  # fmt: skip
        self.plan, self.library, self.readiness = plan, library, readiness
        equipment = (
            athlete.equipment if checkin.equipment is None else checkin.equipment
        )
        self.athlete = replace(athlete, equipment=frozenset(equipment))
        self._indexes: dict[int, LibraryIndex] = {}
        self._drills: LibraryIndex | None = None
        self._uid = itertools.count()
        self.items = [
            to_item(ep, library.movements[ep.movement_id], plan.session_type, next(self._uid))
            for ep in plan.exercises
        ]  # fmt: skip
        self.log = OpLog()
        self.notes: list[str] = []
        self.level = {m: max(0.0, min(10.0, float(v))) for m, v in recovery.items()}
        for muscle, soreness in checkin.soreness.items():
            self.level[muscle] = min(self.level.get(muscle, 10.0), 10.0 - soreness)
        self.low = frozenset(m for m, v in self.level.items() if v < RECOVERY_THRESHOLD)
        self.hard_no = {
            r.movement_id for r in athlete.movement_rules
            if r.rule == MovementRuleKind.HARD_NO
        }  # fmt: skip
        self.planned_rows = self._rows(self.items)
        exp = athlete.experience_level
        self.caps = {
            row: max(
                min(mrv(row, exp) - week_sets.get(row, 0.0), SESSION_SET_CAP),
                self.planned_rows.get(row, 0.0),
            )
            for row in {*self.planned_rows, *week_sets, *MUSCLE_ROW.values()}
        }

    # -- helpers ----------------------------------------------------------------
    def uid(self) -> int:
        return next(self._uid)

    def _needs_alternatives(self) -> set[int]:
        """Movements that may need an alternative today: not allowed (rules,
        equipment), with a SUBSTITUTE rule (and their substitutes), or hard work
        loading a muscle under the recovery threshold."""
        subs = {r.movement_id: r.substitute_id for r in self.athlete.movement_rules
                if r.rule == MovementRuleKind.SUBSTITUTE and r.substitute_id}  # fmt: skip
        needs: set[int] = set()
        for i in self.items:
            m = i.movement
            if (m.id in self.hard_no or m.id in subs
                    or not m.equipment <= self.athlete.equipment
                    or (i.hard and self.low & set(m.primary_muscles))):  # fmt: skip
                needs.add(m.id)
                if subs.get(m.id) in self.library.movements:
                    needs.add(subs[m.id])
        return needs

    def index_for(self, movement: MovementInfo) -> LibraryIndex:
        """A library index holding every candidate for ``movement``: one index over
        the candidates of all movements that may need one today (built on first
        use), or one for a movement outside them."""
        index = self._indexes.get(movement.id)
        if index is None:
            needs = self._needs_alternatives()
            group = needs if movement.id in needs else {movement.id}
            keep: set[int] = set()
            for mid in group:
                keep |= set(
                    candidate_library(
                        self.library, self.library.movements[mid]
                    ).movements
                )
            only = MovementLibrary(
                {mid: self.library.movements[mid] for mid in keep},
                self.library.progressions, self.library.equivalents,
                self.library.antagonists,
            )  # fmt: skip
            index = library_index(only, self.athlete, self.plan.goals)
            for mid in group:
                self._indexes[mid] = index
        return index

    @property
    def drills(self) -> LibraryIndex:
        """The index of warm-up pieces, drills and stretches (built once per run)."""
        if self._drills is None:
            self._drills = library_index(
                drill_library(self.library), self.athlete, self.plan.goals
            )
        return self._drills

    def substitute(self, movement_id: int) -> int | None:
        """The athlete's SUBSTITUTE for a movement when today allows it (the
        planning index's rule: the substitute passes every hard filter)."""
        sub = next((r.substitute_id for r in self.athlete.movement_rules
                    if r.rule == MovementRuleKind.SUBSTITUTE
                    and r.movement_id == movement_id), None)  # fmt: skip
        if sub is None or sub not in self.library.movements:
            return None
        only = MovementLibrary({sub: self.library.movements[sub]})
        return sub if sub in library_index(only, self.athlete).facts else None

    @staticmethod
    def _rows(items: list[Item]) -> dict[str, float]:
        rows: dict[str, float] = {}
        for i in items:
            if i.hard:
                add_sets(rows, set_credit(i.movement), i.draft.sets)
        return rows

    def room(self, movement: MovementInfo, without: Item) -> int:
        """Hard sets of ``movement`` the weekly and session caps leave room for."""
        rows = self._rows([i for i in self.items if i is not without])
        best = 99
        for row, credit in set_credit(movement).items():
            left = self.caps.get(row, SESSION_SET_CAP) - rows.get(row, 0.0)
            best = min(best, math.floor(left / credit + 1e-9))
        return max(0, best)

    def covered(self, without: Item) -> frozenset[str]:
        """Primary muscles the session's other hard exercises already train."""
        return frozenset(
            m for i in self.items if i.hard and i is not without
            for m in i.movement.primary_muscles
        )  # fmt: skip

    def ids(self) -> frozenset[int]:
        return frozenset(i.movement.id for i in self.items)

    def _retarget(self, item: Item, new: MovementInfo) -> None:
        d = item.draft
        d.movement = new
        # Hard work keeps its prescription (alternatives match timed-ness); a
        # general warm-up piece keeps its minutes and a circuit station its work
        # interval, so the block's timing holds.
        if d.hard or d.superset is not None or (d.duration and d.duration >= 300):
            return
        if new.is_timed and d.duration is None:
            d.duration = 45 if d.role == ExerciseRole.WARMUP else 30
            d.reps_min = d.reps_max = None
        elif not new.is_timed and d.duration is not None:
            d.duration, d.reps_min, d.reps_max = None, 8, 10

    def replace_or_drop(self, item: Item, why: str, spare: frozenset[str]) -> bool:
        """Swap ``item`` for its best allowed alternative (rule text ``why``), else
        drop it. Returns True when swapped."""
        m, d = item.movement, item.draft
        before = describe(d)
        for alt in rank_alternatives(
            m, self.index_for(m), self.library, role=d.role, exclude=self.ids(),
            spare=spare if item.hard else frozenset(), limit=50,
            covered=self.covered(item),
        ):  # fmt: skip
            new = self.library.movements[alt.movement_id]
            if item.hard and new.is_timed != m.is_timed:
                continue
            sets = self.room(new, item) if item.hard else d.sets
            if sets < 1:
                continue
            self._retarget(item, new)
            reason = f"{why}: {new.name} instead. {alt.reason}"
            if sets < d.sets:
                d.sets = sets
                reason += " Sets cut to stay within the weekly volume cap (MRV)."
            self.log.add(OpKind.SWAP, reason, item, movement_id=m.id,
                         new_movement_id=new.id, before=f"{m.name} {before}",
                         after=f"{new.name} {describe(d)}")  # fmt: skip
            return True
        self.items.remove(item)
        self.log.add(OpKind.DROP, f"{why}, and no alternative fits: left out.", item,
                     before=f"{m.name} {before}")  # fmt: skip
        return False

    # -- rules ------------------------------------------------------------------
    def rules_and_equipment(self) -> None:
        """Rule 2 (module doc)."""
        equipment = self.athlete.equipment
        for item in list(self.items):
            m = item.movement
            missing = m.equipment - equipment
            sub_id = self.substitute(m.id)
            if m.id in self.hard_no:
                why = f"{m.name} is on your never list"
            elif missing:
                why = f"{m.name} needs {muscle_names(missing)}, not available today"
            elif sub_id is not None and sub_id not in self.ids():
                new = self.library.movements[sub_id]
                before = f"{m.name} {describe(item.draft)}"
                self._retarget(item, new)
                self.log.add(OpKind.SWAP, f"Your rule: {new.name} instead of {m.name}.",
                             item, movement_id=m.id, new_movement_id=new.id, before=before,
                             after=f"{new.name} {describe(item.draft)}")  # fmt: skip
                continue
            else:
                continue
            if sub_id is not None and sub_id not in self.ids():
                new = self.library.movements[sub_id]
                if not item.hard or self.room(new, item) >= item.draft.sets:
                    before = f"{m.name} {describe(item.draft)}"
                    self._retarget(item, new)
                    self.log.add(OpKind.SWAP, f"{why}: {new.name} instead (your rule).",
                                 item, movement_id=m.id, new_movement_id=new.id,
                                 before=before,
                                 after=f"{new.name} {describe(item.draft)}")  # fmt: skip
                    continue
            self.replace_or_drop(item, why, self.low)

    def recovery_threshold(self) -> None:
        """Rule 3 (module doc)."""
        for item in list(self.items):
            tired = frozenset(item.movement.primary_muscles) & self.low
            cardio = item.block in ("CARDIO", "CONDITIONING")
            if not (item.hard or cardio) or not tired:
                continue
            levels = ", ".join(
                f"{m.replace('_', ' ')} {self.level[m]:g}/10" for m in sorted(tired)
            )
            why = (
                f"Recovery is under {RECOVERY_THRESHOLD:g}/10 ({levels}) and "
                f"{item.movement.name} loads it as a prime mover"
            )
            before = describe(item.draft)
            for alt in rank_alternatives(
                item.movement, self.index_for(item.movement), self.library, role=item.draft.role,
                exclude=self.ids(), spare=self.low, limit=50,
                covered=self.covered(item),
            ):  # fmt: skip
                new = self.library.movements[alt.movement_id]
                if new.is_timed != item.movement.is_timed:
                    continue
                sets = self.room(new, item) if item.hard else item.draft.sets
                if sets < 1:
                    continue
                old = item.movement
                item.draft.movement = new
                reason = f"{why}: {new.name} instead. {alt.reason}"
                if sets < item.draft.sets:
                    item.draft.sets = sets
                    reason += " Sets cut to stay within the weekly volume cap (MRV)."
                self.log.add(OpKind.SWAP, reason, item, movement_id=old.id,
                             new_movement_id=new.id, before=f"{old.name} {before}",
                             after=f"{new.name} {describe(item.draft)}")  # fmt: skip
                break
            else:
                d = item.draft
                if cardio:
                    self.notes.append(
                        f"{item.movement.name} works {muscle_names(tired)}, still "
                        "recovering, and nothing here spares them: keep it easy."
                    )
                elif d.sets > 1:
                    d.sets = math.ceil(d.sets / 2)
                    self.log.add(OpKind.CUT_SETS,
                                 f"{why}, and nothing here spares it: half the sets.",
                                 item, before=before, after=describe(d))  # fmt: skip

    def weekly_caps(self) -> None:
        """Rule 4: cut sets (last exercise first) of any row over its cap."""
        for item in reversed(list(self.items)):
            if not item.hard:
                continue
            before = describe(item.draft)
            allowed = self.room(item.movement, item)
            if item.draft.sets > allowed:
                if allowed < 1:
                    self.items.remove(item)
                    self.log.add(OpKind.DROP, f"{item.movement.name} would take a "
                                 "muscle past its weekly volume cap (MRV): left out.",
                                 item, before=before)  # fmt: skip
                    continue
                item.draft.sets = allowed
                self.log.add(OpKind.CUT_SETS, "Fewer sets to stay within the weekly "
                             "volume cap (MRV).", item, before=before,
                             after=describe(item.draft))  # fmt: skip

    def anatomy(self) -> bool:
        """Rule 5. Returns False when no lift is left on a lifting day."""
        has_main = any(
            i.block == "MAIN" and i.draft.role == ExerciseRole.MAIN for i in self.items
        )
        if is_lifting(self.plan.session_type) and not has_main:
            acc = next((i for i in self.items if i.block == "ACCESSORY"), None)
            if acc is None:
                return False
            acc.block, acc.draft.role = "MAIN", ExerciseRole.MAIN
            self.notes.append(
                f"{acc.movement.name} leads the session as its main lift."
            )
        used = self.ids()
        if not any(i.block == "WARMUP" for i in self.items):
            f = next((f for f in self.drills.warmups if f.m.id not in used), None)
            if f is not None:
                self.items.insert(
                    0, Item(warmup_rx(f.m, general=False), "WARMUP", None, self.uid())
                )
                self.log.add(OpKind.EXTEND_WARMUP, f"{f.m.name} added: every session "
                             "starts with a warm-up.", new_movement_id=f.m.id)  # fmt: skip
        if not any(i.block == "COOLDOWN" for i in self.items):
            f = next((f for f in self.drills.stretches if f.m.id not in used), None)
            if f is not None:
                self.items.append(Item(stretch_rx(f.m), "COOLDOWN", None, self.uid()))
                self.notes.append(
                    f"{f.m.name} added: every session ends with a cool-down."
                )
        return True

    def low_readiness(self) -> None:
        """Rule 6 (module doc)."""
        score = self.readiness.score
        if self.plan.is_deload:
            self.notes.append(
                f"Readiness {score} is low, but this is already a deload week."
            )
            return
        why = f"Readiness {score} is low (under 40)"
        for item in self.items:
            d = item.draft
            before = describe(d)
            if item.hard and d.sets > 1:
                d.sets = max(1, d.sets - math.ceil(d.sets * LOW_READINESS_SET_CUT))
                self.log.add(OpKind.CUT_SETS, f"{why}: about a quarter fewer sets.",
                             item, before=before, after=describe(d))  # fmt: skip
            if (
                (item.hard or item.block in ("CARDIO", "CONDITIONING"))
                and d.rpe
                and d.rpe > MIN_RPE
            ):
                rpe = d.rpe
                d.rpe = max(MIN_RPE, d.rpe - LOW_READINESS_RPE_DROP)
                self.log.add(OpKind.LOWER_EFFORT, f"{why}: one RPE lower, one more "
                             "rep in reserve.", item, before=f"RPE {rpe:g}",
                             after=f"RPE {d.rpe:g}")  # fmt: skip
        muscles = frozenset(
            m for i in self.items if i.hard for m in i.movement.primary_muscles
        )
        used = self.ids()
        pool = sorted((f for f in self.drills.warmups if f.m.id not in used),
                      key=lambda f: ("warmup_friendly" not in f.m.tags and f.m.pattern != "mobility",
                                     not f.primary & muscles, f.m.id))  # fmt: skip
        at = sum(1 for i in self.items if i.block == "WARMUP")
        for f in pool[:EXTRA_WARMUP_DRILLS]:
            self.items.insert(
                at, Item(warmup_rx(f.m, general=False), "WARMUP", None, self.uid())
            )
            at += 1
            self.log.add(OpKind.EXTEND_WARMUP, f"{why}: a longer warm-up ({f.m.name} "
                         "added; the seeds add an extra warm-up below 40).",
                         new_movement_id=f.m.id)  # fmt: skip

    def to_recovery(self, reason: str, minutes: int) -> None:
        muscles = frozenset(
            m for i in self.items if i.hard for m in i.movement.primary_muscles
        )
        self.items = recovery_items(self.drills, muscles, minutes, self.uid)
        self.log.add(OpKind.CONVERT_TO_RECOVERY, reason)
