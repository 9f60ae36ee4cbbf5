"""Query protection: depth, alias, token, selection and cost limits, each from settings
(MAX_QUERY_*, MAX_SELECTIONS).

A query over a limit is refused before anything runs, with one GraphQL error whose
`extensions.code` names the limit (QUERY_TOO_DEEP, TOO_MANY_ALIASES, TOO_MANY_TOKENS,
TOO_MANY_SELECTIONS, QUERY_TOO_COSTLY) — a request error: 200 with `application/json`, 400
with `application/graphql-response+json` (see core/http.py), never a 500.

- Tokens: the parser stops after `max_tokens` tokens (cheap: nothing bigger is ever parsed);
  parsed documents are kept in a bounded LRU cache (PARSER_CACHE_SIZE).
- Selections: validation (graphql-core's overlapping-fields rule) compares pairwise the fields
  merged into one response key — those with the same alias or name in a selection set, its
  inline fragments and the fragments spread there, and below them the fields of the fields
  merged — and the fragments spread at one key, so its cost grows with the square of their
  number. The same parser bounds them as it reads the document, so no comment or other change
  to the text gets round it (nor the caches), and refuses with TOO_MANY_SELECTIONS:
  - more than `max_selections` selections (MAX_SELECTIONS): fields, fragment spreads and
    inline fragments, each node once where it is written (a fragment's fields in its
    definition, however often it is spread; each spread counts one);
  - more than MAX_FIELDS_PER_KEY (10) fields for one response key, or more than
    MAX_SPREADS_PER_KEY (10) fragment spreads at one: `{ me { id } me { id } }` has two
    fields for `me` and two for `me.id`;
  - once the document is read, the same with each fragment's keys merged where it is spread
    (the fragments it spreads too), and more than SPREAD_SELECTIONS_FACTOR (2) times
    `max_selections` selections in all the operations and fragments with their fragments
    spread, which bounds nested spreads and the measuring itself.
  So the pairs compared grow linearly with the document: at the defaults, at most about 2,300
  field pairs (tens of milliseconds) where 250 copies of one field made 31,000 (0.6 s).
- Depth and aliases: validation rules. Their classes are made once per schema, not per
  request, so the validation cache (keyed by the rule classes) actually hits.
- Cost: computed at execution time, when variables are known (`first: $n`). Each selected field
  costs 1; a field returning a list multiplies what is selected under it by the page size it
  asks for (`first`/`last`, else the default page of 20, at most 100), or by the length of a
  list argument (`nodes(ids:)`), or by UNPAGED_LIST_SIZE. The `edges` of a connection are not
  multiplied again. A heavy field (a dashboard of aggregates) adds the cost it declares
  (`metadata={COST: n}`, engine/cost.py) each time it is counted. Introspection
  (`__schema`, `__type`, `__typename`) is free, so GraphiQL's schema query is never refused.

Fragments are measured once each, so a document cannot make the measuring itself expensive.
The bounded parser lives in engine/parsing.py, the cost in engine/cost.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from graphql import (
    FieldNode,
    FloatValueNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    StringValueNode,
    ValidationRule,
    Visitor,
    visit,
)
from strawberry.extensions import AddValidationRules, SchemaExtension

from core.settings import Settings
from engine.cost import QueryCostLimiter
from engine.inputs import holds_unfit_text, unfit_text
from engine.parsing import (
    SelectionLimitError,
    cached_parser,
    fragments_of,
    limit_error,
)

# Lists without pagination arguments (e.g. `sections`) are assumed to hold this many items.
UNPAGED_LIST_SIZE = 10
PAGE_ARGUMENTS = ("first", "last")
TOKEN_LIMIT_MESSAGE = "Syntax Error: Document contains more than"
# What validation compares pairwise, bounded while parsing (see "Selections" above): the
# fields merged into one response key, the fragments spread at one, and all selections once
# fragments are spread (this many times MAX_SELECTIONS; GraphiQL's schema query has 489).
MAX_FIELDS_PER_KEY = 10
MAX_SPREADS_PER_KEY = 10
SPREAD_SELECTIONS_FACTOR = 2


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


def depth_and_alias_rule(max_depth: int, max_aliases: int) -> type[ValidationRule]:
    class QueryShapeLimits(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            measure = _Measure(fragments_of(self.context.document.definitions))
            depth, aliases = measure.of(node.selection_set, frozenset())
            if depth > max_depth:
                self.report_error(
                    limit_error(
                        f"Query depth {depth} exceeds the limit of {max_depth}.",
                        "QUERY_TOO_DEEP",
                        node,
                        depth=depth,
                        limit=max_depth,
                    )
                )
            if aliases > max_aliases:
                self.report_error(
                    limit_error(
                        f"The query uses {aliases} aliases; the limit is {max_aliases}.",
                        "TOO_MANY_ALIASES",
                        node,
                        aliases=aliases,
                        limit=max_aliases,
                    )
                )

    return QueryShapeLimits


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
        query,
        operation_name,
        settings.max_tokens,
        settings.max_selections,
        settings.parser_cache_size,
    )
    if problem is None and not mutation and variables and holds_unfit_text(variables):
        return _odd_text_error(None)
    return problem


def _odd_text_error(node: Any) -> GraphQLError:
    return limit_error("Text may not contain NUL bytes or lone surrogates.", "INVALID_TEXT", node)


def runs_mutation(query: str, operation_name: str | None, settings: Settings) -> bool:
    """Whether the operation the request runs is a mutation (from the cached facts of the
    document: no second parse)."""
    return _document_facts(
        query,
        operation_name,
        settings.max_tokens,
        settings.max_selections,
        settings.parser_cache_size,
    )[1]


@lru_cache(maxsize=256)
def _document_facts(
    query: str, operation_name: str | None, max_tokens: int, max_selections: int, cache_size: int
) -> tuple[GraphQLError | None, bool]:
    """(the document's own problem, whether the chosen operation is a mutation). A document
    that does not parse, or is over the token or selection limit, is left to the execution,
    which reports it (BoundedParser)."""
    try:
        parse = cached_parser(cache_size)
        document = parse(query, max_tokens=max_tokens, max_selections=max_selections)
    except GraphQLError:
        return None, False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) > 1 and not operation_name:
        error = limit_error(
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
        error = limit_error(
            f"Number literals may have at most {MAX_NUMBER_LITERAL} characters.",
            "NUMBER_TOO_LONG",
            too_long[0],
        )
        return error, mutation
    return None, mutation


class BoundedParser(SchemaExtension):
    """Parses through a bounded LRU cache (shared per size), stopping after `max_tokens`
    tokens or `max_selections` selections, and gives those limits' errors their codes.

    A document the parser refuses is left to Strawberry's own parse, which reports the error
    inside the operation: an exception raised from this hook would skip every extension's
    error handling (and the code given here). Strawberry's parse knows no selection limit, so
    for a document over it that parse is made to fail at its first token (a token limit of 0),
    and its error is replaced by the selection error.
    """

    def __init__(self, max_tokens: int, cache_size: int, max_selections: int) -> None:
        self.max_tokens = max_tokens
        self.max_selections = max_selections
        self.parse = cached_parser(cache_size)
        self.refusal: SelectionLimitError | None = None

    def on_operation(self) -> Iterator[None]:
        self.execution_context.parse_options["max_tokens"] = self.max_tokens
        yield
        self._rewrite(self.execution_context.result)

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is None and context.query:
            try:
                context.graphql_document = self.parse(
                    context.query, max_tokens=self.max_tokens, max_selections=self.max_selections
                )
            except SelectionLimitError as error:
                self.refusal = error
                context.parse_options["max_tokens"] = 0  # Strawberry's parse: refused at once
            except GraphQLError:
                pass
        yield

    def on_stream_result(self, result: Any) -> Iterator[None]:  # WebSocket operations
        self._rewrite(result)
        yield None

    def _rewrite(self, result: Any) -> None:
        errors = getattr(result, "errors", None)
        if not errors:
            return
        if self.refusal is not None:  # nothing ran: the only error is the (forced) parse's
            result.errors = [self.refusal]
            return
        result.errors = [
            limit_error(
                f"The query has more than {self.max_tokens} tokens.",
                "TOO_MANY_TOKENS",
                limit=self.max_tokens,
            )
            if error.message.startswith(TOKEN_LIMIT_MESSAGE)
            else error
            for error in errors
        ]


def protections(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Extension factories for parsing and the query limits (fresh instances per request)."""
    shape_rule = depth_and_alias_rule(settings.max_depth, settings.max_aliases)
    return [
        lambda: BoundedParser(
            settings.max_tokens, settings.parser_cache_size, settings.max_selections
        ),
        lambda: AddValidationRules([shape_rule]),
        lambda: QueryCostLimiter(settings.max_cost),
    ]
