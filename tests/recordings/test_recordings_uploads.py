"""Uploads by the GraphQL multipart request spec over real HTTP, on a server whose media go to
a test directory and whose worker has no transcription engine: a real WAV (written here with
the standard library) streamed to storage with its size and duration, served back by its
signed link; without an engine it waits for a transcript; the size limit, type checks by
content, malformed multipart requests, idempotency keys over uploads, CORS preflights."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from engine.ids import decode_global_id
from main import create_app
from models.recordings import RecordingStatus
from resolvers.recordings.jobs import NO_ENGINE
from tests.factories.identity import signed_in
from tests.factories.recordings import (
    PLAIN,
    RECORDING_OPS,
    UPLOAD_LIMIT,
    RecordingsServer,
    call,
    created,
    recordings_server,
    until_status,
    upload,
)
from tests.http_helpers import app_client
from tests.recordings.media_files import wav_bytes

pytestmark = pytest.mark.skipif(RECORDING_OPS is None, reason="recordings.graphql is absent")
DONE = (RecordingStatus.EVALUATED, RecordingStatus.FAILED)
VARIABLES = {"title": "Weekend", "language": "en"}


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def env(
    app: Starlette, server: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RecordingsServer]:
    async with recordings_server(app, tmp_path_factory.mktemp("media")) as running:
        yield running


def _files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


async def test_an_upload_is_stored_with_its_size_and_duration_and_served_by_its_link(
    env: RecordingsServer,
) -> None:
    _, token = await signed_in()
    data = wav_bytes(1.5)
    recording = await created(env.http, token, data, transcript=PLAIN, **VARIABLES)
    assert recording["status"] == "PROCESSING"
    row = await until_status(decode_global_id(recording["id"]), *DONE)
    assert row.status is RecordingStatus.EVALUATED
    assert (row.mime_type, row.size_bytes, row.duration_seconds) == ("audio/wav", len(data), 1.5)
    assert row.media_key == f"recordings/{row.id}/original.wav"
    assert (env.storage.root / row.media_key).read_bytes() == data

    read = await call(env.gql, "Recording", token, id=recording["id"])
    assert read["durationSeconds"] == 1.5
    link = read["mediaUrl"]
    assert link.startswith(f"/downloads/recording/{row.id}?expires=")
    served = await env.http.get(link)
    assert served.status_code == 200
    assert served.content == data
    assert served.headers["content-type"] == "audio/wav"
    assert served.headers["content-length"] == str(len(data))
    assert served.headers["cache-control"] == "private, no-store"
    assert 'filename="Weekend.wav"' in served.headers["content-disposition"]
    head = await env.http.head(link)
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-length"] == str(len(data))


async def test_without_an_engine_an_upload_waits_for_its_transcript(
    env: RecordingsServer,
) -> None:
    _, token = await signed_in()
    recording = await created(env.http, token, wav_bytes(1.0), **VARIABLES)
    assert recording["status"] == "UPLOADED"
    recording_id = decode_global_id(recording["id"])
    row = await until_status(recording_id, RecordingStatus.UPLOADED)
    assert row.failure_reason == NO_ENGINE
    read = await call(env.gql, "Recording", token, id=recording["id"])
    assert (read["status"], read["failureReason"]) == ("UPLOADED", NO_ENGINE)
    assert read["segments"]["totalCount"] == 0 and read["evaluations"] == []

    added = await call(
        env.gql,
        "AddRecordingTranscript",
        token,
        recordingId=recording["id"],
        transcript=PLAIN,
        transcriptFormat="PLAIN",
        learnerSpeaker="Ana",
    )
    assert added == {"recording": {"id": recording["id"], "status": "PROCESSING"}, "errors": []}
    row = await until_status(recording_id, *DONE)
    assert (row.status, row.failure_reason, row.duration_seconds) == (
        RecordingStatus.EVALUATED,
        None,
        1.0,  # from the file, not the (untimed) transcript
    )


async def test_a_file_over_the_limit_is_too_large_and_nothing_is_kept(
    env: RecordingsServer,
) -> None:
    _, token = await signed_in()
    before = _files(env.storage.root)
    big = wav_bytes(5.0)
    assert len(big) > UPLOAD_LIMIT
    response = await upload(env.http, token, big, transcript=PLAIN, **VARIABLES)
    assert response.status_code == 200
    payload = response.json()["data"]["createRecording"]
    assert payload["recording"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("file", "TOO_LARGE")]
    assert f"{UPLOAD_LIMIT:,} bytes" in payload["errors"][0]["message"]
    assert _files(env.storage.root) == before


async def test_a_body_far_over_the_limit_is_cut_off(env: RecordingsServer) -> None:
    settings = env.settings
    ceiling = 2 * (settings.max_upload_bytes + settings.max_body_bytes)
    async with app_client(create_app(settings)) as client:
        response = await upload(client, None, b"\0" * (ceiling + 1), **VARIABLES)
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


@pytest.mark.parametrize(
    "content",
    [
        b"Hello, this is not audio at all.\n" * 20,  # a text file named .wav
        b"\x89PNG\r\n\x1a\n" + b"\0" * 64,  # an image
        b"",
    ],
)
async def test_only_audio_and_video_by_their_content_are_accepted(
    env: RecordingsServer, content: bytes
) -> None:
    _, token = await signed_in()
    response = await upload(env.http, token, content, transcript=PLAIN, **VARIABLES)
    payload = response.json()["data"]["createRecording"]
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("file", "INVALID")]
    assert payload["recording"] is None


def _operations(**variables: object) -> str:
    assert RECORDING_OPS is not None
    return json.dumps(
        {"query": RECORDING_OPS, "operationName": "CreateRecording", "variables": variables}
    )


MAP = json.dumps({"0": ["variables.file"]})
WITH_NULL = _operations(file=None, **VARIABLES)


@pytest.mark.parametrize(
    ("fields", "part"),
    [
        ({"operations": WITH_NULL}, "0"),  # no map
        ({"map": MAP}, "0"),  # no operations
        ({"operations": "{not json", "map": MAP}, "0"),
        ({"operations": WITH_NULL, "map": "[]"}, "0"),  # not an object
        ({"operations": WITH_NULL, "map": '{"0": ["query"]}'}, "0"),  # outside variables
        ({"operations": WITH_NULL, "map": '{"0": ["variables.nothing"]}'}, "0"),
        ({"operations": _operations(**VARIABLES), "map": MAP}, "0"),  # no null to fill
        ({"operations": WITH_NULL, "map": MAP}, "1"),  # the file the map names is missing
    ],
)
async def test_malformed_multipart_requests_are_refused(
    env: RecordingsServer, fields: dict[str, str], part: str
) -> None:
    sent = {part: ("a.wav", wav_bytes(0.2), "audio/wav")}
    response = await env.http.post("/graphql", data=fields, files=sent)
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    no_boundary = await env.http.post(
        "/graphql", content=b"--x\r\n", headers={"content-type": "multipart/form-data"}
    )
    assert no_boundary.status_code == 400


async def test_an_idempotency_key_covers_the_file(env: RecordingsServer) -> None:
    _, token = await signed_in()
    data = wav_bytes(0.5)
    headers = {"Idempotency-Key": "upload-once"}

    async def send(content: bytes) -> httpx.Response:
        operations = _operations(file=None, transcript=PLAIN, **VARIABLES)
        return await env.http.post(
            "/graphql",
            data={"operations": operations, "map": json.dumps({"0": ["variables.file"]})},
            files={"0": ("a.wav", content, "audio/wav")},
            headers={**headers, "Authorization": f"Bearer {token}"},
        )

    first, again = await send(data), await send(data)
    assert first.json() == again.json()
    assert again.headers.get("idempotent-replayed") == "true"
    other = await send(wav_bytes(0.6))
    assert other.status_code == 422  # the same key for another file


async def test_cors_preflights_allow_multipart_uploads(http: httpx.AsyncClient) -> None:
    response = await http.options(
        "/graphql",
        headers={
            "Origin": "https://app.example.com",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type,apollo-require-preflight",
        },
    )
    assert response.status_code == 200
    allowed = response.headers["access-control-allow-headers"].lower().replace(" ", "")
    assert {"authorization", "content-type", "apollo-require-preflight"} <= set(allowed.split(","))
    assert "POST" in response.headers["access-control-allow-methods"]
