"""The read compiler's entry point: a query operation answered by one SQL statement.

`ReadCompiler.answer` takes a request's document, operation name, variables and context and
gives the HTTP body (`{"data": <PostgreSQL's JSON text>}`, no row ever a Python object), or
None: the executor answers. What the compiler takes is decided per operation (its document
and name, cached) and per request (variables: `@include`, page arguments, a node's type):

- the document must parse, validate (graphql-core's rules and the depth/alias limits) and
  stay within the cost limit, else the executor reports the errors;
- every selected field must have a spec (engine/compiler/specs.py), else `Decline`;
- a value that would be a field error (a null in a non-null field, an enum value the schema
  lacks) raises SQLSTATE LGFB1 in the statement, and the executor answers instead.

Each decision is counted per operation (`decisions`), logged at DEBUG on the
`lingograph.compiler` logger, and reported by `make bench`. asyncpg prepares each distinct
statement once per connection (its statement cache), and a statement's text depends only on
the operation, the viewer's role and the variables' shape, so it is prepared once and reused.
Rendering (~1 ms of Python for a nested read) is done once per operation, variables and role
for every viewer of the role (templates.py), or, when a render needs more of the viewer than
its id as a parameter, once per viewer.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg
from graphql import (
    DocumentNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    specified_rules,
    validate,
)
from graphql.execution.values import get_variable_values
from tortoise import connections

from core.settings import Settings
from engine.compiler.errors import Decline
from engine.compiler.render import render_query
from engine.compiler.statement import Statement
from engine.compiler.templates import OpenValue, Template, stand_in
from engine.cost import operation_cost
from engine.limits import depth_and_alias_rule
from engine.parsing import cached_parser, fragments_of

log = logging.getLogger("lingograph.compiler")

FALLBACK_SQLSTATE = "LGFB1"


@dataclass(frozen=True)
class Check:
    """A condition the statement must meet to answer: `condition(statement, viewer, key)` is
    SQL over the statement being rendered, for that viewer and this `key` (e.g. a bearer
    token's hash), each of which it may only pass as a parameter (templates.py)."""

    key: Hashable
    condition: Callable[[Statement, Any, Any], str]


# A request's render: the statement, its parameters and the index of the instant it reads
# at (refreshed per request), or why the executor answers.
_Render = tuple[str, list[Any], int | None] | Decline
# Under an operation's shared key: its template, why the executor answers, or PER_VIEWER.
_Shared = Template | Decline | str
PER_VIEWER = "rendered per viewer"
COMPILED, EXECUTOR = "compiled", "executor"


@dataclass(frozen=True)
class _Operation:
    """A document's chosen query operation, validated; `problem` says why it is not taken."""

    document: DocumentNode | None
    operation: OperationDefinitionNode | None
    fragments: dict[str, Any]
    problem: str | None = None


class ReadCompiler:
    def __init__(self, schema: Any, settings: Settings) -> None:
        self.schema = schema._schema  # graphql-core's schema of the Strawberry one
        self.settings = settings
        self.rules = [
            *specified_rules,
            depth_and_alias_rule(settings.max_depth, settings.max_aliases),
        ]
        self.parse = cached_parser(settings.parser_cache_size)
        self._operations: OrderedDict[tuple[str, str | None], _Operation] = OrderedDict()
        # Per-viewer renders by (operation, variables, viewer, check), for operations whose
        # render is not shared: rendering is a pure function of them but for the instant.
        self._renders: OrderedDict[Hashable, _Render] = OrderedDict()
        # Renders shared by the viewers of a role, by (operation, variables, role, check?).
        self._shared: OrderedDict[Hashable, _Shared] = OrderedDict()
        # (operation name, "compiled" | "executor") -> requests: what `make bench` reports.
        self.decisions: Counter[tuple[str, str]] = Counter()
        self.reasons: dict[str, str] = {}  # operation name -> why the executor last took it
        self.declined: Counter[str] = Counter()  # why the executor took requests, counted

    async def answer(
        self,
        query: str,
        operation_name: str | None,
        variables: dict[str, Any] | None,
        viewer: Any,
        check: Check | None = None,
    ) -> bytes | None:
        """The body, or None: the executor answers."""
        return (await self.attempt(query, operation_name, variables, viewer, check))[0]

    async def attempt(
        self,
        query: str,
        operation_name: str | None,
        variables: dict[str, Any] | None,
        viewer: Any,
        check: Check | None = None,
    ) -> tuple[bytes | None, bool]:
        """(the body or None, whether the compiler declined the operation). With a `check`
        (SQL over the statement: e.g. the bearer token still authenticates `viewer`), the
        statement answers only if it holds; when it does not, the answer is (None, False)
        and nothing is counted: the request is tried again once the viewer is known."""
        prepared = self._prepared(query, operation_name)
        name = operation_name or _name(prepared.operation) or "(anonymous)"
        try:
            if prepared.problem is not None:
                raise Decline(prepared.problem)
            operation = (query, operation_name)
            sql, params = self._cached_render(operation, prepared, variables or {}, viewer, check)
            text = await _fetch_json(sql, params)
            if text is None:
                return None, False  # the check failed
        except Decline as declined:
            self._decided(name, EXECUTOR, str(declined))
            return None, True
        except asyncpg.PostgresError as error:
            if getattr(error, "sqlstate", None) != FALLBACK_SQLSTATE:
                log.warning("compiled read %s failed (%s); the executor answers it", name, error)
            self._decided(name, EXECUTOR, "a field error for the executor to report")
            return None, True
        self._decided(name, COMPILED, None)
        return b'{"data":' + text.encode() + b"}", False

    def statement_for(
        self,
        query: str,
        operation_name: str | None,
        variables: dict[str, Any] | None,
        viewer: Any,
    ) -> tuple[str, list[Any]]:
        """The statement (and its parameters) that would answer the request, for tools that
        look at it (`make bench` prints its plan); raises `Decline` when the executor would."""
        prepared = self._prepared(query, operation_name)
        if prepared.problem is not None:
            raise Decline(prepared.problem)
        sql, params, _ = self._statement(prepared, variables or {}, viewer)
        return sql, params

    def _decided(self, name: str, path: str, reason: str | None) -> None:
        self.decisions[(name, path)] += 1
        if reason is not None:
            self.reasons[name] = reason
            self.declined[reason] += 1
            log.debug("read compiler: %s goes to the executor (%s)", name, reason)
        else:
            log.debug("read compiler: %s compiled", name)

    def _cached_render(
        self,
        operation: tuple[str, str | None],
        prepared: _Operation,
        raw_variables: dict[str, Any],
        viewer: Any,
        check: Check | None,
    ) -> tuple[str, list[Any]]:
        variables = _frozen(raw_variables)
        role = None if viewer is None else str(viewer.role)
        shared_key = (operation, variables, role, check is not None)
        shared = self._shared.get(shared_key)
        if shared is None:
            shared = self._shared_render(prepared, raw_variables, viewer, check)
            _remember(self._shared, shared_key, shared)
        else:
            self._shared.move_to_end(shared_key)
        if isinstance(shared, Template):
            sql, now_index = shared.sql, shared.now_index
            params = shared.params_for(
                None if viewer is None else viewer.id, None if check is None else check.key
            )
        elif isinstance(shared, Decline):
            raise shared
        else:
            sql, params, now_index = self._viewer_render(
                operation, variables, prepared, raw_variables, viewer, check
            )
        if now_index is not None:
            params[now_index] = datetime.now(UTC)
        return sql, params

    def _shared_render(
        self,
        prepared: _Operation,
        raw_variables: dict[str, Any],
        viewer: Any,
        check: Check | None,
    ) -> _Shared:
        """The operation rendered once for every viewer of `viewer`'s role (templates.py):
        for a stand-in whose id, like the check's key, is left open; PER_VIEWER when the
        render needs more of the viewer than that."""
        stand, open_id = stand_in(viewer) if viewer is not None else (None, None)
        open_key = OpenValue("check key") if check is not None else None
        open_check = None if check is None else Check(open_key, check.condition)
        try:
            sql, params, now_index = self._render_with_instant(
                prepared, raw_variables, stand, open_check
            )
            return Template.of(sql, params, now_index, open_id, open_key)
        except Decline as declined:
            return declined
        except Exception as error:  # ViewerSpecific, or another use of the stand-in
            log.debug("read compiler: rendered per viewer (%r)", error)
            return PER_VIEWER

    def _viewer_render(
        self,
        operation: tuple[str, str | None],
        variables: Hashable,
        prepared: _Operation,
        raw_variables: dict[str, Any],
        viewer: Any,
        check: Check | None,
    ) -> tuple[str, list[Any], int | None]:
        key = (
            operation,
            variables,
            None if viewer is None else (viewer.id, str(viewer.role)),
            None if check is None else check.key,
        )
        found = self._renders.get(key)
        if found is None:
            try:
                found = self._render_with_instant(prepared, raw_variables, viewer, check)
            except Decline as declined:
                found = declined
            _remember(self._renders, key, found)
        else:
            self._renders.move_to_end(key)
        if isinstance(found, Decline):
            raise found
        sql, params, now_index = found
        return sql, list(params), now_index

    def _render_with_instant(
        self,
        prepared: _Operation,
        raw_variables: dict[str, Any],
        viewer: Any,
        check: Check | None,
    ) -> tuple[str, list[Any], int | None]:
        sql, params, statement = self._statement(prepared, raw_variables, viewer, check)
        now = statement.now_placeholder
        return sql, params, None if now is None else int(now[1:]) - 1

    def _statement(
        self,
        prepared: _Operation,
        raw_variables: dict[str, Any],
        viewer: Any,
        check: Check | None = None,
    ) -> tuple[str, list[Any], Statement]:
        operation = prepared.operation
        assert operation is not None and prepared.document is not None
        coerced = get_variable_values(
            self.schema, operation.variable_definitions or (), raw_variables
        )
        if isinstance(coerced, list):
            raise Decline("variables that do not coerce")
        cost = operation_cost(self.schema, prepared.document, _name(operation), raw_variables)
        if cost > self.settings.max_cost:
            raise Decline("over the cost limit")
        statement = Statement(self.schema, prepared.fragments, coerced, viewer)
        data = render_query(statement, operation.selection_set)
        if check is None:
            return f"SELECT ({data})::text", list(statement.params), statement
        condition = check.condition(statement, viewer, check.key)
        sql = f"SELECT CASE WHEN {condition} THEN ({data})::text END"
        return sql, list(statement.params), statement

    def _prepared(self, query: str, operation_name: str | None) -> _Operation:
        key = (query, operation_name)
        found = self._operations.get(key)
        if found is not None:
            self._operations.move_to_end(key)
            return found
        found = self._prepare(query, operation_name)
        self._operations[key] = found
        if len(self._operations) > self.settings.parser_cache_size:
            self._operations.popitem(last=False)
        return found

    def _prepare(self, query: str, operation_name: str | None) -> _Operation:
        settings = self.settings
        try:
            document = self.parse(
                query, max_tokens=settings.max_tokens, max_selections=settings.max_selections
            )
        except GraphQLError:
            return _Operation(None, None, {}, "a document that does not parse")
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        chosen = [
            d
            for d in operations
            if operation_name is None or (d.name is not None and d.name.value == operation_name)
        ]
        if len(chosen) != 1 or (operation_name is None and len(operations) != 1):
            return _Operation(None, None, {}, "no single operation to run")
        operation = chosen[0]
        if operation.operation != OperationType.QUERY:
            return _Operation(None, operation, {}, f"a {operation.operation.value}")
        if validate(self.schema, document, self.rules):
            return _Operation(None, operation, {}, "a document with validation errors")
        return _Operation(document, operation, fragments_of(document.definitions))


MAX_RENDERS = 4096


def _remember(cache: OrderedDict[Hashable, Any], key: Hashable, found: Any) -> None:
    cache[key] = found
    if len(cache) > MAX_RENDERS:
        cache.popitem(last=False)


def _frozen(variables: dict[str, Any]) -> Hashable:
    """The variables as part of a cache key: scalars as they are (with their types, so that
    `true` and `1` differ), anything nested as its JSON text."""
    if all(isinstance(value, _SCALARS) for value in variables.values()):
        return tuple(sorted((name, type(value), value) for name, value in variables.items()))
    return json.dumps(variables, sort_keys=True, default=str)


_SCALARS = (str, int, float, bool, type(None))


def _name(operation: OperationDefinitionNode | None) -> str | None:
    return operation.name.value if operation is not None and operation.name else None


async def _fetch_json(sql: str, params: list[Any]) -> str | None:
    client = connections.get("default")
    async with client.acquire_connection() as connection:
        text: str | None = await connection.fetchval(sql, *params)
    return text
