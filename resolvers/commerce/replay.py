"""What a provider's event about a stored transaction would say: the fields the local
provider signs when a developer sends one by hand (`python main.py payment-event`).

- A payment event (`payment.succeeded`, `payment.failed`, `payment.refunded`, or any other
  type, which the webhook records and ignores) carries the transaction's global id, the
  provider's id of the payment, and its amount and currency, exactly as stored.
- `subscription.renewed` needs a transaction linked to a subscription (a completed
  SUBSCRIPTION payment): it names that subscription, a new provider id for the renewal's
  charge, the amount and currency of that payment, and the end of the next period (one
  plan period after the current end, or after now when it has lapsed: rules/commerce/
  plans.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from uuid import UUID, uuid4

from core.ids import global_id
from models.commerce import PremiumSubscription, Transaction
from rules.commerce.plans import Plan, get_plan, renewal_period_end
from rules.commerce.transactions import SUBSCRIPTION_RENEWED


class CannotReplay(Exception):
    """No such event can be made for this transaction (the message says why)."""


@dataclass(frozen=True)
class EventFacts:
    type: str
    transaction_id: str | None
    provider_transaction_id: str | None
    amount: Decimal
    currency: str
    subscription_id: str | None = None
    period_end: datetime | None = None


async def event_facts(
    transaction_id: UUID, event_type: str, plans: Mapping[str, Plan], provider_name: str
) -> EventFacts:
    """The fields of an `event_type` event about the transaction (see the module's rules)."""
    transaction = await Transaction.get_or_none(id=transaction_id, provider=provider_name)
    if transaction is None:
        raise CannotReplay(
            f"no {provider_name} transaction {global_id('Transaction', transaction_id)}"
        )
    if event_type != SUBSCRIPTION_RENEWED:
        return EventFacts(
            type=event_type,
            transaction_id=global_id("Transaction", transaction.id),
            provider_transaction_id=transaction.provider_transaction_id,
            amount=transaction.amount,
            currency=transaction.currency,
        )
    subscription = None
    if transaction.subscription_id is not None:
        subscription = await PremiumSubscription.get_or_none(id=transaction.subscription_id)
    plan = get_plan(subscription.plan, plans) if subscription is not None else None
    if subscription is None or plan is None:
        raise CannotReplay("a renewal needs a completed premium payment (its subscription)")
    now = datetime.now(UTC)
    current_end = subscription.current_period_end if subscription.current_period_end > now else None
    return EventFacts(
        type=event_type,
        transaction_id=None,
        provider_transaction_id=f"{provider_name}_renewal_{uuid4().hex}",
        amount=transaction.amount,
        currency=transaction.currency,
        subscription_id=global_id("PremiumSubscription", subscription.id),
        period_end=renewal_period_end(current_end, now, plan.months),
    )
