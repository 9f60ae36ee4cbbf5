"""Media files on the local filesystem, under one root directory (development: .data/media).

- A key maps to the path root/key (base.py validates keys; the resolved path must also stay
  under the root, so a symbolic link cannot lead out of it).
- Writes are atomic: the chunks go to a hidden temporary file beside the target (".tmp-..."
  names, which no valid key can take), are flushed to disk, then renamed over the target. A
  failed or interrupted write removes its temporary file.
- The content type is not kept: the database row of the object keeps it.
- Every file operation runs in a worker thread, so the event loop never waits on the disk.
- Deleting removes the file and the directories it leaves empty, up to the root.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from services.storage.base import (
    CHUNK_SIZE,
    InvalidKey,
    ObjectNotFound,
    StorageError,
    StoredObject,
    validate_key,
)

T = TypeVar("T")


class FilesystemStorage:
    name = "filesystem"

    def __init__(self, root: str | os.PathLike[str], chunk_size: int = CHUNK_SIZE) -> None:
        self.root = Path(root).resolve()
        self.chunk_size = chunk_size

    def path_of(self, key: str) -> Path:
        path = (self.root / validate_key(key)).resolve()
        if not path.is_relative_to(self.root) or path == self.root:
            raise InvalidKey(f"invalid storage key {key!r}")
        return path

    async def put_stream(
        self, key: str, chunks: AsyncIterator[bytes], content_type: str
    ) -> StoredObject:
        path = self.path_of(key)
        temporary = path.parent / f".tmp-{uuid.uuid4().hex}"
        handle = await _disk(key, _create, temporary)
        size = 0
        try:
            try:
                async for chunk in chunks:  # the stream's own errors propagate as they are
                    if chunk:
                        await _disk(key, handle.write, chunk)
                        size += len(chunk)
                await _disk(key, _sync, handle)
            finally:
                handle.close()
            await _disk(key, os.replace, temporary, path)
        except BaseException:
            await asyncio.shield(asyncio.to_thread(temporary.unlink, True))
            raise
        return StoredObject(key=key, size=size)

    async def open_stream(self, key: str) -> AsyncIterator[bytes]:
        path = self.path_of(key)
        try:
            handle = await asyncio.to_thread(path.open, "rb")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as error:
            raise ObjectNotFound(key) from error
        except OSError as error:
            raise StorageError(f"cannot read {key!r}: {error.strerror or error}") from error
        try:
            while chunk := await asyncio.to_thread(handle.read, self.chunk_size):
                yield chunk
        finally:
            handle.close()

    async def delete(self, key: str) -> None:
        path = self.path_of(key)
        try:
            await asyncio.to_thread(_remove, path, self.root)
        except OSError as error:
            raise StorageError(f"cannot delete {key!r}: {error.strerror or error}") from error

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self.path_of(key).is_file)


async def _disk(key: str, operation: Callable[..., T], *args: Any) -> T:
    """A file operation in a worker thread; its OSError becomes a StorageError."""
    try:
        return await asyncio.to_thread(operation, *args)
    except OSError as error:
        raise StorageError(f"cannot write {key!r}: {error.strerror or error}") from error


def _create(path: Path) -> BinaryIO:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("xb")
    except FileNotFoundError:  # a delete removed the emptied directory meanwhile: once more
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("xb")


def _sync(handle: BinaryIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _remove(path: Path, root: Path) -> None:
    path.unlink(missing_ok=True)
    parent = path.parent
    while parent != root and parent.is_relative_to(root):
        try:
            parent.rmdir()
        except OSError:  # not empty (or already gone): stop there
            return
        parent = parent.parent
