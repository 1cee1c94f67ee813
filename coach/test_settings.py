"""Test settings: the real settings with only what tests must change."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "alloy-test-secret-key-not-for-production")

from coach.settings import *  # noqa: E402,F403
from coach.settings import Q_CLUSTER  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One in-process store for both aliases (same LOCATION): ``cache.clear()``
# resets the throttle counters too.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# Every test builds its own movement library: never reuse another test's snapshot.
LIBRARY_CACHE_SECONDS = 0
# Tasks run in-process unless a test starts a real cluster (tests/test_worker.py).
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# SQLite tests use a file, not ":memory:", so that a real django-q2 cluster started
# by the worker test (a separate process) can open the same test database. The
# process id keeps concurrent runs apart.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get(
            "ALLOY_TEST_SQLITE_PATH", f"/tmp/alloy-test-{os.getpid()}.sqlite3"
        )
    }
# The suite registers and logs in far faster than any person: throttle rates stay
# out of the way except in coach/tests/test_security.py, which lowers them itself.
REST_FRAMEWORK = {  # noqa: F405
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": dict.fromkeys(
        REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],  # noqa: F405
        "100000/min",
    ),
}
