# Alloy: two commands. `make run` serves a working coach; `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1:8000

.PHONY: run test venv setup lint format bench clean fuzz loadtest bench-clusters

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Alloy needs Python 3.11 or newer")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

# A local .env with a fresh secret key, made once (real deployments set the environment).
.env:
	@$(PYTHON) -c 'import secrets; print("DJANGO_SECRET_KEY=" + secrets.token_urlsafe(50))' > .env
	@echo "Wrote .env with a new DJANGO_SECRET_KEY"

setup: venv .env
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddata movements
	$(PY) manage.py load_circuits
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py create_demo_athlete
	$(PY) manage.py schedule_generation_sweep

run: setup
	$(PY) manage.py serve $(HOST)

test: venv
	$(VENV)/bin/pytest

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: setup
	$(PY) manage.py bench_generation

# Schemathesis against /api/schema/ with many examples per operation (CI runs 5).
FUZZ_EXAMPLES ?= 200
fuzz: venv
	ALLOY_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(VENV)/bin/pytest coach/tests/api_wide/test_schemathesis.py -q -p no:cacheprovider

# A bounded, headless load test on loopback: gunicorn + django-q2 + Locust.
# SCENARIO=light|medium|stress|spike|endurance  DB=sqlite|postgres  SECONDS=…
# RESTART_DB_AT=60 (DB=postgres): restart the stack's PostgreSQL 60 s in.
SCENARIO ?= medium
DB ?= sqlite
loadtest: venv
	$(PY) loadtests/run.py --scenario $(SCENARIO) --db $(DB) $(if $(SECONDS),--seconds $(SECONDS)) $(if $(WORKERS),--workers $(WORKERS)) $(if $(CLUSTER_WORKERS),--cluster-workers $(CLUSTER_WORKERS)) $(if $(RESTART_DB_AT),--restart-db-at $(RESTART_DB_AT))

# Generation throughput with 1, 2 and 4 clusters on Redis + PostgreSQL.
bench-clusters: venv
	$(PY) loadtests/bench_clusters.py

clean:
	rm -rf $(VENV) staticfiles artifacts
