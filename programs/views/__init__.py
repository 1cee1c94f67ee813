"""HTML views, one module per seam (STYLE C8: thin; services write, selectors
read and check ownership):

* :mod:`.pages` — home, program list and detail, the progress partial, retry,
  delete, the coach's view;
* :mod:`.wizard` — the program wizard and its movement-picker partial;
* :mod:`.sessions` — the session page and its "Why this?".

``programs/urls.py`` routes to the names re-exported here.
"""

from __future__ import annotations

from programs.views.pages import (
    home,
    program_coach_view,
    program_delete,
    program_detail,
    program_list,
    program_progress,
    program_retry,
)
from programs.views.sessions import session_detail
from programs.views.wizard import (
    WIZARD_SESSION_KEY,
    movement_search,
    wizard_reset,
    wizard_start,
    wizard_step,
)

__all__ = [
    "WIZARD_SESSION_KEY",
    "home",
    "movement_search",
    "program_coach_view",
    "program_delete",
    "program_detail",
    "program_list",
    "program_progress",
    "program_retry",
    "session_detail",
    "wizard_reset",
    "wizard_start",
    "wizard_step",
]
