"""ASGI entry point (uvicorn coach.asgi:application)."""

from __future__ import annotations

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coach.settings")
application = get_asgi_application()
