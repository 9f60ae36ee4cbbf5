"""An operation's selection as one SQL statement whose single value is the `data` JSON.

Each object is a `json_build_object` over its row's alias; a relation is a correlated
subquery (`json_agg` for lists), a connection a keyset page (pages.py) of the loader path's
own `KeysetQuery`, and each entry point applies its type's access rule. Only the selected
columns are read. Anything without a spec raises `Decline`: the executor answers that
operation.

Row aliases are `_a1`, `_a2`, ... so they never meet the aliases that rules and keyset
queries write (`t`, `c_<alias>`, ...): a nested page's `t` shadows nothing we refer to.
"""

from __future__ import annotations

from typing import Any, cast

from graphql import FieldNode, GraphQLNonNull, GraphQLObjectType, SelectionSetNode
from graphql.execution.values import get_argument_values
from strawberry.types.arguments import convert_arguments

from core.errors import AppError
from engine.compiler.errors import Decline
from engine.compiler.facts import NodeId
from engine.compiler.leaves import global_id_sql, leaf_sql
from engine.compiler.pages import page_args, render_page
from engine.compiler.specs import (
    Allowed,
    Column,
    Count,
    Embedded,
    Expr,
    PageOf,
    RootList,
    RootOne,
    RootPage,
    RowFrom,
    RowOf,
    RowsOf,
    ToMany,
    ToOne,
    TypeFacts,
    count_sql,
)
from engine.compiler.statement import (
    FieldSql,
    Statement,
    is_list,
    named,
    selection_object,
)
from engine.ids import split_global_id
from engine.node import MAX_NODES

_FALLBACK = "lg_compiled_fallback()"


def render_query(statement: Statement, selection: SelectionSetNode) -> str:
    """A query operation's `data`, as one SQL expression of type json."""
    root = statement.schema.query_type
    assert root is not None

    def field_sql(name: str, nodes: list[FieldNode]) -> str:
        field_def = root.fields[name]
        arguments = _python_arguments(statement, field_def, nodes[0])
        return _root_field(statement, field_def, nodes, arguments)

    return selection_object(statement, root, selection, field_sql)


def _python_arguments(statement: Statement, field_def: Any, node: FieldNode) -> dict[str, Any]:
    """The field's arguments as its resolver gets them (Strawberry's input classes and
    enums, Python names), for root specs that call the resolvers' own use cases."""
    values = get_argument_values(field_def, node, statement.variables)
    definition = field_def.extensions.get("strawberry-definition")
    if definition is None:
        return values
    strawberry_schema = statement.schema._strawberry_schema  # type: ignore[attr-defined]  # set by Strawberry
    converter = strawberry_schema.schema_converter
    return convert_arguments(
        values, definition.arguments, converter.scalar_registry, strawberry_schema.config
    )


def _root_field(
    statement: Statement, field_def: Any, nodes: list[FieldNode], arguments: Any
) -> str:
    name = nodes[0].name.value
    if name == "node":
        return _node(statement, nodes, arguments.get("id"))
    if name == "nodes":
        ids = arguments.get("ids") or []
        if len(ids) > MAX_NODES:
            raise Decline("too many ids: the executor's error")
        return "json_build_array(" + ", ".join(_node(statement, nodes, i) for i in ids) + ")"
    definition = field_def.extensions.get("strawberry-definition")
    spec = definition.metadata.get("lingograph.sql") if definition and definition.metadata else None
    target = named(field_def.type)
    if spec is None or not isinstance(target, GraphQLObjectType):
        raise Decline(f"Query.{name}")
    viewer = statement.viewer
    if isinstance(spec, RootOne):
        alias = statement.alias()
        where = spec.where(viewer, arguments, alias, statement.params)
        if where is None:
            return "NULL"
        facts = _table_facts(statement, target)
        body = _object(statement, target, alias, nodes)
        joins = statement.joins_of(alias)
        return f'(SELECT {body} FROM "{facts.table}" {alias} {joins} WHERE {where})'
    if isinstance(spec, RootList):
        alias = statement.alias()
        facts = _table_facts(statement, target)
        body = _object(statement, target, alias, nodes)
        order = ", ".join(
            term.format(t=alias) if "{t}" in term else f'{alias}."{term}"' for term in spec.order
        )
        where = spec.where(viewer, alias, statement.params)
        joins = statement.joins_of(alias)
        return (
            f"(SELECT coalesce(json_agg({body} ORDER BY {order}), '[]'::json) "
            f'FROM "{facts.table}" {alias} {joins} WHERE {where})'
        )
    if isinstance(spec, RootPage):
        args = page_args(arguments)
        try:
            query = spec.query(viewer, arguments)
        except AppError as error:
            raise Decline(f"Query.{name}: {error}") from None
        if query is None:
            raise Decline(f"Query.{name} with these arguments")
        return render_page(statement, target, nodes, statement.embed(query), args, None, _object)
    raise Decline(f"Query.{name}")


