"""Browser tests: headless Chromium (Debian's package) driven by Playwright against
pytest-django's live server, with a real django-q2 worker process.

Chromium comes from ``apt-get install chromium`` (``/usr/bin/chromium``, or set
``ALLOY_CHROMIUM``); Playwright's own browser download is not used. Without
Chromium the tests skip with the reason, unless ``ALLOY_BROWSER_TESTS=required``
(set by ``.ci/run``), when they fail instead.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("ALLOY_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("ALLOY_BROWSER_TESTS", "").lower() == "required"
# Without the background-networking flags Chromium stalls on a closed network.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
BASE_DIR = Path(settings.BASE_DIR)
SCREENSHOTS = BASE_DIR / "artifacts" / "screenshots"
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 860}


def _unavailable() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return (
            "the playwright package is not installed (pip install -r requirements.txt)"
        )
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return (
            f"Chromium not found at {CHROMIUM}: apt-get install chromium "
            "(or set ALLOY_CHROMIUM)"
        )
    return None


@pytest.fixture
def allow_sync_orm(monkeypatch):
    """Playwright's sync API runs an event loop in this thread; Django then
    refuses ORM calls unless told it is safe (pytest-django docs). Scoped to the
    browser tests only."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def chromium(allow_sync_orm):
    """A headless Chromium for one test (skips, or fails when required, without
    one). Per test, so Playwright's event loop never outlives the test."""
    reason = _unavailable()
    if reason:
        if REQUIRED:
            pytest.fail(f"ALLOY_BROWSER_TESTS=required but {reason}", pytrace=False)
        pytest.skip(f"browser tests skipped: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def screenshot(request):
    """``screenshot(page, name)`` saves a full-page PNG under artifacts/screenshots/.

    If the test fails, the last page screenshotted is saved again as
    ``FAILED-<test>.png`` as it looked at the failure.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = []

    def _take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        pages.append(page)
        return path

    yield _take
    report = getattr(request.node, "rep_call", None)
    if pages and report is not None and report.failed and not pages[-1].is_closed():
        pages[-1].screenshot(
            path=str(SCREENSHOTS / f"FAILED-{request.node.name}.png"), full_page=True
        )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item (for the failure screenshot)."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def worker(transactional_db, monkeypatch, qcluster):
    """A real ``manage.py qcluster`` process on the test database (the root
    ``conftest.py``'s ``qcluster``); tasks that the live server enqueues go to it
    (django-q2's sync mode is switched off)."""
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", False)
    return qcluster
