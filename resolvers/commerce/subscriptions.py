"""The premium subscription: what a completed or refunded SUBSCRIPTION payment does to it,
and the learner cancelling it.

- The rules are rules/commerce/premium.py's. A learner has one subscription row: a first
  payment creates it, renewals and a new plan after a lapse extend it in place. A completed
  payment makes it ACTIVE on that plan, clears `cancel_at_period_end` and extends the
  period from max(current end, now) (or to the provider's reported end); the period's
  start moves to now only when the subscription was not in force.
- `users.premium_until` follows the subscription's period end, written with it in the same
  transaction: the tier is computed on read from it (rules/identity/tiers.py), so nothing
  has to expire it. A refunded payment ends the subscription now (CANCELED) and with it
  the premium.
- Cancelling keeps premium to the period's end (only `cancel_at_period_end`, when and
  why); cancelling again changes nothing. With nothing in force (none, ended, refunded):
  NOT_FOUND. The provider is not told here: base.py has no call for it (see the report).
- Every change holds the subscription's row lock (`queries.LOCK_SUBSCRIPTION`); payments
  and refunds take it after the learner's and the transaction's (queries.py's order).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core.errors import AppError, Validator
from models.commerce import PremiumSubscription, SubscriptionPlan, SubscriptionStatus, Transaction
from resolvers.commerce import queries
from resolvers.identity.policy import require_viewer
from rules.commerce import premium
from rules.commerce.plans import Plan

if TYPE_CHECKING:
    from models.identity import User

REASON_MAX = 1000


def subscription_state(row: PremiumSubscription | None) -> premium.SubscriptionState | None:
    """The rules' view of a stored subscription."""
    if row is None:
        return None
    return premium.SubscriptionState(
        plan=row.plan.value,
        status=row.status.value,
        current_period_end=row.current_period_end,
        cancel_at_period_end=row.cancel_at_period_end,
    )


async def _locked(conn: BaseDBAsyncClient, user_id: object) -> PremiumSubscription | None:
    row = await PremiumSubscription.get_or_none(user_id=user_id, using_db=conn)
    if row is None:
        return None
    await conn.execute_query(queries.LOCK_SUBSCRIPTION, [row.id])
    return await PremiumSubscription.get(id=row.id, using_db=conn)  # as of the lock


async def _set_premium_until(conn: BaseDBAsyncClient, user_id: object, until: datetime) -> None:
    await conn.execute_query(queries.SET_PREMIUM_UNTIL, [user_id, until])


async def extend_after_payment(
    conn: BaseDBAsyncClient,
    transaction: Transaction,
    plan: Plan,
    now: datetime,
    *,
    provider_name: str,
    reported_end: datetime | None = None,
    provider_subscription_id: str | None = None,
) -> PremiumSubscription:
    """The learner's subscription once `transaction` (a SUBSCRIPTION payment for `plan`)
    completed; the transaction is linked to it (saved by the caller)."""
    row = await _locked(conn, transaction.user_id)
    state = subscription_state(row)
    after = premium.after_payment(state, plan, now, reported_end)
    if row is None:
        row = await PremiumSubscription.create(
            user_id=transaction.user_id,
            plan=SubscriptionPlan(after.plan),
            status=SubscriptionStatus.ACTIVE,
            current_period_start=now,
            current_period_end=after.current_period_end,
            provider=provider_name,
            provider_subscription_id=provider_subscription_id,
            using_db=conn,
        )
    else:
        if not premium.is_premium(state, now):
            row.current_period_start = now  # a fresh period after a lapse or a refund
        row.update_from_dict(
            {
                "plan": SubscriptionPlan(after.plan),
                "status": SubscriptionStatus.ACTIVE,
                "current_period_end": after.current_period_end,
                "cancel_at_period_end": False,
                "canceled_at": None,
                "cancel_reason": None,
                "provider": provider_name,
                "provider_subscription_id": provider_subscription_id
                or row.provider_subscription_id,
            }
        )
        await row.save(using_db=conn)
    transaction.subscription_id = row.id
    await _set_premium_until(conn, transaction.user_id, row.current_period_end)
    return row


async def end_after_refund(
    conn: BaseDBAsyncClient, transaction: Transaction, now: datetime
) -> None:
    """A refunded SUBSCRIPTION payment: the subscription it paid for ends now."""
    row = await _locked(conn, transaction.user_id)
    state = subscription_state(row)
    if row is None or state is None or row.id != transaction.subscription_id:
        return  # it never started (the payment was refunded before completing) or was replaced
    after = premium.after_refund(state, now)
    row.status = SubscriptionStatus(after.status)
    row.current_period_end = after.current_period_end
    row.canceled_at = row.canceled_at or now
    await row.save(using_db=conn)
    await _set_premium_until(conn, transaction.user_id, after.current_period_end)


async def cancel_subscription(viewer: User | None, reason: str | None) -> PremiumSubscription:
    """Cancel the viewer's premium at the end of its period (see the module's rules)."""
    user = require_viewer(viewer)
    check = Validator()
    check.text("reason", reason, REASON_MAX)
    check.raise_if_any()
    now = datetime.now(UTC)
    async with in_transaction() as conn:
        row = await _locked(conn, user.id)
        state = subscription_state(row)
        refusal = premium.cancel_refusal(state, now)
        if refusal is not None:
            raise AppError(refusal)
        assert row is not None and state is not None  # in force, so it exists
        if not state.cancel_at_period_end:
            row.update_from_dict(
                {
                    "cancel_at_period_end": premium.cancel(state, now).cancel_at_period_end,
                    "canceled_at": now,
                    "cancel_reason": reason.strip() if reason and reason.strip() else None,
                }
            )
            await row.save(using_db=conn)
    return row
