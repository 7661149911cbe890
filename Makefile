# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-slow bench lint schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.runtime

run: $(VENV)/.runtime
	$(BIN)/commons serve --demo

lint: $(VENV)/.dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
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
	$(BIN)/commons bench

schema: $(VENV)/.dev
	$(BIN)/python -m schema.export

clean:
	rm -rf $(VENV) var test-output node_modules