def _node(statement: Statement, nodes: list[FieldNode], raw_id: Any) -> str:
    """`node(id:)`: the row of the id's type that its access rule lets the viewer see."""
    parsed = split_global_id(raw_id) if isinstance(raw_id, str) else None
    if parsed is None:
        return "NULL"
    type_name, row_id = parsed
    target = statement.schema.type_map.get(type_name)
    if not isinstance(target, GraphQLObjectType):
        return "NULL"
    node_interface = statement.schema.type_map.get("Node")
    if node_interface not in target.interfaces:
        return "NULL"
    facts = statement.facts.get(type_name)
    if facts is None or facts.rule is None or facts.table is None:
        raise Decline(f"node of {type_name}")
    alias = statement.alias()
    rule = facts.rule(statement.viewer).sql(alias, statement.params)
    body = _object(statement, target, alias, nodes)
    return (
        f'(SELECT {body} FROM "{facts.table}" {alias} {statement.joins_of(alias)} '
        f'WHERE {alias}."{facts.pk}" = {statement.params(row_id)} AND {rule})'
    )


def _object(
    statement: Statement, object_type: GraphQLObjectType, alias: str, nodes: list[FieldNode]
) -> str:
    """The selection of `nodes` on a row of `object_type` (as `alias`) as a JSON object."""
    facts = statement.facts.get(object_type.name)
    if facts is None:
        raise Decline(object_type.name)

    def field_sql(name: str, field_nodes: list[FieldNode]) -> str | None:
        spec = facts.fields.get(name)
        if spec is None:
            return None
        return _field(statement, facts, object_type.fields[name], spec, alias, field_nodes)

    return selection_object(statement, object_type, nodes, field_sql)


