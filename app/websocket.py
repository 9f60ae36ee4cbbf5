"""GraphQL over WebSocket: both protocols run queries, mutations and subscriptions, and every
operation starts with empty DataLoader caches (a connection lives long; data changes).

A signed-in connection lives longer than its token may: `SessionWatch` closes it (4403,
"Forbidden", after cancelling its operations) once its token stops authenticating, in
every process. When every token of a user is revoked at once (an admin deactivating them),
the revoking transaction publishes a sessions-ended event through core/pubsub.py
(resolvers/identity/events.py); each process's watch listens on that topic while it holds
signed-in connections and then checks that user's connections' tokens against the database
(`auth.live_token_ids`, one statement). The database decides, not the event: an event is
only a cue to look. NOTIFYs that reached nobody are covered too: every connection is
checked once it is registered with a listening watch, and all of them again after the
listener reconnects (pub/sub's `resync`). Checking tokens on each subscription event instead
would leave quiet subscriptions open, and cost a statement per event.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, cast

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

from core.pubsub import RESYNC, PubSub
from engine.context import Context
from resolvers.identity.auth import live_token_ids
from resolvers.identity.events import SESSIONS_TOPIC, ended_user

log = logging.getLogger("lingograph.websocket")


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


class _Watched(Protocol):
    """A connection `SessionWatch` can end: either protocol's handler."""

    context: Any

    async def end_session(self) -> None: ...


class SessionWatch:
    """This process's signed-in connections by user, for one database's pub/sub, and the
    task that listens for ended sessions while there are any (see the module's docstring)."""

    def __init__(self, pubsub: PubSub) -> None:
        self.pubsub = pubsub
        self._by_user: dict[Any, set[_Watched]] = {}
        self._task: asyncio.Task[None] | None = None
        self._listening: asyncio.Task[None] | None = None  # the task LISTENing now

    @property
    def listening(self) -> bool:
        return self._task is not None and self._listening is self._task

    def connections(self, user_id: Any = None) -> list[_Watched]:
        if user_id is not None:
            return list(self._by_user.get(user_id, ()))
        return [conn for conns in self._by_user.values() for conn in conns]

    async def add(self, conn: _Watched) -> None:
        self._by_user.setdefault(conn.context.viewer.id, set()).add(conn)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._watch(), name="ws-session-watch")
        elif self.listening:  # else the watch checks every connection once it listens
            await self._check([conn])

    def discard(self, conn: _Watched) -> None:
        user_id = conn.context.viewer.id
        conns = self._by_user.get(user_id)
        if conns is None or conn not in conns:
            return
        conns.discard(conn)
        if not conns:
            del self._by_user[user_id]
        if not self._by_user and self._task is not None:
            self._task.cancel()  # its pub/sub subscription ends with it
            self._task = None

    async def _watch(self) -> None:
        me = asyncio.current_task()
        try:
            async with self.pubsub.subscribe(SESSIONS_TOPIC) as queue:
                self._listening = cast("asyncio.Task[None]", me)
                await self._check(self.connections())
                while True:
                    event = await queue.get()
                    if event.get("type") == RESYNC:  # events may have been missed
                        await self._check(self.connections())
                    elif (user_id := ended_user(event)) is not None:
                        await self._check(self.connections(user_id))
        finally:
            if self._listening is me:
                self._listening = None

    async def _check(self, conns: Iterable[_Watched]) -> None:
        """End the connections whose token no longer authenticates."""
        conns = list(conns)
        if not conns:
            return
        try:
            live = await live_token_ids({conn.context.token.id for conn in conns})
        except Exception:  # the database is away: the listener drops too, its resync checks
            log.warning("could not check the tokens of %d connections", len(conns), exc_info=True)
            return
        ended = [conn for conn in conns if conn.context.token.id not in live]
        await asyncio.gather(*(conn.end_session() for conn in ended), return_exceptions=True)


_watches: dict[PubSub, SessionWatch] = {}


def _signed_in(handler: Any) -> bool:
    context = handler.context
    return (
        handler.connection_acknowledged
        and isinstance(context, Context)
        and context.viewer is not None
        and context.token is not None
    )


async def _register(handler: _Watched) -> None:
    if _signed_in(handler):
        pubsub = handler.context.services.pubsub()
        watch = _watches.get(pubsub)
        if watch is None:
            watch = _watches[pubsub] = SessionWatch(pubsub)
        await watch.add(handler)


def _forget(handler: _Watched) -> None:
    if _signed_in(handler):
        for watch in list(_watches.values()):
            watch.discard(handler)


def watched_sessions(user_id: Any) -> int:
    """How many of the user's connections this process watches, with a listening watch."""
    return sum(len(w.connections(user_id)) for w in _watches.values() if w.listening)


async def _close_forbidden(handler: Any, tasks: list[asyncio.Task[Any]]) -> None:
    """After the operations' tasks were cancelled: wait for them (so nothing is sent after
    the close frame), then close the socket as a rejected token does."""
    if tasks:
        await asyncio.wait(tasks, timeout=5)
    with contextlib.suppress(Exception):  # the client may have gone already
        await handler.websocket.close(code=4403, reason="Forbidden")


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, object]):
    session_ended = False

    async def handle(self) -> None:
        try:
            await super().handle()
        finally:
            _forget(self)

    async def handle_connection_init(self, message: Any) -> None:
        await super().handle_connection_init(message)
        await _register(self)

    async def end_session(self) -> None:
        """The token stopped authenticating: cancel every operation, close with 4403."""
        self.session_ended = True
        tasks = [op.task for op in self.operations.values() if op.task is not None]
        for operation_id in list(self.operations):
            await self.cleanup_operation(operation_id)
        await _close_forbidden(self, tasks)

    async def handle_subscribe(self, message: Any) -> None:
        if self.session_ended:  # closing: sent before the client saw the close frame
            return
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
    session_ended = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The proxy is the schema for the handler: `__getattr__` forwards all but `subscribe`.
        self.schema = cast(BaseSchema, _AnyOperation(self.schema))

    async def handle(self) -> None:
        try:
            await super().handle()
        finally:
            _forget(self)

    async def handle_connection_init(self, message: Any) -> None:
        await super().handle_connection_init(message)
        await _register(self)

    async def end_session(self) -> None:
        """The token stopped authenticating: stop every operation, close with 4403 (the
        protocol has no message for it; the code is graphql-transport-ws's)."""
        self.session_ended = True
        if self.keep_alive_task is not None:
            self.keep_alive_task.cancel()  # `handle` awaits it as the connection ends
        tasks = list(self.tasks.values())
        for operation_id in list(self.tasks):
            await self.cleanup_operation(operation_id)
        await _close_forbidden(self, tasks)

    async def handle_start(self, message: Any) -> None:
        if self.session_ended:  # closing: sent before the client saw the close frame
            return
        _fresh_loaders(self.context)
        if self.connection_acknowledged and _over_user_limit(self.context):
            await self.send_message(
                LegacyErrorMessage(type="error", id=message["id"], payload=LIMIT_ERROR)
            )
            return
        await super().handle_start(message)
        _count_while_running(self.context, self.tasks.get(message["id"]))
