"""The ASGI application: Starlette's, with the GraphQL endpoint's HTTP requests taken to it
by the shortest way.

Starlette passes every request through its error middleware, its exception middleware and
its router before the endpoint. The GraphQL endpoint needs none of them: it answers every
method itself and turns its own failures into answers (app/http.py). Those layers and CORS's
parsing of the headers cost 9 µs of the 47 µs of Python of a compiled `Lesson` read (the
hand-written baseline's whole request is 18 µs): a fast read's request waits on PostgreSQL
first, and on this next. So:

- HTTP requests for `/graphql` go through CORS alone, straight to the endpoint;
- CORS (`Cors`) is Starlette's, but a request without an Origin header (not a browser's
  cross-origin request: there is nothing to allow) costs it no parsing of the headers;
- everything else (WebSockets, GraphiQL, downloads, webhooks, the lifespan, a path under a
  root path) takes Starlette's way, as before.
"""

from __future__ import annotations

import functools
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.settings import Settings

GRAPHQL_PATH = "/graphql"
_NO_HEADERS = Headers()


class Cors(CORSMiddleware):
    """Starlette's CORS middleware; a request without an Origin header gets what it would
    give it (`Vary: Origin` on the answer, nothing else) without parsing the request's
    headers twice (ASGI servers give header names in lower case, as Starlette expects)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and all(name != b"origin" for name, _ in scope["headers"]):
            await self.app(scope, receive, functools.partial(self._send_without_origin, send))
            return
        await super().__call__(scope, receive, send)

    async def _send_without_origin(self, send: Send, message: Message) -> None:
        await self.send(message, send, _NO_HEADERS)


def cors_middleware(settings: Settings) -> Middleware:
    """CORS over HTTP for the same origins the WebSocket accepts (`ALLOWED_ORIGINS`): preflights
    are answered, allowed origins get `Access-Control-Allow-*` headers, others get none.
    Bearer tokens travel in a header, never in cookies, so credentials are not allowed."""
    return Middleware(
        Cors,
        allow_origins=settings.allowed_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["*"],
        expose_headers=["X-Request-Id"],
        max_age=600,
    )


class Application(Starlette):
    """Starlette with `cors` around every route, and HTTP requests for `/graphql` taken
    through `cors` to `graphql` directly (it is also routed, for WebSockets)."""

    def __init__(self, *, graphql: ASGIApp, cors: Middleware, **options: Any) -> None:
        super().__init__(middleware=[cors], **options)
        cls, args, kwargs = cors
        self._graphql_over_http = cls(graphql, *args, **kwargs)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == GRAPHQL_PATH:
            scope["app"] = self
            await self._graphql_over_http(scope, receive, send)
            return
        await super().__call__(scope, receive, send)
