"""``manage.py program_review <id>``: read a stored program as a coach would.

Prints, per week: hard sets per landmark group against MEV/MAV/MRV and how many
days train it, pull:push hard sets, each main lift's sets × reps @ RPE, the tier
mix of the main and accessory picks, and every planner invariant that bent, with
the reason (``programs.generation.review``). Ends with the count per invariant.
"""

from __future__ import annotations

from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from programs import selectors
from programs.generation.review import INVARIANTS
from programs.generation.review_format import format_review
from programs.models import Program


class Command(BaseCommand):
    help = "Print a coach's week-by-week read-out of a stored program."

    def add_arguments(self, parser):
        parser.add_argument("program_id", type=int)

    def handle(self, *args, **opts):
        program = Program.objects.filter(pk=opts["program_id"]).first()
        if program is None:
            raise CommandError(f"No program with id {opts['program_id']}.")
        review = selectors.program_review(program=program)
        goals = ", ".join(f"{g.lower()} {w}" for g, w in program.goals)
        self.stdout.write(
            f"{program.name} · {goals} · {program.days_per_week} days × "
            f"{program.max_session_minutes} min · {program.experience_level.lower()}"
        )
        for line in format_review(review):
            self.stdout.write(line)
        counts = Counter(v.invariant for v in review.violations)
        summary = ", ".join(f"{name} {counts[name]}" for name in INVARIANTS)
        self.stdout.write(f"Invariants bent: {summary}")
        if review.long_sessions:
            self.stdout.write(
                f"Long sessions within ±5 %: {review.long_in_window} of "
                f"{review.long_sessions}"
            )
