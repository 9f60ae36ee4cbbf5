"""Input limits over HTTP: bodies over MAX_BODY_BYTES are refused with 413 before being read
whole (by Content-Length, and by counting when none is sent); request JSON too deep or too
large is a 400 with its own code, never a 500; documents with more than MAX_SELECTIONS
selections, more than MAX_FIELDS_PER_KEY fields or MAX_SPREADS_PER_KEY fragment spreads at one
response key, or too many selections with their fragments spread, are refused while parsing
(TOO_MANY_SELECTIONS), before validation compares them pairwise."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
from graphql import get_introspection_query
from websockets.typing import Subprotocol

from core.settings import Settings
from engine.parsing import MAX_FIELDS_PER_KEY, MAX_SPREADS_PER_KEY, bounded_parse
from main import create_app
from tests.http_helpers import GRAPHQL_RESPONSE, JSON_BODY, app_client, client_for, variant
from tests.servers import serve

LIMIT = 4096


def _error(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["errors"][0]["extensions"]["code"]


async def test_a_body_over_the_limit_is_refused_by_its_content_length(
    server: str, settings: Settings
) -> None:
    body = json.dumps({"query": "{ __typename }", "variables": {"pad": "x" * LIMIT}})
    async with app_client(create_app(variant(settings, max_body_bytes=LIMIT))) as client:
        response = await client.post("/graphql", content=body, headers=JSON_BODY)
        assert _error(response) == (413, "PAYLOAD_TOO_LARGE")
        assert response.json()["errors"][0]["message"] == f"The request body is over {LIMIT} bytes."
        small = await client.post("/graphql", json={"query": "{ __typename }"})
        assert small.json() == {"data": {"__typename": "Query"}}


async def test_a_streamed_body_is_refused_once_it_grows_over_the_limit(
    server: str, settings: Settings
) -> None:
    sent: list[int] = []

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ __typename }", "variables": {"pad": "'
        for _ in range(100):  # 100 KB in 1 KB chunks, no Content-Length
            sent.append(1)
            yield b"x" * 1024
        yield b'"}}'

    async with app_client(create_app(variant(settings, max_body_bytes=LIMIT))) as client:
        response = await client.post("/graphql", content=chunks(), headers=JSON_BODY)
    assert "content-length" not in response.request.headers
    assert _error(response) == (413, "PAYLOAD_TOO_LARGE")
    assert len(sent) < 10  # refused while streaming, not after reading it all


async def test_deeply_nested_json_is_a_400(server: str, settings: Settings) -> None:
    async with app_client(create_app(settings)) as client:
        for depth in (100, 5000):
            nested = "[" * depth + "]" * depth
            body = '{"query": "{ __typename }", "variables": {"deep": ' + nested + "}}"
            response = await client.post("/graphql", content=body, headers=JSON_BODY)
            assert _error(response) == (400, "JSON_TOO_DEEP"), depth
        extensions = "[" * 200 + "]" * 200
        response = await client.get(
            "/graphql", params={"query": "{ __typename }", "variables": extensions}
        )
        assert _error(response) == (400, "JSON_TOO_DEEP")


async def test_json_at_the_depth_limit_and_brackets_in_strings_are_accepted(
    server: str, settings: Settings
) -> None:
    # The body object holds `variables`, which holds `deep`: 62 lists more reach depth 64.
    at_limit = {"query": "query($deep: [Int]) { __typename }", "variables": {"deep": None}}
    nested: Any = 1
    for _ in range(62):
        nested = [nested]
    at_limit["variables"] = {"deep": nested}
    braces = {"query": "{ " + "__typename " * 80 + "}", "variables": {"s": "[{" * 200}}
    async with app_client(create_app(settings)) as client:
        for body in (at_limit, braces):
            response = await client.post("/graphql", content=json.dumps(body), headers=JSON_BODY)
            assert response.status_code == 200, response.text
            assert "JSON_TOO" not in response.text
        nested = [nested]  # one level more
        deeper = json.dumps({"query": "{ __typename }", "variables": {"deep": nested}})
        response = await client.post("/graphql", content=deeper, headers=JSON_BODY)
        assert _error(response) == (400, "JSON_TOO_DEEP")


async def test_json_with_too_many_elements_is_a_400(server: str, settings: Settings) -> None:
    body = json.dumps({"query": "{ __typename }", "variables": {"many": [0] * 100_001}})
    async with app_client(create_app(settings)) as client:
        response = await client.post("/graphql", content=body, headers=JSON_BODY)
    assert _error(response) == (400, "JSON_TOO_LARGE")


OPERATIONS = Path(__file__).resolve().parents[1] / "operations"


def _refused(message: str, limit: int) -> dict[str, Any]:
    return {
        "errors": [
            {"message": message, "extensions": {"code": "TOO_MANY_SELECTIONS", "limit": limit}}
        ]
    }


def _too_many_selections(limit: int) -> dict[str, Any]:
    return _refused(f"The query has more than {limit} selections.", limit)


def _too_many_fields(key: str) -> dict[str, Any]:
    message = f'The query has more than {MAX_FIELDS_PER_KEY} fields with the response key "{key}".'
    return _refused(message, MAX_FIELDS_PER_KEY)


def _too_many_spreads(where: str) -> dict[str, Any]:
    message = f"The query spreads more than {MAX_SPREADS_PER_KEY} fragments {where}."
    return _refused(message, MAX_SPREADS_PER_KEY)


async def _post(client: httpx.AsyncClient, query: str, strict: bool = False) -> httpx.Response:
    headers = GRAPHQL_RESPONSE if strict else JSON_BODY
    return await client.post("/graphql", json={"query": query}, headers=headers)


async def test_selection_limit(server: str, settings: Settings) -> None:
    async with client_for(variant(settings, max_selections=3)) as client:
        ok = await _post(client, "{ me { id displayName } }")  # 3 selections
        assert ok.json() == {"data": {"me": None}}
        refused = await _post(client, "{ me { id displayName email } }")
        assert refused.status_code == 200
        assert refused.json() == _too_many_selections(3)
        strict = await _post(client, "{ me { id displayName email } }", strict=True)
        assert (strict.status_code, strict.json()) == (400, _too_many_selections(3))
        response = await client.get("/graphql", params={"query": "{ me { id displayName email } }"})
        assert response.json() == _too_many_selections(3)


async def test_fragments_count_where_they_are_defined(server: str, settings: Settings) -> None:
    fragment = " fragment F on User { id displayName }"
    async with client_for(variant(settings, max_selections=5)) as client:
        # me, two spreads, and the fragment's two fields once: spreading it again adds one.
        ok = await _post(client, "{ me { ...F ...F } }" + fragment)
        assert ok.json() == {"data": {"me": None}}
        refused = await _post(client, "{ me { ...F ...F ...F } }" + fragment)
        assert refused.json() == _too_many_selections(5)
        # Inline fragments are selections too: me, 2 of them, 3 fields.
        inline = await _post(client, "{ me { ... on User { id } ... on User { id email } } }")
        assert inline.json() == _too_many_selections(5)


async def test_a_document_at_the_selection_limit(
    http: httpx.AsyncClient, settings: Settings
) -> None:
    limit = settings.max_selections  # the session server's: the default, unless set
    # Each field its own response key (aliases of introspection fields are not limited).
    at_limit = "{ " + " ".join(f"t{n}: __typename" for n in range(limit)) + " }"
    expected = {"data": {f"t{n}": "Query" for n in range(limit)}}
    assert (await _post(http, at_limit)).json() == expected
    over = "{ " + " ".join(f"t{n}: __typename" for n in range(limit + 1)) + " }"
    assert (await _post(http, over)).json() == _too_many_selections(limit)
    # Fields with a selection set: each `tN: __type(name: "Query") { name }` is two selections.
    nested = "{ " + " ".join(f't{n}: __type(name: "Query") {{ name }}' for n in range(limit // 2))
    types = {f"t{n}": {"name": "Query"} for n in range(limit // 2)}
    assert (await _post(http, nested + " }")).json() == {"data": types}
    more = nested + " __typename }"
    assert (await _post(http, more)).json() == _too_many_selections(limit)


async def test_fields_sharing_a_response_key(http: httpx.AsyncClient) -> None:
    most, half = MAX_FIELDS_PER_KEY, MAX_FIELDS_PER_KEY // 2
    assert (await _post(http, "{ " + "me { id } " * most + "}")).json() == {"data": {"me": None}}
    over = "{ " + "me { id } " * (most + 1) + "}"
    assert (await _post(http, over)).json() == _too_many_fields("me")
    # The fields of merged fields are merged too, through inline fragments as well.
    nested = "me { id ... on User { id } } " * half  # `me` five times, `me.id` ten
    assert (await _post(http, "{ " + nested + "}")).json() == {"data": {"me": None}}
    over = "{ " + nested + "me { id } }"
    assert (await _post(http, over)).json() == _too_many_fields("me.id")
    # An alias makes another key.
    aliased = "{ " + "a: me { id } " * most + "me { id } }"
    assert (await _post(http, aliased)).json() == {"data": {"a": None, "me": None}}
    # A fragment's fields count where it is spread: `me.id` once, then five and five.
    fragments = f"fragment A on User {{ {'id ' * half}}} fragment B on User {{ {'id ' * half}}}"
    spread = await _post(http, "{ me { id ...A ...B } } " + fragments)
    assert spread.json() == _too_many_fields("me.id")


async def test_fragment_spreads_at_one_response_key(http: httpx.AsyncClient) -> None:
    most = MAX_SPREADS_PER_KEY

    def spreads(count: int, key: str = "me", on: str = "User", field: str = "id") -> str:
        selections = " ".join(f"...F{n}" for n in range(count))
        fragments = " ".join(f"fragment F{n} on {on} {{ f{n}: {field} }}" for n in range(count))
        body = f"{key} {{ {selections} }}" if key else selections
        return f"{{ {body} }} {fragments}"

    assert (await _post(http, spreads(most))).json() == {"data": {"me": None}}
    over = await _post(http, spreads(most + 1))
    assert over.json() == _too_many_spreads('at the response key "me"')
    at_top = await _post(http, spreads(most + 1, "", "Query", "__typename"))
    assert at_top.json() == _too_many_spreads("at the top level")
    # The fragments a fragment spreads are spread at the same key: F0 spreads F1 ... F10.
    chain = " ".join(f"fragment F{n} on User {{ f{n}: id ...F{n + 1} }}" for n in range(most))
    nested = await _post(http, f"{{ me {{ ...F0 }} }} {chain} fragment F{most} on User {{ id }}")
    assert nested.json() == _too_many_spreads('at the response key "me"')
    # A cycle is left to validation, which reports it.
    cycle = "{ me { ...A } } fragment A on User { id ...B } fragment B on User { ...A }"
    assert (await _post(http, cycle)).json() == {
        "errors": [
            {
                "message": "Cannot spread fragment 'A' within itself via 'B'.",
                "locations": [{"line": 1, "column": 41}, {"line": 1, "column": 69}],
            }
        ]
    }


async def test_selections_with_fragments_spread(server: str, settings: Settings) -> None:
    fragment = " fragment F on User { id displayName email username }"
    async with client_for(variant(settings, max_selections=10)) as client:
        # 8 selections written; spread: 2 keys, 2 spreads and 2 x 4 fields, and F's own 4.
        ok = await _post(client, "{ a: me { ...F } b: me { ...F } }" + fragment)
        assert ok.json() == {"data": {"a": None, "b": None}}
        # 10 written; spread: 3 + 3 + 3 x 4 + 4 = 22, over twice the limit.
        refused = await _post(client, "{ a: me { ...F } b: me { ...F } c: me { ...F } }" + fragment)
        message = "The query has more than 20 selections with its fragments spread."
        assert refused.json() == _refused(message, 20)


async def test_a_unique_comment_does_not_get_round_the_selection_limit(
    server: str, settings: Settings
) -> None:
    async with client_for(variant(settings, max_selections=10)) as client:
        for _ in range(3):
            query = f"# {uuid.uuid4()}\n{{ " + "__typename " * 11 + "}"
            assert (await _post(client, query)).json() == _too_many_selections(10)


async def test_the_selection_limit_applies_over_websocket(server: str, settings: Settings) -> None:
    async with serve(create_app(variant(settings, max_selections=3))) as base:
        url = base.replace("http://", "ws://") + "/graphql"
        async with websockets.connect(
            url, subprotocols=[Subprotocol("graphql-transport-ws")]
        ) as ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
            async with asyncio.timeout(10):  # a guard against a hung test, not a timing assertion
                assert json.loads(await ws.recv()) == {"type": "connection_ack"}
                query = "{ me { id displayName email } }"
                await ws.send(
                    json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}})
                )
                message = json.loads(await ws.recv())
    assert message == {"id": "1", "type": "error", "payload": _too_many_selections(3)["errors"]}


def _documents() -> list[tuple[str, str]]:
    """(name, text): GraphiQL's schema query, plain and with every option, and each frontend
    operation file whole (GraphiQL's tabs and the tests send a file with `operationName`)."""
    every_option = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
        one_of=True,
    )
    return [
        ("introspection", get_introspection_query()),
        ("introspection-every-option", every_option),
        *((path.name, path.read_text()) for path in sorted(OPERATIONS.glob("*.graphql"))),
    ]


@pytest.mark.parametrize(("name", "text"), _documents(), ids=[name for name, _ in _documents()])
def test_introspection_and_operation_files_fit_the_default_selection_limit(
    name: str, text: str
) -> None:
    defaults = Settings()
    bounded_parse(text, max_tokens=defaults.max_tokens, max_selections=defaults.max_selections)
