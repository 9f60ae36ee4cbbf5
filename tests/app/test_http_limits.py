"""Input limits over HTTP: bodies over MAX_BODY_BYTES are refused with 413 before being read
whole (by Content-Length, and by counting when none is sent); request JSON too deep or too
large is a 400 with its own code, never a 500."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from core.settings import Settings
from main import create_app
from tests.http_helpers import JSON_BODY, app_client, variant

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


async def test_json_with_too_many_elements_is_a_400(server: str, settings: Settings) -> None:
    body = json.dumps({"query": "{ __typename }", "variables": {"many": [0] * 100_001}})
    async with app_client(create_app(settings)) as client:
        response = await client.post("/graphql", content=body, headers=JSON_BODY)
    assert _error(response) == (400, "JSON_TOO_LARGE")