def _field(
    statement: Statement,
    facts: TypeFacts,
    field_def: Any,
    spec: Any,
    alias: str,
    nodes: list[FieldNode],
) -> str:
    arguments = get_argument_values(field_def, nodes[0], statement.variables)
    if arguments and not isinstance(spec, PageOf):
        raise Decline(f"{facts.name}.{nodes[0].name.value} with arguments")
    field_type = field_def.type
    target_type = named(field_type)
    if isinstance(spec, NodeId):
        return global_id_sql(spec.type_name, f'{alias}."{facts.pk}"')
    if isinstance(spec, Column):
        if is_list(field_type):
            return f'{alias}."{spec.column}"'  # a JSON array column, as stored
        return leaf_sql(target_type, f'{alias}."{spec.column}"')
    if isinstance(spec, Expr):
        values = {
            name: statement.once(alias, _template(statement, sql, t=alias))
            for name, sql in spec.once
        }
        return _expression(statement, spec.sql, target_type, t=alias, **values)
    if isinstance(spec, Allowed):
        return spec.rule(statement.viewer).sql(alias, statement.params)
    if isinstance(spec, Embedded):
        return _embedded(statement, target_type, spec, alias, nodes)
    if isinstance(spec, RowsOf):
        return _rows_of(statement, target_type, spec, alias, nodes)
    if isinstance(spec, RowOf):
        return _row_of(statement, target_type, spec, alias, nodes)
    if isinstance(spec, Count):
        # Once per row: a field computed from the same count (`Expr.once`) reads it too.
        return statement.once(alias, _template(statement, count_sql(spec), t=alias))
    if not isinstance(target_type, GraphQLObjectType):
        raise Decline(f"{facts.name}.{nodes[0].name.value}")
    if isinstance(spec, ToOne):
        return _to_one(
            statement, target_type, spec, alias, nodes, isinstance(field_type, GraphQLNonNull)
        )
    if isinstance(spec, ToMany):
        return _to_many(statement, target_type, spec, alias, nodes)
    if isinstance(spec, RowFrom):
        row = statement.alias()
        source = spec.source(statement.viewer, alias, row, statement.params, statement.lazy_now())
        if source is None:
            return "NULL"
        body = _object(statement, target_type, row, nodes)
        return f"(SELECT {body} FROM {source} {statement.joins_of(row)} LIMIT 1)"
    if isinstance(spec, PageOf):
        keyset, parent_column = spec.keyset(statement.viewer)
        query = statement.embed(keyset)
        parent = f'{parent_column} = {alias}."{spec.key}"'
        if spec.where is not None:
            parent += " AND " + spec.where(statement.viewer, alias, statement.params)
        return render_page(
            statement, target_type, nodes, query, page_args(arguments), parent, _object
        )
    raise Decline(f"{facts.name}.{nodes[0].name.value}")


def _embedded(
    statement: Statement, object_type: Any, spec: Embedded, alias: str, nodes: list[FieldNode]
) -> str:
    def field_sql(name: str, field_nodes: list[FieldNode]) -> str | None:
        inner = _spec_of(spec.fields, object_type, name)
        if inner is None:
            return None
        leaf_type = named(object_type.fields[name].type)
        if isinstance(inner, Column):
            return leaf_sql(leaf_type, f'{alias}."{inner.column}"')
        return _expression(statement, inner.sql, leaf_type, t=alias)

    return selection_object(statement, object_type, nodes, field_sql)


def _rows_of(
    statement: Statement, object_type: Any, spec: RowsOf, alias: str, nodes: list[FieldNode]
) -> str:
    row = statement.alias()
    body = selection_object(
        statement, object_type, nodes, _expressions(statement, object_type, spec.fields, row)
    )
    source = spec.source.format(t=alias, r=row)
    return f"(SELECT coalesce(json_agg({body}), '[]'::json) FROM {source})"


def _row_of(
    statement: Statement, object_type: Any, spec: RowOf, alias: str, nodes: list[FieldNode]
) -> str:
    row = statement.alias()
    source = spec.source(statement.viewer, alias, row, statement.params, statement.lazy_now())
    if source is None:
        return "NULL"
    body = selection_object(
        statement, object_type, nodes, _expressions(statement, object_type, spec.fields, row)
    )
    return f"(SELECT {body} FROM {source})"


def _expressions(
    statement: Statement, object_type: Any, expressions: dict[str, str], row: str
) -> FieldSql:
    """Fields given as SQL templates over `{r}` (and `{now}`), by GraphQL or Python name."""

    def field_sql(name: str, field_nodes: list[FieldNode]) -> str | None:
        expression = _spec_of(expressions, object_type, name)
        if expression is None:
            return None
        leaf_type = named(object_type.fields[name].type)
        return _expression(statement, expression, leaf_type, r=row)

    return field_sql


def _spec_of(specs: dict[str, Any], object_type: Any, name: str) -> Any:
    """A field's entry in `specs`, keyed by its GraphQL name or its Python name."""
    found = specs.get(name)
    return found if found is not None else specs.get(_python_name(object_type, name))


