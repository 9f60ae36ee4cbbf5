"""GraphQL over WebSocket with real JavaScript clients (tests/ws_js_client.mjs): the `graphql-ws`
npm client and the legacy graphql-ws subprotocol spoken with `ws`. Every frame the server sends
must be a text frame: browsers hand binary frames over as Blobs, which the `graphql-ws` client
cannot parse ("Message is missing the 'type' property"), while Python clients accept both."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from core.pubsub import get_pubsub
from engine.ids import global_id
from resolvers.conversation.reply import topic
from tests.factories.conversation import scenario, session_for, teacher
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient, operation
from tests.node_tools import Trigger, run_js_client, ws_client_skip_reason

OPS = operation("conversation.graphql")
SKIP_REASON = ws_client_skip_reason()
pytestmark = pytest.mark.skipif(SKIP_REASON is not None, reason=SKIP_REASON or "")


def _send_when_subscribed(
    gql: GraphQLClient, database_url: str, session: Any, token: str, content: str
) -> Trigger:
    """Sends the learner's message once the client's subscription is registered here (the
    session server shares this process's PubSub), unless the client has already exited."""

    async def trigger(process: asyncio.subprocess.Process) -> None:
        pubsub = get_pubsub(database_url)
        subscribed = asyncio.ensure_future(
            pubsub.wait_for(lambda p: p.delivering_to(topic(session.id)))
        )
        exited = asyncio.ensure_future(process.wait())
        await asyncio.wait({subscribed, exited}, return_when=asyncio.FIRST_COMPLETED)
        if exited.done():
            subscribed.cancel()
            return  # the summary says why
        exited.cancel()
        sid = global_id("ConversationSession", session.id)
        sent = await gql(OPS, {"sessionId": sid, "content": content}, token, "SendMessage")
        assert sent["sendMessage"]["errors"] == []

    return trigger


def _assert_all_text(summary: dict[str, Any]) -> None:
    frames = summary["frames"]
    assert frames["binary"] == 0, frames["types"]
    assert frames["text"] == len(frames["types"]) > 0, frames


def _assert_teachers_reply(events: list[dict[str, Any]]) -> None:
    """MessageAdded for the learner's message, ReplyChunks, then the teacher's MessageAdded."""
    assert all("errors" not in e for e in events), events
    data = [e["data"]["conversationEvents"] for e in events]
    first, chunks, reply = data[0], data[1:-1], data[-1]
    assert first["__typename"] == "MessageAdded"
    assert first["message"]["sender"] == "USER"
    assert first["message"]["content"] == "I goed to the interview."
    assert chunks and {c["__typename"] for c in chunks} == {"ReplyChunk"}
    assert reply["__typename"] == "MessageAdded"
    assert reply["message"]["sender"] == "AI"
    assert {c["messageId"] for c in chunks} == {reply["message"]["id"]}
    assert "".join(c["text"] for c in chunks).strip() == reply["message"]["content"]


async def _learner_with_session() -> tuple[dict[str, Any], str, Any]:
    user, token = await signed_in()
    session = await session_for(user, await teacher(1), await scenario())
    me = {"id": global_id("User", user.id), "email": user.email}
    return me, token, session


async def test_graphql_ws_npm_client_gets_text_frames_for_a_query_and_a_subscription(
    server: str, gql: GraphQLClient, database_url: str
) -> None:
    me, token, session = await _learner_with_session()
    trigger = _send_when_subscribed(gql, database_url, session, token, "I goed to the interview.")
    summary = await run_js_client(
        "transport-ws",
        server,
        trigger,
        GRAPHQL_TOKEN=token,
        SESSION_ID=global_id("ConversationSession", session.id),
    )
    assert summary["errors"] == []
    assert summary["protocol"] == "graphql-transport-ws"
    assert summary["sockets"] == 1
    assert summary["results"] == [{"data": {"me": me}}]
    _assert_teachers_reply(summary["events"])
    _assert_all_text(summary)
    # connection_ack, the query, then the subscription until the client completed it.
    events = ["next"] * len(summary["events"])
    assert summary["frames"]["types"] == ["connection_ack", "next", "complete", *events]
    assert summary["close"] == {"code": 1000, "reason": "Normal Closure"}


async def test_legacy_graphql_ws_subprotocol_from_node_gets_text_frames(
    server: str, gql: GraphQLClient, database_url: str
) -> None:
    me, token, session = await _learner_with_session()
    trigger = _send_when_subscribed(gql, database_url, session, token, "I goed to the interview.")
    summary = await run_js_client(
        "legacy-ws",
        server,
        trigger,
        GRAPHQL_TOKEN=token,
        SESSION_ID=global_id("ConversationSession", session.id),
    )
    assert summary["errors"] == []
    assert summary["protocol"] == "graphql-ws"
    assert summary["results"] == [{"data": {"me": me}}]
    _assert_teachers_reply(summary["events"])
    _assert_all_text(summary)
    # connection_ack, the query, the subscription until `stop`; the `complete` answering the
    # stop may arrive or not before connection_terminate closes the socket.
    types, events = summary["frames"]["types"], len(summary["events"])
    assert types[: 3 + events] == ["connection_ack", "data", "complete", *["data"] * events]
    assert types[3 + events :] in ([], ["complete"])
    assert summary["close"]["code"] == 1000


async def test_graphql_ws_npm_client_is_closed_with_4403_for_an_invalid_token(
    server: str,
) -> None:
    summary = await run_js_client("forbidden", server)
    assert summary["protocol"] == "graphql-transport-ws"
    assert summary["results"] == []
    assert summary["frames"] == {"binary": 0, "text": 0, "types": []}  # closed without a message
    assert summary["close"] == {"code": 4403, "reason": "Forbidden"}
    # The client reports it: its `closed` event, and the operation fails with the close event.
    assert summary["clientClosed"] == {"code": 4403, "reason": "Forbidden"}
    assert summary["errors"] == [{"code": 4403, "reason": "Forbidden"}]
    assert summary["sockets"] == 1  # no retry
