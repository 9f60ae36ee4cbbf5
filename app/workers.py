"""`serve --workers N` with a listening socket per worker (SO_REUSEPORT), so a burst of
connections is spread over the workers.

uvicorn's supervisor binds one socket and every worker accepts from it: when 16 connections
arrive at once, whichever worker wakes first often accepts them all, and the others idle
(the read compiler's benchmark lost half its throughput in 4 of 18 runs). With SO_REUSEPORT
each worker binds the address itself, and the kernel hashes each new connection to one of
the listening sockets. The supervisor (restarts, health checks, graceful shutdown) is
uvicorn's own; only the socket it hands each worker differs: `OwnSocket` pickles, into the
spawned worker, as a call that binds a fresh SO_REUSEPORT socket there. The parent binds
nothing, so no socket is left whose queue nobody accepts from.

Where SO_REUSEPORT is missing (not Linux or BSD), uvicorn's shared socket is used.
"""

from __future__ import annotations

import socket
from typing import Any, cast

from uvicorn import Config
from uvicorn.supervisors import Multiprocess


def bind_reuseport(host: str, port: int, backlog: int) -> socket.socket:
    """A listening TCP socket on (host, port) that other processes may bind as well."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


class OwnSocket:
    """Stands, in the supervisor, for the socket each worker binds for itself."""

    def __init__(self, host: str, port: int, backlog: int) -> None:
        self.host, self.port, self.backlog = host, port, backlog

    def __reduce__(self) -> tuple[Any, tuple[str, int, int]]:
        return bind_reuseport, (self.host, self.port, self.backlog)


def serve_workers(config: Config) -> None:
    """Run `config.workers` workers under uvicorn's supervisor, each on its own socket."""
    if not hasattr(socket, "SO_REUSEPORT"):
        Multiprocess(config, sockets=[config.bind_socket()]).run()
        return
    # Each worker unpickles this into a socket of its own (see OwnSocket).
    own = cast(socket.socket, OwnSocket(config.host, config.port, config.backlog))
    Multiprocess(config, sockets=[own]).run()
