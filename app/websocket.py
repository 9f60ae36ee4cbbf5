"""GraphQL over WebSocket: both protocols run queries, mutations and subscriptions, and every
operation starts with empty DataLoader caches (a connection lives long; data changes)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, cast

from graphql import GraphQLFormattedError
from strawberry.schema.base import BaseSchema
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ErrorMessage as TransportErrorMessage,
)
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.subscriptions.protocols.graphql_ws.types import ErrorMessage as LegacyErrorMessage

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


# Operations (subscriptions, and queries or mutations in flight) each signed-in user has
# open in this process, over all their connections: `MAX_WS_OPERATIONS_PER_USER` bounds them
# (Strawberry already bounds each connection).
_open_by_user: dict[Any, int] = {}
LIMIT_ERROR: GraphQLFormattedError = {
    "message": "Too many subscriptions open for this user.",
    "extensions": {"code": "SUBSCRIPTION_LIMIT"},
}


def _user_key(context: Any) -> Any:
    viewer = getattr(context, "viewer", None)
    return viewer.id if viewer is not None else None


def _over_user_limit(context: Any) -> bool:
    key = _user_key(context)
    limit = context.settings.max_ws_operations_per_user if isinstance(context, Context) else 0
    return key is not None and limit > 0 and _open_by_user.get(key, 0) >= limit


def _count_while_running(context: Any, task: asyncio.Task[Any] | None) -> None:
    """Counts the operation's task against its user until it ends, however it ends."""
    key = _user_key(context)
    if key is None or task is None:
        return
    _open_by_user[key] = _open_by_user.get(key, 0) + 1

    def release(_: asyncio.Task[Any]) -> None:
        left = _open_by_user.get(key, 1) - 1
        if left > 0:
            _open_by_user[key] = left
        else:
            _open_by_user.pop(key, None)

    task.add_done_callback(release)


def open_operations(user_id: Any) -> int:
    return _open_by_user.get(user_id, 0)


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, object]):
    async def handle_subscribe(self, message: Any) -> None:
        _fresh_loaders(self.context)
        if self.connection_acknowledged and _over_user_limit(self.context):
            await self.send_message(
                TransportErrorMessage(id=message["id"], type="error", payload=[LIMIT_ERROR])
            )
            return
        await super().handle_subscribe(message)
        operation = self.operations.get(message["id"])
        _count_while_running(self.context, operation.task if operation else None)


class LegacyWSHandler(BaseGraphQLWSHandler[Context, object]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The proxy is the schema for the handler: `__getattr__` forwards all but `subscribe`.
        self.schema = cast(BaseSchema, _AnyOperation(self.schema))

    async def handle_start(self, message: Any) -> None:
        _fresh_loaders(self.context)
        if self.connection_acknowledged and _over_user_limit(self.context):
            await self.send_message(
                LegacyErrorMessage(type="error", id=message["id"], payload=LIMIT_ERROR)
            )
            return
        await super().handle_start(message)
        _count_while_running(self.context, self.tasks.get(message["id"]))
