"""Signals training_logs sends for the apps that depend on it (STYLE C10).

``session_completed`` is sent once, after the transaction commits, when a planned
session is completed for the first time: by a workout log
(``sender=WorkoutLog``) or an activity (``sender=ActivityInstance``). Keyword
arguments are ids, so receivers can enqueue tasks with them (STYLE C9):
``user_id``, ``session_id`` and ``log_id`` (the WorkoutLog's or the
ActivityInstance's id). Receivers connect in their ``AppConfig.ready()``; an error
in one is logged, never raised into the request (``on_commit(robust=True)``).
"""

from __future__ import annotations

from django.dispatch import Signal

session_completed = Signal()

#: Sent by the log page while it pre-fills a planned session (``sender=Session``,
#: ``session=`` the session with its exercises, ``user=`` the athlete). A receiver
#: may return the sets to pre-fill instead of the prescription — a list of
#: ``training_logs.services.SetInput`` (``load_kg`` a target load, or None), or a
#: ``training_logs.services.LogPrefill`` (the sets plus a note per planned exercise
#: and the exercises dropped today) — or None to leave it alone; the first answer
#: wins. The adaptation app answers with the accepted adaptation of the session:
#: swapped-in movements in their planned exercise's place, dropped ones marked.
session_log_prefill = Signal()
