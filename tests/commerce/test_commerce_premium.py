"""Plans and calendar periods, and the premium tier computed on read. No database."""

import calendar
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import ErrorCode, FieldError
from rules.commerce.plans import (
    DEFAULT_PLANS,
    PREMIUM_MONTHLY,
    PREMIUM_YEARLY,
    Plan,
    get_plan,
    make_plans,
    period_end,
    plan_problem,
    renewal_period_end,
    renewal_start,
)
from rules.commerce.premium import (
    ACTIVE,
    CANCELED,
    ENTERPRISE,
    EXPIRED,
    FREE,
    PREMIUM,
    SubscriptionState,
    after_payment,
    after_refund,
    cancel,
    cancel_refusal,
    effective_status,
    hearts_unlimited,
    is_premium,
    subscription_tier,
    tier_now,
)
from rules.learning.hearts import MAX_HEARTS, HeartState, current_hearts, lose_heart
from tests.commerce.properties import PROPERTIES

D = Decimal
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
MONTHLY = DEFAULT_PLANS[PREMIUM_MONTHLY]
YEARLY = DEFAULT_PLANS[PREMIUM_YEARLY]


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# --- plans -----------------------------------------------------------------------------


def test_the_default_plans() -> None:
    assert Plan(PREMIUM_MONTHLY, D("9.99"), "USD", 1) == MONTHLY
    assert Plan(PREMIUM_YEARLY, D("79.99"), "USD", 12) == YEARLY
    assert make_plans() == dict(DEFAULT_PLANS)
    assert all(plan_problem(plan) is None for plan in DEFAULT_PLANS.values())


def test_the_settings_override_prices_and_periods() -> None:
    plans = make_plans(
        monthly_price=D("4.5"), yearly_price=D("45"), currency="eur", yearly_months=6
    )
    assert plans[PREMIUM_MONTHLY] == Plan(PREMIUM_MONTHLY, D("4.50"), "EUR", 1)
    assert plans[PREMIUM_YEARLY] == Plan(PREMIUM_YEARLY, D("45.00"), "EUR", 6)
    with pytest.raises(TypeError):
        make_plans(monthly_price=9.99)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("plan", "problem"),
    [
        (Plan("p", D("0.00"), "USD", 1), "p: the price is above 0 and at most 99999999.99."),
        (Plan("p", D("-1"), "USD", 1), "p: the price is above 0 and at most 99999999.99."),
        (Plan("p", D("1E+8"), "USD", 1), "p: the price is above 0 and at most 99999999.99."),
        (Plan("p", D("1"), "usd", 1), "p: the currency is a 3-letter code (USD)."),
        (Plan("p", D("1"), "DOLLAR", 1), "p: the currency is a 3-letter code (USD)."),
        (Plan("p", D("1"), "USD", 0), "p: the period is 1 to 120 months."),
        (Plan("p", D("1"), "USD", 121), "p: the period is 1 to 120 months."),
    ],
)
def test_a_plan_that_cannot_be_sold_is_a_settings_error(plan: Plan, problem: str) -> None:
    assert plan_problem(plan) == problem


class _Plan(str, Enum):  # what the GraphQL enum will look like
    PREMIUM_YEARLY = "PREMIUM_YEARLY"


def test_a_plan_is_found_by_its_code_or_enum_member() -> None:
    assert get_plan(PREMIUM_MONTHLY) == MONTHLY
    assert get_plan(_Plan.PREMIUM_YEARLY) == YEARLY
    assert get_plan("PREMIUM_WEEKLY") is None


# --- calendar periods ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (utc(2026, 1, 31, 9, 30), 1, utc(2026, 2, 28, 9, 30)),  # clamped
        (utc(2028, 1, 31), 1, utc(2028, 2, 29)),  # leap year
        (utc(2026, 3, 31), 1, utc(2026, 4, 30)),
        (utc(2026, 8, 31), 6, utc(2027, 2, 28)),
        (utc(2026, 12, 15), 1, utc(2027, 1, 15)),  # over the year's end
        (utc(2026, 3, 1, 12), 12, utc(2027, 3, 1, 12)),
        (utc(2028, 2, 29), 12, utc(2029, 2, 28)),
        (utc(2026, 5, 10), 0, utc(2026, 5, 10)),
        (utc(2026, 1, 31), 25, utc(2028, 2, 29)),
    ],
)
def test_a_period_is_calendar_months_with_the_day_clamped(
    start: datetime, months: int, end: datetime
) -> None:
    assert period_end(start, months) == end


