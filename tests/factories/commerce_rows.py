"""Commerce rows written directly (no checkout, no webhook): transactions in any status at any
time, and premium subscriptions, for the read side's tests.

Amounts are given as decimal strings and stored as `Decimal`: a float never reaches a row.
Times default to now; a COMPLETED or REFUNDED transaction is completed when it was created
unless told otherwise, a REFUNDED one refunded then too, a FAILED one failed then.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from models.catalog import Course
from models.commerce import (
    PremiumSubscription,
    SubscriptionPlan,
    SubscriptionStatus,
    Transaction,
    TransactionKind,
    TransactionStatus,
)
from models.identity import User

PROVIDER = "local"


@dataclass(frozen=True)
class Row:
    """One transaction to write (see `transactions`)."""

    user: User
    course: Course | None = None
    plan: SubscriptionPlan | None = None
    amount: str = "19.99"
    currency: str = "USD"
    status: TransactionStatus = TransactionStatus.COMPLETED
    created_at: datetime | None = None
    completed_at: datetime | None = None
    refunded_at: datetime | None = None


def _model(row: Row, now: datetime) -> Transaction:
    if (row.course is None) == (row.plan is None):
        raise ValueError("a transaction pays for one course or one plan")
    created = row.created_at or now
    done = row.status in (TransactionStatus.COMPLETED, TransactionStatus.REFUNDED)
    fields: dict[str, Any] = {
        "id": uuid.uuid4(),
        "kind": TransactionKind.COURSE_PURCHASE if row.course else TransactionKind.SUBSCRIPTION,
        "user_id": row.user.id,
        "course_id": row.course.id if row.course else None,
        "plan": row.plan,
        "amount": Decimal(row.amount),
        "currency": row.currency,
        "status": row.status,
        "provider": PROVIDER,
        "provider_transaction_id": f"test_{uuid.uuid4().hex}",
        "metadata": {},
        "created_at": created,
        "completed_at": (row.completed_at or created) if done else None,
        "failed_at": created if row.status == TransactionStatus.FAILED else None,
        "refunded_at": (row.refunded_at or row.completed_at or created)
        if row.status == TransactionStatus.REFUNDED
        else None,
    }
    return Transaction(**fields)


async def transactions(rows: list[Row]) -> list[Transaction]:
    """Write the rows in one statement, with the times they were given (`created_at`
    included), and return them as stored."""
    now = datetime.now(UTC)
    models = [_model(row, now) for row in rows]
    await Transaction.bulk_create(models)
    stored = {t.id: t for t in await Transaction.filter(id__in=[m.id for m in models])}
    for model in models:  # the creation time the test asked for, not the insert's
        assert stored[model.id].created_at == model.created_at, "created_at was not kept"
    return [stored[model.id] for model in models]


async def transaction(user: User, **fields: Any) -> Transaction:
    """One transaction (the fields of `Row`)."""
    return (await transactions([Row(user, **fields)]))[0]


async def premium_subscription(
    user: User,
    plan: SubscriptionPlan = SubscriptionPlan.PREMIUM_MONTHLY,
    *,
    period_end: datetime | None = None,
    status: SubscriptionStatus = SubscriptionStatus.ACTIVE,
    cancel_at_period_end: bool = False,
    premium_until: bool = True,
) -> PremiumSubscription:
    """The user's premium plan, paid up to `period_end` (default: in 20 days); with
    `premium_until`, the user's tier follows it (`users.premium_until`, as a completed
    payment sets it)."""
    end = period_end or datetime.now(UTC) + timedelta(days=20)
    row = await PremiumSubscription.create(
        user_id=user.id,
        plan=plan,
        status=status,
        current_period_start=end - timedelta(days=30),
        current_period_end=end,
        cancel_at_period_end=cancel_at_period_end,
        provider=PROVIDER,
        provider_subscription_id=f"test_sub_{uuid.uuid4().hex}",
    )
    if premium_until:
        await User.filter(id=user.id).update(premium_until=end)
        user.premium_until = end
    return row
