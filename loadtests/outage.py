"""PostgreSQL restarted under load: ``loadtests/run.py --db postgres --restart-db-at 60``.

While Locust runs, :class:`Outage` stops the stack's own PostgreSQL (``pg_ctl -m
fast stop``, which ends every connection as an administrator shutdown does),
keeps it down ``--down-seconds``, starts it again, and meanwhile a probe asks
``/health`` and an authenticated ``GET /api/v1/programs/`` every quarter second.
Every Locust response is logged with its wall-clock time
(``ALLOY_LOAD_RESPONSES_CSV``; the locustfile). :func:`report` then prints:

* the athletes' responses by status from the stop until requests succeed again,
  and every 5xx of the whole run: a 503 must carry the JSON body
  ``{"code": "database_unavailable", …}``; any other 5xx (a 500) is a failure;
* how long after the start requests succeed again (the probe's first 200);
* ``/health`` during the outage (503 "degraded") and after (200 "ok");
* that every program created is COMPLETED once the worker has caught up, and no
  session holds two exercises in one position (no duplicated work).

Only the stack's private cluster is ever restarted (``Stack.restart_postgres``),
never the machine's.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

from stack import BASE_DIR, Stack

PROBE_EVERY = 0.25  # seconds


def _get(url: str, token: str = "") -> tuple[int, str]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except OSError as error:  # refused, reset, timed out: no HTTP answer at all
        return 0, str(error)


def _token(url: str) -> str:
    """Register a probe athlete and return its access token."""
    body = json.dumps(
        {"email": "outage-probe@alloy.local", "password": "probe-Pa55word!"}
    ).encode()
    request = urllib.request.Request(
        f"{url}/api/v1/auth/register",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["access"]


class Outage:
    """Restart the stack's PostgreSQL ``at`` seconds after :meth:`start`, down
    for ``down`` seconds, while probing the site (times are wall clock)."""

    def __init__(self, stack: Stack, url: str, *, at: float, down: float) -> None:
        self.stack, self.url, self.at, self.down = stack, url, at, down
        self.stopped_at = self.started_at = 0.0
        self.probes: list[tuple[float, int, int, str]] = []  # t, health, api, db
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        self.token = _token(self.url)
        self._threads = [
            threading.Thread(target=self._restart, daemon=True),
            threading.Thread(target=self._probe, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _restart(self) -> None:
        if self._stop.wait(self.at):
            return
        self.stopped_at = time.time()
        print(f"[outage] stopping PostgreSQL at +{self.at:.0f}s", flush=True)
        self.stack.stop_postgres()
        time.sleep(self.down)
        self.stack.start_postgres_again()
        self.started_at = time.time()
        print(
            f"[outage] PostgreSQL up again after {self.started_at - self.stopped_at:.1f}s",
            flush=True,
        )

    def _probe(self) -> None:
        while not self._stop.wait(PROBE_EVERY):
            health, body = _get(f"{self.url}/health")
            try:
                database = json.loads(body)["database"]["status"]
            except (ValueError, KeyError, TypeError):
                database = "no json"
            api, _ = _get(f"{self.url}/api/v1/programs/", self.token)
            self.probes.append((time.time(), health, api, database))

    def finish(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=self.down + 60)

    def recovered_at(self) -> float | None:
        """Wall time of the probe's first 200 from the API after the start."""
        for moment, _health, api, _db in self.probes:
            if moment >= self.started_at and api == 200:
                return moment
        return None


def read_responses(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open() as handle:
        return list(csv.DictReader(handle))


PROGRAMS_CHECK = """
import json, time
from django.db.models import Count
from programs.models import GenerationStatus, Program, SessionExercise
deadline = time.monotonic() + {wait}
while time.monotonic() < deadline:
    open_ = Program.objects.exclude(generation_status=GenerationStatus.COMPLETED)
    if not open_.exists():
        break
    time.sleep(1)
statuses = dict(Program.objects.values_list("generation_status").annotate(n=Count("id")))
duplicated = (
    SessionExercise.objects.values("session_id", "order")
    .annotate(n=Count("id")).filter(n__gt=1).count()
)
print(json.dumps({{"statuses": statuses, "duplicated_positions": duplicated,
                  "waited": round({wait} - (deadline - time.monotonic()), 1)}}))
"""


def check_programs(stack: Stack, wait: float = 120) -> dict:
    """Wait (up to ``wait`` s) for every program to be COMPLETED; count session
    positions holding more than one exercise."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROGRAMS_CHECK.format(wait=wait)],
        cwd=BASE_DIR,
        env=stack.env,
        capture_output=True,
        text=True,
    )
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": (result.stderr or result.stdout)[-1000:]}


def report(outage: Outage, responses: list[dict], programs: dict) -> bool:
    """Print the outage report; True when it holds (no 5xx but JSON 503s, the
    site recovered, every program COMPLETED, nothing duplicated)."""
    ok = True
    recovered = outage.recovered_at()
    end = recovered or (outage.started_at + 60)
    window = [r for r in responses if outage.stopped_at <= float(r["time"]) <= end]
    print("\nPOSTGRESQL RESTART")
    print(
        f"  stopped at +{outage.at:.0f}s, down {outage.started_at - outage.stopped_at:.1f}s"
    )
    if recovered:
        print(
            f"  API answers 200 again {recovered - outage.started_at:.1f}s after "
            f"PostgreSQL is back ({recovered - outage.stopped_at:.1f}s after the stop)"
        )
    else:
        print("  FAIL the API never answered 200 again")
        ok = False
    by_status = Counter(r["status"] for r in window)
    print(
        "  athletes' responses from the stop until the API answered again: "
        + ", ".join(f"{status}: {n}" for status, n in sorted(by_status.items()))
    )
    fives = [r for r in responses if r["status"].startswith("5") or r["status"] == "0"]
    bad = [r for r in fives if r["status"] != "503" or r["json_503"] != "1"]
    good_503 = len(fives) - len(bad)
    print(f"  whole run: {good_503} × 503 with the JSON database_unavailable body")
    if bad:
        ok = False
        kinds = Counter((r["status"], r["name"]) for r in bad)
        print("  FAIL other 5xx / no answer:")
        for (status, name), n in kinds.most_common(10):
            print(f"    {n:5} × {status} {name}")
    else:
        print("  PASS no 500 and no request without an answer")
    during = [p for p in outage.probes if outage.stopped_at <= p[0] <= end]
    after = [p for p in outage.probes if p[0] > end]
    print(
        "  /health during: "
        + ", ".join(
            f"{h} {db}: {n}"
            for (h, db), n in sorted(Counter((p[1], p[3]) for p in during).items())
        )
    )
    if after:
        last = after[-1]
        healthy = last[1] == 200 and last[3] == "ok"
        ok &= healthy
        print(
            f"  {'PASS' if healthy else 'FAIL'} /health after: {last[1]} "
            f"database {last[3]}"
        )
    statuses = programs.get("statuses", {})
    done = set(statuses) == {"COMPLETED"}
    dupes = programs.get("duplicated_positions", -1)
    ok &= done and dupes == 0
    print(
        f"  {'PASS' if done else 'FAIL'} programs by status after "
        f"{programs.get('waited', '?')}s of waiting: {statuses or programs}"
    )
    print(
        f"  {'PASS' if dupes == 0 else 'FAIL'} duplicated exercise positions: {dupes}"
    )
    return ok
