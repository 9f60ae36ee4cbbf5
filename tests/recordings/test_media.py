"""Media checks: types by content (a real WAV written with the standard library, the magic
numbers of the other accepted containers, and non-media bytes refused whatever they are
called), and durations from the metadata (path, file, stream; None when unknown)."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from services.recordings.media import (
    ACCEPTED,
    FLAC_AUDIO,
    M4A,
    MKV,
    MOV,
    MP3_AUDIO,
    MP4_VIDEO,
    OGG,
    SNIFF_BYTES,
    WAV,
    WEBM,
    MediaType,
    duration_seconds,
    sniff,
    stream_duration,
)
from services.storage import FilesystemStorage, peek
from tests.recordings.media_files import wav_bytes

PAD = bytes(64)
EBML = b"\x1a\x45\xdf\xa3\x9f"  # the EBML header, then its versions and sizes
EBML_FIELDS = b"\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08"
HEADERS = {
    "ogg": (b"OggS\x00\x02" + PAD, OGG),
    "flac": (b"fLaC" + PAD, FLAC_AUDIO),
    "mp3 with ID3": (b"ID3\x03\x00" + PAD, MP3_AUDIO),
    "mp3 frame": (b"\xff\xfb\x90\x64" + PAD, MP3_AUDIO),
    "m4a": (b"\x00\x00\x00\x20ftypM4A " + PAD, M4A),
    "mp4": (b"\x00\x00\x00\x18ftypisom" + PAD, MP4_VIDEO),
    "mov": (b"\x00\x00\x00\x14ftypqt  " + PAD, MOV),
    "webm": (EBML + EBML_FIELDS + b"\x42\x82\x84webm" + PAD, WEBM),
    "mkv": (EBML + EBML_FIELDS + b"\x42\x82\x88matroska" + PAD, MKV),
}
NOT_MEDIA = {
    "text": b"Teacher: Hello!\nAnna: Hi.\n",
    "pdf": b"%PDF-1.4\n" + PAD,
    "png": b"\x89PNG\r\n\x1a\n" + PAD,
    "zip": b"PK\x03\x04" + PAD,
    "midi (audio, but no speech)": b"MThd" + PAD,
    "avi (refused container)": b"RIFF\x00\x00\x00\x00AVI LIST" + PAD,
    "truncated RIFF": b"RIFF",
    "empty": b"",
}


def test_a_real_wav_is_audio() -> None:
    assert sniff(wav_bytes()) == WAV
    assert sniff(wav_bytes()[:SNIFF_BYTES]) == WAV
    assert MediaType("audio/wav", "wav", "audio") == WAV


@pytest.mark.parametrize("name", list(HEADERS))
def test_accepted_containers_by_their_magic_numbers(name: str) -> None:
    head, expected = HEADERS[name]
    assert sniff(head) == expected
    assert expected in ACCEPTED


@pytest.mark.parametrize("name", list(NOT_MEDIA))
def test_non_media_is_refused(name: str) -> None:
    assert sniff(NOT_MEDIA[name]) is None


def test_the_name_and_claimed_type_play_no_part(tmp_path: Path) -> None:
    # A text file called .wav is not audio; a WAV called .txt is.
    fake = tmp_path / "speech.wav"
    fake.write_bytes(NOT_MEDIA["text"])
    assert sniff(fake.read_bytes()) is None
    assert duration_seconds(fake) is None
    real = tmp_path / "notes.txt"
    real.write_bytes(wav_bytes(2.0))
    assert sniff(real.read_bytes()) == WAV
    assert duration_seconds(real) == 2.0


def test_duration_from_the_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    path.write_bytes(wav_bytes(1.5, rate=8000))
    assert duration_seconds(path) == 1.5
    assert duration_seconds(str(path), WAV) == 1.5
    with path.open("rb") as handle:
        handle.read(10)
        assert duration_seconds(handle) == 1.5
        assert handle.tell() == 10  # the file is left where it was
    assert duration_seconds(io.BytesIO(wav_bytes(0.25, rate=16000))) == 0.25


def test_duration_unknown() -> None:
    corrupt = wav_bytes()[:12] + b"\x00" * 200  # a RIFF/WAVE header with nothing valid after
    assert sniff(corrupt) == WAV
    assert duration_seconds(io.BytesIO(corrupt)) is None
    assert duration_seconds(io.BytesIO(HEADERS["webm"][0]), WEBM) is None  # no reader
    assert duration_seconds(io.BytesIO(HEADERS["ogg"][0])) is None  # truncated
    assert duration_seconds(io.BytesIO(b"plain text")) is None


async def test_an_upload_checked_stored_and_measured_as_a_stream(tmp_path: Path) -> None:
    data = wav_bytes(1.25)

    async def upload() -> AsyncIterator[bytes]:
        for i in range(0, len(data), 1000):
            yield data[i : i + 1000]

    head, chunks = await peek(upload(), SNIFF_BYTES)
    media_type = sniff(head)
    assert media_type == WAV
    storage = FilesystemStorage(tmp_path)
    stored = await storage.put_stream("recordings/r/original.wav", chunks, media_type.mime)
    assert stored.size == len(data)
    assert await stream_duration(storage.open_stream(stored.key)) == 1.25
    assert await stream_duration(storage.open_stream(stored.key), WAV) == 1.25
