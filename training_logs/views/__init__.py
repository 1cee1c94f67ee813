"""HTML pages for training logs, one module per seam:

- ``log``: log a planned session, log an activity;
- ``history``: one workout, deleting it, history by week, records;
- ``progress``: e1RM trend, weekly volume vs landmarks, recovery, adherence;
- ``checkin``: the soreness/recovery check-in (htmx card);
- ``data``: Settings → Data: import from Strong/Hevy or an Alloy export, the
  import's progress and name confirmation, and the streamed CSV/JSON exports.

Thin by design (STYLE C8): a Form validates, the view calls the same services as
the API (``training_logs.services``), reads through the ownership choke points
(``programs.selectors.session_get_for_user``,
``training_logs.selectors.workout_log_get_for_user``: another athlete's log or
session is a 404), and shows loads in the athlete's unit through
``training_logs.presenters``, as the API does.
"""

from __future__ import annotations

from training_logs.views.checkin import checkin
from training_logs.views.data import (
    data_section,
    export_account_json,
    export_workouts_csv,
    import_create,
    import_detail,
    import_retry,
)
from training_logs.views.history import history, records, workout_delete, workout_detail
from training_logs.views.log import activity_log, session_log
from training_logs.views.progress import progress

__all__ = [
    "activity_log",
    "checkin",
    "data_section",
    "export_account_json",
    "export_workouts_csv",
    "history",
    "import_create",
    "import_detail",
    "import_retry",
    "progress",
    "records",
    "session_log",
    "workout_delete",
    "workout_detail",
]
