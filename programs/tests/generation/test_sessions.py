"""Generated sessions: anatomy, time fit, prescriptions, volume, deloads,
progression styles, coach notes."""

from __future__ import annotations

import functools
import math

import pytest

from programs.generation import generate_program, sample_note
from programs.generation.heuristics import (
    CONDITION_BEGINNER,
    CONDITION_OVERTRAINING,
    CONDITION_PROFILE,
    DELOAD_VOLUME_MULTIPLIER,
)
from programs.generation.types import (
    ExerciseRole,
    ExperienceLevel,
    Goal,
    PersonaAggression,
    PersonaTone,
    ProgressionStyle,
    SessionType,
    SplitTemplate,
)
from programs.generation.volume import SESSION_SET_CAP, mrv

from .conftest import make_library, make_spec
from .helpers import check_anatomy, hard_sets, is_lifting, planned, sessions_of_type

LIB = make_library()
GOAL_MIXES = (
    ((Goal.STRENGTH, 6), (Goal.HYPERTROPHY, 4)),
    ((Goal.HYPERTROPHY, 5), (Goal.FAT_LOSS, 5)),
    ((Goal.ENDURANCE, 7), (Goal.STRENGTH, 3)),
    ((Goal.MOBILITY, 4), (Goal.SKILL, 3), (Goal.HYPERTROPHY, 3)),
)


@functools.cache
def program(goals=GOAL_MIXES[0], days=4, minutes=60, template=None, style=None, **kw):
    """Cached generation on the synthetic library (specs are hashable via args)."""
    request = {"split_template": template, "progression_style": style}
    request.update(kw.pop("request", ()))
    athlete = dict(kw.pop("athlete", ()))
    spec = make_spec(
        goals, days=days, minutes=minutes, request=request, athlete=athlete, **kw
    )
    return generate_program(spec, LIB)


@pytest.mark.parametrize("goals", GOAL_MIXES)
@pytest.mark.parametrize("days", range(2, 8))
def test_anatomy_and_conditions(goals, days):
    prog = program(goals, days)
    assert prog.failures == ()
    check_anatomy(prog)
    for s in prog.sessions:
        p = planned(prog, s)
        if p.session_type in (SessionType.CARDIO, SessionType.CONDITIONING):
            assert any(
                r.startswith(f"[{c}]")
                for r in p.reasons
                for c in (CONDITION_OVERTRAINING, CONDITION_BEGINNER, CONDITION_PROFILE)
            )


def test_anatomy_with_profiles():
    for athlete in (
        (
            ("prefer_dedicated_cardio_days", True),
            ("enjoyable_activities", ("cycling",)),
        ),
        (("discipline_priorities", (("CROSSFIT", 0.9),)),),
        (("prefer_dedicated_mobility_days", True),),
    ):
        athlete = tuple(
            (k, dict(v) if k == "discipline_priorities" else v) for k, v in athlete
        )
        spec = make_spec(GOAL_MIXES[1], days=4, minutes=60, athlete=dict(athlete))
        prog = generate_program(spec, LIB)
        assert prog.failures == ()
        check_anatomy(prog)
    beginner = program(days=5, experience=ExperienceLevel.BEGINNER)
    check_anatomy(beginner)
    assert any(
        planned(beginner, s).session_type == SessionType.CARDIO
        for s in beginner.sessions
    )


def test_enjoyable_activity_drives_cardio_days():
    spec = make_spec(
        GOAL_MIXES[2][::-1], days=3,
        athlete={"prefer_dedicated_cardio_days": True, "enjoyable_activities": ("rowing",)},
    )  # fmt: skip
    prog = generate_program(spec, LIB)
    cardio = sessions_of_type(prog, SessionType.CARDIO)
    assert cardio
    for s in cardio:
        main = [e for e in s.exercises if e.role == ExerciseRole.MAIN]
        assert LIB.movements[main[0].movement_id].name == "Rowing Machine"


