"""Events across processes: PostgreSQL LISTEN/NOTIFY, fanned out in memory.

`publish(topic, event)` sends a NOTIFY on one channel through the ORM's pool, so any
process (any uvicorn worker) can publish. Each process holds at most ONE dedicated asyncpg
connection that LISTENs on that channel; it is opened lazily by the first subscriber,
closed when the last one leaves, and re-opened when it drops. NOTIFYs sent while it is down
reach nobody, so once it listens again every subscriber gets a `{"type": "resync"}` event:
its cue to reload what it may have missed. Payloads are small —
an event type, ids, and at most a chunk of text — because NOTIFY payloads are limited to
8000 bytes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
from tortoise import connections

from core.db import credentials

CHANNEL = "lingograph_events"
RESYNC = "resync"  # the event each subscriber gets after the listener has reconnected
APPLICATION_NAME = "lingograph-events"
MAX_PAYLOAD_BYTES = 7900  # PostgreSQL refuses NOTIFY payloads of 8000 bytes or more
QUEUE_SIZE = 1000
PING_SECONDS = 15.0  # how often an idle listener checks that its connection is alive
RETRY_SECONDS = (0.05, 0.2, 1.0, 2.0, 5.0)

log = logging.getLogger("lingograph.pubsub")


def encode(topic: str, event: dict[str, Any]) -> str:
    payload = json.dumps({"topic": topic, **event}, separators=(",", ":"), ensure_ascii=False)
    if len(payload.encode()) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"event too large for NOTIFY ({len(payload.encode())} bytes)")
    return payload


async def publish(topic: str, event: dict[str, Any], conn: Any = None) -> None:
    """Deliver `event` to every subscriber of `topic` in every process. Given the
    transaction's connection `conn`, PostgreSQL delivers it when (and only if) the
    transaction commits."""
    client = conn if conn is not None else connections.get("default")
    await client.execute_query("SELECT pg_notify($1, $2)", [CHANNEL, encode(topic, event)])


class PubSub:
    """The per-process listener and its in-memory subscribers, by topic."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.generation = 0  # increments each time a listening connection is established
        self._queues: dict[str, set[asyncio.Queue[dict[str, Any]]]] = {}
        self._task: asyncio.Task[None] | None = None
        self._conn: asyncpg.Connection | None = None
        self._ready = asyncio.Event()
        self._changed = asyncio.Condition()
        self._lock = asyncio.Lock()

    def subscriber_count(self, topic: str) -> int:
        return len(self._queues.get(topic, ()))

    def delivering_to(self, topic: str) -> bool:
        """Whether an event of `topic` published now reaches a subscriber: one is registered
        and the listener is LISTENing (a first subscriber registers before it is)."""
        return self.listening and self.subscriber_count(topic) >= 1

    @property
    def listening(self) -> bool:
        return self._ready.is_set()

    @property
    def backend_pid(self) -> int | None:
        return self._conn.get_server_pid() if self._conn is not None else None

    @contextlib.asynccontextmanager
    async def subscribe(self, topic: str) -> AsyncIterator[asyncio.Queue[dict[str, Any]]]:
        """A queue receiving the events of `topic` while the context is open.

        On entry the listener is running, so events published afterwards are delivered.
        """
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=QUEUE_SIZE)
        self._queues.setdefault(topic, set()).add(queue)
        try:
            await self._start()
            await self._ready.wait()
            await self._notify_changed()
            yield queue
        finally:
            subscribers = self._queues.get(topic)
            if subscribers is not None:
                subscribers.discard(queue)
                if not subscribers:
                    del self._queues[topic]
            if not self._queues:
                await self._stop()
            await self._notify_changed()

    async def wait_for(self, predicate: Any) -> None:
        """Wait until `predicate(self)` holds (subscriber counts, reconnection...)."""
        async with self._changed:
            await self._changed.wait_for(lambda: predicate(self))

    async def _notify_changed(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _start(self) -> None:
        async with self._lock:
            if self._task is None or self._task.done():
                self._task = asyncio.create_task(self._run(), name="pubsub-listener")

    async def _stop(self) -> None:
        async with self._lock:
            task, self._task = self._task, None
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    def _dispatch(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        try:
            event = json.loads(payload)
        except ValueError:
            log.warning("ignoring malformed event payload %r", payload[:80])
            return
        for queue in list(self._queues.get(event.get("topic", ""), ())):
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:
                log.warning("subscriber too slow, dropping an event of %s", event.get("topic"))

    def _announce_gap(self) -> None:
        for topic, queues in list(self._queues.items()):
            for queue in list(queues):
                with contextlib.suppress(asyncio.QueueFull):  # already dropping: too slow
                    queue.put_nowait({"topic": topic, "type": RESYNC})

    async def _run(self) -> None:
        """Keep one listening connection open, reconnecting when it drops."""
        failures = 0
        listened = False  # once it has listened, a new connection means a gap to announce
        try:
            while True:
                try:
                    generation = self.generation
                    await self._listen_once(announce_gap=listened)
                    failures = 0
                except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
                    log.warning("event listener connection failed: %s", error)
                    failures += 1
                listened = listened or self.generation > generation
                self._ready.clear()
                await self._notify_changed()  # not listening now (wait_for can see it)
                await asyncio.sleep(RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)])
        finally:
            self._ready.clear()
            await self._close()

    async def _listen_once(self, announce_gap: bool) -> None:
        lost = asyncio.Event()
        # Named after the process, so operators (and tests) can see which worker listens.
        conn = await asyncpg.connect(
            **credentials(self.url),
            server_settings={"application_name": f"{APPLICATION_NAME}-{os.getpid()}"},
        )
        self._conn = conn
        try:
            conn.add_termination_listener(lambda _c: lost.set())
            await conn.add_listener(CHANNEL, self._dispatch)
            self.generation += 1
            self._ready.set()
            if announce_gap:
                self._announce_gap()
            await self._notify_changed()
            while not lost.is_set():
                try:
                    await asyncio.wait_for(lost.wait(), timeout=PING_SECONDS)
                except TimeoutError:
                    await asyncio.wait_for(conn.fetchval("SELECT 1"), timeout=5)
            log.warning("event listener connection lost; reconnecting")
        finally:
            self._ready.clear()
            await self._close()

    async def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None and not conn.is_closed():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.close(), timeout=2)
            if not conn.is_closed():
                conn.terminate()


_instances: dict[str, PubSub] = {}


def get_pubsub(url: str) -> PubSub:
    """This process's PubSub for the database at `url`."""
    instance = _instances.get(url)
    if instance is None:
        instance = _instances[url] = PubSub(url)
    return instance
