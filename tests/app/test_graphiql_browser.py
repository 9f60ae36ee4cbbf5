"""GraphiQL in a real browser: headless Chromium, driven over the DevTools protocol, opens the
page with every host but the test server unresolvable (as on a machine without internet),
types a bearer token into the headers editor, runs a query and reads the result pane.

Skips with a reason where no Chromium is installed (`.ci/run` installs Debian's `chromium`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets

from app.graphiql import local_assets_available
from engine.ids import global_id
from schema.root import DOMAINS
from tests.factories.identity import signed_in

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
STARTUP_SECONDS = 60
WAIT_SECONDS = 60


def _browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


class Page:
    """The few DevTools-protocol calls the test needs, over one page's WebSocket."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.ids = itertools.count(1)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        message_id = next(self.ids)
        await self.socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:  # events arrive interleaved with replies; only the reply matters here
            message = json.loads(await self.socket.recv())
            if message.get("id") == message_id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message["result"]

    async def evaluate(self, expression: str) -> Any:
        result = await self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def wait_for(self, expression: str, what: str) -> Any:
        """Polls until the expression is truthy; fails with `what` and the page's text."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT_SECONDS
        while loop.time() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.2)
        text = await self.evaluate("document.body ? document.body.innerText.slice(0, 2000) : ''")
        raise AssertionError(f"timed out waiting for {what}; page text: {text!r}")


@contextlib.asynccontextmanager
async def chromium_page(binary: str, server: str) -> AsyncIterator[Page]:
    host = httpx.URL(server).host
    # Chromium's helper processes may still write to the profile for a moment after the
    # browser is killed; a leftover file must not fail the test.
    with tempfile.TemporaryDirectory(
        prefix="lingograph-chromium-", ignore_cleanup_errors=True
    ) as profile:
        process = await asyncio.create_subprocess_exec(
            binary,
            "--headless=new",
            "--no-sandbox",  # CI containers run as root
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            # No internet: every host but the test server fails to resolve, so a page that
            # still needed the CDN would not render.
            f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {host}",
            "about:blank",
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        try:
            port_file = Path(profile) / "DevToolsActivePort"
            loop = asyncio.get_running_loop()
            deadline = loop.time() + STARTUP_SECONDS
            while not (port_file.exists() and port_file.read_text().strip()):
                if process.returncode is not None or loop.time() > deadline:
                    raise AssertionError(f"{binary} did not start (exit {process.returncode})")
                await asyncio.sleep(0.1)
            port = int(port_file.read_text().split()[0])
            async with httpx.AsyncClient() as client:
                targets = (await client.get(f"http://127.0.0.1:{port}/json/list")).json()
            page_target = next(t for t in targets if t["type"] == "page")
            async with websockets.connect(
                page_target["webSocketDebuggerUrl"], max_size=None
            ) as socket:
                yield Page(socket)
        finally:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()


QUERY_EDITOR = "document.querySelector('.graphiql-query-editor .CodeMirror')"
# The headers editor is the visible one of the two editor tools (variables are hidden).
HEADERS_EDITOR = (
    "document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror')"
)
RESULT = "document.querySelector('.graphiql-response .CodeMirror')"


@pytest.mark.skipif(_browser() is None, reason="no Chromium installed (apt-get install chromium)")
async def test_graphiql_renders_offline_and_runs_a_query(server: str) -> None:
    user, token = await signed_in(display_name="Browser Tester")
    async with chromium_page(_browser() or "", server) as page:
        await page.call("Page.enable")
        await page.call("Page.navigate", url=f"{server}/graphql")
        await page.wait_for(f"{QUERY_EDITOR} !== null", "the GraphiQL query editor")

        # The example operations are preloaded as tabs, the Authorization header is editable.
        tabs = await page.evaluate(
            "[...document.querySelectorAll('.graphiql-tab')].map(t => t.innerText.trim())"
        )
        # The welcome tab and one per served domain.
        assert len(tabs) == 1 + len([name for d in DOMAINS for name in d.operations]), tabs
        headers = await page.evaluate(f"{HEADERS_EDITOR}.CodeMirror.getValue()")
        assert json.loads(headers) == {"Authorization": "Bearer "}

        headers_text = json.dumps({"Authorization": f"Bearer {token}"})
        await page.evaluate(f"{HEADERS_EDITOR}.CodeMirror.setValue({json.dumps(headers_text)})")
        # The welcome tab's `Me` query runs as it is preloaded.
        await page.evaluate("document.querySelector('.graphiql-execute-button').click()")
        text = await page.wait_for(
            f"{RESULT} && {RESULT}.CodeMirror.getValue().includes('displayName') "
            f"&& {RESULT}.CodeMirror.getValue()",
            "the query result",
        )
        me = {"id": global_id("User", user.id), "displayName": user.display_name}
        assert json.loads(text) == {"data": {"me": me}}

        # Nothing was fetched from anywhere but the app when the local assets are installed.
        resources = await page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
        if local_assets_available():
            assert resources, "no resources recorded"
            assert all(name.startswith(server) for name in resources), resources
