"""A minimal GraphQL-over-WebSocket test client speaking both subprotocols."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"


class WsClient:
    def __init__(self, socket: Any, protocol: str) -> None:
        self.socket = socket
        self.protocol = protocol

    @classmethod
    async def connect(cls, server: str, protocol: str, token: str | None = None) -> WsClient:
        url = server.replace("http://", "ws://") + "/graphql"
        socket = await websockets.connect(url, subprotocols=[protocol])
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
    ) -> tuple[str, dict[str, Any] | None]:
        """(type, payload) of the next operation message, `next`/`data` both as "next"."""
        message = await self.receive(timeout)
        kind = message["type"]
        if kind in ("next", "data"):
            return "next", message["payload"]
        return kind, message.get("payload")

    async def close(self) -> None:
        await self.socket.close()
