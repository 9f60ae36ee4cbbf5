"""Audio and video files of recordings: their type, from their content, and their duration.

- `sniff` decides the type from the first bytes (`SNIFF_BYTES`), by their magic numbers with
  the filetype library, never from a file name or a client's Content-Type. Accepted: WAV,
  MP3, Ogg (Vorbis, Opus, FLAC), FLAC, M4A/MP4 audio, AAC (ADTS), AIFF, and the video
  containers WebM, MP4/M4V, QuickTime (MOV), Matroska (MKV) and 3GP. Anything else (images,
  documents, MIDI, AVI, WMV, FLV, text) is refused: None.
- `duration_seconds` reads the duration from the file's metadata with mutagen, choosing its
  reader by the sniffed type; None when unknown: WebM and Matroska (mutagen has no reader
  for them), and corrupt or truncated files. It reads a seekable file (MP4 keeps its index
  at either end), blocking: run it in a thread. `stream_duration` does that for a stream,
  spooling it to a temporary file on disk first.
"""

from __future__ import annotations

import asyncio
import math
import os
import tempfile
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import IO, Any

import filetype  # type: ignore[import-untyped]  # ships no type information
from filetype.types import AUDIO, VIDEO  # type: ignore[import-untyped]
from mutagen import File as MutagenFile
from mutagen.aac import AAC
from mutagen.aiff import AIFF
from mutagen.flac import FLAC
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggflac import OggFLAC
from mutagen.oggopus import OggOpus
from mutagen.oggspeex import OggSpeex
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

SNIFF_BYTES = 8192  # what filetype reads at most


@dataclass(frozen=True)
class MediaType:
    mime: str  # the canonical MIME type kept with the recording
    extension: str  # for the file name sent to a transcription engine
    kind: str  # audio | video (the container's usual content: a video one may hold audio only)


WAV = MediaType("audio/wav", "wav", "audio")
MP3_AUDIO = MediaType("audio/mpeg", "mp3", "audio")
OGG = MediaType("audio/ogg", "ogg", "audio")
FLAC_AUDIO = MediaType("audio/flac", "flac", "audio")
M4A = MediaType("audio/mp4", "m4a", "audio")
AAC_AUDIO = MediaType("audio/aac", "aac", "audio")
AIFF_AUDIO = MediaType("audio/aiff", "aiff", "audio")
WEBM = MediaType("video/webm", "webm", "video")
MP4_VIDEO = MediaType("video/mp4", "mp4", "video")
MOV = MediaType("video/quicktime", "mov", "video")
MKV = MediaType("video/x-matroska", "mkv", "video")
THREE_GP = MediaType("video/3gpp", "3gp", "video")

# filetype's MIME names → ours.
_BY_DETECTED = {
    "audio/x-wav": WAV,
    "audio/mpeg": MP3_AUDIO,
    "audio/ogg": OGG,
    "audio/x-flac": FLAC_AUDIO,
    "audio/mp4": M4A,
    "audio/aac": AAC_AUDIO,
    "audio/x-aiff": AIFF_AUDIO,
    "video/webm": WEBM,
    "video/mp4": MP4_VIDEO,
    "video/x-m4v": MP4_VIDEO,
    "video/quicktime": MOV,
    "video/x-matroska": MKV,
    "video/3gpp": THREE_GP,
}
ACCEPTED = tuple(dict.fromkeys(_BY_DETECTED.values()))
# Audio first: an M4A file is also an MP4 container.
_MATCHERS = list(AUDIO + VIDEO)


def sniff(first_bytes: bytes) -> MediaType | None:
    """The accepted media type of a file beginning with `first_bytes`, or None."""
    found = filetype.match(bytes(first_bytes[:SNIFF_BYTES]), matchers=_MATCHERS)
    return _BY_DETECTED.get(found.mime) if found is not None else None


def _ogg(handle: IO[bytes]) -> Any:
    return MutagenFile(handle, options=[OggVorbis, OggOpus, OggFLAC, OggSpeex])


_READERS: dict[MediaType, Callable[[IO[bytes]], Any]] = {
    WAV: WAVE,
    MP3_AUDIO: MP3,
    OGG: _ogg,
    FLAC_AUDIO: FLAC,
    M4A: MP4,
    AAC_AUDIO: AAC,
    AIFF_AUDIO: AIFF,
    MP4_VIDEO: MP4,
    MOV: MP4,
    THREE_GP: MP4,
}


def duration_seconds(
    source: str | os.PathLike[str] | IO[bytes], media_type: MediaType | None = None
) -> float | None:
    """The duration in seconds (rounded to the millisecond) from the metadata, or None.

    `source` is a path or a seekable binary file, read from its beginning and left at the
    position it had; `media_type` is sniffed when not given."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            return _duration(handle, media_type)
    return _duration(source, media_type)


def _duration(handle: IO[bytes], media_type: MediaType | None) -> float | None:
    position = handle.tell()
    try:
        handle.seek(0)
        if media_type is None:
            media_type = sniff(handle.read(SNIFF_BYTES))
            handle.seek(0)
        reader = _READERS.get(media_type) if media_type is not None else None
        if reader is None:
            return None
        parsed = reader(handle)
        length = float(parsed.info.length) if parsed is not None else None
    except Exception:  # mutagen's parsers raise many kinds of error on corrupt input
        return None
    finally:
        handle.seek(position)
    if length is None or not math.isfinite(length) or length <= 0:
        return None
    return round(length, 3)


async def stream_duration(
    chunks: AsyncIterator[bytes], media_type: MediaType | None = None
) -> float | None:
    """`duration_seconds` of a stream (e.g. from storage), spooled to a temporary file."""
    handle = await asyncio.to_thread(tempfile.TemporaryFile)
    try:
        async for chunk in chunks:
            await asyncio.to_thread(handle.write, chunk)
        await asyncio.to_thread(handle.seek, 0)
        return await asyncio.to_thread(_duration, handle, media_type)
    finally:
        handle.close()
