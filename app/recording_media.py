"""A recording's media file behind its signed link (`/downloads/recording/<recording id>`,
app/downloads.py checks the link): streamed from the storage the server's settings name, in
the storage's chunks, with the type, size and file name resolvers/recordings/media.py gives.
A recording without a file, a deleted one, or a file missing from storage is 404: the first
chunk is read before answering, so a missing object is told apart from a cut-off stream."""

from __future__ import annotations

from collections.abc import AsyncIterator

from app.downloads import StreamedDownload
from core.settings import Settings
from resolvers.recordings.engines import storage_for
from resolvers.recordings.media import DOWNLOAD_KIND, media_file
from services.storage import ObjectNotFound

KIND = DOWNLOAD_KIND  # the kind of link resolvers/recordings/media.py makes


class _Resumed:
    """A storage stream whose first chunk was read already: all its chunks, in order;
    `aclose` closes the stream whether or not it was read further (HEAD reads none)."""

    def __init__(self, first: bytes, stream: AsyncIterator[bytes]) -> None:
        self._first = first
        self._stream = stream

    def __aiter__(self) -> _Resumed:
        return self

    async def __anext__(self) -> bytes:
        if self._first:
            first, self._first = self._first, b""
            return first
        return await anext(self._stream)

    async def aclose(self) -> None:
        await self._stream.aclose()  # type: ignore[attr-defined]


async def recording_download(ident: str, settings: Settings) -> StreamedDownload | None:
    found = await media_file(ident)
    if found is None:
        return None
    stream = storage_for(settings).open_stream(found.key)
    try:
        first = await anext(stream, b"")
    except ObjectNotFound:
        return None
    return StreamedDownload(_Resumed(first, stream), found.mime_type, found.filename, found.size)
