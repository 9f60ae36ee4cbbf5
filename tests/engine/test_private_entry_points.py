"""The fast executor (engine/execution.py, engine/execution_plans.py) subclasses graphql-core's
executor through Strawberry and reads private parts of both. Each of them is listed here; a
release that renames, moves or re-signs one fails this test by name, with the versions the
executor was written against (the exact pins in pyproject.toml, `make lock` locks them).

When it fails after an upgrade: read the executor against the new release, adapt it and
this list, and keep `FAST_EXECUTOR=0` (graphql-core's stock executor) as the way out meanwhile.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
import strawberry
from graphql import GraphQLEnumType, GraphQLObjectType, GraphQLString
from graphql.execution.collect_fields import FieldDetails
from graphql.execution.executor import Executor
from graphql.execution.middleware import MiddlewareManager
from strawberry import relay
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.execution import ExecutionContext
from strawberry.types.field import StrawberryField

from engine.context import Context
from engine.execution import ExecutorReport, FastExecutionContext
from engine.execution_plans import LeafPlan, build_plan
from engine.relations import model_type

ROOT = Path(__file__).resolve().parents[2]
DISTRIBUTIONS = ("graphql-core", "strawberry-graphql")


def _pins(text: str) -> dict[str, str]:
    return {
        name: found.group(1)
        for name in DISTRIBUTIONS
        if (found := re.search(rf"^{re.escape(name)}==([\w.]+)", text, re.MULTILINE))
    }


PYPROJECT_PINS = _pins(
    "\n".join(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"])
)
INSTALLED = {name: version(name) for name in DISTRIBUTIONS}
WRITTEN_FOR = ", ".join(f"{name}=={PYPROJECT_PINS.get(name, '?')}" for name in DISTRIBUTIONS)


def _broken(what: str, detail: str) -> str:
    installed = ", ".join(f"{name} {INSTALLED[name]}" for name in DISTRIBUTIONS)
    return (
        f"{what}: {detail}. The fast executor (engine/execution*.py) was written for "
        f"{WRITTEN_FOR} (pyproject.toml); installed: {installed}. Adapt the executor and this "
        "list to the new release, or run with FAST_EXECUTOR=0 meanwhile."
    )


def test_installed_versions_are_the_exact_pins() -> None:
    for name in DISTRIBUTIONS:
        assert name in PYPROJECT_PINS, f"{name} must be pinned exactly (==) in pyproject.toml"
        assert INSTALLED[name] == PYPROJECT_PINS[name], _broken(
            name, f"installed {INSTALLED[name]}, pinned {PYPROJECT_PINS[name]}"
        )


def test_the_lock_has_the_same_pins() -> None:
    locked = _pins((ROOT / "requirements.lock").read_text())
    assert locked == PYPROJECT_PINS, (
        f"requirements.lock pins {locked}, pyproject.toml {PYPROJECT_PINS}: run `make lock`"
    )


@dataclass(frozen=True)
class EntryPoint:
    name: str
    get: Callable[[], Any]  # raises AttributeError, KeyError or ImportError when it is gone
    parameters: tuple[str, ...] | None = None  # inspect.signature's names, when callable
    defined_by: type | None = None  # the class in the executor's MRO that must define it


def _executor_method(name: str, *parameters: str) -> EntryPoint:
    """A method of graphql-core's `Executor` the fast executor overrides or calls: nothing
    between Strawberry's execution context and `Executor` may override it either."""
    return EntryPoint(
        f"graphql.execution.executor.Executor.{name}",
        lambda: getattr(StrawberryGraphQLCoreExecutionContext, name),
        ("self", *parameters),
        Executor,
    )


def _dataclass_field(cls: type, name: str) -> EntryPoint:
    def get() -> Any:
        return {f.name: f for f in dataclasses.fields(cls)}[name]

    return EntryPoint(f"{cls.__module__}.{cls.__qualname__}.{name}", get)


