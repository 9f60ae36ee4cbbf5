"""Starting a checkout: a PENDING transaction and the provider's payment page for it.

- The decisions are rules/commerce/checkout.py's: exactly one of a course and a plan; a free
  course is INVALID on `courseId`; one the learner owns (a completed purchase, or an
  enrollment that still opens it) is CONFLICT on `courseId`; a renewing premium plan is
  CONFLICT on `plan`; a checkout of the same thing still pending (not past its 30 minutes)
  at the current price is returned as it is, with its payment page; otherwise a new PENDING
  transaction at the course's price (or the plan's, from the settings) goes to the provider.
  A course the viewer cannot see is NOT_FOUND on `courseId`.
- Two clicks at once make one checkout: the decision and the new row are made holding the
  learner's row lock (`queries.LOCK_USER`), so the second click waits and then finds the
  first's pending checkout, page and all.
- The provider is asked inside that database transaction: if it fails, no pending row is
  left without a page, and the page is stored (`metadata.checkout_url`, with the
  `return_url`) before anyone can see the row. The provider's webhook for it can only come
  after the learner opened the page, so after the commit.
- The pay page of the local provider reads a checkout by id without a sign-in
  (`checkout_page`): its address is the capability, as a hosted payment page's is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core.errors import AppError, not_found
from core.ids import global_id
from models.catalog import Course
from models.commerce import (
    PremiumSubscription,
    SubscriptionPlan,
    Transaction,
    TransactionKind,
    TransactionStatus,
)
from models.learning import Enrollment
from resolvers.catalog.policy import can_see
from resolvers.commerce import queries
from resolvers.commerce.subscriptions import subscription_state
from resolvers.identity.policy import require_viewer
from rules.commerce.checkout import (
    CheckoutDecision,
    PendingCheckout,
    Refused,
    ReturnPending,
    course_checkout,
    owns_course,
    plan_checkout,
    purchase_status,
    target_problem,
)
from rules.commerce.plans import Plan, get_plan
from rules.commerce.transactions import effective_status
from services.payments.base import CheckoutRequest, PaymentProvider

if TYPE_CHECKING:
    from models.identity import User

CHECKOUT_URL = "checkout_url"
RETURN_URL = "return_url"
PLAN_NAMES = {
    SubscriptionPlan.PREMIUM_MONTHLY.value: "Premium, monthly",
    SubscriptionPlan.PREMIUM_YEARLY.value: "Premium, yearly",
}


@dataclass(frozen=True)
class CheckoutResult:
    transaction: Transaction
    checkout_url: str


@dataclass(frozen=True)
class _Target:
    """What is being bought, as the rules and the provider need it."""

    kind: TransactionKind
    decision: CheckoutDecision
    description: str
    course_id: UUID | None = None
    plan: Plan | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def _pending(rows: list[Transaction]) -> list[PendingCheckout]:
    """The stored checkouts the rules may hand back: pending ones with a payment page."""
    return [
        PendingCheckout(row.id, row.created_at, row.amount, row.currency, row.status.value)
        for row in rows
        if row.status is TransactionStatus.PENDING and row.metadata.get(CHECKOUT_URL)
    ]


async def _course_target(
    conn: BaseDBAsyncClient, user: User, course_id: Any, now: datetime
) -> _Target:
    course = await Course.get_or_none(id=course_id, using_db=conn)
    if course is None or not can_see(user, course):
        raise not_found("Course", "courseId")
    purchases = (
        await Transaction.filter(
            user_id=user.id, course_id=course.id, kind=TransactionKind.COURSE_PURCHASE
        )
        .using_db(conn)
        .all()
    )
    enrolled = await Enrollment.filter(user_id=user.id, course_id=course.id).using_db(conn).exists()
    price: Decimal = course.price_amount
    owned = owns_course(
        price=price, purchase=purchase_status(row.status for row in purchases), enrolled=enrolled
    )
    decision = course_checkout(
        price=price,
        currency=course.price_currency,
        owned=owned,
        pending=_pending(purchases),
        now=now,
    )
    return _Target(
        TransactionKind.COURSE_PURCHASE, decision, f"Course: {course.title}", course_id=course.id
    )


async def _plan_target(
    conn: BaseDBAsyncClient, user: User, code: Any, plans: Mapping[str, Plan], now: datetime
) -> _Target:
    plan = get_plan(code, plans)
    subscription = await PremiumSubscription.get_or_none(user_id=user.id, using_db=conn)
    pending = []
    if plan is not None:
        pending = (
            await Transaction.filter(
                user_id=user.id,
                kind=TransactionKind.SUBSCRIPTION,
                plan=plan.code,
                status=TransactionStatus.PENDING,
            )
            .using_db(conn)
            .all()
        )
    decision = plan_checkout(
        plan=plan,
        subscription=subscription_state(subscription),
        pending=_pending(pending),
        now=now,
    )
    name = PLAN_NAMES.get(plan.code, plan.code) if plan is not None else ""
    return _Target(TransactionKind.SUBSCRIPTION, decision, name, plan=plan)


async def start_checkout(
    viewer: User | None,
    provider: PaymentProvider,
    *,
    course_id: Any = None,
    plan: Any = None,
    plans: Mapping[str, Plan],
    app_url: str,
    return_url: str,
) -> CheckoutResult:
    """The viewer's checkout of a course or a plan, and where to pay it (see the module's
    rules). `plans`: the plans on sale (resolvers/commerce/pricing.py)."""
    user = require_viewer(viewer)
    problem = target_problem(course_id, plan)
    if problem is not None:
        raise AppError(problem)
    now = _now()
    async with in_transaction() as conn:
        await conn.execute_query(queries.LOCK_USER, [user.id])
        if course_id is not None:
            target = await _course_target(conn, user, course_id, now)
        else:
            target = await _plan_target(conn, user, plan, plans, now)
        decision = target.decision
        if isinstance(decision, Refused):
            raise AppError(decision.problem)
        if isinstance(decision, ReturnPending):
            existing = await Transaction.get(id=decision.transaction_id, using_db=conn)
            return CheckoutResult(existing, existing.metadata[CHECKOUT_URL])
        transaction = await Transaction.create(
            kind=target.kind,
            user_id=user.id,
            course_id=target.course_id,
            plan=target.plan.code if target.plan is not None else None,
            amount=decision.amount,
            currency=decision.currency,
            status=TransactionStatus.PENDING,
            provider=provider.name,
            metadata={RETURN_URL: return_url},
            using_db=conn,
        )
        checkout = await provider.start_checkout(
            CheckoutRequest(
                transaction_id=transaction.id,
                transaction_global_id=global_id("Transaction", transaction.id),
                amount=decision.amount,
                currency=decision.currency,
                description=target.description,
                customer_email=user.email,
                app_url=app_url,
                return_url=return_url,
                recurring_months=target.plan.months if target.plan is not None else None,
            )
        )
        transaction.provider_transaction_id = checkout.provider_transaction_id
        transaction.metadata = {**transaction.metadata, CHECKOUT_URL: checkout.url}
        await transaction.save(
            using_db=conn, update_fields=["provider_transaction_id", "metadata", "updated_at"]
        )
    return CheckoutResult(transaction, checkout.url)


# --- the local provider's pay page ------------------------------------------------------


@dataclass(frozen=True)
class CheckoutPage:
    """A checkout as its pay page shows it."""

    transaction: Transaction
    description: str
    status: str  # effective: a pending checkout past its 30 minutes reads FAILED
    return_url: str | None


async def checkout_page(transaction_id: UUID, provider_name: str) -> CheckoutPage | None:
    """The checkout `transaction_id` made with `provider_name`, or None."""
    transaction = await Transaction.get_or_none(id=transaction_id, provider=provider_name)
    if transaction is None:
        return None
    if transaction.course_id is not None:
        course = await Course.get_or_none(id=transaction.course_id)
        description = f"Course: {course.title}" if course is not None else "A course"
    else:
        code = transaction.plan.value if transaction.plan is not None else ""
        description = PLAN_NAMES.get(code, code)
    return CheckoutPage(
        transaction=transaction,
        description=description,
        status=effective_status(transaction.status, transaction.created_at, _now()),
        return_url=transaction.metadata.get(RETURN_URL),
    )
