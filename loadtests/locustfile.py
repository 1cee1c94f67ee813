"""Alloy under load: the seeds' athlete mix (seeds 003 s5) against the JSON API.

Each simulated athlete registers, logs in with JWT, creates its own program and
waits for the worker to generate it, then loops over the mix
**plan 20 %, adapt 15 %, log 15 %, deload 10 %, program 5 %, idle 35 %** with a
1–5 s think time (:class:`Athlete`). :class:`StressAthlete` thinks 0.1–0.5 s and
leans on adapt and plan. Endpoints that are not on this build's
``/api/schema/`` (the daily coach's ``/days/{day}/plan/``, ``…/adapt/`` and
``…/deload-now/`` before it lands) are skipped with one printed note, and the
task falls back as documented on each task.

Run it through ``loadtests/run.py`` (``make loadtest``), which brings the stack up,
picks the scenario and prints the tables. Request names group by route
(``GET /days/{day}/plan/``), setup requests start with ``setup:``.

**Ramp-up, then steady state.** Each athlete's setup (register and log in: two
PBKDF2 hashes; create a program and wait for the worker to generate it) is
counted in :class:`SetupPhase`. When every athlete of the run
(``ALLOY_LOAD_USERS``) has finished its setup, the statistics so far are written
to ``ALLOY_LOAD_SETUP_CSV`` (same columns as Locust's ``--csv`` stats; the
failures beside it) and reset once: Locust's own CSV then holds the steady state
only, on which the targets are judged.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import threading
import time
import uuid

from locust import HttpUser, LoadTestShape, between, events, task
from locust.exception import StopUser

API = "/api/v1"
PASSWORD = "load-test-Pa55word!"
# How long a new athlete waits for its program to be generated before it starts
# the mix anyway (the session skeleton is there from the first response).
GENERATION_WAIT_SECONDS = float(os.environ.get("ALLOY_LOAD_GENERATION_WAIT", "20"))

_routes: set[str] | None = None
_routes_lock = threading.Lock()
_noted: set[str] = set()


def note_once(key: str, message: str) -> None:
    """Print ``message`` once per process (a skipped endpoint, a fallback)."""
    if key not in _noted:
        _noted.add(key)
        print(f"[alloy-load] {message}", flush=True)  # noqa: T201


class SetupPhase:
    """Counts athletes that finished their setup (set up or given up); when the
    last of ``ALLOY_LOAD_USERS`` does, snapshots the statistics to
    ``ALLOY_LOAD_SETUP_CSV`` and resets them (once per process). Without both
    variables (a plain ``locust`` run, or the spike, whose athletes come and go)
    nothing is reset."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.done = 0
        self.reset_at: float | None = None
        self.started = time.monotonic()

    def finished(self, environment) -> None:
        target = int(os.environ.get("ALLOY_LOAD_USERS") or 0)
        path = os.environ.get("ALLOY_LOAD_SETUP_CSV", "")
        with self.lock:
            self.done += 1
            if not target or not path or self.reset_at is not None:
                return
            if self.done < target:
                return
            self.reset_at = time.monotonic()
            write_stats_csv(environment.stats, path)
            environment.stats.reset_all()
        print(  # noqa: T201
            f"[alloy-load] all {target} athletes set up after "
            f"{self.reset_at - self.started:.0f}s: statistics reset, steady state "
            "from here",
            flush=True,
        )


