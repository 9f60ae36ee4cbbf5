"""The client facts of the request being served, for whatever records who did what (the
audit log): the client's IP address (core/clients.py: the socket peer, or the address a
trusted proxy in `TRUSTED_PROXIES` forwarded), its user agent and the request id.

The HTTP and WebSocket layer (app/http.py `get_context`) sets `CLIENT` once per request
(a WebSocket: once per connection) in the task that then runs its operations, so every
resolver, use case and event subscriber of the request reads the same facts. Outside a
request (jobs, tools, tests calling use cases) it is `NO_CLIENT`: every fact unknown.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

USER_AGENT_MAX = 512


@dataclass(frozen=True)
class ClientFacts:
    ip_address: str | None = None
    user_agent: str | None = None
    request_id: str | None = None


NO_CLIENT = ClientFacts()
CLIENT: ContextVar[ClientFacts] = ContextVar("client", default=NO_CLIENT)


def client_facts(
    ip_address: str | None, user_agent: str | None, request_id: str | None
) -> ClientFacts:
    """The facts as stored: a user agent cut to `USER_AGENT_MAX` characters, empty as None."""
    agent = (user_agent or "").strip()[:USER_AGENT_MAX] or None
    return ClientFacts(ip_address=ip_address, user_agent=agent, request_id=request_id or None)


def current_client() -> ClientFacts:
    return CLIENT.get()