def test_a_period_is_computed_in_utc() -> None:
    # 23:30 on Jan 31 in New York is 04:30 on Feb 1 in UTC: one month later is March 1.
    start = datetime(2026, 1, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    end = period_end(start, 1)
    assert end == utc(2026, 3, 1, 4, 30)
    assert end.tzinfo is UTC


def test_a_period_refuses_naive_times_and_negative_months() -> None:
    with pytest.raises(ValueError, match="timezone"):
        period_end(datetime(2026, 1, 1), 1)
    with pytest.raises(ValueError):
        period_end(T0, -1)


@PROPERTIES
@given(
    st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1), timezones=st.just(UTC)),
    st.integers(1, 120),
)
def test_periods_move_by_whole_months_and_never_overshoot(start: datetime, months: int) -> None:
    end = period_end(start, months)
    assert end > start
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.time() == start.time()
    last_day = calendar.monthrange(end.year, end.month)[1]
    assert end.day == min(start.day, last_day)
    assert period_end(start, months + 1) > end


def test_a_renewal_extends_from_the_later_of_the_period_end_and_now() -> None:
    end = utc(2026, 4, 1)
    early, lapsed = utc(2026, 3, 25), utc(2026, 4, 10)
    assert renewal_start(end, early) == end
    assert renewal_start(end, lapsed) == lapsed
    assert renewal_start(None, early) == early
    assert renewal_period_end(end, early, 1) == utc(2026, 5, 1)  # paying early loses nothing
    assert renewal_period_end(end, lapsed, 1) == utc(2026, 5, 10)  # no paying for the gap
    assert renewal_period_end(None, early, 12) == utc(2027, 3, 25)


def test_a_reported_period_end_is_believed_but_never_shortens() -> None:
    end = utc(2026, 4, 1)
    assert renewal_period_end(end, T0, 1, reported_end=utc(2026, 5, 3)) == utc(2026, 5, 3)
    assert renewal_period_end(end, T0, 1, reported_end=utc(2026, 3, 20)) == end
    assert renewal_period_end(None, T0, 1, reported_end=utc(2026, 3, 20)) == utc(2026, 3, 20)


# --- premium ---------------------------------------------------------------------------

END = utc(2026, 4, 1)
SUB = SubscriptionState(PREMIUM_MONTHLY, ACTIVE, END)
CANCELING = SubscriptionState(PREMIUM_MONTHLY, ACTIVE, END, cancel_at_period_end=True)
REFUNDED_SUB = SubscriptionState(PREMIUM_MONTHLY, CANCELED, T0)
BEFORE, AT = END - timedelta(microseconds=1), END


@pytest.mark.parametrize(
    ("subscription", "now", "status", "tier"),
    [
        (SUB, T0, ACTIVE, PREMIUM),
        (SUB, BEFORE, ACTIVE, PREMIUM),
        (SUB, AT, EXPIRED, FREE),  # at the end instant it is over
        (CANCELING, BEFORE, ACTIVE, PREMIUM),  # canceling keeps premium to the end
        (CANCELING, AT, CANCELED, FREE),
        (REFUNDED_SUB, T0 - timedelta(days=1), CANCELED, FREE),
        (None, T0, None, FREE),
    ],
)
def test_the_tier_is_computed_on_read(
    subscription: SubscriptionState | None, now: datetime, status: str | None, tier: str
) -> None:
    if subscription is not None:
        assert effective_status(subscription, now) == status
    assert subscription_tier(subscription, now) == tier
    assert is_premium(subscription, now) == (tier == PREMIUM)
    assert hearts_unlimited(subscription, now) == (tier == PREMIUM)


