"""GraphQL over WebSocket: both protocols run queries, mutations and subscriptions, and every
operation starts with empty DataLoader caches (a connection lives long; data changes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from strawberry.schema.base import BaseSchema
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler

from engine.context import Context


@dataclass
class WsContext(Context):
    """Context of a WebSocket connection; `connection_params` come from connection_init."""

    connection_params: Any = None
    token_rejected: bool = False  # the handshake's Authorization header named a bad token


def _fresh_loaders(context: Any) -> None:
    if isinstance(context, Context):
        context.fresh_loaders()


class _AnyOperation:
    """The legacy graphql-ws handler runs every `start` through `schema.subscribe`, which
    refuses queries and mutations; `schema.stream` runs all three (one result, then complete,
    for queries and mutations), as graphql-transport-ws does."""

    def __init__(self, schema: Any) -> None:
        self._schema = schema

    def __getattr__(self, name: str) -> Any:
        return getattr(self._schema, name)

    async def subscribe(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any = None,
        root_value: Any = None,
        operation_name: str | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> Any:
        return await self._schema.stream(
            query,
            variable_values=variable_values,
            context_value=context_value,
            root_value=root_value,
            operation_name=operation_name,
            operation_extensions=operation_extensions,
        )


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, object]):
    async def handle_subscribe(self, message: Any) -> None:
        _fresh_loaders(self.context)
        await super().handle_subscribe(message)


class LegacyWSHandler(BaseGraphQLWSHandler[Context, object]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The proxy is the schema for the handler: `__getattr__` forwards all but `subscribe`.
        self.schema = cast(BaseSchema, _AnyOperation(self.schema))

    async def handle_start(self, message: Any) -> None:
        _fresh_loaders(self.context)
        await super().handle_start(message)
