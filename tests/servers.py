"""Serving an ASGI app on a free loopback port inside the test process."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from typing import Any

import uvicorn
from uvicorn.config import LifespanType

UVICORN_WS_MAX_SIZE = 16 * 1024 * 1024  # uvicorn's own default


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.asynccontextmanager
async def serve(
    app: Any,
    lifespan: LifespanType = "off",
    force_exit: bool = False,
    ws_max_size: int | None = None,
    **options: Any,
) -> AsyncIterator[str]:
    """Run `app` with uvicorn until the block ends; yields its base URL.

    `force_exit` drops open connections at the end (e.g. a stand-in still streaming);
    `ws_max_size` is the server's WebSocket message bound (main.server_options); other
    keyword arguments are more uvicorn options (e.g. app.serving.uvicorn_options).
    """
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan=lifespan,
        ws_max_size=ws_max_size if ws_max_size is not None else UVICORN_WS_MAX_SIZE,
        **options,
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        server.force_exit = force_exit
        await task
