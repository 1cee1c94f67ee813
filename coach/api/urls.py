from __future__ import annotations

app_name = "auth"

urlpatterns: list = []
