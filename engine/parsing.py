"""The bounded parser: it stops at the token limit and counts selections as it reads, so a
document whose validation would be costly is refused before validation (see the
"Selections" part of engine/limits.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any, cast

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    OperationDefinitionNode,
    SelectionNode,
    TokenKind,
)
from graphql.error import GraphQLSyntaxError
from graphql.language import Source
from graphql.language.parser import Parser

TOKEN_LIMIT_MESSAGE = "Syntax Error: Document contains more than"
MAX_FIELDS_PER_KEY = 10
MAX_SPREADS_PER_KEY = 10
SPREAD_SELECTIONS_FACTOR = 2


class SelectionLimitError(GraphQLError):
    """A selection limit passed: raised while parsing, as soon as it is passed."""

    def __init__(self, limit: int, message: str | None = None) -> None:
        super().__init__(
            message or f"The query has more than {limit} selections.",
            extensions={"code": "TOO_MANY_SELECTIONS", "limit": limit},
        )


class _Key:
    """A response key of a definition (an operation or a fragment): how many fields are
    merged into it (through inline fragments too), which fragments are spread at it, and
    the keys below it."""

    __slots__ = ("expanded", "fields", "keys", "name", "parent", "spreads")

    def __init__(self, name: str | None = None, parent: _Key | None = None) -> None:
        self.name = name
        self.parent = parent
        self.fields = 0
        self.keys: dict[str, _Key] = {}
        self.spreads: list[str] = []
        self.expanded: set[str] = set()  # fragments already spread into this key

    def below(self, name: str) -> _Key:
        key = self.keys.get(name)
        if key is None:
            key = self.keys[name] = _Key(name, self)
        return key

    def check(self) -> None:
        if self.fields > MAX_FIELDS_PER_KEY:
            raise SelectionLimitError(
                MAX_FIELDS_PER_KEY,
                f"The query has more than {MAX_FIELDS_PER_KEY} fields"
                f' with the response key "{self.path()}".',
            )
        if len(self.spreads) > MAX_SPREADS_PER_KEY:
            where = f'at the response key "{self.path()}"' if self.name else "at the top level"
            raise SelectionLimitError(
                MAX_SPREADS_PER_KEY,
                f"The query spreads more than {MAX_SPREADS_PER_KEY} fragments {where}.",
            )

    def path(self) -> str:
        """The response keys down to this one, from its operation or fragment."""
        names: list[str] = []
        key: _Key | None = self
        while key is not None and key.name is not None:
            names.append(key.name)
            key = key.parent
        return ".".join(reversed(names))


class SelectionCountingParser(Parser):
    """graphql-core's parser, counting selections — fields, fragment spreads and inline
    fragments, each node once where it is written (a fragment's fields in its definition) —
    and stopping after `max_selections` of them, or when one response key gets more than
    MAX_FIELDS_PER_KEY fields or MAX_SPREADS_PER_KEY fragment spreads. Once the document is
    read, each definition is measured again with its fragments spread (`_measure_spread`).
    With no `max_selections`, nothing is counted."""

    def __init__(self, source: str, max_tokens: int | None, max_selections: int | None) -> None:
        super().__init__(Source(source), max_tokens=max_tokens)
        self._max_selections = max_selections
        self._selections = 0
        self._key = _Key()
        self._definitions: list[tuple[str | None, _Key]] = []
        self._fragments: dict[str, _Key] = {}

    def parse_document(self) -> DocumentNode:
        document = super().parse_document()
        if self._max_selections is not None:
            self._measure_spread(SPREAD_SELECTIONS_FACTOR * self._max_selections)
        return document

    def parse_operation_definition(self) -> OperationDefinitionNode:
        self._key = _Key()
        self._definitions.append((None, self._key))
        return super().parse_operation_definition()

    def parse_fragment_definition(self) -> FragmentDefinitionNode:
        key = self._key = _Key()
        fragment = super().parse_fragment_definition()
        self._definitions.append((fragment.name.value, key))
        self._fragments[fragment.name.value] = key
        return fragment

    def parse_selection(self) -> SelectionNode:
        self._selections += 1
        if self._max_selections is None:
            return super().parse_selection()
        if self._selections > self._max_selections:
            raise SelectionLimitError(self._max_selections)
        token = self._lexer.token
        if token.kind is TokenKind.NAME:  # a field; its first name is its response key
            outer = self._key
            key = self._key = outer.below(cast("str", token.value))
            key.fields += 1
            key.check()
            selection = super().parse_selection()
            self._key = outer
            return selection
        if token.kind is TokenKind.SPREAD:
            following = self._lexer.lookahead()
            if following.kind is TokenKind.NAME and following.value != "on":  # `...Name`
                self._key.spreads.append(cast("str", following.value))
                self._key.check()
        return super().parse_selection()  # inline fragments: their fields join this key

    def _measure_spread(self, limit: int) -> None:
        """Merge each definition's keys with those of the fragments it spreads (and those
        they spread), where they are spread, as validation compares them; check the limits
        per key again, and stop once more than `limit` fields and spreads have been counted
        over all definitions. A fragment is merged once per key it is spread at, never into
        itself (a cycle, which validation reports). The work is bounded by `limit`."""
        total = 0
        for name, root in self._definitions:
            spread = _Key()
            active: set[str] = set() if name is None else {name}  # fragments being spread
            work: list[tuple[_Key, _Key] | tuple[_Key, str] | str] = [(spread, root)]
            while work:
                item = work.pop()
                if isinstance(item, str):  # a fragment spread to the end
                    active.discard(item)
                    continue
                into, source = item
                if isinstance(source, str):  # a fragment to spread into `into`
                    fragment = self._fragments.get(source)
                    if fragment is None or source in active or source in into.expanded:
                        continue  # unknown, cyclic (reported by validation) or done
                    into.expanded.add(source)
                    active.add(source)
                    work.extend((source, (into, fragment)))
                    continue
                for key_name, below in source.keys.items():
                    key = into.below(key_name)
                    key.fields += below.fields
                    total += below.fields
                    key.check()
                    work.append((key, below))
                for fragment_name in source.spreads:
                    into.spreads.append(fragment_name)
                    total += 1
                    into.check()
                    work.append((into, fragment_name))
                if total > limit:
                    raise SelectionLimitError(
                        limit,
                        f"The query has more than {limit} selections with its fragments spread.",
                    )

    def nested_too_deeply(self) -> GraphQLSyntaxError:
        """graphql-core's `parse` error for a document past the interpreter's recursion."""
        lexer = self._lexer
        return GraphQLSyntaxError(
            lexer.source, lexer.token.start, "Document is nested too deeply. Parsing aborted."
        )


def bounded_parse(
    source: str, max_tokens: int | None = None, max_selections: int | None = None
) -> DocumentNode:
    """Parse `source` as graphql-core's `parse` does, within both limits."""
    parser = SelectionCountingParser(source, max_tokens, max_selections)
    try:
        return parser.parse_document()
    except RecursionError:
        pass  # raised outside the handler, so the error does not keep the recursion alive
    raise parser.nested_too_deeply()


@cache
def cached_parser(maxsize: int) -> Callable[..., DocumentNode]:
    """`bounded_parse` through an LRU cache of `maxsize` documents (one cache per size).
    Call it with keywords only after the source, as every caller here does, so that callers
    share entries: `(query, max_tokens=..., max_selections=...)`."""
    return lru_cache(maxsize=maxsize)(bounded_parse)


def fragments_of(definitions: Any) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}


def limit_error(message: str, code: str, node: Any = None, **extra: Any) -> GraphQLError:
    """A refusal by one of the limits: `extensions.code` names it."""
    return GraphQLError(message, nodes=node, extensions={"code": code, **extra})
