"""Commerce's events.

- `CommerceChanged`: what an admin does to someone's money (today: asking the provider to
  refund a transaction), emitted through core.events inside the use case's transaction:
  the single call site the administration issue's audit seam hooks (one event type, the
  action named). Provider webhooks are not privileged acts: they are recorded as
  `PaymentEvent` rows instead.
- `PurchaseCompleted`: a transaction became COMPLETED (a course bought, a subscription paid),
  emitted inside the webhook's transaction that completes it (resolvers/commerce/effects.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from core.events import emit

REFUND_REQUESTED = "refund_transaction"


@dataclass(frozen=True)
class CommerceChanged:
    actor_id: UUID
    action: str  # refund_transaction
    entity: str  # "transaction"
    entity_id: UUID
    reason: str | None = None


@dataclass(frozen=True)
class PurchaseCompleted:
    user_id: UUID
    transaction_id: UUID
    kind: str  # the transaction's kind: course_purchase | subscription


async def audit(
    conn: Any, actor_id: UUID, action: str, entity: str, entity_id: UUID, reason: str | None
) -> None:
    """The audit seam's one call site: every admin change to commerce comes through here."""
    await emit(CommerceChanged(actor_id, action, entity, entity_id, reason), conn)
