"""The frontend contract: schema.graphql is current and the operations validate against it.

../shared/operations is the source of truth when present (a user's clone does not have it);
tests/operations mirrors it for the end-to-end tests and must not drift.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import build_schema as build_sdl
from graphql import parse, validate

from core.settings import get_settings
from schema.root import DOMAINS, build_schema

ROOT = Path(__file__).resolve().parents[2]
SHARED_OPERATIONS = ROOT.parent / "shared" / "operations"
LOCAL_OPERATIONS = ROOT / "tests" / "operations"
# A domain serves its operations file once it is built (schema.root's registry).
CONTRACT_FILES = [name for domain in DOMAINS for name in domain.operations]


def test_schema_file_is_up_to_date() -> None:
    current = build_schema(get_settings()).as_str() + "\n"
    assert (ROOT / "schema.graphql").read_text() == current, "run `make schema`"


@pytest.mark.parametrize("name", CONTRACT_FILES)
def test_operations_validate_against_schema(name: str) -> None:
    schema = build_sdl((ROOT / "schema.graphql").read_text())
    folder = SHARED_OPERATIONS if SHARED_OPERATIONS.is_dir() else LOCAL_OPERATIONS
    errors = validate(schema, parse((folder / name).read_text()))
    assert [error.message for error in errors] == []


@pytest.mark.skipif(not SHARED_OPERATIONS.is_dir(), reason="../shared/operations is absent")
@pytest.mark.parametrize("name", CONTRACT_FILES)
def test_local_operation_copies_match_shared(name: str) -> None:
    assert (LOCAL_OPERATIONS / name).read_text() == (SHARED_OPERATIONS / name).read_text()
