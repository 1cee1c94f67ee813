from __future__ import annotations

from django.apps import AppConfig


class AdaptationConfig(AppConfig):
    name = "adaptation"

    def ready(self) -> None:
        from adaptation import receivers
        from training_logs.signals import session_log_prefill

        session_log_prefill.connect(
            receivers.prefill_from_accepted_adaptation,
            dispatch_uid="adaptation.prefill_from_accepted_adaptation",
        )
