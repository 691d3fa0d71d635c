# Resolution Atlas — every target sets up what it needs from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: site offline test lint bench generate clean setup system-deps

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Debian packages the browser tests need (headless Chromium); installed only when missing.
system-deps:
	@if [ ! -x $(CHROMIUM) ]; then \
		apt-get update && apt-get install -y chromium; \
	fi

generate: $(STAMP)
	$(BIN)/resatlas build --seeds seeds --out docs

site: generate
	$(BIN)/mkdocs build --strict

offline: generate
	$(BIN)/resatlas offline --out site-offline.zip

test: $(STAMP) system-deps
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q -n 2

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format generator tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf site site-offline site-offline.zip build
