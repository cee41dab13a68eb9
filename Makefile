# omnibox: `make run` starts the product, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
WEB_STAMP := src/omnibox/webdist/index.html
WEB_SOURCES := $(shell find web/src web/public web/index.html web/package.json web/vite.config.ts -type f 2>/dev/null)

.PHONY: run test test-py test-web bench lint typecheck web openapi install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(UV): | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check "uv==0.13.9"

# The lock file pins every Python dependency; --inexact keeps uv itself in the venv.
$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --inexact
	touch $@

install: $(VENV)/.synced web

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

$(WEB_STAMP): web/node_modules/.package-lock.json $(WEB_SOURCES)
	cd web && npm run build

web: $(WEB_STAMP)

run: install
	$(BIN)/omnibox serve

# The web client's API types are generated from the server's OpenAPI schema.
openapi: $(VENV)/.synced
	$(BIN)/omnibox openapi --output web/openapi.json
	cd web && npm run gen:api

test: install lint test-web test-py

test-py: install
	$(BIN)/pytest

test-web: web/node_modules/.package-lock.json
	cd web && npm test

lint: $(VENV)/.synced
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# Benchmarks print figures (never pass/fail). The speech ones read ../shared/speech.
bench: install
	$(UV) sync --frozen --inexact --group bench
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/speech.py --model tiny-en
	$(BIN)/python bench/speech.py --model base

clean:
	rm -rf $(VENV) web/node_modules src/omnibox/webdist
