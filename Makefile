# Alloy: two commands. `make run` serves a working coach; `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1:8000

.PHONY: run test venv setup lint format bench clean

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Alloy needs Python 3.11 or newer")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

# A local .env with a fresh secret key, made once (real deployments set the environment).
.env:
	@$(PYTHON) -c 'import secrets; print("DJANGO_SECRET_KEY=" + secrets.token_urlsafe(50))' > .env
	@echo "Wrote .env with a new DJANGO_SECRET_KEY"

setup: venv .env
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddata movements
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

clean:
	rm -rf $(VENV) staticfiles artifacts
