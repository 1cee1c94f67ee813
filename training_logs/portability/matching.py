"""Exercise names from other apps → Alloy movements (pure: no Django).

In order, a name is matched by the athlete's own earlier choice, by the
reviewed alias table (``portability/data/exercise_aliases.csv``), by the same
name in the library once normalised, and last by fuzzy matching with
`rapidfuzz <https://github.com/rapidfuzz/RapidFuzz>`_ — accepted on its own only
when the spelling is nearly identical (``token_sort_ratio`` ≥
:data:`AUTO_MATCH_SCORE`: typos, word order, plurals). Anything else is left for
the athlete to confirm, with the closest library names as suggestions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

#: A fuzzy score (0–100) at or above which a name is matched without asking.
AUTO_MATCH_SCORE = 92
#: How many library names the confirmation page suggests for an unmatched name.
SUGGESTIONS = 3

_EQUIPMENT_SUFFIX = re.compile(r"(.*?)\s*\(([^()]*)\)\s*")
_NOT_WORD = re.compile(r"[^\w]+")


def normalize_name(name: str) -> str:
    """A comparable form of an exercise name: accents and case folded, a
    trailing ``(Equipment)`` moved to the front, punctuation dropped.

    ``"Bench Press (Barbell)"`` → ``"barbell bench press"``;
    ``"Développé couché"`` → ``"developpe couche"``.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    suffix = _EQUIPMENT_SUFFIX.fullmatch(text)
    if suffix:
        text = f"{suffix.group(2)} {suffix.group(1)}"
    return " ".join(_NOT_WORD.sub(" ", text).replace("_", " ").split())


@dataclass(frozen=True, slots=True)
class Candidate:
    """A library movement suggested for a name, with its fuzzy score (0–100)."""

    movement_id: int
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How ``name`` was matched: ``movement_id`` (``None``: unmatched) and
    ``method`` (``"athlete"``, ``"alias"``, ``"exact"``, ``"fuzzy"`` or ``""``),
    with ``candidates`` to offer when unmatched."""

    name: str
    movement_id: int | None
    method: str
    candidates: tuple[Candidate, ...] = ()


def match_names(
    names: Iterable[str],
    *,
    catalogue: Mapping[int, str],
    aliases: Mapping[str, int],
    athlete: Mapping[str, int] | None = None,
) -> dict[str, NameMatch]:
    """Match each of ``names``.

    ``catalogue`` is the library (``{movement_id: name}``); ``aliases`` and
    ``athlete`` map normalised names (:func:`normalize_name`) to movement ids —
    the reviewed table and the athlete's own earlier choices (which win).
    Returns ``{name: NameMatch}``.
    """
    athlete = athlete or {}
    by_name: dict[str, int] = {}
    for movement_id, movement_name in catalogue.items():
        by_name.setdefault(normalize_name(movement_name), movement_id)
    choices = {movement_id: normalize_name(n) for movement_id, n in catalogue.items()}
    result: dict[str, NameMatch] = {}
    for name in names:
        key = normalize_name(name)
        for method, table in (
            ("athlete", athlete),
            ("alias", aliases),
            ("exact", by_name),
        ):
            movement_id = table.get(key)
            if movement_id is not None and movement_id in catalogue:
                result[name] = NameMatch(name, movement_id, method)
                break
        else:
            result[name] = _fuzzy(name, key, choices, catalogue)
    return result


def suggestion_score(a: str, b: str, **_: object) -> float:
    """0–100: the mean of rapidfuzz's ``token_set_ratio`` (shared words) and
    ``token_sort_ratio`` (whole-name likeness), so "cable lat pulldown" ranks
    the lat pulldowns above everything else done on a cable."""
    return 0.5 * fuzz.token_set_ratio(a, b) + 0.5 * fuzz.token_sort_ratio(a, b)


def _fuzzy(
    name: str, key: str, choices: Mapping[int, str], catalogue: Mapping[int, str]
) -> NameMatch:
    if not key:
        return NameMatch(name, None, "")
    best = process.extractOne(
        key, choices, scorer=fuzz.token_sort_ratio, score_cutoff=AUTO_MATCH_SCORE
    )
    if best is not None:
        return NameMatch(
            name, best[2], "fuzzy", (Candidate(best[2], catalogue[best[2]], best[1]),)
        )
    suggestions = process.extract(
        key, choices, scorer=suggestion_score, limit=SUGGESTIONS
    )
    return NameMatch(
        name,
        None,
        "",
        tuple(
            Candidate(m_id, catalogue[m_id], score) for _, score, m_id in suggestions
        ),
    )
