"""The OpenAI-compatible transcription engine against a stand-in endpoint started here: the
multipart request streamed from storage, verbose JSON mapped to segments with times and
confidences, malformed answers, timeouts, HTTP errors; the engine chosen by the settings.
No database."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings
from services.recordings import build_transcriber
from services.recordings.transcriber import (
    RemoteTranscriber,
    Transcription,
    TranscriptionError,
    confidence,
    parse_verbose_json,
)
from services.recordings.transcripts import DEFAULT_SPEAKER
from services.storage import FilesystemStorage
from tests.recordings.media_files import wav_bytes
from tests.recordings.transcriber_stand_in import TranscriberStandIn
from tests.servers import free_port

KEY = "recordings/t1/original.wav"


@pytest.fixture
async def stored_wav(tmp_path: Path) -> tuple[FilesystemStorage, bytes]:
    storage = FilesystemStorage(tmp_path, chunk_size=4096)
    data = wav_bytes(2.0)

    async def chunks() -> Any:
        yield data

    await storage.put_stream(KEY, chunks(), "audio/wav")
    return storage, data


def engine(state: TranscriberStandIn, timeout: float = 5.0) -> RemoteTranscriber:
    return RemoteTranscriber(state.url, model="whisper-stand-in", api_key="sk-t", timeout=timeout)


async def transcribe(
    state: TranscriberStandIn,
    stored: tuple[FilesystemStorage, bytes],
    engine_timeout: float = 5.0,
    with_size: bool = True,
) -> Transcription:
    storage, data = stored
    return await engine(state, engine_timeout).transcribe(
        storage.open_stream(KEY),
        filename="original.wav",
        content_type="audio/wav",
        size=len(data) if with_size else None,
        language="en-GB",
    )


async def test_streams_the_file_and_maps_the_segments(
    transcriber_stand_in: TranscriberStandIn, stored_wav: tuple[FilesystemStorage, bytes]
) -> None:
    state = transcriber_stand_in
    state.mode = "ok"
    state.requests.clear()
    result = await transcribe(state, stored_wav)
    [request] = state.requests
    fields = request["fields"]
    assert fields["model"] == "whisper-stand-in"
    assert fields["response_format"] == "verbose_json"
    assert fields["timestamp_granularities[]"] == "segment"
    assert fields["language"] == "en"
    assert fields["file"] == {
        "filename": "original.wav",
        "content_type": "audio/wav",
        "data": stored_wav[1],
    }
    assert request["headers"]["authorization"] == "Bearer sk-t"
    assert int(request["headers"]["content-length"]) == request["body_length"]

    assert result.language == "english"
    assert result.duration_seconds == 7.5
    assert [(s.position, s.speaker, s.text, s.start_ms, s.end_ms) for s in result.segments] == [
        (1, DEFAULT_SPEAKER, "Where did you go yesterday?", 0, 2400),
        (2, DEFAULT_SPEAKER, "I went to the museum with my sister.", 3100, 7500),
    ]
    assert [s.confidence for s in result.segments] == [
        round(math.exp(-0.1) * 0.99, 3),
        round(math.exp(-0.35) * 0.8, 3),
    ]


async def test_without_a_size_the_upload_is_chunked(
    transcriber_stand_in: TranscriberStandIn, stored_wav: tuple[FilesystemStorage, bytes]
) -> None:
    transcriber_stand_in.mode = "ok"
    transcriber_stand_in.requests.clear()
    result = await transcribe(transcriber_stand_in, stored_wav, with_size=False)
    assert len(result.segments) == 2
    [request] = transcriber_stand_in.requests
    assert request["headers"].get("transfer-encoding") == "chunked"
    assert request["fields"]["file"]["data"] == stored_wav[1]


@pytest.mark.parametrize(
    ("mode", "reason", "transient"),
    [
        ("malformed", "malformed answer from the transcription engine: segment 1", False),
        ("not_json", "malformed answer from the transcription engine: not JSON", False),
        ("overloaded", "answered HTTP 503: server overloaded", True),
        ("rejected", "answered HTTP 400: unsupported file", False),
    ],
)
async def test_bad_answers_raise_a_typed_error(
    transcriber_stand_in: TranscriberStandIn,
    stored_wav: tuple[FilesystemStorage, bytes],
    mode: str,
    reason: str,
    transient: bool,
) -> None:
    transcriber_stand_in.mode = mode
    with pytest.raises(TranscriptionError) as raised:
        await transcribe(transcriber_stand_in, stored_wav)
    assert reason in raised.value.reason
    assert raised.value.transient is transient


async def test_a_slow_engine_times_out(
    transcriber_stand_in: TranscriberStandIn, stored_wav: tuple[FilesystemStorage, bytes]
) -> None:
    transcriber_stand_in.mode = "slow"
    with pytest.raises(TranscriptionError) as raised:
        await transcribe(transcriber_stand_in, stored_wav, engine_timeout=0.5)
    assert raised.value.reason == "the transcription engine did not answer within 0.5 seconds"
    assert raised.value.transient


async def test_an_unreachable_engine(stored_wav: tuple[FilesystemStorage, bytes]) -> None:
    state = TranscriberStandIn(url=f"http://127.0.0.1:{free_port()}/v1")
    with pytest.raises(TranscriptionError, match="unreachable") as raised:
        await transcribe(state, stored_wav)
    assert raised.value.transient


# --- the verbose JSON mapping -------------------------------------------------------------


def test_confidence_mapping() -> None:
    assert confidence(None, 0.5) is None
    assert confidence(0.0, None) == 1.0
    assert confidence(0.3, 0.0) == 1.0  # a positive log-probability is clamped
    assert confidence(-0.5, None) == round(math.exp(-0.5), 3)
    assert confidence(-0.5, 1.0) == 0.0
    assert confidence(-50, 0.0) == 0.0
    for bad in ("high", True, float("nan")):
        with pytest.raises(TranscriptionError, match="malformed"):
            confidence(bad, 0.1)
    with pytest.raises(TranscriptionError, match="malformed"):
        confidence(-0.1, "none")


def test_answers_the_mapping_accepts() -> None:
    text_only = parse_verbose_json({"text": "  Hello   there "})
    assert text_only.segments[0].text == "Hello there"
    assert text_only.segments[0].start_ms is None and text_only.segments[0].confidence is None
    diarized = parse_verbose_json(
        {
            "segments": [
                {"start": 0, "end": 1.5, "text": "Hi", "speaker": "A"},
                {"start": 1.5, "end": 2, "text": "   "},  # empty: dropped
                {"start": 2, "end": 3.25, "text": "Hello", "speaker": "B", "avg_logprob": -0.2},
            ],
            "duration": "long",
        }
    )
    assert [(s.position, s.speaker, s.start_ms, s.end_ms) for s in diarized.segments] == [
        (1, "A", 0, 1500),
        (2, "B", 2000, 3250),
    ]
    assert diarized.duration_seconds is None and diarized.language is None


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ([], "not a JSON object"),
        ({}, "neither segments nor text"),
        ({"segments": "many"}, "segments is not a list"),
        ({"segments": [{"start": 0, "end": 1}]}, "segment 1 has no text"),
        ({"segments": [{"start": 2, "end": 1, "text": "x"}]}, "invalid start and end"),
        ({"segments": [{"start": 0, "text": "x"}]}, "invalid start and end"),
        ({"segments": [{"start": -1, "end": 1, "text": "x"}]}, "invalid start and end"),
        ({"segments": [{"start": 0, "end": 1, "text": "x"}] * 5001}, "more than 5000"),
        ({"segments": [], "text": ""}, "no speech was recognised"),
    ],
)
def test_malformed_answers(answer: Any, reason: str) -> None:
    with pytest.raises(TranscriptionError, match=reason) as raised:
        parse_verbose_json(answer)
    assert not raised.value.transient


def test_build_transcriber_from_settings() -> None:
    base = Settings()
    assert base.transcriber_engine == "none"
    assert build_transcriber(base) is None
    configured = dataclasses.replace(
        base,
        transcriber_engine="openai",
        transcriber_base_url="http://127.0.0.1:9/v1/",
        transcriber_api_key="k",
        transcriber_timeout_seconds=12.0,
    )
    built = build_transcriber(configured)
    assert isinstance(built, RemoteTranscriber)
    assert (built.base_url, built.model, built.api_key, built.timeout) == (
        "http://127.0.0.1:9/v1",
        "whisper-1",
        "k",
        12.0,
    )
    with pytest.raises(ValueError, match="TRANSCRIBER_BASE_URL"):
        build_transcriber(dataclasses.replace(configured, transcriber_base_url=""))
    with pytest.raises(ValueError, match="unknown transcriber engine"):
        build_transcriber(dataclasses.replace(base, transcriber_engine="vosk"))
