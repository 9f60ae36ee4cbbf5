# lingograph — `make run` serves the API, `make test` runs the suite (see README.md).
# Both create .venv and install the project first; with DATABASE_URL unset they start an
# embedded PostgreSQL (pgserver) whose data lives under .data/.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED_OPS := ../shared/operations

.PHONY: run test schema migration lint format install bench graphiql-assets

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) main.py serve

test: $(STAMP)
	$(PY) -m pytest

schema: $(STAMP)
	$(PY) main.py schema > schema.graphql

migration: $(STAMP)
	@test -n "$(NAME)" || (echo "usage: make migration NAME=describe_the_change" && exit 2)
	$(PY) main.py makemigration $(NAME)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# First-release only: rebuild the initial migration from the models (serialised with flock,
# since several people may run it at once while the first release is being written).
migrations-reset: $(STAMP)
	flock /tmp/lingograph-migrations.lock $(PY) tools/regen_initial_migration.py
