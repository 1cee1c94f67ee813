from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_health_reports_database_and_queue(client):
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["queue"]["status"] == "ok"
    assert body["queue"]["broker"] in {"orm", "redis"}
