"""Query protection: depth, alias, token and cost limits, each from settings (MAX_QUERY_*).

A query over a limit is refused before anything runs, with one GraphQL error whose
`extensions.code` names the limit (QUERY_TOO_DEEP, TOO_MANY_ALIASES, TOO_MANY_TOKENS,
QUERY_TOO_COSTLY) — a request error: 200 with `application/json`, 400 with
`application/graphql-response+json` (see core/http.py), never a 500.

- Tokens: the parser stops after `max_tokens` tokens (cheap: nothing bigger is ever parsed);
  parsed documents are kept in a bounded LRU cache (PARSER_CACHE_SIZE).
- Depth and aliases: validation rules. Their classes are made once per schema, not per
  request, so the validation cache (keyed by the rule classes) actually hits.
- Cost: computed at execution time, when variables are known (`first: $n`). Each selected field
  costs 1; a field returning a list multiplies what is selected under it by the page size it
  asks for (`first`/`last`, else the default page of 20, at most 100), or by the length of a
  list argument (`nodes(ids:)`), or by UNPAGED_LIST_SIZE. The `edges` of a connection are not
  multiplied again. Introspection (`__schema`, `__type`, `__typename`) is free, so GraphiQL's
  schema query is never refused.

Fragments are measured once each, so a document cannot make the measuring itself expensive.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FloatValueNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    StringValueNode,
    ValidationRule,
    Visitor,
    get_named_type,
    parse,
    value_from_ast_untyped,
    visit,
)
from graphql.execution import ExecutionResult
from strawberry.extensions import AddValidationRules, SchemaExtension

from core.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from core.settings import Settings
from engine.inputs import holds_unfit_text, unfit_text

# Lists without pagination arguments (e.g. `sections`) are assumed to hold this many items.
UNPAGED_LIST_SIZE = 10
PAGE_ARGUMENTS = ("first", "last")
TOKEN_LIMIT_MESSAGE = "Syntax Error: Document contains more than"


def _fragments_of(definitions: Any) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}


class _Measure:
    """Depth and alias count of selection sets, each fragment measured once."""

    def __init__(self, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments
        self.memo: dict[str, tuple[int, int]] = {}

    def of(self, selection_set: SelectionSetNode | None, seen: frozenset[str]) -> tuple[int, int]:
        depth = aliases = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                if selection.name.value.startswith("__"):
                    continue  # introspection: GraphiQL's schema query nests deeply
                below, below_aliases = self.of(selection.selection_set, seen)
                depth = max(depth, 1 + below)
                aliases += below_aliases + (1 if selection.alias else 0)
            elif isinstance(selection, InlineFragmentNode):
                below, below_aliases = self.of(selection.selection_set, seen)
                depth, aliases = max(depth, below), aliases + below_aliases
            elif isinstance(selection, FragmentSpreadNode):
                below, below_aliases = self.fragment(selection.name.value, seen)
                depth, aliases = max(depth, below), aliases + below_aliases
        return depth, aliases

    def fragment(self, name: str, seen: frozenset[str]) -> tuple[int, int]:
        fragment = self.fragments.get(name)
        if fragment is None or name in seen:  # unknown or cyclic: other rules report those
            return 0, 0
        if name not in self.memo:
            self.memo[name] = self.of(fragment.selection_set, seen | {name})
        return self.memo[name]


def _limit_error(message: str, code: str, node: Any = None, **extra: Any) -> GraphQLError:
    return GraphQLError(message, nodes=node, extensions={"code": code, **extra})


def depth_and_alias_rule(max_depth: int, max_aliases: int) -> type[ValidationRule]:
    class QueryShapeLimits(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            measure = _Measure(_fragments_of(self.context.document.definitions))
            depth, aliases = measure.of(node.selection_set, frozenset())
            if depth > max_depth:
                self.report_error(
                    _limit_error(
                        f"Query depth {depth} exceeds the limit of {max_depth}.",
                        "QUERY_TOO_DEEP",
                        node,
                        depth=depth,
                        limit=max_depth,
                    )
                )
            if aliases > max_aliases:
                self.report_error(
                    _limit_error(
                        f"The query uses {aliases} aliases; the limit is {max_aliases}.",
                        "TOO_MANY_ALIASES",
                        node,
                        aliases=aliases,
                        limit=max_aliases,
                    )
                )

    return QueryShapeLimits


@cache
def cached_parser(maxsize: int) -> Callable[..., DocumentNode]:
    return lru_cache(maxsize=maxsize)(parse)


# Longer number literals are refused before validation converts them: Python refuses to
# convert integers over 4 300 digits, which would surface as an internal error.
MAX_NUMBER_LITERAL = 40


def document_problem(
    query: str,
    operation_name: str | None,
    settings: Settings,
    variables: dict[str, Any] | None = None,
) -> GraphQLError | None:
    """What makes the document a request error before validation runs, if anything: several
    operations and no `operationName` (the spec: the server may not pick one), a number
    literal too long to convert, or — outside mutations, whose pipeline reports it on the
    input field (engine/inputs.py) — text no database can store in a string literal or a
    variable. What depends on the document alone is worked out once per document (cached);
    only the variables are looked at per request."""
    problem, mutation = _document_facts(
        query, operation_name, settings.max_tokens, settings.parser_cache_size
    )
    if problem is None and not mutation and variables and holds_unfit_text(variables):
        return _odd_text_error(None)
    return problem


def _odd_text_error(node: Any) -> GraphQLError:
    return _limit_error("Text may not contain NUL bytes or lone surrogates.", "INVALID_TEXT", node)


@lru_cache(maxsize=256)
def _document_facts(
    query: str, operation_name: str | None, max_tokens: int, cache_size: int
) -> tuple[GraphQLError | None, bool]:
    """(the document's own problem, whether the chosen operation is a mutation). A document
    that does not parse is left to the execution, which reports it."""
    try:
        document = cached_parser(cache_size)(query, max_tokens=max_tokens)
    except GraphQLError:
        return None, False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) > 1 and not operation_name:
        error = _limit_error(
            "Must provide operation name if query contains multiple operations.",
            "OPERATION_NAME_REQUIRED",
        )
        return error, False
    mutation = any(
        d.operation == OperationType.MUTATION
        and (operation_name is None or (d.name is not None and d.name.value == operation_name))
        for d in operations
    )
    too_long: list[Any] = []
    odd_text: list[Any] = []

    class Literals(Visitor):
        def enter_string_value(self, node: StringValueNode, *_: Any) -> None:
            if unfit_text(node.value):
                odd_text.append(node)

        def enter_int_value(self, node: IntValueNode, *_: Any) -> None:
            if len(node.value) > MAX_NUMBER_LITERAL:
                too_long.append(node)

        def enter_float_value(self, node: FloatValueNode, *_: Any) -> None:
            if len(node.value) > MAX_NUMBER_LITERAL:
                too_long.append(node)

    visit(document, Literals())
    if odd_text and not mutation:
        return _odd_text_error(odd_text[0]), mutation
    if too_long:
        error = _limit_error(
            f"Number literals may have at most {MAX_NUMBER_LITERAL} characters.",
            "NUMBER_TOO_LONG",
            too_long[0],
        )
        return error, mutation
    return None, mutation


class BoundedParser(SchemaExtension):
    """Parses through a bounded LRU cache (shared per size), stopping after `max_tokens`
    tokens, and gives the token-limit error its code.

    A document the parser refuses is left to Strawberry's own parse, which reports the error
    inside the operation: an exception raised from this hook would skip every extension's
    error handling (and the code given here).
    """

    def __init__(self, max_tokens: int, cache_size: int) -> None:
        self.max_tokens = max_tokens
        self.parse = cached_parser(cache_size)

    def on_operation(self) -> Iterator[None]:
        self.execution_context.parse_options["max_tokens"] = self.max_tokens
        yield
        self._rewrite(self.execution_context.result)

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is None and context.query:
            with contextlib.suppress(GraphQLError):
                context.graphql_document = self.parse(context.query, **context.parse_options)
        yield

    def on_stream_result(self, result: Any) -> Iterator[None]:  # WebSocket operations
        self._rewrite(result)
        yield None

    def _rewrite(self, result: Any) -> None:
        errors = getattr(result, "errors", None)
        if not errors:
            return
        result.errors = [
            _limit_error(
                f"The query has more than {self.max_tokens} tokens.",
                "TOO_MANY_TOKENS",
                limit=self.max_tokens,
            )
            if error.message.startswith(TOKEN_LIMIT_MESSAGE)
            else error
            for error in errors
        ]


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
        if node.selection_set is None:
            return 1
        child_type: GraphQLNamedType | None = (
            get_named_type(definition.type) if definition else None
        )
        children = self.selection_cost(node.selection_set, child_type, seen)
        return 1 + self.multiplier(node, parent, definition) * children

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
    calculator = CostCalculator(schema, _fragments_of(document.definitions), values)
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
                        _limit_error(
                            f"Query cost {cost} exceeds the limit of {self.max_cost}.",
                            "QUERY_TOO_COSTLY",
                            cost=cost,
                            limit=self.max_cost,
                        )
                    ],
                )
        yield


def protections(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Extension factories for parsing and the query limits (fresh instances per request)."""
    shape_rule = depth_and_alias_rule(settings.max_depth, settings.max_aliases)
    return [
        lambda: BoundedParser(settings.max_tokens, settings.parser_cache_size),
        lambda: AddValidationRules([shape_rule]),
        lambda: QueryCostLimiter(settings.max_cost),
    ]
