"""Query cost limit: every selected field costs 1, and a list field multiplies what is
selected under it by the page size it asks for (`first`/`last`, else the default page).

Computed at execution time, when variables are known (validation results are cached per
document, so a validation rule could not see them).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    value_from_ast_untyped,
)
from graphql.execution import ExecutionResult
from strawberry.extensions import SchemaExtension

from core.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

# Lists without pagination arguments (e.g. `sections`) are assumed to hold this many items.
UNPAGED_LIST_SIZE = 10
PAGED_FIELDS = ("first", "last")


def _argument(node: FieldNode, name: str, variables: dict[str, Any]) -> Any:
    for argument in node.arguments or ():
        if argument.name.value == name:
            if isinstance(argument.value, VariableNode):
                return variables.get(argument.value.name.value)
            return value_from_ast_untyped(argument.value, variables)
    return None


class CostCalculator:
    def __init__(self, fragments: dict[str, FragmentDefinitionNode], variables: dict[str, Any]):
        self.fragments = fragments
        self.variables = variables

    def selection_cost(self, selection_set: SelectionSetNode | None, seen: frozenset[str]) -> int:
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field_cost(selection, seen)
            elif isinstance(selection, InlineFragmentNode):
                total += self.selection_cost(selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is not None and name not in seen:
                    total += self.selection_cost(fragment.selection_set, seen | {name})
        return total

    def field_cost(self, node: FieldNode, seen: frozenset[str]) -> int:
        children = self.selection_cost(node.selection_set, seen)
        if node.selection_set is None:
            return 1
        names = {a.name.value for a in node.arguments or ()}
        if names & set(PAGED_FIELDS) or self._is_connection(node):
            size = DEFAULT_PAGE_SIZE
            for name in PAGED_FIELDS:
                value = _argument(node, name, self.variables)
                if isinstance(value, int):
                    size = max(1, min(value, MAX_PAGE_SIZE))
            return 1 + size * children
        if node.name.value.endswith("s") and node.name.value not in {"stats", "metrics"}:
            return 1 + UNPAGED_LIST_SIZE * children
        return 1 + children

    @staticmethod
    def _is_connection(node: FieldNode) -> bool:
        return any(
            isinstance(s, FieldNode) and s.name.value == "edges"
            for s in (node.selection_set.selections if node.selection_set else ())
        )


def operation_cost(document: Any, operation_name: str | None, variables: dict[str, Any]) -> int:
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if not operations:
        return 0
    calculator = CostCalculator(fragments, variables)
    return calculator.selection_cost(operations[0].selection_set, frozenset())


class QueryCostLimiter(SchemaExtension):
    def __init__(self, max_cost: int) -> None:
        self.max_cost = max_cost

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            cost = operation_cost(document, context.operation_name, context.variables or {})
            if cost > self.max_cost:
                context.result = ExecutionResult(
                    data=None,
                    errors=[
                        GraphQLError(
                            f"Query cost {cost} exceeds the limit of {self.max_cost}.",
                            extensions={"code": "QUERY_TOO_COSTLY", "cost": cost},
                        )
                    ],
                )
        yield
