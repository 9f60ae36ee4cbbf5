"""A user's data exports, as far as identity keeps them: listing them with their download
links, serving a link, and expiring old ones. The document itself is written by the export
job (resolvers/insight/privacy_export.py), which walks every domain's tables.

Rules:
- `me.dataExports`: the viewer's own exports, newest first. Each read signs a fresh link
  (`core.security.signed_path`, kind `export`) valid `LINK_LIFETIME` (15 minutes), for READY
  exports only; PENDING, FAILED and EXPIRED ones have none.
- The link is the permission (app/downloads.py): it works without a bearer token until it
  expires; a tampered or expired one is refused there. A link names one export, so nobody
  can fetch another user's export without a link signed for it. The handler answers 404 for
  an export that is not READY (expired, purged) or whose file is missing.
- A READY export's file is kept `KEPT_FOR` (7 days after it became ready); then the hourly
  maintenance job (app/maintenance.py) deletes the file and marks the export EXPIRED. An
  export that went past its time but was not purged yet is already refused by the handler.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from core.security import signed_path
from core.settings import Settings
from models.identity import DataExport, ExportStatus, User
from services.storage import Storage

DOWNLOAD_KIND = "export"
LINK_LIFETIME = timedelta(minutes=15)
KEPT_FOR = timedelta(days=7)
MEDIA_TYPE = "application/json"
PURGE_BATCH = 100


def file_key(export_id: UUID) -> str:
    """Where an export's document is stored."""
    return f"exports/{export_id}/export.json"


def download_path(export: DataExport, settings: Settings, now: datetime) -> str | None:
    """A link valid `LINK_LIFETIME` from `now` for a READY export (never past its expiry
    being irrelevant: the handler refuses an expired export whatever the link)."""
    if export.status is not ExportStatus.READY:
        return None
    return signed_path(DOWNLOAD_KIND, str(export.id), now + LINK_LIFETIME, settings.secret_key)


async def exports_of(user: User) -> list[DataExport]:
    """The user's exports, newest first."""
    return await DataExport.filter(user_id=user.id).order_by("-created_at", "-id")


@dataclass(frozen=True)
class ExportFile:
    key: str
    size: int | None
    filename: str


async def export_file(ident: str, now: datetime) -> ExportFile | None:
    """The stored document of READY export `ident`, if it is still kept; else None."""
    try:
        export_id = UUID(ident)
    except ValueError:
        return None
    export = await DataExport.get_or_none(id=export_id, status=ExportStatus.READY)
    if export is None or export.file_key is None:
        return None
    if export.expires_at is not None and export.expires_at <= now:
        return None
    return ExportFile(export.file_key, export.size_bytes, f"lingograph-export-{export.id}.json")


async def purge_expired_exports(storage: Storage, now: datetime) -> int:
    """Remove the files of READY exports past their expiry and mark them EXPIRED; how many.
    The file goes first: a crash in between leaves a READY row the handler already refuses,
    purged again next hour (deleting a missing object is a no-op)."""
    purged = 0
    while True:
        batch = await DataExport.filter(status=ExportStatus.READY, expires_at__lte=now).limit(
            PURGE_BATCH
        )
        if not batch:
            return purged
        for export in batch:
            if export.file_key is not None:
                await storage.delete(export.file_key)
            await DataExport.filter(id=export.id).update(status=ExportStatus.EXPIRED, file_key=None)
            purged += 1
