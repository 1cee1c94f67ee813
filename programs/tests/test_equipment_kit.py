"""The engine stays free of Django, so it holds its own copies of the specialty
and venue kit (``programs.generation.heuristics``); the importer holds the
specialty set that files a movement SPECIALTY. All must be the presets' sets
(``movements.equipment``) exactly: one rule, checked where the copies meet."""

from __future__ import annotations

from movements import importer
from movements.equipment import SPECIALTY_EQUIPMENT, VENUE_EQUIPMENT
from programs.generation.heuristics import SPECIALTY_KIT, VENUE_KIT


def test_the_engine_names_the_presets_specialty_kit():
    assert frozenset(SPECIALTY_KIT) == SPECIALTY_EQUIPMENT


def test_the_importer_names_the_presets_specialty_kit():
    assert frozenset(importer.SPECIALTY_EQUIPMENT) == SPECIALTY_EQUIPMENT


def test_the_engine_names_the_presets_venues():
    assert frozenset(VENUE_KIT) == VENUE_EQUIPMENT
