"""Transactions: kinds, statuses, and the state machine the provider's events drive.

- Kinds: COURSE_PURCHASE (a course) and SUBSCRIPTION (a premium plan, first payment or
  renewal).
- Statuses: PENDING (a checkout was started), COMPLETED (the money arrived), FAILED (it will
  not), REFUNDED (it was given back). A checkout creates a PENDING transaction.
- Transitions, one per event type:
  PENDING -> COMPLETED on `payment.succeeded`; PENDING -> FAILED on `payment.failed`;
  COMPLETED -> REFUNDED on `payment.refunded`.
- Money received wins: `payment.succeeded` also completes a stored FAILED transaction, and a
  PENDING one past its 30 minutes (which reads FAILED, see below). The provider has taken
  the money whatever came before (a decline followed by a retry, an expired session, a
  failure event overtaking the success), so the learner gets what they paid for; such a
  transition is `late`. Whether the learner owned the course by then is the caller's check
  (rules/commerce/checkout.py): the duplicate is refunded through the provider.
- Everything else is `Ignored`, with a reason, and is not an error: the event is recorded
  with that outcome and answered 2xx, so the provider stops retrying. That covers a success
  or a refund for a transaction already in that state (a repeat under a new event id), a
  failure after a success (money received wins again), a refund of a transaction never
  completed, any event for a REFUNDED one (refunded is final), and event types this
  machine does not know (Stripe sends many).
- Expiry is computed, never written: a PENDING transaction older than `PENDING_TTL`
  (30 minutes; exactly 30 minutes is still pending) reads FAILED (`effective_status`);
  the stored row stays PENDING, so "FAILED by timeout" is always a stored PENDING.
- An event must carry the transaction's amount and currency (parsed strictly,
  rules/commerce/money.py); a difference is refused (`INVALID` on `amount` or `currency`),
  answered 4xx, and changes nothing. Refunds are whole: a partial refund's amount differs,
  so it is refused the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from core.errors import ErrorCode, FieldError
from rules.commerce.money import InvalidMoney, cents, parse_amount, parse_currency

COURSE_PURCHASE = "course_purchase"
SUBSCRIPTION = "subscription"
TRANSACTION_KINDS = (COURSE_PURCHASE, SUBSCRIPTION)

PENDING = "pending"
COMPLETED = "completed"
FAILED = "failed"
REFUNDED = "refunded"
TRANSACTION_STATUSES = (PENDING, COMPLETED, FAILED, REFUNDED)

PAYMENT_SUCCEEDED = "payment.succeeded"
PAYMENT_FAILED = "payment.failed"
PAYMENT_REFUNDED = "payment.refunded"
PAYMENT_EVENT_TYPES = (PAYMENT_SUCCEEDED, PAYMENT_FAILED, PAYMENT_REFUNDED)
# Not a transition: it creates the renewal's own transaction (rules/commerce/premium.py).
SUBSCRIPTION_RENEWED = "subscription.renewed"

PENDING_TTL = timedelta(minutes=30)

# What a processed event records as its outcome.
APPLIED = "applied"
IGNORED = "ignored"

# Why an event was ignored (recorded with it).
ALREADY_COMPLETED = "already completed"
ALREADY_FAILED = "already failed"
ALREADY_REFUNDED = "already refunded"
FAILED_AFTER_SUCCESS = "a failure after the payment succeeded: money received wins"
NOT_COMPLETED = "only a completed transaction can be refunded"
REFUNDED_IS_FINAL = "the transaction was refunded"
UNKNOWN_EVENT = "unknown event type"


def _value(status: object) -> str:
    return str(getattr(status, "value", status))


@dataclass(frozen=True)
class Transition:
    """The event moves the transaction from `old` to `new`. `late`: the success came after
    the checkout had already read FAILED (expired, or a failure event first)."""

    old: str
    new: str
    late: bool = False

    outcome = APPLIED


@dataclass(frozen=True)
class Ignored:
    """The event does not fit the machine: recorded with `reason`, nothing changes."""

    reason: str

    outcome = IGNORED


Decision = Transition | Ignored


def expires_at(created_at: datetime) -> datetime:
    """When a pending checkout starts reading FAILED (strictly after this instant)."""
    return created_at + PENDING_TTL


def is_expired(created_at: datetime, now: datetime) -> bool:
    return now > expires_at(created_at)


def pending_cutoff(now: datetime) -> datetime:
    """For SQL: a PENDING row is still pending iff `created_at >= pending_cutoff(now)`."""
    return now - PENDING_TTL


def effective_status(stored_status: object, created_at: datetime, now: datetime) -> str:
    """What a transaction is now: PENDING past its 30 minutes reads FAILED."""
    status = _value(stored_status)
    if status == PENDING and is_expired(created_at, now):
        return FAILED
    return status


def decide(stored_status: object, event_type: str, created_at: datetime, now: datetime) -> Decision:
    """What an event does to a transaction in `stored_status` (the stored one, not the
    effective one: expiry matters only to mark a success `late`)."""
    status = _value(stored_status)
    if event_type not in PAYMENT_EVENT_TYPES:
        return Ignored(UNKNOWN_EVENT)
    if status == REFUNDED:
        return Ignored(ALREADY_REFUNDED if event_type == PAYMENT_REFUNDED else REFUNDED_IS_FINAL)
    if event_type == PAYMENT_SUCCEEDED:
        if status == COMPLETED:
            return Ignored(ALREADY_COMPLETED)
        late = status == FAILED or is_expired(created_at, now)
        return Transition(status, COMPLETED, late=late)
    if event_type == PAYMENT_FAILED:
        if status == PENDING:
            return Transition(PENDING, FAILED)
        return Ignored(ALREADY_FAILED if status == FAILED else FAILED_AFTER_SUCCESS)
    # payment.refunded
    if status == COMPLETED:
        return Transition(COMPLETED, REFUNDED)
    return Ignored(NOT_COMPLETED)


@dataclass(frozen=True)
class Times:
    completed_at: datetime | None
    refunded_at: datetime | None


def times_after(
    transition: Transition,
    *,
    completed_at: datetime | None,
    refunded_at: datetime | None,
    now: datetime,
) -> Times:
    """The transaction's times after a transition: completed or refunded "now"; a failure
    sets neither."""
    if transition.new == COMPLETED:
        return Times(now, refunded_at)
    if transition.new == REFUNDED:
        return Times(completed_at, now)
    return Times(completed_at, refunded_at)


def event_mismatch(
    amount: Decimal, currency: str, event_amount: object, event_currency: object
) -> FieldError | None:
    """Why an event's amount or currency does not match the transaction's, or None. A
    malformed amount or currency (a float, "19.999") is refused the same way."""
    try:
        got_amount = parse_amount(event_amount, "amount")
        got_currency = parse_currency(event_currency, "currency")
    except InvalidMoney as refused:
        return refused.problem
    if got_currency != currency.upper():
        return FieldError(
            ErrorCode.INVALID,
            f"The currency {got_currency} differs from the transaction's {currency.upper()}.",
            "currency",
        )
    if got_amount != cents(amount):
        return FieldError(
            ErrorCode.INVALID,
            f"The amount {got_amount} differs from the transaction's {cents(amount)}.",
            "amount",
        )
    return None