def write_stats_csv(stats, path: str) -> None:
    """The statistics so far as Locust's stats CSV (Type, Name, Request Count,
    Failure Count, 50%, 95%, 99% in ms, Requests/s), plus ``<path>.failures``
    (Method, Name, Error, Occurrences)."""
    import csv

    columns = ["Type", "Name", "Request Count", "Failure Count", "50%", "95%"]
    columns += ["99%", "Requests/s"]
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for entry in [*stats.entries.values(), stats.total]:
            counted = entry.num_requests > 0
            writer.writerow(
                [
                    entry.method or "",
                    entry.name,
                    entry.num_requests,
                    entry.num_failures,
                    *(
                        entry.get_response_time_percentile(q) if counted else "N/A"
                        for q in (0.5, 0.95, 0.99)
                    ),
                    f"{entry.total_rps:.2f}",
                ]
            )
    with open(f"{path}.failures", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Method", "Name", "Error", "Occurrences"])
        for error in stats.errors.values():
            writer.writerow([error.method, error.name, error.error, error.occurrences])


SETUP = SetupPhase()


class ResponseLog:
    """Every response with its wall-clock end time, status and whether a 503
    carries the JSON ``database_unavailable`` body, to ``ALLOY_LOAD_RESPONSES_CSV``
    when it is set (``run.py --restart-db-at``: the outage report)."""

    def __init__(self) -> None:
        self.writer = None
        self.handle = None

    def record(self, name, response=None, **kwargs) -> None:
        path = os.environ.get("ALLOY_LOAD_RESPONSES_CSV")
        if not path:
            return
        if self.writer is None:
            import csv

            self.handle = open(path, "w", newline="")  # noqa: SIM115
            self.writer = csv.writer(self.handle)
            self.writer.writerow(["time", "name", "status", "json_503"])
        status = getattr(response, "status_code", 0) or 0
        json_503 = ""
        if status == 503:
            try:
                json_503 = str(
                    int(response.json().get("code") == "database_unavailable")
                )
            except (ValueError, AttributeError):
                json_503 = "0"
        self.writer.writerow([f"{time.time():.3f}", name, status, json_503])

    def close(self, **kwargs) -> None:
        if self.handle is not None:
            self.handle.close()


RESPONSES = ResponseLog()
events.request.add_listener(RESPONSES.record)
events.quitting.add_listener(RESPONSES.close)


def available_routes(client) -> set[str]:
    """The API paths of this build, from its OpenAPI schema (read once)."""
    global _routes
    with _routes_lock:
        if _routes is None:
            response = client.get(
                "/api/schema/?format=json", name="setup: GET /api/schema/"
            )
            try:
                _routes = set(response.json().get("paths", {}))
            except ValueError:
                _routes = set()
        return _routes


class Athlete(HttpUser):
    """One athlete with the seeds' mix and a human think time."""

    weight = 10
    wait_time = between(1, 5)

    def on_start(self) -> None:
        try:
            self._set_up()
        finally:
            SETUP.finished(self.environment)

    def _set_up(self) -> None:
        """Register, log in, create a program and wait for its generation."""
        routes = available_routes(self.client)
        self.has_plan = f"{API}/days/{{day}}/plan/" in routes
        self.has_adapt = f"{API}/days/{{day}}/adapt/" in routes
        self.has_deload = f"{API}/programs/{{program_id}}/deload-now/" in routes
        if not self.has_plan:
            note_once(
                "plan",
                "no /days/{day}/plan/ on this build: 'plan' reads today's session "
                "(GET /programs/{id}/sessions/{sid}/) instead",
            )
        if not self.has_adapt:
            note_once("adapt", "no /days/{day}/adapt/ on this build: adapt skipped")
        if not self.has_deload:
            note_once(
                "deload", "no /programs/{id}/deload-now/ on this build: deload skipped"
            )
        self.email = f"load-{uuid.uuid4().hex[:12]}@alloy.local"
        token = ""
        # A 503 (database busy) is retried like a person would, then given up.
        for _ in range(3):
            response = self.client.post(
                f"{API}/auth/register",
                json={"email": self.email, "password": PASSWORD, "name": "Load"},
                name="setup: POST /auth/register",
            )
            if response.status_code < 500:
                break
            time.sleep(1)
        for _ in range(3):
            response = self.client.post(
                f"{API}/auth/login",
                json={"email": self.email, "password": PASSWORD},
                name="setup: POST /auth/login",
            )
            if response.ok:
                token = response.json()["access"]
                break
            time.sleep(1)
        if not token:
            note_once("login", "an athlete could not log in and stopped")
            raise StopUser()
        self.client.headers["Authorization"] = f"Bearer {token}"
        self.program_id = self._create_program(name="setup: POST /programs/")
        self.session_ids, self.movement_ids = self._wait_for_program()

    # -- helpers ---------------------------------------------------------------
    def _program_body(self) -> dict:
        return {
            "goals": [
                {"goal": "STRENGTH", "weight": 6},
                {"goal": "HYPERTROPHY", "weight": 4},
            ],
            "duration_weeks": 8,
            "days_per_week": 4,
            "max_session_minutes": 60,
            "start_date": (
                dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
            ).isoformat(),
        }

    def _create_program(self, *, name: str) -> int | None:
        with self.client.post(
            f"{API}/programs/",
            json=self._program_body(),
            name=name,
            catch_response=True,
        ) as response:
            if response.status_code != 202:
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return None
            return response.json()["id"]

    def _wait_for_program(self) -> tuple[list[int], list[int]]:
        """Poll generation-status until COMPLETED; return the training session
        ids and the movement ids the program prescribes."""
        self.training_days: list[str] = []
        if self.program_id is None:
            return [], []
        deadline = time.monotonic() + GENERATION_WAIT_SECONDS
        status = ""
        while time.monotonic() < deadline:
            response = self.client.get(
                f"{API}/programs/{self.program_id}/generation-status/",
                name="setup: GET /programs/{id}/generation-status/",
            )
            status = response.json().get("status", "") if response.ok else ""
            if status in ("COMPLETED", "FAILED"):
                break
            time.sleep(1)
        if status != "COMPLETED":
            note_once("gen", f"a program was not generated in time (status {status!r})")
        response = self.client.get(
            f"{API}/programs/{self.program_id}/", name="setup: GET /programs/{id}/"
        )
        sessions, movements = [], []
        if response.ok:
            for microcycle in response.json().get("microcycles", []):
                for session in microcycle.get("sessions", []):
                    if session.get("exercises"):
                        sessions.append(session["id"])
                        self.training_days.append(session.get("date"))
                        movements += [
                            e["movement"]["id"]
                            if isinstance(e.get("movement"), dict)
                            else e.get("movement")
                            for e in session["exercises"]
                        ]
        return sessions, [m for m in movements if isinstance(m, int)] or [1]

    # -- the mix -----------------------------------------------------------------
    @task(20)
    def plan(self) -> None:
        """Today's plan (the daily coach), or today's session before it lands."""
        if self.has_plan:
            self.client.get(
                f"{API}/days/{dt.date.today().isoformat()}/plan/",
                name="GET /days/{day}/plan/",
            )
        elif self.session_ids:
            session_id = random.choice(self.session_ids)
            self.client.get(
                f"{API}/programs/{self.program_id}/sessions/{session_id}/",
                name="GET /programs/{id}/sessions/{sid}/ (plan)",
            )

    @task(15)
    def adapt(self) -> None:
        """Check in for today and get the adapted session."""
        if not self.has_adapt:
            return
        today = dt.date.today().isoformat()
        upcoming = [d for d in self.training_days if d and d >= today]
        day = random.choice(upcoming or self.training_days or [today])
        self.client.post(
            f"{API}/days/{day}/adapt/",
            json={
                "sleep_hours": random.choice(["5.5", "7", "8.5"]),
                "stress": random.randint(1, 5),
                "energy": random.randint(1, 5),
                "soreness": {},
                "readapt": True,
            },
            name="POST /days/{day}/adapt/",
        )

    @task(15)
    def log(self) -> None:
        """Log a workout of three sets of a movement from the program."""
        movement = random.choice(self.movement_ids)
        load = random.choice([40, 60, 80, 100])
        self.client.post(
            f"{API}/logs/custom-workout/",
            json={
                "name": "Load test",
                "sets": [
                    {"movement_id": movement, "load": load, "reps": 5, "rpe": 8}
                    for _ in range(3)
                ],
            },
            name="POST /logs/custom-workout/",
        )

    @task(10)
    def deload(self) -> None:
        """Turn the program's next loading week into a deload."""
        if not self.has_deload or self.program_id is None:
            return
        with self.client.post(
            f"{API}/programs/{self.program_id}/deload-now/",
            name="POST /programs/{id}/deload-now/",
            catch_response=True,
        ) as response:
            # A program with no loading week left refuses with a 400: the
            # domain's answer, not an error of the stack.
            if response.status_code in (202, 400):
                response.success()

    @task(5)
    def program(self) -> None:
        """Create another program (202; the worker generates it)."""
        self._create_program(name="POST /programs/")

    @task(35)
    def idle(self) -> None:
        """An athlete reading the screen: no request."""


class StressAthlete(Athlete):
    """Short think time, heavier on adapt and plan (seeds 003's stress user)."""

    weight = 1
    wait_time = between(0.1, 0.5)
    tasks = {
        Athlete.plan: 30,
        Athlete.adapt: 30,
        Athlete.log: 20,
        Athlete.deload: 5,
        Athlete.program: 5,
        Athlete.idle: 10,
    }


# ---------------------------------------------------------------------------
# Scenarios (ALLOY_LOAD_SCENARIO): users, spawn rate, and the spike's shape
# ---------------------------------------------------------------------------
SCENARIOS = {
    # name: (users, spawn rate per second)
    "light": (10, 2),
    "medium": (50, 5),
    "stress": (100, 10),
    "endurance": (50, 5),
    "spike": (100, 50),
}


if os.environ.get("ALLOY_LOAD_SCENARIO") == "spike":
    # Defined only for the spike: Locust drives any shape class it finds.

    class SpikeShape(LoadTestShape):
        """``spike``: 10 athletes, then 100 within two seconds for the middle
        third of the run, then back to 10 — does the stack recover?"""

        def tick(self):
            elapsed = self.get_run_time()
            limit = float(os.environ.get("ALLOY_LOAD_SECONDS", "180"))
            if elapsed > limit:
                return None
            third = limit / 3
            if elapsed < third:
                return (10, 5)
            if elapsed < 2 * third:
                return (100, 50)
            return (10, 50)


@events.init_command_line_parser.add_listener
def _(parser) -> None:  # keep `locust --help` aware of the scenario variable
    parser.add_argument(
        "--alloy-scenario",
        default=os.environ.get("ALLOY_LOAD_SCENARIO", "medium"),
        help="light | medium | stress | spike | endurance (loadtests/run.py sets it)",
    )
