"""Safe retries of HTTP mutations: the `Idempotency-Key` header.

A client that did not get an answer (a timeout, a dropped connection) cannot know whether its
mutation ran. Sent again with the same key, it gets the first answer, and nothing runs twice.

- Keys belong to the viewer (`user:<id>`), or to the client address for anonymous mutations
  (sign-up, password reset); they are remembered `IDEMPOTENCY_KEY_TTL_HOURS` (24 by default).
- The key is claimed, the mutation runs and its answer is stored in ONE transaction: the
  claim and the effects commit together or not at all. A concurrent request with the same
  key waits for that transaction, then replays its answer (header `Idempotent-Replayed`).
- The same key with a different request (document, operation or variables) is refused:
  422 with `IDEMPOTENCY_KEY_REUSED`. An answer that says "not now" is not kept — a server
  failure (5xx) or a refusal to retry later (`Retry-After`: RATE_LIMITED, UNAVAILABLE): its
  transaction is rolled back, and a retry with the key runs the mutation then.
- Keys: 1 to 255 visible ASCII characters (a UUID is typical); others are a 400.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import orjson
from starlette.responses import Response
from tortoise.transactions import in_transaction

HEADER = "idempotency-key"
REPLAYED_HEADER = "Idempotent-Replayed"
_VALID_KEY = re.compile(r"[\x21-\x7e]{1,255}")
TABLE = "idempotency_keys"

_FORGET_EXPIRED = (
    f'DELETE FROM "{TABLE}" WHERE owner = $1 AND key = $2 '
    "AND created_at < now() - make_interval(hours => $3)"
)
_CLAIM = (
    f'INSERT INTO "{TABLE}" (owner, key, fingerprint) VALUES ($1, $2, $3) '
    "ON CONFLICT (owner, key) DO NOTHING RETURNING key"
)
_STORED = (
    f'SELECT fingerprint, status, media_type, body FROM "{TABLE}" WHERE owner = $1 AND key = $2'
)
_STORE = (
    f'UPDATE "{TABLE}" SET status = $3, media_type = $4, body = $5 WHERE owner = $1 AND key = $2'
)
PURGE_EXPIRED = f'DELETE FROM "{TABLE}" WHERE created_at < now() - make_interval(hours => $1)'


class KeyProblem(Exception):
    def __init__(self, status: int, message: str, code: str) -> None:
        super().__init__(message)
        self.status, self.message, self.code = status, message, code


def checked_key(value: str) -> str:
    if not _VALID_KEY.fullmatch(value):
        raise KeyProblem(
            400,
            "Idempotency-Key must be 1 to 255 visible ASCII characters.",
            "INVALID_IDEMPOTENCY_KEY",
        )
    return value


def fingerprint(params: dict[str, Any]) -> str:
    """The request a key stands for: document, operation name and variables."""
    request = {
        "query": params.get("query"),
        "operationName": params.get("operationName") or None,
        "variables": params.get("variables") or {},
    }
    return hashlib.sha256(orjson.dumps(request, option=orjson.OPT_SORT_KEYS)).hexdigest()


class _NotKept(Exception):
    """Rolls the claim (and whatever ran) back: the answer was "not now"."""

    def __init__(self, response: Response) -> None:
        self.response = response


@dataclass(frozen=True)
class IdempotentRun:
    owner: str
    key: str
    fingerprint: str
    ttl_hours: int

    async def run(self, execute: Callable[[], Awaitable[Response]]) -> Response:
        try:
            async with in_transaction() as conn:
                await conn.execute_query(_FORGET_EXPIRED, [self.owner, self.key, self.ttl_hours])
                claimed = await conn.execute_query_dict(
                    _CLAIM, [self.owner, self.key, self.fingerprint]
                )
                if not claimed:
                    return await self._replay(conn)
                response = await execute()
                if response.status_code >= 500 or "retry-after" in response.headers:
                    raise _NotKept(response)
                await conn.execute_query(
                    _STORE,
                    [
                        self.owner,
                        self.key,
                        response.status_code,
                        response.media_type,
                        bytes(response.body),
                    ],
                )
                return response
        except _NotKept as not_kept:
            return not_kept.response

    async def _replay(self, conn: Any) -> Response:
        [row] = await conn.execute_query_dict(_STORED, [self.owner, self.key])
        if row["fingerprint"] != self.fingerprint:
            raise KeyProblem(
                422,
                "This Idempotency-Key was used for a different request.",
                "IDEMPOTENCY_KEY_REUSED",
            )
        return Response(
            bytes(row["body"]),
            status_code=row["status"],
            media_type=row["media_type"],
            headers={REPLAYED_HEADER: "true", "Cache-Control": "no-store"},
        )
