"""`FAST_EXECUTOR` chooses the executor; the fast one's fallbacks to graphql-core's generic
path are counted, logged at DEBUG and, in debug mode, reported in `extensions` on request."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

import httpx
import pytest
from graphql import assert_object_type
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from core.settings import Settings, load_settings
from engine.context import Context
from engine.execution import ExecutorReport, FastExecutionContext
from engine.ids import global_id
from resolvers.identity.auth import authenticate
from schema.root import build_schema, extensions
from services import build_services
from tests.factories.catalog import course_tree
from tests.factories.identity import signed_in

ME = "{ me { id displayName } }"
ASK = {"executor": True}


@pytest.mark.parametrize("value", ["0", "false", "off"])
def test_fast_executor_off_builds_the_stock_executor(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("FAST_EXECUTOR", value)
    settings = load_settings()
    assert settings.fast_executor is False
    schema = build_schema(settings)
    assert schema.execution_context_class is StrawberryGraphQLCoreExecutionContext
    # Strawberry's own resolvers answer relations: nothing of engine/execution*.py is left.
    unit = assert_object_type(schema._schema.type_map["Lesson"]).fields["unit"]
    assert unit.resolve.__module__.startswith("strawberry.")
    assert ExecutorReport not in extensions(dataclasses.replace(settings, debug=True))


@pytest.mark.parametrize("value", [None, "", "1", "true"])
def test_fast_executor_is_on_by_default(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv("FAST_EXECUTOR", raising=False)
    else:
        monkeypatch.setenv("FAST_EXECUTOR", value)
    settings = load_settings()
    assert settings.fast_executor is True
    schema = build_schema(settings)
    assert schema.execution_context_class is FastExecutionContext
    unit = assert_object_type(schema._schema.type_map["Lesson"]).fields["unit"]
    assert unit.resolve.__module__ == "engine.execution_plans"  # the direct relation resolver


async def test_debug_mode_reports_the_fallbacks_over_http(
    server: str, http: httpx.AsyncClient
) -> None:
    """The test server runs in debug mode: asked for, the report comes back."""
    _, token = await signed_in(display_name="Fallback")
    headers = {"Authorization": f"Bearer {token}"}
    asked = await http.post("/graphql", json={"query": ME, "extensions": ASK}, headers=headers)
    body = asked.json()
    assert body["data"] == {"me": {"id": body["data"]["me"]["id"], "displayName": "Fallback"}}
    # `me` has a resolver: the generic path; `User.id` and `User.displayName` are planned.
    assert body["extensions"] == {"executor": {"fallbacks": 1, "fields": {"Query.me": 1}}}
    # Not asked for: the answer keeps its usual shape.
    plain = await http.post("/graphql", json={"query": ME}, headers=headers)
    assert "extensions" not in plain.json()


async def _execute(settings: Settings, query: str, token: str, variables: Any = None) -> Any:
    context = Context(settings=settings, services=build_services(settings))
    signed = await authenticate(f"Bearer {token}")
    assert signed is not None, "the token does not sign anybody in"
    context.viewer, context.token = signed
    return await build_schema(settings).execute(
        query, variable_values=variables, context_value=context, operation_extensions=ASK
    )


async def test_the_report_is_debug_mode_only(
    server: str, settings: Settings, database_url: str
) -> None:
    _, token = await signed_in()
    base = dataclasses.replace(settings, database_url=database_url)
    debug = await _execute(dataclasses.replace(base, debug=True), ME, token)
    assert debug.extensions == {"executor": {"fallbacks": 1, "fields": {"Query.me": 1}}}
    production = await _execute(dataclasses.replace(base, debug=False), ME, token)
    assert production.errors is None and production.data == debug.data
    assert production.extensions == {}
    stock = await _execute(dataclasses.replace(base, debug=True, fast_executor=False), ME, token)
    assert stock.data == debug.data and stock.extensions == {}


async def test_fallbacks_are_logged_once_per_field_with_path_and_reason(
    server: str, settings: Settings, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    _, token = await signed_in()
    tree = await course_tree(units=1, lessons=1, exercises=2)
    query = """query ($id: ID!) { node(id: $id) { ... on Lesson {
        id title unit { id title } exercises { id prompt } } } }"""
    variables = {"id": global_id("Lesson", tree.lessons[0].id)}
    production = dataclasses.replace(settings, database_url=database_url, debug=False)
    with caplog.at_level(logging.DEBUG, logger="lingograph.executor"):
        result = await _execute(production, query, token, variables)
    assert result.errors is None
    assert result.data["node"]["unit"]["title"] == "Unit 1"
    logged = [r.getMessage() for r in caplog.records if r.name == "lingograph.executor"]
    assert "executor fallback: Query.node at node (it takes arguments)" in logged
    # A single lesson's unit is not loaded yet when its plan reads it: the generic path waits.
    assert "executor fallback: Lesson.unit at node.unit (its plan declined the value)" in logged
    assert len(logged) == len(set(logged)), logged  # each field once per operation
    assert result.extensions == {}  # logged, but reported only in debug mode
