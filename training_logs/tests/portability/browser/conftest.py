"""Reuse the browser fixtures of programs' browser tests (headless Chromium via
Playwright, screenshots under artifacts/)."""

from __future__ import annotations

from programs.tests.browser.conftest import (  # noqa: F401
    allow_sync_orm,
    chromium,
    screenshot,
)
