"""GraphQL over WebSocket with a real client: both protocols, the viewer from the
connection_init payload, invalid tokens and disallowed origins refused, errors masked."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
import websockets
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.typing import Subprotocol

from core.settings import Settings
from engine.ids import global_id
from main import create_app
from tests.factories.identity import signed_in
from tests.failing_app import failing_app
from tests.http_helpers import variant
from tests.servers import serve

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"
ME = "{ me { id } }"
# The protocols' message types: (init ack, start operation, result, done)
START = {TRANSPORT_WS: "subscribe", LEGACY_WS: "start"}
RESULT = {TRANSPORT_WS: "next", LEGACY_WS: "data"}


def ws_url(base: str) -> str:
    return base.replace("http://", "ws://") + "/graphql"


async def _receive(socket: Any) -> dict[str, Any]:
    async with asyncio.timeout(10):  # a guard against a hung test, not a timing assertion
        return json.loads(await socket.recv())


async def run_operation(
    base: str,
    protocol: str,
    query: str,
    init_payload: dict[str, Any] | None = None,
    **connect: Any,
) -> list[dict[str, Any]]:
    """Connects, initialises, runs one operation; returns the messages up to its end."""
    subprotocols = [Subprotocol(protocol)]
    async with websockets.connect(ws_url(base), subprotocols=subprotocols, **connect) as socket:
        assert socket.subprotocol == protocol
        await socket.send(json.dumps({"type": "connection_init", "payload": init_payload or {}}))
        assert await _receive(socket) == {"type": "connection_ack"}
        message = {"id": "1", "type": START[protocol], "payload": {"query": query}}
        await socket.send(json.dumps(message))
        messages: list[dict[str, Any]] = []
        while not messages or messages[-1]["type"] not in ("complete", "error"):
            messages.append(await _receive(socket))
        return messages


def _results(protocol: str, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert messages[-1] == {"id": "1", "type": "complete"}, messages
    return [m["payload"] for m in messages if m["type"] == RESULT[protocol]]


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_me_over_websocket_without_token_is_null(server: str, protocol: str) -> None:
    messages = await run_operation(server, protocol, ME)
    assert _results(protocol, messages) == [{"data": {"me": None}}]


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_connection_init_token_sets_the_viewer(server: str, protocol: str) -> None:
    user, token = await signed_in()
    messages = await run_operation(server, protocol, ME, {"authorization": f"Bearer {token}"})
    assert _results(protocol, messages) == [{"data": {"me": {"id": global_id("User", user.id)}}}]


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_an_empty_bearer_header_from_graphiql_is_anonymous(
    server: str, protocol: str
) -> None:
    messages = await run_operation(server, protocol, ME, {"Authorization": "Bearer "})
    assert _results(protocol, messages) == [{"data": {"me": None}}]


async def test_handshake_authorization_header_sets_the_viewer(server: str) -> None:
    user, token = await signed_in()
    messages = await run_operation(
        server, TRANSPORT_WS, ME, additional_headers={"Authorization": f"Bearer {token}"}
    )
    assert _results(TRANSPORT_WS, messages) == [
        {"data": {"me": {"id": global_id("User", user.id)}}}
    ]


async def test_invalid_token_is_rejected_on_graphql_transport_ws(server: str) -> None:
    async with websockets.connect(
        ws_url(server), subprotocols=[Subprotocol(TRANSPORT_WS)]
    ) as socket:
        init = {"type": "connection_init", "payload": {"authorization": "Bearer not-a-token"}}
        await socket.send(json.dumps(init))
        with pytest.raises(ConnectionClosed) as closed:
            await _receive(socket)
    received = closed.value.rcvd
    assert received is not None and (received.code, received.reason) == (4403, "Forbidden")


async def test_invalid_token_is_rejected_on_graphql_ws(server: str) -> None:
    async with websockets.connect(ws_url(server), subprotocols=[Subprotocol(LEGACY_WS)]) as socket:
        init = {"type": "connection_init", "payload": {"authorization": "Bearer not-a-token"}}
        await socket.send(json.dumps(init))
        assert await _receive(socket) == {
            "type": "connection_error",
            "payload": {"reason": "invalid or expired token"},
        }
        with pytest.raises(ConnectionClosed) as closed:
            await _receive(socket)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1011


async def test_origins_outside_allowed_origins_are_refused(server: str, settings: Settings) -> None:
    restricted = variant(settings, allowed_origins=["https://app.example.com"])
    async with serve(create_app(restricted)) as base:
        with pytest.raises(InvalidStatus) as refused:
            await run_operation(base, TRANSPORT_WS, ME, origin="https://evil.example.com")
        assert refused.value.response.status_code == 403
        allowed = await run_operation(base, TRANSPORT_WS, ME, origin="https://app.example.com")
        assert _results(TRANSPORT_WS, allowed) == [{"data": {"me": None}}]
        # Non-browser clients send no Origin and carry no ambient credentials: allowed.
        headless = await run_operation(base, LEGACY_WS, ME)
        assert _results(LEGACY_WS, headless) == [{"data": {"me": None}}]


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_unexpected_errors_are_masked_over_websocket(
    settings: Settings, protocol: str
) -> None:
    async with serve(failing_app(settings)) as base:
        messages = await run_operation(base, protocol, "{ ok boom }")
    [result] = _results(protocol, messages)
    assert result["data"] == {"ok": "fine", "boom": None}
    [error] = result["errors"]
    assert error["message"] == "internal error"
    assert error["extensions"]["code"] == "INTERNAL"
    assert len(error["extensions"]["requestId"]) == 32


async def test_query_limits_apply_over_websocket(server: str, settings: Settings) -> None:
    async with serve(create_app(variant(settings, max_tokens=6))) as base:
        messages = await run_operation(base, TRANSPORT_WS, "{ me { id displayName email } }")
    assert messages == [
        {
            "id": "1",
            "type": "error",
            "payload": [
                {
                    "message": "The query has more than 6 tokens.",
                    "extensions": {"code": "TOO_MANY_TOKENS", "limit": 6},
                }
            ],
        }
    ]
