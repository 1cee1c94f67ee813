"""Run the web server and a django-q2 worker together; Ctrl-C stops both.

The web server is uvicorn on ``coach.asgi``: the coach's voice streams a model's
answer over Server-Sent Events from async views, which hold an event-loop task
per stream instead of a thread, so slow answers never starve the other pages.
Static files are served by WhiteNoise's middleware, as under any server.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start the web server (127.0.0.1:8000 by default) and a task worker."

    def add_arguments(self, parser):
        parser.add_argument(
            "addrport", nargs="?", default="127.0.0.1:8000", help="host:port"
        )

    def handle(self, *args, addrport: str, **options):
        manage = str(settings.BASE_DIR / "manage.py")
        host, _, port = addrport.rpartition(":")
        # One uvicorn process (no reloader) that Ctrl-C stops with the worker; open
        # event streams get a few seconds to finish before it exits.
        web = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "coach.asgi:application",
                "--host",
                host.strip("[]") or "127.0.0.1",
                "--port",
                port or "8000",
                "--timeout-graceful-shutdown",
                "5",
                "--no-server-header",
            ],
            cwd=str(settings.BASE_DIR),
        )
        # The worker's processes lower their own CPU priority as they start
        # (ALLOY_WORKER_NICE, coach/worker.py): the pages stay quick while a
        # program is generated on the same cores.
        worker = subprocess.Popen([sys.executable, manage, "qcluster"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Alloy is running on http://{addrport}/ with a worker. Ctrl-C stops both."
            )
        )
        children = [web, worker]
        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping and all(p.poll() is None for p in children):
                time.sleep(0.3)
        finally:
            for process in children:
                if process.poll() is None:
                    process.send_signal(signal.SIGINT)
            deadline = time.monotonic() + 10
            for process in children:
                try:
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    process.kill()
            self.stdout.write("Stopped the web server and the worker.")
        failed = [p.returncode for p in children if p.returncode not in (0, None, -2)]
        if failed and not stopping:
            sys.exit(1)
