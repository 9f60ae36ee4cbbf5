"""Recording a provider's webhook events (`payment_events`) and what came of them.

- An event is inserted, in the transaction that applies it, with `INSERT ... ON CONFLICT
  (provider, event_id) DO NOTHING RETURNING id` (`record`): the unique key is the lock that
  makes it take effect once. A repeat finds the row; a concurrent duplicate waits on the
  unique index for the first one's commit, then finds it: both get None and answer 2xx
  with no second effect. If the first rolls back, the duplicate takes its place.
- Its outcome (`applied`, or `ignored` with the reason) and processing time are written
  before the commit (`finish`), so a stored event always says what it did.
- `WebhookResult` is the answer the web edge gives the provider.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from resolvers.commerce import queries
from services.payments.base import ProviderEvent

DUPLICATE = "duplicate"  # the outcome answered for an event already recorded


@dataclass(frozen=True)
class WebhookResult:
    """The answer to a webhook: 2xx with what happened (`outcome`: applied, ignored or
    duplicate), or 4xx with a code and message (nothing was stored)."""

    status: int
    outcome: str | None = None
    code: str | None = None
    message: str = ""

    @property
    def received(self) -> bool:
        return self.status < 400


def refused(status: int, code: str, message: str) -> WebhookResult:
    return WebhookResult(status, code=code, message=message)


async def record(
    conn: BaseDBAsyncClient,
    provider_name: str,
    event: ProviderEvent,
    transaction_id: UUID | None,
    now: datetime,
) -> UUID | None:
    """Insert the event; its row id, or None when it was already recorded."""
    rows = await conn.execute_query_dict(
        queries.INSERT_EVENT,
        [
            uuid.uuid4(),
            provider_name,
            event.event_id,
            event.type,
            json.dumps(event.payload),
            transaction_id,
            now,
        ],
    )
    return rows[0]["id"] if rows else None


async def finish(
    conn: BaseDBAsyncClient,
    row_id: UUID,
    outcome: str,
    reason: str,
    now: datetime,
    transaction_id: UUID | None = None,
) -> WebhookResult:
    """Write the event's outcome; the 2xx answer."""
    await conn.execute_query(queries.RECORD_OUTCOME, [row_id, outcome, reason, now, transaction_id])
    return WebhookResult(200, outcome=outcome)
