"""Coach notes: ≤ 200 characters, in the persona's voice (seeds 003 s16 item 7).

Deterministic templates, no LLM: an opener per tone, a specific line about the
session (focus, main lift, sets × reps @ RPE, finisher, deload, cardio piece) and a
closer per aggression. Trimmed on a word boundary to the hard 200-character limit.
"""

from __future__ import annotations

from collections.abc import Mapping

from .types import PersonaAggression, PersonaTone

NOTE_LIMIT = 200

OPENERS: dict[PersonaTone, str] = {
    PersonaTone.SUPPORTIVE: "Great to see you!",
    PersonaTone.NEUTRAL: "",
    PersonaTone.DIRECT: "",
}
CLOSERS: dict[tuple[PersonaTone, PersonaAggression], str] = {
    (
        PersonaTone.SUPPORTIVE,
        PersonaAggression.CONSERVATIVE,
    ): "Leave reps in the tank; you've got this.",
    (PersonaTone.SUPPORTIVE, PersonaAggression.BALANCED): "Push steadily and enjoy it.",
    (
        PersonaTone.SUPPORTIVE,
        PersonaAggression.AGGRESSIVE,
    ): "Chase the top of the RPE, you're ready.",
    (
        PersonaTone.NEUTRAL,
        PersonaAggression.CONSERVATIVE,
    ): "Stop each set with 2+ reps left.",
    (
        PersonaTone.NEUTRAL,
        PersonaAggression.BALANCED,
    ): "Hit the targets, keep form clean.",
    (
        PersonaTone.NEUTRAL,
        PersonaAggression.AGGRESSIVE,
    ): "Work to the RPE cap on every top set.",
    (PersonaTone.DIRECT, PersonaAggression.CONSERVATIVE): "Form first. No grinders.",
    (PersonaTone.DIRECT, PersonaAggression.BALANCED): "No skipped sets.",
    (
        PersonaTone.DIRECT,
        PersonaAggression.AGGRESSIVE,
    ): "Earn it. Every set to the cap.",
}


def trim(text: str, limit: int = NOTE_LIMIT) -> str:
    """Collapse spaces and cut at the last word boundary that fits ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.") + "…"


def _body(summary: Mapping[str, str]) -> str:
    kind = summary.get("kind", "lift")
    if kind == "cardio":
        style = (
            "intervals, 2 min hard / 2 easy"
            if summary.get("style") == "intervals"
            else "easy, conversational pace"
        )
        return (
            f"Cardio day: {summary['main']} {summary.get('minutes', '')} min, {style}."
        )
    if kind == "conditioning":
        return (
            f"Conditioning: {summary.get('stations', '5')} stations × "
            f"{summary.get('rounds', '')} rounds, {summary.get('minutes', '')} min. Pace it."
        )
    if kind == "mobility":
        return (
            f"Mobility day, {summary.get('minutes', '')} min. Slow breaths, long holds."
        )
    text = f"{summary.get('focus', 'Lifting')}: {summary.get('main', '')} {summary.get('prescription', '')}."
    if summary.get("deload"):
        text = f"Deload week. {text} Lighter on purpose."
    if summary.get("finisher"):
        text += f" Finish: {summary['finisher']}."
    return text


def coach_note(
    tone: PersonaTone, aggression: PersonaAggression, summary: Mapping[str, str]
) -> str:
    """The session's note (≤ 200 characters). ``summary`` keys: kind, focus, main,
    prescription, finisher, deload, minutes, style, stations, rounds."""
    closer = CLOSERS[(tone, aggression)]
    if summary.get("deload"):
        closer = (
            "Recover." if tone == PersonaTone.DIRECT else "Recover and come back fresh."
        )
    return trim(" ".join(p for p in (OPENERS[tone], _body(summary), closer) if p))


def sample_note(tone: PersonaTone, aggression: PersonaAggression) -> str:
    """An example note for the wizard's coach step (same templates as sessions)."""
    return coach_note(
        tone,
        aggression,
        {
            "kind": "lift",
            "focus": "Lower A",
            "main": "Barbell Back Squat",
            "prescription": "4×5 @ RPE 8",
            "finisher": "",
        },
    )
