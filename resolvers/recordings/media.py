"""A recording's media file: the upload as the web edge hands it over, its checks, storing
it, the signed link to it and what that link serves.

- `UploadedMedia` is what the HTTP view (app/uploads.py) puts in an `Upload` variable: a
  spooled, seekable file (at most a small part of it in memory), the client's file name, the
  bytes received and whether they went over the upload limit (`too_large`: the bytes past it
  were never kept). Anything else in `file` (e.g. a string sent as JSON) is INVALID on `file`.
- Checks, in order: over the limit → TOO_LARGE on `file`; empty, or not audio or video by its
  first bytes (services/recordings/media.py `sniff`: never the file name or the type the
  client claims) → INVALID on `file`.
- Storing: under `recordings/<recording id>/original.<extension of the sniffed type>`, read
  from the spooled file in chunks and streamed to the storage (never whole in memory); its
  size is what the storage wrote, its duration comes from the file's metadata (None when
  unknown: WebM, Matroska, corrupt files). A storage failure is UNAVAILABLE on `file`.
- The link (`mediaUrl`): core.security's signed link of kind `recording` to the recording's
  id, valid `MEDIA_LINK_TTL` (rounded up to the minute, so answers within a minute agree). It
  is only ever part of a recording the viewer reads (policy.py); holding it is the permission
  (app/downloads.py), as for every expiring download.
- What it serves: the stored file, its MIME type and size, named after the recording's title.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import IO, TYPE_CHECKING, Any, Protocol, runtime_checkable

from core.errors import AppError, ErrorCode, Validator
from core.security import signed_path
from models.recordings import Recording
from services.recordings.media import ACCEPTED, SNIFF_BYTES, MediaType, duration_seconds, sniff
from services.storage import StorageError
from services.storage.base import CHUNK_SIZE

if TYPE_CHECKING:
    from core.settings import Settings
    from services.storage import Storage

FIELD = "file"
DOWNLOAD_KIND = "recording"
MEDIA_LINK_TTL = timedelta(minutes=15)
NOT_AN_UPLOAD = "Send the file as a multipart upload (the GraphQL multipart request spec)."
NOT_MEDIA = "Upload an audio or video file ({kinds})."
EMPTY = "The file is empty."
NOT_STORED = "The file could not be stored just now; try again."


@runtime_checkable
class UploadedMedia(Protocol):
    """An uploaded file, as app/uploads.py hands it over (see the module's docstring)."""

    filename: str
    size: int  # bytes received, counted past the limit too
    too_large: bool
    limit: int  # the upload limit it was received under
    file: IO[bytes]  # seekable; holds the bytes received (none when too large)


@dataclass(frozen=True)
class StoredMedia:
    key: str
    mime_type: str
    size: int
    duration_seconds: float | None


def _head(file: IO[bytes]) -> bytes:
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)
    return head


def _kinds() -> str:
    return ", ".join(sorted({media.extension.upper() for media in ACCEPTED}))


async def checked_upload(v: Validator, value: Any) -> tuple[UploadedMedia, MediaType] | None:
    """The upload and its media type, or None with the problem added to `v`."""
    if not isinstance(value, UploadedMedia):
        v.add(FIELD, ErrorCode.INVALID, NOT_AN_UPLOAD)
        return None
    if value.too_large:
        v.add(FIELD, ErrorCode.TOO_LARGE, f"The file is larger than {value.limit:,} bytes.")
        return None
    if value.size == 0:
        v.add(FIELD, ErrorCode.INVALID, EMPTY)
        return None
    media_type = sniff(await asyncio.to_thread(_head, value.file))
    if media_type is None:
        v.add(FIELD, ErrorCode.INVALID, NOT_MEDIA.format(kinds=_kinds()))
        return None
    return value, media_type


def media_key(recording_id: Any, media_type: MediaType) -> str:
    return f"recordings/{recording_id}/original.{media_type.extension}"


async def _chunks(file: IO[bytes]) -> AsyncIterator[bytes]:
    await asyncio.to_thread(file.seek, 0)
    while chunk := await asyncio.to_thread(file.read, CHUNK_SIZE):
        yield chunk


async def store_upload(
    storage: Storage, recording_id: Any, upload: UploadedMedia, media_type: MediaType
) -> StoredMedia:
    """Stream the upload to the storage (see the module's docstring)."""
    key = media_key(recording_id, media_type)
    duration = await asyncio.to_thread(duration_seconds, upload.file, media_type)
    try:
        stored = await storage.put_stream(key, _chunks(upload.file), media_type.mime)
    except StorageError as error:
        raise AppError.of(ErrorCode.UNAVAILABLE, NOT_STORED, FIELD) from error
    return StoredMedia(key, media_type.mime, stored.size, duration)


def media_path(recording: Recording, settings: Settings, now: datetime) -> str | None:
    """The recording's signed media link, or None when it has no file."""
    if recording.media_key is None:
        return None
    until = (now + MEDIA_LINK_TTL + timedelta(minutes=1)).replace(second=0, microsecond=0)
    return signed_path(DOWNLOAD_KIND, str(recording.id), until, settings.secret_key)


@dataclass(frozen=True)
class MediaFile:
    """What a media link serves."""

    key: str
    mime_type: str
    size: int | None
    filename: str


async def media_file(ident: str) -> MediaFile | None:
    """The file behind a media link's identifier (a recording id), or None."""
    try:
        recording_id = uuid.UUID(ident)
    except ValueError:
        return None
    row = await Recording.get_or_none(id=recording_id)
    if row is None or row.media_key is None:
        return None
    extension = row.media_key.rsplit(".", 1)[-1]
    return MediaFile(
        key=row.media_key,
        mime_type=row.mime_type or "application/octet-stream",
        size=row.size_bytes,
        filename=f"{row.title}.{extension}",
    )
