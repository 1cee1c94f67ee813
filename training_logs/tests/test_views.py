"""The HTML pages: log a planned session, see the record, history, records,
progress, check-in and activities (STYLE C8: same services as the API)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from movements.tests.factories import ActivityDefinitionFactory
from training_logs.adherence import week_start
from training_logs.models import (
    ActivityInstance,
    MuscleRecoveryState,
    RecoverySignal,
    SorenessLog,
    WorkoutLog,
)
from training_logs.services import SetInput, workout_log_create
from training_logs.tests.factories import (
    SessionExerciseFactory,
    SessionFactory,
    at,
)

pytestmark = pytest.mark.django_db

THIS_MONDAY = week_start(timezone.localdate())
LAST_MONDAY = THIS_MONDAY - dt.timedelta(weeks=1)


@pytest.fixture
def web(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def planned(user, lifts):
    session = SessionFactory(
        microcycle__program__user=user,
        microcycle__start_date=LAST_MONDAY,
        date=LAST_MONDAY,
    )
    SessionExerciseFactory(
        session=session, movement=lifts.squat, order=0, sets=3, reps_min=5, reps_max=5
    )
    SessionExerciseFactory(
        session=session,
        movement=lifts.plank,
        order=1,
        sets=1,
        reps_min=None,
        reps_max=None,
        duration_seconds=45,
        target_rpe=None,
    )
    return session


def post_body(rows, **extra):
    """A log-form POST: management form plus ``rows`` of set fields."""
    body = {
        "sets-TOTAL_FORMS": str(len(rows)),
        "sets-INITIAL_FORMS": "0",
        "sets-MIN_NUM_FORMS": "1",
        "sets-MAX_NUM_FORMS": "300",
        "performed_at": at(LAST_MONDAY).strftime("%Y-%m-%dT%H:%M"),
        **extra,
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            body[f"sets-{index}-{key}"] = value
    return body


def test_pages_need_login(client, planned):
    for url in [
        reverse("training_logs:session-log", args=[planned.pk]),
        reverse("training_logs:history"),
        reverse("training_logs:records"),
        reverse("training_logs:progress"),
        reverse("training_logs:checkin"),
        reverse("training_logs:activity-log"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_log_form_is_the_plan_one_row_per_set_with_last_loads(
    web, user, planned, lifts
):
    workout_log_create(
        user=user,
        performed_at=at(LAST_MONDAY - dt.timedelta(days=3)),
        sets=[SetInput(movement_id=lifts.squat.pk, load_kg=Decimal("97.5"), reps=5)],
    )
    response = web.get(reverse("training_logs:session-log", args=[planned.pk]))
    assert response.status_code == 200
    formset = response.context["formset"]
    assert formset.total_form_count() == 4
    assert [f.initial["reps"] for f in formset.forms[:3]] == [5, 5, 5]
    assert formset.forms[0].initial["load"] == "97.5"
    assert formset.forms[0].initial["rpe"] == "8"
    assert formset.forms[3].initial["duration_seconds"] == 45
    html = response.content.decode()
    assert html.count("data-set-row") >= 4
    assert "Last time 97.5 kg" in html
    assert "data-add-set" in html


def test_saving_the_log_celebrates_the_record(web, user, planned, lifts):
    squat_exercise = planned.exercises.get(movement=lifts.squat)
    rows = [
        {
            "movement": lifts.squat.pk,
            "session_exercise": squat_exercise.pk,
            "load": "100",
            "reps": "5",
            "rpe": "8",
        }
        for _ in range(3)
    ] + [{"movement": lifts.plank.pk, "duration_seconds": "50"}]
    response = web.post(
        reverse("training_logs:session-log", args=[planned.pk]),
        post_body(rows, enjoyment="4", feedback_tags=["JUST_RIGHT"]),
    )
    assert response.status_code == 302, (
        response.context and response.context["form"].errors
    )
    workout = WorkoutLog.objects.get()
    assert workout.session == planned
    assert response["Location"] == f"{workout.get_absolute_url()}?saved=1"
    detail = web.get(response["Location"])
    html = detail.content.decode()
    assert "New personal records!" in html
    assert "Estimated 1RM" in html
    assert "123.3 kg" in html
    # Logged already: the form sends you to the log.
    again = web.get(reverse("training_logs:session-log", args=[planned.pk]))
    assert again["Location"] == workout.get_absolute_url()


def test_a_bad_row_re_renders_with_errors_and_writes_nothing(web, planned, lifts):
    rows = [{"movement": lifts.squat.pk, "load": "-5", "reps": "0", "rpe": "11"}]
    response = web.post(
        reverse("training_logs:session-log", args=[planned.pk]), post_body(rows)
    )
    assert response.status_code == 200
    assert response.context["formset"].errors[0]
    assert not WorkoutLog.objects.exists()


def test_pounds_on_the_page(web, user, planned, lifts):
    from coach.models import AthleteSettings

    AthleteSettings.objects.update_or_create(user=user, defaults={"units": "LB"})
    rows = [{"movement": lifts.squat.pk, "load": "225", "reps": "5"}]
    response = web.post(
        reverse("training_logs:session-log", args=[planned.pk]), post_body(rows)
    )
    assert response.status_code == 302
    assert WorkoutLog.objects.get().sets.get().load_kg == Decimal("102.058")
    assert "225 lb × 5" in web.get(response["Location"]).content.decode()


def test_other_athletes_session_and_log_are_404(web, other_user, lifts):
    theirs = SessionFactory(microcycle__program__user=other_user)
    assert (
        web.get(reverse("training_logs:session-log", args=[theirs.pk])).status_code
        == 404
    )
    log = workout_log_create(
        user=other_user,
        performed_at=at(LAST_MONDAY),
        sets=[SetInput(movement_id=lifts.squat.pk, load_kg=Decimal(100), reps=5)],
    )
    assert (
        web.get(reverse("training_logs:workout-detail", args=[log.pk])).status_code
        == 404
    )
    delete = web.post(reverse("training_logs:workout-delete", args=[log.pk]))
    assert delete.status_code == 404
    assert WorkoutLog.objects.filter(pk=log.pk).exists()
    assert (
        web.get(
            reverse("training_logs:activity-log") + f"?session={theirs.pk}"
        ).status_code
        == 404
    )


def test_delete_from_the_page(web, user, lifts):
    log = workout_log_create(
        user=user,
        performed_at=at(LAST_MONDAY),
        sets=[SetInput(movement_id=lifts.squat.pk, load_kg=Decimal(100), reps=5)],
    )
    assert (
        web.get(reverse("training_logs:workout-delete", args=[log.pk])).status_code
        == 405
    )
    response = web.post(reverse("training_logs:workout-delete", args=[log.pk]))
    assert response.status_code == 302
    assert not WorkoutLog.objects.exists()


def test_history_records_and_progress_render(
    web, user, lifts, django_assert_max_num_queries
):
    for offset, load in enumerate((100, 105, 110)):
        workout_log_create(
            user=user,
            performed_at=at(LAST_MONDAY + dt.timedelta(days=offset * 2)),
            sets=[
                SetInput(movement_id=lifts.squat.pk, load_kg=Decimal(load), reps=5),
                SetInput(movement_id=lifts.bench.pk, load_kg=Decimal(80), reps=5),
            ],
        )
    ActivityInstance.objects.create(
        user=user,
        definition=ActivityDefinitionFactory(),
        name="Easy run",
        performed_start=at(LAST_MONDAY + dt.timedelta(days=5), 8),
        duration_seconds=1800,
        distance_km=Decimal("5"),
    )
    with django_assert_max_num_queries(14):
        history = web.get(reverse("training_logs:history"))
    html = history.content.decode()
    assert "Week of" in html
    assert "Easy run" in html
    assert "Barbell Back Squat 110kg×5" in html

    records = web.get(reverse("training_logs:records")).content.decode()
    assert "Barbell Back Squat" in records
    assert "128.3 kg" in records  # 110 x 5, Epley

    with django_assert_max_num_queries(16):
        progress = web.get(reverse("training_logs:progress"))
    assert progress.status_code == 200
    html = progress.content.decode()
    assert 'id="e1rm-chart"' in html
    assert 'id="volume-chart"' in html
    assert "vendor/chartjs/chart.umd.min.js" in html
    assert "Muscle recovery now" in html
    assert progress.context["trend"][-1]["e1rm"] == 128.33
    week = web.get(
        reverse("training_logs:progress"), {"week": LAST_MONDAY.isoformat()}
    ).context["volume_rows"]
    assert next(r for r in week if r["name"] == "Quads")["sets"] == 3


def test_empty_pages_render(web, muscles):
    for name in ("history", "records", "progress", "checkin", "activity-log"):
        assert web.get(reverse(f"training_logs:{name}")).status_code == 200


def test_check_in_with_htmx_answers_the_card(web, user, muscles):
    response = web.post(
        reverse("training_logs:checkin"),
        {"sore_legs": "6", "sleep_hours": "7.5", "energy": "4"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card" id="checkin-card"')
    assert "Saved." in html
    assert response["Vary"] == "HX-Request" or "HX-Request" in response["Vary"]
    assert SorenessLog.objects.filter(body_part="LEGS").count() == 6
    assert MuscleRecoveryState.objects.get(muscle__slug="quadriceps").level == 4
    assert RecoverySignal.objects.get().energy == 4


def test_check_in_without_htmx_redirects_and_an_empty_one_is_refused(web, muscles):
    response = web.post(reverse("training_logs:checkin"), {"stress": "2", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    empty = web.post(reverse("training_logs:checkin"), {})
    assert empty.status_code == 200
    assert "Tap at least one thing" in empty.content.decode()
    offsite = web.post(
        reverse("training_logs:checkin"),
        {"stress": "2", "next": "https://evil.example"},
    )
    assert offsite["Location"] == reverse("training_logs:progress")


def test_log_an_activity_for_a_planned_session(web, user):
    running = ActivityDefinitionFactory()
    session = SessionFactory(
        microcycle__program__user=user,
        microcycle__start_date=LAST_MONDAY,
        date=LAST_MONDAY,
        session_type="CARDIO",
    )
    url = reverse("training_logs:activity-log") + f"?session={session.pk}"
    assert web.get(url).status_code == 200
    response = web.post(
        url,
        {
            "definition": running.pk,
            "performed_start": at(LAST_MONDAY, 7).strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": "30",
            "distance_km": "5.2",
            "enjoyment": "5",
        },
    )
    assert response.status_code == 302
    activity = ActivityInstance.objects.get()
    assert activity.session == session
    assert activity.duration_seconds == 1800
    # the session is logged now: the page sends the athlete to their history
    again = web.post(url, {"definition": running.pk, "duration_minutes": "0"})
    assert again["Location"] == reverse("training_logs:history")
    assert ActivityInstance.objects.count() == 1
    other = SessionFactory(
        microcycle=session.microcycle, day_index=1, session_type="CARDIO"
    )
    bad_url = reverse("training_logs:activity-log") + f"?session={other.pk}"
    bad = web.post(bad_url, {"definition": running.pk, "duration_minutes": "0"})
    assert bad.status_code == 200
    assert ActivityInstance.objects.count() == 1


def test_a_logged_session_sends_the_log_page_to_what_logged_it(web, user, planned):
    """One "already logged" rule for the page and the services: a workout or an
    activity completes a session."""
    url = reverse("training_logs:session-log", args=[planned.pk])
    log = workout_log_create(
        user=user, session_id=planned.pk, performed_at=at(LAST_MONDAY)
    )
    response = web.get(url)
    assert response["Location"] == log.get_absolute_url()

    run = SessionFactory(
        microcycle=planned.microcycle, day_index=1, session_type="CARDIO"
    )
    ActivityInstance.objects.create(
        user=user,
        definition=ActivityDefinitionFactory(),
        session=run,
        name="Run",
        performed_start=at(LAST_MONDAY, 7),
        duration_seconds=1800,
    )
    url = reverse("training_logs:session-log", args=[run.pk])
    assert web.get(url)["Location"] == reverse("training_logs:history")
    assert web.post(url, post_body([]))["Location"] == reverse("training_logs:history")
    assert not WorkoutLog.objects.filter(session=run).exists()
