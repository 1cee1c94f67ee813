from __future__ import annotations

from django.apps import AppConfig


class AdaptationConfig(AppConfig):
    name = "adaptation"