ENTRY_POINTS = [
    # graphql-core's executor: an internal module, its methods are "not part of the public API".
    EntryPoint(
        "graphql.execution.executor", lambda: importlib.import_module("graphql.execution.executor")
    ),
    EntryPoint(
        "graphql.execution.executor.Path",
        lambda: importlib.import_module("graphql.execution.executor").Path,
        ("prev", "key", "typename"),
    ),
    EntryPoint(
        "graphql.execution.executor.Path.as_list",
        lambda: importlib.import_module("graphql.execution.executor").Path.as_list,
        ("self",),
    ),
    EntryPoint(
        "graphql.execution.executor.gather_with_cancel",
        lambda: importlib.import_module("graphql.execution.executor").gather_with_cancel,
        ("awaitables",),
    ),
    _executor_method(
        "execute_fields",
        "parent_type",
        "source_value",
        "path",
        "grouped_field_set",
        "position_context",
    ),
    _executor_method(
        "execute_field", "parent_type", "source", "field_details_list", "path", "position_context"
    ),
    _executor_method(
        "complete_list_value",
        "return_type",
        "field_details_list",
        "info",
        "path",
        "result",
        "position_context",
    ),
    _executor_method(
        "collect_and_execute_subfields",
        "return_type",
        "field_details_list",
        "path",
        "result",
        "position_context",
    ),
    _executor_method("collect_subfields", "return_type", "field_details_list"),
    _executor_method(
        "handle_field_error", "raw_error", "return_type", "field_details_list", "path"
    ),
    _executor_method("settle_in_background", "awaitables"),
    EntryPoint(
        "graphql.execution.collect_fields.FieldDetails.node",
        lambda: FieldDetails._fields.index("node"),
    ),
    EntryPoint(
        "graphql.execution.middleware.MiddlewareManager.middlewares",
        lambda: MiddlewareManager().middlewares,
    ),
    EntryPoint(
        "GraphQLScalarType.coerce_output_value",
        lambda: GraphQLString.coerce_output_value,
        ("output_value",),
    ),
    EntryPoint(
        "GraphQLEnumType.coerce_output_value",
        lambda: GraphQLEnumType("Probe", {"A": "a"}).coerce_output_value,
        ("output_value",),
    ),
    # Strawberry: its executor subclass and the schema internals the plans read.
    EntryPoint(
        "strawberry.schema.schema.StrawberryGraphQLCoreExecutionContext.__init__",
        lambda: StrawberryGraphQLCoreExecutionContext.__init__,
        ("self", "args", "kwargs"),
    ),
    EntryPoint(
        "strawberry.schema.schema_converter.GraphQLCoreConverter.DEFINITION_BACKREF",
        lambda: GraphQLCoreConverter.DEFINITION_BACKREF,
    ),
    EntryPoint(
        "strawberry.relay.Node._id",
        lambda: relay.Node.__dict__["_id"].__func__,
        ("cls", "root", "info"),
    ),
    EntryPoint(
        "strawberry.relay.Node.resolve_id",
        lambda: relay.Node.__dict__["resolve_id"].__func__,
        ("cls", "root", "info"),
    ),
    EntryPoint(
        "strawberry.relay.Node.resolve_typename",
        lambda: relay.Node.__dict__["resolve_typename"].__func__,
        ("cls", "root", "info"),
    ),
    EntryPoint(
        "strawberry.relay.Node.resolve_id_attr",
        lambda: relay.Node.__dict__["resolve_id_attr"].__func__,
        ("cls",),
    ),
    EntryPoint("strawberry.relay.to_base64", lambda: relay.to_base64, ("type_", "node_id")),
    EntryPoint(
        "strawberry.Schema.get_type_by_name",
        lambda: strawberry.Schema.get_type_by_name,
        ("self", "name"),
    ),
    _dataclass_field(StrawberryObjectDefinition, "origin"),
    _dataclass_field(ExecutionContext, "operation_extensions"),
    EntryPoint(
        "strawberry.extensions.SchemaExtension._implements_resolve",
        lambda: SchemaExtension._implements_resolve,
        (),
    ),
]


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda entry: entry.name)
def test_private_entry_point_is_unchanged(entry: EntryPoint) -> None:
    try:
        target = entry.get()
    except (AttributeError, KeyError, ImportError, ValueError) as error:
        pytest.fail(_broken(entry.name, f"gone ({error!r})"))
    if entry.parameters is not None:
        found = tuple(inspect.signature(target).parameters)
        assert found == entry.parameters, _broken(
            entry.name, f"parameters are now {found}, not {entry.parameters}"
        )
    if entry.defined_by is not None:
        method = entry.name.rsplit(".", 1)[1]
        owner = next(
            c for c in StrawberryGraphQLCoreExecutionContext.__mro__ if method in c.__dict__
        )
        assert owner is entry.defined_by, _broken(
            entry.name, f"now overridden by {owner.__module__}.{owner.__qualname__}"
        )
    if entry.name.endswith("DEFINITION_BACKREF"):
        assert target == "strawberry-definition", _broken(entry.name, f"now {target!r}")


