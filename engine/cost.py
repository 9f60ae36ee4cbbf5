"""Query cost: what an operation may ask for at once, computed when its variables are known
(see engine/limits.py for the rule and the other limits)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    value_from_ast_untyped,
)
from graphql.execution import ExecutionResult
from strawberry.extensions import SchemaExtension

from core.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from engine.parsing import fragments_of, limit_error

# Lists without pagination arguments (e.g. `sections`) are assumed to hold this many items.
UNPAGED_LIST_SIZE = 10
PAGE_ARGUMENTS = ("first", "last")
# A heavy field declares what it costs beyond 1 (e.g. a dashboard of aggregates):
# `strawberry.field(metadata={COST: 100})`; it is counted each time the field is (so under a
# page of 20 it counts 20 times).
COST = "cost"


def declared_cost(definition: GraphQLField | None) -> int:
    """The extra cost a field declares in its strawberry metadata (`COST`), else 0."""
    if definition is None:
        return 0
    field = (definition.extensions or {}).get("strawberry-definition")
    metadata = getattr(field, "metadata", None) or {}
    return int(metadata.get(COST, 0))


def _unwrap(type_: Any) -> Any:
    return type_.of_type if isinstance(type_, GraphQLNonNull) else type_


def _argument(node: FieldNode, name: str, variables: dict[str, Any]) -> Any:
    for argument in node.arguments or ():
        if argument.name.value == name:
            return value_from_ast_untyped(argument.value, variables)
    return None


class CostCalculator:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.memo: dict[str, int] = {}

    def selection_cost(
        self, selection_set: SelectionSetNode | None, parent: Any, seen: frozenset[str]
    ) -> int:
        total = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                total += self.field_cost(selection, parent, seen)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selection_cost(selection.selection_set, target, seen)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment_cost(selection.name.value, seen)
        return total

    def fragment_cost(self, name: str, seen: frozenset[str]) -> int:
        fragment = self.fragments.get(name)
        if fragment is None or name in seen:
            return 0
        if name not in self.memo:
            target = self.schema.get_type(fragment.type_condition.name.value)
            self.memo[name] = self.selection_cost(fragment.selection_set, target, seen | {name})
        return self.memo[name]

    def field_cost(self, node: FieldNode, parent: Any, seen: frozenset[str]) -> int:
        if node.name.value.startswith("__"):
            return 0
        fields = getattr(parent, "fields", None) if parent is not None else None
        definition: GraphQLField | None = fields.get(node.name.value) if fields else None
        extra = declared_cost(definition)
        if node.selection_set is None:
            return 1 + extra
        child_type: GraphQLNamedType | None = (
            get_named_type(definition.type) if definition else None
        )
        children = self.selection_cost(node.selection_set, child_type, seen)
        return 1 + extra + self.multiplier(node, parent, definition) * children

    def multiplier(self, node: FieldNode, parent: Any, definition: GraphQLField | None) -> int:
        if definition is None:
            return 1
        if any(name in definition.args for name in PAGE_ARGUMENTS):
            sizes = [_argument(node, name, self.variables) for name in PAGE_ARGUMENTS]
            asked = [size for size in sizes if isinstance(size, int)]
            return max(0, min(max(asked), MAX_PAGE_SIZE)) if asked else DEFAULT_PAGE_SIZE
        if not isinstance(_unwrap(definition.type), GraphQLList):
            return 1
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) and parent.name.endswith(
            "Connection"
        ):
            return 1  # `edges`/`nodes`: the connection field already counted the page
        lists = [
            value
            for argument in node.arguments or ()
            if isinstance(value := value_from_ast_untyped(argument.value, self.variables), list)
        ]
        return max(len(value) for value in lists) if lists else UNPAGED_LIST_SIZE


def operation_cost(
    schema: GraphQLSchema, document: Any, operation_name: str | None, variables: dict[str, Any]
) -> int:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if not operations:
        return 0
    operation = operations[0]
    # Variables left out take their defaults (`$first: Int = 100` asks for 100).
    values = {
        definition.variable.name.value: value_from_ast_untyped(definition.default_value)
        for definition in operation.variable_definitions or ()
        if definition.default_value is not None
    }
    values.update(variables)
    root = schema.get_root_type(operation.operation)
    calculator = CostCalculator(schema, fragments_of(document.definitions), values)
    return calculator.selection_cost(operation.selection_set, root, frozenset())


class QueryCostLimiter(SchemaExtension):
    def __init__(self, max_cost: int) -> None:
        self.max_cost = max_cost

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            cost = operation_cost(
                context.schema._schema, document, context.operation_name, context.variables or {}
            )
            if cost > self.max_cost:
                context.result = ExecutionResult(
                    data=None,
                    errors=[
                        limit_error(
                            f"Query cost {cost} exceeds the limit of {self.max_cost}.",
                            "QUERY_TOO_COSTLY",
                            cost=cost,
                            limit=self.max_cost,
                        )
                    ],
                )
        yield
