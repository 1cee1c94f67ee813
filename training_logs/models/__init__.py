"""Training logs: what the athlete actually did, and what Alloy derives from it.

Shapes follow the seeds' logging domain (002: WorkoutLog, SorenessLog,
RecoverySignal, MuscleRecoveryState, ActivityInstance, TopSetLog, PatternExposure)
with Alloy's differences: sets are rows (not a JSON blob), every row belongs to a
user, recovery *rises* with time (seeds README), and personal records are kept as a
history. Loads are stored in kg (``Decimal``, 3 places so a pound value survives
the round trip) and shown in the athlete's unit at the edges.

Derived rows (set e1RMs and hard-set flags, personal records, top sets, pattern
exposure, muscle recovery) are written only by ``training_logs.services``, in the
same transaction as the log they come from. ``imports`` holds the import jobs
(Strong/Hevy CSV, Alloy JSON restore), the fingerprint of every imported set (so a
re-import adds nothing) and the athlete's remembered exercise-name choices.
"""

from __future__ import annotations

from training_logs.models.activities import (
    ActivityInstance,
    ActivityInstanceQuerySet,
    ActivitySource,
)
from training_logs.models.checkins import (
    BODY_PART_MUSCLES,
    BodyPart,
    MuscleRecoveryState,
    RecoverySignal,
    SorenessLog,
)
from training_logs.models.circuits import CircuitScore, CircuitScoreQuerySet
from training_logs.models.common import RATING_1_5, RPE_VALUES, validate_rpe
from training_logs.models.imports import (
    ExerciseNameChoice,
    ImportedSet,
    ImportJob,
    ImportJobQuerySet,
    ImportSource,
    ImportStatus,
)
from training_logs.models.projections import (
    PatternExposure,
    PersonalRecord,
    PersonalRecordQuerySet,
    RecordKind,
    TopSet,
)
from training_logs.models.workouts import (
    FeedbackTag,
    SetLog,
    SetLogQuerySet,
    WorkoutLog,
    WorkoutLogQuerySet,
)

__all__ = [
    "BODY_PART_MUSCLES",
    "RATING_1_5",
    "RPE_VALUES",
    "ActivityInstance",
    "ActivityInstanceQuerySet",
    "ActivitySource",
    "BodyPart",
    "CircuitScore",
    "CircuitScoreQuerySet",
    "ExerciseNameChoice",
    "FeedbackTag",
    "ImportJob",
    "ImportJobQuerySet",
    "ImportSource",
    "ImportStatus",
    "ImportedSet",
    "MuscleRecoveryState",
    "PatternExposure",
    "PersonalRecord",
    "PersonalRecordQuerySet",
    "RecordKind",
    "RecoverySignal",
    "SetLog",
    "SetLogQuerySet",
    "SorenessLog",
    "TopSet",
    "WorkoutLog",
    "WorkoutLogQuerySet",
    "validate_rpe",
]
