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

test: lint
	$(BIN)/pytest

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py undersign_seed_demo
	PORT=$(PORT) PARTNER_PORT=$(PARTNER_PORT) bash cms/devserver.sh
