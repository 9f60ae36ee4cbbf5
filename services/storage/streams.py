"""Helpers for byte streams on their way to storage: read an upload in chunks, bound its size
while it streams, and look at its first bytes (to check its type) without consuming them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

from services.storage.base import CHUNK_SIZE


class StreamTooLarge(Exception):
    """More bytes than allowed arrived; raised as soon as the limit is passed."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the stream is larger than {limit} bytes")
        self.limit = limit


async def read_chunks(
    read: Callable[[int], Awaitable[bytes]], chunk_size: int = CHUNK_SIZE
) -> AsyncIterator[bytes]:
    """The chunks of an async `read(size)` (an uploaded file's) until it returns nothing."""
    while chunk := await read(chunk_size):
        yield chunk


async def limit_size(chunks: AsyncIterator[bytes], max_bytes: int) -> AsyncIterator[bytes]:
    """The same chunks, raising StreamTooLarge once more than `max_bytes` have passed."""
    total = 0
    async for chunk in chunks:
        total += len(chunk)
        if total > max_bytes:
            raise StreamTooLarge(max_bytes)
        yield chunk


async def peek(chunks: AsyncIterator[bytes], size: int) -> tuple[bytes, AsyncIterator[bytes]]:
    """The stream's first `size` bytes (fewer if it is shorter) and the whole stream again."""
    buffered: list[bytes] = []
    held = 0
    while held < size:
        chunk = await anext(chunks, None)
        if chunk is None:
            break
        buffered.append(chunk)
        held += len(chunk)
    head = b"".join(buffered)[:size]

    async def replay() -> AsyncIterator[bytes]:
        for chunk in buffered:
            yield chunk
        async for chunk in chunks:
            yield chunk

    return head, replay()
