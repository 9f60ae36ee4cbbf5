"""Course revenue: from the SQL's grouped rows to the API's units.

- The database does the grouping (`sum(amount)`, `count(*)` per status and currency, and per
  month and currency); these rules only turn its rows into the API's units, in `Decimal`
  (asyncpg gives numeric as `Decimal`; a float is refused with `TypeError`, so a sum that
  went through a float cannot reach the API). Decimal sums are exact: 0.10 + 0.20 is 0.30.
- Statuses are the effective ones (rules/commerce/transactions.py): the SQL reads a PENDING
  row created before `pending_cutoff(now)` as FAILED. Failed transactions appear nowhere.
- `total` is what was received and kept: the sum of COMPLETED transactions (a refunded one
  is REFUNDED, so the total is net of refunds). `refunded` is the sum of REFUNDED ones. Both
  are lists per currency, sorted by currency, with only the currencies that have such
  transactions (none: an empty list). Counts: completed, refunded, pending.
- `byMonth` follows `total`: COMPLETED transactions grouped by the month they completed in,
  UTC, each month as a `date` on the 1st, oldest first, with its total per currency and its
  count. Months without any are left out (the series is sparse). A refund removes a
  payment from the month it was paid in, so the months always add up to `total`.
- A month from the SQL may come as a date, a naive datetime (`date_trunc` on a timestamp
  taken `AT TIME ZONE 'UTC'`: UTC already) or an aware one (converted to UTC).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from rules.commerce.money import Sum, cents, sum_by_currency
from rules.commerce.transactions import COMPLETED, PENDING, REFUNDED


def _value(status: object) -> str:
    return str(getattr(status, "value", status))


@dataclass(frozen=True)
class StatusRow:
    """One (effective status, currency) group: its sum and count."""

    status: str
    currency: str
    total: Decimal
    count: int


@dataclass(frozen=True)
class MonthRow:
    """One (month, currency) group of COMPLETED transactions."""

    month: date | datetime
    currency: str
    total: Decimal
    count: int


@dataclass(frozen=True)
class RevenueSummary:
    total: list[Sum]
    refunded: list[Sum]
    completed_count: int
    refunded_count: int
    pending_count: int


@dataclass(frozen=True)
class MonthTotal:
    month: date
    total: list[Sum]
    count: int


def month_start(moment: date | datetime) -> date:
    """The 1st of the month `moment` falls in, UTC (a naive datetime is UTC already)."""
    if isinstance(moment, datetime):
        if moment.tzinfo is not None and moment.utcoffset() is not None:
            moment = moment.astimezone(UTC)
        return date(moment.year, moment.month, 1)
    return moment.replace(day=1)


def summarize(rows: Iterable[StatusRow]) -> RevenueSummary:
    """Totals and counts from the rows grouped by status and currency."""
    received: list[tuple[str, Decimal]] = []
    refunded: list[tuple[str, Decimal]] = []
    counts = {COMPLETED: 0, REFUNDED: 0, PENDING: 0}
    for row in rows:
        status = _value(row.status)
        amount = cents(row.total)  # refuses a float
        if status == COMPLETED:
            received.append((row.currency, amount))
        elif status == REFUNDED:
            refunded.append((row.currency, amount))
        if status in counts:
            counts[status] += row.count
    return RevenueSummary(
        total=sum_by_currency(received),
        refunded=sum_by_currency(refunded),
        completed_count=counts[COMPLETED],
        refunded_count=counts[REFUNDED],
        pending_count=counts[PENDING],
    )


def by_month(rows: Iterable[MonthRow]) -> list[MonthTotal]:
    """The month-by-month series, oldest first; rows of the same month are merged."""
    amounts: dict[date, list[tuple[str, Decimal]]] = {}
    counts: dict[date, int] = {}
    for row in rows:
        month = month_start(row.month)
        amounts.setdefault(month, []).append((row.currency, cents(row.total)))
        counts[month] = counts.get(month, 0) + row.count
    return [MonthTotal(m, sum_by_currency(amounts[m]), counts[m]) for m in sorted(amounts)]
