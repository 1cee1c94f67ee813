"""Reads for training logs, one module per seam:

- ``logs``: ownership choke points for logs, prefetch shapes, lists, a planned
  session's log status (the one "already logged" rule) and history by week;
- ``progress``: e1RM trend, muscle recovery now, adherence and weekly volume;
- ``circuits``: circuit scores and the athlete's best per circuit;
- ``imports``: an athlete's import jobs (ownership choke point, the Settings list).

Sessions themselves are reached through ``programs.selectors.session_get_for_user``.
Import the public names from here: ``from training_logs.selectors import X``.
"""

from __future__ import annotations

from training_logs.selectors.circuits import circuit_bests, circuit_score_list
from training_logs.selectors.imports import import_job_get_for_user, import_job_list
from training_logs.selectors.logs import (
    HistoryWeek,
    SessionLogStatus,
    activity_instance_list,
    has_history_before,
    history_weeks,
    last_working_loads,
    personal_record_list,
    session_log_status,
    session_prescription_load,
    workout_log_get_for_user,
    workout_log_list,
    workout_log_with_sets,
)
from training_logs.selectors.progress import (
    AdherenceReport,
    GroupVolume,
    MuscleRecovery,
    TrendPoint,
    WeekVolume,
    adherence_for_user,
    e1rm_trend,
    muscle_recovery_now,
    trend_movements,
    weekly_muscle_volume,
)

__all__ = [
    "AdherenceReport",
    "GroupVolume",
    "HistoryWeek",
    "MuscleRecovery",
    "SessionLogStatus",
    "TrendPoint",
    "WeekVolume",
    "activity_instance_list",
    "adherence_for_user",
    "circuit_bests",
    "circuit_score_list",
    "e1rm_trend",
    "has_history_before",
    "history_weeks",
    "import_job_get_for_user",
    "import_job_list",
    "last_working_loads",
    "muscle_recovery_now",
    "personal_record_list",
    "session_log_status",
    "session_prescription_load",
    "trend_movements",
    "weekly_muscle_volume",
    "workout_log_get_for_user",
    "workout_log_list",
    "workout_log_with_sets",
]
