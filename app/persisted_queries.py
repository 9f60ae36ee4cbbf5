"""Automatic persisted queries (Apollo's protocol, also spoken by urql and Relay clients).

A client sends `extensions.persistedQuery = {"version": 1, "sha256Hash": "<hex>"}`:
- with no `query`: the stored document runs, or the answer is `PERSISTED_QUERY_NOT_FOUND`
  and the client retries with the full text;
- with the `query` too: the hash is checked against the text (a mismatch is refused) and the
  document is stored once it has parsed and validated (the view registers it after running).

The store is the `persisted_queries` table, so every worker shares it. It is bounded: past
`PERSISTED_QUERY_LIMIT` documents the least recently used are dropped (a dropped document only
costs its client one retry). A hash names its text forever, so each worker also keeps a small
in-process map in front of the table; `used_at` is refreshed whenever a worker reads the table.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from core.rows import fetch_records

TABLE = "persisted_queries"
NOT_FOUND_MESSAGE = "PersistedQueryNotFound"  # the message Apollo's link looks for
NOT_FOUND_CODE = "PERSISTED_QUERY_NOT_FOUND"
SUPPORTED_VERSION = 1
_LOCAL_SIZE = 512


class PersistedQueryError(ValueError):
    """A malformed `persistedQuery` extension, or a hash that does not match the text."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class PersistedQuery:
    sha256: str
    query: str | None  # the text the client sent along, to register


def sha256_of(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()


def requested(params: dict[str, Any]) -> PersistedQuery | None:
    """The persisted query a request names, checked; None for an ordinary request."""
    extensions = params.get("extensions")
    if not isinstance(extensions, dict) or "persistedQuery" not in extensions:
        return None
    spec = extensions["persistedQuery"]
    if not isinstance(spec, dict):
        raise PersistedQueryError("`persistedQuery` must be an object.", "BAD_REQUEST")
    if spec.get("version") != SUPPORTED_VERSION:
        raise PersistedQueryError(
            "Only version 1 of persisted queries is supported.",
            "PERSISTED_QUERY_VERSION_NOT_SUPPORTED",
        )
    digest = spec.get("sha256Hash")
    if not isinstance(digest, str) or len(digest) != 64:
        raise PersistedQueryError(
            "`persistedQuery.sha256Hash` must be a hex SHA-256.", "BAD_REQUEST"
        )
    digest = digest.lower()
    query = params.get("query")
    if query and sha256_of(query) != digest:
        raise PersistedQueryError(
            "The query's SHA-256 does not match `persistedQuery.sha256Hash`.",
            "PERSISTED_QUERY_HASH_MISMATCH",
        )
    return PersistedQuery(sha256=digest, query=query or None)


class PersistedQueryStore:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._local: OrderedDict[str, str] = OrderedDict()

    def _remember(self, digest: str, query: str) -> None:
        self._local[digest] = query
        self._local.move_to_end(digest)
        while len(self._local) > _LOCAL_SIZE:
            self._local.popitem(last=False)

    async def get(self, digest: str) -> str | None:
        query = self._local.get(digest)
        if query is not None:
            self._local.move_to_end(digest)
            return query
        rows = await fetch_records(
            f'UPDATE "{TABLE}" SET used_at = now() WHERE sha256 = $1 RETURNING document',
            [digest],
        )
        if not rows:
            return None
        query = rows[0]["document"]
        self._remember(digest, query)
        return query

    async def put(self, digest: str, query: str) -> None:
        """Store a document that validated; trim the table to the limit when it grew."""
        if self._local.get(digest) == query:
            return
        inserted = await fetch_records(
            f'INSERT INTO "{TABLE}" (sha256, document) VALUES ($1, $2) '
            "ON CONFLICT (sha256) DO UPDATE SET used_at = now() "
            "RETURNING (xmax = 0) AS inserted",
            [digest, query],
        )
        if inserted and inserted[0]["inserted"]:
            await fetch_records(
                f'DELETE FROM "{TABLE}" WHERE sha256 IN ('
                f'SELECT sha256 FROM "{TABLE}" ORDER BY used_at DESC OFFSET $1)',
                [self.limit],
            )
        self._remember(digest, query)
