"""ASGI entry point (uvicorn coach.asgi:application)."""

from __future__ import annotations

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coach.settings")
# Settings that differ under ASGI read this (persistent database connections).
os.environ.setdefault("ALLOY_SERVER", "asgi")
application = get_asgi_application()
