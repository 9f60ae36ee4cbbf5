"""A stand-in OpenAI-compatible chat-completions server for tutor tests: it streams a fixed
reply, or misbehaves as `mode` says, and records the requests it received."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.servers import serve

PIECES = ["Hello", " there,", " nice to", " meet you!"]


class StandIn:
    """What the stand-in server does next (`mode`) and the requests it received."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.delay = 0.0  # seconds before an "ok" reply starts
        self.requests: list[dict[str, Any]] = []
        self.url = ""


def _sse(data: Any) -> str:
    return f"data: {json.dumps(data) if not isinstance(data, str) else data}\n\n"


def stand_in_app(state: StandIn) -> Starlette:
    async def completions(request: Request) -> Response:
        body = await request.json()
        state.requests.append({"body": body, "authorization": request.headers.get("authorization")})
        mode = state.mode
        if mode == "error":
            return JSONResponse({"error": {"message": "overloaded"}}, status_code=503)

        async def stream() -> AsyncIterator[str]:
            if mode == "slow":
                await asyncio.sleep(30)  # longer than any client timeout used here
            if mode == "malformed":
                yield _sse({"choices": [{"delta": {"role": "assistant"}}]})
                yield _sse("{not json")
                return
            if mode == "ok" and state.delay:
                await asyncio.sleep(state.delay)
            if mode != "empty":
                yield _sse({"choices": [{"delta": {"role": "assistant"}}]})
                for piece in PIECES:
                    yield _sse({"choices": [{"delta": {"content": piece}}]})
            yield _sse("[DONE]")

        return StreamingResponse(stream(), media_type="text/event-stream")

    return Starlette(routes=[Route("/v1/chat/completions", completions, methods=["POST"])])


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def stand_in() -> AsyncIterator[StandIn]:
    state = StandIn()
    # force_exit: "slow" streams may still be sleeping when the module ends.
    async with serve(stand_in_app(state), force_exit=True) as base_url:
        state.url = f"{base_url}/v1"
        yield state
