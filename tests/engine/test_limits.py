"""Query protection: depth, alias, token and cost limits refuse a query with a coded error
(never a 500); the cost model; the frontend's operations fit the default limits."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
import strawberry
from graphql import OperationDefinitionNode, get_introspection_query, parse, validate
from strawberry.extensions.validation_cache import _get_validate_cache

from core.settings import Settings
from engine.cost import operation_cost
from engine.limits import depth_and_alias_rule
from schema.root import build_schema
from tests.http_helpers import GRAPHQL_RESPONSE, JSON_BODY, client_for, variant

OPERATIONS = Path(__file__).resolve().parents[1] / "operations"


# A small schema to pin the cost model down, independent of the product schema.
@strawberry.type
class Item:
    id: strawberry.ID

    @strawberry.field
    def tags(self) -> list[str]:
        return []

    @strawberry.field
    def children(self) -> list[Item]:
        return []


@strawberry.type
class ItemEdge:
    cursor: str
    node: Item


@strawberry.type
class ItemConnection:
    total_count: int
    edges: list[ItemEdge]


@strawberry.type
class Query:
    @strawberry.field
    def item(self) -> Item:
        return Item(id=strawberry.ID("1"))

    @strawberry.field
    def items(self, first: int | None = None, last: int | None = None) -> ItemConnection:
        return ItemConnection(total_count=0, edges=[])

    @strawberry.field
    def by_ids(self, ids: list[strawberry.ID]) -> list[Item | None]:
        return []


COST_SCHEMA = strawberry.Schema(query=Query)._schema
CONNECTION = "totalCount edges { cursor node { id } }"  # costs 1 + (1 + (1 + (1 + 1))) = 5


def cost(query: str, variables: dict[str, Any] | None = None, name: str | None = None) -> int:
    return operation_cost(COST_SCHEMA, parse(query), name, variables or {})


@pytest.mark.parametrize(
    ("query", "variables", "expected"),
    [
        ("{ item { id } }", None, 2),
        ("{ item { tags } }", None, 2),  # a list of scalars is one field
        ("{ item { children { id } } }", None, 1 + (1 + 10 * 1)),  # unpaged list: 10 items
        (f"{{ items(first: 5) {{ {CONNECTION} }} }}", None, 1 + 5 * 5),
        (f"{{ items(last: 3) {{ {CONNECTION} }} }}", None, 1 + 3 * 5),
        (f"{{ items {{ {CONNECTION} }} }}", None, 1 + 20 * 5),  # default page
        (f"{{ items(first: 1000) {{ {CONNECTION} }} }}", None, 1 + 100 * 5),  # max page
        (f"query($n: Int) {{ items(first: $n) {{ {CONNECTION} }} }}", {"n": 4}, 1 + 4 * 5),
        (f"query($n: Int = 7) {{ items(first: $n) {{ {CONNECTION} }} }}", None, 1 + 7 * 5),
        ('{ byIds(ids: ["a", "b", "c"]) { id } }', None, 1 + 3 * 1),
        ("query($ids: [ID!]!) { byIds(ids: $ids) { id } }", {"ids": ["a", "b"]}, 1 + 2 * 1),
        (
            "{ items(first: 10) { edges { node { children { id } } } } }",
            None,
            1 + 10 * (1 + (1 + (1 + 10 * 1))),
        ),
        (
            "{ a: item { ...F } b: item { ...F } } fragment F on Item { id children { id } }",
            None,
            2 * (1 + (1 + (1 + 10 * 1))),
        ),
        ("{ item { ... on Item { id } } }", None, 2),
        ("{ __schema { types { name fields { name } } } }", None, 0),  # introspection is free
    ],
)
def test_cost_model(query: str, variables: dict[str, Any] | None, expected: int) -> None:
    assert cost(query, variables) == expected


def test_cost_of_the_named_operation() -> None:
    query = f"query A {{ item {{ id }} }} query B {{ items(first: 2) {{ {CONNECTION} }} }}"
    assert (cost(query, name="A"), cost(query, name="B")) == (2, 11)


def _error(body: dict[str, Any]) -> dict[str, Any]:
    assert "data" not in body, body
    [error] = body["errors"]
    return error


async def _post(client: httpx.AsyncClient, query: str, strict: bool = False) -> httpx.Response:
    headers = GRAPHQL_RESPONSE if strict else JSON_BODY
    return await client.post("/graphql", json={"query": query}, headers=headers)


async def test_depth_limit(server: str, settings: Settings) -> None:
    async with client_for(variant(settings, max_depth=2)) as client:
        ok = await _post(client, "{ me { id } }")
        assert ok.json() == {"data": {"me": None}}
        deep = "{ me { learningProfile { targetLanguage } } }"
        refused = await _post(client, deep)
        assert refused.status_code == 200
        assert _error(refused.json()) == {
            "message": "Query depth 3 exceeds the limit of 2.",
            "locations": [{"line": 1, "column": 1}],
            "extensions": {"code": "QUERY_TOO_DEEP", "depth": 3, "limit": 2},
        }
        assert (await _post(client, deep, strict=True)).status_code == 400
        # Depth through fragments counts too.
        through_fragment = (
            "query { me { ...P } } fragment P on User { learningProfile { targetLanguage } }"
        )
        response = await _post(client, through_fragment)
        assert _error(response.json())["extensions"]["code"] == "QUERY_TOO_DEEP"


async def test_alias_limit(server: str, settings: Settings) -> None:
    async with client_for(variant(settings, max_aliases=2)) as client:
        ok = await _post(client, "{ a: me { id } b: me { id } }")
        assert ok.json() == {"data": {"a": None, "b": None}}
        refused = await _post(client, "{ a: me { id } b: me { id } c: me { id } }")
        assert _error(refused.json()) == {
            "message": "The query uses 3 aliases; the limit is 2.",
            "locations": [{"line": 1, "column": 1}],
            "extensions": {"code": "TOO_MANY_ALIASES", "aliases": 3, "limit": 2},
        }


async def test_token_limit(server: str, settings: Settings) -> None:
    async with client_for(variant(settings, max_tokens=6)) as client:
        ok = await _post(client, "{ me { id } }")  # 6 tokens
        assert ok.json() == {"data": {"me": None}}
        refused = await _post(client, "{ me { id displayName email } }")
        assert _error(refused.json()) == {
            "message": "The query has more than 6 tokens.",
            "extensions": {"code": "TOO_MANY_TOKENS", "limit": 6},
        }
        assert (
            await _post(client, "{ me { id displayName email } }", strict=True)
        ).status_code == 400


async def test_cost_limit(server: str, settings: Settings) -> None:
    async with client_for(variant(settings, max_cost=5)) as client:
        ok = await _post(client, "{ me { id displayName } }")  # 1 + 2
        assert ok.json() == {"data": {"me": None}}
        ids = ", ".join(f'"id{n}"' for n in range(6))
        refused = await _post(client, f"{{ nodes(ids: [{ids}]) {{ id }} }}")  # 1 + 6 * 1
        assert refused.status_code == 200
        assert _error(refused.json()) == {
            "message": "Query cost 7 exceeds the limit of 5.",
            "extensions": {"code": "QUERY_TOO_COSTLY", "cost": 7, "limit": 5},
        }
        # Variables count: the same query with a smaller list passes.
        query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
        response = await client.post("/graphql", json={"query": query, "variables": {"ids": ["x"]}})
        assert response.json() == {"data": {"nodes": [None]}}


async def test_graphiql_introspection_query_fits_the_default_limits(
    http: httpx.AsyncClient,
) -> None:
    response = await http.post("/graphql", json={"query": get_introspection_query()})
    body = response.json()
    assert "errors" not in body, body["errors"]
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


def _frontend_operations() -> list[tuple[str, str]]:
    return [
        (path.name, definition.name.value)
        for path in sorted(OPERATIONS.glob("*.graphql"))
        for definition in parse(path.read_text()).definitions
        if isinstance(definition, OperationDefinitionNode) and definition.name
    ]


@pytest.mark.parametrize(("file", "name"), _frontend_operations())
def test_frontend_operations_fit_the_default_limits(file: str, name: str) -> None:
    defaults = Settings()
    text = (OPERATIONS / file).read_text()
    document = parse(text, max_tokens=defaults.max_tokens)
    schema = build_schema(defaults)._schema
    shape = depth_and_alias_rule(defaults.max_depth, defaults.max_aliases)
    assert [e.message for e in validate(schema, document, [shape])] == []
    assert operation_cost(schema, document, name, {}) <= defaults.max_cost


async def test_validation_cache_hits_for_a_repeated_query(server: str, settings: Settings) -> None:
    # Strawberry annotates a bare Callable; it returns the lru_cache wrapper of validate_document.
    cache = cast(
        "functools._lru_cache_wrapper[Any]",
        _get_validate_cache(settings.validation_cache_size),
    )
    query = "{ me { id displayName } __typename }"
    # The executor's validation: the read compiler, which would answer this, is off.
    async with client_for(dataclasses.replace(settings, read_compiler=False)) as client:
        await _post(client, query)
        before = cache.cache_info().hits
        await _post(client, query)
        assert cache.cache_info().hits == before + 1