def _expression(statement: Statement, sql: str, leaf_type: Any, **aliases: str) -> str:
    """An `Expr`-style SQL template (`{t}`/`{r}`, `{now}`) as the field type's JSON value."""
    return leaf_sql(leaf_type, _template(statement, sql, **aliases), computed=True)


def _template(statement: Statement, sql: str, **aliases: str) -> str:
    """A SQL template over row aliases (`{t}`, `{r}`, ...) and `{now}`, filled in."""
    if "{now}" in sql:
        aliases["now"] = statement.now()
    return sql.format(**aliases)


def _to_one(
    statement: Statement,
    target: GraphQLObjectType,
    spec: ToOne,
    alias: str,
    nodes: list[FieldNode],
    non_null: bool,
) -> str:
    facts = _table_facts(statement, target)
    table = cast(str, facts.table)  # _table_facts checked it
    if spec.rule is None and spec.target == facts.pk:
        joined = statement.joined_row(alias, spec.key, table)
        if joined is not None:  # the page's source joined this row already
            body = _object(statement, target, joined, nodes)
            pending = statement.joins_of(joined)  # its own relations join after the page
            if pending:
                statement.join(alias, pending)
            return body
    child = statement.alias()
    where = f'{child}."{spec.target}" = {alias}."{spec.key}"'
    if spec.rule is not None:
        where += " AND " + spec.rule(statement.viewer).sql(child, statement.params)
    body = _object(statement, target, child, nodes)
    # A plain join on the parent's row, its own relations joined after it: PostgreSQL joins
    # a page's relations at once (e.g. hashed), and no subquery per row is left for it to
    # flatten into a plan of its own (a lateral subquery, once flattened, was re-planned as
    # a hash join per parent row).
    statement.join(
        alias,
        f'LEFT JOIN "{facts.table}" {child} ON {where} {statement.joins_of(child)}',
    )
    # A missing row in a non-null field is the executor's error to report.
    missing = _FALLBACK if non_null else "NULL"
    return f'(CASE WHEN {child}."{facts.pk}" IS NULL THEN {missing} ELSE {body} END)'


def _to_many(
    statement: Statement,
    target: GraphQLObjectType,
    spec: ToMany,
    alias: str,
    nodes: list[FieldNode],
) -> str:
    facts = _table_facts(statement, target)
    child = statement.alias()
    conditions = []
    if spec.through is not None:
        link_table, to_parent, to_child, link_order = spec.through
        link = statement.alias()
        source = (
            f'"{link_table}" {link} JOIN "{facts.table}" {child} '
            f'ON {child}."{facts.pk}" = {link}."{to_child}"'
        )
        conditions.append(f'{link}."{to_parent}" = {alias}."{spec.key}"')
        order = [f'{link}."{column}"' for column in link_order]
    else:
        source = f'"{facts.table}" {child}'
        conditions.append(f'{child}."{spec.target}" = {alias}."{spec.key}"')
        order = []
    order += [_order_term(term, child) for term in spec.order]
    if spec.rule is not None:
        conditions.append(spec.rule(statement.viewer).sql(child, statement.params))
    if spec.where is not None:
        conditions.append(spec.where(statement.viewer, child, alias, statement.params))
    body = _object(statement, target, child, nodes)
    return (
        f"(SELECT coalesce(json_agg({body} ORDER BY {', '.join(order)}), '[]'::json) "
        f"FROM {source} {statement.joins_of(child)} WHERE {' AND '.join(conditions)})"
    )


def _order_term(term: str, alias: str) -> str:
    return term.format(c=alias) if "{c}" in term else f'{alias}."{term}"'


def _python_name(object_type: Any, name: str) -> str:
    definition = object_type.fields[name].extensions.get("strawberry-definition")
    return definition.python_name if definition is not None else name


def _table_facts(statement: Statement, target: GraphQLObjectType) -> TypeFacts:
    facts = statement.facts.get(target.name)
    if facts is None or facts.table is None:
        raise Decline(f"{target.name} has no table")
    return facts
