"""Commerce rules: the transaction state machine and the revenue figures. No database.
Money: test_commerce_money.py; plans and premium: test_commerce_premium.py; checkout:
test_commerce_checkout.py; signatures: test_commerce_signatures.py."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import ErrorCode
from rules.commerce.money import Sum, render, sum_by_currency
from rules.commerce.revenue import (
    MonthRow,
    MonthTotal,
    RevenueSummary,
    StatusRow,
    by_month,
    month_start,
    summarize,
)
from rules.commerce.transactions import (
    ALREADY_COMPLETED,
    ALREADY_FAILED,
    ALREADY_REFUNDED,
    APPLIED,
    COMPLETED,
    FAILED,
    FAILED_AFTER_SUCCESS,
    IGNORED,
    NOT_COMPLETED,
    PAYMENT_FAILED,
    PAYMENT_REFUNDED,
    PAYMENT_SUCCEEDED,
    PENDING,
    PENDING_TTL,
    REFUNDED,
    REFUNDED_IS_FINAL,
    SUBSCRIPTION_RENEWED,
    UNKNOWN_EVENT,
    Decision,
    Ignored,
    Times,
    Transition,
    decide,
    effective_status,
    event_mismatch,
    expires_at,
    is_expired,
    pending_cutoff,
    times_after,
)
from tests.commerce.properties import PROPERTIES, amounts

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
D = Decimal


# --- transactions: the state machine ---------------------------------------------------

FRESH = T0 + timedelta(minutes=5)  # "now" while the checkout is pending
LATE = T0 + timedelta(hours=2)  # "now" once it reads FAILED


@pytest.mark.parametrize(
    ("stored", "event", "now", "decision"),
    [
        (PENDING, PAYMENT_SUCCEEDED, FRESH, Transition(PENDING, COMPLETED)),
        (PENDING, PAYMENT_FAILED, FRESH, Transition(PENDING, FAILED)),
        (COMPLETED, PAYMENT_REFUNDED, FRESH, Transition(COMPLETED, REFUNDED)),
        # Money received wins: past 30 minutes, or after a failure.
        (PENDING, PAYMENT_SUCCEEDED, LATE, Transition(PENDING, COMPLETED, late=True)),
        (FAILED, PAYMENT_SUCCEEDED, FRESH, Transition(FAILED, COMPLETED, late=True)),
        (FAILED, PAYMENT_SUCCEEDED, LATE, Transition(FAILED, COMPLETED, late=True)),
        # An expired checkout can still fail explicitly (it read FAILED already).
        (PENDING, PAYMENT_FAILED, LATE, Transition(PENDING, FAILED)),
        # Everything else is recorded and ignored.
        (COMPLETED, PAYMENT_SUCCEEDED, FRESH, Ignored(ALREADY_COMPLETED)),
        (COMPLETED, PAYMENT_FAILED, FRESH, Ignored(FAILED_AFTER_SUCCESS)),
        (FAILED, PAYMENT_FAILED, FRESH, Ignored(ALREADY_FAILED)),
        (PENDING, PAYMENT_REFUNDED, FRESH, Ignored(NOT_COMPLETED)),
        (FAILED, PAYMENT_REFUNDED, FRESH, Ignored(NOT_COMPLETED)),
        (REFUNDED, PAYMENT_REFUNDED, FRESH, Ignored(ALREADY_REFUNDED)),
        (REFUNDED, PAYMENT_SUCCEEDED, FRESH, Ignored(REFUNDED_IS_FINAL)),
        (REFUNDED, PAYMENT_FAILED, FRESH, Ignored(REFUNDED_IS_FINAL)),
        (PENDING, "charge.dispute.created", FRESH, Ignored(UNKNOWN_EVENT)),
        (PENDING, SUBSCRIPTION_RENEWED, FRESH, Ignored(UNKNOWN_EVENT)),  # not a transition
        (COMPLETED, "", FRESH, Ignored(UNKNOWN_EVENT)),
    ],
)
def test_the_state_machine(stored: str, event: str, now: datetime, decision: Decision) -> None:
    assert decide(stored, event, T0, now) == decision


class _Status(str, Enum):  # what the model's enum will look like
    PENDING = "pending"


def test_decisions_say_their_outcome_and_accept_enum_members() -> None:
    transition = decide(_Status.PENDING, PAYMENT_SUCCEEDED, T0, FRESH)
    assert transition == Transition(PENDING, COMPLETED)
    assert transition.outcome == APPLIED
    assert Ignored(ALREADY_COMPLETED).outcome == IGNORED


@pytest.mark.parametrize(
    ("stored", "now", "status"),
    [
        (PENDING, T0, PENDING),
        (PENDING, T0 + PENDING_TTL, PENDING),  # exactly 30 minutes: still pending
        (PENDING, T0 + PENDING_TTL + timedelta(microseconds=1), FAILED),
        (PENDING, T0 + timedelta(days=3), FAILED),
        (COMPLETED, T0 + timedelta(days=3), COMPLETED),
        (FAILED, T0, FAILED),
        (REFUNDED, T0 + timedelta(days=3), REFUNDED),
        (_Status.PENDING, T0 + timedelta(hours=1), FAILED),
    ],
)
def test_a_pending_checkout_reads_failed_after_thirty_minutes(
    stored: str, now: datetime, status: str
) -> None:
    assert timedelta(minutes=30) == PENDING_TTL
    assert effective_status(stored, T0, now) == status


@PROPERTIES
@given(st.integers(0, 10**10))
def test_the_sql_cutoff_agrees_with_expiry(microseconds: int) -> None:
    now = T0 + timedelta(microseconds=microseconds)
    assert is_expired(T0, now) == (pending_cutoff(now) > T0)
    assert expires_at(T0) == T0 + PENDING_TTL


def test_a_transition_sets_its_time_and_keeps_the_other() -> None:
    now = T0 + timedelta(days=1)
    done = T0 + timedelta(minutes=1)
    assert times_after(
        Transition(PENDING, COMPLETED), completed_at=None, refunded_at=None, now=now
    ) == Times(now, None)
    assert times_after(
        Transition(COMPLETED, REFUNDED), completed_at=done, refunded_at=None, now=now
    ) == Times(done, now)
    assert times_after(
        Transition(PENDING, FAILED), completed_at=None, refunded_at=None, now=now
    ) == Times(None, None)


@pytest.mark.parametrize(
    ("stored", "currency", "amount", "event_currency"),
    [
        (D("19.99"), "USD", "19.99", "USD"),
        (D("19.99"), "USD", "19.99", "usd"),
        (D("20"), "usd", "20.00", "USD"),
        (D("20.00"), "USD", "20", "USD"),
    ],
)
def test_an_event_with_the_transactions_amount_and_currency_matches(
    stored: Decimal, currency: str, amount: str, event_currency: str
) -> None:
    assert event_mismatch(stored, currency, amount, event_currency) is None


@pytest.mark.parametrize(
    ("amount", "currency", "code", "field"),
    [
        ("19.98", "USD", ErrorCode.INVALID, "amount"),
        ("1.99", "USD", ErrorCode.INVALID, "amount"),  # a partial refund
        ("199.90", "USD", ErrorCode.INVALID, "amount"),
        ("19.99", "EUR", ErrorCode.INVALID, "currency"),
        (19.99, "USD", ErrorCode.INVALID, "amount"),  # a float, even equal
        (None, "USD", ErrorCode.REQUIRED, "amount"),
        ("19.99", None, ErrorCode.REQUIRED, "currency"),
        ("19.99", "US", ErrorCode.INVALID, "currency"),
        ("19.990", "USD", ErrorCode.INVALID, "amount"),  # malformed, even if equal
    ],
)
def test_an_event_that_differs_is_refused(
    amount: object, currency: object, code: ErrorCode, field: str
) -> None:
    problem = event_mismatch(D("19.99"), "USD", amount, currency)
    assert problem is not None
    assert (problem.code, problem.field) == (code, field)


# --- revenue ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "month"),
    [
        (datetime(2026, 3, 31, 23, 59, tzinfo=UTC), date(2026, 3, 1)),
        # 23:00 in New York on March 31 is April 1 in UTC.
        (datetime(2026, 3, 31, 23, 0, tzinfo=timezone(timedelta(hours=-4))), date(2026, 4, 1)),
        (datetime(2026, 4, 1, 1, 0, tzinfo=timezone(timedelta(hours=2))), date(2026, 3, 1)),
        (datetime(2026, 12, 1, 0, 0), date(2026, 12, 1)),  # naive: UTC already
        (date(2026, 2, 17), date(2026, 2, 1)),
        (date(2026, 2, 1), date(2026, 2, 1)),
    ],
)
def test_a_month_is_its_first_day_in_utc(moment: date | datetime, month: date) -> None:
    assert month_start(moment) == month
    assert type(month_start(moment)) is date


def test_the_summary_is_net_of_refunds_per_currency() -> None:
    rows = [
        StatusRow(COMPLETED, "USD", D("0.10"), 1),
        StatusRow(COMPLETED, "USD", D("0.20"), 1),  # the same group split: still exact
        StatusRow(COMPLETED, "EUR", D("39.98"), 2),
        StatusRow(REFUNDED, "USD", D("19.99"), 1),
        StatusRow(PENDING, "USD", D("19.99"), 3),
        StatusRow(FAILED, "USD", D("59.97"), 3),  # failed ones appear nowhere
    ]
    assert summarize(rows) == RevenueSummary(
        total=[Sum("EUR", D("39.98")), Sum("USD", D("0.30"))],
        refunded=[Sum("USD", D("19.99"))],
        completed_count=4,
        refunded_count=1,
        pending_count=3,
    )
    assert render(summarize(rows).total[1].amount) == "0.30"


def test_no_transactions_give_empty_lists_and_zero_counts() -> None:
    assert summarize([]) == RevenueSummary([], [], 0, 0, 0)
    assert by_month([]) == []


def test_a_float_from_the_sql_is_refused() -> None:
    with pytest.raises(TypeError):
        summarize([StatusRow(COMPLETED, "USD", 0.1, 1)])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        by_month([MonthRow(date(2026, 1, 1), "USD", 0.1, 1)])  # type: ignore[arg-type]


def test_the_months_are_first_days_oldest_first_merged_and_sparse() -> None:
    rows = [
        MonthRow(datetime(2026, 3, 1), "USD", D("19.99"), 1),
        MonthRow(datetime(2026, 1, 1, tzinfo=UTC), "USD", D("0.10"), 1),
        MonthRow(date(2026, 1, 1), "USD", D("0.20"), 1),
        MonthRow(date(2026, 1, 1), "EUR", D("9.99"), 1),
    ]
    assert by_month(rows) == [
        MonthTotal(date(2026, 1, 1), [Sum("EUR", D("9.99")), Sum("USD", D("0.30"))], 3),
        MonthTotal(date(2026, 3, 1), [Sum("USD", D("19.99"))], 1),  # no February: sparse
    ]


@dataclass(frozen=True)
class _Payment:
    completed_at: datetime
    currency: str
    amount: Decimal


@PROPERTIES
@given(
    st.lists(
        st.builds(
            _Payment,
            st.datetimes(datetime(2024, 1, 1), datetime(2027, 1, 1), timezones=st.just(UTC)),
            st.sampled_from(["USD", "EUR"]),
            amounts,
        ),
        max_size=40,
    )
)
def test_the_months_add_up_to_the_total(payments: list[_Payment]) -> None:
    # What the SQL would group: per (month, currency) and per (status, currency).
    months: dict[tuple[date, str], list[Decimal]] = {}
    currencies: dict[str, list[Decimal]] = {}
    for payment in payments:
        key = (month_start(payment.completed_at), payment.currency)
        months.setdefault(key, []).append(payment.amount)
        currencies.setdefault(payment.currency, []).append(payment.amount)
    month_rows = [MonthRow(m, c, sum(a, D(0)), len(a)) for (m, c), a in months.items()]
    status_rows = [StatusRow(COMPLETED, c, sum(a, D(0)), len(a)) for c, a in currencies.items()]
    series = by_month(month_rows)
    summary = summarize(status_rows)
    assert [entry.month for entry in series] == sorted({m for m, _ in months})
    assert all(entry.month.day == 1 for entry in series)
    assert sum(entry.count for entry in series) == summary.completed_count == len(payments)
    added = sum_by_currency([pair for entry in series for pair in entry.total])
    assert added == summary.total
