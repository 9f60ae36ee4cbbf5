"""Starting a checkout, owning a course, and what a completed payment gives. No database."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from core.errors import ErrorCode, FieldError
from rules.commerce.checkout import (
    ENROL,
    EXTEND_SUBSCRIPTION,
    REFUND_DUPLICATE,
    PendingCheckout,
    Refused,
    ReturnPending,
    StartNew,
    access_refusal,
    course_checkout,
    fulfilment,
    is_free,
    owns_course,
    plan_checkout,
    purchase_status,
    reusable,
    target_problem,
)
from rules.commerce.plans import DEFAULT_PLANS, PREMIUM_MONTHLY, PREMIUM_YEARLY, Plan
from rules.commerce.premium import ACTIVE, SubscriptionState
from rules.commerce.transactions import (
    COMPLETED,
    COURSE_PURCHASE,
    FAILED,
    PENDING,
    REFUNDED,
    SUBSCRIPTION,
)

D = Decimal
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
MONTHLY = DEFAULT_PLANS[PREMIUM_MONTHLY]
YEARLY = DEFAULT_PLANS[PREMIUM_YEARLY]


END = datetime(2026, 4, 1, tzinfo=UTC)
SUB = SubscriptionState(PREMIUM_MONTHLY, ACTIVE, END)
CANCELING = SubscriptionState(PREMIUM_MONTHLY, ACTIVE, END, cancel_at_period_end=True)


# --- starting a checkout ---------------------------------------------------------------

PRICE = D("19.99")


def pending(
    tid: int, age: timedelta, amount: str = "19.99", currency: str = "USD", status: str = PENDING
) -> PendingCheckout:
    """A checkout of the learner's, started `age` before T0."""
    return PendingCheckout(tid, T0 - age, D(amount), currency, status)


NOTHING = "Give a course or a plan to buy."
BOTH = "Buy a course or a plan, not both."


@pytest.mark.parametrize(
    ("course_id", "plan", "problem"),
    [
        ("C1", None, None),
        (None, PREMIUM_MONTHLY, None),
        (None, None, FieldError(ErrorCode.REQUIRED, NOTHING, "courseId")),
        ("C1", PREMIUM_MONTHLY, FieldError(ErrorCode.INVALID, BOTH, "plan")),
    ],
)
def test_a_checkout_buys_one_course_or_one_plan(
    course_id: str | None, plan: str | None, problem: FieldError | None
) -> None:
    assert target_problem(course_id, plan) == problem


@pytest.mark.parametrize("price", [None, D("0"), D("0.00")])
def test_a_free_course_cannot_be_bought(price: Decimal | None) -> None:
    assert is_free(price)
    decision = course_checkout(price=price, currency="USD", owned=False, pending=[], now=T0)
    assert decision == Refused(
        FieldError(ErrorCode.INVALID, "This course is free: enroll instead.", "courseId")
    )


def test_an_owned_course_cannot_be_bought_again() -> None:
    decision = course_checkout(price=PRICE, currency="USD", owned=True, pending=[], now=T0)
    assert decision == Refused(
        FieldError(ErrorCode.CONFLICT, "You already own this course.", "courseId")
    )


@pytest.mark.parametrize(
    ("checkouts", "decision"),
    [
        ([], StartNew(D("19.99"), "USD")),
        ([pending(1, timedelta(minutes=5))], ReturnPending(1)),
        ([pending(1, timedelta(minutes=30))], ReturnPending(1)),  # exactly 30: still pending
        ([pending(1, timedelta(minutes=31))], StartNew(D("19.99"), "USD")),  # reads FAILED
        ([pending(1, timedelta(minutes=20)), pending(2, timedelta(minutes=2))], ReturnPending(2)),
        ([pending(1, timedelta(minutes=5), "14.99")], StartNew(D("19.99"), "USD")),  # old price
        ([pending(1, timedelta(minutes=5), currency="EUR")], StartNew(D("19.99"), "USD")),
        ([pending(1, timedelta(minutes=5), currency="usd")], ReturnPending(1)),
        ([pending(1, timedelta(minutes=5), status=FAILED)], StartNew(D("19.99"), "USD")),
        ([pending(1, timedelta(minutes=5), status=COMPLETED)], StartNew(D("19.99"), "USD")),
    ],
)
def test_a_pending_checkout_is_returned_rather_than_a_second_one(
    checkouts: list[PendingCheckout], decision: object
) -> None:
    got = course_checkout(price=D("19.99"), currency="usd", owned=False, pending=checkouts, now=T0)
    assert got == decision


