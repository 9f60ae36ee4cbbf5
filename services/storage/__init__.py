"""Storage of media files behind one interface (`base.Storage`): the local filesystem under
the data directory (development, the default) or any S3-compatible store, chosen by
`STORAGE_BACKEND`."""

from __future__ import annotations

from pathlib import Path

from core.db import ROOT
from core.settings import Settings
from services.storage.base import (
    InvalidKey,
    ObjectNotFound,
    Storage,
    StorageError,
    StoredObject,
    validate_key,
)
from services.storage.filesystem import FilesystemStorage
from services.storage.s3 import S3Storage
from services.storage.streams import StreamTooLarge, limit_size, peek, read_chunks

__all__ = [
    "FilesystemStorage",
    "InvalidKey",
    "ObjectNotFound",
    "S3Storage",
    "Storage",
    "StorageError",
    "StoredObject",
    "StreamTooLarge",
    "build_storage",
    "limit_size",
    "peek",
    "read_chunks",
    "storage_dir",
    "validate_key",
]

DEFAULT_DIR = ROOT / ".data" / "media"


def storage_dir(settings: Settings) -> Path:
    """STORAGE_DIR: empty for .data/media under the project root (beside the embedded
    database's .data/pg); a relative path is taken from the project root."""
    if not settings.storage_dir:
        return DEFAULT_DIR
    path = Path(settings.storage_dir).expanduser()
    return path if path.is_absolute() else ROOT / path


def build_storage(settings: Settings) -> Storage:
    """The backend `settings.storage_backend` names: filesystem (default) or s3."""
    kind = (settings.storage_backend or "filesystem").lower()
    if kind == "filesystem":
        return FilesystemStorage(storage_dir(settings))
    if kind == "s3":
        return S3Storage(
            endpoint_url=settings.s3_endpoint_url,
            bucket=settings.s3_bucket,
            access_key=settings.s3_access_key,
            secret_key=settings.s3_secret_key,
            region=settings.s3_region,
        )
    raise ValueError(f"unknown storage backend {settings.storage_backend!r}")
