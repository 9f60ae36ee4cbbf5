"""What a transition of a transaction does, applied inside the webhook's transaction, with the
learner's and the transaction's row locks held (resolvers/commerce/webhooks.py).

- COMPLETED (`completed_at` now): for a COURSE_PURCHASE, rules/commerce/checkout.py
  `fulfilment` decides. If the learner did not own the course by then (through another
  completed purchase, or an enrollment that still opens it) they are enrolled (learning's
  `enrol`, on this transaction's connection: an enrollment they had is resumed and its
  access comes back); if they did, money received still wins (the transaction completes)
  and the duplicate is refunded through the provider, by a job queued in this transaction
  (`Effects.refund_duplicate`). For a SUBSCRIPTION, the subscription is created or
  extended and `users.premium_until` follows it (resolvers/commerce/subscriptions.py).
- FAILED: `failed_at` now; nothing else.
- REFUNDED (`refunded_at` now): a course's access goes with it (learning reads the refund
  through commerce's grants: lessons answer PAYMENT_REQUIRED, the enrollment and its
  history stay); a SUBSCRIPTION payment ends its subscription, and premium, now.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from core.events import emit
from core.ids import decode_global_id
from models.catalog import Course
from models.commerce import Transaction, TransactionKind, TransactionStatus
from models.learning import Enrollment
from resolvers.commerce import queries
from resolvers.commerce.events import PurchaseCompleted
from resolvers.commerce.subscriptions import end_after_refund, extend_after_payment
from resolvers.learning import enrol
from rules.commerce.checkout import (
    REFUND_DUPLICATE,
    fulfilment,
    owns_course,
    purchase_status,
)
from rules.commerce.plans import Plan, get_plan
from rules.commerce.transactions import COMPLETED, FAILED, REFUNDED, Transition, times_after
from services.payments.base import ProviderEvent

DUPLICATE_KEY = "duplicate_purchase"  # metadata: completed while the course was owned
LATE_KEY = "completed_late"  # metadata: the success came after the checkout read FAILED


@dataclass(frozen=True)
class Effects:
    """What the caller still has to do once the transition is applied."""

    refund_duplicate: bool = False


async def _owned_elsewhere(conn: BaseDBAsyncClient, transaction: Transaction) -> bool:
    """Whether the learner owns the course through anything but this transaction."""
    course = await Course.get(id=transaction.course_id, using_db=conn)
    rows = await conn.execute_query_dict(
        queries.PURCHASE_STATUSES, [transaction.user_id, course.id, transaction.id]
    )
    enrolled = (
        await Enrollment.filter(user_id=transaction.user_id, course_id=course.id)
        .using_db(conn)
        .exists()
    )
    return owns_course(
        price=course.price_amount,
        purchase=purchase_status(row["status"] for row in rows),
        enrolled=enrolled,
    )


def _provider_subscription_id(event: ProviderEvent) -> str | None:
    """The provider's own id of the subscription, when the event names one that is not ours."""
    given = event.subscription_id
    if given is None or decode_global_id(given, "PremiumSubscription") is not None:
        return None
    return given


async def _complete(
    conn: BaseDBAsyncClient,
    transaction: Transaction,
    event: ProviderEvent,
    *,
    provider_name: str,
    plans: Mapping[str, Plan],
    now: datetime,
) -> Effects:
    if transaction.kind is TransactionKind.COURSE_PURCHASE:
        owned = await _owned_elsewhere(conn, transaction)
        if fulfilment(transaction.kind, already_owned=owned) == REFUND_DUPLICATE:
            transaction.metadata = {**transaction.metadata, DUPLICATE_KEY: True}
            return Effects(refund_duplicate=True)
        assert transaction.course_id is not None
        await enrol(transaction.user_id, transaction.course_id, now)
        return Effects()
    plan = get_plan(transaction.plan, plans)
    if plan is None:  # both plans are always configured: a row from elsewhere
        raise ValueError(f"transaction {transaction.id} has no plan on sale")
    await extend_after_payment(
        conn,
        transaction,
        plan,
        now,
        provider_name=provider_name,
        provider_subscription_id=_provider_subscription_id(event),
    )
    return Effects()


async def apply(
    conn: BaseDBAsyncClient,
    transaction: Transaction,
    transition: Transition,
    event: ProviderEvent,
    *,
    provider_name: str,
    plans: Mapping[str, Plan],
    now: datetime,
) -> Effects:
    """Move the (locked) transaction as `transition` says, with its effects; saved."""
    effects = Effects()
    times = times_after(
        transition,
        completed_at=transaction.completed_at,
        refunded_at=transaction.refunded_at,
        now=now,
    )
    transaction.completed_at, transaction.refunded_at = times.completed_at, times.refunded_at
    if transition.new == COMPLETED:
        if transition.late:
            transaction.metadata = {**transaction.metadata, LATE_KEY: True}
        effects = await _complete(
            conn, transaction, event, provider_name=provider_name, plans=plans, now=now
        )
    elif transition.new == FAILED:
        transaction.failed_at = now
    elif transition.new == REFUNDED and transaction.kind is TransactionKind.SUBSCRIPTION:
        await end_after_refund(conn, transaction, now)
    transaction.status = TransactionStatus(transition.new)
    await transaction.save(using_db=conn)
    if transition.new == COMPLETED:
        completed = PurchaseCompleted(transaction.user_id, transaction.id, transaction.kind.value)
        await emit(completed, conn)
    return effects
