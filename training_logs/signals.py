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
