"""Apps built with other settings than the session server's, for the HTTP-layer tests.

They share the ORM the session `server` fixture opened (same process and event loop), so
tests using them depend on `server`; their own lifespan is never run (it would re-initialise
the ORM under the running server).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.routing import Route, WebSocketRoute

from app.http import GraphQLApp
from core.settings import Settings
from main import create_app

JSON_BODY = {"content-type": "application/json"}
GRAPHQL_RESPONSE = {
    "content-type": "application/json",
    "accept": "application/graphql-response+json",
}


def variant(settings: Settings, **changes: Any) -> Settings:
    return dataclasses.replace(settings, **changes)


@contextlib.asynccontextmanager
async def app_client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client calling the ASGI app in-process."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@contextlib.asynccontextmanager
async def client_for(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(create_app(settings)) as client:
        yield client


def graphql_only_app(schema: Any, settings: Settings) -> Starlette:
    """A Starlette app serving just `schema` at /graphql (for test-only schemas)."""
    view = GraphQLApp(schema, settings)
    return Starlette(
        routes=[
            Route("/graphql", view, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", view),
        ]
    )
