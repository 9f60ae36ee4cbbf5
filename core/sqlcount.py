"""Counts the SQL statements sent through asyncpg (tests' statement-count assertions).

Wraps asyncpg's Connection methods while active. The pool's reset on release (`RESET ALL`,
advisory-unlock, `UNLISTEN`, `CLOSE ALL`) is not a statement of ours and is ignored, and so
is what background work sends (the job worker marks its tasks with `not_counted`): the
counts are those of requests.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Iterator
from typing import Any

from asyncpg.connection import Connection

# Public entry points only: they do not call one another, so each statement counts once.
_METHODS = ("execute", "executemany", "fetch", "fetchrow", "fetchval", "fetchmany")
_RESET_MARKERS = ("RESET ALL", "pg_advisory_unlock_all", "UNLISTEN *", "CLOSE ALL")


class StatementLog:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)

    def clear(self) -> None:
        self.statements.clear()

    def __repr__(self) -> str:
        return f"<{self.count} statements>\n" + "\n".join(self.statements)


_active: list[StatementLog] = []
_background: contextvars.ContextVar[bool] = contextvars.ContextVar("sql_background", default=False)


def not_counted() -> None:
    """Statements of the current task, and of the tasks it starts, are not counted."""
    _background.set(True)


_originals: dict[str, Any] = {}


def _wrap(name: str, original: Any) -> Any:
    @functools.wraps(original)
    async def wrapper(self: Connection, query: Any, *args: Any, **kwargs: Any) -> Any:
        if (
            isinstance(query, str)
            and not _background.get()
            and not any(marker in query for marker in _RESET_MARKERS)
        ):
            for log in _active:
                log.statements.append(" ".join(query.split()))
        return await original(self, query, *args, **kwargs)

    return wrapper


@contextlib.contextmanager
def count_statements() -> Iterator[StatementLog]:
    """Record every statement any asyncpg connection in this process sends while active."""
    log = StatementLog()
    if not _active:
        for name in _METHODS:
            _originals[name] = getattr(Connection, name)
            setattr(Connection, name, _wrap(name, _originals[name]))
    _active.append(log)
    try:
        yield log
    finally:
        _active.remove(log)
        if not _active:
            for name, original in _originals.items():
                setattr(Connection, name, original)
            _originals.clear()
