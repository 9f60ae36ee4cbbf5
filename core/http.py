"""The GraphQL endpoint: context per request/connection, viewer from the bearer token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL

from core.context import Context
from core.settings import Settings
from resolvers.identity import authenticate


@dataclass
class WsContext(Context):
    """Context of a WebSocket connection; `connection_params` come from connection_init."""

    connection_params: Any = None


class GraphQLApp(GraphQL):
    def __init__(self, schema: Any, settings: Settings) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.graphiql else None,
            allow_queries_via_get=True,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL),
        )
        self.settings = settings

    def is_websocket_origin_allowed(self, request: Any) -> bool:
        origin = request.headers.get("origin")
        allowed = self.settings.allowed_origins
        return origin is None or "*" in allowed or origin in allowed

    async def get_context(self, request: Request | WebSocket, response: Any = None) -> Context:
        if isinstance(request, WebSocket):
            return WsContext(request=request, settings=self.settings)
        context = Context(request=request, settings=self.settings)
        authenticated = await authenticate(request.headers.get("authorization"))
        if authenticated is not None:
            context.viewer, context.token = authenticated
        return context

    async def on_ws_connect(self, context: Any) -> Any:
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        authorization = params.get("authorization") or params.get("Authorization")
        if authorization:
            authenticated = await authenticate(authorization)
            if authenticated is None:
                raise ConnectionRejectionError({"reason": "invalid or expired token"})
            context.viewer, context.token = authenticated
        return None

    async def render_graphql_ide(self, request: Request) -> Response:
        return await super().render_graphql_ide(request)
