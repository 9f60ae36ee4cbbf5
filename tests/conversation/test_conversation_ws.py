"""The live conversation subscription over real WebSockets, both subprotocols: event order
for one message, fresh data per event, authorization, and events crossing processes."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import pytest_asyncio
from tortoise import connections

from core import pubsub as pubsub_module
from core.jobs import wait_until_idle
from core.pubsub import APPLICATION_NAME, get_pubsub
from engine.ids import global_id
from models.conversation import Sender
from resolvers.conversation.reply import (
    publish_message,
    publish_status,
    store_message,
    topic,
)
from tests.factories.conversation import scenario, session_for, teacher
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient, operation
from tests.ws_conversation_client import LEGACY_WS, TRANSPORT_WS, WsClient, app_process

OPS = operation("conversation.graphql")
PROTOCOLS = [TRANSPORT_WS, LEGACY_WS]


async def _subscribe(server: str, protocol: str, token: str, session_id: str) -> WsClient:
    client = await WsClient.connect(server, protocol, token)
    assert (await client.ack())["type"] == "connection_ack"
    await client.subscribe("1", OPS, {"sessionId": session_id}, "ConversationEvents")
    return client


@dataclass
class LiveSession:
    session: Any
    sid: str
    token: str
    client: WsClient


@contextlib.asynccontextmanager
async def _live_session(
    server: str, protocol: str, database_url: str
) -> AsyncIterator[LiveSession]:
    """A learner's session with a subscription to it, already registered in this process."""
    user, token = await signed_in()
    session = await session_for(user, await teacher(1), await scenario())
    sid = global_id("ConversationSession", session.id)
    client = await _subscribe(server, protocol, token, sid)
    try:
        await _wait_in_process_subscriber(database_url, session.id)
        yield LiveSession(session, sid, token, client)
    finally:
        await client.close()


async def _wait_in_process_subscriber(database_url: str, session_pk: Any) -> None:
    pubsub = get_pubsub(database_url)
    async with asyncio.timeout(10):
        await pubsub.wait_for(lambda p: p.delivering_to(topic(session_pk)))


async def _events_until_reply(client: WsClient) -> list[dict[str, Any]]:
    """Events up to and including the teacher's stored reply (or a system notice)."""
    events = []
    while True:
        kind, payload = await client.next_payload()
        assert kind == "next", (kind, payload)
        assert payload is not None and "errors" not in payload, payload
        event = payload["data"]["conversationEvents"]
        events.append(event)
        if event["__typename"] == "MessageAdded" and event["message"]["sender"] != "USER":
            return events


def _assert_reply_sequence(events: list[dict[str, Any]], message_id: str) -> None:
    assert events[0]["__typename"] == "MessageAdded"
    assert events[0]["message"]["id"] == message_id
    assert "went" in [c["corrected"] for c in events[0]["message"]["corrections"]]
    chunks, final = events[1:-1], events[-1]
    assert chunks and all(e["__typename"] == "ReplyChunk" for e in chunks)
    reply = final["message"]
    assert reply["sender"] == "AI"
    assert {c["messageId"] for c in chunks} == {reply["id"]}
    assert "".join(c["text"] for c in chunks).strip() == reply["content"]
    assert reply["suggestions"]


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_events_of_one_message_arrive_in_order(
    server: str, gql: GraphQLClient, database_url: str, protocol: str
) -> None:
    async with _live_session(server, protocol, database_url) as live:
        sid, token, client = live.sid, live.token, live.client
        sent = await gql(
            OPS, {"sessionId": sid, "content": "I goed to the interview."}, token, "SendMessage"
        )
        message_id = sent["sendMessage"]["message"]["id"]
        _assert_reply_sequence(await _events_until_reply(client), message_id)
        await wait_until_idle()
        # The status event is loaded fresh: the session read at subscription time was active.
        ended = await gql(OPS, {"sessionId": sid}, token, "EndConversation")
        assert ended["endConversation"]["errors"] == []
        kind, payload = await client.next_payload()
        assert (kind, payload) == (
            "next",
            {
                "data": {
                    "conversationEvents": {
                        "__typename": "SessionStatusChanged",
                        "session": {"id": sid, "status": "COMPLETED"},
                    }
                }
            },
        )


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_subscribing_to_another_users_session_is_not_found(
    server: str, protocol: str
) -> None:
    owner, _ = await signed_in()
    _, intruder = await signed_in()
    sid = global_id("ConversationSession", (await session_for(owner)).id)
    client = await _subscribe(server, protocol, intruder, sid)
    try:
        assert await client.next_payload() == (
            "next",
            {
                "data": None,
                "errors": [
                    {
                        "message": "Conversation not found.",
                        "extensions": {"code": "NOT_FOUND", "field": "sessionId"},
                    }
                ],
            },
        )
        assert (await client.next_payload())[0] == "complete"
    finally:
        await client.close()


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_subscribing_without_a_viewer_is_refused(server: str, protocol: str) -> None:
    owner, _ = await signed_in()
    sid = global_id("ConversationSession", (await session_for(owner)).id)
    client = await WsClient.connect(server, protocol, None)
    try:
        assert (await client.ack())["type"] == "connection_ack"
        await client.subscribe("1", OPS, {"sessionId": sid}, "ConversationEvents")
        kind, payload = await client.next_payload()
        assert kind == "error"
        errors = payload if isinstance(payload, list) else [payload]
        assert [(e["message"], e["extensions"]["code"]) for e in errors] == [
            ("You must be signed in.", "UNAUTHENTICATED")
        ]
    finally:
        await client.close()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def second_server(database_url: str, server: str) -> AsyncIterator[tuple[str, int]]:
    """Another uvicorn process serving the same database."""
    async with app_process(database_url) as running:
        yield running