# --- what the private parts must do, on a small schema -------------------------------------


class Row:
    def __init__(self, id: str, title: str) -> None:
        self.id, self.title = id, title


@strawberry.type(name="Item")
@model_type(Row)
class Item(relay.Node):
    id: relay.NodeID[str]
    title: str  # a plain attribute: Strawberry's default resolver

    @strawberry.field
    def shout(self) -> str:  # a resolver: no plan, the generic path (a fallback)
        return self.title.upper()


@strawberry.type
class Query:
    @strawberry.field(graphql_type=list[Item])  # rows stand for Item (`model_type`)
    def items(self) -> list[Row]:
        return [Row("a", "one"), Row("b", "two"), Row("c", "three")]


def test_strawberry_marks_what_the_plans_read() -> None:
    schema = strawberry.Schema(query=Query, execution_context_class=FastExecutionContext)
    graphql_schema = schema._schema
    assert getattr(graphql_schema, "_strawberry_schema", None) is schema, _broken(
        "GraphQLSchema._strawberry_schema", "no longer the Strawberry schema"
    )
    item = graphql_schema.type_map["Item"]
    assert isinstance(item, GraphQLObjectType)
    title, shout, node_id = item.fields["title"], item.fields["shout"], item.fields["id"]
    for field_def in (title, shout, node_id):
        definition = field_def.extensions.get("strawberry-definition")
        assert isinstance(definition, StrawberryField), _broken(
            'GraphQLField.extensions["strawberry-definition"]', f"is {definition!r}"
        )
        for attribute in ("python_name", "extensions", "metadata", "base_resolver"):
            assert hasattr(definition, attribute), _broken(f"StrawberryField.{attribute}", "gone")
    assert getattr(title.resolve, "_is_default", False) is True, _broken(
        "the `_is_default` mark on Strawberry's resolver of a plain field", "gone"
    )
    assert not getattr(shout.resolve, "_is_default", False)
    resolver = node_id.extensions["strawberry-definition"].base_resolver
    wrapped = getattr(getattr(resolver, "wrapped_func", None), "__func__", None)
    assert wrapped is relay.Node.__dict__["_id"].__func__, _broken(
        "StrawberryResolver.wrapped_func of a Node's `id`", "no longer `Node._id`"
    )
    assert isinstance(build_plan(graphql_schema, item, "title"), LeafPlan)
    assert isinstance(build_plan(graphql_schema, item, "id"), LeafPlan)
    assert build_plan(graphql_schema, item, "shout") is None
    assert ExecutorReport._implements_resolve() is False  # not middleware: plans stay on


async def test_graphql_core_calls_the_overrides_as_the_executor_expects() -> None:
    calls: dict[str, int] = {}
    grouped: dict[tuple[str, int], list[Any]] = {}
    executors: list[FastExecutionContext] = []

    class Probe(FastExecutionContext):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            executors.append(self)

        def execute_fields(self, *args: Any) -> Any:
            calls["execute_fields"] = calls.get("execute_fields", 0) + 1
            return super().execute_fields(*args)

        def complete_list_value(self, *args: Any) -> Any:
            calls["complete_list_value"] = calls.get("complete_list_value", 0) + 1
            return super().complete_list_value(*args)

        def collect_subfields(self, return_type: Any, details: Any) -> Any:
            result = super().collect_subfields(return_type, details)
            grouped.setdefault((return_type.name, id(details)), []).append(result)
            return result

    schema = strawberry.Schema(query=Query, execution_context_class=Probe)
    result = await schema.execute(
        "{ items { id title shout } }", context_value=Context(), operation_extensions={}
    )
    assert result.errors is None and result.data is not None
    assert result.data["items"][0] == {
        "id": relay.to_base64("Item", "a"),
        "title": "one",
        "shout": "ONE",
    }
    assert calls.get("execute_fields", 0) >= 2, _broken(
        "Executor.execute_fields", "graphql-core no longer calls it for each selection set"
    )
    assert calls.get("complete_list_value") == 1, _broken(
        "Executor.complete_list_value", "graphql-core no longer calls it for lists"
    )
    assert grouped and all(
        len(results) >= 3 and len(set(map(id, results))) == 1 and len(results[0]) == 3
        for results in grouped.values()
    ), _broken(
        "Executor.collect_subfields",
        "no longer one memoized (grouped fields, defers, forbidden) result per selection",
    )
    (executor,) = executors
    assert executor.fallbacks == 4, executor.fallbacks  # `items`, and `shout` of 3 items
