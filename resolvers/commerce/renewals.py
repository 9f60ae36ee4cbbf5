"""`subscription.renewed`: the provider charged the learner for another period.

- The event names our subscription by its global id (or the provider's own id for it, as
  stored when the first payment completed); an unknown one is 404 and nothing is stored, so
  the provider retries (as for an unknown transaction).
- Its amount and currency must be what the learner pays for the subscription: those of its
  latest SUBSCRIPTION payment (what they signed up at; a later change of the plan's price in
  the settings does not reprice it), else the plan's price. A difference is 400 and nothing
  changes (rules/commerce/transactions.py `event_mismatch`).
- Applied once (the event id, resolvers/commerce/event_log.py), it creates the renewal's own
  transaction: a SUBSCRIPTION payment, COMPLETED now, with the provider's id of the charge
  (`providerTransactionId`, required), linked to the subscription; the subscription is
  extended to the provider's reported period end (or by the plan's period) and
  `users.premium_until` follows (resolvers/commerce/subscriptions.py). Money received
  wins: a renewal of a subscription that had lapsed, been cancelled or refunded makes it
  ACTIVE again.
- A second event for a charge already recorded (the same provider transaction id under
  another event id) is ignored, with that reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal

from tortoise.transactions import in_transaction

from core.ids import decode_global_id
from models.commerce import (
    PremiumSubscription,
    Transaction,
    TransactionKind,
    TransactionStatus,
)
from resolvers.commerce import event_log, queries
from resolvers.commerce.event_log import WebhookResult, refused
from resolvers.commerce.subscriptions import extend_after_payment
from rules.commerce.money import cents
from rules.commerce.plans import Plan, get_plan
from rules.commerce.transactions import APPLIED, IGNORED, event_mismatch
from services.payments.base import ProviderEvent

ALREADY_RECORDED = "this charge is already recorded"
RENEWAL_KEY = "renewal"  # metadata of a renewal's transaction


async def _subscription(provider_name: str, event: ProviderEvent) -> PremiumSubscription | None:
    given = event.subscription_id
    if not given:
        return None
    ours = decode_global_id(given, "PremiumSubscription")
    if ours is not None:
        return await PremiumSubscription.get_or_none(id=ours)
    return await PremiumSubscription.get_or_none(
        provider=provider_name, provider_subscription_id=given
    )


async def _price(subscription: PremiumSubscription, plan: Plan) -> tuple[Decimal, str]:
    """(amount, currency) the renewal must carry."""
    latest = (
        await Transaction.filter(
            subscription_id=subscription.id,
            kind=TransactionKind.SUBSCRIPTION,
            status__in=[TransactionStatus.COMPLETED, TransactionStatus.REFUNDED],
        )
        .order_by("-created_at")
        .first()
    )
    if latest is not None:
        return cents(latest.amount), latest.currency
    return plan.price, plan.currency


async def renew(
    provider_name: str, event: ProviderEvent, plans: Mapping[str, Plan], now: datetime
) -> WebhookResult:
    """Apply a (verified) `subscription.renewed` event once (see the module's rules)."""
    subscription = await _subscription(provider_name, event)
    if subscription is None:
        return refused(404, "NOT_FOUND", "No such subscription.")
    plan = get_plan(subscription.plan, plans)
    if plan is None:
        raise ValueError(f"subscription {subscription.id} has no plan on sale")
    if not event.provider_transaction_id:
        return refused(400, "MALFORMED", "A renewal names the provider's transaction.")
    amount, currency = await _price(subscription, plan)
    mismatch = event_mismatch(amount, currency, event.amount, event.currency)
    if mismatch is not None:
        return refused(400, mismatch.code.value, mismatch.message)
    async with in_transaction() as conn:
        await conn.execute_query(queries.LOCK_USER, [subscription.user_id])
        row_id = await event_log.record(conn, provider_name, event, None, now)
        if row_id is None:
            return WebhookResult(200, outcome=event_log.DUPLICATE)
        known = await Transaction.get_or_none(
            provider=provider_name,
            provider_transaction_id=event.provider_transaction_id,
            using_db=conn,
        )
        if known is not None:
            return await event_log.finish(conn, row_id, IGNORED, ALREADY_RECORDED, now, known.id)
        transaction = await Transaction.create(
            kind=TransactionKind.SUBSCRIPTION,
            user_id=subscription.user_id,
            plan=subscription.plan,
            subscription_id=subscription.id,
            amount=amount,
            currency=currency,
            status=TransactionStatus.COMPLETED,
            provider=provider_name,
            provider_transaction_id=event.provider_transaction_id,
            completed_at=now,
            metadata={RENEWAL_KEY: True},
            using_db=conn,
        )
        await extend_after_payment(
            conn,
            transaction,
            plan,
            now,
            provider_name=provider_name,
            reported_end=event.period_end,
        )
        await transaction.save(using_db=conn, update_fields=["subscription_id", "updated_at"])
        return await event_log.finish(conn, row_id, APPLIED, "", now, transaction.id)
