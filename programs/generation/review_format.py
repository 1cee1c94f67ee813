"""The coach's read-out as rows and text: where a group's weekly hard sets sit
against its RP landmarks (reference §3), the per-week rows the program page's
"Coach's view" shows, and the plain-text lines ``manage.py program_review``
prints. Pure, over :mod:`.review`'s dataclasses (split from it, issue 10).
"""

from __future__ import annotations

from .review import TIERS, ProgramReview, WeekReview
from .volume import LANDMARKS, landmark


def zone(group: str, sets: float, scale: float = 1.0) -> str:
    """Where ``sets`` weekly hard sets sit against a group's RP landmarks, each
    multiplied by ``scale`` (``ProgramReview.landmark_scale``: ×0.7 for a
    beginner, the landmarks the engine and the invariants use)."""
    lm = landmark(group)
    if sets < lm.mev * scale:
        return "below MEV"
    if sets > lm.mrv * scale:
        return "over MRV"
    if sets < lm.mav_low * scale:
        return "MEV–MAV"
    return "in MAV" if sets <= lm.mav_high * scale else "MAV–MRV"


def group_rows(week: WeekReview, scale: float = 1.0) -> list[dict[str, object]]:
    """One row per landmark group trained (or with a MEV floor) in ``week``:
    group, sets, days, mev, mav_low, mav_high, mrv (RP's landmarks × ``scale``,
    rounded to half a set), zone."""
    rows: list[dict[str, object]] = []
    for group, lm in LANDMARKS.items():
        value = week.sets.get(group, 0.0)
        if not value and not lm.mev:
            continue
        mev, low, high, mrv = (
            round(x * scale * 2) / 2 for x in (lm.mev, lm.mav_low, lm.mav_high, lm.mrv)
        )
        rows.append(
            {"group": group, "sets": value, "days": week.frequency.get(group, 0),
             "mev": mev, "mav_low": low, "mav_high": high,
             "mrv": mrv, "zone": zone(group, value, scale)}
        )  # fmt: skip
    return rows


def format_review(review: ProgramReview) -> list[str]:
    """The read-out as plain text lines (``program_review`` prints them)."""
    lines: list[str] = []
    scale = review.landmark_scale
    if scale != 1.0:
        lines.append(
            f"Landmarks ×{scale:g}: a beginner's MEV, MAV and MRV (reference §3)."
        )
    for w in review.weeks:
        head = f"Week {w.sequence}" + (" (deload)" if w.is_deload else "")
        ratio = f"{w.pull_push:.2f}" if w.pull_push is not None else "n/a"
        lines.append(
            f"{head} · {w.lifting_days} lifting days · volume ×{w.volume_multiplier:g}"
            f" · pull:push {ratio} ({w.pull_sets:g}:{w.push_sets:g})"
        )
        for r in group_rows(w, scale):
            lines.append(
                f"  {r['group']:<11} {r['sets']:>5.1f} sets  {r['days']}×/wk"
                f"  MEV {r['mev']:g} MAV {r['mav_low']:g}–{r['mav_high']:g}"
                f" MRV {r['mrv']:g}  {r['zone']}"
            )
        for name, sets, reps, rpe in w.mains:
            at = f" @ RPE {rpe:g}" if rpe is not None else ""
            lines.append(f"  main: {name} {sets}×{reps}{at}")
        mix = ", ".join(f"{t.lower()} {w.tiers[t]}" for t in TIERS if w.tiers.get(t))
        lines.append(f"  picks: {mix or 'none'}")
        for v in review.violations:
            if v.week == w.sequence:
                day = f" day {v.day + 1}" if v.day is not None else ""
                lines.append(f"  ! {v.invariant}{day}: {v.detail}")
    return lines
