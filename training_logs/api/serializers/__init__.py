"""Training-log API serializers (STYLE C7): one input serializer per action, output
serializers for reads, all at module level with unique names.

Loads travel in the athlete's unit (``AthleteSettings.units``, kg or lb): inputs are
converted to kg by the views, outputs by :class:`LoadField` from the ``unit`` in
the serializer context. Input serializers check types and bounds so a bad request
is a 400 with field errors before any service runs.

One module per seam, as the services: ``workouts``, ``progress``, ``checkins``,
``activities``, ``circuits``; shared fields in ``fields``. Import from here.
"""

from __future__ import annotations

from training_logs.api.serializers.activities import (
    ActivityInstanceOutputSerializer,
    ActivityLogCreateInputSerializer,
)
from training_logs.api.serializers.checkins import (
    MuscleRecoveryOutputSerializer,
    RecoverySignalCreateInputSerializer,
    RecoverySignalOutputSerializer,
    SorenessEntryInputSerializer,
    SorenessLogCreateInputSerializer,
    SorenessLogOutputSerializer,
)
from training_logs.api.serializers.circuits import (
    CircuitScoreCreatedOutputSerializer,
    CircuitScoreCreateInputSerializer,
    CircuitScoreFilterInputSerializer,
    CircuitScoreOutputSerializer,
)
from training_logs.api.serializers.fields import (
    LoadField,
)
from training_logs.api.serializers.progress import (
    AdherenceOutputSerializer,
    E1RMTrendInputSerializer,
    E1RMTrendOutputSerializer,
    GroupVolumeOutputSerializer,
    PersonalRecordFilterInputSerializer,
    SessionStatusOutputSerializer,
    TrendPointOutputSerializer,
    WeekAdherenceOutputSerializer,
    WeeksInputSerializer,
    WeekVolumeOutputSerializer,
)
from training_logs.api.serializers.workouts import (
    CustomWorkoutLogCreateInputSerializer,
    MovementRefOutputSerializer,
    PersonalRecordOutputSerializer,
    SetLogInputSerializer,
    SetLogOutputSerializer,
    WorkoutLogCreateInputSerializer,
    WorkoutLogFilterInputSerializer,
    WorkoutLogOutputSerializer,
)

__all__ = [
    "CircuitScoreCreateInputSerializer",
    "CircuitScoreCreatedOutputSerializer",
    "CircuitScoreFilterInputSerializer",
    "CircuitScoreOutputSerializer",
    "ActivityInstanceOutputSerializer",
    "ActivityLogCreateInputSerializer",
    "AdherenceOutputSerializer",
    "CustomWorkoutLogCreateInputSerializer",
    "E1RMTrendInputSerializer",
    "E1RMTrendOutputSerializer",
    "GroupVolumeOutputSerializer",
    "LoadField",
    "MovementRefOutputSerializer",
    "MuscleRecoveryOutputSerializer",
    "PersonalRecordFilterInputSerializer",
    "PersonalRecordOutputSerializer",
    "RecoverySignalCreateInputSerializer",
    "RecoverySignalOutputSerializer",
    "SessionStatusOutputSerializer",
    "SetLogInputSerializer",
    "SetLogOutputSerializer",
    "SorenessEntryInputSerializer",
    "SorenessLogCreateInputSerializer",
    "SorenessLogOutputSerializer",
    "TrendPointOutputSerializer",
    "WeekAdherenceOutputSerializer",
    "WeekVolumeOutputSerializer",
    "WeeksInputSerializer",
    "WorkoutLogCreateInputSerializer",
    "WorkoutLogFilterInputSerializer",
    "WorkoutLogOutputSerializer",
]