@pytest.mark.parametrize("template", list(SplitTemplate))
@pytest.mark.parametrize("minutes", [30, 45, 60, 90, 120])
def test_time_fit(template, minutes):
    degraded = total = 0
    for days in range(2, 8):
        prog = program(days=days, minutes=minutes, template=template)
        deloads = {m.sequence_number for m in prog.plan.microcycles if m.is_deload}
        for s in prog.sessions:
            p = planned(prog, s)
            assert s.estimated_minutes <= minutes * 1.05 + 0.5, (
                s.estimated_minutes,
                s.rationale,
            )
            if s.microcycle_sequence in deloads and is_lifting(p):
                assert any("Deload" in r for r in s.rationale)
                continue
            total += 1
            if s.estimated_minutes < minutes * 0.95 - 0.5:
                # Deliberate degrade, said so in the rationale: on lifting days, or
                # a lifter's recovery cardio day capped at 45 min (reference §8).
                assert any("Shorter than the budget" in r for r in s.rationale)
                if not is_lifting(p):
                    assert p.session_type == SessionType.CARDIO, s.rationale
                    assert any("recovery day for a lifter" in r for r in s.rationale)
                    continue
                degraded += 1
    # Real guarantee: never over +5 %; short only when weekly MRV shares bind
    # (a few 90–120 min sessions), and then the rationale says so.
    # Long single-focus days (a 120-min chest day) run into RP's 12-sets-per-session
    # cap and the weekly MRV share: ending early is the right call there.
    assert degraded <= (0.02 if minutes <= 60 else 0.15) * total


def test_time_breakdown_adds_up():
    for s in program(GOAL_MIXES[1], 4).sessions:
        tb = s.time_breakdown
        parts = tb.warmup + tb.main + tb.accessory + tb.finisher + tb.cooldown
        assert abs(parts - tb.total) <= 3
        assert abs(tb.total - s.estimated_minutes) <= 1
        assert s.exercises
        assert all(e.estimated_seconds > 0 for e in s.exercises)


def test_cool_down_walks_a_minute_per_stretch_up_to_five():
    # ACSM ≈ 60 s per stretch (reference §2c) plus 1 min of walking per stretch,
    # at most the seeds' 5-min base; a zone-2 bout counts by its length.
    from programs.generation.prescription import Draft, stretch_rx
    from programs.generation.timing import block_seconds

    stretches = [stretch_rx(m) for m in LIB.movements.values() if "stretch" in m.tags]
    assert len(stretches) >= 7
    assert block_seconds([], "COOLDOWN") == 300  # not drafted yet: the base
    assert block_seconds(stretches[:1], "COOLDOWN") == 60 + 60
    assert block_seconds(stretches[:2], "COOLDOWN") == 120 + 120
    assert block_seconds(stretches[:3], "COOLDOWN") == 180 + 180
    assert block_seconds(stretches[:7], "COOLDOWN") == 300 + 420
    walk = next(m for m in LIB.movements.values() if m.name == "Brisk Walking")
    bout = Draft(walk, ExerciseRole.COOLDOWN, 1, duration=600, rpe=4.0)
    assert block_seconds([bout, *stretches[:2]], "COOLDOWN") == 600 + 120 + 120


def _main(prog, role=ExerciseRole.MAIN):
    for s in prog.sessions:
        p = planned(prog, s)
        mc = prog.plan.microcycles[s.microcycle_sequence - 1]
        if is_lifting(p) and not mc.is_deload:
            for e in s.exercises:
                if e.role == role:
                    yield p, e


def test_prescription_ranges_by_goal():
    for goals, days in (
        (GOAL_MIXES[0], 4),
        (((Goal.ENDURANCE, 10),), 3),
        (((Goal.HYPERTROPHY, 10),), 5),
    ):
        prog = program(goals, days)
        for p, e in _main(prog):
            assert e.target_rir == round(10 - e.target_rpe)
            assert 2 <= e.sets <= 5
            assert e.target_rpe <= 9.0
            if LIB.movements[e.movement_id].is_timed:
                assert e.duration_seconds
                assert e.reps_min is None
                continue
            if p.session_type == SessionType.STRENGTH:
                assert e.reps_max <= 6
                assert e.rest_seconds >= 120
                assert e.target_rpe >= 6.5
                assert e.load_percent_1rm is None or e.load_percent_1rm >= 75
            elif p.session_type == SessionType.HYPERTROPHY:
                assert 6 <= e.reps_min <= e.reps_max <= 12
                assert 60 <= e.rest_seconds <= 180
            elif p.session_type == SessionType.ENDURANCE:
                assert e.reps_min >= 12
                assert e.rest_seconds <= 60
                assert e.sets <= 3
        for _, e in _main(prog, ExerciseRole.ACCESSORY):
            assert 2 <= e.sets <= 4
            assert e.duration_seconds or 8 <= e.reps_min <= e.reps_max <= 20
        for s in prog.sessions:
            for e in s.exercises:
                if e.role == ExerciseRole.WARMUP:
                    assert e.sets <= 2
                    assert e.duration_seconds in (None, 45, 300)
                if e.role == ExerciseRole.COOLDOWN and e.duration_seconds >= 300:
                    # An easy zone-2 bout opening the cool-down (finegrowth._zone2).
                    assert e.sets == 1
                    assert e.duration_seconds <= 2700
                    assert e.target_rpe == 4.0
                elif e.role == ExerciseRole.COOLDOWN:
                    assert e.duration_seconds == 30
                    assert e.sets == 2
                    assert e.target_rpe is None
                if LIB.movements[e.movement_id].is_timed:
                    assert e.duration_seconds
                    assert e.reps_min is None