def test_reusable_takes_the_newest_at_the_price() -> None:
    checkouts = [pending(1, timedelta(minutes=9)), pending(2, timedelta(minutes=1), "1.00")]
    assert reusable(checkouts, PRICE, "USD", T0) == checkouts[0]
    assert reusable([], PRICE, "USD", T0) is None


@pytest.mark.parametrize(
    ("plan", "subscription", "decision"),
    [
        (MONTHLY, None, StartNew(D("9.99"), "USD")),
        (YEARLY, SUB, Refused(FieldError(ErrorCode.CONFLICT, "You are already premium.", "plan"))),
        (YEARLY, CANCELING, StartNew(D("79.99"), "USD")),  # canceled: may buy again
        (MONTHLY, SubscriptionState(PREMIUM_MONTHLY, ACTIVE, T0), StartNew(D("9.99"), "USD")),
        (None, None, Refused(FieldError(ErrorCode.INVALID, "Unknown plan.", "plan"))),
    ],
)
def test_a_plan_checkout(
    plan: Plan | None, subscription: SubscriptionState | None, decision: object
) -> None:
    assert plan_checkout(plan=plan, subscription=subscription, pending=[], now=T0) == decision


def test_a_pending_plan_checkout_is_returned() -> None:
    checkouts = [pending(7, timedelta(minutes=3), "9.99")]
    decision = plan_checkout(plan=MONTHLY, subscription=None, pending=checkouts, now=T0)
    assert decision == ReturnPending(7)


# --- owning a course -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "summary"),
    [
        ([], None),
        ([PENDING, FAILED], None),
        ([REFUNDED, FAILED], REFUNDED),
        ([REFUNDED, COMPLETED], COMPLETED),  # bought again after a refund
        ([COMPLETED], COMPLETED),
    ],
)
def test_purchases_are_summed_up(statuses: list[str], summary: str | None) -> None:
    assert purchase_status(statuses) == summary


PAY = FieldError(ErrorCode.PAYMENT_REQUIRED, "This course must be purchased first.", "courseId")
REFUND = FieldError(
    ErrorCode.PAYMENT_REQUIRED, "Your purchase of this course was refunded.", "courseId"
)


@pytest.mark.parametrize(
    ("price", "purchase", "enrolled", "problem"),
    [
        (None, None, False, None),  # free
        (D("0"), REFUNDED, True, None),  # free now: a refund no longer matters
        (PRICE, COMPLETED, False, None),  # paid: may enrol
        (PRICE, COMPLETED, True, None),
        (PRICE, None, False, PAY),
        (PRICE, None, True, None),  # enrolled while free, or by staff: kept
        (PRICE, REFUNDED, True, REFUND),  # the refund takes access away, history kept
        (PRICE, REFUNDED, False, REFUND),
    ],
)
def test_access_to_a_priced_course_follows_the_purchase(
    price: Decimal | None, purchase: str | None, enrolled: bool, problem: FieldError | None
) -> None:
    assert access_refusal(price=price, purchase=purchase, enrolled=enrolled) == problem
    owned = owns_course(price=price, purchase=purchase, enrolled=enrolled)
    assert owned == (problem is None)


def test_the_access_refusal_names_the_field_asked_for() -> None:
    problem = access_refusal(price=PRICE, purchase=REFUNDED, enrolled=True, field="lessonId")
    assert problem is not None and problem.field == "lessonId"


@pytest.mark.parametrize(
    ("kind", "owned", "effect"),
    [
        (COURSE_PURCHASE, False, ENROL),
        (COURSE_PURCHASE, True, REFUND_DUPLICATE),
        (SUBSCRIPTION, False, EXTEND_SUBSCRIPTION),
        (SUBSCRIPTION, True, EXTEND_SUBSCRIPTION),
    ],
)
def test_what_a_completed_payment_does(kind: str, owned: bool, effect: str) -> None:
    assert fulfilment(kind, already_owned=owned) == effect
