"""Reading Strong and Hevy exports (``portability.sources``) and matching their
exercise names (``portability.matching``): pure, no database. The sample files in
``tests/data/`` follow the apps' public column layouts, odd rows included."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from training_logs.portability import matching, sources

DATA = Path(__file__).parent / "data"


def read(name: str, unit: str = sources.KG) -> sources.ParsedFile:
    return sources.parse_export((DATA / name).read_text(encoding="utf-8"), unit=unit)


def by_line(parsed: sources.ParsedFile) -> dict[int, sources.ImportedSet]:
    return {s.line: s for s in parsed.sets}


# ---------------------------------------------------------------------------
# Strong
# ---------------------------------------------------------------------------
def test_strong_current_export_counts():
    parsed = read("strong_current_lb.csv", sources.LB)
    assert parsed.source == sources.STRONG
    assert parsed.rows == 20
    assert len(parsed.sets) == 18
    assert len({s.workout_key for s in parsed.sets}) == 3
    assert [(e.line, e.message) for e in parsed.skipped] == [
        (10, "Skipped: a rest-timer or note row, not a set."),
        (22, "Skipped: neither reps nor time."),
    ]
    assert parsed.errors == ()
    assert parsed.exercise_names[:2] == [
        "Bench Press (Barbell)",
        "Overhead Press (Barbell)",
    ]


def test_strong_pounds_become_kilograms_and_odd_rows_keep_their_meaning():
    rows = by_line(read("strong_current_lb.csv", sources.LB))
    warmup = rows[2]
    assert (warmup.is_warmup, warmup.load_kg, warmup.reps) == (
        True,
        Decimal("43.091"),
        8,
    )
    top = rows[3]
    assert (top.load_kg, top.reps, top.rpe, top.set_number) == (
        Decimal("83.915"),  # 185 lb × 0.45359237
        5,
        Decimal("8.0"),
        2,
    )
    assert rows[6].rpe is None  # RPE column present, cell empty
    assert rows[8].load_kg == Decimal("0.000")  # bodyweight
    assert rows[13].load_kg is None  # empty weight: not recorded
    plank = rows[15]
    assert (plank.reps, plank.duration_seconds) == (None, 60)  # duration only
    assert rows[17].exercise == "Développé couché (Barre)"
    assert rows[17].notes == 'Coach’s cue: "pause"'
    squat = rows[18]  # a quoted note over two lines: the next row is line 20
    assert squat.notes == "Note line one\nline two"
    assert squat.workout_name == 'Legs "heavy"'
    drop = rows[20]
    assert (drop.is_warmup, drop.set_number, drop.load_kg) == (
        False,
        2,
        Decimal("83.915"),
    )
    assert top.performed_at == dt.datetime(2026, 1, 5, 7, 2)
    assert (top.duration_minutes, rows[11].duration_minutes) == (65, 55)
    assert top.workout_notes == "Felt strong"


def test_strong_legacy_semicolon_export_reads_units_per_row():
    parsed = read("strong_legacy.csv")
    rows = by_line(parsed)
    assert (parsed.source, parsed.rows, len(parsed.sets)) == (sources.STRONG, 6, 6)
    assert rows[2].load_kg == Decimal("100.000")  # kg row
    assert rows[4].load_kg == Decimal("27.216")  # 60 lbs
    assert rows[5].load_kg == Decimal("28.350")  # "62,5" lbs: a decimal comma
    assert rows[4].rpe == Decimal("7.5")
    assert rows[6].duration_seconds == 75
    assert rows[2].duration_minutes == 60  # "Workout Duration" in seconds
    assert rows[7].duration_minutes == 45


def test_strong_export_without_an_rpe_column():
    parsed = read("strong_no_rpe.csv")
    assert len(parsed.sets) == 3
    assert all(s.rpe is None for s in parsed.sets)
    assert parsed.sets[0].reps == 5  # "5.0"


def test_bad_rows_are_reported_with_their_line_numbers():
    parsed = read("strong_broken.csv")
    assert [(e.line, e.message) for e in parsed.errors] == [
        (3, "Reps is not a number: 'five'."),
        (5, "RPE must be 1–10 in steps of 0.5, not '11'."),
        (6, "Expected 12 columns, found 9."),
        (7, "Date is not a date and time: 'yesterday'."),
        (8, "Set Order must be a number, W, D or F, not 'X'."),
    ]


# ---------------------------------------------------------------------------
# Hevy
# ---------------------------------------------------------------------------
def test_hevy_kilogram_export():
    parsed = read("hevy_kg.csv")
    rows = by_line(parsed)
    assert (parsed.source, parsed.rows, len(parsed.sets)) == (sources.HEVY, 10, 10)
    assert len({s.workout_key for s in parsed.sets}) == 2
    assert rows[2].is_warmup
    assert rows[2].load_kg == Decimal("40.000")
    assert rows[5].is_warmup is False  # a drop set is a working set
    assert rows[6].load_kg is None
    assert rows[7].load_kg == Decimal("0.000")
    assert rows[7].rpe == Decimal("10.0")
    assert (rows[8].reps, rows[8].duration_seconds) == (None, 60)
    assert rows[9].duration_seconds == 1800
    assert rows[9].notes == "Easy pace"
    assert rows[2].performed_at == dt.datetime(2026, 1, 12, 7, 0)
    assert rows[2].duration_minutes == 70
    assert rows[2].workout_notes == "Good session"


def test_hevy_pound_export():
    parsed = read("hevy_lbs.csv")
    assert [s.load_kg for s in parsed.sets] == [
        Decimal("102.058"),
        Decimal("102.058"),
        Decimal("163.293"),
    ]


# ---------------------------------------------------------------------------
# Files that are not exports
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty."),
        ("name,age\nSam,30\n", "Unknown file"),
        ("Date,Exercise Name,Reps\n2026-01-01,Squat,5\n", "lacks Workout Name"),
        ("title,exercise_title,set_index\nA,B,0\n", "lacks start_time"),
        (
            "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n",
            "no sets to import",
        ),
    ],
)
def test_files_that_are_not_exports_are_refused(text, message):
    with pytest.raises(sources.ImportFileError, match=message):
        sources.parse_export(text)


def test_fingerprints_are_stable_and_distinct():
    first = read("strong_current_lb.csv", sources.LB)
    again = read("strong_current_lb.csv", sources.LB)
    prints = [s.fingerprint for s in first.sets]
    assert prints == [s.fingerprint for s in again.sets]
    assert len(set(prints)) == len(prints)
    # The same set written in kg by another export has the same fingerprint.
    kg = sources.parse_export(
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,RPE\n"
        "2026-01-05 07:02:11,Push A,Bench Press (Barbell),W,43.091,8,\n"
    )
    assert kg.sets[0].fingerprint == prints[0]


# ---------------------------------------------------------------------------
# Name matching
# ---------------------------------------------------------------------------
CATALOGUE = {
    1: "Barbell Bench Press - Medium Grip",
    2: "Barbell Squat",
    3: "Pullups",
    4: "Wide-Grip Lat Pulldown",
    5: "One Arm Lat Pulldown",
    6: "Leg Press",
}


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("Bench Press (Barbell)", "barbell bench press"),
        ("Développé couché (Barre)", "barre developpe couche"),
        (
            "Triceps Pushdown (Cable - Straight Bar)",
            "cable straight bar triceps pushdown",
        ),
        ("  PULL-UP  ", "pull up"),
    ],
)
def test_names_are_normalised(name, normal):
    assert matching.normalize_name(name) == normal


def test_matching_prefers_the_athlete_then_aliases_then_exact_then_fuzzy():
    aliases = {"barbell bench press": 1, "pull up": 3}
    found = matching.match_names(
        [
            "Bench Press (Barbell)",
            "Pull Up",
            "Squat (Barbell)",
            "Barbell Squats",
            "Leg Press",
        ],
        catalogue=CATALOGUE,
        aliases=aliases,
        athlete={"leg press": 2},
    )
    assert {n: (m.movement_id, m.method) for n, m in found.items()} == {
        "Bench Press (Barbell)": (1, "alias"),
        "Pull Up": (3, "alias"),
        "Squat (Barbell)": (2, "exact"),
        "Barbell Squats": (2, "fuzzy"),
        "Leg Press": (2, "athlete"),
    }


def test_an_unmatched_name_comes_with_ranked_suggestions():
    found = matching.match_names(
        ["Lat Pulldown (Cable)", "Développé couché (Barre)", "!!!"],
        catalogue=CATALOGUE,
        aliases={},
    )
    pulldown = found["Lat Pulldown (Cable)"]
    assert pulldown.movement_id is None
    assert {c.movement_id for c in pulldown.candidates[:2]} == {4, 5}
    assert len(pulldown.candidates) == matching.SUGGESTIONS
    assert found["Développé couché (Barre)"].movement_id is None
    assert found["!!!"] == matching.NameMatch("!!!", None, "")


@pytest.mark.parametrize(
    ("cell", "moment"),
    [
        (
            "2026-01-05 6:02:11\u202fPM",
            dt.datetime(2026, 1, 5, 18, 2),
        ),  # Strong, 12-hour
        ("2026-01-05 07:02", dt.datetime(2026, 1, 5, 7, 2)),
        ("5 Jan 2026, 07:02", dt.datetime(2026, 1, 5, 7, 2)),  # Hevy
        (
            "2026-01-05T07:02:11+01:00",
            dt.datetime(2026, 1, 5, 7, 2, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        ),
    ],
)
def test_the_date_formats_the_apps_write(cell, moment):
    parsed = sources.parse_export(
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        f'"{cell}",A,Squat (Barbell),1,100,5\n'
    )
    assert parsed.sets[0].performed_at == moment
