# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

# Dependencies come from the locks (`make lock` writes them from pyproject.toml), then the project without its own.
LOCKED := --quiet --no-deps -e .
COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links

.PHONY: run test test-slow bench bench-all lint schema clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install $(LOCKED)
	touch $@

$(VENV)/.dev: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.lock
	$(BIN)/pip install $(LOCKED)
	touch $@ $(VENV)/.runtime

# Keeps every pin that still fits pyproject.toml; `make lock UPGRADE=--upgrade` (or `--upgrade-package NAME`) moves.
lock: $(VENV)/.dev
	$(COMPILE) $(UPGRADE) -o requirements.lock pyproject.toml
	$(COMPILE) $(UPGRADE) --extra dev -c requirements.lock -o requirements-dev.lock pyproject.toml

run: $(VENV)/.runtime
	$(BIN)/commons serve --demo

lint: $(VENV)/.dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

node_modules/.installed: package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

test: lint node_modules/.installed
	$(BIN)/python -m tests.support.browser
	$(BIN)/pytest

test-slow: $(VENV)/.dev
	$(BIN)/pytest -m slow -o addopts='-p no:cacheprovider'

bench: $(VENV)/.dev
	$(BIN)/python -m bench

bench-all: $(VENV)/.dev
	$(BIN)/python -m bench --all

schema: $(VENV)/.dev
	$(BIN)/python -m schema.export

clean:
	rm -rf $(VENV) var test-output node_modules
