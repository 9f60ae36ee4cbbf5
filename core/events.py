"""Domain events: the seam that audit, activity and review-card features listen on.

A use case calls `await emit(event, conn)` inside its transaction; every subscriber registered
for the event's type runs there, on the same connection, so what it writes commits or rolls
back with the change that caused it. Subscribers are registered once, at start-up, through
`subscribe` (main.create_app calls each domain's `register_subscribers`); registering the
same function twice has no effect. Events are frozen dataclasses defined by the domain that
emits them; a domain reacts to a lower one's event only through this seam.

(Refusals that must be audited although the change rolled back are emitted by the caller in
their own transaction.)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

EventT = TypeVar("EventT")
Subscriber = Callable[[Any, Any], Awaitable[None]]  # (event, connection)

_subscribers: dict[type, list[Subscriber]] = {}


def subscribe(
    event_type: type[EventT], subscriber: Callable[[EventT, Any], Awaitable[None]]
) -> None:
    registered = _subscribers.setdefault(event_type, [])
    if subscriber not in registered:
        registered.append(subscriber)


def subscribers(event_type: type) -> list[Subscriber]:
    return list(_subscribers.get(event_type, ()))


async def emit(event: object, conn: Any) -> None:
    """Run every subscriber of `type(event)`, in registration order, on `conn`."""
    for subscriber in _subscribers.get(type(event), ()):
        await subscriber(event, conn)
