"""ORM → adaptation-engine dataclasses (the snapshot half of STYLE C3).

Every function here reads rows and returns the engine's frozen types
(``adaptation.engine.types``); none writes. Query counts are stated per function
so the plan endpoint's count stays flat (it is pinned in the tests).

What the readiness score reads, and from where (issue 9 §1, one store each):

* sleep, stress, energy, nutrition — the athlete's newest
  ``training_logs.RecoverySignal`` of the last :data:`SIGNAL_MAX_AGE` (a check-in
  writes one; so does ``POST /logs/recovery-signal/``);
* muscle recovery — ``training_logs.MuscleRecoveryState`` rolled forward to now
  with ``training_logs.metrics.recovered_level`` (the same rule as
  ``GET /logs/muscle-recovery/``), for the session's primary muscles;
* recent effort — logged RPE against the planned target RPE over the last
  :data:`EFFORT_WINDOW`, and the planned lifting sessions of the last
  :data:`ADHERENCE_WINDOW` that were not logged.

One module per seam; every name stays importable from ``adaptation.specs``:

- :mod:`.plans`: the planned session, the movement library
  (and its per-process cache);
- :mod:`.readiness`: check-in, muscle recovery, recovery signal, recent effort,
  readiness inputs and readiness JSON;
- :mod:`.loads`: logged sets, readiness history, main-lift exposures, the next
  deload and the week's sets.
"""

from __future__ import annotations

from adaptation.specs.loads import (
    LIFT_EXPOSURES,
    LOAD_HISTORY_WINDOW,
    READINESS_HISTORY,
    days_to_next_deload,
    days_until,
    history_start,
    lift_histories,
    load_history,
    logged_sets,
    main_lift_histories,
    main_lifts,
    readiness_history,
    readiness_series,
    week_sets_excluding,
)
from adaptation.specs.plans import (
    exercise_plan,
    library_snapshot,
    movement_info,
    movements_library,
    primary_muscles,
    program_goals,
    session_library,
    session_plan,
)
from adaptation.specs.readiness import (
    ADHERENCE_WINDOW,
    EFFORT_WINDOW,
    SIGNAL_MAX_AGE,
    engine_checkin,
    latest_signal,
    muscle_recovery,
    readiness_from_json,
    readiness_inputs,
    readiness_json,
    recent_effort,
)

# The program's snapshot of the athlete as the engine's AthleteProfile: one home,
# shared with program creation and regeneration.
from programs.specs import program_athlete

__all__ = [
    "ADHERENCE_WINDOW",
    "EFFORT_WINDOW",
    "LIFT_EXPOSURES",
    "LOAD_HISTORY_WINDOW",
    "READINESS_HISTORY",
    "SIGNAL_MAX_AGE",
    "days_to_next_deload",
    "days_until",
    "history_start",
    "lift_histories",
    "engine_checkin",
    "exercise_plan",
    "latest_signal",
    "library_snapshot",
    "load_history",
    "logged_sets",
    "main_lift_histories",
    "main_lifts",
    "movement_info",
    "movements_library",
    "muscle_recovery",
    "primary_muscles",
    "program_athlete",
    "program_goals",
    "readiness_from_json",
    "readiness_history",
    "readiness_series",
    "readiness_inputs",
    "readiness_json",
    "recent_effort",
    "session_library",
    "session_plan",
    "week_sets_excluding",
]
