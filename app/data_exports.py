"""A data export's JSON document behind its signed link (`/downloads/export/<export id>`,
app/downloads.py checks the link): streamed from the storage the server's settings name. An
export that is not READY, past its expiry, or whose file is missing is 404
(resolvers/identity/exports.py decides which exports are served)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

from app.downloads import StreamedDownload
from core.settings import Settings
from resolvers.identity.exports import DOWNLOAD_KIND, MEDIA_TYPE, export_file
from services.storage import ObjectNotFound, build_storage

KIND = DOWNLOAD_KIND


class _Chunks:
    """The stream's chunks, the first of which was read already; `aclose` closes the
    stream whether or not it was read further (HEAD reads none)."""

    def __init__(self, first: bytes, stream: AsyncIterator[bytes]) -> None:
        self._first = first
        self._stream = stream

    def __aiter__(self) -> _Chunks:
        return self

    async def __anext__(self) -> bytes:
        if self._first:
            first, self._first = self._first, b""
            return first
        return await anext(self._stream)

    async def aclose(self) -> None:
        await self._stream.aclose()  # type: ignore[attr-defined]


async def export_download(ident: str, settings: Settings) -> StreamedDownload | None:
    found = await export_file(ident, datetime.now(UTC))
    if found is None:
        return None
    stream = build_storage(settings).open_stream(found.key)
    try:
        first = await anext(stream, b"")
    except ObjectNotFound:
        return None
    return StreamedDownload(_Chunks(first, stream), MEDIA_TYPE, found.filename, found.size)
