# Undersign: `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PARTNER_PORT ?= 8001
export DJANGO_SETTINGS_MODULE ?= cms.settings.dev

.PHONY: install run test lint

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The whole suite on SQLite, whatever the calling shell points DATABASE_URL at;
# the test settings are named here because pytest-django prefers the environment's
# DJANGO_SETTINGS_MODULE (exported above for `make run`) over pyproject.toml.
test: lint
	env -u DATABASE_URL -u REDIS_URL DJANGO_SETTINGS_MODULE=cms.settings.test \
		$(BIN)/pytest

run: install
	$(BIN)/python manage.py migrate --noinput
	PORT=$(PORT) PARTNER_PORT=$(PARTNER_PORT) $(BIN)/python manage.py undersign_seed_demo
	PORT=$(PORT) PARTNER_PORT=$(PARTNER_PORT) bash cms/devserver.sh

# The wheel in a stranger's site (tests/stranger_site): build it, `wagtail start`,
# apply the README's install section verbatim, sign in Chromium from another site
# name, at the root and under petitions/. Part of `make test` too (marked e2e).
.PHONY: plugin-test
plugin-test: install
	env -u DATABASE_URL -u REDIS_URL DJANGO_SETTINGS_MODULE=cms.settings.test \
		$(BIN)/pytest -p no:randomly tests/stranger_site

# Load benchmark (never part of `make test`): gunicorn with production settings on
# PostgreSQL ($$DATABASE_URL, default the local `undersign_bench`, recreated) and
# Redis; prints req/s, latency percentiles and ratios to a bare Django view.
# Then a spike: 60 s of signing with `undersign_worker` running, the count's lag
# and the outbox's drain time ("--spike-seconds 0" skips it, "--only-spike").
# BENCH_ARGS passes options, e.g. BENCH_ARGS="--workers 2,3,4" or "--growth".
.PHONY: bench
bench: install
	$(BIN)/python -m pip install -q -r requirements-bench.txt
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Schemathesis over every operation of /api/v1/schema/ against a live server,
# FUZZ_EXAMPLES per operation (the suite runs 200): no 5xx, no schema violation.
# Prints the requests each operation received. Never part of `make test`.
FUZZ_EXAMPLES ?= 1000
.PHONY: fuzz
fuzz: install
	env -u DATABASE_URL -u REDIS_URL DJANGO_SETTINGS_MODULE=cms.settings.test \
		LOG_LEVEL=ERROR UNDERSIGN_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) \
		$(BIN)/pytest -p no:randomly -p no:logging -s -q tests/fuzz
