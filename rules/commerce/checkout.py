"""Starting a checkout, owning a course, and what a completed payment gives.

- `startCheckout` takes exactly one of a course and a plan: neither is `REQUIRED` on
  `courseId`, both `INVALID` on `plan`.
- A course checkout, in this order: a free course (no price, or 0) is `INVALID` on
  `courseId` (enroll instead); a course the learner owns is `CONFLICT` on `courseId`; a
  checkout of it still pending (not past its 30 minutes) at the course's current price is
  returned as it is, so a double click or a second tab never makes two payments; otherwise
  a new PENDING transaction at the course's price. A pending checkout at an older price is
  left to expire (its payment page shows the old amount).
- A plan checkout: an unknown plan is `INVALID` on `plan`; a learner already premium
  through a subscription that renews (not canceled) is `CONFLICT` on `plan` (switching plans
  is: cancel, then buy the other one, which starts when the current period ends); a pending
  checkout of the same plan at its current price is returned; otherwise a new one.
- Access to a priced course follows the learner's purchases of it, summed up by
  `purchase_status`: COMPLETED if one is completed, else REFUNDED if one was refunded, else
  none (pending and failed ones give nothing). COMPLETED gives access; REFUNDED takes it away
  (`PAYMENT_REQUIRED`), the enrollment and its history kept; with no purchase, an existing
  enrollment keeps its access (made while the course was free, or by staff), and a new one
  needs a purchase (`PAYMENT_REQUIRED`). Premium does not unlock priced courses.
- Owning a course is having access to it (`owns_course`), so a learner is never sold what
  they can already open.
- A completed COURSE_PURCHASE enrols the learner (or gives back a refunded enrollment's
  access); if they owned the course by then through something else (another purchase that
  completed, a success that came late, see rules/commerce/transactions.py), the duplicate is
  refunded through the provider instead. A completed SUBSCRIPTION payment extends the
  subscription (rules/commerce/premium.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from core.errors import ErrorCode, FieldError
from rules.commerce.money import cents
from rules.commerce.plans import Plan
from rules.commerce.premium import SubscriptionState, is_premium
from rules.commerce.transactions import (
    COMPLETED,
    COURSE_PURCHASE,
    PENDING,
    REFUNDED,
    effective_status,
)

# What a completed payment does (`fulfilment`).
ENROL = "enrol"
REFUND_DUPLICATE = "refund_duplicate"
EXTEND_SUBSCRIPTION = "extend_subscription"


def _value(status: object) -> str:
    return str(getattr(status, "value", status))


# --- the input -------------------------------------------------------------------------


def target_problem(course_id: object, plan: object) -> FieldError | None:
    """Why the checkout's input is not exactly one of a course and a plan, or None."""
    if course_id is None and plan is None:
        return FieldError(ErrorCode.REQUIRED, "Give a course or a plan to buy.", "courseId")
    if course_id is not None and plan is not None:
        return FieldError(ErrorCode.INVALID, "Buy a course or a plan, not both.", "plan")
    return None


# --- owning a course -------------------------------------------------------------------


def is_free(price: Decimal | None) -> bool:
    return price is None or cents(price) == 0


def purchase_status(statuses: Iterable[object]) -> str | None:
    """The learner's purchases of a course summed up: COMPLETED, REFUNDED or None."""
    seen = {_value(status) for status in statuses}
    if COMPLETED in seen:
        return COMPLETED
    if REFUNDED in seen:
        return REFUNDED
    return None


def access_refusal(
    *,
    price: Decimal | None,
    purchase: str | None,
    enrolled: bool,
    field: str = "courseId",
) -> FieldError | None:
    """Why the learner may not use (enrol in, or start a lesson of) a course, or None.
    `purchase` is `purchase_status` of their purchases of it."""
    if is_free(price) or purchase == COMPLETED:
        return None
    if purchase == REFUNDED:
        return FieldError(
            ErrorCode.PAYMENT_REQUIRED, "Your purchase of this course was refunded.", field
        )
    if enrolled:
        return None
    return FieldError(ErrorCode.PAYMENT_REQUIRED, "This course must be purchased first.", field)


def owns_course(*, price: Decimal | None, purchase: str | None, enrolled: bool) -> bool:
    """Whether the learner can open the course without paying (again)."""
    return access_refusal(price=price, purchase=purchase, enrolled=enrolled) is None


def fulfilment(kind: object, *, already_owned: bool = False) -> str:
    """What a completed payment of this kind does; `already_owned`: the learner owned the
    course before this payment (through anything but this transaction)."""
    if _value(kind) != COURSE_PURCHASE:
        return EXTEND_SUBSCRIPTION
    return REFUND_DUPLICATE if already_owned else ENROL


# --- decisions -------------------------------------------------------------------------


@dataclass(frozen=True)
class PendingCheckout:
    """One of the learner's checkouts of the same course or plan, as stored."""

    transaction_id: object
    created_at: datetime
    amount: Decimal
    currency: str
    status: str = PENDING


@dataclass(frozen=True)
class StartNew:
    """Create a PENDING transaction for this amount and ask the provider for a page."""

    amount: Decimal
    currency: str


@dataclass(frozen=True)
class ReturnPending:
    """Return this pending transaction (and its payment page) as it is."""

    transaction_id: object


@dataclass(frozen=True)
class Refused:
    problem: FieldError


CheckoutDecision = StartNew | ReturnPending | Refused


def reusable(
    pending: Iterable[PendingCheckout], amount: Decimal, currency: str, now: datetime
) -> PendingCheckout | None:
    """The newest checkout still pending at this amount and currency, or None."""
    price, code = cents(amount), currency.upper()
    candidates = [
        checkout
        for checkout in pending
        if effective_status(checkout.status, checkout.created_at, now) == PENDING
        and cents(checkout.amount) == price
        and checkout.currency.upper() == code
    ]
    return max(candidates, key=lambda checkout: checkout.created_at, default=None)


def _start_or_reuse(
    pending: Iterable[PendingCheckout], amount: Decimal, currency: str, now: datetime
) -> CheckoutDecision:
    existing = reusable(pending, amount, currency, now)
    if existing is not None:
        return ReturnPending(existing.transaction_id)
    return StartNew(cents(amount), currency.upper())


def course_checkout(
    *,
    price: Decimal | None,
    currency: str,
    owned: bool,
    pending: Iterable[PendingCheckout],
    now: datetime,
) -> CheckoutDecision:
    """Starting a checkout of a course (see the module's rules); `pending`: the learner's
    checkouts of this course (expired ones are skipped here)."""
    if price is None or is_free(price):
        return Refused(
            FieldError(ErrorCode.INVALID, "This course is free: enroll instead.", "courseId")
        )
    if owned:
        return Refused(FieldError(ErrorCode.CONFLICT, "You already own this course.", "courseId"))
    return _start_or_reuse(pending, price, currency, now)


def plan_checkout(
    *,
    plan: Plan | None,
    subscription: SubscriptionState | None,
    pending: Iterable[PendingCheckout],
    now: datetime,
) -> CheckoutDecision:
    """Starting a checkout of a plan (`plan` None: not a plan on sale)."""
    if plan is None:
        return Refused(FieldError(ErrorCode.INVALID, "Unknown plan.", "plan"))
    if (
        subscription is not None
        and is_premium(subscription, now)
        and not subscription.cancel_at_period_end
    ):
        return Refused(FieldError(ErrorCode.CONFLICT, "You are already premium.", "plan"))
    return _start_or_reuse(pending, plan.price, plan.currency, now)
