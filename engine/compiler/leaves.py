"""Leaf values as PostgreSQL builds them: the same JSON the executor's serializers give.

`json_build_object` turns text, integers, booleans and json into their JSON forms itself;
what differs from Python's serializers is written here: instants (`lg_iso`, Python's
`isoformat()`), decimals (strings), enums (their GraphQL names), dates, and relay ids and
cursors (base64 of the same text, migration 23).
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLEnumType, GraphQLScalarType

from engine.compiler.errors import Decline

# Python's `date.isoformat()`.
_DATE = "to_char({}, 'YYYY-MM-DD')"


def leaf_sql(graphql_type: Any, expression: str, computed: bool = False) -> str:
    """`expression` (a column or SQL value) as the JSON value of a field of `graphql_type`.
    A `computed` value of another type (a JSON object, a list) is taken as it is."""
    if isinstance(graphql_type, GraphQLEnumType):
        cases = " ".join(
            f"WHEN {_literal(value.value)} THEN {_literal(name)}"
            for name, value in graphql_type.values.items()
            if isinstance(value.value, str)
        )
        # A value the enum lacks is the executor's error to report.
        unknown = "lg_compiled_fallback()#>>'{}'"
        return (
            f"(CASE {expression} {cases} ELSE "
            f"CASE WHEN {expression} IS NULL THEN NULL ELSE {unknown} END END)"
        )
    if not isinstance(graphql_type, GraphQLScalarType):
        if computed:
            return expression
        raise Decline(f"{graphql_type} is not a leaf")
    name = graphql_type.name
    if name in ("String", "ID", "Int", "Float", "Boolean", "JSON"):
        return expression
    if name == "DateTime":
        return f"lg_iso({expression})"
    if name == "Date":
        return _DATE.format(expression)
    if name == "Decimal":
        return f"({expression})::text"
    raise Decline(f"the scalar {name}")


def global_id_sql(type_name: str, id_expression: str) -> str:
    """A relay global id: base64 of `Type:id`, as strawberry.relay.to_base64 writes it."""
    return f"lg_b64({_literal(type_name + ':')} || ({id_expression})::text)"


def cursor_sql(key_expressions: list[str]) -> str:
    """core.pagination.encode_cursor of the row's sort keys, in SQL."""
    items = ", ".join(f"lg_cursor_item({expression})" for expression in key_expressions)
    return f"lg_b64url('[' || concat_ws(',', {items}) || ']')"


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def literal(value: str) -> str:
    """An SQL string literal (type names, response keys: never user input)."""
    return _literal(value)
