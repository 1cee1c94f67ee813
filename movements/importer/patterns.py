"""Movement pattern from a free-exercise-db record: keyword rules on the name,
then the reviewed ``library_data.PATTERN_OVERRIDES``."""

from __future__ import annotations

from movements import library_data as data
from movements.importer.specs import Record, matches, primary_muscle

KNEE_DOMINANT_MUSCLES = frozenset({"quadriceps"})
HIP_DOMINANT_MUSCLES = frozenset({"hamstrings", "glutes", "lower_back"})


# ---------------------------------------------------------------------------
# Movement pattern
# ---------------------------------------------------------------------------
# Keyword regexes on the lower-cased name, tried in the order pattern_from_rules
# lists them. Order matters: a calf press on the leg press is a calf raise, a clean
# deadlift is a hinge, a split jerk is not a lunge, an upright row is not a row.
_CONDITIONING = (
    r"battling rope|sled push|sled drag|\bdrags?\b(?! curl)|prowler|sledgehammer"
    r"|mountain climber|thruster"
)
_CARRY = r"farmer|yoke|\bcarry\b|conan|power stairs|suitcase"
_HINGE = (
    r"deadlift|\brdl\b|stiff[- ]legs?|good morning|hip thrust|glute bridge"
    r"|hip bridge|\(bridge\)|hip lift|swings?\b|hyperextension|back extension"
    r"|pull through|rack pull|glute[- ]ham|atlas stone|keg load|sandbag load|tire flip"
)
_OLYMPIC = r"\bclean\b(?! grip)|snatch|jerk|high pull\b|rack delivery"
_LUNGE = (
    r"lunge|split squat|step[- ]?ups?\b|pistol|one leg barbell squat"
    r"|single-leg high box squat"
)
_SQUAT = r"squat|leg press"
_ISOLATION = (
    r"pullover|upright|shrug|curl|straight-arm|\bfly|flyes?\b|cross ?over|butterfly"
    r"|kickback|pushdown|skull ?crusher|tate press|triceps? press|extension|raise"
    r"|lateral|rotation|wrist|neck resistance|neck exercise|adduct|abduct|pinch"
    r"|scaption|hip flexion"
)
_VERTICAL_PUSH = (
    r"handstand|shoulder press|military|overhead press|push press|arnold|bradford"
    r"|jammer|log lift|circus bell|see-?saw press|para press|press behind"
)
# Dips are horizontal pushes: chest-and-triceps pressing that competes with the
# bench for volume (the common choice), not overhead work.
_HORIZONTAL_PUSH = (
    r"bench press|chest press|push-?ups?\b|push up|floor press|\bdips?\b"
    r"|board press|pin press|jm press|smith press|neck press|decline press"
)
_VERTICAL_PULL = (
    r"pull-?ups?\b|pull ups|\bchin|pulldown|muscle up|rope climb|london bridge"
    r"|high pulley row"
)
_HORIZONTAL_PULL = r"\brows?\b|bench pull|face pull"
_PLYOMETRIC_NAME = r"jump|\bhops?\b|bound\b|plyo"


def pattern_from_rules(record: Record) -> str:
    """Derive a ``MovementPattern`` value from name, category, mechanic, force and
    primary muscle, without the override table. Always returns a pattern."""
    name = record["name"].lower()
    category = record["category"]
    mechanic = record.get("mechanic")
    force = record.get("force")
    primary = primary_muscle(record)

    if category == "stretching" or record.get("equipment") == "foam roll":
        return "mobility"
    if category == "cardio":
        return "cardio"
    if category == "plyometrics" or matches(_PLYOMETRIC_NAME, name):
        return "plyometric"
    if matches(_CONDITIONING, name):
        return "conditioning"
    if matches(_CARRY, name):
        return "carry"
    if matches(r"push press", name):
        # An overhead press driven by the legs; programmed as a vertical push.
        return "vertical_push"
    if matches(r"deadlift|stiff[- ]legs?", name):
        # Before the olympic names: a clean or snatch deadlift is a slow hinge.
        return "hinge"
    if matches(_OLYMPIC, name):
        return "olympic"
    if category == "olympic weightlifting" and not matches(r"squat", name):
        return "olympic"
    if primary == "abdominals":
        return "core"
    if matches(r"calf", name):
        return "isolation"
    if matches(_HINGE, name):
        return "hinge"
    if matches(_LUNGE, name):
        return "lunge"
    if matches(_SQUAT, name):
        return "squat"
    if matches(_ISOLATION, name):
        return "isolation"
    if matches(_VERTICAL_PUSH, name):
        return "vertical_push"
    if matches(_HORIZONTAL_PUSH, name):
        return "horizontal_push"
    if matches(_VERTICAL_PULL, name):
        return "vertical_pull"
    if matches(_HORIZONTAL_PULL, name):
        return "horizontal_pull"
    if mechanic == "isolation":
        return "isolation"
    # Compound leftovers: fall back on the prime mover and the force.
    if primary == "shoulders" and force == "push":
        return "vertical_push"
    if primary in {"chest", "triceps"} and force == "push":
        return "horizontal_push"
    if primary == "lats" and force == "pull":
        return "vertical_pull"
    if primary == "middle_back" and force == "pull":
        return "horizontal_pull"
    if primary in KNEE_DOMINANT_MUSCLES:
        return "squat"
    if primary in HIP_DOMINANT_MUSCLES:
        return "hinge"
    return "isolation"


def derive_pattern(record: Record) -> str:
    """The movement pattern: the reviewed override if any, else the rules."""
    override = data.PATTERN_OVERRIDES.get(record["name"])
    return override or pattern_from_rules(record)
