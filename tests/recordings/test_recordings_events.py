"""`recordingEvents` over real WebSockets (both subprotocols), on a server whose worker has a
transcription engine (the stand-in): the current state first, then each change as the job
makes it — PROCESSING, TRANSCRIBED, EVALUATED (a subscriber reading fresh state after a
quick succession may see a later one directly) — and `recording: null` when it is deleted,
which ends the subscription. Who may subscribe: those who read the recording (the owner,
the teacher of its classroom); others read it as not found, an anonymous caller is refused."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from starlette.applications import Starlette

from engine.ids import global_id
from models.identity import Role
from tests.factories.classroom import classroom
from tests.factories.identity import signed_in
from tests.factories.recordings import (
    RECORDING_OPS,
    RecordingsServer,
    call,
    created,
    recordings_server,
    stored_recording,
)
from tests.recordings.media_files import wav_bytes
from tests.recordings.transcriber_stand_in import TranscriberStandIn
from tests.ws_conversation_client import LEGACY_WS, TRANSPORT_WS, WsClient

pytestmark = pytest.mark.skipif(RECORDING_OPS is None, reason="recordings.graphql is absent")
PROTOCOLS = [TRANSPORT_WS, LEGACY_WS]
ORDER = ["UPLOADED", "PROCESSING", "TRANSCRIBED", "EVALUATED"]


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def env(
    app: Starlette,
    server: str,
    tmp_path_factory: pytest.TempPathFactory,
    transcriber_stand_in: TranscriberStandIn,
) -> AsyncIterator[RecordingsServer]:
    async with recordings_server(
        app,
        tmp_path_factory.mktemp("media"),
        transcriber_engine="openai",
        transcriber_base_url=transcriber_stand_in.url,
        transcriber_timeout_seconds=5.0,
    ) as running:
        yield running


async def _subscribe(url: str, protocol: str, token: str | None, recording_id: str) -> WsClient:
    assert RECORDING_OPS is not None
    client = await WsClient.connect(url, protocol, token)
    assert (await client.ack())["type"] == "connection_ack"
    variables = {"recordingId": recording_id}
    await client.subscribe("1", RECORDING_OPS, variables, "RecordingEvents")
    return client


async def _event(client: WsClient) -> Any:
    kind, payload = await client.next_payload(timeout=30)
    assert kind == "next" and "errors" not in payload, (kind, payload)
    return payload["data"]["recordingEvents"]["recording"]


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_the_owner_follows_an_upload_from_uploaded_to_deleted(
    env: RecordingsServer, transcriber_stand_in: TranscriberStandIn, protocol: str
) -> None:
    transcriber_stand_in.mode = "ok"
    _, token = await signed_in()
    async with env.jobs_paused():  # the job waits until the worker is back
        recording = await created(env.http, token, wav_bytes(1.0), title="Museum", language="en")
        recording_id = recording["id"]
        client = await _subscribe(env.url, protocol, token, recording_id)
        first = await _event(client)  # the current state
        assert first == {
            "id": recording_id,
            "status": "UPLOADED",
            "failureReason": None,
            "durationSeconds": 1.0,
        }
    try:
        seen = ["UPLOADED"]
        while seen[-1] != "EVALUATED":
            state = await _event(client)
            assert state["failureReason"] is None and state["durationSeconds"] == 1.0
            seen.append(state["status"])
        assert [s for s in ORDER if s in seen] == seen  # in order, each once
        assert "PROCESSING" in seen or "TRANSCRIBED" in seen

        deleted = await call(env.gql, "DeleteRecording", token, id=recording_id)
        assert deleted == {"deletedId": recording_id, "errors": []}
        assert await _event(client) is None
        assert (await client.next_payload())[0] == "complete"
    finally:
        await client.close()


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_the_class_teacher_may_follow_it_and_nobody_else(
    env: RecordingsServer, protocol: str
) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    owner, _ = await signed_in()
    row = await stored_recording(owner, classroom=await classroom(teacher))
    recording_id = global_id("Recording", row.id)
    client = await _subscribe(env.url, protocol, teacher_token, recording_id)
    try:
        assert (await _event(client))["status"] == "EVALUATED"
    finally:
        await client.close()

    _, other_teacher = await signed_in(Role.TEACHER)
    not_found = {
        "message": "Recording not found.",
        "extensions": {"code": "NOT_FOUND", "field": "recordingId"},
    }
    unauthenticated = {
        "message": "You must be signed in.",
        "extensions": {"code": "UNAUTHENTICATED"},
    }
    cases: list[tuple[str | None, str, dict[str, Any]]] = [
        (other_teacher, recording_id, not_found),
        (other_teacher, global_id("Classroom", row.id), not_found),
        (None, recording_id, unauthenticated),
    ]
    for token, target, error in cases:
        client = await _subscribe(env.url, protocol, token, target)
        try:
            assert await _refusal(client) == [error]
        finally:
            await client.close()


async def _refusal(client: WsClient) -> list[dict[str, Any]]:
    """The errors a refused subscription ends with: as its result (a use case's refusal,
    then `complete`) or as the operation's error (a permission refused before it ran)."""
    kind, payload = await client.next_payload()
    if kind == "next":
        assert payload["data"] is None, payload
        assert (await client.next_payload())[0] == "complete"
        errors = payload["errors"]
    else:
        assert kind == "error", (kind, payload)
        errors = payload if isinstance(payload, list) else [payload]
    return [{"message": e["message"], "extensions": e.get("extensions")} for e in errors]
