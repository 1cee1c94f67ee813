"""The load-test report's own logic (loadtests/): the split between setup and
steady state, the 503s a database restart is allowed, and the outage verdict.
The stack itself is exercised by ``make loadtest``; these pin what it prints.
The locustfile imports Locust, which monkey-patches the standard library with
gevent, so it is exercised in a subprocess of its own."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

LOADTESTS = Path(__file__).resolve().parents[2] / "loadtests"
sys.path.insert(0, str(LOADTESTS))

import outage  # noqa: E402
import run  # noqa: E402

SETUP_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from locust.stats import RequestStats
import locustfile

class Environment:
    stats = RequestStats()

environment, phase, seen = Environment(), locustfile.SetupPhase(), []
stats = environment.stats
stats.log_request("POST", "setup: POST /auth/register", 1800, 10)
stats.log_error("POST", "setup: POST /auth/login", "503 Server Error")
for n in range(3):
    phase.finished(environment)
    seen.append(stats.total.num_requests)
    stats.log_request("GET", "GET /days/{day}/plan/", 50, 10)
print(json.dumps(seen))
"""


def setup_phase(tmp_path: Path, users: str) -> tuple[list[int], Path]:
    """Three athletes finish their setup (one request logged between each);
    the total request count after each, and the setup CSV's path."""
    import os

    path = tmp_path / "setup.csv"
    env = {**os.environ, "ALLOY_LOAD_USERS": users, "ALLOY_LOAD_SETUP_CSV": str(path)}
    result = subprocess.run(
        [sys.executable, "-c", SETUP_SCRIPT, str(LOADTESTS)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1]), path


def test_setup_stats_are_written_and_reset_once_every_athlete_is_set_up(tmp_path):
    counts, path = setup_phase(tmp_path, users="2")
    # 1 setup request; +1 plan; the second athlete resets; +1 plan, never again.
    assert counts == [1, 0, 1]
    rows, total = run._table(path)
    called = {r["name"]: (r["requests"], r["p95"]) for r in rows if r["requests"]}
    assert called == {
        "GET /days/{day}/plan/": (1, "50"),
        "setup: POST /auth/register": (1, "1800"),
    }
    assert total["requests"] == 2
    assert "503 Server Error" in Path(f"{path}.failures").read_text()


def test_without_a_target_nothing_is_reset(tmp_path):
    counts, path = setup_phase(tmp_path, users="")
    assert counts == [1, 2, 3]
    assert not path.exists()


def test_only_failures_other_than_503_count_during_a_restart():
    failures = (
        "Method,Name,Error,Occurrences,First Seen,Last Seen\n"
        "GET,GET /days/{day}/plan/,HTTPError('503 Server Error'),4,a,b\n"
        "POST,POST /programs/,HTTPError('500 Server Error'),1,a,b\n"
    )
    assert run._failures_but_503(failures) == 1
    assert run._failures_but_503("") == 0


def an_outage(probes) -> outage.Outage:
    restart = outage.Outage(stack=None, url="", at=60, down=5)
    restart.stopped_at, restart.started_at = 100.0, 105.0
    restart.probes = probes
    return restart


HEALTHY_PROBES = [
    (101.0, 503, 503, "error"),
    (106.0, 200, 200, "ok"),
    (130.0, 200, 200, "ok"),
]
DONE = {"statuses": {"COMPLETED": 3}, "duplicated_positions": 0, "waited": 1}


def response(t: float, status: int, json_503: str = "") -> dict:
    return {
        "time": str(t),
        "name": "GET /x",
        "status": str(status),
        "json_503": json_503,
    }


def test_an_outage_answered_with_json_503s_that_recovers_passes(capsys):
    responses = [response(101, 503, "1"), response(107, 200)]
    assert outage.report(an_outage(HEALTHY_PROBES), responses, DONE)
    out = capsys.readouterr().out
    assert "API answers 200 again 1.0s after PostgreSQL is back" in out
    assert "503: 1" in out


@pytest.mark.parametrize(
    ("responses", "probes", "programs"),
    [
        ([response(101, 500)], HEALTHY_PROBES, DONE),  # a 500
        ([response(101, 503, "0")], HEALTHY_PROBES, DONE),  # a 503 without JSON
        ([response(101, 0)], HEALTHY_PROBES, DONE),  # no answer at all
        ([], HEALTHY_PROBES[:1], DONE),  # never recovered
        ([], HEALTHY_PROBES, {**DONE, "statuses": {"COMPLETED": 2, "FAILED": 1}}),
        ([], HEALTHY_PROBES, {**DONE, "duplicated_positions": 2}),
    ],
)
def test_an_outage_fails_on_a_500_no_recovery_or_unfinished_work(
    responses, probes, programs
):
    assert not outage.report(an_outage(probes), responses, programs)


def test_cpu_table_gives_each_tree_its_share_of_one_core(capsys):
    run._print_cpu(
        [
            (0.0, {"gunicorn": 10.0, "postgres": 1.0}),
            (60.0, {"gunicorn": 40.0, "postgres": 13.0, "locust": 3.0}),
            (120.0, {"gunicorn": 100.0, "postgres": 25.0, "locust": 6.0}),
        ]
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].split() == ["minute", "gunicorn", "locust", "postgres"]
    # 30 CPU-seconds in 60 s is 50 % of one core; a tree not yet seen is "-".
    assert lines[3].split() == ["1.0", "50", "-", "20"]
    assert lines[4].split() == ["2.0", "100", "5", "20"]


def test_stack_counts_the_cpu_of_its_process_trees():
    from stack import Stack

    stack = Stack(db="sqlite", tag="cpu-test")
    try:
        # A process tree that burns about 0.3 s of CPU in a child it starts.
        stack._spawn(
            "burner",
            [
                sys.executable,
                "-c",
                "import subprocess, sys, time; subprocess.Popen([sys.executable,"
                " '-c', 'import time\\nt=time.process_time()\\nwhile time.process_time()"
                "-t<0.3: pass\\ntime.sleep(30)']); time.sleep(30)",
            ],
        )
        deadline = time.monotonic() + 20
        used = 0.0
        while time.monotonic() < deadline:
            used = stack.cpu_seconds().get("burner", 0.0)
            if used >= 0.3:
                break
            time.sleep(0.1)
        assert used >= 0.3
    finally:
        stack.stop()
