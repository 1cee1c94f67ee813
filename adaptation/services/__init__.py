"""Writes (and the day's plan) for the daily coach, one module per concern:
check-ins, adaptations (adapt, accept, reject), the day's plan, exercise
substitution and deload-now; ``exports``: the check-ins' section of the JSON
export (registered with ``training_logs.portability.sections`` by the app's
``ready()``). The public names are re-exported here."""

from __future__ import annotations

from adaptation.services.adaptations import (
    AdaptTimings,
    adaptation_accept,
    adaptation_reject,
    day_session,
    session_adapt,
)
from adaptation.services.checkins import CheckInInput, checkin_create, checkin_errors
from adaptation.services.deloads import next_loading_microcycle, program_deload_now
from adaptation.services.exercises import (
    ALTERNATIVES_SHOWN,
    exercise_alternatives,
    exercise_get,
    exercise_swap,
)
from adaptation.services.plans import (
    DayPlan,
    PlanExercise,
    adapted_log_prefill,
    adapted_log_sets,
    day_plan,
)
from adaptation.services.threads import (
    message_errors,
    thread_context,
    thread_decide,
    thread_message_create,
    thread_open,
    turn_record_answer,
)

__all__ = [
    "ALTERNATIVES_SHOWN",
    "AdaptTimings",
    "CheckInInput",
    "DayPlan",
    "PlanExercise",
    "adaptation_accept",
    "adaptation_reject",
    "adapted_log_prefill",
    "adapted_log_sets",
    "checkin_create",
    "checkin_errors",
    "day_plan",
    "day_session",
    "exercise_alternatives",
    "exercise_get",
    "exercise_swap",
    "next_loading_microcycle",
    "program_deload_now",
    "message_errors",
    "session_adapt",
    "thread_context",
    "thread_decide",
    "thread_message_create",
    "thread_open",
    "turn_record_answer",
]
