"""Relay connections in SQL: a keyset page of a `KeysetQuery` (the loader path's own) with
its edges, cursors, page info and count, as core/pagination.py pages it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import FieldNode, GraphQLObjectType

from core.errors import AppError
from core.pagination import KeysetQuery, PageArgs, decode_cursor
from engine.compiler.errors import Decline
from engine.compiler.leaves import cursor_sql
from engine.compiler.statement import (
    Statement,
    collect,
    fields_object,
    named,
    selection_object,
    sql_bool,
)

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
    # What the selection reads decides what the page's rows carry: the row after the page
    # (to tell `hasNextPage`) and row numbers for `pageInfo` only, and the window's count
    # for `totalCount`; edges alone take the page's rows in key order.
    selections = [node.selection_set for node in nodes if node.selection_set]
    collected = collect(statement, connection, selections)
    selected = {found[0].name.value for found in collected.values()}
    numbered = "pageInfo" in selected
    # Without a cursor the window sees the whole list, so its size comes with the page (as
    # core.pagination's windowed pages do): the list is not read a second time to count it.
    whole = args.after is None and args.before is None
    statement.offer_joined(rows, query.joined)
    key_columns = [f"{rows}._k{i}" for i in range(len(query.order))]
    out = "DESC" if args.backward else "ASC"
    shown = f"FILTER (WHERE {rows}._rn <= {limit})"
    more = f"(count(*) > {limit})"
    if numbered:
        edges_order = f"ORDER BY {rows}._rn {out}) {shown}"
    else:  # the list's own order, whichever way the page was read
        natural = "DESC" if query.descending else "ASC"
        edges_order = "ORDER BY " + ", ".join(f"{key} {natural}" for key in key_columns) + ")"

    def field_sql(name: str, field_nodes: list[FieldNode]) -> str | None:
        if name == "totalCount" and whole:
            return f"coalesce(max({rows}._total), 0)"
        if name == "totalCount":
            counted = f"SELECT count(*) FROM {query.source} WHERE {' AND '.join(where) or 'TRUE'}"
            return f"({counted})"
        if name == "pageInfo":
            cursor = cursor_sql(key_columns)
            back = "ASC" if args.backward else "DESC"
            info_values = {
                "hasNextPage": more if not args.backward else sql_bool(args.before is not None),
                "hasPreviousPage": more if args.backward else sql_bool(args.after is not None),
                "startCursor": f"(array_agg({cursor} ORDER BY {rows}._rn {out}) {shown})[1]",
                "endCursor": f"(array_agg({cursor} ORDER BY {rows}._rn {back}) {shown})[1]",
            }
            info_type = named(connection.fields["pageInfo"].type)
            return fixed_object(statement, info_type, field_nodes, info_values)
        if name == "edges":
            edge_type = named(connection.fields["edges"].type)
            edge = _edge(statement, edge_type, field_nodes, rows, key_columns, node_object)
            return f"coalesce(json_agg({edge} {edges_order}, '[]'::json)"
        return None

    body = fields_object(connection, collected, field_sql)
    (body, joins), extra = statement.carried(rows, [body, statement.joins_of(rows)])
    if whole and "totalCount" in selected:
        extra.append("count(*) OVER () AS _total")
    if numbered:
        extra.append(f"row_number() OVER (ORDER BY {ordering}) AS _rn")
    inner = (
        f"SELECT {', '.join([query.select, keys, *extra])} "
        f"FROM {query.source} WHERE {' AND '.join(cursor_where) or 'TRUE'} "
        f"ORDER BY {ordering} LIMIT {limit + 1 if numbered else limit}"
    )
    return f"(SELECT {body} FROM ({inner}) {rows} {joins})"


def fixed_object(
    statement: Statement, object_type: Any, nodes: list[FieldNode], values: dict[str, str]
) -> str:
    """An object whose every field's SQL is given (`values`, by field name)."""
    return selection_object(statement, object_type, nodes, lambda name, _: values.get(name))


def _edge(
    statement: Statement,
    edge_type: Any,
    nodes: list[FieldNode],
    rows: str,
    key_columns: list[str],
    node_object: NodeObject,
) -> str:
    def field_sql(name: str, field_nodes: list[FieldNode]) -> str | None:
        if name == "cursor":
            return cursor_sql(key_columns)
        node_type = named(edge_type.fields["node"].type) if name == "node" else None
        if not isinstance(node_type, GraphQLObjectType):
            return None
        return node_object(statement, node_type, rows, field_nodes)

    return selection_object(statement, edge_type, nodes, field_sql)


def page_args(arguments: dict[str, Any]) -> PageArgs:
    if set(arguments) - _PAGE_ARGUMENTS - {"filter"}:
        raise Decline("arguments beside a page's")
    try:
        return PageArgs(**{k: v for k, v in arguments.items() if k in _PAGE_ARGUMENTS})
    except AppError as error:
        raise Decline(str(error)) from None
