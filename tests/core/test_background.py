"""core.background: work after the response is kept alive, waited for, and its failures logged."""

from __future__ import annotations

import asyncio
import logging

import pytest

from core.background import drain, spawn


async def test_drain_waits_for_work_and_the_work_it_spawns() -> None:
    done: list[str] = []

    async def second() -> None:
        await asyncio.sleep(0.01)
        done.append("second")

    async def first() -> None:
        await asyncio.sleep(0.01)
        done.append("first")
        spawn(second(), name="second")

    spawn(first(), name="first")
    await drain()
    assert done == ["first", "second"]


async def test_failures_are_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    async def broken() -> None:
        raise RuntimeError("boom")

    with caplog.at_level(logging.ERROR, logger="lingograph.background"):
        spawn(broken(), name="broken-work")
        await drain()
    assert [r.getMessage() for r in caplog.records] == ["background work broken-work failed"]
