from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from programs.models import GenerationStatus, Program
from programs.templatetags.program_tags import humanize_token

pytestmark = pytest.mark.django_db

ARGS = [
    "--goal",
    "STRENGTH=6",
    "--goal",
    "HYPERTROPHY=4",
    "--weeks",
    "8",
    "--days",
    "3",
]


def run(*args: str) -> str:
    out = StringIO()
    call_command("create_program", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_sync_prints_the_plan_week_by_week(user, library):
    output = run(
        "--email",
        user.email,
        *ARGS,
        "--minutes",
        "45",
        "--sync",
        "--start",
        "2026-01-05",
    )
    program = Program.objects.get()
    assert program.generation_status == GenerationStatus.COMPLETED
    assert "Week 1 (loading)" in output
    assert "Week 4 (DELOAD)" in output
    assert "Mon 05 Jan" in output
    assert "RPE" in output


def test_json_is_exactly_the_api_detail_body(user, library, auth_client):
    output = run("--email", user.email, *ARGS, "--minutes", "60", "--sync", "--json")
    program = Program.objects.get()
    api = auth_client.get(f"/api/v1/programs/{program.pk}/", HTTP_HOST="127.0.0.1:8000")
    assert json.loads(output) == api.json()


def test_without_sync_generation_is_queued(
    user, library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run("--email", user.email, *ARGS, "--minutes", "60")
    assert len(callbacks) == 1
    assert Program.objects.get().generation_status == GenerationStatus.PENDING


def test_hard_no_and_equipment_are_honoured(user, library):
    run(
        "--email",
        user.email,
        *ARGS,
        "--minutes",
        "60",
        "--sync",
        "--equipment",
        "dumbbell,bench",
        "--hard-no",
        "Goblet Squat",
    )
    program = Program.objects.get()
    assert program.equipment == ["bench", "dumbbell"]
    goblet = library["Goblet Squat"]
    assert program.movement_rules == [
        {"movement_id": goblet.pk, "rule": "HARD_NO", "substitute_id": None}
    ]
    names = set(
        program.sessions.values_list("exercises__movement__name", flat=True)
    ) - {None}
    assert "Goblet Squat" not in names


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--goal", "STRENGTH=9", "--weeks", "8", "--days", "3", "--minutes", "60"],
            "goals",
        ),
        (
            ["--goal", "STRENGTH=10", "--weeks", "9", "--days", "3", "--minutes", "60"],
            "duration_weeks",
        ),
        ([*ARGS, "--minutes", "60", "--equipment", "spaceship"], "Unknown equipment"),
        ([*ARGS, "--minutes", "60", "--hard-no", "Moon Walk"], "No movement"),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(user, library, args, message):
    with pytest.raises(CommandError, match=message):
        run("--email", user.email, *args)
    assert not Program.objects.exists()


def test_unknown_user_is_an_error(library):
    with pytest.raises(CommandError, match="No user"):
        run("--email", "ghost@example.com", *ARGS, "--minutes", "60")


def test_benchmark_prints_a_row_per_cell_and_cleans_up(library):
    out = StringIO()
    call_command(
        "bench_generation",
        "--requests",
        "3",
        "--weeks",
        "8",
        "--days",
        "3",
        "4",
        stdout=out,
    )
    rows = [
        line for line in out.getvalue().splitlines() if line.strip().startswith("8 ")
    ]
    assert len(rows) == 2
    assert not Program.objects.exists()


def test_humanize_token_reads_like_a_label():
    assert humanize_token("upper_a") == "Upper A"
    assert humanize_token("HORIZONTAL_PUSH") == "Horizontal push"
    assert humanize_token("full_body") == "Full body"
    assert humanize_token("") == ""


def test_program_review_reads_a_fixed_program_week_by_week(user, create_program):
    program = create_program(
        user, days_per_week=3, max_session_minutes=60, experience_level="INTERMEDIATE"
    )
    out = StringIO()
    call_command("program_review", str(program.pk), stdout=out)
    text = out.getvalue()
    assert text.startswith(
        f"{program.name} · strength 6, hypertrophy 4 · 3 days × 60 min"
    )
    assert "Week 1 · 3 lifting days · volume ×" in text
    assert "Week 4 (deload)" in text
    # Landmarks per group and the main lifts with their prescription.
    assert "chest" in text
    assert "MEV 10 MAV 12–20 MRV 22" in text
    assert "  main: " in text
    assert "@ RPE" in text
    assert "  picks: " in text
    assert "Invariants bent: push_pull " in text


def test_program_review_reads_a_beginner_against_the_landmarks_the_engine_uses(
    user, create_program
):
    # A beginner's MEV/MAV/MRV are RP's ×0.7 (volume.BEGINNER_SCALE), as the
    # engine and the mev_floor invariant hold them: chest 10 → 7, 12–20 →
    # 8.5–14, 22 → 15.5 (half sets). Unscaled, 8 chest sets read "below MEV".
    program = create_program(
        user, days_per_week=3, max_session_minutes=60, experience_level="BEGINNER"
    )
    out = StringIO()
    call_command("program_review", str(program.pk), stdout=out)
    text = out.getvalue()
    assert "Landmarks ×0.7: a beginner's MEV, MAV and MRV" in text
    assert "MEV 7 MAV 8.5–14 MRV 15.5" in text
    assert "MEV 10 MAV 12–20 MRV 22" not in text


def test_program_review_of_a_missing_program_is_an_error(db):
    with pytest.raises(CommandError, match="No program with id 999"):
        call_command("program_review", "999", stdout=StringIO())


def test_benchmark_leaves_no_queued_task_behind(library, settings, monkeypatch):
    # With the ORM broker (production), every create queues generation in the
    # program's transaction; the bench deletes its programs and their tasks.
    from django_q.conf import Conf
    from django_q.models import OrmQ

    monkeypatch.setattr(Conf, "SYNC", False)
    conf = {k: v for k, v in settings.Q_CLUSTER.items() if k not in ("sync", "redis")}
    settings.Q_CLUSTER = {**conf, "orm": "default"}
    call_command(
        "bench_generation", "--requests", "2", "--weeks", "8", "--days", "3",
        stdout=StringIO(),
    )  # fmt: skip
    assert not Program.objects.exists()
    assert not OrmQ.objects.exists()
