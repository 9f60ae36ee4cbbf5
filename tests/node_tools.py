"""Node-based test tools (the graphql-http audit, the JavaScript WebSocket clients): the
packages come from `npm ci` (package.json); tests using them skip with a reason without them."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLIENT_SCRIPT = ROOT / "tests" / "ws_js_client.mjs"
TIMEOUT = 30  # seconds for a whole client run: a guard against a hung test

Trigger = Callable[[asyncio.subprocess.Process], Awaitable[None]]


def node_skip_reason(*packages: str) -> str | None:
    """Why Node tests needing these npm packages cannot run here, or None when they can."""
    if shutil.which("node") is None:
        return "node is not installed (the JavaScript test clients run with Node)"
    missing = [
        name for name in packages if not (ROOT / "node_modules" / name / "package.json").exists()
    ]
    if missing:
        names = ", ".join(f"node_modules/{name}" for name in missing)
        return f"{names} missing: run `npm ci` (make does it when npm exists)"
    return None


def ws_client_skip_reason() -> str | None:
    """Why the JavaScript WebSocket clients (tests/ws_js_client.mjs) cannot run here."""
    return node_skip_reason("graphql-ws", "ws")


async def run_js_client(
    scenario_name: str, server: str, trigger: Trigger | None = None, **env: str
) -> dict[str, Any]:
    """Runs one scenario of the Node client against `server`; returns its JSON summary.
    `trigger` runs while the client does (e.g. sends the message the subscription awaits)."""
    url = server.replace("http://", "ws://") + "/graphql"
    process = await asyncio.create_subprocess_exec(
        "node",
        str(CLIENT_SCRIPT),
        scenario_name,
        url,
        cwd=ROOT,
        env={**os.environ, "TIMEOUT_MS": str((TIMEOUT - 5) * 1000), **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(TIMEOUT):
            if trigger is not None:
                await trigger(process)
            stdout, stderr = await process.communicate()
    except TimeoutError:
        process.kill()
        stdout, stderr = await process.communicate()
        pytest.fail(f"the Node client hung: stdout={stdout!r} stderr={stderr!r}")
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, (stdout.decode(), stderr.decode())
    return json.loads(stdout)
