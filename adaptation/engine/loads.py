"""Load targets: a weight for every prescribed working set, from logged sets.

1. **e1RM today** per movement: each logged working set's e1RM with the athlete's
   formula on RPE-adjusted reps (``training_logs.metrics.estimate_e1rm``: effective
   reps = reps + (10 − RPE) or + RIR, seeds 002; formulas reference §6); the best
   set of each exposure (one workout) — confident estimates preferred (≤ 10
   effective reps, RPE ≥ 6) — then the last :data:`RECENT_EXPOSURES` exposures
   averaged with weights :data:`RECENCY_WEIGHTS`, most recent heaviest [U].
2. **Target** = e1RM × %1RM for (reps, target RPE) from the RTS chart (reference
   §5b; ``prescription.percent_1rm``), reps being a main lift's rep floor and the
   middle of any other prescribed range (``prescription.load_reps``, which the
   planner's stored %1RM uses too, so the target agrees with it).
3. **Rounded** to a loadable step in the athlete's unit (:data:`STEPS`): barbell
   2.5 kg / 5 lb (the issue's increments; the smallest common plate pair), dumbbell
   2.5 kg / 5 lb, kettlebell 4 kg / 5 lb, machine or cable stack 5 kg / 10 lb [U:
   common commercial increments].
4. **Double progression** (reference §12 [S]; prescriptions with a rep range — a
   fixed rep target follows the e1RM, which already rises as the athlete does):
   when the last exposure reached the top of the rep range at or under the target
   RPE on every working set, the target is that exposure's heaviest load + one
   step: barbell +2.5 kg / 5 lb for upper-body lifts, +5 kg / 10 lb for lower-body
   lifts (NSCA "2-for-2" ≈2.5–5 lb small and 5–10 lb large muscle groups, §1e [S];
   5/3/1 +5 lb upper / +10 lb lower, §12 [V]); one increment for dumbbells,
   kettlebells and stacks.
5. **No history**: no number — "work up to RPE 7 for 5" (a first-session ramp,
   reference §9b ramp sets [U]), at most RPE 7.

Loads are compared as logged: for dumbbell and kettlebell lifts the history and the
target are the same per-hand load, whatever convention the log uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from programs.generation.heuristics import PATTERN_REGION
from programs.generation.library import LOADABLE
from programs.generation.prescription import load_reps, percent_1rm
from programs.generation.types import ExerciseRole, MovementInfo, MovementLibrary
from training_logs.metrics import FORMULAS, KG, LB, estimate_e1rm, from_kg, to_kg

from .types import ExercisePlan, LoadBasis, LoadTarget, LoggedSet

RECENT_EXPOSURES = 3
RECENCY_WEIGHTS = (3.0, 2.0, 1.0)
#: First-session ramp: work up to at most this RPE (design choice [U]).
RAMP_MAX_RPE = 7.0
BARBELL_LIKE = frozenset({"barbell", "ez_bar", "trap_bar", "smith_machine", "landmine"})
#: (equipment kind, unit) → rounding step in that unit (module doc).
STEPS: dict[tuple[str, str], float] = {
    ("barbell", KG): 2.5, ("barbell", LB): 5.0,
    ("dumbbell", KG): 2.5, ("dumbbell", LB): 5.0,
    ("kettlebell", KG): 4.0, ("kettlebell", LB): 5.0,
    ("stack", KG): 5.0, ("stack", LB): 10.0,
}  # fmt: skip
#: Double-progression bump for barbell lifts by body region (module doc).
BARBELL_BUMP = {("upper", KG): 2.5, ("upper", LB): 5.0,
                ("lower", KG): 5.0, ("lower", LB): 10.0}  # fmt: skip


def equipment_kind(movement: MovementInfo) -> str | None:
    """barbell / dumbbell / kettlebell / stack, or None when not externally loaded."""
    eq = movement.equipment
    if eq & BARBELL_LIKE:
        return "barbell"
    if "dumbbell" in eq:
        return "dumbbell"
    if "kettlebell" in eq:
        return "kettlebell"
    if eq & {"machine", "cable"}:
        return "stack"
    return "barbell" if eq & LOADABLE else None


def round_load(value: float, kind: str, unit: str) -> float:
    """``value`` (in ``unit``) to the nearest loadable step, at least one step."""
    step = STEPS[(kind, unit)]
    return max(step, round(value / step) * step)


def _effort(s: LoggedSet) -> float | None:
    if s.rpe is not None:
        return float(s.rpe)
    return None if s.rir is None else 10.0 - s.rir


def _exposures(sets: Sequence[LoggedSet]) -> list[list[LoggedSet]]:
    """Working sets with a load and reps, grouped by workout, most recent first."""
    groups: dict[datetime, list[LoggedSet]] = {}
    for s in sets:
        if s.is_warmup or not s.load_kg or not s.reps:
            continue
        groups.setdefault(s.performed_at, []).append(s)
    return [groups[at] for at in sorted(groups, reverse=True)]


def _best(exposure: list[LoggedSet], formula: str) -> float | None:
    estimates = [
        estimate_e1rm(load_kg=float(s.load_kg), reps=s.reps, formula=formula,
                      rpe=s.rpe, rir=s.rir)
        for s in exposure
    ]  # fmt: skip
    confident = [e.value_kg for e in estimates if e.value_kg and not e.low_confidence]
    usable = confident or [e.value_kg for e in estimates if e.value_kg]
    return max(usable) if usable else None


def exposure_e1rms(sets: Sequence[LoggedSet], formula: str) -> tuple[float, ...]:
    """One movement's e1RM (kg) per exposure, oldest first: the best working set
    of each workout, confident estimates preferred (what ``LiftHistory.e1rm_kg``
    for :func:`~.deload.deload_trigger` expects)."""
    values = [_best(exposure, formula) for exposure in _exposures(sets)]
    return tuple(v for v in reversed(values) if v is not None)


def e1rm_today(sets: Sequence[LoggedSet], formula: str) -> float | None:
    """Today's e1RM (kg) of one movement from its logged sets (module doc, step 1);
    None without a weighted working set."""
    values = [
        v for v in (_best(e, formula) for e in _exposures(sets)[:RECENT_EXPOSURES])
        if v is not None
    ]  # fmt: skip
    if not values:
        return None
    weights = RECENCY_WEIGHTS[: len(values)]
    return sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)


def _topped_range(exposure: list[LoggedSet], reps_max: int, rpe: float) -> bool:
    efforts = [_effort(s) for s in exposure]
    return all(
        s.reps >= reps_max and e is not None and e <= rpe
        for s, e in zip(exposure, efforts, strict=True)
    )


def _fmt(load: float, unit: str) -> str:
    return f"{load:g} {unit.lower()}"


def load_targets(
    exercises: Sequence[ExercisePlan],
    history: Sequence[LoggedSet],
    *,
    library: MovementLibrary,
    formula: str = "EPLEY",
    unit: str = KG,
) -> tuple[LoadTarget, ...]:
    """One LoadTarget per working set of every MAIN/ACCESSORY exercise with a rep
    range (timed and bodyweight sets get NOT_LOADED; warm-ups, stretches and
    exercises without a target RPE get none). ``history``: the athlete's logged
    sets of any movements (others are ignored). ``formula`` one of
    ``training_logs.metrics.FORMULAS``; ``unit`` "KG" or "LB". Raises
    ``ValueError`` for an unknown formula, unit or movement id."""
    if formula not in FORMULAS:
        raise ValueError(f"Unknown e1RM formula {formula!r}.")
    if unit not in (KG, LB):
        raise ValueError(f"Unknown unit {unit!r}.")
    by_movement: dict[int, list[LoggedSet]] = {}
    for s in history:
        by_movement.setdefault(s.movement_id, []).append(s)
    out: list[LoadTarget] = []
    for ep in exercises:
        if (
            ep.role not in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
            or ep.target_rpe is None
        ):
            continue
        movement = library.movements.get(ep.movement_id)
        if movement is None:
            raise ValueError(f"Unknown movement id {ep.movement_id}.")
        out.extend(
            _targets(ep, movement, by_movement.get(ep.movement_id, []), formula, unit)
        )
    return tuple(out)


def _targets(ep: ExercisePlan, movement: MovementInfo, sets: list[LoggedSet],
             formula: str, unit: str) -> list[LoadTarget]:  # fmt: skip
    rpe = float(ep.target_rpe)
    kind = equipment_kind(movement)
    timed = ep.duration_seconds is not None or ep.reps_max is None
    reps = (
        None if timed else load_reps(ep.role, ep.reps_min or ep.reps_max, ep.reps_max)
    )
    reps_text = "" if timed else (
        f"{ep.reps_min}" if ep.reps_min == ep.reps_max else f"{ep.reps_min}–{ep.reps_max}"
    )  # fmt: skip

    def target(n: int, basis: LoadBasis, text: str, load: float | None = None,
               pct: float | None = None, e1rm: float | None = None) -> LoadTarget:  # fmt: skip
        return LoadTarget(
            exercise_order=ep.order, movement_id=ep.movement_id, set_number=n, reps=reps,
            target_rpe=rpe, load=load, unit=unit,
            load_kg=None if load is None else round(to_kg(load, unit), 3),
            percent_1rm=pct, e1rm_kg=None if e1rm is None else round(e1rm, 2),
            basis=basis, text=text,
        )  # fmt: skip

    numbers = range(1, ep.sets + 1)
    if kind is None or timed:
        what = f"hold {ep.duration_seconds} s" if ep.duration_seconds else "bodyweight"
        return [
            target(n, LoadBasis.NOT_LOADED, f"{what} @ RPE {rpe:g}") for n in numbers
        ]
    e1rm = e1rm_today(sets, formula)
    if e1rm is None:
        text = (
            f"No logged sets of {movement.name} yet: work up to RPE "
            f"{min(RAMP_MAX_RPE, rpe):g} for {ep.reps_min}, then keep that load."
        )
        return [target(n, LoadBasis.NO_HISTORY, text) for n in numbers]
    pct = percent_1rm(reps, rpe)
    last = _exposures(sets)[0]
    ranged = ep.reps_min is not None and ep.reps_min < ep.reps_max
    if ranged and _topped_range(last, ep.reps_max, rpe):
        heaviest = from_kg(max(float(s.load_kg) for s in last), unit)
        if kind == "barbell":
            region = (
                "lower" if PATTERN_REGION.get(movement.pattern) == "lower" else "upper"
            )
            bump = BARBELL_BUMP[(region, unit)]
        else:
            bump = STEPS[(kind, unit)]
        load = round_load(heaviest + bump, kind, unit)
        text = (
            f"{_fmt(load, unit)} × {reps_text} @ RPE {rpe:g} — up {_fmt(bump, unit)}: "
            f"last time every set reached {ep.reps_max} reps at or under RPE {rpe:g}."
        )
        return [target(n, LoadBasis.DOUBLE_PROGRESSION, text, load, round(pct, 1), e1rm)
                for n in numbers]  # fmt: skip
    load = round_load(from_kg(e1rm * pct / 100.0, unit), kind, unit)
    text = f"{_fmt(load, unit)} × {reps_text} @ RPE {rpe:g}"
    return [target(n, LoadBasis.E1RM, text, load, round(pct, 1), e1rm) for n in numbers]
