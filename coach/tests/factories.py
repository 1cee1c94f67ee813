from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from coach.models import User

PASSWORD = "correct-horse-battery"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"athlete{n}@example.com")
    name = factory.Faker("first_name")
    password = factory.django.Password(PASSWORD)
