from __future__ import annotations

from django.apps import AppConfig


class TrainingLogsConfig(AppConfig):
    name = "training_logs"
