"""Throttles shared by every worker process: one PostgreSQL table, one row per (scope, key).

A `Limit` lets `free` attempts per key through; after that each further attempt has to wait:
- with `backoff_seconds` > 0 (failures, e.g. wrong passwords) the wait doubles with each
  attempt past `free`, from `backoff_seconds` up to `backoff_max_seconds`, and once it has
  passed the next attempt is judged normally: a delay that grows, never a lock the right
  password cannot pass. A key's count is forgotten `window_seconds` after its last attempt;
- with `backoff_seconds` == 0 it is a quota (e.g. mails): `free` attempts per window of
  `window_seconds` from the first, then refused until the window ends.

`attempt(...)` counts an attempt before the work it guards is done, in one atomic statement
(`INSERT … ON CONFLICT DO UPDATE … WHERE not waiting`), so concurrent attempts all count and
none slips past a limit by arriving at the same moment. The caller then `forgive`s an attempt
that should not count (a successful log-in from a shared address) or `clear`s the key (a
successful log-in for the account). A refusal is `Throttled`, which GraphQL answers with a
top-level error `{"code": "RATE_LIMITED", "retryAfter": seconds}` (engine/errors.py).

Times are the database's (`now()`), the one clock every worker shares. Rows are reset in place
when their window has passed; rows of keys never seen again are deleted by `purge_expired`,
which attempts run now and then (about one in `PURGE_ONE_IN`), a batch at a time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from core.errors import ErrorCode
from core.rows import fetch_records

TABLE = "throttles"
KEY_MAX_CHARS = 400  # keys are normalized emails (≤ 320) or addresses; longer ones are cut
PURGE_ONE_IN = 64
PURGE_BATCH = 500


@dataclass(frozen=True)
class Limit:
    scope: str  # what is counted, e.g. "login:account"; keys are per scope
    free: int  # attempts that pass without waiting
    window_seconds: float  # see the module's docstring
    backoff_seconds: float = 0.0  # 0: a quota
    backoff_max_seconds: float = 0.0
    refusal: str = "Too many attempts"  # the start of the refusal's message

    @property
    def is_quota(self) -> bool:
        return self.backoff_seconds <= 0


class Throttled(Exception):
    """An attempt refused by a `Limit`: try again in `retry_after` seconds (at least 1)."""

    code = ErrorCode.RATE_LIMITED

    def __init__(self, limit: Limit, retry_after: int) -> None:
        self.limit = limit
        self.retry_after = max(1, retry_after)
        unit = "second" if self.retry_after == 1 else "seconds"
        self.message = f"{limit.refusal}; try again in {self.retry_after} {unit}."
        super().__init__(self.message)


_WINDOW = "make_interval(secs => $4)"
_EXPIRED = "t.expires_at <= now()"
_HITS = f"CASE WHEN {_EXPIRED} THEN 1 ELSE t.hits + 1 END"
_SLIDING_END = f"now() + {_WINDOW}"
_FIXED_END = f"CASE WHEN {_EXPIRED} THEN now() + {_WINDOW} ELSE t.expires_at END"


def _quota_block(hits: str, end: str) -> str:
    return f"CASE WHEN {hits} >= $3 THEN {end} END"


def _backoff_block(hits: str, end: str) -> str:
    # The attempt that reaches `free` makes the next one wait `backoff`, then 2x, 4x, ...
    delay = f"least($6, $5 * power(2, least(({hits}) - $3, 40)))"
    return f"CASE WHEN {hits} >= $3 THEN now() + make_interval(secs => {delay}) END"


def _attempt_sql(quota: bool) -> str:
    block = _quota_block if quota else _backoff_block
    end = _FIXED_END if quota else _SLIDING_END
    # The WHERE of DO UPDATE leaves a waiting key's row alone: nothing is returned from the
    # insert then, and the outer SELECT reads the wait from the row as it was. The wait is
    # counted from the clock, not from now() (this statement's start): a concurrent attempt
    # that started later may have set the block, and from now() its wait read a second
    # longer than the backoff.
    return f"""
        WITH attempt AS (
            INSERT INTO "{TABLE}" AS t (scope, key, hits, expires_at, blocked_until)
            VALUES ($1, $2, 1, now() + {_WINDOW}, {block("1", f"now() + {_WINDOW}")})
            ON CONFLICT (scope, key) DO UPDATE SET
                hits = {_HITS},
                expires_at = {end},
                blocked_until = {block(_HITS, end)}
            WHERE t.blocked_until IS NULL OR t.blocked_until <= now()
            RETURNING hits
        )
        SELECT (SELECT hits FROM attempt) AS hits,
               (SELECT ceil(extract(epoch FROM w.blocked_until - clock_timestamp()))::int
                  FROM "{TABLE}" w WHERE w.scope = $1 AND w.key = $2) AS wait"""


_ATTEMPT_QUOTA = _attempt_sql(quota=True)
_ATTEMPT_BACKOFF = _attempt_sql(quota=False)


def _key(key: str) -> str:
    return key[:KEY_MAX_CHARS]


async def _attempt_one(limit: Limit, key: str) -> None:
    params: list[object] = [limit.scope, _key(key), limit.free, float(limit.window_seconds)]
    if limit.is_quota:
        statement = _ATTEMPT_QUOTA
    else:
        statement = _ATTEMPT_BACKOFF
        params += [float(limit.backoff_seconds), float(limit.backoff_max_seconds)]
    (row,) = await fetch_records(statement, params)
    if row["hits"] is not None:
        return
    wait = row["wait"]
    if wait is None or wait < 1:
        # The statement read the row as it was when it started; a concurrent attempt that
        # it then waited for made the key wait since. A new statement sees that.
        wait = await retry_after(limit, key)
    raise Throttled(limit, wait)


async def attempt(*checks: tuple[Limit, str | None]) -> None:
    """Count one attempt under each (limit, key), in order; a None key is skipped.

    When one refuses, the attempts already counted here are forgiven and `Throttled` is
    raised: a refused attempt counts nowhere.
    """
    counted: list[tuple[Limit, str]] = []
    try:
        for limit, key in checks:
            if key is None:
                continue
            await _attempt_one(limit, key)
            counted.append((limit, key))
    except Throttled:
        for limit, key in counted:
            await forgive(limit, key)
        raise
    if random.randrange(PURGE_ONE_IN) == 0:  # not a secret: it spreads the clean-up
        await purge_expired()


async def forgive(limit: Limit, key: str | None) -> None:
    """Take back one counted attempt (it succeeded, or another limit refused it).

    The key stops waiting when its count falls below `free`; otherwise its wait stays."""
    if key is None:
        return
    await fetch_records(
        f"""UPDATE "{TABLE}" SET hits = hits - 1,
                   blocked_until = CASE WHEN hits - 1 >= $3 THEN blocked_until END
             WHERE scope = $1 AND key = $2 AND hits > 0""",
        [limit.scope, _key(key), limit.free],
    )


async def clear(scope: str, key: str) -> None:
    """Forget every attempt of `key` under `scope` (e.g. an account's failures once its owner
    signed in or reset the password)."""
    await fetch_records(f'DELETE FROM "{TABLE}" WHERE scope = $1 AND key = $2', [scope, _key(key)])


async def retry_after(limit: Limit, key: str) -> int:
    """Seconds before `key` may try again under `limit` (0: now); counts nothing."""
    rows = await fetch_records(
        f"""SELECT ceil(extract(epoch FROM blocked_until - clock_timestamp()))::int AS wait
              FROM "{TABLE}" WHERE scope = $1 AND key = $2 AND blocked_until > now()""",
        [limit.scope, _key(key)],
    )
    return max(1, rows[0]["wait"]) if rows else 0


async def purge_expired(batch: int = PURGE_BATCH) -> int:
    """Delete up to `batch` rows whose window and wait have both passed; how many went."""
    rows = await fetch_records(
        f"""WITH gone AS (
                DELETE FROM "{TABLE}" WHERE (scope, key) IN (
                    SELECT scope, key FROM "{TABLE}"
                     WHERE expires_at <= now()
                       AND (blocked_until IS NULL OR blocked_until <= now())
                     LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING 1)
            SELECT count(*)::int AS n FROM gone""",
        [batch],
    )
    return int(rows[0]["n"])
