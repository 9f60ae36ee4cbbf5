"""Relay connections in SQL: a keyset page of a `KeysetQuery` (the loader path's own) with
its edges, cursors, page info and count, as core/pagination.py pages it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import FieldNode, GraphQLObjectType

from core.errors import AppError
from core.pagination import KeysetQuery, PageArgs, decode_cursor
from engine.compiler.errors import Decline
from engine.compiler.leaves import cursor_sql, literal
from engine.compiler.statement import Statement, collect, named, object_sql, sql_bool

_PAGE_ARGUMENTS = {"first", "after", "last", "before"}

# Renders a node's selection on a row: (statement, its type, the row's alias, field nodes).
NodeObject = Callable[[Statement, GraphQLObjectType, str, list[FieldNode]], str]


def render_page(
    statement: Statement,
    connection: GraphQLObjectType,
    nodes: list[FieldNode],
    query: KeysetQuery,
    args: PageArgs,
    parent: str | None,
    node_object: NodeObject,
) -> str:
    """A Relay connection over `query` (its rows as `t`), as core/pagination.py pages it."""
    where = list(query.where) + ([parent] if parent else [])
    cursor_where = list(where)
    for name, cursor, forward in (("after", args.after, ">"), ("before", args.before, "<")):
        if cursor is None:
            continue
        try:
            values = decode_cursor(cursor, len(query.order), name)
        except AppError:
            raise Decline("an invalid cursor") from None
        operator = forward if not query.descending else ("<" if forward == ">" else ">")
        placeholders = ", ".join(statement.params(value) for value in values)
        cursor_where.append(f"({', '.join(query.order)}) {operator} ({placeholders})")
    ascending = query.descending == args.backward
    direction = "ASC" if ascending else "DESC"
    ordering = ", ".join(f"{expression} {direction}" for expression in query.order)
    keys = ", ".join(f"{expression} AS _k{i}" for i, expression in enumerate(query.order))
    limit = args.limit
    rows = statement.alias()
    # Without a cursor the window sees the whole list, so its size comes with the page (as
    # core.pagination's windowed pages do): the list is not read a second time to count it.
    whole = args.after is None and args.before is None
    total = "count(*) OVER () AS _total, " if whole else ""
    inner = (
        f"SELECT {query.select}, {keys}, {total}"
        f"row_number() OVER (ORDER BY {ordering}) AS _rn "
        f"FROM {query.source} WHERE {' AND '.join(cursor_where) or 'TRUE'} "
        f"ORDER BY {ordering} LIMIT {limit + 1}"
    )
    key_columns = [f"{rows}._k{i}" for i in range(len(query.order))]
    out = "DESC" if args.backward else "ASC"
    shown = f"FILTER (WHERE {rows}._rn <= {limit})"
    more = f"(count(*) > {limit})"
    parts = []
    selections = [node.selection_set for node in nodes if node.selection_set is not None]
    for key, field_nodes in collect(statement, connection, selections).items():
        name = field_nodes[0].name.value
        if name == "__typename":
            parts.append((key, literal(connection.name)))
        elif name == "totalCount" and whole:
            parts.append((key, f"coalesce(max({rows}._total), 0)"))
        elif name == "totalCount":
            counted = f"SELECT count(*) FROM {query.source} WHERE {' AND '.join(where) or 'TRUE'}"
            parts.append((key, f"({counted})"))
        elif name == "pageInfo":
            has_next = more if not args.backward else sql_bool(args.before is not None)
            has_previous = more if args.backward else sql_bool(args.after is not None)
            cursor = cursor_sql(key_columns)
            first = f"(array_agg({cursor} ORDER BY {rows}._rn {out}) {shown})[1]"
            back = "ASC" if args.backward else "DESC"
            last = f"(array_agg({cursor} ORDER BY {rows}._rn {back}) {shown})[1]"
            info_values = {
                "hasNextPage": has_next,
                "hasPreviousPage": has_previous,
                "startCursor": first,
                "endCursor": last,
            }
            info_type = named(connection.fields["pageInfo"].type)
            parts.append((key, fixed_object(statement, info_type, field_nodes, info_values)))
        elif name == "edges":
            edge_type = named(connection.fields["edges"].type)
            edge = _edge(statement, edge_type, field_nodes, rows, key_columns, node_object)
            parts.append(
                (key, f"coalesce(json_agg({edge} ORDER BY {rows}._rn {out}) {shown}, '[]'::json)")
            )
        else:
            raise Decline(f"{connection.name}.{name}")
    body = object_sql(parts)
    return f"(SELECT {body} FROM ({inner}) {rows} {statement.joins_of(rows)})"


def fixed_object(
    statement: Statement, object_type: Any, nodes: list[FieldNode], values: dict[str, str]
) -> str:
    """An object whose every field's SQL is given (`values`, by field name)."""
    parts = []
    selections = [node.selection_set for node in nodes if node.selection_set is not None]
    for key, field_nodes in collect(statement, object_type, selections).items():
        name = field_nodes[0].name.value
        if name == "__typename":
            parts.append((key, literal(object_type.name)))
        elif name in values:
            parts.append((key, values[name]))
        else:
            raise Decline(f"{object_type.name}.{name}")
    return object_sql(parts)


def _edge(
    statement: Statement,
    edge_type: Any,
    nodes: list[FieldNode],
    rows: str,
    key_columns: list[str],
    node_object: NodeObject,
) -> str:
    parts = []
    selections = [node.selection_set for node in nodes if node.selection_set is not None]
    for key, field_nodes in collect(statement, edge_type, selections).items():
        name = field_nodes[0].name.value
        if name == "__typename":
            parts.append((key, literal(edge_type.name)))
        elif name == "cursor":
            parts.append((key, cursor_sql(key_columns)))
        elif name == "node":
            node_type = named(edge_type.fields["node"].type)
            if not isinstance(node_type, GraphQLObjectType):
                raise Decline(f"{edge_type.name}.node")
            parts.append((key, node_object(statement, node_type, rows, field_nodes)))
        else:
            raise Decline(f"{edge_type.name}.{name}")
    return object_sql(parts)


def page_args(arguments: dict[str, Any]) -> PageArgs:
    if set(arguments) - _PAGE_ARGUMENTS - {"filter"}:
        raise Decline("arguments beside a page's")
    try:
        return PageArgs(**{k: v for k, v in arguments.items() if k in _PAGE_ARGUMENTS})
    except AppError as error:
        raise Decline(str(error)) from None