def test_beginner_novice_ranges():
    prog = program(days=3, experience=ExperienceLevel.BEGINNER)
    for _, e in _main(prog):
        assert e.sets <= 3
        assert e.target_rpe <= 8.0
        assert e.duration_seconds or 8 <= e.reps_min <= e.reps_max <= 12
    for s in prog.sessions:
        assert all(LIB.movements[e.movement_id].level <= 3 for e in s.exercises)


@pytest.mark.parametrize("days", [3, 5, 6])
@pytest.mark.parametrize("minutes", [60, 120])
def test_weekly_sets_within_mrv(days, minutes):
    for exp in (ExperienceLevel.INTERMEDIATE, ExperienceLevel.BEGINNER):
        prog = program(
            GOAL_MIXES[0],
            days,
            minutes,
            template=SplitTemplate.FULL_BODY,
            experience=exp,
        )
        weeks: dict[int, dict[str, float]] = {}
        for s in prog.sessions:
            per = hard_sets(s, LIB, planned(prog, s))
            assert all(v <= SESSION_SET_CAP + 1e-9 for v in per.values()), per
            week = weeks.setdefault(s.microcycle_sequence, {})
            for row, v in per.items():
                week[row] = week.get(row, 0.0) + v
        for week in weeks.values():
            for row, v in week.items():
                assert v <= mrv(row, exp) + 1e-9, (row, v)


@pytest.mark.parametrize("style", list(ProgressionStyle))
def test_deload_cuts_sets_and_rpe(style):
    prog = program(GOAL_MIXES[0], 4, style=style, weeks=8)
    by_key = {(s.microcycle_sequence, s.day_index): s for s in prog.sessions}
    for mc in prog.plan.microcycles:
        if not mc.is_deload:
            continue
        for p in mc.sessions:
            if not is_lifting(p):
                continue
            now, before = (
                by_key[(mc.sequence_number, p.day_index)],
                by_key[(mc.sequence_number - 1, p.day_index)],
            )
            hard_now = [
                e
                for e in now.exercises
                if e.role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
            ]
            hard_before = [
                e
                for e in before.exercises
                if e.role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
            ]
            assert [e.movement_id for e in hard_now] == [
                e.movement_id for e in hard_before
            ]
            for a, b in zip(hard_now, hard_before, strict=True):
                # Sets × the deload multiplier, rounded half up, at least 1
                # (blocks.deload_copy): 4 → 2, 3 → 2, 2 → 1.
                half = max(1, math.floor(b.sets * DELOAD_VOLUME_MULTIPLIER + 0.5))
                assert a.sets <= half, (a.sets, b.sets)
                assert a.target_rpe <= b.target_rpe - 2 + 1e-9
                assert a.target_rir >= 3
            assert any("deload" in n for e in hard_now for n in e.rationale.notes)


def _first_main(prog, day_index=0):
    out = []
    for s in prog.sessions:
        if s.day_index == day_index:
            mc = prog.plan.microcycles[s.microcycle_sequence - 1]
            e = next(e for e in s.exercises if e.role == ExerciseRole.MAIN)
            out.append((mc, e))
    return out


def test_progression_single():
    rows = _first_main(
        program(GOAL_MIXES[0], 4, style=ProgressionStyle.SINGLE_PROGRESSION)
    )
    loading = [e for mc, e in rows[:3]]
    assert len({e.movement_id for mc, e in rows}) == 1  # same main lift all program
    assert len({(e.reps_min, e.reps_max) for e in loading}) == 1
    assert loading[0].target_rpe < loading[1].target_rpe < loading[2].target_rpe


def test_progression_double():
    rows = _first_main(
        program(GOAL_MIXES[0], 4, style=ProgressionStyle.DOUBLE_PROGRESSION)
    )
    reps = [e.reps_min for mc, e in rows if not mc.is_deload]
    assert reps[0] < reps[1] < reps[2]
    assert reps[3] == reps[0]
    assert all(e.reps_max == rows[0][1].reps_max for mc, e in rows if not mc.is_deload)
    # Same bar weight through the mesocycle while the reps climb.
    loads = [e.load_percent_1rm for mc, e in rows[:3]]
    assert loads[0] is not None
    assert len(set(loads)) == 1


