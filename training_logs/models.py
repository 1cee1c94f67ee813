"""Workout logs, e1RM and personal records (built in a later issue)."""

from __future__ import annotations
