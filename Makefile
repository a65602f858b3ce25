# Byline: `make run` serves the demo newsroom, `make serve` serves it as in
# production, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test setup vnu lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

setup: $(STAMP)

# The Nu Html Checker for the browser tests, pinned in package-lock.json. Without
# npm the HTML validity test skips (and fails when CI is set).
$(VNU_JAR): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the HTML validity test will be skipped."; fi

vnu: $(VNU_JAR)

run: export DEBUG ?= true
run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py ensure_demo_admin
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production setup on this machine (README, docs/deploy.md): DEBUG off,
# static files collected and served by WhiteNoise, gunicorn configured by
# cms/gunicorn_conf.py. It needs SECRET_KEY. It speaks plain HTTP on $(HOST), so
# the HTTPS redirect and HTTPS-only cookies are off, and Django serves uploads.
serve: export DEBUG = false
serve: export ALLOWED_HOSTS ?= localhost,127.0.0.1,[::1]
serve: export SECURE_SSL_REDIRECT ?= false
serve: export SECURE_COOKIES ?= false
serve: export SERVE_MEDIA ?= true
serve: setup
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py migrate --noinput
	exec $(BIN)/gunicorn -c cms/gunicorn_conf.py --bind $(HOST):$(PORT) cms.wsgi

test: export SECRET_KEY ?= insecure-key-for-the-test-run-only
test: setup vnu
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: setup
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
