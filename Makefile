# The two commands of the README: `make demo` and `make test`.
# Each creates .venv when missing and installs what it needs from PyPI
# (and, for the tests, Debian's chromium and postgresql).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev-ray
APP    := $(VENV)/.installed-app
DB     ?= storylens.db
# e.g. make demo SERVE_ARGS="--port 8080"
SERVE_ARGS ?=
export HF_HUB_OFFLINE := 1

.PHONY: demo test lint typecheck pytest bench system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# The tests need the development tools and Ray (for `storylens batch`); the demo
# needs StoryLens alone.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,ray]'
	touch $(STAMP)

$(APP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $(APP)

demo: $(APP)
	$(BIN)/storylens ingest examples --db $(DB)
	$(BIN)/storylens stories --db $(DB)
	$(BIN)/storylens serve --db $(DB) $(SERVE_ARGS)

system-deps:
	scripts/install-system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy src

# The store's contract tests run on a real PostgreSQL started here on loopback.
pytest: $(STAMP) system-deps
	url=$$(scripts/test-postgres.sh) && STORYLENS_TEST_PG_URL=$$url $(BIN)/pytest -q

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	scripts/test-postgres.sh stop || true
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
