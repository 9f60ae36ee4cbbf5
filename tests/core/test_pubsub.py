"""LISTEN/NOTIFY pub/sub: fan-out by topic, lazy start and stop, payload limit, and
reconnection after the listening connection is killed."""

from __future__ import annotations

import asyncio

import pytest
from tortoise import connections

from core.pubsub import MAX_PAYLOAD_BYTES, encode, get_pubsub, publish


async def _get(queue: asyncio.Queue) -> dict:
    async with asyncio.timeout(10):
        return await queue.get()


async def test_events_fan_out_to_the_subscribers_of_their_topic(
    server: str, database_url: str
) -> None:
    pubsub = get_pubsub(database_url)
    async with (
        pubsub.subscribe("fan:a") as first,
        pubsub.subscribe("fan:a") as second,
        pubsub.subscribe("fan:b") as other,
    ):
        assert pubsub.listening and pubsub.subscriber_count("fan:a") == 2
        await publish("fan:a", {"type": "chunk", "text": "héllo"})
        await publish("fan:b", {"type": "status", "id": "b"})
        expected = {"topic": "fan:a", "type": "chunk", "text": "héllo"}
        assert await _get(first) == expected
        assert await _get(second) == expected
        assert await _get(other) == {"topic": "fan:b", "type": "status", "id": "b"}
        assert first.empty() and second.empty()
    # The listener closes with its last subscriber and opens again with the next one.
    assert not pubsub.listening and pubsub.backend_pid is None
    async with pubsub.subscribe("fan:a") as again:
        await publish("fan:a", {"type": "x"})
        assert await _get(again) == {"topic": "fan:a", "type": "x"}


def test_payloads_over_the_notify_limit_are_refused() -> None:
    assert len(encode("t", {"text": "a" * 7000}).encode()) <= MAX_PAYLOAD_BYTES
    with pytest.raises(ValueError):
        encode("t", {"text": "é" * 4000})  # 8000 bytes in UTF-8


async def test_listener_reconnects_after_its_connection_is_killed(
    server: str, database_url: str
) -> None:
    pubsub = get_pubsub(database_url)
    async with pubsub.subscribe("reconnect") as queue:
        generation, pid = pubsub.generation, pubsub.backend_pid
        assert pid is not None
        await connections.get("default").execute_query("SELECT pg_terminate_backend($1)", [pid])
        async with asyncio.timeout(10):
            await pubsub.wait_for(lambda p: p.generation > generation and p.listening)
        assert pubsub.backend_pid not in (None, pid)
        # Events sent during the gap reached nobody: the subscriber is told to catch up.
        assert await _get(queue) == {"topic": "reconnect", "type": "resync"}
        await publish("reconnect", {"type": "after"})
        assert await _get(queue) == {"topic": "reconnect", "type": "after"}
