"""Create a program from the command line, and print it week by week (or as JSON).

    python manage.py create_program --email demo@alloy.local \
        --goal STRENGTH=6 --goal HYPERTROPHY=4 --weeks 8 --days 4 --minutes 60 \
        [--experience INTERMEDIATE] [--equipment dumbbell,bench] \
        [--hard-no "Barbell Squat"] [--split UPPER_LOWER] [--start 2026-01-05] \
        [--sync] [--json]

Without ``--sync`` generation is queued for the worker, as from the API. With
``--json`` it prints exactly the ``GET /api/v1/programs/{id}/`` body.
"""

from __future__ import annotations

import datetime as dt
import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from rest_framework.test import APIRequestFactory, force_authenticate

from coach.models import ExperienceLevel, User
from movements.models import Equipment, Movement
from programs import selectors, services
from programs.api.views import ProgramDetailApi
from programs.models import Program
from programs.templatetags.program_tags import humanize_token


def _goal(value: str) -> tuple[str, int]:
    goal, _, weight = value.partition("=")
    if not weight.strip().lstrip("-").isdigit():
        raise CommandError(
            f"--goal takes GOAL=WEIGHT, e.g. STRENGTH=6 (got {value!r})."
        )
    return goal.strip().upper(), int(weight)


class Command(BaseCommand):
    help = "Create a program for a user; --sync generates it in-process."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--goal", action="append", default=[], type=_goal)
        parser.add_argument("--weeks", type=int, required=True)
        parser.add_argument("--days", type=int, required=True)
        parser.add_argument("--minutes", type=int, required=True)
        parser.add_argument("--name", default="")
        parser.add_argument("--experience", choices=ExperienceLevel.values)
        parser.add_argument("--split")
        parser.add_argument("--progression")
        parser.add_argument("--start", type=dt.date.fromisoformat)
        parser.add_argument(
            "--equipment",
            action="append",
            help="Comma-separated equipment; repeatable. Omit for the athlete's own "
            "(a commercial gym if they never set any).",
        )
        parser.add_argument(
            "--hard-no",
            action="append",
            default=[],
            help="A movement name or slug never to program; repeatable.",
        )
        parser.add_argument("--sync", action="store_true")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        user = User.objects.filter(email__iexact=opts["email"]).first()
        if user is None:
            raise CommandError(f"No user with email {opts['email']!r}.")
        equipment = None
        if opts["equipment"]:
            equipment = [
                e.strip() for chunk in opts["equipment"] for e in chunk.split(",")
            ]
            unknown = sorted(set(equipment) - set(Equipment.values))
            if unknown:
                raise CommandError(
                    f"Unknown equipment {unknown}; choose from {sorted(Equipment.values)}."
                )
        rules = [
            {"movement_id": self._movement(name).pk, "rule": "HARD_NO"}
            for name in opts["hard_no"]
        ]
        data = services.ProgramInput(
            name=opts["name"],
            goals=opts["goal"],
            duration_weeks=opts["weeks"],
            days_per_week=opts["days"],
            max_session_minutes=opts["minutes"],
            experience_level=opts["experience"],
            split_template=opts["split"],
            progression_style=opts["progression"],
            start_date=opts["start"],
            equipment=equipment,
            movement_rules=rules,
        )
        try:
            program, warnings = services.program_create(
                user=user, data=data, enqueue=not opts["sync"]
            )
        except ValidationError as exc:
            lines = [
                f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items()
            ]
            raise CommandError("Invalid program:\n  " + "\n  ".join(lines)) from exc
        if opts["sync"]:
            services.program_generate(program_id=program.pk)
        program.refresh_from_db()
        if opts["json"]:
            self.stdout.write(self._json(program, user))
            return
        for warning in warnings:
            self.stderr.write(self.style.WARNING(f"Warning: {warning}"))
        self._print_plan(program)

    def _movement(self, name: str) -> Movement:
        match = Movement.objects.filter(
            Q(name__iexact=name) | Q(slug__iexact=name)
        ).first()
        if match is None:
            raise CommandError(f"No movement called {name!r}.")
        return match

    def _json(self, program: Program, user: User) -> str:
        request = APIRequestFactory().get(
            f"/api/v1/programs/{program.pk}/", HTTP_HOST="127.0.0.1:8000"
        )
        force_authenticate(request, user=user)
        response = ProgramDetailApi.as_view()(request, program_id=program.pk)
        response.render()
        return json.dumps(json.loads(response.content), indent=2)

    def _print_plan(self, program: Program) -> None:
        program = selectors.program_detail_prefetch(
            Program.objects.filter(pk=program.pk)
        ).get()
        goals = ", ".join(f"{g.title()} ${w}" for g, w in program.goals)
        out = self.stdout
        out.write(self.style.MIGRATE_HEADING(f"{program.name}  (#{program.pk})"))
        out.write(
            f"{goals} · {program.duration_weeks} weeks · {program.days_per_week} days/week"
            f" · {program.max_session_minutes} min · {program.get_split_template_display()}"
            f" · {program.get_progression_style_display()}"
        )
        out.write(f"Generation: {program.generation_status}")
        for mc in program.microcycles.all():
            kind = "DELOAD" if mc.is_deload else "loading"
            out.write(
                self.style.MIGRATE_HEADING(f"\nWeek {mc.sequence_number} ({kind})")
            )
            for session in mc.sessions.all():
                day = session.date.strftime("%a %d %b")
                if session.is_rest_day:
                    out.write(f"  {day}  rest")
                    continue
                out.write(
                    f"  {day}  {session.get_session_type_display()} · {humanize_token(session.focus)}"
                    f" ({session.estimated_minutes} min) [{session.generation_status}]"
                )
                for ex in session.exercises.all():
                    out.write(
                        f"      {ex.get_role_display():<10} {ex.movement.name:<38} {_dose(ex)}"
                    )
                if session.coach_notes:
                    out.write(f"      “{session.coach_notes}”")


def _dose(ex) -> str:
    if ex.duration_seconds:
        work = f"{ex.sets} × {ex.duration_seconds}s"
    elif ex.reps_min == ex.reps_max:
        work = f"{ex.sets} × {ex.reps_min}"
    else:
        work = f"{ex.sets} × {ex.reps_min}–{ex.reps_max}"
    if ex.target_rpe is not None:
        work += f" @ RPE {ex.target_rpe:g}"
    if ex.rest_seconds:
        work += f", rest {ex.rest_seconds // 60}:{ex.rest_seconds % 60:02d}"
    return work
