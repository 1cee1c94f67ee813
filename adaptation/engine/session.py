"""Adapting a planned session to today's check-in (issue 9 §1).

Rules, applied in this order, each change an :class:`~.types.Operation` with a
reason:

1. **Very low readiness** (score < 20 with at least one whole-body input known —
   sleep, energy, stress, nutrition or recent effort; sore muscles alone are
   handled by rule 3): the session becomes a recovery/mobility session
   (CONVERT_TO_RECOVERY, ``fit.recovery_items``).
2. **Movement rules and today's equipment**: a HARD_NO movement or one whose
   equipment is missing never survives — the athlete's SUBSTITUTE movement when
   allowed, else the best :mod:`.substitution` alternative (SWAP), else DROP. A
   SUBSTITUTE rule on an allowed movement swaps too.
3. **Recovery threshold**: a hard exercise whose *primary* muscles include one
   under ``rules.RECOVERY_THRESHOLD`` (recovery now, or 10 − today's soreness, the
   lower) is swapped for an alternative that does not load those muscles as
   primary movers (movement↔muscle table, seeds 002 P8), else its sets are halved
   (CUT_SETS). Cardio and conditioning work is swapped the same way when an
   alternative exists, else kept with a note (a circuit keeps its rounds).
4. **Weekly volume caps**: a swap may not take a volume row past its MRV for the
   week (``programs.generation.volume.mrv``, RP landmarks, reference §3) nor past
   RP's 12 sets per muscle per session — or past what the plan already had there;
   sets are cut until it does not.
5. **Anatomy** (seeds 003 s16): warm-up first, cool-down last, one middle piece,
   a lifting day keeps a main lift (the first accessory is promoted when every
   main lift had to go; with no lift left at all the day becomes a recovery day).
6. **Low readiness** (20–39): hard sets − 25 % (rounded up, ≥ 1 left) and RPE − 1
   (RIR + 1), plus two warm-up drills (EXTEND_WARMUP; seeds 002 add an extra
   warm-up below 40). Reference §7: a reduction in volume and proximity to failure
   is what a deload is (Bell 2023 Delphi [V]); the −25 % / −1 RPE size is the mild
   end of the −25…−50 % / RIR ≥ 4 deload range [U]. Not applied in a deload week
   (already −50 % / −2 RPE). **High readiness changes nothing** (no bonus work:
   it would break the session anatomy and the weekly caps).
7. **Less time**: :func:`.fit.shrink` in the coach's order until ±5 %.
"""

from __future__ import annotations

from collections.abc import Mapping

from programs.generation.types import (
    MUSCLES,
    AthleteProfile,
    MovementLibrary,
    SessionType,
)

from .fit import shrink, window
from .readiness import SYSTEMIC
from .rules import Adapter
from .types import (
    Adaptation,
    CheckIn,
    Readiness,
    ReadinessBand,
    SessionPlan,
)
from .work import ordered, time_breakdown, to_plans, total_seconds


def validate(plan: SessionPlan, checkin: CheckIn, library: MovementLibrary) -> None:
    """Raise ``ValueError`` naming the first bad input (see :func:`adapt_session`)."""
    for muscle, level in checkin.soreness.items():
        if muscle not in MUSCLES:
            raise ValueError(f"Unknown muscle {muscle!r}.")
        if isinstance(level, bool) or not 1 <= level <= 10:
            raise ValueError(f"Soreness of {muscle} must be 1–10 (got {level!r}).")
    if checkin.minutes_available is not None and checkin.minutes_available < 1:
        raise ValueError("minutes_available must be at least 1.")
    for ep in plan.exercises:
        if ep.movement_id not in library.movements:
            raise ValueError(f"Unknown movement id {ep.movement_id}.")


def adapt_session(
    plan: SessionPlan,
    checkin: CheckIn,
    *,
    library: MovementLibrary,
    athlete: AthleteProfile,
    readiness: Readiness,
    recovery: Mapping[str, float] | None = None,
    week_sets: Mapping[str, float] | None = None,
) -> Adaptation:
    """Adapt ``plan`` to ``checkin`` (rules in the module doc; contract in the
    package doc). A RECOVERY (rest) day comes back unchanged. Raises ``ValueError``
    for an unknown muscle, soreness outside 1–10, minutes < 1 or an unknown
    movement id."""
    validate(plan, checkin, library)
    a = Adapter(
        plan, checkin, library, athlete, readiness, recovery or {}, week_sets or {}
    )
    planned = total_seconds(a.items)
    minutes = checkin.minutes_available
    session_type = plan.session_type
    rest_day = session_type == SessionType.RECOVERY or not plan.exercises
    very_low = readiness.band == ReadinessBand.VERY_LOW and any(
        name in readiness.components for name in SYSTEMIC
    )
    convert = ""
    if not rest_day and very_low and session_type != SessionType.MOBILITY:
        convert = (f"Readiness {readiness.score} is very low (under 20): a recovery "
                   "session of mobility and stretching instead of training.")  # fmt: skip
    elif not rest_day:
        a.rules_and_equipment()
        a.recovery_threshold()
        a.weekly_caps()
        if not a.anatomy():
            convert = ("None of today's lifts is possible with today's equipment and "
                       "recovery: a recovery session instead.")  # fmt: skip
        elif readiness.band == ReadinessBand.LOW and not readiness.defaulted:
            a.low_readiness()
    fits = True
    if convert:
        a.to_recovery(convert, minutes or plan.budget_minutes)
        session_type = SessionType.MOBILITY
        if minutes is not None:
            fits = total_seconds(a.items) <= window(minutes)[1]
    elif (
        minutes is not None
        and not rest_day
        and total_seconds(a.items) > window(minutes)[1]
    ):
        fits = shrink(a.items, minutes, a.log)
    if not fits:
        now = round(total_seconds(a.items) / 60)
        a.notes.append(
            f"Even the shortest version of this session needs about {now} min, "
            f"more than the {minutes} min you have."
            if now > minutes
            else f"The closest fit found is {now} min for the {minutes} min you have."
        )
    a.items = ordered(a.items)
    return Adaptation(
        session_type=session_type, exercises=to_plans(a.items),
        operations=tuple(a.log.ops), time_breakdown=time_breakdown(a.items),
        planned_minutes=round(planned / 60),
        estimated_minutes=round(total_seconds(a.items) / 60),
        minutes_available=minutes, readiness=readiness, fits_time=fits,
        notes=tuple(a.notes),
    )  # fmt: skip
