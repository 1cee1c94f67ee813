"""Today's plan and session adaptation (built in a later issue)."""

from __future__ import annotations
