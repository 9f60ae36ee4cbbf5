# lingograph — `make run` serves the API, `make test` runs the suite (see README.md).
# Both create .venv and install the project first; with DATABASE_URL unset they start an
# embedded PostgreSQL (pgserver) whose data lives under .data/.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED_OPS := ../shared/operations

LOCK := requirements.lock
UV := uv==0.13.9

.PHONY: run test schema migration lint format install lock bench bench-analytics soak graphiql-assets

# Every runtime and dev dependency comes from requirements.lock (exact versions, hashes
# checked), then the project itself without dependencies; `pip check` catches a lock that
# no longer satisfies pyproject.toml.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m pip check >/dev/null \
		|| ($(PY) -m pip check; echo "make: $(LOCK) does not satisfy pyproject.toml; run make lock"; exit 1)
	touch $(STAMP)

install: $(STAMP)

# Regenerates requirements.lock from pyproject.toml (runtime + dev extras, every platform,
# hashes) with uv from a throwaway venv. Versions already in the lock are kept while they
# still fit; to move them: make lock LOCK_ARGS=--upgrade (or --upgrade-package NAME).
lock:
	@tools=$$(mktemp -d) && trap 'rm -rf "$$tools"' EXIT \
		&& $(PYTHON) -m venv "$$tools" \
		&& "$$tools/bin/pip" install --quiet '$(UV)' \
		&& "$$tools/bin/uv" pip compile pyproject.toml --extra dev --universal \
			--python-version 3.11 --generate-hashes --custom-compile-command "make lock" \
			--quiet --output-file $(LOCK) $(LOCK_ARGS)

# GraphiQL's assets (served by the app, so it works offline) and the graphql-http audit used
# by the tests come from npm; `npm ci` checks every package against package-lock.json's
# integrity hashes. Without npm (or the registry), nothing fails: GraphiQL loads its assets
# from the CDN and the audit test skips with a reason.
NPM := $(shell command -v npm 2>/dev/null)
NODE_STAMP := node_modules/.package-lock.json
NODE_DEPS := $(if $(NPM),$(NODE_STAMP))

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error \
		|| echo "make: npm ci failed; GraphiQL will load from the CDN, the HTTP audit test skips"

graphiql-assets: $(NODE_DEPS)

run: $(STAMP) $(NODE_DEPS)
	$(PY) main.py serve

test: $(STAMP) $(NODE_DEPS)
	$(PY) -m pytest

schema: $(STAMP)
	$(PY) main.py schema > schema.graphql

migration: $(STAMP)
	@test -n "$(NAME)" || (echo "usage: make migration NAME=describe_the_change" && exit 2)
	$(PY) main.py makemigration $(NAME)

# Style, types (mypy: pyproject's [tool.mypy]) and the import rules of DESIGN.md (import-linter:
# the layers, the domains' order, no cycles, no domain reaching into another's internals).
lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# First-release only: rebuild the initial migration from the models (serialised with flock,
# since several people may run it at once while the first release is being written).
migrations-reset: $(STAMP)
	flock /tmp/lingograph-migrations.lock $(PY) tools/regen_initial_migration.py

# The nested-read benchmark (bench/README.md): its own `lingograph_bench` database, the API
# served as in production, batched vs naive vs a hand-written baseline; writes
# bench/results.json. Options: make bench BENCH_ARGS="--duration 5 --clients 1,16".
# Then insight's CourseAnalytics on a course with 10,000 enrollments (bench/analytics.py):
# p50 and the EXPLAIN plans, sequential scans of the big tables flagged.
bench: $(STAMP)
	$(PY) -m bench.run $(BENCH_ARGS)
	$(PY) -m bench.analytics $(BENCH_ANALYTICS_ARGS)

# CourseAnalytics alone. Options: make bench-analytics BENCH_ANALYTICS_ARGS="--requests 500".
bench-analytics: $(STAMP)
	$(PY) -m bench.analytics $(BENCH_ANALYTICS_ARGS)

# The soak test (README.md, "Soak"): 16 clients of mixed traffic for SOAK_SECONDS against
# `main.py serve --workers 2` on its own `lingograph_soak` database, then a check that every
# acknowledged write is in the database and the hearts/XP invariants hold; writes
# bench/results-soak.json. Options: make soak SOAK_SECONDS=300 SOAK_ARGS="--clients 32".
SOAK_SECONDS ?= 60

soak: $(STAMP)
	$(PY) -m bench.soak --seconds $(SOAK_SECONDS) $(SOAK_ARGS)
