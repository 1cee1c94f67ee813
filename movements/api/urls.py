from __future__ import annotations

app_name = "movements"

urlpatterns: list = []
