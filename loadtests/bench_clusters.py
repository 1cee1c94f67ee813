"""``make bench-clusters``: generation throughput with 1, 2 and 4 django-q2
clusters on the scale-out topology (PostgreSQL + Redis broker and cache).

Starts a private PostgreSQL and redis-server on loopback (``loadtests/stack.py``),
then for each K: starts K ``qcluster`` processes (``--workers`` each), waits until
all K have checked in (``/health``'s source: django-q2 stats in the shared
cache), enqueues ``--programs`` programs (8 weeks × 4 days: 32 training
sessions each) through the real service, and times first enqueue → last program
COMPLETED. Prints programs per minute, the ratio to one cluster and the
throughput per core; stops everything. The workers run at ``ALLOY_WORKER_NICE``
(default 10) as everywhere; with nothing else on the cores that costs them no
throughput (set ``ALLOY_WORKER_NICE=0`` to compare).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stack import Stack  # noqa: E402


def _wait_for_clusters(count: int, timeout: float = 90) -> None:
    from django_q.brokers import get_broker
    from django_q.status import Stat

    deadline = time.monotonic() + timeout
    broker = get_broker()
    while time.monotonic() < deadline:
        if len(Stat.get_all(broker=broker)) >= count:
            return
        time.sleep(0.5)
    raise RuntimeError(f"only {len(Stat.get_all(broker=broker))} of {count} clusters")


def _round(stack: Stack, clusters: int, programs: int, workers: int) -> float:
    """Seconds from the first enqueue to the last program COMPLETED."""
    from coach.models import User
    from programs.models import GenerationStatus, Program
    from programs.services import ProgramInput, program_create

    stack.start_clusters(clusters, workers=workers)
    _wait_for_clusters(clusters)
    user = User.objects.create_user(
        email=f"bench-{clusters}-{time.time_ns()}@alloy.local", password="x" * 12
    )
    started = time.monotonic()
    ids = [
        program_create(
            user=user,
            data=ProgramInput(
                goals=[("STRENGTH", 6), ("HYPERTROPHY", 4)],
                duration_weeks=8,
                days_per_week=4,
                max_session_minutes=60,
                start_date=dt.date(2026, 1, 5),
            ),
        )[0].pk
        for _ in range(programs)
    ]
    while True:
        open_ = Program.objects.filter(pk__in=ids).exclude(
            generation_status__in=[GenerationStatus.COMPLETED, GenerationStatus.FAILED]
        )
        if not open_.exists():
            break
        if time.monotonic() - started > 600:
            raise RuntimeError("generation did not finish in 10 minutes")
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    failed = Program.objects.filter(pk__in=ids, generation_status="FAILED").count()
    if failed:
        raise RuntimeError(f"{failed} programs FAILED")
    stack.stop_clusters()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programs", type=int, default=24)
    parser.add_argument("--workers", type=int, default=1, help="per cluster")
    parser.add_argument("--clusters", default="1,2,4")
    args = parser.parse_args()
    counts = [int(n) for n in args.clusters.split(",")]
    cores = os.cpu_count() or 1
    print(
        f"== generation throughput, PostgreSQL + Redis, {args.programs} programs "
        f"(8 weeks x 4 days) per round, {args.workers} worker(s) per cluster; "
        f"{cores} cores, load average {os.getloadavg()[0]:.2f} before",
        flush=True,
    )
    results = {}
    with Stack(db="postgres", redis=True, tag="bench") as stack:
        os.environ.update(stack.env)
        import django

        django.setup()
        from django_q.conf import Conf

        Conf.SYNC = False
        for count in counts:
            elapsed = _round(stack, count, args.programs, args.workers)
            results[count] = args.programs / elapsed * 60
            print(
                f"  {count} cluster(s): {elapsed:6.1f} s, "
                f"{results[count]:6.1f} programs/min (load average "
                f"{os.getloadavg()[0]:.2f})",
                flush=True,
            )
    base = results[counts[0]]
    print(f"\n{'clusters':>8} {'programs/min':>13} {'ratio':>6} {'per core':>9}")
    for count, rate in results.items():
        print(f"{count:>8} {rate:>13.1f} {rate / base:>6.2f} {rate / cores:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
