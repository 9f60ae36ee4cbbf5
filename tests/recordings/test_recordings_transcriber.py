"""Uploads transcribed by the remote engine, on a server whose worker's engine is the stand-in
OpenAI-compatible endpoint: success (the file streamed to it, its segments with times and
confidences, pronunciation scored from those), a malformed answer, a refusal and a timeout
(each FAILED with the engine's reason, a timeout only after its retries), then the retry a
transcript added by hand gives."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from starlette.applications import Starlette

from engine.ids import decode_global_id
from models.recordings import RecordingStatus
from rules.recordings.evaluation import pronunciation_points
from rules.recordings.scores import clamp
from tests.factories.identity import signed_in
from tests.factories.recordings import (
    PLAIN,
    RECORDING_OPS,
    RecordingsServer,
    call,
    created,
    recordings_server,
    until_status,
)
from tests.recordings.media_files import wav_bytes
from tests.recordings.transcriber_stand_in import TranscriberStandIn

pytestmark = pytest.mark.skipif(RECORDING_OPS is None, reason="recordings.graphql is absent")
DONE = (RecordingStatus.EVALUATED, RecordingStatus.FAILED)
TIMEOUT = 1.0  # seconds: the engine's, here
VARIABLES = {"title": "Museum", "language": "en-GB"}


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
        transcriber_model="whisper-stand-in",
        transcriber_timeout_seconds=TIMEOUT,
    ) as running:
        yield running


async def _uploaded(
    env: RecordingsServer, stand_in: TranscriberStandIn, mode: str, **variables: Any
) -> tuple[str, str, Any]:
    """(token, recording id, its row once processed) for an upload the engine answers in
    `mode`."""
    stand_in.mode = mode
    stand_in.requests.clear()
    _, token = await signed_in()
    recording = await created(env.http, token, wav_bytes(1.5), **VARIABLES, **variables)
    assert recording["status"] == "UPLOADED"
    row = await until_status(decode_global_id(recording["id"]), *DONE, within=60)
    return token, recording["id"], row


async def test_an_upload_is_transcribed_by_the_engine(
    env: RecordingsServer, transcriber_stand_in: TranscriberStandIn
) -> None:
    token, recording_id, row = await _uploaded(
        env, transcriber_stand_in, "ok", learnerSpeaker="Ana"
    )
    assert row.status is RecordingStatus.EVALUATED
    [request] = transcriber_stand_in.requests
    fields = request["fields"]
    assert (fields["model"], fields["language"]) == ("whisper-stand-in", "en")
    assert fields["file"]["data"] == wav_bytes(1.5)  # streamed from storage
    assert fields["file"]["filename"] == "original.wav"

    read = await call(env.gql, "Recording", token, id=recording_id)
    assert read["durationSeconds"] == 1.5  # the file's metadata, not the engine's 7.5
    assert read["learnerSpeaker"] == "Speaker 1"  # "Ana" is no label of the engine's
    segments = [edge["node"] for edge in read["segments"]["edges"]]
    assert [(s["speaker"], s["startMs"], s["endMs"], s["text"]) for s in segments] == [
        ("Speaker 1", 0, 2400, "Where did you go yesterday?"),
        ("Speaker 1", 3100, 7500, "I went to the museum with my sister."),
    ]
    confidences = [round(math.exp(-0.1) * 0.99, 3), round(math.exp(-0.35) * 0.8, 3)]
    # The learner's mean confidence, weighted by words (5 and 8): pronunciation follows it.
    mean = (confidences[0] * 5 + confidences[1] * 8) / 13
    [evaluation] = read["evaluations"]
    assert evaluation["pronunciationScore"] == clamp(pronunciation_points(mean), 15)
    assert evaluation["overallScore"] == sum(
        evaluation[name]
        for name in (
            "grammarScore",
            "vocabularyScore",
            "fluencyScore",
            "pronunciationScore",
            "comprehensionScore",
        )
    )


async def _retried_by_hand(env: RecordingsServer, token: str, recording_id: str) -> None:
    added = await call(
        env.gql,
        "AddRecordingTranscript",
        token,
        recordingId=recording_id,
        transcript=PLAIN,
        transcriptFormat="PLAIN",
    )
    assert added["errors"] == [] and added["recording"]["status"] == "PROCESSING"
    row = await until_status(decode_global_id(recording_id), *DONE)
    assert (row.status, row.failure_reason) == (RecordingStatus.EVALUATED, None)
    read = await call(env.gql, "Recording", token, id=recording_id)
    assert [e["node"]["speaker"] for e in read["segments"]["edges"]] == [
        "Teacher",
        "Ana",
        "Teacher",
        "Ana",
    ]
    assert [e["evaluator"] for e in read["evaluations"]] == ["AI"]


@pytest.mark.parametrize(
    ("mode", "reason", "attempts"),
    [
        (
            "malformed",
            "Malformed answer from the transcription engine: segment 1 has invalid start and "
            "end times.",
            1,
        ),
        ("rejected", "The transcription engine answered HTTP 400: unsupported file.", 1),
        ("slow", f"The transcription engine did not answer within {TIMEOUT:g} seconds.", 3),
    ],
)
async def test_a_failed_transcription_says_why_and_a_transcript_retries_it(
    env: RecordingsServer,
    transcriber_stand_in: TranscriberStandIn,
    mode: str,
    reason: str,
    attempts: int,
) -> None:
    token, recording_id, row = await _uploaded(env, transcriber_stand_in, mode)
    assert (row.status, row.failure_reason) == (RecordingStatus.FAILED, reason)
    assert len(transcriber_stand_in.requests) == attempts  # a timeout is retried first
    read = await call(env.gql, "Recording", token, id=recording_id)
    assert (read["status"], read["failureReason"]) == ("FAILED", reason)
    assert read["segments"]["totalCount"] == 0 and read["evaluations"] == []
    transcriber_stand_in.mode = "ok"
    await _retried_by_hand(env, token, recording_id)
