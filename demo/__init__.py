"""Demo data, loaded on an empty database by `make run`, in the domain registry's order."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from demo import assessment, catalog, classroom, conversation, identity, learning

# Keyed by domain name; main.py runs them in schema.root.DOMAINS order.
LOADERS: dict[str, Callable[[], Awaitable[None]]] = {
    "identity": identity.load,
    "catalog": catalog.load,
    "learning": learning.load,
    "conversation": conversation.load,
    "assessment": assessment.load,
    "classroom": classroom.load,
}
