"""Connections (app/serving.py), over raw sockets against uvicorn with the app's options:
request headers must arrive within HEADER_TIMEOUT_SECONDS (a silent connection is closed, a
half-sent or trickled request gets 408 and is closed) while keep-alive requests, slow but
timely clients, slow bodies and WebSockets are served; shutdown drains requests in flight
within SHUTDOWN_GRACE_SECONDS. Both uvicorn HTTP implementations are checked."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlparse

import pytest
import pytest_asyncio
import websockets
from websockets.typing import Subprotocol

from app.serving import http_protocol, uvicorn_options
from core.settings import Settings
from main import create_app
from tests.http_helpers import variant
from tests.servers import serve

TIMEOUT = 0.3  # the header deadline in these tests, seconds
GUARD = 5.0  # a bound against a hung test, not a timing assertion
BODY = b'{"query": "{ __typename }"}'
IMPLEMENTATIONS = ["httptools", "h11"]


def request(body: bytes = BODY, close: bool = False) -> bytes:
    head = (
        "POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
    )
    if close:
        head += "Connection: close\r\n"
    return head.encode() + b"\r\n" + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    async with asyncio.timeout(GUARD):
        status_line = await reader.readline()
        assert status_line, "connection closed without an answer"
        headers: dict[str, str] = {}
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            headers[name.strip().lower()] = value.strip()
        body = await reader.readexactly(int(headers.get("content-length", "0")))
    return int(status_line.split()[1]), headers, body


async def closed_after(reader: asyncio.StreamReader) -> tuple[bytes, float]:
    """Everything the server sends until it closes the connection, and when it closed."""
    started = time.monotonic()
    async with asyncio.timeout(GUARD):
        received = await reader.read()
    return received, time.monotonic() - started


def assert_typename(answer: tuple[int, dict[str, str], bytes]) -> None:
    status, _, body = answer
    assert (status, json.loads(body)) == (200, {"data": {"__typename": "Query"}})


@pytest_asyncio.fixture(scope="module", loop_scope="session", params=IMPLEMENTATIONS)
async def address(
    request: pytest.FixtureRequest, server: str, settings: Settings
) -> AsyncIterator[tuple[str, int]]:
    """The app served with `uvicorn_options` and a short header deadline, with each uvicorn
    HTTP implementation (the session `server` opened the ORM it uses)."""
    options = uvicorn_options(variant(settings, header_timeout_seconds=TIMEOUT))
    options["http"] = http_protocol(TIMEOUT, request.param)
    async with serve(create_app(settings), **options) as base:
        parsed = urlparse(base)
        assert parsed.hostname and parsed.port
        yield parsed.hostname, parsed.port


@pytest_asyncio.fixture(loop_scope="session")
async def connection(
    address: tuple[str, int],
) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    reader, writer = await asyncio.open_connection(*address)
    try:
        yield reader, writer
    finally:
        writer.close()


Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def test_half_a_request_line_gets_408_and_the_connection_closes(
    connection: Connection,
) -> None:
    reader, writer = connection
    writer.write(b"POST /graph")
    received, after = await closed_after(reader)
    assert received.startswith(b"HTTP/1.1 408 "), received
    assert b"connection: close" in received.lower()
    assert TIMEOUT * 0.8 < after < TIMEOUT + 2.0


async def test_unfinished_headers_get_408(connection: Connection) -> None:
    reader, writer = connection
    writer.write(b"POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: appl")
    received, after = await closed_after(reader)
    assert received.startswith(b"HTTP/1.1 408 "), received
    assert after < TIMEOUT + 2.0


async def test_a_silent_connection_is_closed_without_an_answer(connection: Connection) -> None:
    reader, _ = connection
    received, after = await closed_after(reader)
    assert received == b""
    assert TIMEOUT * 0.8 < after < TIMEOUT + 2.0


async def test_headers_trickled_byte_by_byte_are_cut_off(connection: Connection) -> None:
    """Slowloris: bytes keep coming, so only a deadline on the whole header section helps."""
    reader, writer = connection
    started = time.monotonic()
    endless = b"POST /graphql HTTP/1.1\r\nX-Pad: " + b"a" * 1000

    async def answer_or_reset() -> bytes:
        # A byte sent just after the server closed is answered with a reset, which may
        # discard the 408 before it is read: either way the connection was cut off.
        try:
            return (await closed_after(reader))[0]
        except ConnectionResetError:
            return b"(reset)"

    answer = asyncio.create_task(answer_or_reset())
    for byte in endless:  # until the server closes the connection
        if answer.done():
            break
        writer.write(bytes([byte]))
        await asyncio.sleep(0.02)
    received = await answer
    assert received.startswith((b"HTTP/1.1 408 ", b"(reset)")), received
    assert TIMEOUT * 0.8 < time.monotonic() - started < TIMEOUT + 2.0


async def test_keep_alive_requests_are_served_and_each_gets_its_own_deadline(
    connection: Connection,
) -> None:
    reader, writer = connection
    for _ in range(2):
        writer.write(request())
        assert_typename(await read_response(reader))
    # Idle longer than the header deadline (the idle keep-alive timeout, 5 s, applies), then
    # a request whose headers take most of a deadline: the deadline starts at its first byte.
    await asyncio.sleep(TIMEOUT * 1.5)
    data = request()
    writer.write(data[:10])
    await asyncio.sleep(TIMEOUT * 0.5)
    writer.write(data[10:])
    assert_typename(await read_response(reader))


async def test_a_slow_client_sending_its_headers_in_time_is_served(
    connection: Connection,
) -> None:
    reader, writer = connection
    data = request(close=True)
    pieces = [data[i : i + 12] for i in range(0, len(data), 12)]
    pause = TIMEOUT * 0.6 / len(pieces)
    for piece in pieces:
        writer.write(piece)
        await asyncio.sleep(pause)
    assert_typename(await read_response(reader))


async def test_a_slow_body_is_not_bounded_by_the_header_deadline(connection: Connection) -> None:
    reader, writer = connection
    data = request()
    head_end = data.index(b"\r\n\r\n") + 4
    writer.write(data[:head_end])
    await asyncio.sleep(TIMEOUT * 2)
    writer.write(data[head_end:])
    assert_typename(await read_response(reader))


async def test_pipelined_requests_are_served(connection: Connection) -> None:
    reader, writer = connection
    writer.write(request() + request())
    assert_typename(await read_response(reader))
    assert_typename(await read_response(reader))


async def test_a_websocket_outlives_the_header_deadline(address: tuple[str, int]) -> None:
    host, port = address
    url = f"ws://{host}:{port}/graphql"
    protocol = [Subprotocol("graphql-transport-ws")]
    async with websockets.connect(url, subprotocols=protocol) as socket:
        await socket.send(json.dumps({"type": "connection_init", "payload": {}}))
        async with asyncio.timeout(GUARD):
            assert json.loads(await socket.recv()) == {"type": "connection_ack"}
            await asyncio.sleep(TIMEOUT * 2)
            await socket.send(json.dumps({"type": "ping"}))
            assert json.loads(await socket.recv()) == {"type": "pong"}


# --- graceful shutdown -----------------------------------------------------------------------


async def slow_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Answers after `?seconds` (a stand-in for a slow request in flight)."""
    assert scope["type"] == "http"
    await asyncio.sleep(float(scope["query_string"].decode().partition("=")[2] or 0))
    headers = [(b"content-length", b"4")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"done"})


