"""The athlete's enjoyable activities (wizard: "running", "swimming"...) and the
movements that are them.

Pure: used by the library index (a venue an enjoyed activity needs, such as a
pool, counts as available: :func:`venues_for`), the optimizer (cardio days lead
with an enjoyed activity) and the rules pages (which activity a movement is).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .heuristics import VENUE_KIT


def enjoyed_activity(
    name: str, slug: str, tags: Iterable[str], activities: Iterable[str]
) -> str | None:
    """The first of ``activities`` a movement (its name, slug and tags) is, or
    ``None``: an activity matches when one of its ``ACTIVITY_KEYWORDS`` (or the
    activity word itself) occurs in the movement's text."""
    text = f"{name} {slug} {' '.join(tags or ())}".lower()
    for activity in activities:
        key = activity.strip().lower()
        if any(w and w in text for w in ACTIVITY_KEYWORDS.get(key, (key,))):
            return activity
    return None


#: Activity names the wizard offers → words that identify matching movements.
ACTIVITY_KEYWORDS: Mapping[str, tuple[str, ...]] = {
    "running": ("run", "jog", "treadmill"),
    "jogging": ("jog", "run"),
    "cycling": ("bike", "cycl", "bicycl", "spin"),
    "biking": ("bike", "cycl", "bicycl"),
    "rowing": ("rowing", "rower", "row erg"),
    "swimming": ("swim",),
    "walking": ("walk",),
    "hiking": ("hike", "hiking", "trail", "incline walk", "stair"),
    "elliptical": ("elliptical",),
    "stairs": ("stair", "step mill"),
    "skiing": ("ski",),
    "skating": ("skat",),
    "jump rope": ("rope jump", "jump rope", "skipping"),
}


def venues_for(
    movements: Iterable[tuple[str, str, Iterable[str], frozenset[str]]],
    activities: Iterable[str],
) -> frozenset[str]:
    """Venue equipment (``heuristics.VENUE_KIT``: a pool, skates) the athlete has
    by saying they enjoy an activity that needs it.

    ``movements`` are ``(name, slug, tags, equipment)``; the result is the venue
    kit of every movement that is one of ``activities``. An athlete who enjoys
    swimming swims on cardio days even with a commercial-gym equipment list,
    while nobody else is sent to a pool they may not have.
    """
    wanted = tuple(activities)
    if not wanted:
        return frozenset()
    found: set[str] = set()
    for name, slug, tags, equipment in movements:
        venue = equipment & VENUE_KIT
        if venue and enjoyed_activity(name, slug, tags, wanted) is not None:
            found |= venue
    return frozenset(found)
