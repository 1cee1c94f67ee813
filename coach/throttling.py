"""API throttles: scoped rates counted in the shared cache.

DRF's own ``ScopedRateThrottle`` reads its rates once, when the class is defined;
these read ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` on every request, so an
operator's environment (``ALLOY_THROTTLE_*``) and tests' ``override_settings`` both
take effect. Rates are ``"<count>/<sec|min|hour|day>"``; a 429 carries
``Retry-After`` (seconds).

Scopes (coach/settings.py):

- ``auth``: register, login, refresh, per client IP.
- ``login_account``: login attempts per e-mail address, whatever the IP — the
  back-off that stops password guessing against one account from many addresses.
- ``program_create``: program creation per athlete (each create queues generation).
- ``expensive``: other engine-backed writes per athlete (adapt, regenerate, swap,
  deload-now), one budget shared by all of them.
"""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle


def _rates() -> dict[str, str]:
    return settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {})


class ThrottleCache:
    """Counters in the ``throttle`` cache (coach/settings.py: a file-based
    cache beside a SQLite database, else the default cache)."""

    @property
    def cache(self):
        return caches["throttle"]


class AlloyScopedThrottle(ThrottleCache, ScopedRateThrottle):
    """``ScopedRateThrottle`` whose rates follow the live settings. Views set
    ``throttle_scope``; authenticated requests count per user, anonymous ones per IP."""

    def get_rate(self) -> str | None:
        return _rates().get(self.scope)


class LoginAccountThrottle(ThrottleCache, SimpleRateThrottle):
    """Login attempts per submitted e-mail address (case-insensitive), scope
    ``login_account``. A request without an e-mail is not counted here (the
    ``auth`` IP throttle still applies)."""

    scope = "login_account"

    def get_rate(self) -> str | None:
        return _rates().get(self.scope)

    def get_cache_key(self, request, view) -> str | None:
        data = getattr(request, "data", None)
        email = data.get("email") if hasattr(data, "get") else None
        if not isinstance(email, str) or not email.strip():
            return None
        # A digest, not the raw e-mail: the body is the client's, and a key with
        # spaces or control characters breaks memcached and bloats the cache.
        digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}


def login_attempt_allowed(email: str) -> bool:
    """Record one sign-in attempt for ``email`` and say whether it may proceed.

    The browser's login form uses the same ``login_account`` counter as the API,
    so switching between them does not reset the back-off."""
    return LoginAccountThrottle().allow_request(
        SimpleNamespace(data={"email": email}), None
    )
