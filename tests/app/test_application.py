"""HTTP requests for /graphql take a shorter way than Starlette's middleware and router
(app/application.py); each must be answered exactly as Starlette's way answers it: status,
headers (CORS and Vary included) and body, with and without an Origin header."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import Receive, Scope, Send

from app.application import Application
from core.settings import Settings
from main import create_app
from tests.factories.identity import signed_in
from tests.http_helpers import app_client, variant

APP = "https://app.example.com"
EVIL = "https://evil.example.com"
QUERY = "{ languages { code } }"
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x"}
BAD_TOKEN = {"Authorization": "Bearer not-a-token"}
VOLATILE = {"x-request-id", "content-length"}  # a fresh id per request; its length varies


def _starlettes_way(settings: Settings) -> Any:
    """The app as Starlette alone would serve it: every request through its middleware (its
    own CORS middleware, with the same options) and its router."""
    app = create_app(settings)
    _, args, options = app.user_middleware[0]
    app.user_middleware = [Middleware(CORSMiddleware, *args, **options)]

    async def call(scope: Scope, receive: Receive, send: Send) -> None:
        await Starlette.__call__(app, scope, receive, send)

    return call


async def _requests(client: httpx.AsyncClient, token: str) -> list[httpx.Response]:
    auth = {"Authorization": f"Bearer {token}"}
    answers = []
    for origin in (None, APP, EVIL):
        headers = {} if origin is None else {"Origin": origin}
        answers += [
            await client.post("/graphql", json={"query": QUERY}, headers=headers),
            await client.post("/graphql", json={"query": "{ me { id } }"}, headers=headers | auth),
            await client.get("/graphql", params={"query": QUERY}, headers=headers),
            await client.post("/graphql", content=b"{", headers=headers | {"Content-Type": "x"}),
            await client.post("/graphql", json={"query": "{"}, headers=headers),
            await client.put("/graphql", headers=headers),
            await client.options("/graphql", headers=headers | PREFLIGHT),
            await client.post("/graphql", json={"query": QUERY}, headers=headers | BAD_TOKEN),
        ]  # fmt: skip
    return answers


def _seen(response: httpx.Response) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [(k, v) for k, v in response.headers.multi_items() if k not in VOLATILE]
    return response.status_code, headers, response.content


@pytest.mark.parametrize("origins", [["*"], [APP]], ids=["any origin", "one origin"])
async def test_graphql_over_http_is_answered_as_starlettes_way_answers_it(
    server: str, settings: Settings, origins: list[str]
) -> None:
    _, token = await signed_in()
    app_settings = variant(settings, allowed_origins=origins)
    app = create_app(app_settings)
    assert isinstance(app, Application)
    async with app_client(app) as short, app_client(_starlettes_way(app_settings)) as usual:
        answers = await _requests(short, token)
        expected = await _requests(usual, token)
    assert [_seen(a) for a in answers] == [_seen(e) for e in expected]
    assert [a.status_code for a in answers[:8]] == [200, 200, 200, 415, 200, 405, 405, 200]


async def test_answers_without_an_origin_vary_on_it_last(http: httpx.AsyncClient) -> None:
    _, token = await signed_in()
    anonymous = await http.post("/graphql", json={"query": QUERY})
    signed = await http.post(
        "/graphql", json={"query": "{ me { id } }"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert anonymous.headers.get_list("vary") == ["Authorization, Origin"]
    assert signed.headers.get_list("vary") == ["Origin"]
