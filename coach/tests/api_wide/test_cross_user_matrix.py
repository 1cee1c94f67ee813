"""The cross-user matrix: every route with an object id, every method, user B
asks for user A's object and gets a 404 (or a 405 where the route has no such
method) — never A's data, never a change to it.

The routes come from the URL conf itself, so a new route with an id kwarg fails
:func:`test_every_route_with_an_object_id_is_in_the_registry` until its kwargs
get an entry in :data:`OWNED` (how to build user A's object) or in :data:`PUBLIC`
(why it is not owned).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

METHODS = ("get", "post", "put", "patch", "delete")
# Route prefixes outside the matrix, and why.
EXEMPT_PREFIXES = {
    "admin/": "staff only: Django admin's own permission checks",
}


# ---------------------------------------------------------------------------
# Registry: URL kwargs → user A's objects
# ---------------------------------------------------------------------------
def _program(user):
    from training_logs.tests.factories import program_weeks

    sessions = program_weeks(user, start=dt.date(2026, 1, 5), weeks=1)
    return sessions[0].program, sessions[0]


def _workout_log(user):
    from training_logs.services import SetInput, workout_log_create
    from training_logs.tests.factories import MovementFactory

    movement = MovementFactory()
    return workout_log_create(
        user=user,
        sets=[SetInput(movement_id=movement.pk, load_kg=Decimal(100), reps=5)],
    )


def _owned_program(user) -> dict:
    program, _ = _program(user)
    return {"program_id": program.pk}


def _owned_session(user) -> dict:
    program, session = _program(user)
    return {"program_id": program.pk, "session_id": session.pk}


def _owned_lone_session(user) -> dict:
    _, session = _program(user)
    return {"session_id": session.pk}


def _owned_workout_log(user) -> dict:
    return {"workout_log_id": _workout_log(user).pk}


def _owned_movement_rule(user) -> dict:
    from movements.tests.factories import MovementRuleFactory

    return {"rule_id": MovementRuleFactory(user=user).pk}


def _owned_enjoyable_activity(user) -> dict:
    from movements.tests.factories import EnjoyableActivityFactory

    return {"activity_id": EnjoyableActivityFactory(user=user).pk}


def _owned_import_job(user) -> dict:
    from training_logs.models import ImportJob

    job = ImportJob.objects.create(user=user, source="STRONG", filename="a.csv")
    return {"job_id": job.pk}


def _owned_exercise(user) -> dict:
    from training_logs.tests.factories import SessionExerciseFactory

    program, session = _program(user)
    exercise = SessionExerciseFactory(session=session)
    return {
        "program_id": program.pk,
        "session_id": session.pk,
        "exercise_id": exercise.pk,
    }


def _owned_adaptation(user) -> dict:
    from adaptation.models import DailyCheckIn, SessionAdaptation

    _, session = _program(user)
    checkin = DailyCheckIn.objects.create(user=user, date=session.date)
    adaptation = SessionAdaptation.objects.create(
        session=session, checkin=checkin, readiness_score=70
    )
    return {"day": session.date.isoformat(), "adaptation_id": adaptation.pk}


def _owned_thread(user) -> dict:
    from adaptation.models import ConversationThread, SessionAdaptation

    values = _owned_adaptation(user)
    adaptation = SessionAdaptation.objects.get(pk=values["adaptation_id"])
    thread = ConversationThread.objects.create(
        user=user, session=adaptation.session, adaptation=adaptation
    )
    return {"day": values["day"], "thread_id": thread.pk}


# kwargs of a route (format excluded) → a builder of user A's objects.
OWNED: dict[frozenset[str], Callable[[object], dict]] = {
    frozenset({"program_id"}): _owned_program,
    frozenset({"program_id", "session_id"}): _owned_session,
    frozenset({"session_id"}): _owned_lone_session,
    frozenset({"workout_log_id"}): _owned_workout_log,
    frozenset({"rule_id"}): _owned_movement_rule,
    frozenset({"activity_id"}): _owned_enjoyable_activity,
    frozenset({"job_id"}): _owned_import_job,
    frozenset({"program_id", "session_id", "exercise_id"}): _owned_exercise,
    frozenset({"day", "adaptation_id"}): _owned_adaptation,
    frozenset({"day", "thread_id"}): _owned_thread,
}
# kwargs that name something nobody owns, and why.
PUBLIC: dict[frozenset[str], str] = {
    frozenset({"pk"}): (
        "the curated libraries are shared: /api/v1/movements/{pk}/ and "
        "/api/v1/circuits/{pk}/ (no owner field)"
    ),
    frozenset({"step"}): "a wizard step name, not an object",
    frozenset({"day"}): (
        "a date: /days/{day}/… is always the requesting athlete's own day "
        "(adaptation/tests/app/test_api.py: another athlete's day is not mine)"
    ),
    frozenset({"token"}): (
        "the calendar feed's secret token is the credential (a capability URL "
        "for calendar apps, unguessable, revocable), not an object id"
    ),
}


# ---------------------------------------------------------------------------
# The URL conf, walked
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Route:
    pattern: str
    name: str
    kwargs: frozenset[str]

    def path(self, values: dict) -> str:
        """The concrete path for ``values`` (``<conv:name>`` and ``(?P<name>…)``)."""
        path = re.sub(
            r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), self.pattern
        )
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), path)
        return "/" + path.replace("^", "").replace("$", "").replace("\\", "")


def _walk(patterns, prefix: str = "") -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            pattern = prefix + str(entry.pattern)
            names = set(re.findall(r"<(?:\w+:)?(\w+)>", pattern))
            names |= set(re.findall(r"\(\?P<(\w+)>", pattern))
            yield Route(pattern, entry.name or "", frozenset(names - {"format"}))


def routes_with_ids() -> list[Route]:
    """Every route whose URL carries a kwarg, outside :data:`EXEMPT_PREFIXES`.
    DRF's ``.{format}`` variants are left out (same view, same check)."""
    return [
        route
        for route in _walk(get_resolver().url_patterns)
        if route.kwargs
        and not route.pattern.startswith(tuple(EXEMPT_PREFIXES))
        and "(?P<format>" not in route.pattern
    ]


