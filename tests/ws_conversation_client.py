"""A minimal GraphQL-over-WebSocket test client speaking both subprotocols."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import websockets
from websockets.typing import Subprotocol

from tests.servers import free_port

ROOT = Path(__file__).resolve().parent.parent

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"


class WsClient:
    def __init__(self, socket: Any, protocol: str) -> None:
        self.socket = socket
        self.protocol = protocol

    @classmethod
    async def connect(cls, server: str, protocol: str, token: str | None = None) -> WsClient:
        url = server.replace("http://", "ws://") + "/graphql"
        socket = await websockets.connect(url, subprotocols=[Subprotocol(protocol)])
        client = cls(socket, protocol)
        payload = {"authorization": f"Bearer {token}"} if token else {}
        await client.send({"type": "connection_init", "payload": payload})
        return client

    async def send(self, message: dict[str, Any]) -> None:
        await self.socket.send(json.dumps(message))

    async def receive(self, timeout: float = 10.0) -> dict[str, Any]:  # noqa: ASYNC109
        """The next protocol message, skipping keep-alives."""
        while True:
            async with asyncio.timeout(timeout):
                message = json.loads(await self.socket.recv())
            if message.get("type") not in ("ka", "ping", "pong"):
                return message

    async def ack(self) -> dict[str, Any]:
        return await self.receive()

    async def subscribe(
        self, op_id: str, query: str, variables: dict[str, Any], operation_name: str | None = None
    ) -> None:
        kind = "subscribe" if self.protocol == TRANSPORT_WS else "start"
        payload = {"query": query, "variables": variables, "operationName": operation_name}
        await self.send({"id": op_id, "type": kind, "payload": payload})

    async def next_payload(
        self,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> tuple[str, Any]:
        """(type, payload) of the next operation message, `next`/`data` both as "next".

        The payload is JSON: an object for "next", a list of errors (graphql-transport-ws) or
        one error (graphql-ws) for "error", none for "complete".
        """
        message = await self.receive(timeout)
        kind = message["type"]
        if kind in ("next", "data"):
            return "next", message["payload"]
        return kind, message.get("payload")

    async def close(self) -> None:
        await self.socket.close()


@contextlib.asynccontextmanager
async def app_process(database_url: str, **env: str) -> AsyncIterator[tuple[str, int]]:
    """The app in another uvicorn process on the same database: (base URL, pid)."""
    port = free_port()
    environment = {**os.environ, "DATABASE_URL": database_url, "LOAD_DEMO_DATA": "0", **env}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "uvicorn", "main:create_app", "--factory", "--host", "127.0.0.1",
        "--port", str(port), "--log-level", "warning", cwd=ROOT, env=environment,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient() as client, asyncio.timeout(30):
            while True:
                assert process.returncode is None, "the second server exited"
                try:
                    if (await client.get(f"{url}/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
        yield url, process.pid
    finally:
        if process.returncode is None:  # a test may have killed it
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
        async with asyncio.timeout(10):
            await process.wait()
