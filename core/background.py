"""Work that goes on after the response: tutor replies, mail delivery, password-reset mail.

One place keeps the tasks alive (asyncio holds only weak references to them), logs what
fails, and lets shutdown and tests wait for them (`drain`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger("lingograph.background")

_running: set[asyncio.Task[Any]] = set()


def spawn(work: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
    """Run `work` in the background; its failure is logged, never raised to anyone."""
    task = asyncio.create_task(_logged(work, name), name=name)
    _running.add(task)
    task.add_done_callback(_running.discard)
    return task


async def _logged(work: Coroutine[Any, Any, Any], name: str) -> Any:
    try:
        return await work
    except Exception:
        log.exception("background work %s failed", name)
        return None


async def drain() -> None:
    """Wait until the background work of this process (including work it spawns) is done."""
    while _running:
        await asyncio.gather(*list(_running), return_exceptions=True)
