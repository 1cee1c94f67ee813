"""Reuse the browser fixtures of programs' browser tests (headless Chromium via
Playwright, screenshots under artifacts/) and the daily coach's fixtures."""

from __future__ import annotations

from adaptation.tests.app.conftest import lifting_session_training  # noqa: F401
from programs.tests.browser.conftest import (  # noqa: F401
    allow_sync_orm,
    chromium,
    screenshot,
)
from programs.tests.conftest import create_program, library  # noqa: F401
