"""``manage.py load_circuits [--path FILE]``: load the shipped circuit library.

Creates or updates (by slug) every circuit in ``fixtures/circuits.json`` through
``movements.circuits.circuits_load``: all or nothing, idempotent, movements named
as in the movement library (load that first: ``loaddata movements``). Staff
changes to circuits the file does not list are kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from movements.circuits import circuits_load


class Command(BaseCommand):
    help = "Create or update the circuits in fixtures/circuits.json (by slug)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--path",
            help="Circuit file (default: fixtures/circuits.json).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(
            options["path"] or Path(settings.BASE_DIR) / "fixtures" / "circuits.json"
        )
        try:
            counts = circuits_load(path)
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"{path}: {exc}") from exc
        except ValidationError as exc:
            raise CommandError(f"{path}: {'; '.join(exc.messages)}") from exc
        by_type = ", ".join(f"{t} {n}" for t, n in sorted(counts.items()))
        self.stdout.write(f"Loaded {sum(counts.values())} circuits ({by_type}).")
