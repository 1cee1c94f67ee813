"""Bring up Alloy's production-style stack on loopback, and take it down again.

Used by ``loadtests/run.py`` (``make loadtest``) and
``loadtests/bench_clusters.py`` (``make bench-clusters``). Everything listens on
127.0.0.1 only, on ports free when it starts (:func:`free_port`), lives in one
temporary directory and is stopped (terminate, then kill after a grace period)
when the :class:`Stack` context exits:

* PostgreSQL 15: a private cluster (``initdb`` as the ``postgres`` user when run
  as root) on its own port, never the machine's shared cluster;
  :meth:`Stack.stop_postgres` and :meth:`Stack.start_postgres_again` restart it
  (``loadtests/run.py --restart-db-at``);
* redis-server without persistence;
* gunicorn (``coach.wsgi``) with N sync workers;
* K ``manage.py qcluster`` processes, whose worker processes lower their CPU
  priority to ``ALLOY_WORKER_NICE`` (default 10, from the caller's environment)
  as they start (coach/worker.py), as in production: the web answers first.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PG_BIN = Path(os.environ.get("ALLOY_PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now: two stacks (a long endurance run
    and a short check) never collide on fixed ports."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as ``postgres`` then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


class Stack:
    """A temporary stack: ``with Stack(db="postgres", redis=True) as stack: …``.

    ``stack.env`` is the environment every Alloy process gets (the database and
    broker URLs, a fresh secret key, throttles raised out of a load test's way).
    """

    def __init__(self, *, db: str = "sqlite", redis: bool = False, tag: str = "load"):
        if db not in ("sqlite", "postgres"):
            raise ValueError("db must be sqlite or postgres")
        self.db = db
        self.redis = redis
        self.dir = Path(tempfile.mkdtemp(prefix=f"alloy-{tag}-"))
        os.chmod(self.dir, 0o777)  # the postgres user writes its cluster here
        self.processes: list[tuple[str, subprocess.Popen]] = []
        self.pg_data: Path | None = None
        self.pg_port: int | None = None
        self._pg_options = ""
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "coach.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
            "DJANGO_DEBUG": "false",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "ALLOY_LOG_LEVEL": "WARNING",
            # A load test registers and creates programs far faster than people.
            "ALLOY_THROTTLE_AUTH": "1000000/min",
            "ALLOY_THROTTLE_LOGIN_ACCOUNT": "1000000/min",
            "ALLOY_THROTTLE_PROGRAM_CREATE": "1000000/min",
            "ALLOY_THROTTLE_EXPENSIVE": "1000000/min",
        }
        for key in ("DATABASE_URL", "Q_CLUSTER_REDIS", "CACHE_URL"):
            self.env.pop(key, None)

    # -- services --------------------------------------------------------------
    def _spawn(self, name: str, cmd: list[str], **kwargs) -> subprocess.Popen:
        log = (self.dir / f"{name}.log").open("w")
        process = subprocess.Popen(
            cmd,
            cwd=BASE_DIR,
            env=kwargs.pop("env", self.env),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **kwargs,
        )
        self.processes.append((name, process))
        return process

    def start_postgres(self, port: int | None = None) -> str:
        port = port or free_port()
        self.pg_port = port
        self.pg_data = self.dir / "pg"
        subprocess.run(
            _as_postgres(
                [
                    str(PG_BIN / "initdb"),
                    "-D",
                    str(self.pg_data),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "--no-sync",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self._pg_options = (
            f"-p {port} -c listen_addresses=127.0.0.1 -k {self.dir} "
            "-c max_connections=300 -c shared_buffers=256MB"
        )
        self._pg_ctl("start")
        return f"postgres://postgres@127.0.0.1:{port}/postgres"

    def _pg_ctl(self, action: str) -> None:
        """``pg_ctl start`` (with this stack's options) or ``stop -m fast`` on
        the stack's own cluster, waiting until it is done."""
        if self.pg_data is None:
            raise RuntimeError("this stack runs no PostgreSQL of its own")
        extra = ["-o", self._pg_options] if action == "start" else ["-m", "fast"]
        subprocess.run(
            _as_postgres(
                [
                    str(PG_BIN / "pg_ctl"),
                    "-D",
                    str(self.pg_data),
                    *extra,
                    "-l",
                    str(self.dir / "postgres.log"),
                    "-w",
                    action,
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def stop_postgres(self) -> None:
        """Stop the stack's own PostgreSQL (fast shutdown: every session is
        ended, as when an operator restarts it). Never the machine's cluster."""
        self._pg_ctl("stop")

    def start_postgres_again(self) -> None:
        """Start the stack's PostgreSQL after :meth:`stop_postgres`, same port."""
        self._pg_ctl("start")

    def start_redis(self, port: int | None = None) -> str:
        port = port or free_port()
        self._spawn(
            "redis",
            [
                "redis-server",
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
        )
        for _ in range(50):
            with contextlib.suppress(OSError):
                import socket

                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return f"redis://127.0.0.1:{port}"
            time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def __enter__(self) -> Stack:
        try:
            if self.db == "postgres":
                self.env["DATABASE_URL"] = self.start_postgres()
            else:
                self.env["ALLOY_SQLITE_PATH"] = str(self.dir / "alloy.sqlite3")
            if self.redis:
                url = self.start_redis()
                self.env["Q_CLUSTER_REDIS"] = f"{url}/0"
                self.env["CACHE_URL"] = f"{url}/1"
            self.manage("migrate", "--noinput")
            self.manage("loaddata", "movements")
            self.manage("schedule_generation_sweep")
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def manage(self, *args: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start_gunicorn(self, *, workers: int, port: int | None = None) -> str:
        port = port or free_port()
        self._spawn(
            "gunicorn",
            [
                str(VENV_BIN / "gunicorn"),
                "coach.wsgi:application",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
                "--log-level",
                "warning",
            ],
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{url}/health", timeout=2),
            ):
                return url
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer; see {self.dir}/gunicorn.log")

    def start_clusters(self, count: int, *, workers: int = 2) -> None:
        env = {**self.env, "Q_CLUSTER_WORKERS": str(workers)}
        for n in range(count):
            self._spawn(
                f"qcluster-{n + 1}", [sys.executable, "manage.py", "qcluster"], env=env
            )

    def stop_clusters(self) -> None:
        """Stop every qcluster started so far (SIGTERM: they finish their task)."""
        clusters = [(n, p) for n, p in self.processes if n.startswith("qcluster")]
        for _, process in clusters:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for item in clusters:
            try:
                item[1].wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(item[1].pid, signal.SIGKILL)
                item[1].wait()
            self.processes.remove(item)

    # -- observation -------------------------------------------------------------
    def rss_mb(self) -> dict[str, float]:
        """Resident memory (MiB) of each started process tree (gunicorn: master
        and workers; qcluster: sentinel, pusher, monitor, workers)."""
        import psutil

        sizes = {}
        for name, process in self.processes:
            try:
                root = psutil.Process(process.pid)
                tree = [root, *root.children(recursive=True)]
                sizes[name] = sum(p.memory_info().rss for p in tree) / 1_048_576
            except psutil.Error:
                continue
        return sizes

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time (user + system, seconds) each started process tree has used
        so far, the stack's own PostgreSQL (postmaster and backends) as
        ``postgres``. Children that exited and were reaped count through their
        parent's ``children_user``/``children_system`` (a recycled worker)."""
        import psutil

        roots: list[tuple[str, int]] = [(n, p.pid) for n, p in self.processes]
        pid_file = self.pg_data / "postmaster.pid" if self.pg_data else None
        if pid_file is not None and pid_file.exists():
            with contextlib.suppress(ValueError, OSError):
                roots.append(("postgres", int(pid_file.read_text().split()[0])))
        used: dict[str, float] = {}
        for name, pid in roots:
            try:
                root = psutil.Process(pid)
                total = 0.0
                for proc in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        t = proc.cpu_times()
                        total += t.user + t.system + t.children_user
                        total += t.children_system
                used[name] = total
            except psutil.Error:
                continue
        return used

    def log_text(self) -> str:
        return "\n".join(
            path.read_text(errors="replace") for path in sorted(self.dir.glob("*.log"))
        )

    # -- teardown ----------------------------------------------------------------
    def stop(self) -> None:
        for _, process in reversed(self.processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for _, process in reversed(self.processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()
        if self.pg_data is not None and (self.pg_data / "postmaster.pid").exists():
            subprocess.run(
                _as_postgres(
                    [
                        str(PG_BIN / "pg_ctl"),
                        "-D",
                        str(self.pg_data),
                        "-m",
                        "fast",
                        "-w",
                        "stop",
                    ]
                ),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        if not os.environ.get("ALLOY_KEEP_STACK_DIR"):
            shutil.rmtree(self.dir, ignore_errors=True)