@pytest.mark.parametrize(
    ("granted", "subscription", "tier"),
    [
        (FREE, SUB, PREMIUM),
        (FREE, None, FREE),
        ("premium", None, PREMIUM),  # a grant made by an admin or the demo data
        (ENTERPRISE, SUB, ENTERPRISE),  # the higher of the two
        ("unknown", SUB, PREMIUM),
    ],
)
def test_the_tier_is_the_higher_of_the_grant_and_the_subscription(
    granted: str, subscription: SubscriptionState | None, tier: str
) -> None:
    assert tier_now(granted, subscription, T0) == tier


def test_the_tier_feeds_the_hearts_rules() -> None:
    premium, free = tier_now(FREE, SUB, T0), tier_now(FREE, SUB, AT)
    assert current_hearts(HeartState(0, T0), T0, premium) == MAX_HEARTS
    assert lose_heart(HeartState(1, T0), T0, premium) == (HeartState(1, T0), 0)
    # Once the period is over, the learner is free again: a mistake costs a heart.
    assert current_hearts(HeartState(0, AT), AT, free) == 0
    assert lose_heart(HeartState(1, AT), AT, free) == (HeartState(0, AT), 1)


def test_a_first_payment_starts_a_period_now() -> None:
    assert after_payment(None, MONTHLY, utc(2026, 1, 31, 8)) == SubscriptionState(
        PREMIUM_MONTHLY, ACTIVE, utc(2026, 2, 28, 8)
    )
    assert after_payment(None, YEARLY, T0) == SubscriptionState(
        PREMIUM_YEARLY, ACTIVE, utc(2027, 3, 1, 12)
    )


def test_a_renewal_extends_and_a_new_payment_clears_the_cancellation() -> None:
    assert after_payment(SUB, MONTHLY, T0).current_period_end == utc(2026, 5, 1)
    renewed = after_payment(CANCELING, YEARLY, T0)  # canceled, then bought the other plan
    assert renewed == SubscriptionState(PREMIUM_YEARLY, ACTIVE, utc(2027, 4, 1))
    lapsed = utc(2026, 6, 15)
    assert after_payment(SUB, MONTHLY, lapsed).current_period_end == utc(2026, 7, 15)
    # A refunded subscription restarts from now, whatever its old end.
    old = SubscriptionState(PREMIUM_MONTHLY, CANCELED, utc(2027, 1, 1))
    assert after_payment(old, MONTHLY, T0).current_period_end == utc(2026, 4, 1, 12)
    reported = after_payment(SUB, MONTHLY, T0, reported_end=utc(2026, 5, 2))
    assert reported.current_period_end == utc(2026, 5, 2)


def test_canceling_keeps_premium_to_the_period_end() -> None:
    assert cancel_refusal(SUB, T0) is None
    canceled = cancel(SUB, T0)
    assert canceled == CANCELING
    assert is_premium(canceled, BEFORE) and not is_premium(canceled, AT)
    assert cancel(canceled, T0) == canceled  # twice is harmless


@pytest.mark.parametrize(
    ("subscription", "now"), [(None, T0), (SUB, AT), (CANCELING, AT), (REFUNDED_SUB, T0)]
)
def test_nothing_in_force_cannot_be_canceled(
    subscription: SubscriptionState | None, now: datetime
) -> None:
    assert cancel_refusal(subscription, now) == FieldError(
        ErrorCode.NOT_FOUND, "You have no subscription to cancel.", None
    )
    if subscription is not None:
        with pytest.raises(ValueError):
            cancel(subscription, now)


def test_a_refund_ends_the_subscription_at_once() -> None:
    refunded = after_refund(SUB, T0)
    assert refunded == SubscriptionState(PREMIUM_MONTHLY, CANCELED, T0)
    assert subscription_tier(refunded, T0) == FREE
    lapsed = SubscriptionState(PREMIUM_MONTHLY, ACTIVE, utc(2026, 1, 1))
    assert after_refund(lapsed, T0).current_period_end == utc(2026, 1, 1)  # never extended
