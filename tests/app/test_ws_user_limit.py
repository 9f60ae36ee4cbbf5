"""WebSocket limits. A signed-in user's open operations are bounded over all their
connections (MAX_WS_OPERATIONS_PER_USER): one more is refused with SUBSCRIPTION_LIMIT, and
the count goes down as operations end — 20 connections x 100 subscriptions used to be
accepted. A message over MAX_WS_MESSAGE_BYTES closes the connection before it is parsed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
import websockets

import main
from app.websocket import open_operations
from core.settings import Settings
from engine.ids import global_id
from main import create_app
from tests.factories.conversation import session_for, teacher
from tests.factories.identity import signed_in
from tests.http_helpers import variant
from tests.servers import serve
from tests.ws_conversation_client import LEGACY_WS, TRANSPORT_WS, WsClient

EVENTS = """subscription($sessionId: ID!) { conversationEvents(sessionId: $sessionId) {
  __typename } }"""


async def _until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Waits for the server's count, which another task changes (no event to await)."""
    async with asyncio.timeout(seconds):
        while not condition():  # noqa: ASYNC110 (polls a counter owned by the server)
            await asyncio.sleep(0.02)


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_a_users_operations_are_bounded_over_their_connections(
    server: str, settings: Settings, protocol: str
) -> None:
    user, token = await signed_in()
    session = await session_for(user, await teacher())
    variables = {"sessionId": global_id("ConversationSession", session.id)}
    async with serve(create_app(variant(settings, max_ws_operations_per_user=2))) as base:
        first = await WsClient.connect(base, protocol, token)
        await first.ack()
        await first.subscribe("a", EVENTS, variables)
        await first.subscribe("b", EVENTS, variables)
        await _until(lambda: open_operations(user.id) == 2)

        second = await WsClient.connect(base, protocol, token)
        await second.ack()
        await second.subscribe("c", EVENTS, variables)
        kind, payload = await second.next_payload()
        error = payload[0] if protocol == TRANSPORT_WS else payload
        assert (kind, error) == (
            "error",
            {
                "message": "Too many subscriptions open for this user.",
                "extensions": {"code": "SUBSCRIPTION_LIMIT"},
            },
        )

        await first.socket.close()  # its operations end: the user's count goes down
        await _until(lambda: open_operations(user.id) == 0)
        await second.subscribe("d", "{ __typename }", {})
        assert await second.next_payload() == ("next", {"data": {"__typename": "Query"}})
        await second.socket.close()


async def test_an_oversized_websocket_message_closes_the_connection(
    server: str, settings: Settings
) -> None:
    small = variant(settings, max_ws_message_bytes=2048)
    limit = main.server_options(small)["ws_max_size"]
    assert limit == 2048
    async with serve(create_app(small), ws_max_size=2048) as base:
        client = await WsClient.connect(base, TRANSPORT_WS)
        await client.ack()
        await client.subscribe("big", "{ __typename }" + " " * 4096, {})
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await client.receive()
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
