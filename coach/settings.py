"""Alloy's one settings module.

Everything that differs between a laptop, CI and a production host is read from the
environment (django-environ); every variable is listed in ``.env.example``. The
defaults are the *embedded* run mode from docs/architecture.md: a SQLite file and the
django-q2 ORM broker, so a fresh clone runs with nothing else installed.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env is a convenience for developers; real deployments use the environment.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# ---------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# SECRET_KEY is required unless DEBUG is on: a production host must never sign
# sessions and JWTs with a key that is published in this repository.
if DEBUG:
    SECRET_KEY = env.str(
        "DJANGO_SECRET_KEY", default="alloy-insecure-development-key-change-me"
    )
else:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"]
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "django_q",
    # The HTML site: request.htmx and {% partialdef %} (django-template-partials
    # wraps the template loaders itself; Django 6 would have partials built in).
    "django_htmx",
    "template_partials",
    "csp",
    # Alloy, in dependency order: an app may import from the apps above it only.
    "coach",
    "movements",
    "programs",
    "training_logs",
    "adaptation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "coach.middleware.RequestSizeLimitMiddleware",
    "coach.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last: a POST/PUT/PATCH/DELETE runs its view in one transaction, a GET in
    # autocommit (ATOMIC_REQUESTS is off; see the Database section).
    "coach.middleware.UnsafeRequestTransactionMiddleware",
]

ROOT_URLCONF = "coach.urls"
WSGI_APPLICATION = "coach.wsgi.application"
ASGI_APPLICATION = "coach.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Database
# ---------------------------------------------------------------------------
# Default: a SQLite file. A web process and a worker write to it at once, so it is
# opened in WAL mode with a busy timeout and IMMEDIATE transactions: a writer takes
# the lock when its transaction starts instead of failing half-way with
# "database is locked" (Django 5.1+ "transaction_mode" / "init_command" options).
SQLITE_PATH = env.str("ALLOY_SQLITE_PATH", default=str(BASE_DIR / "db.sqlite3"))
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{SQLITE_PATH}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,  # seconds to wait for the write lock
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA busy_timeout=20000;"
                "PRAGMA foreign_keys=ON;"
            ),
        }
    )
# Persistent connections on both backends under WSGI: reopening SQLite (and
# re-running the pragmas above) on every request costs more than the request's own
# queries. Under ASGI (uvicorn; coach/asgi.py sets ALLOY_SERVER=asgi) each request's
# sync work runs in a thread of its own that ends with the request, so a kept
# connection would leak: Django's docs say to disable persistent connections there
# (ref/databases, "Persistent connections"), and the default is 0.
ASGI_SERVER = env.str("ALLOY_SERVER", default="") == "asgi"
DATABASES["default"].setdefault(
    "CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", 0 if ASGI_SERVER else 60)
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Every unsafe request (POST/PUT/PATCH/DELETE) runs in one transaction, so a
# failure half-way writes nothing; GET/HEAD/OPTIONS run in autocommit. This is
# coach.middleware.UnsafeRequestTransactionMiddleware, not ATOMIC_REQUESTS: with
# IMMEDIATE transactions on SQLite, ATOMIC_REQUESTS made every GET hold the write
# lock for its whole duration.
DATABASES["default"]["ATOMIC_REQUESTS"] = False

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------------------
# Accounts
# ---------------------------------------------------------------------------
AUTH_USER_MODEL = "coach.User"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# ---------------------------------------------------------------------------
# Internationalisation
# ---------------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("ALLOY_TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# ---------------------------------------------------------------------------
# Static files (WhiteNoise serves them from the same process)
# ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# ---------------------------------------------------------------------------
# REST API
# ---------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "coach.exceptions.api_exception_handler",
    # Scoped throttles (coach/throttling.py) on auth and on the expensive writes;
    # counted in the default cache, so every web process shares one count.
    "DEFAULT_THROTTLE_RATES": {
        "auth": env.str("ALLOY_THROTTLE_AUTH", default="30/min"),
        "login_account": env.str("ALLOY_THROTTLE_LOGIN_ACCOUNT", default="10/hour"),
        "program_create": env.str("ALLOY_THROTTLE_PROGRAM_CREATE", default="60/hour"),
        "expensive": env.str("ALLOY_THROTTLE_EXPENSIVE", default="120/min"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Alloy API",
    "DESCRIPTION": "Alloy, a self-hosted strength coach: programs, sessions, movements.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # One schema enum per shared vocabulary, whatever the field's name: movements
    # and circuits share disciplines; settings and imports share weight units.
    "ENUM_NAME_OVERRIDES": {
        "DisciplineEnum": "movements.models.Discipline",
        "UnitsEnum": "coach.models.Units",
    },
    # The coach's voice streams from async views drf-spectacular cannot see; the
    # hook describes them and their events.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "adaptation.api.schema.add_stream_paths",
    ],
}
# Short access tokens, rotated refresh tokens, and a blacklist so a used refresh
# token cannot be replayed.
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(
        minutes=env.int("JWT_ACCESS_TOKEN_MINUTES", default=30)
    ),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_TOKEN_DAYS", 7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "AUTH_HEADER_TYPES": ("Bearer",),
}

# ---------------------------------------------------------------------------
# Cache (shared by every process: throttle counts, django-q2 cluster stats)
# ---------------------------------------------------------------------------
# Default: Django's database cache in the table ``alloy_cache`` (created by the
# migration coach/0004 and by `manage.py createcachetable`), so the web processes
# and the worker see one cache with nothing else installed. Scale-out: set
# CACHE_URL, e.g. redis://127.0.0.1:6379/1 (django-environ's cache URL syntax).
CACHE_TABLE = "alloy_cache"
CACHES = {"default": env.cache_url("CACHE_URL", default=f"dbcache://{CACHE_TABLE}")}
# Throttle counters (coach/throttling.py): every throttled POST writes one. In
# the database cache of a SQLite database that write is one more wait for the
# single write lock (issue 13: the load test's create p95), so there the
# counters live in a file-based cache every process of the host shares
# (ALLOY_THROTTLE_CACHE_DIR). With CACHE_URL set or PostgreSQL, they share the
# default cache.
THROTTLE_CACHE_DIR = env.str(
    "ALLOY_THROTTLE_CACHE_DIR", default=f"{SQLITE_PATH}.throttle"
)
if not env.str("CACHE_URL", default="") and (
    DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
):
    CACHES["throttle"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": THROTTLE_CACHE_DIR,
    }
else:
    CACHES["throttle"] = dict(CACHES["default"])

# ---------------------------------------------------------------------------
# Background work (django-q2)
# ---------------------------------------------------------------------------
# The ORM broker needs nothing else installed; set Q_CLUSTER_REDIS to use Redis.
# ``timeout`` (the longest a task may run) stays below ``retry`` (when an
# unacknowledged task is handed out again), so a slow task is never run twice.
Q_CLUSTER = {
    "name": "alloy",
    "workers": env.int("Q_CLUSTER_WORKERS", default=2),
    "timeout": env.int("Q_CLUSTER_TIMEOUT", default=120),
    "retry": env.int("Q_CLUSTER_RETRY", default=180),
    "max_attempts": 2,
    "queue_limit": 50,
    "bulk": 1,
    "catch_up": False,
    "poll": env.float("Q_CLUSTER_POLL", default=0.2),
    "save_limit": 250,
    "ack_failures": True,
    "label": "Tasks",
}
_q_redis = env.str("Q_CLUSTER_REDIS", default="")
if _q_redis:
    Q_CLUSTER["redis"] = _q_redis
else:
    Q_CLUSTER["orm"] = "default"
# Niceness (0-19, 0 = unchanged) every django-q2 worker process takes as it
# starts (coach/worker.py): on a shared host a program's generation runs behind
# the web processes instead of beside them.
ALLOY_WORKER_NICE = env.int("ALLOY_WORKER_NICE", default=10)
if not 0 <= ALLOY_WORKER_NICE <= 19:
    raise environ.ImproperlyConfigured("ALLOY_WORKER_NICE must be between 0 and 19")
if Q_CLUSTER["timeout"] >= Q_CLUSTER["retry"]:
    raise environ.ImproperlyConfigured(
        "Q_CLUSTER_TIMEOUT must be below Q_CLUSTER_RETRY"
    )

# ---------------------------------------------------------------------------
# Alloy
# ---------------------------------------------------------------------------
# Hours for muscle recovery to climb back by one point (0-10 scale), per the
# seeds' soreness_decay_hours; recovery rises with time in Alloy.
SORENESS_DECAY_HOURS = env.float("SORENESS_DECAY_HOURS", default=10.0)
# A generation run refreshes its heartbeat at least every fifth of this bound
# (seconds) while it writes sessions; the sweeper (programs/leases.py: at every
# worker start and once a minute) re-queues a program whose heartbeat is older,
# so a killed worker's program resumes in seconds instead of after Q_CLUSTER_RETRY.
ALLOY_GENERATION_STALE_SECONDS = env.float(
    "ALLOY_GENERATION_STALE_SECONDS", default=10.0
)
# The worker's generations and the daily coach's adaptations keep the movement
# library snapshot in each process for this many seconds (programs/library_cache.py;
# re-read when movements, muscle links, relationships or circuits are added or
# removed); 0 re-reads it every time. Whether rows were added or removed is
# checked (one count query) at most every LIBRARY_CHECK_SECONDS: a new movement
# reaches generation and the coach within that. ADAPTATION_LIBRARY_CACHE_SECONDS
# is the variable's earlier name.
LIBRARY_CACHE_SECONDS = env.int(
    "ALLOY_LIBRARY_CACHE_SECONDS",
    default=env.int("ADAPTATION_LIBRARY_CACHE_SECONDS", default=300),
)
LIBRARY_CHECK_SECONDS = env.float("ALLOY_LIBRARY_CHECK_SECONDS", default=10.0)
# Where the movement-library importer reads free-exercise-db from.
ALLOY_EXERCISE_DB_PATH = env.str(
    "ALLOY_EXERCISE_DB_PATH",
    default=str(
        BASE_DIR.parent / "shared" / "data" / "free-exercise-db" / "exercises.json"
    ),
)

# ---------------------------------------------------------------------------
# The coach's voice: an optional OpenAI-compatible language model (coach/llm.py)
# ---------------------------------------------------------------------------
# Empty: no model, and Alloy shows its deterministic explanations (the default).
# Ollama: http://127.0.0.1:11434/v1 ; llama.cpp's server: http://127.0.0.1:8080/v1
LLM_BASE_URL = env.str("LLM_BASE_URL", default="")
LLM_MODEL = env.str("LLM_MODEL", default="")
LLM_API_KEY = env.str("LLM_API_KEY", default="")
# Seconds: to connect; between two streamed chunks (a stalled model); for the
# whole answer, capped at 60 so a model can never hold a stream for long.
LLM_CONNECT_TIMEOUT = env.float("LLM_CONNECT_TIMEOUT", default=3.0)
LLM_READ_TIMEOUT = env.float("LLM_READ_TIMEOUT", default=15.0)
LLM_TOTAL_TIMEOUT = min(env.float("LLM_TOTAL_TIMEOUT", default=45.0), 60.0)
LLM_MAX_TOKENS = env.int("LLM_MAX_TOKENS", default=400)
# GET /health/llm probes the model server at most this often (seconds), with a
# short timeout of its own.
LLM_PROBE_TIMEOUT = env.float("LLM_PROBE_TIMEOUT", default=2.0)
LLM_HEALTH_CACHE_SECONDS = env.int("LLM_HEALTH_CACHE_SECONDS", default=15)

# ---------------------------------------------------------------------------
# Logging
# ---------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("ALLOY_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One INFO line per model request is noise; failures are logged by
        # coach.llm as warnings.
        "httpx": {"level": "WARNING"},
    },
}

# ---------------------------------------------------------------------------
# Security
# ---------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# DJANGO_HTTPS=true when Alloy is served over HTTPS (directly or behind a proxy that
# sets X-Forwarded-Proto): secure cookies, HTTP → HTTPS redirects and HSTS. Off by
# default so `make run` works on http://127.0.0.1:8000. `manage.py check --deploy`
# is clean with it on (coach/tests/test_security.py proves it).
HTTPS = env.bool("DJANGO_HTTPS", default=False)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
# Preload is a commitment (HTTPS for every subdomain, for years); on with HTTPS so
# `check --deploy` is clean, DJANGO_HSTS_PRELOAD=false opts out.
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=HTTPS)
if env.bool("DJANGO_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
# The health probe is plain HTTP on the host's own loopback.
SECURE_REDIRECT_EXEMPT = [r"^health"]

# Request bodies: the API's largest honest body (a program with its rules, a long
# workout log) is a few kilobytes; 1 MiB leaves room and refuses a 10 MB body with
# a 413 before anything parses it (coach/middleware.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("ALLOY_MAX_BODY_BYTES", default=1_048_576)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2_000
ALLOY_MAX_UPLOAD_BYTES = env.int("ALLOY_MAX_UPLOAD_BYTES", default=20 * 1_048_576)

# Content Security Policy (django-csp): only Alloy's own scripts, each inline script
# carries the per-request nonce, htmx runs without eval (see base.html's
# htmx-config). Inline style *attributes* (bar widths) need 'unsafe-inline' styles.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
