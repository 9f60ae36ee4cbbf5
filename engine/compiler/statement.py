"""One statement being rendered (parameters, aliases, the operation's variables and
fragments) and GraphQL's field collection over its selections."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
)
from graphql.execution.values import VariableValues, get_directive_values
from graphql.type.directives import GraphQLIncludeDirective, GraphQLSkipDirective

from core.access import Params
from core.pagination import KeysetQuery
from engine.compiler.errors import Decline
from engine.compiler.facts import schema_facts
from engine.compiler.leaves import literal
from engine.compiler.specs import TypeFacts

# json_build_object takes at most 100 arguments: 50 keys and values.
_MAX_KEYS = 50
_PLACEHOLDER = re.compile(r"\$(\d+)")


@dataclass
class Statement:
    """One operation being rendered: its parameters as they are added, and fresh aliases."""

    schema: GraphQLSchema
    fragments: dict[str, FragmentDefinitionNode]
    variables: VariableValues  # coerced (graphql-core's get_variable_values)
    viewer: Any
    params: Params = field(default_factory=Params)
    aliases: int = 0
    _now: str | None = None
    # Joins by the row alias they hang on (to-one relations: `join`, `joins_of`).
    _joins: dict[str, list[str]] = field(default_factory=dict)
    # Rows a page's source joined by id (`KeysetQuery.joined`), by the row expression a
    # relation may start from: (the page rows' alias, the query's `joined`, the name of that
    # row in the source). `joined_row` reads them; `carried` lists those a page must carry.
    _joined: dict[str, tuple[str, dict[str, tuple[str, str]], str]] = field(default_factory=dict)
    _carried: dict[str, list[str]] = field(default_factory=dict)
    _once: dict[str, str] = field(default_factory=dict)  # `once`: SQL -> its lateral's alias

    def join(self, alias: str, join: str) -> None:
        """A join to write after the FROM item aliased `alias` (a to-one relation's `LEFT
        JOIN`, a `once` value's `CROSS JOIN LATERAL`)."""
        self._joins.setdefault(alias, []).append(join)

    def joins_of(self, alias: str) -> str:
        """The joins hung on `alias`, for the FROM item that defines it (once rendered)."""
        return " ".join(self._joins.pop(alias, ()))

    def once(self, alias: str, sql: str) -> str:
        """A value of `alias`'s row (SQL over it) computed once per row, however many times
        the statement reads it (the same SQL text gives the same value)."""
        found = self._once.get(sql)
        if found is None:
            found = self.alias()
            self._once[sql] = found
            # OFFSET 0 keeps the subquery whole, so its value is not copied into each reader.
            self.join(alias, f"CROSS JOIN LATERAL (SELECT {sql} AS v OFFSET 0) {found}")
        return f"{found}.v"

    def offer_joined(self, rows: str, joined: dict[str, tuple[str, str]]) -> None:
        """The rows of a page (aliased `rows`) come from a source that joined `joined`."""
        if joined:
            self._joined[rows] = (rows, joined, "t")

    def joined_row(self, alias: str, key: str, table: str) -> str | None:
        """The row of `table` whose id is `alias`'s `key`, when a page's source joined it:
        an expression of the whole row, carried out of the page (`carried`); else None."""
        found = self._joined.get(alias)
        if found is None:
            return None
        rows, joined, name = found
        entry = joined.get(f"{name}.{key}")
        if entry is None or entry[1] != table:
            return None
        source_alias = entry[0]
        carried = self._carried.setdefault(rows, [])
        if source_alias not in carried:
            carried.append(source_alias)
        row = f"({rows}._j_{source_alias})"
        self._joined[row] = (rows, joined, source_alias)
        return row

    def carried(self, rows: str, parts: list[str]) -> tuple[list[str], list[str]]:
        """`parts` (the SQL that reads the page's rows) reading the joined rows' columns as
        columns of the page's rows, and the page's select items that carry them
        (`joined_row`): only the columns read, the whole row only where it is read whole."""
        items: list[str] = []
        for name in self._carried.pop(rows, ()):
            row = f"({rows}._j_{name})"
            pattern = re.compile(re.escape(row) + r'\.("?)(\w+)\1')
            columns: dict[str, str] = {}

            def column(match: re.Match[str], name: str = name, columns: dict = columns) -> str:
                carried = columns.setdefault(match.group(2), f"_j_{name}_{len(columns)}")
                return f"{rows}.{carried}"

            parts = [pattern.sub(column, part) for part in parts]
            items += [f'{name}."{column}" AS {alias}' for column, alias in columns.items()]
            if any(row in part for part in parts):
                items.append(f"{name} AS _j_{name}")
        return parts, items

    @property
    def now_placeholder(self) -> str | None:
        """The instant's placeholder, if the statement reads it."""
        return self._now

    def now(self) -> str:
        """The placeholder of the instant this statement reads at (one per statement)."""
        if self._now is None:
            self._now = self.params(datetime.now(UTC))
        return self._now

    def lazy_now(self) -> Any:
        """`now()` once written into the SQL (formatted), not before: a parameter the
        statement never uses would have no type PostgreSQL can determine."""
        return _LazyNow(self)

    @property
    def facts(self) -> dict[str, TypeFacts]:
        return schema_facts(self.schema)

    def alias(self) -> str:
        self.aliases += 1
        return f"_a{self.aliases}"

    def embed(self, query: KeysetQuery) -> KeysetQuery:
        """`query` with its own `$n` placeholders renumbered into this statement's."""
        offset = len(self.params)
        self.params.extend(query.params)

        def shift(sql: str) -> str:
            return _PLACEHOLDER.sub(lambda m: f"${int(m.group(1)) + offset}", sql)

        return KeysetQuery(
            query.model,
            order=[shift(expression) for expression in query.order],
            descending=query.descending,
            source=shift(query.source),
            select=shift(query.select),
            where=[shift(condition) for condition in query.where],
            joined=query.joined,
        )


# A field's SQL from its name and field nodes, or None: the compiler cannot express it.
FieldSql = Callable[[str, list[FieldNode]], "str | None"]


def selection_object(
    statement: Statement,
    object_type: Any,
    selected: list[FieldNode] | SelectionSetNode,
    field_sql: FieldSql,
) -> str:
    """The fields selected on `object_type` (under the field nodes `selected`, or in a
    root selection set) as one JSON object: `__typename` is the type's name, every other
    field is `field_sql(name, its nodes)` (None: `Decline`)."""
    if isinstance(selected, SelectionSetNode):
        selections = [selected]
    else:
        selections = [node.selection_set for node in selected if node.selection_set]
    return fields_object(object_type, collect(statement, object_type, selections), field_sql)


def fields_object(
    object_type: Any, collected: dict[str, list[FieldNode]], field_sql: FieldSql
) -> str:
    """`selection_object` for fields already collected (`collect`)."""
    parts = []
    for key, field_nodes in collected.items():
        name = field_nodes[0].name.value
        value = literal(object_type.name) if name == "__typename" else field_sql(name, field_nodes)
        if value is None:
            raise Decline(f"{object_type.name}.{name}")
        parts.append((key, value))
    return object_sql(parts)


def object_sql(parts: list[tuple[str, str]]) -> str:
    if len(parts) > _MAX_KEYS:
        raise Decline("more fields than json_build_object takes")
    if not parts:
        return "json_build_object()"
    return "json_build_object(" + ", ".join(f"{literal(k)}, {v}" for k, v in parts) + ")"


def sql_bool(value: bool) -> str:
    return "TRUE" if value else "FALSE"


def named(graphql_type: Any) -> Any:
    while isinstance(graphql_type, GraphQLNonNull | GraphQLList):
        graphql_type = graphql_type.of_type
    return graphql_type


def is_list(graphql_type: Any) -> bool:
    if isinstance(graphql_type, GraphQLNonNull):
        graphql_type = graphql_type.of_type
    return isinstance(graphql_type, GraphQLList)


def collect(
    statement: Statement, object_type: Any, selection_sets: list[SelectionSetNode]
) -> dict[str, list[FieldNode]]:
    """GraphQL's CollectFields: response key -> its field nodes, in order, for this type
    (fragments whose condition the type meets, `@include`/`@skip` applied)."""
    fields: dict[str, list[FieldNode]] = {}
    visited: set[str] = set()

    def walk(selection_set: SelectionSetNode) -> None:
        for selection in selection_set.selections:
            if not _included(statement, selection):
                continue
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                if (
                    selection.name.value not in object_type.fields
                    and selection.name.value != "__typename"
                ):
                    raise Decline(f"{object_type.name}.{selection.name.value}")
                if selection.name.value.startswith("__") and selection.name.value != "__typename":
                    raise Decline("introspection")
                fields.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                if condition is None or _applies(statement, condition.name.value, object_type):
                    walk(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = statement.fragments.get(name)
                if name in visited or fragment is None:
                    continue
                visited.add(name)
                if _applies(statement, fragment.type_condition.name.value, object_type):
                    walk(fragment.selection_set)

    for selection_set in selection_sets:
        walk(selection_set)
    return fields


def _applies(statement: Statement, type_name: str, object_type: Any) -> bool:
    if type_name == object_type.name:
        return True
    condition = statement.schema.type_map.get(type_name)
    if isinstance(condition, GraphQLInterfaceType):
        return condition in getattr(object_type, "interfaces", ())
    if condition is not None and hasattr(condition, "types"):  # a union
        return object_type in condition.types
    return False


def _included(statement: Statement, node: Any) -> bool:
    skip = get_directive_values(GraphQLSkipDirective, node, statement.variables)
    if skip and skip.get("if") is True:
        return False
    include = get_directive_values(GraphQLIncludeDirective, node, statement.variables)
    return not (include and include.get("if") is False)


class _LazyNow:
    def __init__(self, statement: Statement) -> None:
        self.statement = statement

    def __format__(self, spec: str) -> str:
        return self.statement.now()

    def __str__(self) -> str:
        return self.statement.now()
