"""A recording's media file behind its signed link (`/downloads/recording/<recording id>`,
app/downloads.py checks the link): streamed from the storage the server's settings name, in
the storage's chunks, with the type, size and file name resolvers/recordings/media.py gives.
A recording without a file, a deleted one, or a file missing from storage is 404: the first
chunk is read before answering, so a missing object is told apart from a cut-off stream."""

from __future__ import annotations

from app.downloads import StreamedDownload, stored_download
from core.settings import Settings
from resolvers.recordings.engines import storage_for
from resolvers.recordings.media import DOWNLOAD_KIND, media_file

KIND = DOWNLOAD_KIND  # the kind of link resolvers/recordings/media.py makes


async def recording_download(ident: str, settings: Settings) -> StreamedDownload | None:
    found = await media_file(ident)
    if found is None:
        return None
    stream = storage_for(settings).open_stream(found.key)
    return await stored_download(stream, found.mime_type, found.filename, found.size)