async def _wait_listener_of(pid: int) -> None:
    """Wait until process `pid` LISTENs for events (its queue is registered before that)."""
    db = connections.get("default")
    async with asyncio.timeout(15):
        while True:
            rows = await db.execute_query_dict(
                "SELECT count(*) AS n FROM pg_stat_activity "
                "WHERE application_name = $1 AND query LIKE 'LISTEN %'",
                [f"{APPLICATION_NAME}-{pid}"],
            )
            if rows[0]["n"]:
                return
            await asyncio.sleep(0.05)


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_subscriber_on_one_process_gets_events_caused_through_another(
    server: str,
    second_server: tuple[str, int],
    database_url: str,
    protocol: str,
    gql: GraphQLClient,
) -> None:
    second_url, second_pid = second_server
    user, token = await signed_in()
    session = await session_for(user, await teacher(0))
    sid = global_id("ConversationSession", session.id)
    send = {"sessionId": sid, "content": "I goed home early."}

    # Subscribed here (this test process), the mutation and the reply handled by the other.
    client = await _subscribe(server, protocol, token, sid)
    try:
        await _wait_in_process_subscriber(database_url, session.id)
        async with httpx.AsyncClient(base_url=second_url, timeout=30) as other:
            sent = GraphQLClient(other)
            data = await sent(OPS, send, token, "SendMessage")
            _assert_reply_sequence(
                await _events_until_reply(client), data["sendMessage"]["message"]["id"]
            )
    finally:
        await client.close()

    # And the other way round: subscribed on the other process, mutation handled here.
    remote = await _subscribe(second_url, protocol, token, sid)
    try:
        await _wait_listener_of(second_pid)
        here = await gql(
            OPS, {**send, "content": "Yesterday i goed shopping."}, token, "SendMessage"
        )
        _assert_reply_sequence(
            await _events_until_reply(remote), here["sendMessage"]["message"]["id"]
        )
        await wait_until_idle()
    finally:
        await remote.close()


async def test_a_message_sent_while_the_listener_reconnects_still_arrives(
    server: str, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with _live_session(server, TRANSPORT_WS, database_url) as live:
        session, client = live.session, live.client
        pubsub = get_pubsub(database_url)
        generation, pid = pubsub.generation, pubsub.backend_pid
        # A reconnection delay wide enough to publish into while nobody listens.
        monkeypatch.setattr(pubsub_module, "RETRY_SECONDS", (0.5,))
        await connections.get("default").execute_query("SELECT pg_terminate_backend($1)", [pid])
        async with asyncio.timeout(5):
            await pubsub.wait_for(lambda p: not p.listening)
        message = await store_message(session.id, Sender.USER, "Sent during the gap.")
        await publish_message(session.id, message.id)  # reaches no listener
        assert not pubsub.listening
        async with asyncio.timeout(10):
            await pubsub.wait_for(lambda p: p.generation > generation and p.listening)
        kind, payload = await client.next_payload()
        assert kind == "next"
        event = payload["data"]["conversationEvents"]
        assert event["__typename"] == "MessageAdded"
        assert event["message"]["id"] == global_id("ConversationMessage", message.id)
        assert event["message"]["content"] == "Sent during the gap."
        # Delivered once: a later event is the next thing the client sees.
        await publish_status(session.id)
        kind, payload = await client.next_payload()
        assert payload["data"]["conversationEvents"]["__typename"] == "SessionStatusChanged"
