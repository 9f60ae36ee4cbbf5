"""The OpenAI-compatible engine against a stand-in chat-completions server started here:
a streamed reply, malformed output, a timeout, HTTP errors; and end to end, a server
process configured with the remote engine keeps the learner's message and posts a system
message when the reply fails, and the session stays usable."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from core.pubsub import get_pubsub
from engine.ids import global_id
from models.conversation import ConversationMessage, ConversationSession, Sender, SessionStatus
from resolvers.conversation.reply import REPLY_ATTEMPTS, REPLY_FAILED, topic
from services.tutor.base import Persona, ScenarioBrief, Turn, TutorError
from services.tutor.remote import RemoteEngine
from services.tutor.rules import check
from tests.factories.conversation import session_for, teacher
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient, operation
from tests.job_workers import only_other_processes_run_jobs
from tests.servers import free_port
from tests.tutor_stand_in import PIECES, StandIn
from tests.ws_conversation_client import TRANSPORT_WS, WsClient, app_process

OPS = operation("conversation.graphql")


def _turn() -> Turn:
    message = "I goed to the interview."
    return Turn(
        persona=Persona(name="Professor Hamilton", teaching_style={"formality": "formal"}),
        scenario=ScenarioBrief(
            name="Job interview",
            context="An office.",
            role_play_instructions="You are the hiring manager.",
            key_phrases=["My strength is"],
        ),
        message=message,
        corrections=check(message),
        history=[("user", "Hello."), ("ai", "Welcome."), ("system", "ignored")],
    )


def _engine(state: StandIn, timeout: float = 5.0) -> RemoteEngine:
    return RemoteEngine(base_url=state.url, model="stand-in", api_key="k-123", timeout=timeout)


async def test_streams_the_reply_and_sends_persona_and_scenario(stand_in: StandIn) -> None:
    stand_in.mode = "ok"
    stand_in.requests.clear()
    pieces = [piece async for piece in _engine(stand_in).stream_reply(_turn())]
    assert pieces == PIECES
    [request] = stand_in.requests
    assert request["authorization"] == "Bearer k-123"
    body = request["body"]
    assert (body["model"], body["stream"]) == ("stand-in", True)
    roles = [m["role"] for m in body["messages"]]
    assert roles == ["system", "user", "assistant", "user"]
    system = body["messages"][0]["content"]
    assert "You are Professor Hamilton" in system
    assert "Instructions: You are the hiring manager." in system
    assert "Encourage the learner to use: My strength is" in system
    assert "goed → went" in system
    assert body["messages"][-1] == {"role": "user", "content": "I goed to the interview."}


@pytest.mark.parametrize(
    ("mode", "seconds", "message"),
    [
        ("malformed", 5.0, "malformed stream chunk: '{not json'"),
        ("slow", 0.3, "the tutor took too long to reply"),
        ("error", 5.0, "tutor endpoint answered HTTP 503"),
        ("empty", 5.0, "the tutor sent an empty reply"),
    ],
)
async def test_failures_raise_tutor_error(
    stand_in: StandIn, mode: str, seconds: float, message: str
) -> None:
    stand_in.mode = mode
    with pytest.raises(TutorError) as failure:
        async for _ in _engine(stand_in, seconds).stream_reply(_turn()):
            pass
    assert str(failure.value) == message


async def test_unreachable_endpoint_raises_tutor_error() -> None:
    engine = RemoteEngine(base_url=f"http://127.0.0.1:{free_port()}/v1", model="m", timeout=2)
    with pytest.raises(TutorError) as failure:
        async for _ in engine.stream_reply(_turn()):
            pass
    assert str(failure.value) == "tutor endpoint unreachable: ConnectError"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def remote_server(
    app: Starlette, server: str, database_url: str, stand_in: StandIn
) -> AsyncIterator[str]:
    """An app process whose tutor is the stand-in (timeout 1 s); it alone runs jobs meanwhile
    (the test server's worker, with the local tutor, would answer its learners otherwise)."""
    async with (
        only_other_processes_run_jobs(app),
        app_process(
            database_url,
            TUTOR_ENGINE="remote",
            TUTOR_BASE_URL=stand_in.url,
            TUTOR_MODEL="stand-in",
            TUTOR_API_KEY="k-123",
            TUTOR_TIMEOUT_SECONDS="1",
        ) as (url, _pid),
    ):
        yield url


async def _next_event(client: WsClient) -> dict[str, Any]:
    kind, payload = await client.next_payload()
    assert kind == "next" and payload is not None and "errors" not in payload, payload
    return payload["data"]["conversationEvents"]


async def _send_and_collect(
    remote_http: GraphQLClient, client: WsClient, token: str, sid: str, content: str
) -> list[dict[str, Any]]:
    sent = await remote_http(OPS, {"sessionId": sid, "content": content}, token, "SendMessage")
    assert sent["sendMessage"]["errors"] == []
    events = [await _next_event(client)]
    assert events[0]["message"]["id"] == sent["sendMessage"]["message"]["id"]
    while not (
        events[-1]["__typename"] == "MessageAdded" and events[-1]["message"]["sender"] != "USER"
    ):
        events.append(await _next_event(client))
    return events


async def test_remote_engine_end_to_end_reply_and_failures(
    server: str, database_url: str, stand_in: StandIn, remote_server: str
) -> None:
    user, token = await signed_in()
    session = await session_for(user, await teacher(0))
    sid = global_id("ConversationSession", session.id)
    client = await WsClient.connect(server, TRANSPORT_WS, token)
    assert (await client.ack())["type"] == "connection_ack"
    await client.subscribe("1", OPS, {"sessionId": sid}, "ConversationEvents")
    try:
        async with asyncio.timeout(10):
            await get_pubsub(database_url).wait_for(lambda p: p.delivering_to(topic(session.id)))
        async with httpx.AsyncClient(base_url=remote_server, timeout=30) as http:
            remote_http = GraphQLClient(http)

            stand_in.mode = "ok"
            events = await _send_and_collect(remote_http, client, token, sid, "I goed there.")
            assert [e["text"] for e in events[1:-1]] == PIECES
            assert events[-1]["message"]["sender"] == "AI"
            assert events[-1]["message"]["content"] == "".join(PIECES)

            for mode in ("malformed", "slow"):
                stand_in.mode = mode
                stand_in.requests.clear()
                events = await _send_and_collect(remote_http, client, token, sid, f"Try {mode}.")
                notice = events[-1]["message"]
                assert (notice["sender"], notice["content"]) == ("SYSTEM", REPLY_FAILED)
                # Each attempt asked the tutor; only the last failure was told.
                assert len(stand_in.requests) == REPLY_ATTEMPTS

            stand_in.mode = "ok"  # the session is still usable
            events = await _send_and_collect(remote_http, client, token, sid, "Hello again.")
            assert events[-1]["message"]["sender"] == "AI"
    finally:
        await client.close()
    stored = await ConversationMessage.filter(session_id=session.id).order_by("sequence")
    assert [(m.sender, m.content) for m in stored] == [
        (Sender.USER, "I goed there."),
        (Sender.AI, "".join(PIECES)),
        (Sender.USER, "Try malformed."),
        (Sender.SYSTEM, REPLY_FAILED),
        (Sender.USER, "Try slow."),
        (Sender.SYSTEM, REPLY_FAILED),
        (Sender.USER, "Hello again."),
        (Sender.AI, "".join(PIECES)),
    ]
    assert [m.metadata.get("error") for m in stored if m.sender == Sender.SYSTEM] == [
        "malformed stream chunk: '{not json'",
        "the tutor took too long to reply",
    ]
    refreshed = await ConversationSession.get(id=session.id)
    assert (refreshed.status, refreshed.message_count) == (SessionStatus.ACTIVE, 8)
