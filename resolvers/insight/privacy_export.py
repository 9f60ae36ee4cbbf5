"""`exportMyData`: one JSON document with everything the platform holds about the viewer,
prepared by a durable job and kept in storage (resolvers/identity/exports.py serves and
expires it).

Rules:
- Asking queues an export (PENDING) and its job in the same transaction; the job writes the
  document and marks it READY with its size, `ready_at` and `expires_at` (7 days later), or
  FAILED with the reason after its last attempt. A job run twice writes the same key again
  (storage replaces it whole) and does nothing to an export no longer PENDING.
- The document is `{"format", "exportedAt", "userId", "includesMedia", "sections": {...}}`,
  one section per entry of privacy.SECTIONS (a list of that table's rows, columns as
  stored, secrets left out). It is streamed to storage: each section is read in keyset
  batches of `BATCH` rows (by id) and written as it is read, never held whole.
- With `includeMedia`, a `media` section carries each recording's file, base64, read from
  storage chunk by chunk.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from procrastinate import JobContext
from tortoise.transactions import in_transaction

from core import jobs
from models.identity import DataExport, ExportStatus, User
from models.recordings import Recording
from resolvers.identity import KEPT_FOR, file_key
from resolvers.insight.privacy import SECTIONS, Section
from services.storage import Storage, build_storage

log = logging.getLogger("lingograph.privacy")

FORMAT = "lingograph-export/1"
BATCH = 500
EXPORT_ATTEMPTS = 4
MEDIA_CHUNK = 3 * 64 * 1024  # a multiple of 3: base64 pieces join without padding


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot export {type(value).__name__}")


def _json(value: Any) -> str:
    return json.dumps(value, default=_plain, ensure_ascii=False, separators=(",", ":"))


async def section_rows(section: Section, user_id: UUID) -> AsyncIterator[dict[str, Any]]:
    """The person's rows of `section`, read in keyset batches of `BATCH` by id."""
    columns = section.columns()
    last: Any = None
    while True:
        query = section.model.filter(section.where(user_id))
        if last is not None:
            query = query.filter(id__gt=last)
        rows = await query.order_by("id").limit(BATCH).values(*columns)
        for row in rows:
            yield row
        if len(rows) < BATCH:
            return
        last = rows[-1]["id"]


async def _media(storage: Storage, user_id: UUID) -> AsyncIterator[str]:
    first = True
    recordings = Recording.filter(user_id=user_id, media_key__not_isnull=True).order_by("id")
    for recording in await recordings.only("id", "media_key", "mime_type"):
        head = {"recordingId": str(recording.id), "mimeType": recording.mime_type}
        yield ("" if first else ",") + _json(head)[:-1] + ',"base64":"'
        first = False
        pending = b""
        assert recording.media_key is not None
        async for chunk in storage.open_stream(recording.media_key):
            pending += chunk
            whole = len(pending) - len(pending) % 3
            if whole:
                yield base64.b64encode(pending[:whole]).decode()
                pending = pending[whole:]
        yield base64.b64encode(pending).decode() + '"}'


async def document(
    user_id: UUID, *, include_media: bool, storage: Storage, now: datetime
) -> AsyncIterator[bytes]:
    """The export's JSON document, piece by piece."""
    head = {
        "format": FORMAT,
        "exportedAt": now,
        "userId": user_id,
        "includesMedia": include_media,
    }
    yield (_json(head)[:-1] + ',"sections":{').encode()
    for index, section in enumerate(SECTIONS):
        yield (("," if index else "") + _json(section.name) + ":[").encode()
        first = True
        async for row in section_rows(section, user_id):
            yield (("" if first else ",") + _json(row)).encode()
            first = False
        yield b"]"
    if include_media:
        yield b',"media":['
        async for piece in _media(storage, user_id):
            yield piece.encode()
        yield b"]"
    yield b"}}"


async def request_export(viewer: User, *, include_media: bool) -> DataExport:
    """Queue an export of the viewer's data (PENDING) and the job that writes it."""
    async with in_transaction():
        export = await DataExport.create(user_id=viewer.id, include_media=include_media)
        await jobs.defer(write_export_job, export_id=str(export.id))
    return export


async def write_export(storage: Storage, export_id: str, *, final: bool) -> None:
    """Write the document of a PENDING export and mark it READY (see the module's rules)."""
    export = await DataExport.get_or_none(id=export_id, status=ExportStatus.PENDING)
    if export is None:
        return
    key = file_key(export.id)
    now = datetime.now(UTC)
    try:
        chunks = document(
            export.user_id, include_media=export.include_media, storage=storage, now=now
        )
        stored = await storage.put_stream(key, chunks, "application/json")
    except Exception as error:
        if final:
            log.exception("export %s failed", export_id)
            await DataExport.filter(id=export.id, status=ExportStatus.PENDING).update(
                status=ExportStatus.FAILED, failure_reason=f"{type(error).__name__}: {error}"
            )
            return
        raise
    ready = datetime.now(UTC)
    updated = await DataExport.filter(id=export.id, status=ExportStatus.PENDING).update(
        status=ExportStatus.READY,
        file_key=key,
        size_bytes=stored.size,
        ready_at=ready,
        expires_at=ready + KEPT_FOR,
    )
    if not updated:  # the account was deleted meanwhile: nothing may stay behind
        await storage.delete(key)


@jobs.task("insight.write_export", attempts=EXPORT_ATTEMPTS)
async def write_export_job(context: JobContext, export_id: str) -> None:
    await write_export(
        build_storage(jobs.settings_of(context)),
        export_id,
        final=jobs.is_last_attempt(context, EXPORT_ATTEMPTS),
    )
