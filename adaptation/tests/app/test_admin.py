"""The daily coach's models have working, read-only admin pages (STYLE C19)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from adaptation import services
from adaptation.models import ConversationThread, DailyCheckIn, SessionAdaptation

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    admin_user = django_user_model.objects.create_superuser(
        email="staff@example.com", password="x-very-secret"
    )
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("model", [DailyCheckIn, SessionAdaptation, ConversationThread])
def test_changelist_and_detail_render_read_only(
    staff_client, user, program, quad_day, model
):
    adaptation = services.session_adapt(
        user=user,
        day=quad_day.date,
        data=services.CheckInInput(soreness={"quadriceps": 6}, minutes_available=40),
    )
    thread = services.thread_open(user=user, adaptation=adaptation)
    thread.turns.create(role="ASSISTANT", content="Spare the quads today.")
    name = model._meta.model_name
    changelist = staff_client.get(reverse(f"admin:adaptation_{name}_changelist"))
    assert changelist.status_code == 200
    row = model.objects.get()
    detail = staff_client.get(reverse(f"admin:adaptation_{name}_change", args=[row.pk]))
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content
    assert staff_client.get(reverse(f"admin:adaptation_{name}_add")).status_code == 403
