"""The client address of a request: what per-address limits (log-in, mail) count against.

It is the socket peer, unless the peer is a trusted proxy (`TRUSTED_PROXIES`: addresses or
CIDR networks, comma-separated). Then `X-Forwarded-For` is read from the right: each proxy
appends the address it received the request from, so the right-most entry that is not
itself a trusted proxy is the first hop nobody trusted, the client. Entries further left
were written by that client and may be anything; a peer that is not trusted has its header
ignored altogether, so nobody can choose their address by sending one.

Addresses are normalized (`::ffff:192.0.2.1` is `192.0.2.1`; IPv6 in its compressed form).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network
from typing import Any

Address = IPv4Address | IPv6Address
Network = IPv4Network | IPv6Network


@functools.lru_cache(maxsize=8)
def trusted_networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    """`TRUSTED_PROXIES` entries as networks (a bare address is a /32 or /128).

    A malformed entry is a configuration error, reported at start-up by the first request
    rather than silently trusting nothing (or everything)."""
    return tuple(ip_network(entry.strip(), strict=False) for entry in proxies if entry.strip())


def parse_address(text: str) -> Address | None:
    """One address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`,
    `[2001:db8::1]:4711`, IPv4-mapped IPv6; None for anything else ("unknown", garbage)."""
    value = text.strip().strip('"')
    if value.startswith("["):  # [v6] or [v6]:port
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:  # v4:port (a bare v6 address has at least two colons)
        value = value.partition(":")[0]
    try:
        address = ip_address(value.partition("%")[0])  # no zone index: it names a local link
    except ValueError:
        return None
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_trusted(address: Address, networks: Sequence[Network]) -> bool:
    return any(address in network for network in networks)


def forwarded_for(values: Iterable[str]) -> list[str]:
    """The entries of every `X-Forwarded-For` header, in order (proxies may add a header
    instead of appending to the existing one)."""
    return [entry.strip() for value in values for entry in value.split(",") if entry.strip()]


def client_address(
    peer: str | None, forwarded: Sequence[str], proxies: Sequence[str]
) -> str | None:
    """The client's address, from the socket `peer` (None when unknown, e.g. a Unix socket),
    the `X-Forwarded-For` entries and the trusted proxies."""
    address = parse_address(peer) if peer else None
    if address is None:
        return None
    networks = trusted_networks(tuple(proxies))
    if not networks:
        return str(address)
    for entry in reversed(forwarded):
        if not _is_trusted(address, networks):
            break
        hop = parse_address(entry)
        if hop is None:  # garbage behind a trusted proxy: keep the last address we can trust
            break
        address = hop
    return str(address)


def request_client_address(request: Any, proxies: Sequence[str]) -> str | None:
    """`client_address` of a starlette Request or WebSocket (None without a request)."""
    if request is None:
        return None
    client = getattr(request, "client", None)
    headers = getattr(request, "headers", None)  # starlette Headers: one entry per header
    values = headers.getlist("x-forwarded-for") if headers is not None else []
    return client_address(client.host if client else None, forwarded_for(values), proxies)