def owned_routes() -> list[Route]:
    return [r for r in routes_with_ids() if r.kwargs in OWNED]


def test_every_route_with_an_object_id_is_in_the_registry():
    missing = [
        f"{r.pattern} ({', '.join(sorted(r.kwargs))})"
        for r in routes_with_ids()
        if r.kwargs not in OWNED and r.kwargs not in PUBLIC
    ]
    assert not missing, (
        "Routes with an object id that the cross-user matrix does not cover: add "
        "their kwargs to OWNED (a builder of user A's objects) or PUBLIC (why "
        "nobody owns them) in tests/test_cross_user_matrix.py:\n  "
        + "\n  ".join(missing)
    )
    # The matrix is not empty: it covers at least today's routes.
    assert len(owned_routes()) >= 10


@pytest.mark.parametrize("route", owned_routes(), ids=lambda r: r.pattern)
def test_another_user_gets_404_for_every_method(route, user, other_user):
    values = OWNED[route.kwargs](user)
    path = route.path(values)
    is_api = path.startswith("/api/")
    if is_api:
        owner, intruder = APIClient(), APIClient()
        owner.force_authenticate(user)
        intruder.force_authenticate(other_user)
    else:
        owner, intruder = Client(), Client()
        owner.force_login(user)
        intruder.force_login(other_user)

    # The registry builds the right objects: their owner does not get a 404.
    owner_get = owner.get(path)
    assert owner_get.status_code != 404, f"owner GET {path}"

    answers = {}
    for method in METHODS:
        kwargs = {"format": "json"} if is_api and method != "get" else {}
        response = getattr(intruder, method)(path, {}, **kwargs)
        answers[method] = response.status_code
        assert response.status_code in (404, 405), (
            f"user B {method.upper()} {path} → {response.status_code}"
        )
        if response.status_code == 404 and is_api:
            assert response["Content-Type"].startswith("application/json")
    assert 404 in answers.values(), f"{path}: no method reached the ownership check"
    # Nothing of user A's changed: the owner still sees the same page.
    again = owner.get(path)
    assert again.status_code == owner_get.status_code
    if owner_get.status_code == 200 and is_api:
        assert again.json() == owner_get.json()
