"""A data export's JSON document behind its signed link (`/downloads/export/<export id>`,
app/downloads.py checks the link): streamed from the storage the server's settings name. An
export that is not READY, past its expiry, or whose file is missing is 404
(resolvers/identity/exports.py decides which exports are served)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.downloads import StreamedDownload, stored_download
from core.settings import Settings
from resolvers.identity.exports import DOWNLOAD_KIND, MEDIA_TYPE, export_file
from services.storage import build_storage

KIND = DOWNLOAD_KIND


async def export_download(ident: str, settings: Settings) -> StreamedDownload | None:
    found = await export_file(ident, datetime.now(UTC))
    if found is None:
        return None
    stream = build_storage(settings).open_stream(found.key)
    return await stored_download(stream, MEDIA_TYPE, found.filename, found.size)
