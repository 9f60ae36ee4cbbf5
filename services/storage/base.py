"""The storage interface for media files, and the keys it accepts.

A backend stores opaque byte streams under keys: `put_stream` consumes an async iterator of
chunks (never the whole file at once) and replaces any object under the key only once the
stream has ended, so a reader sees the old object or the new one, never half of one; when the
stream or the store fails, nothing is left behind and the stream's own exception propagates
(store failures become `StorageError`). `open_stream` yields the object's bytes in chunks and
raises `ObjectNotFound` when first iterated if there is none (close it early with
`contextlib.aclosing`). `delete` is idempotent; `exists` tells whether an object is there.

Keys are relative paths of segments joined by "/": each segment 1-255 characters of ASCII
letters, digits, ".", "_" and "-", starting with a letter or a digit (so no "..", no hidden
names, no absolute paths or back-slashes), at most 512 characters in all. Every backend
refuses any other key with `InvalidKey` before touching the store.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

MAX_KEY_LENGTH = 512
_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,254}")
CHUNK_SIZE = 256 * 1024  # bytes read at a time


class StorageError(Exception):
    """The store failed or refused the operation (unreachable, denied, disk full...)."""


class InvalidKey(StorageError, ValueError):
    """A key outside the rules above (e.g. a path escaping the store)."""


class ObjectNotFound(StorageError):
    """No object under the key."""

    def __init__(self, key: str) -> None:
        super().__init__(f"no stored object {key!r}")
        self.key = key


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int  # bytes


def validate_key(key: str) -> str:
    if not isinstance(key, str) or not 0 < len(key) <= MAX_KEY_LENGTH:
        raise InvalidKey(f"invalid storage key {key!r}")
    if not all(_SEGMENT.fullmatch(segment) for segment in key.split("/")):
        raise InvalidKey(f"invalid storage key {key!r}")
    return key


@runtime_checkable
class Storage(Protocol):
    name: str

    async def put_stream(
        self, key: str, chunks: AsyncIterator[bytes], content_type: str
    ) -> StoredObject:
        """Store the chunks under `key` (replacing what was there) and return its size."""
        ...

    def open_stream(self, key: str) -> AsyncIterator[bytes]:
        """The object's bytes in chunks; raises ObjectNotFound when iterated if missing."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the object; nothing happens when there is none."""
        ...

    async def exists(self, key: str) -> bool: ...
