# Redline: two commands on a fresh machine — `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test bench lint typecheck system-deps system-deps-test clean

$(PY):
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall when the project's dependency list changes.
$(STAMP): pyproject.toml | $(PY)
	@bash scripts/system-deps.sh run
	$(PIP) install --quiet -e '.[faces]'
	$(PIP) install --quiet --no-deps 'face_recognition==1.3.0'
	@touch $@

$(TEST_STAMP): $(STAMP) pyproject.toml
	@bash scripts/system-deps.sh test
	$(PIP) install --quiet -e '.[faces,test]'
	@touch $@

run: $(STAMP)
	$(VENV)/bin/redline serve --demo

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

test: $(TEST_STAMP) lint
	$(VENV)/bin/pytest -q

bench: $(TEST_STAMP)
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