async def test_shutdown_lets_requests_in_flight_finish(settings: Settings) -> None:
    options = uvicorn_options(variant(settings, shutdown_grace_seconds=5.0))
    async with serve(slow_app, **options) as base:
        parsed = urlparse(base)
        reader, writer = await asyncio.open_connection(parsed.hostname, parsed.port)
        writer.write(b"GET /?seconds=0.5 HTTP/1.1\r\nHost: test\r\n\r\n")
        await asyncio.sleep(0.1)  # in flight when the block ends and the server shuts down
    status, headers, body = await read_response(reader)
    assert (status, body, headers.get("connection")) == (200, b"done", "close")
    writer.close()


async def test_shutdown_cancels_what_outlasts_the_grace_period(settings: Settings) -> None:
    options = uvicorn_options(variant(settings, shutdown_grace_seconds=0.3))
    started = time.monotonic()
    async with serve(slow_app, **options) as base:
        parsed = urlparse(base)
        reader, writer = await asyncio.open_connection(parsed.hostname, parsed.port)
        writer.write(b"GET /?seconds=30 HTTP/1.1\r\nHost: test\r\n\r\n")
        await asyncio.sleep(0.1)
    assert time.monotonic() - started < 3.0
    received, _ = await closed_after(reader)
    assert b"done" not in received
    writer.close()
