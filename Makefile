# Resolution Atlas — every target sets up what it needs from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: site site-docs site-large site-large-docs offline test lint bench generate clean setup system-deps

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Debian packages the tests need, installed only when missing: headless Chromium for the browser
# tests, npm for the offline bundle (it vendors iframe-worker and mermaid from the npm registry),
# LibreOffice Writer for the Word redline test (it converts each redline to PDF).
system-deps:
	@missing=""; \
	[ -x $(CHROMIUM) ] || missing="$$missing chromium"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-writer-nogui"; \
	if [ -n "$$missing" ]; then apt-get update && apt-get install -y $$missing; fi

generate: $(STAMP)
	$(BIN)/resatlas build --seeds seeds --out docs

# The published corpus: the seeds and the real UN texts of tests/corpus (SOURCES.md describes them).
# CHANGES=FILE (a `resatlas changes --format json` report) adds the preview's Changes page.
site-docs: $(STAMP)
	$(BIN)/resatlas build --seeds seeds --corpus tests/corpus --out docs $(if $(CHANGES),--changes $(CHANGES))

# A broken link or anchor fails the build (mkdocs.yml raises validation to warn; --strict aborts on it).
site: site-docs
	$(BIN)/mkdocs build --strict

# The development corpus (tests/dev-corpus.list: some 900 real texts) as the site, into docs/ and site/
# like `make site`; benchmarks/README.md has its times and sizes.
site-large-docs: $(STAMP)
	$(BIN)/resatlas build --seeds seeds --list tests/dev-corpus.list --out docs

site-large: site-large-docs
	$(BIN)/mkdocs build --strict

# The offline bundle: vendors iframe-worker and mermaid from the npm registry (needs npm), builds
# with Material's offline plugin into site-offline/ and zips it; after `make site` the zip is also
# published as site/downloads/resolution-atlas-offline.zip (the Downloads page links to it).
offline: site-docs
	$(BIN)/resatlas offline --docs docs --site-dir site-offline --out site-offline.zip
	@if [ -d site/downloads ]; then \
		cp site-offline.zip site/downloads/.resolution-atlas-offline.zip.tmp && \
		mv -f site/downloads/.resolution-atlas-offline.zip.tmp site/downloads/resolution-atlas-offline.zip; \
	fi

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
