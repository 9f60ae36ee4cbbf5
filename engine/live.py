"""Subscriptions that follow one row's state (DESIGN: "job-driven subscriptions send the current
state first"): a study material being processed, a recording being transcribed.

`state_then_changes` subscribes to the row's pub/sub topic first and reads the row second, so a
change in between is sent rather than missed; it yields the row as it is, then again after each
change (a `resync` after the listener reconnected counts as one), never the same state twice
(by `updated_at`), and None once the row is gone or no longer readable — then it stops. Each
state is read fresh: no loader cache carries over between events.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from engine.context import AppInfo


async def state_then_changes(
    info: AppInfo, topic: str, load: Callable[[], Awaitable[Any]]
) -> AsyncIterator[Any]:
    """The row `load()` reads, first as it is, then after each change on `topic`."""
    async with info.context.services.pubsub().subscribe(topic) as queue:
        sent: Any = None
        while True:
            info.context.fresh_loaders()
            row = await load()
            if row is None:
                yield None
                return
            if row.updated_at != sent:
                sent = row.updated_at
                yield row
            await queue.get()  # a change, or a resync: read the state again
