from __future__ import annotations

from django.apps import AppConfig


class AdaptationConfig(AppConfig):
    name = "adaptation"

    def ready(self) -> None:
        from adaptation import receivers
        from adaptation.services import exports
        from training_logs.portability.sections import register_export_section
        from training_logs.signals import session_log_prefill

        session_log_prefill.connect(
            receivers.prefill_from_accepted_adaptation,
            dispatch_uid="adaptation.prefill_from_accepted_adaptation",
        )
        # The athlete's check-ins travel in the JSON export and its restore.
        register_export_section(
            exports.SECTION,
            exports.checkins_export,
            exports.checkins_restore,
            exists_fn=exports.checkins_exist,
        )
