"""Writes for training logs, each in one transaction with its side effects.

The package, one module per seam:

- ``workouts``: a workout log and its sets (hard-set flags, e1RMs by the athlete's
  formula), "completed as prescribed", deleting a log;
- ``projections``: what is rebuilt from history after a write (top sets, personal
  records, weekly pattern exposure, muscle recovery);
- ``checkins``: soreness and recovery signals;
- ``activities``: activity instances;
- ``circuits``: scores on curated circuits;
- ``imports``: many ad-hoc or restored workouts in one batch, and the one
  history-wide rebuild after an import;
- ``import_jobs``: an import from a Strong/Hevy CSV or an Alloy JSON export
  (read, refused with line numbers, exercise names matched, queued);
- ``import_runs``: the django-q2 worker's run of a queued import;
- ``common``: kg rounding, the ``session_completed`` signal, opening a planned
  session for logging (ownership + the one "already logged" rule).

Time comes from ``training_logs.clock``. Completing a planned session sends
``training_logs.signals.session_completed`` on commit. Inputs are in kg; the pages
and the API convert the athlete's unit at the edge. Failures raise
``ValidationError`` with field errors (nothing is written) or ``Http404`` for a
session that is not the athlete's. Import the public names from here:
``from training_logs.services import workout_log_create``.
"""

from __future__ import annotations

from training_logs.clock import FUTURE_TOLERANCE, local_week_start
from training_logs.services.activities import activity_log_create
from training_logs.services.checkins import (
    SorenessInput,
    recovery_signal_create,
    soreness_log_create,
)
from training_logs.services.circuits import circuit_score_create, circuit_score_errors
from training_logs.services.common import KG_PLACES, LEVEL_PLACES
from training_logs.services.import_jobs import (
    ALIASES_FILE,
    MAX_UPLOAD_BYTES,
    alias_slugs,
    import_job_create,
    import_job_map,
    import_job_retry,
)
from training_logs.services.import_runs import ImportReport, import_job_run
from training_logs.services.imports import (
    ImportedWorkout,
    WorkoutInput,
    workout_history_rebuild,
    workout_logs_import,
)
from training_logs.services.projections import (
    muscle_recovery_rebuild,
    pattern_exposure_rebuild,
    personal_records_rebuild,
)
from training_logs.services.workouts import (
    WARMUP_ROLES,
    LogPrefill,
    SetInput,
    prescribed_sets,
    workout_log_create,
    workout_log_delete,
)

__all__ = [
    "ALIASES_FILE",
    "MAX_UPLOAD_BYTES",
    "ImportReport",
    "alias_slugs",
    "import_job_create",
    "import_job_map",
    "import_job_retry",
    "import_job_run",
    "FUTURE_TOLERANCE",
    "KG_PLACES",
    "LEVEL_PLACES",
    "WARMUP_ROLES",
    "ImportedWorkout",
    "LogPrefill",
    "SetInput",
    "SorenessInput",
    "WorkoutInput",
    "activity_log_create",
    "circuit_score_create",
    "circuit_score_errors",
    "local_week_start",
    "muscle_recovery_rebuild",
    "pattern_exposure_rebuild",
    "personal_records_rebuild",
    "prescribed_sets",
    "recovery_signal_create",
    "soreness_log_create",
    "workout_history_rebuild",
    "workout_log_create",
    "workout_log_delete",
    "workout_logs_import",
]