def test_progression_wave():
    prog = program(GOAL_MIXES[0], 4, style=ProgressionStyle.WAVE_LOADING)
    rows = [e for mc, e in _first_main(prog) if not mc.is_deload]
    assert [e.reps_min for e in rows[:3]] == [5, 3, 1]
    assert (
        rows[0].load_percent_1rm < rows[1].load_percent_1rm < rows[2].load_percent_1rm
    )
    assert rows[3].reps_min == 5  # next wave


def test_progression_block():
    prog = program(
        GOAL_MIXES[0], 4, style=ProgressionStyle.BLOCK_PERIODIZATION, weeks=12
    )
    rows = [(mc, e) for mc, e in _first_main(prog) if not mc.is_deload]
    first, last = rows[0], rows[-1]
    assert last[1].reps_max < first[1].reps_max
    assert last[1].target_rpe > first[1].target_rpe
    assert last[0].volume_multiplier < first[0].volume_multiplier


def test_volume_rises_through_mesocycle():
    prog = program(GOAL_MIXES[0], 4, style=ProgressionStyle.SINGLE_PROGRESSION)
    vms = [mc.volume_multiplier for mc in prog.plan.microcycles[:3]]
    assert vms[0] < vms[1] < vms[2]


def test_aggression_caps_rpe():
    def max_rpe(aggression):
        prog = program(
            GOAL_MIXES[0],
            4,
            athlete=(("persona_aggression", aggression),),
            weeks=12,
            style=ProgressionStyle.WAVE_LOADING,
        )
        return max(e.target_rpe for _, e in _main(prog) if e.target_rpe)

    assert max_rpe(PersonaAggression.CONSERVATIVE) <= 8.5
    assert max_rpe(PersonaAggression.BALANCED) <= 9.0


@pytest.mark.parametrize("tone", list(PersonaTone))
@pytest.mark.parametrize("aggression", list(PersonaAggression))
def test_coach_notes(tone, aggression):
    prog = program(
        GOAL_MIXES[1],
        6,
        athlete=(("persona_tone", tone), ("persona_aggression", aggression)),
    )
    for s in prog.sessions:
        assert 0 < len(s.coach_notes) <= 200
    lifting = next(s for s in prog.sessions if is_lifting(planned(prog, s)))
    main = next(e for e in lifting.exercises if e.role == ExerciseRole.MAIN)
    assert LIB.movements[main.movement_id].name in lifting.coach_notes
    note = sample_note(tone, aggression)
    assert 0 < len(note) <= 200


def test_only_externally_loaded_lifts_carry_a_percent_of_1rm():
    # A coach's read: "Chin-Up 2×10 @ 64 % 1RM" means nothing; a pull-up, a
    # dip or a push-up moves bodyweight. Bars, dumbbells and stacks get one.
    from programs.generation.prescription import Draft
    from programs.generation.types import LOADABLE, MovementInfo

    def draft(equipment: set[str]) -> Draft:
        movement = MovementInfo(
            1, "Lift", "lift", "vertical_pull", "compound", "pull",
            frozenset(equipment), 1, "ALL", ("lats",), (),
        )  # fmt: skip
        d = Draft(movement, ExerciseRole.MAIN, 3, reps_min=8, reps_max=10, rpe=8.0)
        d.hard = True
        return d

    for kit in ({"pull_up_bar"}, {"dip_station"}, {"bands"}, {"box"}, set()):
        assert draft(kit).percent is None, kit
    for kit in LOADABLE:
        # A main lift's 8–10 is stated at its floor: 8 reps at RPE 8 (RTS chart).
        assert draft({kit}).percent == 74, kit
    assert draft({"barbell", "rack"}).percent == 74


def test_bodyweight_lifts_in_a_real_program_carry_no_percent(real_library):
    from programs.generation.types import LOADABLE

    program = generate_program(
        make_spec(((Goal.FAT_LOSS, 6), (Goal.STRENGTH, 4)), days=3, minutes=45,
                  experience=ExperienceLevel.BEGINNER, seed=3),
        real_library,
    )  # fmt: skip
    seen = 0
    for s in program.sessions:
        for e in s.exercises:
            if e.load_percent_1rm is not None:
                seen += 1
                assert real_library.movements[e.movement_id].equipment & LOADABLE
    assert seen
