"""`serve --workers N` gives each worker a listening socket of its own (SO_REUSEPORT,
app/workers.py): the kernel spreads a burst of connections over the workers' queues instead
of one worker accepting them all from a shared socket."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from pathlib import Path

import httpx

from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]


def _listening_sockets(port: int) -> int:
    """How many sockets LISTEN on 127.0.0.1:port (/proc/net/tcp: state 0A)."""
    wanted = f"0100007F:{port:04X}"
    lines = Path("/proc/net/tcp").read_text().splitlines()[1:]
    return sum(1 for line in lines if line.split()[1] == wanted and line.split()[3] == "0A")


async def test_each_worker_listens_on_its_own_socket(database_url: str, server: str) -> None:
    port = free_port()
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "LOAD_DEMO_DATA": "0",
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "main.py", "serve", "--workers", "2", cwd=ROOT, env=environment,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        async with asyncio.timeout(60):
            while _listening_sockets(port) < 2:
                assert process.returncode is None, "the server exited"
                await asyncio.sleep(0.2)
        assert _listening_sockets(port) == 2
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            answers = await asyncio.gather(*(client.get("/healthz") for _ in range(32)))
        assert {answer.status_code for answer in answers} == {200}
    finally:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
        async with asyncio.timeout(30):
            await process.wait()
