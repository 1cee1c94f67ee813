"""Create (or refresh) the demo athlete and print the credentials."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from coach.models import ExperienceLevel, User

DEMO_EMAIL = "demo@alloy.local"
DEMO_PASSWORD = "lift-heavy-things"


class Command(BaseCommand):
    help = "Create the demo athlete (idempotent) and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--email", default=DEMO_EMAIL)
        parser.add_argument("--password", default=DEMO_PASSWORD)

    def handle(self, *args, email: str, password: str, **options):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=password,
                name="Demo Athlete",
                experience_level=ExperienceLevel.INTERMEDIATE,
            )
            verb = "Created"
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
            verb = "Refreshed"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} demo athlete: {email} / password: {password}")
        )
